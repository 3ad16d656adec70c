/**
 * The reports auditors and the bureau ask for, each a set of sheet definitions over one read-only
 * connection (its own snapshot: postings go on while an export runs, and never tear it). Periods run
 * over posting time by local calendar day, as `stock:as-of` and the stock card count them, so the
 * ledger's closing balance is exactly `stock:as-of` of its last day.
 */
import type Database from 'better-sqlite3';
import type { Translation } from '../../../shared/i18n';
import { endOfLocalDay, startOfLocalDay } from '../clock';
import type { Cell, Column, SheetDefinition } from './sheets';

export type ReportTexts = Translation['reports'];

/** What every report's title rows say, and the words the rows use. */
export interface ReportFrame {
  db: Database.Database;
  texts: ReportTexts;
  common: Translation['common'];
  /** The whole interface language, for the words other areas own (stocktake statuses, incident types). */
  translation: Translation;
  depotName: string;
  siteCode: string;
  /** Local time the export started, YYYY-MM-DD HH:MM:SS. */
  generatedAt: string;
  operator: string;
  /** Today's local date: paperwork deadlines before it are overdue. */
  today: string;
}

/** Fills {{name}} placeholders, as i18next does in the window. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));
}

/** An instant stored as UTC ISO, shown as this PC's local date and time. */
export function localDateTime(iso: string): string {
  const at = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ` +
    `${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`
  );
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function titleLines(f: ReportFrame, title: string, scope: string): string[] {
  const m = f.texts.meta;
  return [
    title,
    `${fill(m.depot, { name: f.depotName, site: f.siteCode })}    ${scope}`,
    `${fill(m.generated, { at: f.generatedAt })}    ${fill(m.operator, { name: f.operator })}`,
  ];
}

/** Counts the rows a query yields, in the same snapshot. */
function counter(db: Database.Database, sql: string, params: Record<string, unknown>): () => number {
  return () => db.prepare(`SELECT count(*) FROM (${sql})`).pluck().get(params) as number;
}

function rawRows(db: Database.Database, sql: string, params: Record<string, unknown>): Iterable<unknown[]> {
  return db.prepare(sql).raw().iterate(params) as Iterable<unknown[]>;
}

const sourceJoins = `JOIN sources s ON s.id = e.source_id LEFT JOIN parties dn ON dn.id = s.donor_id`;

/**
 * Per item and source: opening, receipts, dispatches, other movements, closing, in quantity and fen. The
 * opening is summed from the ledger alone and only the period's entries look up their document's kind,
 * both in one sequential read of the table (NOT INDEXED: walking the item index instead fetches every row
 * at random). One pass joining every entry since the depot began to its document took 12 s at a million.
 */
const balancesSql = `
  WITH opening AS (
    SELECT item_id, source_id, sum(quantity) AS opening, 0 AS receipts, 0 AS dispatches, 0 AS other, 0 AS moved
    FROM ledger_entries NOT INDEXED
    WHERE posted_at < @start
    GROUP BY item_id, source_id
  ), period AS (
    SELECT e.item_id, e.source_id, 0 AS opening,
      sum(CASE WHEN d.kind = 'receipt' THEN e.quantity ELSE 0 END) AS receipts,
      sum(CASE WHEN d.kind = 'dispatch' THEN -e.quantity ELSE 0 END) AS dispatches,
      sum(CASE WHEN d.kind NOT IN ('receipt', 'dispatch') THEN e.quantity ELSE 0 END) AS other,
      1 AS moved
    FROM ledger_entries e NOT INDEXED
    JOIN documents d ON d.id = e.document_id
    WHERE e.posted_at >= @start AND e.posted_at < @end
    GROUP BY e.item_id, e.source_id
  ), keyed AS (
    SELECT item_id, source_id, sum(opening) AS opening, sum(receipts) AS receipts, sum(dispatches) AS dispatches,
      sum(other) AS other, max(moved) AS moved
    FROM (SELECT * FROM opening UNION ALL SELECT * FROM period)
    GROUP BY item_id, source_id
  )
  SELECT i.code, i.name, i.spec, i.base_unit, s.name, dn.name, i.unit_value_fen,
    k.opening, k.receipts, k.dispatches, k.other, k.opening + k.receipts - k.dispatches + k.other AS closing
  FROM keyed k
  JOIN items i ON i.id = k.item_id
  JOIN sources s ON s.id = k.source_id LEFT JOIN parties dn ON dn.id = s.donor_id
  WHERE k.opening <> 0 OR k.opening + k.receipts - k.dispatches + k.other <> 0 OR k.moved = 1
  ORDER BY i.code, s.code`;

function quantityAndValueColumns(c: ReportTexts['columns']): Column[] {
  return [
    { header: c.opening, type: 'quantity', total: true },
    { header: c.receipts, type: 'quantity', total: true },
    { header: c.dispatches, type: 'quantity', total: true },
    { header: c.other, type: 'quantity', total: true },
    { header: c.closing, type: 'quantity', total: true },
    { header: c.openingValue, type: 'money', total: true },
    { header: c.receiptsValue, type: 'money', total: true },
    { header: c.dispatchesValue, type: 'money', total: true },
    { header: c.otherValue, type: 'money', total: true },
    { header: c.closingValue, type: 'money', total: true },
  ];
}

export interface Period {
  from: string;
  to: string;
}

function periodBounds(p: Period) {
  return { start: startOfLocalDay(p.from), end: endOfLocalDay(p.to) };
}

/** 收发存汇总: one row per item and source. */
export function ledgerSummarySheet(f: ReportFrame, p: Period): SheetDefinition {
  const c = f.texts.columns;
  const params = periodBounds(p);
  return {
    name: f.texts.sheets.ledgerSummary,
    title: titleLines(f, f.texts.titles.ledgerSummary, fill(f.texts.meta.period, { ...p })),
    columns: [
      { header: c.itemCode, type: 'text' },
      { header: c.itemName, type: 'text' },
      { header: c.spec, type: 'text' },
      { header: c.unit, type: 'text' },
      { header: c.source, type: 'text' },
      { header: c.donor, type: 'text' },
      { header: c.unitValue, type: 'money' },
      ...quantityAndValueColumns(c),
    ],
    totalLabel: f.texts.total,
    count: counter(f.db, balancesSql, params),
    *rows() {
      for (const r of rawRows(f.db, balancesSql, params)) {
        const [code, name, spec, unit, source, donor, fen, opening, receipts, dispatches, other, closing] = r as [
          string,
          string,
          string,
          string,
          string,
          string | null,
          number,
          number,
          number,
          number,
          number,
          number,
        ];
        const quantities = [opening, receipts, dispatches, other, closing];
        yield [code, name, spec, unit, source, donor ?? '', fen, ...quantities, ...quantities.map((q) => q * fen)];
      }
    },
  };
}

const movementsSql = `
  SELECT e.seq, e.posted_at, d.doc_date, d.number, d.kind, d.subkind, i.code, i.name, i.base_unit,
    b.batch_no, l.code, s.name, dn.name, e.quantity, e.item_id, e.operator,
    CASE WHEN dl.remarks <> '' THEN dl.remarks ELSE d.remarks END
  FROM ledger_entries e
  JOIN documents d ON d.id = e.document_id
  JOIN document_lines dl ON dl.id = e.line_id
  JOIN items i ON i.id = e.item_id
  JOIN batches b ON b.id = e.batch_id
  JOIN locations l ON l.id = e.location_id
  ${sourceJoins}
  WHERE e.posted_at >= @start AND e.posted_at < @end
  ORDER BY i.code, e.seq`;

function subkindText(f: ReportFrame, kind: string, subkind: string): string {
  const lists: Record<string, Record<string, string>> = {
    receipt: f.common.receiptKinds,
    dispatch: f.common.dispatchKinds,
    adjustment: f.common.adjustmentReasons,
  };
  return lists[kind]?.[subkind] ?? subkind;
}

function kindText(f: ReportFrame, kind: string): string {
  return (f.common.documentKinds as Record<string, string>)[kind] ?? kind;
}

/** 台账明细: every movement of the period, by item, with in, out and the item's running balance. */
export function ledgerDetailSheet(f: ReportFrame, p: Period): SheetDefinition {
  const c = f.texts.columns;
  const params = periodBounds(p);
  const openings = f.db.prepare<{ start: string }, [string, number]>(
    'SELECT item_id, sum(quantity) FROM ledger_entries WHERE posted_at < @start GROUP BY item_id',
  );
  return {
    name: f.texts.sheets.ledgerDetail,
    title: titleLines(f, f.texts.titles.ledgerDetail, fill(f.texts.meta.period, { ...p })),
    columns: [
      { header: c.seq, type: 'integer' },
      { header: c.postedAt, type: 'text' },
      { header: c.docDate, type: 'date' },
      { header: c.number, type: 'text' },
      { header: c.docKind, type: 'text' },
      { header: c.docSubkind, type: 'text' },
      { header: c.itemCode, type: 'text' },
      { header: c.itemName, type: 'text' },
      { header: c.unit, type: 'text' },
      { header: c.batch, type: 'text' },
      { header: c.location, type: 'text' },
      { header: c.source, type: 'text' },
      { header: c.donor, type: 'text' },
      { header: c.quantityIn, type: 'quantity', total: true },
      { header: c.quantityOut, type: 'quantity', total: true },
      { header: c.balance, type: 'quantity' },
      { header: c.operator, type: 'text' },
      { header: c.remarks, type: 'text' },
    ],
    totalLabel: f.texts.total,
    count: counter(f.db, movementsSql, params),
    *rows() {
      const balance = new Map(openings.raw().all({ start: params.start }) as [string, number][]);
      for (const r of rawRows(f.db, movementsSql, params)) {
        const [seq, postedAt, docDate, number, kind, subkind, code, name, unit, batch, location, source, donor] =
          r as string[];
        const [quantity, itemId, operator, remarks] = [r[13] as number, r[14] as string, r[15], r[16]];
        const after = (balance.get(itemId) ?? 0) + quantity;
        balance.set(itemId, after);
        yield [
          Number(seq),
          localDateTime(postedAt!),
          docDate!,
          number!,
          kindText(f, kind!),
          subkindText(f, kind!, subkind!),
          code!,
          name!,
          unit!,
          batch!,
          location!,
          source!,
          donor ?? '',
          quantity > 0 ? quantity : 0,
          quantity < 0 ? -quantity : 0,
          after,
          operator as string,
          remarks as string,
        ];
      }
    },
  };
}

const inventorySql = `
  SELECT i.code, i.name, i.spec, i.base_unit, b.batch_no, b.production_date, b.expiry_date, b.receipt_date,
    l.code, s.name, dn.name, q.quantity, i.pack_size, i.unit_value_fen
  FROM (SELECT item_id, batch_id, location_id, source_id, sum(quantity) AS quantity
        -- One sequential read (see balancesSql): walking the item index fetched every row at random, 5 s at 1M.
        FROM ledger_entries NOT INDEXED
        WHERE posted_at < @end GROUP BY item_id, batch_id, location_id, source_id HAVING sum(quantity) <> 0) q
  JOIN items i ON i.id = q.item_id
  JOIN batches b ON b.id = q.batch_id
  JOIN locations l ON l.id = q.location_id
  JOIN sources s ON s.id = q.source_id LEFT JOIN parties dn ON dn.id = s.donor_id
  ORDER BY i.code, b.expiry_date IS NULL, b.expiry_date, b.batch_no, l.code, s.code`;

/** 库存表: stock at the end of a day by item, batch, location and source, with expiry and age. */
export function inventorySheet(f: ReportFrame, date: string): SheetDefinition {
  const c = f.texts.columns;
  const params = { end: endOfLocalDay(date) };
  return {
    name: f.texts.sheets.inventory,
    title: titleLines(f, f.texts.titles.inventory, fill(f.texts.meta.asOf, { date })),
    columns: [
      { header: c.itemCode, type: 'text' },
      { header: c.itemName, type: 'text' },
      { header: c.spec, type: 'text' },
      { header: c.unit, type: 'text' },
      { header: c.batch, type: 'text' },
      { header: c.productionDate, type: 'date' },
      { header: c.expiryDate, type: 'date' },
      { header: c.daysToExpiry, type: 'integer' },
      { header: c.receiptDate, type: 'date' },
      { header: c.ageDays, type: 'integer' },
      { header: c.location, type: 'text' },
      { header: c.source, type: 'text' },
      { header: c.donor, type: 'text' },
      { header: c.quantity, type: 'quantity', total: true },
      { header: c.cartons, type: 'quantity' },
      { header: c.unitValue, type: 'money' },
      { header: c.value, type: 'money', total: true },
    ],
    totalLabel: f.texts.total,
    count: counter(f.db, inventorySql, params),
    *rows() {
      for (const r of rawRows(f.db, inventorySql, params)) {
        type Text = string | null;
        const [code, name, spec, unit, batch, produced, expiry, received, location, source, donor] = r as [
          Text,
          Text,
          Text,
          Text,
          Text,
          Text,
          Text,
          Text,
          Text,
          Text,
          Text,
        ];
        const [quantity, pack, fen] = [r[11] as number, r[12] as number, r[13] as number];
        yield [
          code,
          name,
          spec,
          unit,
          batch,
          produced,
          expiry,
          expiry ? daysBetween(date, expiry) : null,
          received,
          received ? daysBetween(received, date) : null,
          location,
          source,
          donor ?? '',
          quantity,
          pack > 1 ? Math.floor(quantity / pack) : null,
          fen,
          quantity * fen,
        ];
      }
    },
  };
}

const documentsSql = `
  SELECT d.number, d.kind, d.subkind, d.doc_date, d.posted_at, p.name, s.name, d.order_no, d.emergency,
    (SELECT count(*) FROM document_lines x WHERE x.document_id = d.id),
    (SELECT sum(abs(x.quantity)) FROM document_lines x WHERE x.document_id = d.id),
    (SELECT sum(abs(x.quantity) * i.unit_value_fen) FROM document_lines x JOIN items i ON i.id = x.item_id
      WHERE x.document_id = d.id),
    rel.number,
    (SELECT r.number FROM documents r WHERE r.kind = 'reversal' AND r.related_id = d.id),
    d.operator, d.remarks
  FROM documents d
  LEFT JOIN document_parties p ON p.document_id = d.id
  LEFT JOIN sources s ON s.id = d.source_id
  LEFT JOIN documents rel ON rel.id = d.related_id
  WHERE d.posted_at >= @start AND d.posted_at < @end
  ORDER BY d.posted_at, d.number`;

/** 单据登记簿: every document posted in the period. */
export function documentsSheet(f: ReportFrame, p: Period): SheetDefinition {
  const c = f.texts.columns;
  const params = periodBounds(p);
  return {
    name: f.texts.sheets.documents,
    title: titleLines(f, f.texts.titles.documents, fill(f.texts.meta.period, { ...p })),
    columns: [
      { header: c.number, type: 'text' },
      { header: c.docKind, type: 'text' },
      { header: c.docSubkind, type: 'text' },
      { header: c.docDate, type: 'date' },
      { header: c.postedAt, type: 'text' },
      { header: c.party, type: 'text' },
      { header: c.source, type: 'text' },
      { header: c.orderNo, type: 'text' },
      { header: c.emergencyFlag, type: 'text' },
      { header: c.lines, type: 'quantity', total: true },
      { header: c.quantity, type: 'quantity', total: true },
      { header: c.value, type: 'money', total: true },
      { header: c.related, type: 'text' },
      { header: c.reversedBy, type: 'text' },
      { header: c.operator, type: 'text' },
      { header: c.remarks, type: 'text' },
    ],
    totalLabel: f.texts.total,
    count: counter(f.db, documentsSql, params),
    *rows() {
      for (const r of rawRows(f.db, documentsSql, params)) {
        type Text = string | null;
        const [number, kind, subkind, docDate, postedAt, party, source, orderNo, emergency] = r as [
          Text,
          Text,
          Text,
          Text,
          Text,
          Text,
          Text,
          Text,
          Text,
        ];
        yield [
          number,
          kindText(f, kind!),
          subkindText(f, kind!, subkind!),
          docDate,
          localDateTime(postedAt!),
          party ?? '',
          source ?? '',
          orderNo,
          Number(emergency) === 1 ? f.texts.yes : '',
          r[9] as number,
          (r[10] as number | null) ?? 0,
          (r[11] as number | null) ?? 0,
          (r[12] as string | null) ?? '',
          (r[13] as string | null) ?? '',
          r[14] as string,
          r[15] as string,
        ];
      }
    },
  };
}

const emergencySql = `
  SELECT d.number, d.doc_date, d.posted_at, p.name, d.incident_name, d.response_level,
    (SELECT sum(abs(x.quantity)) FROM document_lines x WHERE x.document_id = d.id),
    d.paperwork_due, d.order_no, f.order_no, f.filed_at, f.operator,
    EXISTS (SELECT 1 FROM documents r WHERE r.kind = 'reversal' AND r.related_id = d.id)
  FROM documents d
  LEFT JOIN document_parties p ON p.document_id = d.id
  LEFT JOIN paperwork_filings f ON f.document_id = d.id
  WHERE d.kind = 'dispatch' AND d.emergency = 1 AND d.posted_at >= @start AND d.posted_at < @end
  ORDER BY d.posted_at, d.number`;

/** 紧急出库: emergency dispatches of the period and where their paperwork stands. */
export function emergencySheet(f: ReportFrame, p: Period): SheetDefinition {
  const c = f.texts.columns;
  const params = periodBounds(p);
  const status = f.texts.paperwork;
  return {
    name: f.texts.sheets.emergency,
    title: titleLines(f, f.texts.titles.emergency, fill(f.texts.meta.period, { ...p })),
    columns: [
      { header: c.number, type: 'text' },
      { header: c.docDate, type: 'date' },
      { header: c.postedAt, type: 'text' },
      { header: c.party, type: 'text' },
      { header: c.incident, type: 'text' },
      { header: c.responseLevel, type: 'text' },
      { header: c.quantity, type: 'quantity', total: true },
      { header: c.paperworkDue, type: 'date' },
      { header: c.paperworkStatus, type: 'text' },
      { header: c.filedOrderNo, type: 'text' },
      { header: c.filedAt, type: 'text' },
      { header: c.filedBy, type: 'text' },
    ],
    totalLabel: f.texts.total,
    count: counter(f.db, emergencySql, params),
    *rows() {
      for (const r of rawRows(f.db, emergencySql, params)) {
        type Text = string | null;
        const [number, docDate, postedAt, party, incident, level] = r as [Text, Text, Text, Text, Text, Text];
        const [due, orderNo, filedNo, filedAt, filedBy] = r.slice(7, 12) as [Text, Text, Text, Text, Text];
        const reversed = Number(r[12]) === 1;
        // An emergency dispatch that carried its order number from the start has nothing to file.
        const filed = filedNo !== null || due === null;
        const state = reversed
          ? status.reversed
          : filed
            ? status.filed
            : due! < f.today
              ? status.overdue
              : status.pending;
        yield [
          number,
          docDate,
          localDateTime(postedAt!),
          party ?? '',
          incident,
          level ? (f.common.responseLevels as Record<string, string>)[level]! : '',
          (r[6] as number | null) ?? 0,
          due,
          state,
          filedNo ?? (due === null ? orderNo : ''),
          filedAt ? localDateTime(filedAt) : '',
          filedBy ?? '',
        ];
      }
    },
  };
}

/** Items under their top-level category (帐篷类、被服类…), as the central reserve groups them. */
const annualSql = `
  WITH RECURSIVE roots(id, root_id) AS (
    SELECT id, id FROM categories WHERE parent_id IS NULL
    UNION ALL SELECT c.id, r.root_id FROM categories c JOIN roots r ON c.parent_id = r.id
  )
  SELECT rc.code, rc.name, s.name, dn.name,
    sum(CASE WHEN e.posted_at < @start THEN e.quantity ELSE 0 END) AS opening,
    sum(CASE WHEN e.posted_at >= @start AND d.kind = 'receipt' THEN e.quantity ELSE 0 END) AS receipts,
    sum(CASE WHEN e.posted_at >= @start AND d.kind = 'dispatch' THEN -e.quantity ELSE 0 END) AS dispatches,
    sum(CASE WHEN e.posted_at >= @start AND d.kind NOT IN ('receipt', 'dispatch') THEN e.quantity ELSE 0 END) AS other,
    sum(e.quantity) AS closing,
    sum(CASE WHEN e.posted_at < @start THEN e.quantity * i.unit_value_fen ELSE 0 END),
    sum(CASE WHEN e.posted_at >= @start AND d.kind = 'receipt' THEN e.quantity * i.unit_value_fen ELSE 0 END),
    sum(CASE WHEN e.posted_at >= @start AND d.kind = 'dispatch' THEN -e.quantity * i.unit_value_fen ELSE 0 END),
    sum(CASE WHEN e.posted_at >= @start AND d.kind NOT IN ('receipt', 'dispatch')
        THEN e.quantity * i.unit_value_fen ELSE 0 END),
    sum(e.quantity * i.unit_value_fen)
  FROM ledger_entries e
  JOIN documents d ON d.id = e.document_id
  JOIN items i ON i.id = e.item_id
  LEFT JOIN roots r ON r.id = i.category_id
  LEFT JOIN categories rc ON rc.id = r.root_id
  ${sourceJoins}
  WHERE e.posted_at < @end
  GROUP BY rc.id, e.source_id
  HAVING opening <> 0 OR closing <> 0 OR max(e.posted_at >= @start)
  ORDER BY rc.code IS NULL, rc.code, s.code`;

/** 年度汇总: the year's opening, receipts, dispatches and closing per category and source (January 10 report). */
export function annualSheet(f: ReportFrame, year: number): SheetDefinition {
  const c = f.texts.columns;
  const params = periodBounds({ from: `${year}-01-01`, to: `${year}-12-31` });
  return {
    name: f.texts.sheets.annual,
    title: titleLines(f, f.texts.titles.annual, fill(f.texts.meta.year, { year })),
    columns: [
      { header: c.category, type: 'text' },
      { header: c.source, type: 'text' },
      { header: c.donor, type: 'text' },
      ...quantityAndValueColumns(c),
    ],
    totalLabel: f.texts.total,
    count: counter(f.db, annualSql, params),
    *rows() {
      for (const r of rawRows(f.db, annualSql, params)) {
        const [code, name, source, donor] = r as [string | null, string | null, string, string | null];
        const category = code === null ? f.texts.uncategorised : `${code} ${name}`;
        yield [category, source, donor ?? '', ...(r.slice(4) as Cell[])];
      }
    },
  };
}

/** The audit summary's figures of a period, read in the export's snapshot. */
export function periodFigures(f: ReportFrame, p: Period) {
  const params = periodBounds(p);
  const one = (sql: string) => (f.db.prepare(sql).pluck().get(params) as number | null) ?? 0;
  return {
    documents: one('SELECT count(*) FROM documents WHERE posted_at >= @start AND posted_at < @end'),
    entries: one('SELECT count(*) FROM ledger_entries WHERE posted_at >= @start AND posted_at < @end'),
    closingValueFen: one(
      `SELECT sum(e.quantity * i.unit_value_fen) FROM ledger_entries e JOIN items i ON i.id = e.item_id
       WHERE e.posted_at < @end`,
    ),
    itemsInStock: one(
      `SELECT count(*) FROM (SELECT item_id FROM ledger_entries WHERE posted_at < @end
       GROUP BY item_id HAVING sum(quantity) <> 0)`,
    ),
  };
}
