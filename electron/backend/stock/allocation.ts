import type { Allocation, StockRow } from '../../../shared/contract';
import { localDate } from '../clock';
import type { BackendContext } from '../context';
import { stockKey } from './posting';
import { fefoOrder, stockRowFromRecord, stockRowSelect, type StockRowRecord } from './stock-rows';

export interface AllocationRequest {
  itemId: string;
  quantity: number;
  sourceId: string | null;
  locationId: string | null;
}

/**
 * FEFO allocation (先进先出、出陈存新): for an item and quantity, propose batches and locations by
 * earliest expiry, then oldest receipt, drawing from one source only. Expired batches are left out
 * (they are written off, not sent to people). `taken` holds quantities already promised to earlier
 * lines of the same document, so two lines of one item never count the same stock twice.
 */
export function createAllocation(ctx: BackendContext) {
  const candidates = ctx.db.prepare<
    { itemId: string; sourceId: string | null; locationId: string | null; today: string },
    StockRowRecord
  >(
    `${stockRowSelect}
     WHERE sb.item_id = @itemId AND sb.quantity > 0
       AND (@sourceId IS NULL OR sb.source_id = @sourceId)
       AND (@locationId IS NULL OR sb.location_id = @locationId)
       AND (b.expiry_date IS NULL OR b.expiry_date >= @today)
     ${fefoOrder}`,
  );
  const expiredQuantity = ctx.db
    .prepare<{ itemId: string; sourceId: string | null; today: string }, number>(
      `SELECT coalesce(sum(sb.quantity), 0) FROM stock_balances sb JOIN batches b ON b.id = sb.batch_id
       WHERE sb.item_id = @itemId AND (@sourceId IS NULL OR sb.source_id = @sourceId) AND b.expiry_date < @today`,
    )
    .pluck();

  function allocate(
    request: AllocationRequest,
    taken: Map<string, number> = new Map(),
  ): Allocation & { expiredExcluded: number } {
    const today = localDate(ctx.now());
    const rows = candidates
      .all({ itemId: request.itemId, sourceId: request.sourceId, locationId: request.locationId, today })
      .map(stockRowFromRecord)
      .map((r) => ({ ...r, quantity: r.quantity - (taken.get(stockKey(r)) ?? 0) }))
      .filter((r) => r.quantity > 0);

    // Group by source in FEFO order of each source's first batch; never mix sources in one proposal.
    const bySource = new Map<string, StockRow[]>();
    for (const r of rows) bySource.set(r.sourceId, [...(bySource.get(r.sourceId) ?? []), r]);
    const total = (list: StockRow[]) => list.reduce((sum, r) => sum + r.quantity, 0);
    const sources = [...bySource.entries()];
    const chosen =
      sources.find(([, list]) => total(list) >= request.quantity) ??
      sources.reduce<[string, StockRow[]] | undefined>(
        (best, s) => (!best || total(s[1]) > total(best[1]) ? s : best),
        undefined,
      );

    const expiredExcluded = expiredQuantity.get({
      itemId: request.itemId,
      sourceId: chosen?.[0] ?? request.sourceId,
      today,
    })!;
    if (!chosen) {
      return {
        sourceId: request.sourceId,
        picks: [],
        requested: request.quantity,
        available: 0,
        shortBy: request.quantity,
        expiredExcluded,
      };
    }
    const [sourceId, list] = chosen;
    const picks: StockRow[] = [];
    let left = request.quantity;
    for (const r of list) {
      if (left === 0) break;
      const q = Math.min(left, r.quantity);
      picks.push({ ...r, quantity: q });
      left -= q;
    }
    return { sourceId, picks, requested: request.quantity, available: total(list), shortBy: left, expiredExcluded };
  }

  return { allocate };
}

export type AllocationService = ReturnType<typeof createAllocation>;
