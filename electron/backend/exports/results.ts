/**
 * The stocktake result (盘点结果) and the incident dispatch report (事件出库报告) as sheet definitions.
 * Their rows are the very reports the screens show — `stocktake:report` and `incidents:report`, built by
 * the same readers — run on the export's own read-only connection, so the file cannot disagree with the
 * screen. An unknown session or incident is refused (not-found) before any file is made.
 */
import type { IncidentReport, StocktakeReport } from '../../../shared/contract';
import { createIncidentReader } from '../emergency/incident-report';
import { createStocktakeReader } from '../stocktake/report';
import { fill, localDateTime, titleLines, type ReportFrame } from './reports';
import type { Cell, SheetDefinition } from './sheets';

/** The session's report in the export's snapshot, with each item's unit value for the variance in yuan. */
export function readStocktake(f: ReportFrame, stocktakeId: string) {
  const report = createStocktakeReader(f.db).report({ stocktakeId });
  const unitValue = f.db.prepare<[string], number>('SELECT unit_value_fen FROM items WHERE id = ?').pluck();
  const values = new Map(report.rows.map((r) => [r.itemId, unitValue.get(r.itemId) ?? 0] as const));
  return { report, values };
}

function scopeOf(f: ReportFrame, s: StocktakeReport['stocktake']): string {
  return fill(f.translation.stocktake.scopeText[s.scopeKind], { name: s.scopeName ?? '' });
}

function statusLine(f: ReportFrame, s: StocktakeReport['stocktake']): string {
  const m = f.texts.meta;
  const status = f.translation.stocktake.status[s.status];
  if (s.status === 'approved') {
    return fill(m.stocktakeApproved, {
      status,
      approvedBy: s.approvedBy ?? '',
      approvedAt: s.approvedAt ? localDateTime(s.approvedAt) : '',
      document: s.documentNumber ?? m.noDocument,
    });
  }
  if (s.status === 'cancelled') {
    return fill(m.stocktakeCancelled, {
      status,
      by: s.cancelledBy ?? '',
      at: s.cancelledAt ? localDateTime(s.cancelledAt) : '',
      reason: s.cancelReason,
    });
  }
  return fill(m.stocktakeOpen, { status });
}

/** 盘点结果: one row per line — book (frozen), counted, variance split into surplus and shortage, reason, movements. */
export function stocktakeSheet(f: ReportFrame, data: ReturnType<typeof readStocktake>): SheetDefinition {
  const { report, values } = data;
  const c = f.texts.columns;
  const s = report.stocktake;
  const k = f.texts.varianceKinds;
  const totals = report.totals;
  const title = titleLines(
    f,
    f.texts.titles.stocktake,
    fill(f.texts.meta.stocktake, { number: s.number, scope: scopeOf(f, s), frozenAt: localDateTime(s.startedAt) }),
  );
  title.push(
    statusLine(f, s),
    fill(f.texts.meta.stocktakeTotals, {
      lines: totals.lines,
      surplusLines: totals.surplusLines,
      surplus: totals.surplus,
      shortageLines: totals.shortageLines,
      shortage: totals.shortage,
      movedLines: totals.movedLines,
    }),
  );
  return {
    name: f.texts.sheets.stocktake,
    title,
    columns: [
      { header: c.lineNo, type: 'integer' },
      { header: c.itemCode, type: 'text' },
      { header: c.itemName, type: 'text' },
      { header: c.spec, type: 'text' },
      { header: c.unit, type: 'text' },
      { header: c.batch, type: 'text' },
      { header: c.location, type: 'text' },
      { header: c.source, type: 'text' },
      { header: c.system, type: 'quantity', total: true },
      { header: c.counted, type: 'quantity', total: true },
      { header: c.variance, type: 'quantity', total: true },
      { header: c.varianceKind, type: 'text' },
      { header: c.surplus, type: 'quantity', total: true },
      { header: c.shortage, type: 'quantity', total: true },
      { header: c.unitValue, type: 'money' },
      { header: c.varianceValue, type: 'money', total: true },
      { header: c.reason, type: 'text' },
      { header: c.note, type: 'text' },
      { header: c.movedDuringCount, type: 'quantity', total: true },
      { header: c.movedBy, type: 'text' },
      { header: c.currentQuantity, type: 'quantity', total: true },
    ],
    totalLabel: f.texts.total,
    count: () => report.rows.length,
    *rows() {
      for (const r of report.rows) {
        const v = r.variance;
        const fen = values.get(r.itemId) ?? 0;
        const kind = v === null ? k.notCounted : v > 0 ? k.surplus : v < 0 ? k.shortage : k.even;
        yield [
          r.lineNo,
          r.itemCode,
          r.itemName,
          r.spec,
          r.baseUnit,
          r.batchNo,
          r.locationCode,
          r.sourceName,
          r.systemQuantity,
          r.counted,
          v,
          kind,
          v !== null && v > 0 ? v : 0,
          v !== null && v < 0 ? -v : 0,
          fen,
          v === null ? null : v * fen,
          r.reason ? f.common.adjustmentReasons[r.reason] : '',
          r.note,
          r.movedDuringCount,
          r.movedBy.join('、'),
          r.currentQuantity,
        ] satisfies Cell[];
      }
    },
  };
}

