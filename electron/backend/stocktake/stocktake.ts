import type { SettingsStore } from '../settings/settings';
import type { z } from 'zod';
import type {
  StocktakeBookLine,
  StocktakeDetail,
  StocktakeLine,
  StocktakeSummary,
  stocktakeCancelSchema,
  stocktakeCountSchema,
  stocktakeReasonSchema,
  stocktakeRecountSchema,
  stocktakeStartSchema,
  VarianceThreshold,
} from '../../../shared/contract';
import { localDate } from '../clock';
import type { BackendContext, HandlersFor } from '../context';
import { transactional } from '../db/database';
import { DomainError } from '../errors';
import { uuidv7 } from '../ids';
import type { MasterData } from '../catalog/master-data';
import type { DocumentLine, Movement, Posting } from '../stock/posting';
import type { StockRules } from '../stock/rules';
import { roleMay } from '../../../shared/permissions';
import { createStocktakeReader, type SessionRecord } from './report';

type StartInput = z.output<typeof stocktakeStartSchema>;
type CountInput = z.output<typeof stocktakeCountSchema>;
type RecountInput = z.output<typeof stocktakeRecountSchema>;
type ReasonInput = z.output<typeof stocktakeReasonSchema>;
type CancelInput = z.output<typeof stocktakeCancelSchema>;

/** Stocktake number prefix: 盘点 PD-YEAR-NNNNN, gapless per year like the documents. */
const numberPrefix = 'PD';

/** Whether a line's variance is beyond the threshold (a line with no system stock and a count is always beyond a percentage). */
export function exceedsThreshold(system: number, variance: number, threshold: VarianceThreshold): boolean {
  const off = Math.abs(variance);
  if (off === 0) return false;
  if (threshold.kind === 'absolute') return off > threshold.value;
  return off * 100 > threshold.value * system;
}

/**
 * Count sessions (盘点): freeze the system quantities of a scope, collect counts from several counters
 * by scan or typing, recount lines beyond a variance threshold, report the variances with what moved
 * meanwhile, and on a second person's approval post one adjustment document through the ordinary
 * posting path.
 */
