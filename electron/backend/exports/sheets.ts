/**
 * A report is a list of sheet definitions: columns (header, type) and a row query. The two writers
 * below turn any definition into a streamed XLSX (title rows, frozen header, number formats, totals,
 * fitted widths) or RFC 4180 CSV files, so a new export (a stocktake result, an incident report) is
 * one more definition fed by one more query — nothing else changes.
 */
import fs from 'node:fs';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import { csvField, displayWidth, neutralise, yuanText } from './cells';

/**
 * text: neutralised string; quantity / integer: whole numbers, grouped; money: fen in the query,
 * yuan with two decimals in the file; date: YYYY-MM-DD text (a calendar day, not a time zone's instant).
 */
export type ColumnType = 'text' | 'quantity' | 'integer' | 'money' | 'date';

export interface Column {
  header: string;
  type: ColumnType;
  /** Sum this column in the totals row. */
  total?: boolean;
}

export type Cell = string | number | null;

export interface SheetDefinition {
  /** Sheet name (Excel allows 31 characters, no []:*?/\). */
  name: string;
  /** Title rows above the header: the report's title, then depot, period, generated-at, operator. */
  title: string[];
  columns: Column[];
  /** How many rows `rows()` will yield: the progress bar's total. */
  count(): number;
  /** The rows, in column order; iterated lazily from the database. */
  rows(): Iterable<Cell[]>;
  /** The label of the totals row (shown in the first column); no totals row without one. */
  totalLabel?: string;
}

/** What a writer reports and asks while it goes: rows written so far, and whether to stop. */
export interface WriteControl {
  /** Rows between two yields to the event loop, so the window's calls are answered meanwhile. */
  chunkRows: number;
  /** Called after every chunk with the rows written in it; throws to stop (cancel, failure). */
  afterChunk(rows: number): Promise<void>;
}

const numberFormats: Record<ColumnType, string | undefined> = {
  text: undefined,
  date: undefined,
  quantity: '#,##0',
  integer: '0',
  money: '#,##0.00',
};

/** A cell's value as the XLSX holds it. */
function xlsxValue(type: ColumnType, value: Cell): ExcelJS.CellValue {
  if (value === null) return null;
  if (type === 'text' || type === 'date') return neutralise(String(value));
  if (type === 'money') return Number(value) / 100;
  return Number(value);
}

/** A cell's value as CSV text: money with exactly two decimals, numbers ungrouped (machines read CSV). */
function csvValue(type: ColumnType, value: Cell): string {
  if (value === null) return '';
  if (type === 'money') return yuanText(Number(value));
  if (type === 'text' || type === 'date') return csvField(neutralise(String(value)));
  return String(value);
}

/** Widths are fitted to the header and the first rows (the file is streamed: later rows are not known yet). */
const widthSampleRows = 1000;
const maxWidth = 60;

function widthOf(type: ColumnType, value: Cell): number {
  if (value === null) return 0;
  if (type === 'money') return yuanText(Number(value)).length + Math.floor(String(Math.abs(Number(value))).length / 3);
  if (type === 'quantity') return Number(value).toLocaleString('en-US').length;
  return displayWidth(String(value));
}

/** Pulls rows from an iterator in chunks, summing the totals columns on the way. */
class RowSource {
  readonly sums: number[];
  private readonly iterator: Iterator<Cell[]>;
  private buffered: Cell[][] = [];

  constructor(private readonly sheet: SheetDefinition) {
    this.sums = sheet.columns.map(() => 0);
    this.iterator = sheet.rows()[Symbol.iterator]();
  }

  /** Reads ahead without consuming: the writer sizes columns from the first rows. */
  peek(n: number): Cell[][] {
    while (this.buffered.length < n) {
      const next = this.iterator.next();
      if (next.done) break;
      this.buffered.push(next.value);
    }
    return this.buffered;
  }

