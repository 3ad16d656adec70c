import type { Migration } from './index';

/**
 * The print log: every print, reprint and PDF of a printout, append-only like the ledger (a reprint
 * count that could be edited would prove nothing). `sequence` numbers the prints of one printout per
 * depot, so the second print of a slip is its first reprint (补打 第1次). A fact table: UUIDv7 id and
 * the owning site code, a deferrable reference to the document when the printout is one.
 */
export const printLog: Migration = {
  version: 5,
  name: 'print-log',
  sql: `
    CREATE TABLE print_log (
      id           TEXT PRIMARY KEY,
      site_code    TEXT NOT NULL,
      kind         TEXT NOT NULL,
      target       TEXT NOT NULL,
      document_id  TEXT REFERENCES documents (id) DEFERRABLE INITIALLY DEFERRED,
      paper        TEXT NOT NULL,
      copies       INTEGER NOT NULL CHECK (typeof(copies) = 'integer' AND copies BETWEEN 1 AND 99),
      via          TEXT NOT NULL CHECK (via IN ('dialog', 'direct', 'pdf')),
      printer      TEXT,
      operator     TEXT NOT NULL,
      printed_at   TEXT NOT NULL,
      sequence     INTEGER NOT NULL CHECK (typeof(sequence) = 'integer' AND sequence >= 1),
      CHECK ((via = 'direct') = (printer IS NOT NULL)),
      UNIQUE (site_code, kind, target, sequence)
    );
    CREATE TRIGGER print_log_no_update BEFORE UPDATE ON print_log
    BEGIN SELECT RAISE(ABORT, 'immutable: the print log cannot be changed'); END;
    CREATE TRIGGER print_log_no_delete BEFORE DELETE ON print_log
    BEGIN SELECT RAISE(ABORT, 'immutable: the print log cannot be deleted'); END;
  `,
};
