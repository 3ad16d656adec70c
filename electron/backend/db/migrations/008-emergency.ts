import type { Migration } from './index';

const fk = (table: string) => `REFERENCES ${table} (id) DEFERRABLE INITIALLY DEFERRED`;

/**
 * Emergency mode. Incidents (应急事件) are declared and closed; at most one is open per depot, which the
 * partial unique index enforces even if two windows declare at once. Posted documents are immutable and
 * hash-chained, so a dispatch's link to the open incident is its own append-only row, written in the
 * posting's transaction. Kits (包) are master data: a bundle of items with a barcode of its own, expanded
 * into dispatch lines at posting (the slip and the ledger only ever hold items).
 */
export const emergency: Migration = {
  version: 8,
  name: 'emergency',
  sql: `
    CREATE TABLE incidents (
      id             TEXT PRIMARY KEY,
      site_code      TEXT NOT NULL,
      name           TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
      type           TEXT NOT NULL,
      response_level TEXT NOT NULL CHECK (response_level IN ('I', 'II', 'III', 'IV')),
      started_at     TEXT NOT NULL,
      declared_at    TEXT NOT NULL,
      declared_by    TEXT NOT NULL,
      closed_at      TEXT,
      closed_by      TEXT,
      remarks        TEXT NOT NULL DEFAULT '',
      CHECK ((closed_at IS NULL) = (closed_by IS NULL))
    );
    CREATE UNIQUE INDEX incidents_one_open ON incidents (site_code) WHERE closed_at IS NULL;

    CREATE TABLE incident_dispatches (
      id          TEXT PRIMARY KEY,
      site_code   TEXT NOT NULL,
      incident_id TEXT NOT NULL ${fk('incidents')},
      document_id TEXT NOT NULL ${fk('documents')},
      linked_at   TEXT NOT NULL,
      UNIQUE (site_code, document_id)
    );
    CREATE INDEX incident_dispatches_by_incident ON incident_dispatches (incident_id);
    CREATE TRIGGER incident_dispatches_no_update BEFORE UPDATE ON incident_dispatches
    BEGIN SELECT RAISE(ABORT, 'immutable: the incident of a posted dispatch cannot be changed'); END;
    CREATE TRIGGER incident_dispatches_no_delete BEFORE DELETE ON incident_dispatches
    BEGIN SELECT RAISE(ABORT, 'immutable: the incident of a posted dispatch cannot be deleted'); END;

    CREATE TABLE kits (
      id         TEXT PRIMARY KEY,
      site_code  TEXT NOT NULL,
      code       TEXT NOT NULL,
      name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
      barcode    TEXT,
      active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (site_code, code),
      UNIQUE (site_code, barcode)
    );

    CREATE TABLE kit_lines (
      id        TEXT PRIMARY KEY,
      site_code TEXT NOT NULL,
      kit_id    TEXT NOT NULL ${fk('kits')},
      line_no   INTEGER NOT NULL CHECK (line_no >= 1),
      item_id   TEXT NOT NULL ${fk('items')},
      quantity  INTEGER NOT NULL CHECK (typeof(quantity) = 'integer' AND quantity >= 1),
      UNIQUE (site_code, kit_id, item_id)
    );
    CREATE INDEX kit_lines_by_kit ON kit_lines (kit_id, line_no);
  `,
};