  *take(n: number): Generator<Cell[]> {
    for (let i = 0; i < n; i++) {
      const row = this.buffered.length > 0 ? this.buffered.shift() : this.nextFromQuery();
      if (!row) return;
      this.sheet.columns.forEach((c, j) => {
        if (c.total && typeof row[j] === 'number') this.sums[j]! += row[j];
      });
      yield row;
    }
  }

  private nextFromQuery(): Cell[] | undefined {
    const next = this.iterator.next();
    return next.done ? undefined : next.value;
  }

  close(): void {
    this.iterator.return?.();
  }
}

/** Writes every row of a sheet through `write`, a chunk at a time; returns the column sums. */
async function pump(source: RowSource, control: WriteControl, write: (row: Cell[]) => void): Promise<void> {
  for (;;) {
    let n = 0;
    for (const row of source.take(control.chunkRows)) {
      write(row);
      n++;
    }
    await control.afterChunk(n);
    if (n < control.chunkRows) return;
  }
}

/**
 * A sheet read whole, as a print view draws it: the same rows and totals the writers stream, summed
 * the same way. For printed reports, which stop at what paper can hold anyway.
 */
export function readSheet(sheet: SheetDefinition): {
  title: string[];
  columns: { header: string; type: ColumnType; total: boolean }[];
  rows: Cell[][];
  totals: { label: string; sums: (number | null)[] } | null;
} {
  const source = new RowSource(sheet);
  try {
    const rows = [...source.take(Number.POSITIVE_INFINITY)];
    return {
      title: sheet.title,
      columns: sheet.columns.map((c) => ({ header: c.header, type: c.type, total: c.total === true })),
      rows,
      totals:
        sheet.totalLabel === undefined
          ? null
          : { label: sheet.totalLabel, sums: sheet.columns.map((c, j) => (c.total ? source.sums[j]! : null)) },
    };
  } finally {
    source.close();
  }
}

/** The most rows one worksheet holds in Excel (and in WPS): a file with more does not open there. */
export const excelMaxRows = 1_048_576;

/**
 * Streams the sheets into one XLSX at `file` with exceljs' streaming writer (rows leave memory once written).
 * A sheet with more rows than a worksheet holds (`rowsPerSheet`, Excel's limit unless a test says less)
 * continues on "name (2)", "name (3)"…, each with the same title rows and header; the totals close the last.
 */
export async function writeXlsx(
  file: string,
  sheets: SheetDefinition[],
  control: WriteControl,
  rowsPerSheet = excelMaxRows,
): Promise<void> {
  const stream = fs.createWriteStream(file);
  let streamError: Error | null = null;
  stream.on('error', (err) => (streamError ??= err));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const guarded: WriteControl = {
    chunkRows: control.chunkRows,
    afterChunk: async (rows) => {
      if (streamError) throw streamError;
      await control.afterChunk(rows);
    },
  };
  try {
    for (const sheet of sheets) await writeSheet(workbook, sheet, guarded, rowsPerSheet);
    await workbook.commit();
    if (streamError) throw streamError;
  } finally {
    if (!stream.closed) {
      stream.destroy();
      await once(stream, 'close').catch(() => undefined);
    }
  }
}

/** The name of a sheet's nth part: "name (n)" from the second on, within Excel's 31 characters. */
function partName(name: string, part: number): string {
  if (part === 1) return name;
  const suffix = ` (${part})`;
  return [...name].slice(0, 31 - suffix.length).join('') + suffix;
}

