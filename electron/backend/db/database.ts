import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { backupClosedDatabase, defaultBackupFolder } from '../backup/files';
import { DatabaseOpenError } from '../errors';
import { latestSchemaVersion, migrations, type Migration } from './migrations';

export type Db = Database.Database;

/**
 * Checks an existing database file before anything writes to it: a read-only connection reads the
 * schema version (a newer one is refused) and runs `quick_check`. A failure throws with the file as
 * it was — no WAL switch, no migration, no checkpoint.
 */
function inspectExisting(dbPath: string): Inspection {
  // A read-only connection to a WAL database still creates empty -wal/-shm companions; when we refuse
  // the file, remove the ones we made so the keeper's folder is exactly as it was.
  const companions = [`${dbPath}-wal`, `${dbPath}-shm`].filter((f) => !fs.existsSync(f));
  try {
    return checkReadOnly(dbPath);
  } catch (err) {
    for (const f of companions) fs.rmSync(f, { force: true });
    throw err;
  }
}

interface Inspection {
  version: number;
  /** The backup folder the settings name, '' when none (or no settings yet). */
  backupFolder: string;
}

function checkReadOnly(dbPath: string): Inspection {
  let db: Db;
  try {
    db = new Database(dbPath, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new DatabaseOpenError('db-open-failed', `cannot open ${dbPath}: ${(err as Error).message}`);
  }
  try {
    let version: number;
    try {
      version = db.pragma('user_version', { simple: true }) as number;
    } catch (err) {
      // "file is not a database" and friends: the header itself is damaged.
      throw new DatabaseOpenError('db-corrupt', `${dbPath} is not a readable database: ${(err as Error).message}`);
    }
    if (version > latestSchemaVersion) {
      throw new DatabaseOpenError(
        'db-newer-version',
        `${dbPath} was written by a newer version of Relief Reserve (schema ${version}; this version knows up to ${latestSchemaVersion}). Install the newer version to open it.`,
        { databaseVersion: version, supportedVersion: latestSchemaVersion },
      );
    }
    let problems: string[];
    try {
      problems = (db.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check);
    } catch (err) {
      throw new DatabaseOpenError('db-corrupt', `${dbPath} failed its integrity check: ${(err as Error).message}`);
    }
    if (problems.length !== 1 || problems[0] !== 'ok') {
      throw new DatabaseOpenError('db-corrupt', `${dbPath} failed its integrity check`, {
        problems: problems.slice(0, 20),
      });
    }
    let backupFolder = '';
    try {
      const value = db.prepare("SELECT value FROM settings WHERE key = 'backupFolder'").pluck().get() as
        string | undefined;
      if (value !== undefined) backupFolder = JSON.parse(value) as string;
    } catch {
      // A database from before settings existed has no backup folder setting: the default is used.
    }
    return { version, backupFolder };
  } finally {
    db.close();
  }
}

/** Applies every migration newer than the file's version, each in its own transaction. */
export function migrate(db: Db, steps: readonly Migration[] = migrations): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const step of steps) {
    if (step.version <= current) continue;
    db.transaction(() => {
      db.exec(step.sql);
      db.pragma(`user_version = ${step.version}`);
    })();
  }
}

/**
 * Opens (creating if needed) the depot database with the settings a ledger needs: WAL, fsync on
 * every commit (an acknowledged posting survives a power cut), foreign keys on, a busy timeout.
 */
export function openDatabase(dbPath: string, options: { now?: () => Date } = {}): Db {
  if (fs.existsSync(dbPath)) {
    const { version, backupFolder } = inspectExisting(dbPath);
    // An upgrade changes the schema of the center's official record: keep a verified copy of it first,
    // and do not upgrade without one.
    if (version > 0 && version < latestSchemaVersion) {
      const folder = backupFolder && path.isAbsolute(backupFolder) ? backupFolder : defaultBackupFolder(dbPath);
      try {
        backupClosedDatabase(dbPath, folder, 'pre-migration', (options.now ?? (() => new Date()))());
      } catch (err) {
        throw new DatabaseOpenError(
          'db-open-failed',
          `cannot back up ${dbPath} before upgrading it (schema ${version} to ${latestSchemaVersion}): ${(err as Error).message}`,
          { databaseVersion: version, supportedVersion: latestSchemaVersion },
        );
      }
    }
  } else {
    try {
      fs.mkdirSync(path.dirname(dbPath), { recursive: true });
    } catch (err) {
      throw new DatabaseOpenError(
        'db-open-failed',
        `cannot create the data folder for ${dbPath}: ${(err as Error).message}`,
      );
    }
  }

  let db: Db;
  try {
    db = new Database(dbPath);
  } catch (err) {
    throw new DatabaseOpenError('db-open-failed', `cannot open ${dbPath}: ${(err as Error).message}`);
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // 64 MiB of page cache instead of SQLite's 2 MiB: posting touches index pages all over a large ledger
    // (items, batches, balances), and each miss is a read system call even when the OS has the page.
    db.pragma('cache_size = -65536');
    migrate(db);
    return db;
  } catch (err) {
    db.close();
    if (err instanceof DatabaseOpenError) throw err;
    throw new DatabaseOpenError('db-open-failed', `cannot prepare ${dbPath}: ${(err as Error).message}`);
  }
}

/**
 * Wraps `fn` so each call runs in one write transaction (nested calls join the outer one). The
 * result is a plain function, so services can export it without exposing better-sqlite3's types.
 */
export function transactional<A extends unknown[], R>(db: Db, fn: (...args: A) => R): (...args: A) => R {
  const tx = db.transaction(fn);
  return (...args: A) => tx(...args);
}
