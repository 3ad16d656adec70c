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
import { useDepot } from '../../app/depot';
import { formatDateTime, formatFen, formatNumber } from '../../components/format';
import type { PrintViewProps } from '../registry';
import { usePrintData } from '../usePrintData';
import { ColumnWidths, PagedDocument, type LineColumn } from '../documents/PagedDocument';
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

/** Text width in half-width characters: a Chinese character takes two, as on the printed page. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.codePointAt(0)! >= 0x2e80 ? 2 : 1;
  return width;
}

/** The rows a column's width is fitted to; the widest cell wins, within bounds so nothing starves. */
const widthSampleRows = 300;
const minWidth = 4;
const maxWidth = 24;

/**
 * Columns sized to what they hold, as the workbook's are: a column gets its widest cell (or half its
 * header, which may wrap onto two lines), so a long item name gets room and a unit column does not.
 */
function columnsOf(table: ReportTable): LineColumn<Row>[] {
  const sample = table.rows.slice(0, widthSampleRows);
  return table.columns.map((c, j) => {
    const widest = Math.max(
      displayWidth(c.header) / 2,
      ...sample.map((r) => displayWidth(cellText(c.type, r[j] ?? null))),
      ...(table.totals ? [displayWidth(cellText(c.type, table.totals.sums[j] ?? null))] : []),
    );
    return {
      id: String(j),
      header: c.header,
      // Two more for the cell's padding and rules.
      width: Math.min(maxWidth, Math.max(minWidth, widest + 2)),
      align: c.type === 'text' || c.type === 'date' ? 'start' : 'end',
      cell: (row: Row) => cellText(c.type, row.cells[j] ?? null),
    };
  });
}

function ReportTableView({ kind, target, paper, ready, failed }: PrintViewProps & { kind: PrintKind }) {
  const { t } = useTranslation();
  const { settings } = useDepot();
  const query = useMemo(() => reportQueryOf(kind, target), [kind, target]);
  const [printedAt] = useState(() => formatDateTime(new Date().toISOString()));
  useEffect(() => {
    if (!query) failed(t('printDocuments.page.badParam', { name: 'target', value: target }));
  }, [query, target, failed, t]);
  const table = usePrintData('exports:report-table', query, failed);

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
  const totals = table.totals!;
  return (
    <table className="print-lines report-totals">
      <ColumnWidths columns={columns} />
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
