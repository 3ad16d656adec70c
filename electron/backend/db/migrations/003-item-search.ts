import type { Migration } from './index';

/**
 * Local and derived: the pinyin initials of each item's name (单帐篷 → dzp), so a keeper can find
 * items by typing a few Latin letters with the input method off. Rebuilt at open for any item
 * that lacks them (e.g. rows that arrived from another depot), never synced.
 */
export const itemSearch: Migration = {
  version: 3,
  name: 'item-search',
  sql: `
    CREATE TABLE item_search_keys (
      item_id  TEXT PRIMARY KEY,
      initials TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX item_search_by_initials ON item_search_keys (initials);
  `,
};
