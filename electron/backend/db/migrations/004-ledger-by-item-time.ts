import type { Migration } from './index';

/**
 * Stock as of a past date groups the ledger by item over a posting-time range. Ordered by item, then
 * time, and covering the quantity, this index answers it without sorting the ledger: at a million
 * entries the query went from 6 s to about 0.13 s (bench: "stock as of a past date"). It also serves
 * the stock card's opening balance. It replaces a (posted_at, item_id, quantity) index that migration 2
 * had before any release: one index fewer for every posting to maintain.
 */
export const ledgerByItemTime: Migration = {
  version: 4,
  name: 'ledger-by-item-time',
  sql: `CREATE INDEX ledger_by_item_time ON ledger_entries (item_id, posted_at, quantity);`,
};
