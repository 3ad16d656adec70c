import type { Migration } from './index';

/**
 * The counter behind the depot's internal item codes (GTIN-13 with the restricted prefix 29). One row
 * per site, written only by that site: a number once minted is never minted again, even when its
 * barcode is later unlinked, because labels carrying it may still be stuck on goods.
 */
export const internalCodes: Migration = {
  version: 6,
  name: 'internal-codes',
  sql: `
    CREATE TABLE internal_code_counters (
      site_code   TEXT PRIMARY KEY,
      last_number INTEGER NOT NULL CHECK (typeof(last_number) = 'integer' AND last_number >= 0),
      updated_at  TEXT NOT NULL
    ) WITHOUT ROWID;
  `,
};