export function createStocktake(
  ctx: BackendContext,
  master: MasterData,
  rules: StockRules,
  posting: Posting,
  settings: SettingsStore,
) {
  const { db } = ctx;
  const { list, summaryOf, linesWithCounts, requireSession, report } = createStocktakeReader(db);

  const lineById = db.prepare<[string, string], { id: string; count_round: number }>(
    'SELECT id, count_round FROM stocktake_lines WHERE id = ? AND stocktake_id = ?',
  );
  const nextNumber = db
    .prepare<[string, number], number>(
      'SELECT coalesce(max(number_seq), 0) + 1 FROM stocktakes WHERE site_code = ? AND number_year = ?',
    )
    .pluck();
  const chainHeadSeq = db
    .prepare<[string], number>('SELECT coalesce(max(seq), 0) FROM ledger_entries WHERE site_code = ?')
    .pluck();
  const categoryExists = db.prepare<[string], { id: string }>('SELECT id FROM categories WHERE id = ?');
  // The scope's stock at this instant; a zone takes its slots, a category its subcategories.
  const frozenRows = db.prepare<
    { kind: string; scopeId: string | null },
    { item_id: string; batch_id: string; location_id: string; source_id: string; quantity: number }
  >(
    `WITH RECURSIVE cats(id) AS (
       SELECT id FROM categories WHERE @kind = 'category' AND id = @scopeId
       UNION SELECT c.id FROM categories c JOIN cats ON c.parent_id = cats.id
     )
     SELECT sb.item_id, sb.batch_id, sb.location_id, sb.source_id, sb.quantity
     FROM stock_balances sb
     JOIN items i ON i.id = sb.item_id
     JOIN batches b ON b.id = sb.batch_id
     JOIN locations lo ON lo.id = sb.location_id
     WHERE sb.quantity > 0 AND (
       @kind = 'full'
       OR (@kind = 'location' AND (lo.id = @scopeId OR lo.zone_id = @scopeId))
       OR (@kind = 'source' AND sb.source_id = @scopeId)
       OR (@kind = 'category' AND i.category_id IN (SELECT id FROM cats))
     )
     ORDER BY lo.code, i.code, b.batch_no, sb.source_id`,
  );
  const insertSession = db.prepare(
    `INSERT INTO stocktakes (id, site_code, number, number_year, number_seq, scope_kind, scope_id, threshold_kind,
       threshold_value, status, round, remarks, frozen_seq, started_by, started_at)
     VALUES (@id, @siteCode, @number, @year, @seq, @scopeKind, @scopeId, @thresholdKind, @thresholdValue,
       'counting', 1, @remarks, @frozenSeq, @startedBy, @startedAt)`,
  );
  const insertLine = db.prepare(
    `INSERT INTO stocktake_lines (id, site_code, stocktake_id, line_no, item_id, batch_id, location_id, source_id,
       system_quantity)
     VALUES (@id, @siteCode, @stocktakeId, @lineNo, @itemId, @batchId, @locationId, @sourceId, @systemQuantity)`,
  );
  const insertCount = db.prepare(
    `INSERT INTO stocktake_counts (id, site_code, stocktake_id, line_id, round, counter, mode, quantity, method,
       counted_at)
     VALUES (@id, @siteCode, @stocktakeId, @lineId, @round, @counter, @mode, @quantity, @method, @countedAt)`,
  );
  const setLineRound = db.prepare<[number, string]>('UPDATE stocktake_lines SET count_round = ? WHERE id = ?');
  const setSessionRound = db.prepare<[number, string]>('UPDATE stocktakes SET round = ? WHERE id = ?');
  const setThreshold = db.prepare<[string, number, string]>(
    'UPDATE stocktakes SET threshold_kind = ?, threshold_value = ? WHERE id = ?',
  );
  const setReason = db.prepare<[string, string, string]>(
    'UPDATE stocktake_lines SET reason = ?, note = ? WHERE id = ?',
  );
  const markApproved = db.prepare<[string, string, string | null, string]>(
    "UPDATE stocktakes SET status = 'approved', approved_by = ?, approved_at = ?, document_id = ? WHERE id = ?",
  );
  const markCancelled = db.prepare<[string, string, string, string]>(
    "UPDATE stocktakes SET status = 'cancelled', cancelled_by = ?, cancelled_at = ?, cancel_reason = ? WHERE id = ?",
  );
  function requireOpen(id: string): SessionRecord {
    const r = requireSession(id);
    if (r.status !== 'counting') {
      throw new DomainError('stocktake-closed', `stocktake ${r.number} is ${r.status}`, {
        number: r.number,
        status: r.status,
      });
    }
    return r;
  }

  function requireLine(stocktakeId: string, lineId: string) {
    const line = lineById.get(lineId, stocktakeId);
    if (!line)
      throw new DomainError('not-found', `no line ${lineId} in this stocktake`, {
        entity: 'stocktake-line',
        id: lineId,
      });
    return line;
  }

  function detail(id: string): StocktakeDetail {
    const r = requireSession(id);
    const lines = linesWithCounts(id);
    return { ...summaryOf(r, lines), lines };
  }

  function start(input: StartInput): StocktakeDetail {
    const scope = input.scope;
    const scopeId = scope.kind === 'full' ? null : scope.id;
    if (scope.kind === 'location') master.requireLocation(scope.id, false);
    if (scope.kind === 'source') master.requireSource(scope.id, false);
    if (scope.kind === 'category' && !categoryExists.get(scope.id)) {
      throw new DomainError('not-found', `no category ${scope.id}`, { entity: 'category', id: scope.id });
    }
    const rows = frozenRows.all({ kind: scope.kind, scopeId });
    if (rows.length === 0) throw new DomainError('stocktake-empty', 'the scope holds no stock', { scope });
    const siteCode = ctx.siteCode();
    const now = ctx.now();
    const year = Number(localDate(now).slice(0, 4));
    const seq = nextNumber.get(siteCode, year)!;
    const id = uuidv7();
    insertSession.run({
      id,
      siteCode,
      number: `${numberPrefix}-${year}-${String(seq).padStart(5, '0')}`,
      year,
      seq,
      scopeKind: scope.kind,
      scopeId,
      thresholdKind: input.threshold.kind,
      thresholdValue: input.threshold.value,
      remarks: input.remarks,
      // The freeze: the quantities below and this ledger position are read in one transaction.
      frozenSeq: chainHeadSeq.get(siteCode)!,
      startedBy: ctx.operator(),
      startedAt: now.toISOString(),
    });
    rows.forEach((row, i) => {
      insertLine.run({
        id: uuidv7(),
        siteCode,
        stocktakeId: id,
        lineNo: i + 1,
        itemId: row.item_id,
        batchId: row.batch_id,
        locationId: row.location_id,
        sourceId: row.source_id,
        systemQuantity: row.quantity,
      });
    });
    return detail(id);
  }

  function count(input: CountInput): StocktakeBookLine {
    requireOpen(input.stocktakeId);
    const line = requireLine(input.stocktakeId, input.lineId);
    if (input.mode === 'add' && input.quantity === 0) {
      throw new DomainError('zero-quantity', 'a scan adds at least one unit', { lineId: input.lineId });
    }
    insertCount.run({
      id: uuidv7(),
      siteCode: ctx.siteCode(),
      stocktakeId: input.stocktakeId,
      lineId: input.lineId,
      round: line.count_round,
      counter: ctx.operator(),
      mode: input.mode,
      quantity: input.quantity,
      method: input.method,
      countedAt: ctx.now().toISOString(),
    });
    return linesWithCounts(input.stocktakeId).find((l) => l.id === input.lineId)!;
  }

  /** Opens the next round for every counted line beyond the threshold: its count starts again from nothing. */
  function recount(input: RecountInput): { round: number; lines: number } {
    const r = requireOpen(input.stocktakeId);
    const threshold = input.threshold ?? { kind: r.threshold_kind, value: r.threshold_value };
    if (input.threshold) setThreshold.run(threshold.kind, threshold.value, r.id);
    const over = linesWithCounts(r.id).filter(
      (l) => l.variance !== null && exceedsThreshold(l.systemQuantity, l.variance, threshold),
    );
    if (over.length === 0) return { round: r.round, lines: 0 };
    const round = r.round + 1;
    for (const l of over) setLineRound.run(round, l.id);
    setSessionRound.run(round, r.id);
    return { round, lines: over.length };
  }

  function giveReason(input: ReasonInput): StocktakeBookLine {
    requireOpen(input.stocktakeId);
    requireLine(input.stocktakeId, input.lineId);
    setReason.run(input.reason, input.note, input.lineId);
    return linesWithCounts(input.stocktakeId).find((l) => l.id === input.lineId)!;
  }

  /**
   * A second person approves: every line counted, then one adjustment document (subkind count_correction,
   * 盘点更正) with a line per variance — counted minus the frozen system quantity — posted through the
   * ordinary posting path, and the session closed, all in one transaction.
   */
  function approve(input: { stocktakeId: string }): StocktakeSummary {
    const r = requireOpen(input.stocktakeId);
    const approver = ctx.operator();
    // A second person approves — unless the depot is run by one person (the admin's singlePerson setting).
    if (approver === r.started_by && !settings.all().singlePerson) {
      throw new DomainError('approval-own-document', `${approver} started stocktake ${r.number}`, {
        number: r.number,
        startedBy: r.started_by,
      });
    }
    const lines = linesWithCounts(r.id);
    const uncounted = lines.filter((l) => l.counted === null);
    if (uncounted.length > 0) {
      throw new DomainError('stocktake-not-counted', `${uncounted.length} lines of ${r.number} have no count`, {
        lines: uncounted.length,
        lineNos: uncounted.slice(0, 50).map((l) => l.lineNo),
      });
    }
    const varied = lines.filter((l) => l.variance !== 0);
    let documentId: string | null = null;
    if (varied.length > 0) {
      const docLines: DocumentLine[] = [];
      const movements: Movement[] = [];
      for (const l of varied) {
        const delta = l.variance!;
        const reason = l.reason ?? 'count_correction';
        const wrong =
          (reason === 'found' && delta < 0) || (reason !== 'found' && reason !== 'count_correction' && delta > 0);
        if (wrong) {
          throw new DomainError('wrong-sign', `line ${l.lineNo}: "${reason}" contradicts a variance of ${delta}`, {
            line: l.lineNo,
            reason,
            delta,
          });
        }
        rules.batchOf(l.itemId, l.batchId, l.lineNo);
        const lineId = posting.newLineId();
        docLines.push({ id: lineId, itemId: l.itemId, quantity: delta, remarks: l.note });
        movements.push({
          lineId,
          itemId: l.itemId,
          batchId: l.batchId,
          locationId: l.locationId,
          sourceId: l.sourceId,
          quantity: delta,
        });
      }
      const posted = posting.post(
        {
          kind: 'adjustment',
          subkind: 'count_correction',
          docDate: rules.documentDate(undefined),
          reason: r.number,
          remarks: r.remarks,
        },
        docLines,
        movements,
      );
      documentId = posted.id;
    }
    markApproved.run(approver, ctx.now().toISOString(), documentId, r.id);
    return summaryOf(requireSession(r.id));
  }

  function cancel(input: CancelInput): StocktakeSummary {
    const r = requireOpen(input.stocktakeId);
    markCancelled.run(ctx.operator(), ctx.now().toISOString(), input.reason, r.id);
    return summaryOf(requireSession(r.id));
  }

  /**
   * A blind count stays blind in the backend too, not only on the screen: while a session is open, those
   * who count but may not review it (keepers) get its lines without the frozen book quantity and without
   * the variance that would give it away, and no variance report.
   */
  function countsBlind(status: StocktakeSummary['status']): boolean {
    const role = ctx.role();
    return status === 'counting' && role !== null && !roleMay(role, 'approve');
  }
  function blindLine(line: StocktakeLine): StocktakeLine {
    return { ...line, systemQuantity: null, variance: null };
  }
  function asSeen(d: StocktakeDetail): StocktakeDetail {
    return countsBlind(d.status) ? { ...d, lines: d.lines.map(blindLine) } : d;
  }
  function lineAsSeen(stocktakeId: string, line: StocktakeBookLine): StocktakeLine {
    return countsBlind(requireSession(stocktakeId).status) ? blindLine(line) : line;
  }

  const handlers: HandlersFor<
    | 'stocktake:list'
    | 'stocktake:get'
    | 'stocktake:start'
    | 'stocktake:count'
    | 'stocktake:recount'
    | 'stocktake:set-reason'
    | 'stocktake:approve'
    | 'stocktake:cancel'
    | 'stocktake:report'
  > = {
    'stocktake:list': (input) => list(input?.status ?? null),
    'stocktake:get': (input) => asSeen(detail(input.stocktakeId)),
    'stocktake:start': (input) => asSeen(transactional(db, start)(input)),
    'stocktake:count': (input) => lineAsSeen(input.stocktakeId, transactional(db, count)(input)),
    'stocktake:recount': transactional(db, recount),
    'stocktake:set-reason': (input) => lineAsSeen(input.stocktakeId, transactional(db, giveReason)(input)),
    'stocktake:approve': transactional(db, approve),
    'stocktake:cancel': transactional(db, cancel),
    'stocktake:report': (input) => {
      if (countsBlind(requireSession(input.stocktakeId).status)) {
        throw new DomainError('stocktake-blind', 'the variance report is for reviewers while the count is open', {
          stocktakeId: input.stocktakeId,
        });
      }
      return report(input);
    },
  };
  return { handlers };
}
