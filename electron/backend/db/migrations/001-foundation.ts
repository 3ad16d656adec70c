import type { Migration } from './index';

/**
 * The foundation: local settings and the item catalog.
 * `settings` is local to this PC (not synced). `items` is a fact table: UUIDv7 id, owning site code,
 * other unique keys scoped by site, integers for quantities and money, ISO-8601 UTC times.
 */
export const foundation: Migration = {
  version: 1,
  name: 'foundation',
  sql: `
    CREATE TABLE settings (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) WITHOUT ROWID;

    CREATE TABLE items (
      id               TEXT PRIMARY KEY,
      site_code        TEXT NOT NULL,
      code             TEXT NOT NULL,
      name             TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
      spec             TEXT NOT NULL DEFAULT '',
      base_unit        TEXT NOT NULL,
      pack_size        INTEGER NOT NULL DEFAULT 1 CHECK (typeof(pack_size) = 'integer' AND pack_size >= 1),
      has_shelf_life   INTEGER NOT NULL DEFAULT 0 CHECK (has_shelf_life IN (0, 1)),
      shelf_life_days  INTEGER CHECK (shelf_life_days IS NULL OR (typeof(shelf_life_days) = 'integer' AND shelf_life_days >= 1)),
      min_stock        INTEGER NOT NULL DEFAULT 0 CHECK (typeof(min_stock) = 'integer' AND min_stock >= 0),
      reserve_quota    INTEGER NOT NULL DEFAULT 0 CHECK (typeof(reserve_quota) = 'integer' AND reserve_quota >= 0),
      persons_per_unit INTEGER NOT NULL DEFAULT 0 CHECK (typeof(persons_per_unit) = 'integer' AND persons_per_unit >= 0),
      unit_value_fen   INTEGER NOT NULL DEFAULT 0 CHECK (typeof(unit_value_fen) = 'integer' AND unit_value_fen >= 0),
      active           INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      created_at       TEXT NOT NULL,
      updated_at       TEXT NOT NULL,
      UNIQUE (site_code, code)
    );
    CREATE INDEX items_by_name ON items (name);
  `,
};