async function writeSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  sheet: SheetDefinition,
  control: WriteControl,
  rowsPerSheet: number,
): Promise<void> {
  const headerRow = sheet.title.length + 2;
  // Each part keeps a row for the totals, so the last part never overflows when they are added.
  const dataRowsPerPart = rowsPerSheet - headerRow - 1;
  if (dataRowsPerPart < 1) throw new Error(`a worksheet of ${rowsPerSheet} rows cannot hold the ${sheet.name} header`);
  const source = new RowSource(sheet);
  try {
    const sample = source.peek(widthSampleRows);
    const widths = sheet.columns.map((c, j) => {
      const widest = Math.max(displayWidth(c.header), ...sample.map((r) => widthOf(c.type, r[j] ?? null)));
      return { width: Math.min(maxWidth, Math.max(8, widest + 2)) };
    });
    const startPart = (part: number): ExcelJS.Worksheet => {
      const ws = workbook.addWorksheet(partName(sheet.name, part), {
        views: [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }],
      });
      ws.columns = widths;
      sheet.title.forEach((line, i) => {
        const row = ws.getRow(i + 1);
        row.getCell(1).value = neutralise(line);
        row.getCell(1).font = i === 0 ? { bold: true, size: 14 } : { size: 10 };
        // The title and meta lines span the table so long periods and names are not clipped by column 1.
        ws.mergeCells(i + 1, 1, i + 1, Math.max(1, sheet.columns.length));
        row.commit();
      });
      const header = ws.getRow(headerRow);
      sheet.columns.forEach((c, j) => {
        const cell = header.getCell(j + 1);
        cell.value = c.header;
        cell.font = { bold: true };
        cell.alignment = { horizontal: c.type === 'text' || c.type === 'date' ? 'left' : 'right', wrapText: true };
        cell.border = { bottom: { style: 'thin' } };
      });
      header.commit();
      return ws;
    };
    let part = 1;
    let ws = startPart(part);
    let rowsInPart = 0;
    // One shared style object per column: exceljs caches a style's index by object identity, and gives every
    // new cell a fresh copy otherwise — indexing 100,000 rows' copies made the export several times slower.
    const cellStyles = sheet.columns.map((c): Partial<ExcelJS.Style> => {
      const format = numberFormats[c.type];
      return format ? { numFmt: format } : {};
    });
    await pump(source, control, (values) => {
      if (rowsInPart === dataRowsPerPart) {
        ws.commit();
        ws = startPart(++part);
        rowsInPart = 0;
      }
      const row = ws.addRow(sheet.columns.map((c, j) => xlsxValue(c.type, values[j] ?? null)));
      cellStyles.forEach((style, j) => (row.getCell(j + 1).style = style));
      row.commit();
      rowsInPart++;
    });
    if (sheet.totalLabel !== undefined) {
      const totals = ws.addRow(
        sheet.columns.map((c, j) =>
          j === 0 ? sheet.totalLabel! : c.total ? xlsxValue(c.type, source.sums[j]!) : null,
        ),
      );
      cellStyles.forEach((style, j) => {
        totals.getCell(j + 1).style = { ...style, font: { bold: true }, border: { top: { style: 'thin' } } };
      });
      totals.commit();
    }
    ws.commit();
  } finally {
    source.close();
  }
}

const bom = '\uFEFF';

/** Writes one sheet as CSV: UTF-8 with a BOM (Excel on Chinese Windows reads it right), CRLF records, header first. */
export async function writeCsv(file: string, sheet: SheetDefinition, control: WriteControl): Promise<void> {
  const stream = fs.createWriteStream(file, { encoding: 'utf8' });
  let streamError: Error | null = null;
  stream.on('error', (err) => (streamError ??= err));
  const source = new RowSource(sheet);
  let pending = bom + sheet.columns.map((c) => csvField(neutralise(c.header))).join(',') + '\r\n';
  try {
    await pump(
      source,
      {
        chunkRows: control.chunkRows,
        afterChunk: async (rows) => {
          if (streamError) throw streamError;
          // One write per chunk; wait for the disk when the stream's buffer is full.
          if (!stream.write(pending)) await Promise.race([once(stream, 'drain'), once(stream, 'error')]);
          pending = '';
          if (streamError) throw streamError;
          await control.afterChunk(rows);
        },
      },
      (values) => {
        pending += sheet.columns.map((c, j) => csvValue(c.type, values[j] ?? null)).join(',') + '\r\n';
      },
    );
    stream.end();
    await Promise.race([once(stream, 'finish'), once(stream, 'error')]);
    if (streamError) throw streamError;
  } finally {
    source.close();
    if (!stream.closed) {
      stream.destroy();
      await once(stream, 'close').catch(() => undefined);
    }
  }
}
