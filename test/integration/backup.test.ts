/**
 * Backups on real files: the daily backup and its rotation, a backup taken while postings run, a
 * restore round trip that keeps the replaced database, a damaged database recovered from its latest
 * backup at start, a backup before every migration, and every refusal leaving the database as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openBackend, openBackendOrExplain, type Backend } from '../../electron/backend/index';
import { listBackups, rotationVictims, type BackupFile } from '../../electron/backend/backup/files';
import { migrate } from '../../electron/backend/db/database';
import { migrations, latestSchemaVersion } from '../../electron/backend/db/migrations';
import { call, refusal, seedDepot, type Depot } from '../fixtures/depot';
import { expectLedgerInvariants } from '../fixtures/ledger-invariants';
import { makeTempDir } from '../fixtures/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
let clock: Date;
let backend: Backend;
let depot: Depot;

const open = () => openBackend({ role: 'admin', dbPath: tmp.dbPath, now: () => clock });
const backupsDir = () => path.join(tmp.dir, 'backups');

async function receive(units: number, batchNo = '') {
  return call(backend, 'stock:post-receipt', {
    kind: 'allocation',
    sourceId: depot.sources.city.id,
    partyId: depot.parties.bureau.id,
    lines: [{ itemId: depot.items.tent.id, units, cartons: 0, batchNo, locationId: depot.locations.a01.id }],
  });
}

async function tentsOnHand(b: Backend = backend): Promise<number> {
  const rows = await call(b, 'stock:on-hand', { itemId: depot.items.tent.id });
  return rows.reduce((sum, r) => sum + r.quantity, 0);
}

function documentNumbersIn(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT number FROM documents ORDER BY number').pluck().all() as string[];
  } finally {
    db.close();
  }
}

beforeEach(async () => {
  tmp = makeTempDir('relief-reserve-backup-');
  clock = new Date(2026, 10, 28, 8, 30, 0); // local time: the keeper's day starts at local midnight
  backend = open();
  depot = await seedDepot(backend);
});
afterEach(() => {
  backend.close();
  tmp.cleanup();
});

describe('daily backup', () => {
  test('the first start of a day writes one verified backup; later starts that day write none', async () => {
    await receive(30);
    const first = await call(backend, 'backup:ensure-daily');
    expect(first.created).not.toBeNull();
    expect(first.created!.kind).toBe('daily');
    expect(first.created!.file).toBe('relief-reserve-daily-20261128-083000.db');
    expect(first.created!.facts).toMatchObject({ siteCode: 'SZ-01', documents: 1, schemaVersion: latestSchemaVersion });
    expect(documentNumbersIn(first.created!.path)).toEqual(['RK-2026-00001']);
    // Self-contained: no WAL beside it, so it opens from a read-only USB stick.
    expect(fs.existsSync(`${first.created!.path}-wal`)).toBe(false);
    expect(fs.readdirSync(backupsDir()).filter((f) => f.endsWith('.partial'))).toEqual([]);

    clock = new Date(2026, 10, 28, 17, 0, 0);
    expect((await call(backend, 'backup:ensure-daily')).created).toBeNull();
    const status = await call(backend, 'backup:status');
    expect(status.dailyDue).toBe(false);
    expect(status.backups.map((b) => b.file)).toEqual(['relief-reserve-daily-20261128-083000.db']);
    expect(status.lastBackupAt).toBe('2026-11-28T08:30:00');

    clock = new Date(2026, 10, 29, 7, 0, 0);
    expect((await call(backend, 'backup:status')).dailyDue).toBe(true);
    expect((await call(backend, 'backup:ensure-daily')).created?.file).toBe('relief-reserve-daily-20261129-070000.db');
  });

  test('rotation keeps the newest 14 days and the first backup of each of the newest 12 months', () => {
    const files: BackupFile[] = [];
    for (let d = 0; d < 500; d++) {
      const at = new Date(2025, 0, 1 + d, 8, 0, 0);
      const day = `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;
      files.push({ path: `/b/${day}`, file: day, kind: 'daily', takenAt: `${day}T08:00:00`, sizeBytes: 1 });
    }
    files.push({ path: '/b/manual', file: 'm', kind: 'manual', takenAt: '2025-01-01T09:00:00', sizeBytes: 1 });
    const victims = new Set(rotationVictims(files, 14, 12).map((f) => f.path));
    const kept = files.filter((f) => !victims.has(f.path)).map((f) => f.path);
    // 500 days from 2025-01-01 end on 2026-05-15: the last 14 days, plus the 1st of 12 months.
    expect(kept).toContain('/b/2026-05-15');
    expect(kept).toContain('/b/2026-05-02');
    expect(kept.filter((p) => p.endsWith('-01') && p.startsWith('/b/20')).sort()).toEqual([
      '/b/2025-06-01',
      '/b/2025-07-01',
      '/b/2025-08-01',
      '/b/2025-09-01',
      '/b/2025-10-01',
      '/b/2025-11-01',
      '/b/2025-12-01',
      '/b/2026-01-01',
      '/b/2026-02-01',
      '/b/2026-03-01',
      '/b/2026-04-01',
      '/b/2026-05-01',
    ]);
    expect(kept).toContain('/b/manual');
    expect(kept).toHaveLength(14 + 12 + 1);
  });

  test('ensure-daily deletes only the automatic backups that rotation lets go', async () => {
    await call(backend, 'settings:update', { backupKeepDaily: 2, backupKeepMonthly: 1 });
    for (const day of [26, 27, 28]) {
      clock = new Date(2026, 10, day, 8, 0, 0);
      await call(backend, 'backup:ensure-daily');
    }
    await call(backend, 'backup:create', {});
    const files = listBackups(backupsDir()).map((b) => b.file);
    // 26 Nov is the month's first (kept as monthly), 27 + 28 are the newest two days, the manual one stays.
    expect(files.sort()).toEqual([
      'relief-reserve-daily-20261126-080000.db',
      'relief-reserve-daily-20261127-080000.db',
      'relief-reserve-daily-20261128-080000.db',
      'relief-reserve-manual-20261128-080000.db',
    ]);
    await call(backend, 'settings:update', { backupKeepDaily: 1, backupKeepMonthly: 0 });
    const { removed } = await call(backend, 'backup:ensure-daily');
    expect(removed.map((p) => path.basename(p)).sort()).toEqual([
      'relief-reserve-daily-20261126-080000.db',
      'relief-reserve-daily-20261127-080000.db',
    ]);
    expect(
      listBackups(backupsDir())
        .map((b) => b.file)
        .sort(),
    ).toEqual(['relief-reserve-daily-20261128-080000.db', 'relief-reserve-manual-20261128-080000.db']);
  });
});

describe('backup on demand', () => {
  test('a backup taken while postings run is one consistent moment: whole, chained, balanced', async () => {
    for (let i = 0; i < 20; i++) await receive(5, `B${i}`);
    const usb = path.join(tmp.dir, 'usb stick', '备份');
    fs.mkdirSync(usb, { recursive: true });
    const backup = backend.invoke('backup:create', { folder: usb });
    const postings: Promise<unknown>[] = [];
    for (let i = 0; i < 40; i++) {
      postings.push(receive(1, `C${i}`));
      await new Promise((resolve) => setImmediate(resolve));
    }
    const written = await backup;
    await Promise.all(postings);
    expect(written.ok).toBe(true);
    if (!written.ok) return;
    expect(path.dirname(written.value.path)).toBe(usb);
    expect(written.value.kind).toBe('manual');

    // Open a copy of the backup as a depot: its chain verifies and its balances equal its ledger.
    const copy = path.join(tmp.dir, 'copy.db');
    fs.copyFileSync(written.value.path, copy);
    expectLedgerInvariants(copy);
    const restored = openBackend({ role: 'admin', dbPath: copy });
    try {
      const chain = await call(restored, 'ledger:verify-chain');
      expect(chain.ok).toBe(true);
      const docs = documentNumbersIn(copy);
      expect(docs.length).toBe(written.value.facts.documents);
      expect(docs.length).toBeGreaterThanOrEqual(20);
      // Gapless: whatever moment it caught, it holds the first N receipts and no hole.
      expect(docs).toEqual(docs.map((_, i) => `RK-2026-${String(i + 1).padStart(5, '0')}`));
    } finally {
      restored.close();
    }
    expect(documentNumbersIn(tmp.dbPath)).toHaveLength(60);
  });

  test('refusals write nothing: a relative folder, a folder that is a file, a second backup at once', async () => {
    const relative = await refusal(backend, 'backup:create', { folder: 'backups' });
    expect(relative.code).toBe('path-not-absolute');
    const aFile = path.join(tmp.dir, 'not-a-folder');
    fs.writeFileSync(aFile, 'x');
    const unwritable = await refusal(backend, 'backup:create', { folder: aFile });
    expect(unwritable.code).toBe('backup-folder-unwritable');
    expect(unwritable.details).toMatchObject({ folder: aFile });

    const first = backend.invoke('backup:create', {});
    const second = await refusal(backend, 'backup:create', {});
    expect(second.code).toBe('backup-in-progress');
    expect((await first).ok).toBe(true);
    expect(listBackups(backupsDir())).toHaveLength(1);
    const bad = await refusal(backend, 'settings:update', { backupKeepDaily: 0 });
    expect(bad.code).toBe('invalid-input');
  });
});

describe('restore', () => {
  test('round trip: the restored database is the backup; the replaced one is kept as a pre-restore backup', async () => {
    await receive(10);
    const backup = (await call(backend, 'backup:create', {})).path;
    await receive(7);
    expect(await tentsOnHand()).toBe(17);

    clock = new Date(2026, 10, 28, 9, 0, 0);
    const restored = await call(backend, 'backup:restore', { path: backup });
    expect(restored.facts.documents).toBe(1);
    // The same backend now answers from the restored file.
    expect(await tentsOnHand()).toBe(10);
    expect(documentNumbersIn(tmp.dbPath)).toEqual(['RK-2026-00001']);
    expect(path.basename(restored.setAside)).toBe('relief-reserve-pre-restore-20261128-090000.db');
    expect(documentNumbersIn(restored.setAside)).toEqual(['RK-2026-00001', 'RK-2026-00002']);
    // Posting continues where the backup left off, and the chain holds.
    const next = await receive(1);
    expect(next.number).toBe('RK-2026-00002');
    expect((await call(backend, 'ledger:verify-chain')).ok).toBe(true);
    // Undo the restore: the pre-restore backup restores like any other.
    await call(backend, 'backup:restore', { path: restored.setAside });
    expect(await tentsOnHand()).toBe(17);
  });

  test('a file that is not a good backup is refused and the database is untouched', async () => {
    await receive(10);
    const before = documentNumbersIn(tmp.dbPath);
    const text = path.join(tmp.dir, 'notes.db');
    fs.writeFileSync(text, '这不是数据库'.repeat(200));
    expect((await refusal(backend, 'backup:restore', { path: text })).details).toMatchObject({
      reason: 'not-a-database',
    });

    const good = (await call(backend, 'backup:create', {})).path;
    const truncated = path.join(tmp.dir, 'truncated.db');
    const bytes = fs.readFileSync(good);
    fs.writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const cut = await refusal(backend, 'backup:restore', { path: truncated });
    expect(cut.code).toBe('backup-invalid');
    expect(['corrupt', 'not-a-database']).toContain((cut.details as { reason: string }).reason);

    const newer = path.join(tmp.dir, 'newer.db');
    fs.copyFileSync(good, newer);
    const n = new Database(newer);
    n.pragma(`user_version = ${latestSchemaVersion + 1}`);
    n.close();
    expect((await refusal(backend, 'backup:inspect', { path: newer })).details).toMatchObject({
      reason: 'newer-version',
    });
    expect((await refusal(backend, 'backup:restore', { path: path.join(tmp.dir, 'gone.db') })).details).toMatchObject({
      reason: 'missing',
    });
    expect((await refusal(backend, 'backup:restore', { path: 'relative.db' })).code).toBe('path-not-absolute');

    expect(documentNumbersIn(tmp.dbPath)).toEqual(before);
    expect(await tentsOnHand()).toBe(10);
    expect(listBackups(backupsDir()).map((b) => b.kind)).toEqual(['manual']);
  });

  test("another depot's backup needs explicit confirmation", async () => {
    const other = makeTempDir('relief-reserve-other-');
    try {
      const otherBackend = openBackend({ role: 'admin', dbPath: other.dbPath, now: () => clock });
      await call(otherBackend, 'settings:update', { siteCode: 'WX-07', depotName: '另一个储备库' });
      const otherBackup = (await call(otherBackend, 'backup:create', {})).path;
      otherBackend.close();

      const refused = await refusal(backend, 'backup:restore', { path: otherBackup });
      expect(refused.code).toBe('backup-other-depot');
      expect(refused.details).toEqual({ backupSite: 'WX-07', currentSite: 'SZ-01' });
      expect((await call(backend, 'settings:get')).siteCode).toBe('SZ-01');

      await call(backend, 'backup:restore', { path: otherBackup, acceptOtherDepot: true });
      expect((await call(backend, 'settings:get')).siteCode).toBe('WX-07');
    } finally {
      other.cleanup();
    }
  });
});

describe('start-up', () => {
  test('a damaged database is refused, then recovered from the latest good backup with nothing lost up to it', async () => {
    await receive(10);
    await receive(5);
    await call(backend, 'backup:ensure-daily');
    backend.close();

    // Damage the main file: garbage over the pages after the header.
    const fd = fs.openSync(tmp.dbPath, 'r+');
    const size = fs.fstatSync(fd).size;
    const garbage = Buffer.alloc(Math.min(size - 4096, 16384), 0xa5);
    fs.writeSync(fd, garbage, 0, garbage.length, 4096);
    fs.closeSync(fd);
    const damaged = fs.readFileSync(tmp.dbPath);

    backend = openBackendOrExplain({ role: 'admin', dbPath: tmp.dbPath, now: () => clock });
    const info = await call(backend, 'app:get-info');
    expect(info.database).toMatchObject({ status: 'error', code: 'db-corrupt' });
    expect((await refusal(backend, 'stock:inventory', {})).code).toBe('database-unavailable');
    const status = await call(backend, 'backup:status');
    expect(status.backups.map((b) => b.kind)).toEqual(['daily']);

    clock = new Date(2026, 10, 28, 10, 0, 0);
    const restored = await call(backend, 'backup:restore', { path: status.backups[0]!.path });
    expect((await call(backend, 'app:get-info')).database.status).toBe('ok');
    expect(await tentsOnHand()).toBe(15);
    expect((await call(backend, 'ledger:verify-chain')).ok).toBe(true);
    // The damaged file is kept, byte for byte, beside the backups.
    expect(fs.readFileSync(restored.setAside).equals(damaged)).toBe(true);
  });

  test('an upgrade backs up the database first, at its old version', () => {
    backend.close();
    const old = makeTempDir('relief-reserve-old-');
    try {
      const db = new Database(old.dbPath);
      db.pragma('journal_mode = WAL');
      migrate(db, migrations.slice(0, 3));
      db.close();

      const upgraded = openBackend({ role: 'admin', dbPath: old.dbPath, now: () => clock });
      upgraded.close();
      const backups = listBackups(path.join(old.dir, 'backups'));
      expect(backups.map((b) => b.file)).toEqual(['relief-reserve-pre-migration-20261128-083000.db']);
      const copy = new Database(backups[0]!.path, { readonly: true });
      expect(copy.pragma('user_version', { simple: true })).toBe(3);
      copy.close();
      // Opening again (already current) takes no further backup.
      openBackend({ role: 'admin', dbPath: old.dbPath, now: () => clock }).close();
      expect(listBackups(path.join(old.dir, 'backups'))).toHaveLength(1);
    } finally {
      old.cleanup();
    }
    backend = open();
  });
});
