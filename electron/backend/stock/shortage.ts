import type { Db } from '../db/database';
import { DomainError } from '../errors';

/** What was short: the stock key as far as it is known, and the two quantities. */
export interface Shortage {
  itemId: string;
  /** null: no source was named and none had stock. */
  sourceId: string | null;
  batchId?: string;
  locationId?: string;
  available: number;
  requested: number;
  /** The document line (1-based), when the shortage belongs to one. */
  line?: number;
  /** Stock of the item left out because it has expired (FEFO never proposes it). */
  expiredExcluded?: number;
}

/**
 * The one `insufficient-stock` refusal: a dispatch that FEFO cannot cover and a posting that would take
 * a stock key below zero name the same things — item code, name and unit, source, batch — read by one
 * statement, so the keeper reads the same message whichever check caught it.
 */
export function createShortageRefusal(db: Db): (s: Shortage) => never {
  const describe = db.prepare<
    { itemId: string; sourceId: string | null; batchId: string | null },
    {
      item_code: string | null;
      item_name: string | null;
      base_unit: string | null;
      source_name: string | null;
      batch_no: string | null;
    }
  >(
    `SELECT (SELECT code FROM items WHERE id = @itemId) AS item_code,
            (SELECT name FROM items WHERE id = @itemId) AS item_name,
            (SELECT base_unit FROM items WHERE id = @itemId) AS base_unit,
            (SELECT name FROM sources WHERE id = @sourceId) AS source_name,
            (SELECT batch_no FROM batches WHERE id = @batchId) AS batch_no`,
  );
  return (s) => {
    const d = describe.get({ itemId: s.itemId, sourceId: s.sourceId, batchId: s.batchId ?? null })!;
    const where = s.line === undefined ? '' : `line ${s.line}: `;
    throw new DomainError(
      'insufficient-stock',
      `${where}${d.item_code ?? s.itemId} ${d.item_name ?? ''} from ${d.source_name ?? s.sourceId ?? 'any source'}: available ${s.available}, requested ${s.requested}`,
      {
        ...(s.line === undefined ? {} : { line: s.line }),
        itemId: s.itemId,
        itemCode: d.item_code,
        itemName: d.item_name,
        unit: d.base_unit,
        sourceId: s.sourceId,
        sourceName: d.source_name,
        ...(s.batchId === undefined ? {} : { batchId: s.batchId, batchNo: d.batch_no }),
        ...(s.locationId === undefined ? {} : { locationId: s.locationId }),
        available: s.available,
        requested: s.requested,
        ...(s.expiredExcluded === undefined ? {} : { expiredExcluded: s.expiredExcluded }),
      },
    );
  };
}
