/**
 * Backup files on disk: writing one that is verified before it counts, reading the facts of one,
 * naming and listing them, and rotating the automatic ones. The folder is the record: a backup is a
 * file named `relief-reserve-<kind>-<YYYYMMDD>-<HHMMSS>.db` that opens, passes integrity_check and
 * holds a Relief Reserve ledger. No Electron here; the backend's channels and openDatabase use it.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { latestSchemaVersion } from '../db/migrations';
import { DomainError } from '../errors';

export const backupKinds = ['daily', 'pre-migration', 'manual', 'pre-restore'] as const;
export type BackupKind = (typeof backupKinds)[number];

export interface BackupFacts {
  schemaVersion: number;
  siteCode: string | null;
  depotName: string | null;
  documents: number;
  ledgerEntries: number;
  /** The newest posting the backup holds (ISO time), null when it holds none. */
  lastPostedAt: string | null;
}

export interface BackupFile {
  path: string;
  file: string;
  kind: BackupKind | 'other';
  /** When it was taken, from its name (local time written as ISO without zone), or the file's mtime. */
  takenAt: string;
  sizeBytes: number;
}

/** The automatic backup folder when the settings name none: `backups` beside the data file. */
export function defaultBackupFolder(dbPath: string): string {
  return path.join(path.dirname(dbPath), 'backups');
}

const namePattern = /^relief-reserve-(daily|pre-migration|manual|pre-restore)-(\d{8})-(\d{6})(?:-\d+)?\.db$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `YYYYMMDD-HHMMSS` in the PC's local time: the keeper reads the folder in local time. */
export function stamp(at: Date): string {
  return (
    `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-` +
    `${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`
  );
}

/** A free file name for a backup of this kind taken at `at`, in `folder`. */
export function backupPath(folder: string, kind: BackupKind, at: Date): string {
  const base = `relief-reserve-${kind}-${stamp(at)}`;
  let candidate = path.join(folder, `${base}.db`);
  for (let n = 2; fs.existsSync(candidate); n++) candidate = path.join(folder, `${base}-${n}.db`);
  return candidate;
}

function takenAtFromName(file: string): string | null {
  const m = namePattern.exec(file);
  if (!m) return null;
  const [, , d = '', t = ''] = m;
  return `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}`;
}

/** The backups in a folder, newest first. A missing folder has none. */
export function listBackups(folder: string): BackupFile[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  const files: BackupFile[] = [];
  for (const file of names) {
    const m = namePattern.exec(file);
    if (!m) continue;
    const full = path.join(folder, file);
    let size: number;
    try {
      const stat = fs.statSync(full);
      if (!stat.isFile()) continue;
      size = stat.size;
    } catch {
      continue;
    }
    files.push({ path: full, file, kind: m[1] as BackupKind, takenAt: takenAtFromName(file)!, sizeBytes: size });
  }
  return files.sort((a, b) => (a.takenAt < b.takenAt ? 1 : a.takenAt > b.takenAt ? -1 : b.file.localeCompare(a.file)));
}

/**
 * Opens a candidate backup read-only and checks it is whole and ours: a SQLite file that passes
 * integrity_check (every page, not the quick check), from this version or older, with a ledger.
 * Throws `backup-invalid` with the reason; the file is never changed.
 */
export function inspectBackup(file: string): BackupFacts {
  const invalid = (reason: string, message: string, extra: Record<string, unknown> = {}) =>
    new DomainError('backup-invalid', `${file}: ${message}`, { reason, file, ...extra });
  if (!fs.existsSync(file)) throw invalid('missing', 'no such file');
  const companions = [`${file}-wal`, `${file}-shm`].filter((f) => !fs.existsSync(f));
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw invalid('unreadable', (err as Error).message);
  }
  try {
    let version: number;
    try {
      version = db.pragma('user_version', { simple: true }) as number;
    } catch (err) {
      throw invalid('not-a-database', (err as Error).message);
    }
    let problems: string[];
    try {
      problems = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    } catch (err) {
      throw invalid('corrupt', (err as Error).message);
    }
    if (problems.length !== 1 || problems[0] !== 'ok') {
      throw invalid('corrupt', 'integrity_check failed', { problems: problems.slice(0, 10) });
    }
    if (version > latestSchemaVersion) {
      throw invalid('newer-version', `schema ${version} is newer than ${latestSchemaVersion}`, {
        databaseVersion: version,
        supportedVersion: latestSchemaVersion,
      });
    }
    const hasLedger = db
      .prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('ledger_entries', 'settings')")
      .pluck()
      .get() as number;
    if (hasLedger !== 2) throw invalid('not-relief-reserve', 'not a Relief Reserve database');
    const setting = (key: string) => {
      const value = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
      return value === undefined ? null : (JSON.parse(value) as string);
    };
    return {
      schemaVersion: version,
      siteCode: setting('siteCode'),
      depotName: setting('depotName'),
      documents: db.prepare('SELECT count(*) FROM documents').pluck().get() as number,
      ledgerEntries: db.prepare('SELECT count(*) FROM ledger_entries').pluck().get() as number,
      lastPostedAt: (db.prepare('SELECT max(posted_at) FROM ledger_entries').pluck().get() as string | null) ?? null,
    };
  } finally {
    db.close();
    for (const f of companions) fs.rmSync(f, { force: true });
  }
}

/** Flushes a file, and the folder entry naming it, to the disk. */
function syncToDisk(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    const dir = fs.openSync(path.dirname(file), 'r');
    try {
      fs.fsyncSync(dir);
    } finally {
      fs.closeSync(dir);
    }
  } catch {
    // Windows cannot open a folder for fsync; NTFS orders the rename itself.
  }
}

