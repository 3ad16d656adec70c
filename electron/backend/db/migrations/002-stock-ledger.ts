import type { Migration } from './index';

/**
 * The stock ledger: master data (categories, barcodes, sources, parties, locations, batches),
 * posted documents with their lines, the hash-chained ledger, and the derived stock balances.
 *
 * Fact tables follow the multi-depot rules: `id TEXT PRIMARY KEY` holding a UUIDv7, the owning
 * `site_code`, other UNIQUE keys scoped by site, deferrable foreign keys without cascades, CHECKs
 * on their own row only, integer quantities and money, ISO-8601 UTC times.
 * Posted documents, their lines, the ledger, paperwork filings and batches are append-only:
 * triggers refuse UPDATE and DELETE. Only `stock_balances` (local, rebuildable) is ever updated.
 */
const immutable = (table: string, what: string) => `
    CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
    BEGIN SELECT RAISE(ABORT, 'immutable: ${what} cannot be changed; post a reversal instead'); END;
    CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
    BEGIN SELECT RAISE(ABORT, 'immutable: ${what} cannot be deleted; post a reversal instead'); END;`;

const fk = (table: string) => `REFERENCES ${table} (id) DEFERRABLE INITIALLY DEFERRED`;

export const stockLedger: Migration = {
  version: 2,
  name: 'stock-ledger',
  sql: `
    CREATE TABLE categories (
      id         TEXT PRIMARY KEY,
      site_code  TEXT NOT NULL,
      code       TEXT NOT NULL,
      name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
      parent_id  TEXT ${fk('categories')},
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (site_code, code)
    );

    ALTER TABLE items ADD COLUMN category_id TEXT ${fk('categories')};
    CREATE INDEX items_by_category ON items (category_id);

    CREATE TABLE item_barcodes (
      id         TEXT PRIMARY KEY,
      site_code  TEXT NOT NULL,
      item_id    TEXT NOT NULL ${fk('items')},
      barcode    TEXT NOT NULL CHECK (length(barcode) BETWEEN 1 AND 80),
      quantity   INTEGER NOT NULL CHECK (typeof(quantity) = 'integer' AND quantity >= 1),
      created_at TEXT NOT NULL,
      UNIQUE (site_code, barcode)
    );
    CREATE INDEX item_barcodes_by_item ON item_barcodes (item_id);

    CREATE TABLE parties (
      id         TEXT PRIMARY KEY,
      site_code  TEXT NOT NULL,
      kind       TEXT NOT NULL CHECK (kind IN ('receiving_unit', 'supplier', 'donor', 'issuing_unit')),
      name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
      contact    TEXT NOT NULL DEFAULT '',
      phone      TEXT NOT NULL DEFAULT '',
      address    TEXT NOT NULL DEFAULT '',
      active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (site_code, kind, name)
    );

    CREATE TABLE sources (
      id         TEXT PRIMARY KEY,
      site_code  TEXT NOT NULL,
      code       TEXT NOT NULL,
      name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
      kind       TEXT NOT NULL CHECK (kind IN ('central', 'provincial', 'city', 'county', 'allocated', 'donation', 'purchase')),
      donor_id   TEXT ${fk('parties')},
      active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK (kind <> 'donation' OR donor_id IS NOT NULL),
      UNIQUE (site_code, code)
    );

    CREATE TABLE locations (
      id         TEXT PRIMARY KEY,
      site_code  TEXT NOT NULL,
      code       TEXT NOT NULL,
      name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
      kind       TEXT NOT NULL CHECK (kind IN ('zone', 'slot')),
      zone_id    TEXT ${fk('locations')},
      active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK ((kind = 'zone' AND zone_id IS NULL) OR kind = 'slot'),
      UNIQUE (site_code, code)
    );

    CREATE TABLE batches (
      id              TEXT PRIMARY KEY,
      site_code       TEXT NOT NULL,
      item_id         TEXT NOT NULL ${fk('items')},
      batch_no        TEXT NOT NULL CHECK (length(batch_no) BETWEEN 1 AND 64),
      production_date TEXT,
      expiry_date     TEXT,
      origin          TEXT NOT NULL DEFAULT '',
      receipt_date    TEXT NOT NULL,
      created_at      TEXT NOT NULL,
      UNIQUE (site_code, item_id, batch_no)
    );
    CREATE INDEX batches_by_expiry ON batches (expiry_date);

    CREATE TABLE documents (
      id                TEXT PRIMARY KEY,
      site_code         TEXT NOT NULL,
      kind              TEXT NOT NULL CHECK (kind IN ('receipt', 'dispatch', 'transfer', 'adjustment', 'write_off', 'reversal')),
      subkind           TEXT NOT NULL DEFAULT '',
      number            TEXT NOT NULL,
      number_prefix     TEXT NOT NULL,
      number_year       INTEGER NOT NULL,
      number_seq        INTEGER NOT NULL CHECK (number_seq >= 1),
      doc_date          TEXT NOT NULL,
      posted_at         TEXT NOT NULL,
      operator          TEXT NOT NULL,
      remarks           TEXT NOT NULL DEFAULT '',
      source_id         TEXT ${fk('sources')},
      party_id          TEXT ${fk('parties')},
      related_id        TEXT ${fk('documents')},
      reason            TEXT NOT NULL DEFAULT '',
      order_no          TEXT NOT NULL DEFAULT '',
      order_issuer      TEXT NOT NULL DEFAULT '',
      order_date        TEXT,
      incident_name     TEXT NOT NULL DEFAULT '',
      response_level    TEXT CHECK (response_level IS NULL OR response_level IN ('I', 'II', 'III', 'IV')),
      transport_mode    TEXT NOT NULL DEFAULT '',
      carrier           TEXT NOT NULL DEFAULT '',
      plate_no          TEXT NOT NULL DEFAULT '',
      driver            TEXT NOT NULL DEFAULT '',
      driver_phone      TEXT NOT NULL DEFAULT '',
      emergency         INTEGER NOT NULL DEFAULT 0 CHECK (emergency IN (0, 1)),
      paperwork_due     TEXT,
      UNIQUE (site_code, number),
      UNIQUE (site_code, number_prefix, number_year, number_seq)
    );
    CREATE INDEX documents_by_date ON documents (doc_date);
    CREATE INDEX documents_by_related ON documents (related_id);
    CREATE INDEX documents_pending_paperwork ON documents (paperwork_due) WHERE paperwork_due IS NOT NULL;

    CREATE TABLE document_lines (
      id               TEXT PRIMARY KEY,
      site_code        TEXT NOT NULL,
      document_id      TEXT NOT NULL ${fk('documents')},
      line_no          INTEGER NOT NULL CHECK (line_no >= 1),
      item_id          TEXT NOT NULL ${fk('items')},
      quantity         INTEGER NOT NULL CHECK (typeof(quantity) = 'integer'),
      quantity_ordered INTEGER CHECK (quantity_ordered IS NULL OR (typeof(quantity_ordered) = 'integer' AND quantity_ordered >= 0)),
      remarks          TEXT NOT NULL DEFAULT '',
      UNIQUE (site_code, document_id, line_no)
    );
    CREATE INDEX document_lines_by_document ON document_lines (document_id);

    CREATE TABLE ledger_entries (
      id           TEXT PRIMARY KEY,
      site_code    TEXT NOT NULL,
      seq          INTEGER NOT NULL CHECK (seq >= 1),
      document_id  TEXT NOT NULL ${fk('documents')},
      line_id      TEXT NOT NULL ${fk('document_lines')},
      item_id      TEXT NOT NULL ${fk('items')},
      batch_id     TEXT NOT NULL ${fk('batches')},
      location_id  TEXT NOT NULL ${fk('locations')},
      source_id    TEXT NOT NULL ${fk('sources')},
      quantity     INTEGER NOT NULL CHECK (typeof(quantity) = 'integer' AND quantity <> 0),
      balance_after INTEGER NOT NULL CHECK (typeof(balance_after) = 'integer' AND balance_after >= 0),
      operator     TEXT NOT NULL,
      posted_at    TEXT NOT NULL,
      prev_hash    TEXT NOT NULL,
      hash         TEXT NOT NULL,
      UNIQUE (site_code, seq)
    );
    CREATE INDEX ledger_by_item ON ledger_entries (item_id, seq);
    CREATE INDEX ledger_by_document ON ledger_entries (document_id);

    CREATE TABLE paperwork_filings (
      id           TEXT PRIMARY KEY,
      site_code    TEXT NOT NULL,
      document_id  TEXT NOT NULL ${fk('documents')},
      order_no     TEXT NOT NULL CHECK (length(order_no) >= 1),
      order_issuer TEXT NOT NULL DEFAULT '',
      remarks      TEXT NOT NULL DEFAULT '',
      operator     TEXT NOT NULL,
      filed_at     TEXT NOT NULL,
      UNIQUE (site_code, document_id)
    );

    -- Derived and local: the current quantity per stock key, maintained in the posting transaction
    -- and rebuildable from the ledger at any time.
    CREATE TABLE stock_balances (
      item_id     TEXT NOT NULL,
      batch_id    TEXT NOT NULL,
      location_id TEXT NOT NULL,
      source_id   TEXT NOT NULL,
      quantity    INTEGER NOT NULL CHECK (quantity >= 0),
      PRIMARY KEY (item_id, batch_id, location_id, source_id)
    ) WITHOUT ROWID;
    CREATE INDEX stock_balances_by_source ON stock_balances (source_id, item_id);

    -- Local work in progress: what a keeper has typed but not posted. Survives restarts; never synced.
    CREATE TABLE document_drafts (
      id         TEXT PRIMARY KEY,
      kind       TEXT NOT NULL,
      title      TEXT NOT NULL DEFAULT '',
      payload    TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );

    ${immutable('documents', 'posted documents')}
    ${immutable('document_lines', 'lines of posted documents')}
    ${immutable('ledger_entries', 'ledger entries')}
    ${immutable('paperwork_filings', 'paperwork filings')}
    ${immutable('batches', 'batches')}
  `,
};
