/**
 * Reading a count session: its lines with their counts replayed, and the variance report. Built over any
 * connection — the app's for the stocktake screens, an export's read-only one for the stocktake result
 * export — so the screen and the file show the same numbers from the same code.
 */
import type { Db } from '../db/database';
import type { StocktakeBookLine, StocktakeReport, StocktakeSummary, VarianceThreshold } from '../../../shared/contract';
import { DomainError } from '../errors';

export interface SessionRecord {
  id: string;
  number: string;
  scope_kind: StocktakeSummary['scopeKind'];
  scope_id: string | null;
  scope_name: string | null;
  threshold_kind: VarianceThreshold['kind'];
  threshold_value: number;
  status: StocktakeSummary['status'];
  round: number;
  remarks: string;
  frozen_seq: number;
  started_by: string;
  started_at: string;
  approved_by: string | null;
  approved_at: string | null;
  document_id: string | null;
  document_number: string | null;
  cancelled_by: string | null;
  cancelled_at: string | null;
  cancel_reason: string;
  line_count: number;
}

interface LineRecord {
  id: string;
  line_no: number;
  item_id: string;
  item_code: string;
  item_name: string;
  spec: string;
  base_unit: string;
  pack_size: number;
  batch_id: string;
  batch_no: string;
  expiry_date: string | null;
  location_id: string;
  location_code: string;
  source_id: string;
  source_name: string;
  system_quantity: number;
  count_round: number;
  reason: StocktakeBookLine['reason'];
  note: string;
}

interface CountRecord {
  line_id: string;
  round: number;
  counter: string;
  mode: 'add' | 'set';
  quantity: number;
}

/**
 * Each counter's count of each line per round, replayed from the append-only log: a typed count sets
 * the counter's number, a scan adds to it.
 */
function tally(counts: CountRecord[]): Map<string, Map<number, Map<string, number>>> {
  const byLine = new Map<string, Map<number, Map<string, number>>>();
  for (const c of counts) {
    const rounds = byLine.get(c.line_id) ?? new Map<number, Map<string, number>>();
    byLine.set(c.line_id, rounds);
    const counters = rounds.get(c.round) ?? new Map<string, number>();
    rounds.set(c.round, counters);
    counters.set(c.counter, c.mode === 'set' ? c.quantity : (counters.get(c.counter) ?? 0) + c.quantity);
  }
  return byLine;
}

function sumOf(counters: Map<string, number> | undefined): number | null {
  if (!counters || counters.size === 0) return null;
  let total = 0;
  for (const q of counters.values()) total += q;
  return total;
}