/**
 * Turns a freshly written copy at `partial` into a verified backup at `final`: a self-contained file
 * (rollback journal, not WAL, so it opens from a read-only USB stick), integrity-checked, flushed,
 * then renamed into place. A copy that fails is removed; nothing half-written keeps a backup's name.
 */
export function finishBackup(partial: string, final: string): BackupFacts {
  try {
    const db = new Database(partial, { fileMustExist: true });
    try {
      db.pragma('journal_mode = DELETE');
    } finally {
      db.close();
    }
    const facts = inspectBackup(partial);
    syncToDisk(partial);
    fs.renameSync(partial, final);
    syncToDisk(final);
    return facts;
  } catch (err) {
    for (const f of [partial, `${partial}-wal`, `${partial}-shm`, `${partial}-journal`]) fs.rmSync(f, { force: true });
    if (err instanceof DomainError) {
      throw new DomainError('backup-failed', `the backup did not verify: ${err.message}`, err.details);
    }
    throw new DomainError('backup-failed', `cannot write the backup ${final}: ${(err as Error).message}`, {
      file: final,
    });
  }
}

export function ensureFolder(folder: string): void {
  try {
    fs.mkdirSync(folder, { recursive: true });
    fs.accessSync(folder, fs.constants.W_OK);
  } catch (err) {
    throw new DomainError('backup-folder-unwritable', `cannot write to ${folder}: ${(err as Error).message}`, {
      folder,
    });
  }
}

/**
 * A consistent copy of a database nothing else is writing to (before a migration: the app is still
 * opening it), synchronously: VACUUM INTO from a read-only connection, then verified like any backup.
 */
export function backupClosedDatabase(dbPath: string, folder: string, kind: BackupKind, at: Date): string {
  ensureFolder(folder);
  const final = backupPath(folder, kind, at);
  const partial = `${final}.partial`;
  const companions = [`${dbPath}-wal`, `${dbPath}-shm`].filter((f) => !fs.existsSync(f));
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    db.prepare('VACUUM INTO ?').run(partial);
  } finally {
    db.close();
    for (const f of companions) fs.rmSync(f, { force: true });
  }
  finishBackup(partial, final);
  return final;
}

/**
 * Which automatic (daily) backups to delete: keep the newest `keepDaily` days, and the first backup
 * of each of the newest `keepMonthly` months. Others (manual, pre-migration, pre-restore) are kept.
 */
export function rotationVictims(files: readonly BackupFile[], keepDaily: number, keepMonthly: number): BackupFile[] {
  const daily = files.filter((f) => f.kind === 'daily').sort((a, b) => (a.takenAt < b.takenAt ? 1 : -1));
  const keep = new Set<string>();
  const days = new Set<string>();
  for (const f of daily) {
    const day = f.takenAt.slice(0, 10);
    if (days.has(day)) continue;
    if (days.size >= keepDaily) break;
    days.add(day);
    keep.add(f.path);
  }
  const firstOfMonth = new Map<string, BackupFile>();
  for (const f of daily) firstOfMonth.set(f.takenAt.slice(0, 7), f); // newest-first order: the last set is the month's first
  const months = [...firstOfMonth.keys()].sort().reverse().slice(0, keepMonthly);
  for (const month of months) keep.add(firstOfMonth.get(month)!.path);
  return daily.filter((f) => !keep.has(f.path));
}

/** Moves a file, also across drives (a backup folder on a USB stick), flushing the copy first. */
function moveFile(from: string, to: string): void {
  try {
    fs.renameSync(from, to);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
    fs.copyFileSync(from, to);
    syncToDisk(to);
    fs.rmSync(from);
  }
}

const companionsOf = (file: string) => [file, `${file}-wal`, `${file}-shm`];

/**
 * Puts a copy of the backup `from` in place of the (closed) database at `dbPath`. The database that
 * was there — healthy or damaged — is moved into `folder` as a pre-restore backup, with its WAL, and
 * never deleted. On any failure the original is put back and `restore-failed` is thrown.
 * Returns where the replaced database now is.
 */
export function swapInBackup(dbPath: string, from: string, folder: string, at: Date): string {
  ensureFolder(folder);
  const aside = backupPath(folder, 'pre-restore', at);
  const moved: [string, string][] = [];
  const putBack = () => {
    for (const [original, asidePath] of moved.reverse()) {
      try {
        fs.rmSync(original, { force: true });
        moveFile(asidePath, original);
      } catch (err) {
        console.error(`[backup] cannot put ${asidePath} back to ${original}`, err);
      }
    }
  };
  const partial = `${dbPath}.restoring`;
  try {
    companionsOf(dbPath).forEach((original, i) => {
      if (!fs.existsSync(original)) return;
      const target = companionsOf(aside)[i]!;
      moveFile(original, target);
      moved.push([original, target]);
    });
    fs.copyFileSync(from, partial);
    syncToDisk(partial);
    fs.renameSync(partial, dbPath);
    syncToDisk(dbPath);
    return aside;
  } catch (err) {
    fs.rmSync(partial, { force: true });
    putBack();
    throw new DomainError('restore-failed', `cannot put ${from} in place of ${dbPath}: ${(err as Error).message}`, {
      reason: (err as Error).message,
    });
  }
}

/** Undoes swapInBackup after the restored file failed to open: the replaced database goes back. */
export function undoSwap(dbPath: string, aside: string): void {
  for (const f of companionsOf(dbPath)) fs.rmSync(f, { force: true });
  companionsOf(aside).forEach((asidePath, i) => {
    if (fs.existsSync(asidePath)) moveFile(asidePath, companionsOf(dbPath)[i]!);
  });
}
