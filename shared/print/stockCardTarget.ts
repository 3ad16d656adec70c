/**
 * The record a printed stock card shows: an item and the filter it was read with (date window, source,
 * batch) — stock:card's query. Written into the print target as one string, so the print log numbers
 * reprints of the same card and range, and the print route can read it back without other state.
 */

export interface StockCardSelection {
  itemId: string;
  from: string | null;
  to: string | null;
  sourceId: string | null;
  batchId: string | null;
}

const keys = ['from', 'to', 'source', 'batch'] as const;
const date = /^\d{4}-\d{2}-\d{2}$/;
const id = /^[0-9A-Za-z-]{1,64}$/;

/** `item=<id>&from=…&to=…&source=…&batch=…`, leaving out what is not filtered. */
export function stockCardTarget(selection: StockCardSelection): string {
  const query = new URLSearchParams({ item: selection.itemId });
  if (selection.from) query.set('from', selection.from);
  if (selection.to) query.set('to', selection.to);
  if (selection.sourceId) query.set('source', selection.sourceId);
  if (selection.batchId) query.set('batch', selection.batchId);
  return query.toString();
}

/** The selection a target names, or null when it is not one (unknown key, malformed id or date, from after to). */
export function parseStockCardTarget(target: string): StockCardSelection | null {
  const query = new URLSearchParams(target);
  for (const key of query.keys()) if (key !== 'item' && !(keys as readonly string[]).includes(key)) return null;
  const itemId = query.get('item');
  if (itemId === null || !id.test(itemId)) return null;
  const from = query.get('from');
  const to = query.get('to');
  const sourceId = query.get('source');
  const batchId = query.get('batch');
  if ((from !== null && !date.test(from)) || (to !== null && !date.test(to))) return null;
  if (from !== null && to !== null && from > to) return null;
  if ((sourceId !== null && !id.test(sourceId)) || (batchId !== null && !id.test(batchId))) return null;
  return { itemId, from, to, sourceId, batchId };
}
