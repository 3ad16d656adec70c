/**
 * 收发存汇总表 and 库存表 on paper: the report's table exactly as `exports:report-table` reads it — the
 * same sheet definition, rows and totals its XLSX export writes — paged like every printed document:
 * the title block (depot, period or as-of date, generated-at, operator) and the column header on each
 * page, page X/Y in the footer, the totals row under the last line. A4 landscape: seventeen columns.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportTable } from '../../../shared/contract';
import type { PrintKind } from '../../../shared/print/jobs';
import { reportQueryOf } from '../../../shared/print/reportTarget';
import { call, errorText } from '../../api/client';
import { useDepot } from '../../app/depot';
import { formatDateTime, formatFen, formatNumber } from '../../components/format';
import type { PrintViewProps } from '../registry';
import { PagedDocument, type LineColumn } from '../documents/PagedDocument';
import './reports.css';

type Row = { key: string; cells: ReportTable['rows'][number] };
type ColumnType = ReportTable['columns'][number]['type'];

/** A cell as the paper shows it: quantities grouped, money as yuan with two decimals, dates as they are. */
function cellText(type: ColumnType, value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (type === 'money') return formatFen(value);
  if (type === 'quantity') return formatNumber(value);
  return String(value);
}

/** Relative widths: names and sources get room, numbers what their digits need. */
const widths: Readonly<Record<ColumnType, number>> = { text: 9, date: 8.5, integer: 5, quantity: 7, money: 9.5 };
const wideText = 12;

function columnsOf(table: ReportTable): LineColumn<Row>[] {
  return table.columns.map((c, j) => ({
    id: String(j),
    header: c.header,
    // The item's name (second column) is the widest text a row holds.
    width: c.type === 'text' && j === 1 ? wideText : widths[c.type],
    align: c.type === 'text' || c.type === 'date' ? 'start' : 'end',
    cell: (row) => cellText(c.type, row.cells[j] ?? null),
  }));
}

function ReportTableView({ kind, target, paper, ready, failed }: PrintViewProps & { kind: PrintKind }) {
  const { t } = useTranslation();
  const { settings } = useDepot();
  const query = useMemo(() => reportQueryOf(kind, target), [kind, target]);
  const [table, setTable] = useState<ReportTable | null>(null);
  const [printedAt] = useState(() => formatDateTime(new Date().toISOString()));

  useEffect(() => {
    if (!query) {
      failed(t('printDocuments.page.badParam', { name: 'target', value: target }));
      return;
    }
    let live = true;
    void call('exports:report-table', query).then((result) => {
      if (!live) return;
      if (result.ok) setTable(result.value);
      else failed(t('print.loadFailed', { reason: errorText(t, result.error) }));
    });
    return () => {
      live = false;
    };
  }, [query, target, failed, t]);

  const rows = useMemo<Row[]>(() => (table ? table.rows.map((cells, i) => ({ key: String(i), cells })) : []), [table]);
  const columns = useMemo(() => (table ? columnsOf(table) : []), [table]);
  if (!table) return null;
  const [title = '', ...meta] = table.title;
  return (
    <PagedDocument
      paper={paper}
      copies={['']}
      lines={rows}
      lineKey={(r) => r.key}
      columns={columns}
      header={() => (
        <div className="report-heading">
          <h1 className="slip-title">{title}</h1>
          {meta.map((line) => (
            <p key={line} className="report-meta">
              {line}
            </p>
          ))}
        </div>
      )}
      totals={(_lines, page) => (page.last && table.totals ? <ReportTotals table={table} columns={columns} /> : null)}
      signatures={null}
      footer={{ printedAt, reprint: null, note: settings.printing.footerNote }}
      ready={ready}
      failed={failed}
    />
  );
}

/** The totals row, in the lines table's own column widths so each sum stands under its column. */
function ReportTotals({ table, columns }: { table: ReportTable; columns: LineColumn<Row>[] }) {
  const total = columns.reduce((sum, c) => sum + c.width, 0);
  const totals = table.totals!;
  return (
    <table className="print-lines report-totals">
      <colgroup>
        {columns.map((c) => (
          <col key={c.id} style={{ width: `${((c.width / total) * 100).toFixed(3)}%` }} />
        ))}
      </colgroup>
      <tbody>
        <tr>
          {table.columns.map((c, j) => (
            <td key={j} className={`align-${columns[j]!.align ?? 'start'}`}>
              {j === 0 ? totals.label : cellText(c.type, totals.sums[j] ?? null)}
            </td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}

export function LedgerSummarySheet(props: PrintViewProps) {
  return <ReportTableView {...props} kind="ledger-summary" />;
}

export function InventoryReportSheet(props: PrintViewProps) {
  return <ReportTableView {...props} kind="inventory-report" />;
}