/** The stocktake queries that only read, prepared on `db`. */
export function createStocktakeReader(db: Db) {
  const sessionSelect = `
    SELECT st.id, st.number, st.scope_kind, st.scope_id,
           CASE st.scope_kind
             WHEN 'location' THEN (SELECT code || ' ' || name FROM locations WHERE id = st.scope_id)
             WHEN 'category' THEN (SELECT code || ' ' || name FROM categories WHERE id = st.scope_id)
             WHEN 'source' THEN (SELECT code || ' ' || name FROM sources WHERE id = st.scope_id)
           END AS scope_name,
           st.threshold_kind, st.threshold_value, st.status, st.round, st.remarks, st.frozen_seq, st.started_by,
           st.started_at, st.approved_by, st.approved_at, st.document_id, d.number AS document_number,
           st.cancelled_by, st.cancelled_at, st.cancel_reason,
           (SELECT count(*) FROM stocktake_lines l WHERE l.stocktake_id = st.id) AS line_count
    FROM stocktakes st LEFT JOIN documents d ON d.id = st.document_id`;
  const sessionById = db.prepare<[string], SessionRecord>(`${sessionSelect} WHERE st.id = ?`);
  const sessionList = db.prepare<{ status: string | null }, SessionRecord>(
    `${sessionSelect} WHERE (@status IS NULL OR st.status = @status) ORDER BY st.started_at DESC, st.number DESC`,
  );
  const linesOf = db.prepare<[string], LineRecord>(
    `SELECT l.id, l.line_no, l.item_id, i.code AS item_code, i.name AS item_name, i.spec, i.base_unit, i.pack_size,
            l.batch_id, b.batch_no, b.expiry_date, l.location_id, lo.code AS location_code, l.source_id,
            s.name AS source_name, l.system_quantity, l.count_round, l.reason, l.note
     FROM stocktake_lines l
     JOIN items i ON i.id = l.item_id
     JOIN batches b ON b.id = l.batch_id
     JOIN locations lo ON lo.id = l.location_id
     JOIN sources s ON s.id = l.source_id
     WHERE l.stocktake_id = ? ORDER BY l.line_no`,
  );
  const countsOf = db.prepare<[string], CountRecord>(
    'SELECT line_id, round, counter, mode, quantity FROM stocktake_counts WHERE stocktake_id = ? ORDER BY counted_at, rowid',
  );
  const balanceOf = db
    .prepare<[string, string, string, string], number>(
      'SELECT quantity FROM stock_balances WHERE item_id = ? AND batch_id = ? AND location_id = ? AND source_id = ?',
    )
    .pluck();
  // What was posted to one stock key after the freeze, by document; the stocktake's own document is left out.
  const movedSince = db.prepare<
    { seq: number; itemId: string; batchId: string; locationId: string; sourceId: string; own: string | null },
    { number: string; quantity: number }
  >(
    `SELECT d.number, sum(e.quantity) AS quantity
     FROM ledger_entries e JOIN documents d ON d.id = e.document_id
     WHERE e.item_id = @itemId AND e.batch_id = @batchId AND e.location_id = @locationId AND e.source_id = @sourceId
       AND e.seq > @seq AND e.site_code = d.site_code AND (@own IS NULL OR e.document_id <> @own)
     GROUP BY d.id ORDER BY min(e.seq)`,
  );
  function summaryOf(r: SessionRecord, lines?: StocktakeBookLine[]): StocktakeSummary {
    return {
      id: r.id,
      number: r.number,
      scopeKind: r.scope_kind,
      scopeId: r.scope_id,
      scopeName: r.scope_name,
      threshold: { kind: r.threshold_kind, value: r.threshold_value },
      status: r.status,
      round: r.round,
      remarks: r.remarks,
      startedBy: r.started_by,
      startedAt: r.started_at,
      approvedBy: r.approved_by,
      approvedAt: r.approved_at,
      documentId: r.document_id,
      documentNumber: r.document_number,
      cancelledBy: r.cancelled_by,
      cancelledAt: r.cancelled_at,
      cancelReason: r.cancel_reason,
      lineCount: r.line_count,
      countedLines: (lines ?? linesWithCounts(r.id)).filter((l) => l.counted !== null).length,
    };
  }

  function linesWithCounts(stocktakeId: string): StocktakeBookLine[] {
    const counted = tally(countsOf.all(stocktakeId));
    return linesOf.all(stocktakeId).map((l): StocktakeBookLine => {
      const rounds = counted.get(l.id);
      const current = rounds?.get(l.count_round);
      const total = sumOf(current);
      return {
        id: l.id,
        lineNo: l.line_no,
        itemId: l.item_id,
        itemCode: l.item_code,
        itemName: l.item_name,
        spec: l.spec,
        baseUnit: l.base_unit,
        packSize: l.pack_size,
        batchId: l.batch_id,
        batchNo: l.batch_no,
        expiryDate: l.expiry_date,
        locationId: l.location_id,
        locationCode: l.location_code,
        sourceId: l.source_id,
        sourceName: l.source_name,
        systemQuantity: l.system_quantity,
        countRound: l.count_round,
        counted: total,
        counters: [...(current ?? new Map<string, number>()).entries()].map(([counter, quantity]) => ({
          counter,
          quantity,
        })),
        firstCount: l.count_round > 1 ? sumOf(rounds?.get(1)) : null,
        variance: total === null ? null : total - l.system_quantity,
        reason: l.reason,
        note: l.note,
      };
    });
  }

  function requireSession(id: string): SessionRecord {
    const r = sessionById.get(id);
    if (!r) throw new DomainError('not-found', `no stocktake ${id}`, { entity: 'stocktake', id });
    return r;
  }

  /** The variance report: per line counted, system (frozen), variance, reason, and what moved after the freeze. */
  function report(input: { stocktakeId: string }): StocktakeReport {
    const r = requireSession(input.stocktakeId);
    const lines = linesWithCounts(r.id);
    const rows = lines.map((l) => {
      const moves = movedSince.all({
        seq: r.frozen_seq,
        itemId: l.itemId,
        batchId: l.batchId,
        locationId: l.locationId,
        sourceId: l.sourceId,
        own: r.document_id,
      });
      return {
        ...l,
        currentQuantity: balanceOf.get(l.itemId, l.batchId, l.locationId, l.sourceId) ?? 0,
        movedDuringCount: moves.reduce((sum, m) => sum + m.quantity, 0),
        movedBy: moves.map((m) => m.number),
        approvedBy: r.approved_by,
        approvedAt: r.approved_at,
      };
    });
    const surplus = rows.filter((row) => (row.variance ?? 0) > 0);
    const shortage = rows.filter((row) => (row.variance ?? 0) < 0);
    return {
      stocktake: summaryOf(r, lines),
      rows,
      totals: {
        lines: rows.length,
        surplusLines: surplus.length,
        shortageLines: shortage.length,
        surplus: surplus.reduce((sum, row) => sum + row.variance!, 0),
        shortage: shortage.reduce((sum, row) => sum - row.variance!, 0),
        movedLines: rows.filter((row) => row.movedBy.length > 0).length,
      },
    };
  }

  /** Sessions, newest first, optionally of one status. */
  function list(status: StocktakeSummary['status'] | null): StocktakeSummary[] {
    return sessionList.all({ status }).map((r) => summaryOf(r));
  }

  return { list, summaryOf, linesWithCounts, requireSession, report };
}

export type StocktakeReader = ReturnType<typeof createStocktakeReader>;
