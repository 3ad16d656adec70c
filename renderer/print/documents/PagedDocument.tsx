/**
 * The one pagination every printed document uses. A page carries the header block, the lines table
 * with its column header, the totals, the signature block and the footer (page X/Y, print time, reprint
 * mark) — on every page, as the regulations' paper forms do, so page 2 of a slip can be read alone.
 *
 * Lines are packed by measurement, not by counting: pass one renders the whole document once in a
 * hidden box of the paper's printable width and reads every line's height (a wrapped remark or a line
 * drawn from three batches is simply taller); pass two packs the lines into pages with the room left by
 * the rest. A last check looks at every drawn page: should anything still overflow (a rounding
 * difference between the two passes), the pages are packed again with more room to spare, so nothing is
 * ever cut off. Narrow paper (80 mm thermal) cannot hold a table: lines are stacked as label–value blocks.
 */
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { printableMm, type Paper } from '../../../shared/print/papers';
import { PrintSheet } from '../PrintSheet';
import { paginate } from '../../../shared/print/paginate';
import { paperFontPt } from './SlipParts';
import './documents.css';

export interface LineColumn<L> {
  id: string;
  /** The column header; also the label of the field in the stacked layout. */
  header: string;
  /** Relative width in the table. */
  width: number;
  align?: 'start' | 'end' | 'center';
  /** The cell; null when the line has nothing for this column (the stacked layout then leaves it out). */
  cell: (line: L) => ReactNode;
  /** In the stacked layout: part of the line's heading, a labelled field (default), or left out. */
  stacked?: 'title' | 'field' | 'hidden';
  /** The cell as the stacked layout shows it, when it differs (several table columns folded into one field). */
  stackedCell?: (line: L) => ReactNode;
  /** The field's label in the stacked layout, when it differs from the column header. */
  stackedHeader?: string;
}

export interface PageContext {
  copy: string;
  copyIndex: number;
  copyCount: number;
  page: number;
  pages: number;
  last: boolean;
}

export interface PagedDocumentProps<L> {
  paper: Paper;
  /** The copy labels; each copy is printed as a complete set of pages. `['']` for a single unlabelled copy. */
  copies: readonly string[];
  lines: readonly L[];
  lineKey: (line: L) => string;
  columns: readonly LineColumn<L>[];
  /** Title, copy label, number with its barcodes, header fields. */
  header: (page: PageContext) => ReactNode;
  /** The totals under the lines: of the page's lines, and of the whole document on the last page. */
  totals: (pageLines: readonly L[], page: PageContext) => ReactNode;
  signatures: ReactNode;
  footer: { printedAt: string; reprint: number | null; note: string };
  ready: () => void;
  failed: (reason: string) => void;
}

/** Below this printable width a lines table cannot be read: lines are stacked instead. */
const stackedBelowMm = 100;
/** Room kept free on each page at first, and added per repacking, in millimetres. */
const firstSlackMm = 1.5;
const slackStepMm = 4;
const maxSlackMm = 40;

interface Measured {
  heights: number[];
  roomMm: number;
}

export function isStacked(paper: Paper): boolean {
  return printableMm(paper).widthMm < stackedBelowMm;
}

export function PagedDocument<L>(props: PagedDocumentProps<L>) {
  const { t } = useTranslation();
  const { paper, copies, lines, columns, header, totals, signatures, footer, ready, failed } = props;
  const stacked = isStacked(paper);
  const docClass = `print-doc print-doc--${paper.id} ${stacked ? 'print-doc--stacked' : ''}`;
  const measureRef = useRef<HTMLDivElement>(null);
  const pagesRef = useRef<HTMLDivElement>(null);
  const [measured, setMeasured] = useState<Measured | null>(null);
  const [slackMm, setSlackMm] = useState(firstSlackMm);

  // Pass one: read heights once the fonts the page uses are ready (CJK fallback fonts change line heights).
  useEffect(() => {
    let live = true;
    void document.fonts.ready.then(() => {
      const root = measureRef.current;
      if (!live || !root) return;
      const pxPerMm = root.querySelector<HTMLElement>('[data-measure="mm"]')!.getBoundingClientRect().height / 100;
      const page = root.querySelector<HTMLElement>('[data-measure="page"]')!;
      const body = root.querySelector<HTMLElement>('[data-measure="lines"]')!;
      const heights = Array.from(
        root.querySelectorAll<HTMLElement>('[data-measure="line"]'),
        (el) => el.getBoundingClientRect().height / pxPerMm,
      );
      const chromeMm = (page.getBoundingClientRect().height - body.getBoundingClientRect().height) / pxPerMm;
      setMeasured({ heights, roomMm: printableMm(paper).heightMm - chromeMm });
    });
    return () => {
      live = false;
    };
  }, [paper]);

  const pagination = useMemo(
    () => (measured ? paginate(measured.heights, measured.roomMm - slackMm) : null),
    [measured, slackMm],
  );

  // The last check: every drawn page fits its sheet, or is packed again with more to spare.
  useEffect(() => {
    if (!pagination || !pagesRef.current) return;
    const overflowing = Array.from(pagesRef.current.querySelectorAll<HTMLElement>('.print-page')).findIndex(
      (page) => page.scrollHeight > page.clientHeight + 1,
    );
    if (overflowing >= 0 && slackMm < maxSlackMm) {
      setSlackMm((s) => s + slackStepMm);
      return;
    }
    if (overflowing >= 0 || pagination.tooTall.length > 0) {
      const page = overflowing >= 0 ? (overflowing % pagination.pages.length) + 1 : 1;
      failed(t('printDocuments.page.overflow', { page }));
      return;
    }
    ready();
  }, [pagination, slackMm, ready, failed, t]);

  const measureContext: PageContext = {
    copy: copies[0] ?? '',
    copyIndex: 0,
    copyCount: copies.length,
    page: 1,
    pages: 1,
    last: true,
  };

  if (!pagination) {
    return (
      <div
        ref={measureRef}
        className={`${docClass} print-measure`}
        aria-hidden="true"
        style={{ width: `${printableMm(paper).widthMm}mm`, fontSize: `${paperFontPt[paper.id]}pt` }}
      >
        <div data-measure="mm" style={{ height: '100mm' }} />
        <div className="print-page" data-measure="page">
          <PageBody
            {...props}
            stacked={stacked}
            context={measureContext}
            pageLines={lines}
            header={header}
            totals={totals}
            measuring
          />
        </div>
      </div>
    );
  }

  const pageCount = pagination.pages.length;
  return (
    <div ref={pagesRef} className="print-doc-pages" style={{ fontSize: `${paperFontPt[paper.id]}pt` }}>
      {copies.map((copy, copyIndex) =>
        pagination.pages.map((indexes, pageIndex) => {
          const context: PageContext = {
            copy,
            copyIndex,
            copyCount: copies.length,
            page: pageIndex + 1,
            pages: pageCount,
            last: pageIndex === pageCount - 1,
          };
          const pageLines = indexes.map((i) => lines[i]!);
          return (
            <PrintSheet
              key={`${copyIndex}-${pageIndex}`}
              paper={paper}
              className={docClass}
              label={t('printDocuments.page.sheetLabel', { copy, page: context.page, pages: pageCount })}
            >
              <div className="print-page">
                <PageBody
                  {...props}
                  stacked={stacked}
                  context={context}
                  pageLines={pageLines}
                  columns={columns}
                  signatures={signatures}
                  footer={footer}
                />
              </div>
            </PrintSheet>
          );
        }),
      )}
    </div>
  );
}