/** The incident's report in the export's snapshot. */
export function readIncident(f: ReportFrame, incidentId: string): IncidentReport {
  return createIncidentReader(f.db).report({ incidentId });
}

function incidentScope(f: ReportFrame, report: IncidentReport): string {
  const i = report.incident;
  const m = f.texts.meta;
  return fill(m.incident, {
    name: i.name,
    type: f.translation.emergency.types[i.type],
    level: f.common.responseLevels[i.responseLevel],
    startedAt: localDateTime(i.startedAt),
    state: i.closedAt ? fill(m.incidentClosed, { at: localDateTime(i.closedAt) }) : m.incidentOpen,
  });
}

/** 事件出库报告: by receiving unit and item, by item, and every dispatch with its paperwork status. */
export function incidentSheets(f: ReportFrame, report: IncidentReport): SheetDefinition[] {
  const c = f.texts.columns;
  const t = f.texts;
  const scope = incidentScope(f, report);
  const paperwork = (d: IncidentReport['dispatches'][number]) =>
    d.reversed
      ? t.paperwork.reversed
      : d.paperworkPending
        ? t.paperwork.pending
        : d.emergency
          ? t.paperwork.filed
          : t.paperwork.notNeeded;
  return [
    {
      name: t.sheets.incidentByUnit,
      title: titleLines(f, t.titles.incidentByUnit, scope),
      columns: [
        { header: c.receivingUnit, type: 'text' },
        { header: c.itemCode, type: 'text' },
        { header: c.itemName, type: 'text' },
        { header: c.spec, type: 'text' },
        { header: c.unit, type: 'text' },
        { header: c.quantity, type: 'quantity', total: true },
        { header: c.value, type: 'money', total: true },
      ],
      totalLabel: t.total,
      count: () => report.rows.length,
      *rows() {
        for (const r of report.rows) {
          yield [r.unitName, r.itemCode, r.itemName, r.spec, r.baseUnit, r.quantity, r.valueFen];
        }
      },
    },
    {
      name: t.sheets.incidentByItem,
      title: titleLines(f, t.titles.incidentByItem, scope),
      columns: [
        { header: c.itemCode, type: 'text' },
        { header: c.itemName, type: 'text' },
        { header: c.spec, type: 'text' },
        { header: c.unit, type: 'text' },
        { header: c.quantity, type: 'quantity', total: true },
        { header: c.value, type: 'money', total: true },
      ],
      totalLabel: t.total,
      count: () => report.items.length,
      *rows() {
        for (const r of report.items) yield [r.itemCode, r.itemName, r.spec, r.baseUnit, r.quantity, r.valueFen];
      },
    },
    {
      name: t.sheets.incidentDispatches,
      title: titleLines(f, t.titles.incidentDispatches, scope),
      columns: [
        { header: c.number, type: 'text' },
        { header: c.docDate, type: 'date' },
        { header: c.postedAt, type: 'text' },
        { header: c.receivingUnit, type: 'text' },
        { header: c.emergencyFlag, type: 'text' },
        { header: c.paperworkStatus, type: 'text' },
      ],
      count: () => report.dispatches.length,
      *rows() {
        for (const d of report.dispatches) {
          yield [d.number, d.docDate, localDateTime(d.postedAt), d.unitName, d.emergency ? t.yes : '', paperwork(d)];
        }
      },
    },
  ];
}
