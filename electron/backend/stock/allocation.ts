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
  /** Draw from this batch only: the keeper scanned that batch's label (a dispatch line pinned to it). */
  batchId?: string | null;
}

/**
 * FEFO allocation (先进先出、出陈存新): for an item and quantity, propose batches and locations by
 * earliest expiry, then oldest receipt, drawing from one source only. Expired batches are left out
 * (they are written off, not sent to people). `taken` holds quantities already promised to earlier
 * lines of the same document, so two lines of one item never count the same stock twice.
 */
export function createAllocation(ctx: BackendContext) {
  // One query per line: the item's stock in FEFO order, expired batches included, so that both the
  // proposal (without them) and the quantity it left out because it expired come from the same rows.
  const stockOfItem = ctx.db.prepare<{ itemId: string; sourceId: string | null }, StockRowRecord>(
    `${stockRowSelect}
     WHERE sb.item_id = @itemId AND sb.quantity > 0 AND (@sourceId IS NULL OR sb.source_id = @sourceId)
     ${fefoOrder}`,
  );

  function allocate(
    request: AllocationRequest,
    taken: Map<string, number> = new Map(),
  ): Allocation & { expiredExcluded: number } {
    const today = localDate(ctx.now());
    const all = stockOfItem
      .all({ itemId: request.itemId, sourceId: request.sourceId })
      .map(stockRowFromRecord)
      .filter((r) => !request.batchId || r.batchId === request.batchId);
    const expired = (r: StockRow) => r.expiryDate !== null && r.expiryDate < today;
    const rows = all
      .filter((r) => !expired(r) && (request.locationId === null || r.locationId === request.locationId))
      .map((r) => ({ ...r, quantity: r.quantity - (taken.get(stockKey(r)) ?? 0) }))
      .filter((r) => r.quantity > 0);

    // Group by source in FEFO order of each source's first batch; never mix sources in one proposal.
    const bySource = new Map<string, StockRow[]>();
    for (const r of rows) {
      const list = bySource.get(r.sourceId);
      if (list) list.push(r);
      else bySource.set(r.sourceId, [r]);
    }
    const total = (list: StockRow[]) => list.reduce((sum, r) => sum + r.quantity, 0);
    const sources = [...bySource.entries()];
    const chosen =
      sources.find(([, list]) => total(list) >= request.quantity) ??
      sources.reduce<[string, StockRow[]] | undefined>(
        (best, s) => (!best || total(s[1]) > total(best[1]) ? s : best),
        undefined,
      );

    // Expired stock of the source the proposal draws from (of any source when none could), in any location.
    const expiredFrom = chosen?.[0] ?? request.sourceId;
    const expiredExcluded = all
      .filter((r) => expired(r) && (expiredFrom === null || r.sourceId === expiredFrom))
      .reduce((sum, r) => sum + r.quantity, 0);
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
