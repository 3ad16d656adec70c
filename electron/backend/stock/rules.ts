import type { Item } from '../../../shared/contract';
import { localDate } from '../clock';
import type { BackendContext } from '../context';
import { DomainError } from '../errors';
import type { Items } from '../catalog/items';

/**
 * Checks every posting shares: the document date, items that may move, quantities entered as
 * cartons and units, and batches that belong to the item.
 */
export function createStockRules(ctx: BackendContext, items: Items) {
  const batchById = ctx.db.prepare<
    [string],
    { id: string; item_id: string; batch_no: string; expiry_date: string | null }
  >('SELECT id, item_id, batch_no, expiry_date FROM batches WHERE id = ?');

  /** Today unless given; a document may be dated back (paper entered later) but never ahead. */
  function documentDate(given: string | undefined): string {
    const today = localDate(ctx.now());
    const date = given ?? today;
    if (date > today) {
      throw new DomainError('invalid-date', `document date ${date} is after today (${today})`, {
        field: 'docDate',
        date,
        today,
      });
    }
    return date;
  }

  function activeItem(itemId: string, lineNo: number): Item {
    const item = items.get(itemId);
    if (!item.active) {
      throw new DomainError('inactive', `item ${item.code} ${item.name} is deactivated`, {
        entity: 'item',
        id: itemId,
        line: lineNo,
      });
    }
    return item;
  }

  /** Cartons × pack size + units, as exact base units; zero is refused on the line it concerns. */
  function quantityOf(item: Item, line: { cartons: number; units: number }, lineNo: number): number {
    const quantity = line.cartons * item.packSize + line.units;
    if (!Number.isSafeInteger(quantity) || quantity > 1_000_000_000) {
      throw new DomainError('invalid-input', `line ${lineNo}: quantity too large`, [
        { path: ['lines', String(lineNo - 1), 'cartons'], message: 'too large' },
      ]);
    }
    if (quantity === 0) {
      throw new DomainError('zero-quantity', `line ${lineNo}: cartons and units add up to nothing`, {
        line: lineNo,
        itemId: item.id,
      });
    }
    return quantity;
  }

  function batchOf(itemId: string, batchId: string, lineNo: number) {
    const batch = batchById.get(batchId);
    if (!batch)
      throw new DomainError('not-found', `no batch ${batchId}`, { entity: 'batch', id: batchId, line: lineNo });
    if (batch.item_id !== itemId) {
      throw new DomainError('not-found', `batch ${batch.batch_no} is not a batch of this item`, {
        entity: 'batch',
        id: batchId,
        line: lineNo,
      });
    }
    return batch;
  }

  return { documentDate, activeItem, quantityOf, batchOf };
}

export type StockRules = ReturnType<typeof createStockRules>;
