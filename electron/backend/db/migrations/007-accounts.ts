import type { Migration } from './index';

/**
 * Accounts and the activity log. Users are local master data (changed by the admin, never deleted:
 * deactivated, since the ledger names them). The activity log is append-only like the ledger — the
 * triggers refuse UPDATE and DELETE — and hash-chained per site, so a later reader can tell whether
 * anyone rewrote who did what.
 */
export const accounts: Migration = {
  version: 7,
  name: 'accounts',
  sql: `
    CREATE TABLE users (
      id              TEXT PRIMARY KEY,
      site_code       TEXT NOT NULL,
      username        TEXT NOT NULL CHECK (length(username) BETWEEN 2 AND 32),
      display_name    TEXT NOT NULL,
      role            TEXT NOT NULL CHECK (role IN ('admin', 'supervisor', 'keeper', 'auditor')),
      password_hash   TEXT NOT NULL,
      active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      created_at      TEXT NOT NULL,
      updated_at      TEXT NOT NULL,
      last_sign_in_at TEXT,
      failed_attempts INTEGER NOT NULL DEFAULT 0,
      throttled_until TEXT,
      UNIQUE (site_code, username)
    );

    CREATE TABLE activity_log (
      seq        INTEGER PRIMARY KEY,
      id         TEXT NOT NULL UNIQUE,
      site_code  TEXT NOT NULL,
      at         TEXT NOT NULL,
      actor      TEXT,
      action     TEXT NOT NULL,
      outcome    TEXT NOT NULL CHECK (outcome IN ('ok', 'refused')),
      target     TEXT,
      detail     TEXT NOT NULL,
      prev_hash  TEXT NOT NULL,
      hash       TEXT NOT NULL
    );
    CREATE INDEX activity_by_time ON activity_log (at);
    CREATE TRIGGER activity_log_no_update BEFORE UPDATE ON activity_log
    BEGIN SELECT RAISE(ABORT, 'immutable: the activity log cannot be changed'); END;
    CREATE TRIGGER activity_log_no_delete BEFORE DELETE ON activity_log
    BEGIN SELECT RAISE(ABORT, 'immutable: the activity log cannot be deleted'); END;
  `,
};
