import type { Migration } from './index';

/**
 * Stocktake (盘点): count sessions, their frozen lines and the counts entered against them.
 *
 * A session freezes the system quantity of every stock key in its scope at start (`system_quantity`,
 * with the ledger sequence it was read at, so movements posted during the count can be found
 * afterwards). Counts are an append-only log per counter and round — a scan adds, a typed count sets —
 * so who counted what stays visible; triggers refuse changing or deleting them. Sessions and lines change
 * while the count runs (status, recount flag, reason) and are closed by approval or cancellation; the
 * stock itself only ever changes through the posted adjustment document the approval writes.
 */
const fk = (table: string) => `REFERENCES ${table} (id) DEFERRABLE INITIALLY DEFERRED`;

export const stocktake: Migration = {
  version: 9,
  name: 'stocktake',
  sql: `
    CREATE TABLE stocktakes (
      id              TEXT PRIMARY KEY,
      site_code       TEXT NOT NULL,
      number          TEXT NOT NULL,
      number_year     INTEGER NOT NULL,
      number_seq      INTEGER NOT NULL CHECK (number_seq >= 1),
      scope_kind      TEXT NOT NULL CHECK (scope_kind IN ('full', 'location', 'category', 'source')),
      scope_id        TEXT,
      threshold_kind  TEXT NOT NULL CHECK (threshold_kind IN ('absolute', 'percent')),
      threshold_value INTEGER NOT NULL CHECK (typeof(threshold_value) = 'integer' AND threshold_value >= 0),
      status          TEXT NOT NULL CHECK (status IN ('counting', 'approved', 'cancelled')),
      round           INTEGER NOT NULL DEFAULT 1 CHECK (round >= 1),
      remarks         TEXT NOT NULL DEFAULT '',
      frozen_seq      INTEGER NOT NULL,
      started_by      TEXT NOT NULL,
      started_at      TEXT NOT NULL,
      approved_by     TEXT,
      approved_at     TEXT,
      document_id     TEXT ${fk('documents')},
      cancelled_by    TEXT,
      cancelled_at    TEXT,
      cancel_reason   TEXT NOT NULL DEFAULT '',
      CHECK ((scope_kind = 'full') = (scope_id IS NULL)),
      UNIQUE (site_code, number),
      UNIQUE (site_code, number_year, number_seq)
    );
    CREATE INDEX stocktakes_by_status ON stocktakes (status, started_at);

    CREATE TABLE stocktake_lines (
      id              TEXT PRIMARY KEY,
      site_code       TEXT NOT NULL,
      stocktake_id    TEXT NOT NULL ${fk('stocktakes')},
      line_no         INTEGER NOT NULL CHECK (line_no >= 1),
      item_id         TEXT NOT NULL ${fk('items')},
      batch_id        TEXT NOT NULL ${fk('batches')},
      location_id     TEXT NOT NULL ${fk('locations')},
      source_id       TEXT NOT NULL ${fk('sources')},
      system_quantity INTEGER NOT NULL CHECK (typeof(system_quantity) = 'integer' AND system_quantity >= 0),
      -- The round whose counts make this line's count: 1, or the recount round that took it up.
      count_round     INTEGER NOT NULL DEFAULT 1 CHECK (count_round >= 1),
      reason          TEXT CHECK (reason IS NULL OR reason IN ('lost', 'found', 'damaged', 'expired', 'count_correction')),
      note            TEXT NOT NULL DEFAULT '',
      UNIQUE (stocktake_id, line_no),
      UNIQUE (stocktake_id, item_id, batch_id, location_id, source_id)
    );
    CREATE INDEX stocktake_lines_by_item ON stocktake_lines (stocktake_id, item_id);

    CREATE TABLE stocktake_counts (
      id           TEXT PRIMARY KEY,
      site_code    TEXT NOT NULL,
      stocktake_id TEXT NOT NULL ${fk('stocktakes')},
      line_id      TEXT NOT NULL ${fk('stocktake_lines')},
      round        INTEGER NOT NULL CHECK (round >= 1),
      counter      TEXT NOT NULL,
      mode         TEXT NOT NULL CHECK (mode IN ('add', 'set')),
      quantity     INTEGER NOT NULL CHECK (typeof(quantity) = 'integer' AND quantity >= 0),
      method       TEXT NOT NULL CHECK (method IN ('scan', 'typed')),
      counted_at   TEXT NOT NULL
    );
    CREATE INDEX stocktake_counts_by_line ON stocktake_counts (line_id, round);

    CREATE TRIGGER stocktake_counts_no_update BEFORE UPDATE ON stocktake_counts
    BEGIN SELECT RAISE(ABORT, 'immutable: counts cannot be changed; enter a new count'); END;
    CREATE TRIGGER stocktake_counts_no_delete BEFORE DELETE ON stocktake_counts
    BEGIN SELECT RAISE(ABORT, 'immutable: counts cannot be deleted; enter a new count'); END;
  `,
};