function PageBody<L>({
  context,
  pageLines,
  stacked,
  measuring = false,
  ...props
}: PagedDocumentProps<L> & { context: PageContext; pageLines: readonly L[]; stacked: boolean; measuring?: boolean }) {
  const { t } = useTranslation();
  const { footer } = props;
  return (
    <>
      <header className="print-page-header">{props.header(context)}</header>
      {stacked ? (
        <StackedLines lines={pageLines} columns={props.columns} lineKey={props.lineKey} measuring={measuring} />
      ) : (
        <LinesTable lines={pageLines} columns={props.columns} lineKey={props.lineKey} measuring={measuring} />
      )}
      <div className="print-page-totals">{props.totals(pageLines, context)}</div>
      <div className="print-page-spacer" />
      <div className="print-page-signatures">{props.signatures}</div>
      <footer className="print-page-footer">
        <span className="print-page-number">
          {t('printDocuments.page.pageOf', { page: context.page, pages: context.pages })}
        </span>
        {!context.last && <span>{t('printDocuments.page.continued')}</span>}
        <span>{t('printDocuments.page.printedAt', { time: footer.printedAt })}</span>
        {footer.reprint !== null && (
          <strong className="print-reprint">{t('printDocuments.page.reprint', { count: footer.reprint })}</strong>
        )}
        {footer.note && <span className="print-page-note">{footer.note}</span>}
      </footer>
    </>
  );
}

interface LinesProps<L> {
  lines: readonly L[];
  columns: readonly LineColumn<L>[];
  lineKey: (line: L) => string;
  measuring: boolean;
}

/** The columns' relative widths as a table's colgroup: a table under the lines (a totals row) lines up with them. */
export function ColumnWidths<L>({ columns }: { columns: readonly LineColumn<L>[] }) {
  const total = columns.reduce((sum, c) => sum + c.width, 0);
  return (
    <colgroup>
      {columns.map((c) => (
        <col key={c.id} style={{ width: `${((c.width / total) * 100).toFixed(3)}%` }} />
      ))}
    </colgroup>
  );
}

function LinesTable<L>({ lines, columns, lineKey, measuring }: LinesProps<L>) {
  return (
    <table className="print-lines">
      <ColumnWidths columns={columns} />
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.id} scope="col" className={`align-${c.align ?? 'start'}`}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody data-measure={measuring ? 'lines' : undefined}>
        {lines.map((line) => (
          <tr key={lineKey(line)} data-measure={measuring ? 'line' : undefined}>
            {columns.map((c) => (
              <td key={c.id} className={`align-${c.align ?? 'start'}`}>
                {c.cell(line)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function StackedLines<L>({ lines, columns, lineKey, measuring }: LinesProps<L>) {
  const titles = columns.filter((c) => c.stacked === 'title');
  const fields = columns.filter((c) => (c.stacked ?? 'field') === 'field');
  return (
    <div className="print-stacked" data-measure={measuring ? 'lines' : undefined}>
      {lines.map((line) => (
        <div key={lineKey(line)} className="print-stacked-line" data-measure={measuring ? 'line' : undefined}>
          <div className="print-stacked-title">
            {titles.map((c) => (
              <span key={c.id}>{c.cell(line)}</span>
            ))}
          </div>
          <dl>
            {fields.map((c) => {
              const value = (c.stackedCell ?? c.cell)(line);
              if (value === null || value === undefined || value === '') return null;
              return (
                <div key={c.id} className={`align-${c.align ?? 'start'}`}>
                  <dt>{c.stackedHeader ?? c.header}</dt>
                  <dd>{value}</dd>
                </div>
              );
            })}
          </dl>
        </div>
      ))}
    </div>
  );
}
