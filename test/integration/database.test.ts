import crypto from 'node:crypto';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { migrate, openDatabase } from '../../electron/backend/db/database';
import { latestSchemaVersion, migrations } from '../../electron/backend/db/migrations';
import { DatabaseOpenError, openBackend } from '../../electron/backend/index';
import { makeTempDir } from '../fixtures/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  tmp = makeTempDir();
});
afterEach(() => tmp.cleanup());

function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function filesIn(dir: string): string[] {
  return fs.readdirSync(dir).sort();
}

function expectOpenError(dbPath: string, code: DatabaseOpenError['code']): DatabaseOpenError {
  try {
    openBackend({ role: 'admin', dbPath }).close();
  } catch (err) {
    expect(err).toBeInstanceOf(DatabaseOpenError);
    expect((err as DatabaseOpenError).code).toBe(code);
    return err as DatabaseOpenError;
  }
  throw new Error(`expected ${code}, but the database opened`);
}

/** A database with real content, closed cleanly (WAL checkpointed into the main file). */
function databaseWithItems(dbPath: string, count: number): void {
  const backend = openBackend({ role: 'admin', dbPath });
  const db = new Database(dbPath);
  const insert = db.prepare(
    `INSERT INTO items (id, site_code, code, name, spec, base_unit, created_at, updated_at)
     VALUES (?, 'SITE', ?, ?, ?, '件', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
  );
  db.transaction(() => {
    for (let i = 0; i < count; i++) insert.run(crypto.randomUUID(), `C${i}`, `物资${i}`, 'x'.repeat(200));
  })();
  db.close();
  backend.close();
}

describe('opening the depot database', () => {
  test('a new database is created with WAL, full sync, foreign keys, busy timeout and the latest schema', () => {
    const db = openDatabase(tmp.dbPath);
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(1000);
      expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
      expect(tables).toEqual(expect.arrayContaining(['settings', 'items']));
    } finally {
      db.close();
    }
  });

  test('reopening keeps the data and applies only migrations newer than the file', () => {
    const backend = openBackend({ role: 'admin', dbPath: tmp.dbPath });
    backend.close();
    const db = openDatabase(tmp.dbPath);
    db.prepare("INSERT INTO settings (key, value) VALUES ('probe', '1')").run();
    const extra = { version: latestSchemaVersion + 1, name: 'probe', sql: 'CREATE TABLE probe_added (x TEXT);' };
    migrate(db, [...migrations, extra]);
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion + 1);
    migrate(db, [...migrations, extra]); // a second run is a no-op, not a "table exists" failure
    expect(db.prepare("SELECT value FROM settings WHERE key = 'probe'").pluck().get()).toBe('1');
    db.close();
  });

  test('a failing migration leaves neither its tables nor a new version behind', () => {
    const db = openDatabase(tmp.dbPath);
    const broken = {
      version: latestSchemaVersion + 1,
      name: 'broken',
      sql: 'CREATE TABLE half_done (x TEXT); INSERT INTO no_such_table VALUES (1);',
    };
    expect(() => migrate(db, [...migrations, broken])).toThrow(/no_such_table/);
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").pluck().get()).toBe(0);
    db.close();
  });

  test('a database from a newer version is refused with a clear message and left untouched', () => {
    const db = new Database(tmp.dbPath);
    db.exec('CREATE TABLE future (x TEXT)');
    db.pragma(`user_version = ${latestSchemaVersion + 5}`);
    db.close();
    const before = sha256(tmp.dbPath);
    const filesBefore = filesIn(tmp.dir);

    const err = expectOpenError(tmp.dbPath, 'db-newer-version');
    expect(err.message).toMatch(/newer version/);
    expect(err.message).toContain(`schema ${latestSchemaVersion + 5}`);
    expect(sha256(tmp.dbPath)).toBe(before);
    expect(filesIn(tmp.dir)).toEqual(filesBefore);
  });

  test('a database whose pages are damaged fails quick_check with a clear error and stays as it was', () => {
    databaseWithItems(tmp.dbPath, 3000);
    const bytes = fs.readFileSync(tmp.dbPath);
    const pageSize = bytes.readUInt16BE(16);
    expect(bytes.length / pageSize).toBeGreaterThan(20);
    // Scribble over a few pages in the middle (b-tree pages of the items table), as a bad sector would.
    const garbage = crypto.randomBytes(pageSize * 3);
    garbage.copy(bytes, pageSize * 10);
    fs.writeFileSync(tmp.dbPath, bytes);
    const before = sha256(tmp.dbPath);
    const filesBefore = filesIn(tmp.dir);

    const err = expectOpenError(tmp.dbPath, 'db-corrupt');
    expect(err.message).toMatch(/integrity check|not a readable database/);
    expect(sha256(tmp.dbPath)).toBe(before);
    expect(filesIn(tmp.dir)).toEqual(filesBefore);
  });

  test('a file that is not a database at all is refused as corrupt, untouched', () => {
    fs.writeFileSync(tmp.dbPath, Buffer.from('这不是数据库 — a spreadsheet saved under the wrong name'.repeat(200)));
    const before = sha256(tmp.dbPath);
    expectOpenError(tmp.dbPath, 'db-corrupt');
    expect(sha256(tmp.dbPath)).toBe(before);
  });

  test('a data folder that cannot be created is a clear open failure', () => {
    fs.writeFileSync(`${tmp.dir}/blocker`, 'a file where a folder should be');
    expectOpenError(`${tmp.dir}/blocker/sub/relief-reserve.db`, 'db-open-failed');
  });
});

describe('migrations stay sync-safe', () => {
  test('after the first, migrations only add tables, indexes, triggers or columns — never drop or rename', () => {
    for (const m of migrations.slice(1)) {
      const sql = m.sql.replace(/--.*$/gm, '');
      expect(sql, m.name).not.toMatch(/\bDROP\b|\bRENAME\b/i);
      for (const alter of sql.match(/ALTER\s+TABLE[^;]*/gi) ?? []) expect(alter, m.name).toMatch(/\bADD\s+COLUMN\b/i);
    }
  });

  test('versions are numbered 1, 2, 3… with no gap or repeat', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });
});
