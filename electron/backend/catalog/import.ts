/**
 * Importing the catalog (物资目录) from a keeper's spreadsheet, CSV or XLSX. The file is read in full
 * first (exceljs is asynchronous); then every row is checked and the good rows are written in one
 * synchronous transaction, so a failure half-way leaves the catalog as it was.
 */
import type { z } from 'zod';
import {
  barcodeTextSchema,
  itemDraftSchema,
  type ImportReport,
  type importReasons,
  type itemImportSchema,
} from '../../../shared/contract';
import type { BackendContext } from '../context';
import { CsvSyntaxError, decodeCsvText, parseCsv } from './csv';
import type { Items } from './items';

type Reason = (typeof importReasons)[number];
type ImportError = ImportReport['errors'][number];
type ItemDraft = z.output<typeof itemDraftSchema>;

/** A sheet as read from the file: its header (row 1) and data rows with their spreadsheet row numbers. */
interface Table {
  header: string[];
  rows: { row: number; cells: string[] }[];
}

type Field =
  | 'code'
  | 'name'
  | 'spec'
  | 'category'
  | 'unit'
  | 'packSize'
  | 'shelfLifeDays'
  | 'minStock'
  | 'reserveQuota'
  | 'personsPerUnit'
  | 'unitValue'
  | 'barcode'
  | 'cartonBarcode';

/** The columns an import file may have: the Chinese and English headers, then other names keepers use. */
const columns: Record<Field, { zh: string; en: string; required?: true; aliases?: string[] }> = {
  code: { zh: '编码', en: 'code', required: true, aliases: ['物资编码', 'item code'] },
  name: { zh: '名称', en: 'name', required: true, aliases: ['物资名称', '品名', 'item name'] },
  spec: { zh: '规格型号', en: 'spec', aliases: ['规格', 'specification'] },
  category: { zh: '分类编码', en: 'category', aliases: ['category code'] },
  unit: { zh: '单位', en: 'unit', required: true, aliases: ['计量单位', 'base unit'] },
  packSize: { zh: '每箱数量', en: 'pack size', aliases: ['装箱数'] },
  shelfLifeDays: { zh: '保质期(天)', en: 'shelf life days', aliases: ['shelf life (days)'] },
  minStock: { zh: '最低库存', en: 'min stock', aliases: ['minimum stock'] },
  reserveQuota: { zh: '储备定额', en: 'reserve quota' },
  personsPerUnit: { zh: '保障人数', en: 'persons per unit' },
  unitValue: { zh: '单价(元)', en: 'unit value', aliases: ['单价', 'unit value (yuan)'] },
  barcode: { zh: '条码', en: 'barcode', aliases: ['条形码', 'unit barcode'] },
  cartonBarcode: { zh: '箱条码', en: 'carton barcode' },
};

/**
 * Headers compare without case, width, spaces, brackets and separators, so "保质期（天）",
 * "Shelf life (days)" and "shelf_life_days" all name the shelf-life column.
 */
function headerKey(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s()[\]_\-.]/g, '');
}

const fieldByHeader = new Map<string, Field>(
  (Object.entries(columns) as [Field, (typeof columns)[Field]][]).flatMap(([field, c]) =>
    [c.zh, c.en, ...(c.aliases ?? [])].map((h) => [headerKey(h), field] as [string, Field]),
  ),
);

/** Which item field a zod issue on the draft belongs to. */
const fieldByDraftKey: Record<string, Field> = {
  code: 'code',
  name: 'name',
  spec: 'spec',
  categoryId: 'category',
  baseUnit: 'unit',
  packSize: 'packSize',
  hasShelfLife: 'shelfLifeDays',
  shelfLifeDays: 'shelfLifeDays',
  minStock: 'minStock',
  reserveQuota: 'reserveQuota',
  personsPerUnit: 'personsPerUnit',
  unitValueFen: 'unitValue',
};

/** The offending cell as the report shows it: at most 100 characters, never half an emoji. */
function clip(value: string): string {
  return value.length <= 100 ? value : Array.from(value).slice(0, 100).join('');
}

// — reading the file —

function yyyyMmDd(d: Date): string {
  // exceljs gives spreadsheet dates as UTC instants of the serial number.
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 16).replace('T', ' ');
}

/** A cell's value as the text a keeper sees: formulas by their result, rich text joined, dates as YYYY-MM-DD. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  // Excel shows 15 significant digits; beyond that a sum such as 0.1 + 0.2 is float noise.
  if (typeof value === 'number') return Number.isFinite(value) ? String(Number(value.toPrecision(15))) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : yyyyMmDd(value);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('formula' in v || 'sharedFormula' in v) return cellText(v.result);
    if ('text' in v) return cellText(v.text);
    if (typeof v.error === 'string') return v.error;
  }
  return '';
}

async function readXlsx(bytes: Buffer): Promise<Table | null> {
  // Loaded on first use: exceljs takes over a second to load, which the app's start-up should not pay.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as its own Buffer (an ArrayBuffer); JSZip underneath takes one.
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  } catch {
    return null;
  }
  // The first tab the keeper sees: a hidden sheet (a template's lookup lists) does not count.
  const sheet = workbook.worksheets.find((s) => s.state === 'visible') ?? workbook.worksheets[0];
  if (!sheet) return null;
  const table: Table = { header: [], rows: [] };
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    const dense = Array.from(cells, (c) => c ?? '');
    if (rowNumber === 1) table.header = dense;
    else table.rows.push({ row: rowNumber, cells: dense });
  });
  return table;
}

/** The table, or the error that says why the file cannot be read. */
function readCsv(bytes: Buffer): Table | ImportError {
  const unreadable: ImportError = { row: 0, column: '', reason: 'unreadable-file', value: '' };
  const text = decodeCsvText(bytes);
  if (text === null || text === '') return unreadable;
  let records: string[][];
  try {
    records = parseCsv(text);
  } catch (err) {
    if (err instanceof CsvSyntaxError) return { ...unreadable, row: err.record, value: clip(err.excerpt) };
    throw err;
  }
  return { header: records[0] ?? [], rows: records.slice(1).map((cells, i) => ({ row: i + 2, cells })) };
}

// — reading numbers —

/** Numbers as keepers type them: full-width digits, stray spaces, thousands separators ("1,200"). */
function numberText(text: string): string {
  const s = text.normalize('NFKC').replace(/\s+/g, '');
  return /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(s) ? s.replace(/,/g, '') : s;
}

/** A whole number ("12", "12.0", "1,200"); a negative one parses and is refused later as out of range. */
function parseWhole(text: string): number | Reason {
  const m = /^([+-]?)(\d+)(?:\.0*)?$/.exec(numberText(text));
  if (!m) return 'not-a-whole-number';
  if (m[2]!.length > 15) return 'out-of-range';
  const n = Number(m[2]);
  return m[1] === '-' && n !== 0 ? -n : n;
}

/**
 * Yuan to fen, exactly: the decimal text is split into yuan and fen digits, never multiplied as a
 * float ("12.5" → 1250, "0.29" → 29, "¥1,280.50" → 128050; "1.234" is refused, "1.230" is exact so
 * it is taken).
 */
function parseYuanToFen(text: string): number | Reason {
  const amount = text
    .normalize('NFKC')
    .replace(/^([+-]?)\s*¥/, '$1')
    .replace(/元$/, '');
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(numberText(amount));
  if (!m || (m[2] === '' && !m[3])) return 'not-a-money-amount';
  const [, sign, yuan = '', decimals = ''] = m;
  if (/[^0]/.test(decimals.slice(2))) return 'not-a-money-amount';
  if (yuan.length > 12) return 'out-of-range';
  const fen = Number(yuan || '0') * 100 + Number(decimals.slice(0, 2).padEnd(2, '0'));
  return sign === '-' && fen !== 0 ? -fen : fen;
}

// — checking rows —

/** A row with nothing in it is skipped: not counted, not checked (its number still counts). */
function isBlank(cells: string[]): boolean {
  return cells.every((c) => c.trim() === '');
}

interface CheckedRow {
  row: number;
  /** The item to create; null when the row failed the item schema (it then has errors). */
  draft: ItemDraft | null;
  barcodes: { barcode: string; quantity: number }[];
  errors: ImportError[];
}

/** Where each field's column sits in the file, and the header text it has there. */
type ColumnMap = Map<Field, { index: number; header: string }>;

function mapColumns(header: string[]): { map: ColumnMap; missing: ImportError[] } {
  const map: ColumnMap = new Map();
  let english = 0;
  header.forEach((text, index) => {
    const field = fieldByHeader.get(headerKey(text));
    // A repeated column: the first one counts, like the first of two equal headers in a form.
    if (field && !map.has(field)) {
      map.set(field, { index, header: text.trim() });
      if (/^[\x20-\x7e]+$/.test(text.trim())) english++;
    }
  });
  // Name missing columns in the language the file's other headers are in.
  const inEnglish = english * 2 > map.size;
  const missing = (Object.keys(columns) as Field[])
    .filter((f) => columns[f].required && !map.has(f))
    .map((f): ImportError => ({
      row: 1,
      column: inEnglish ? columns[f].en : columns[f].zh,
      reason: 'missing-column',
      value: '',
    }));
  return { map, missing };
}

/** The import reason for a refusal by itemDraftSchema. */
function reasonFor(issue: z.core.$ZodIssue): Reason {
  const onText = 'origin' in issue && issue.origin === 'string';
  switch (issue.code) {
    case 'too_big':
      return onText ? 'too-long' : 'out-of-range';
    case 'too_small':
      return onText ? 'required' : 'out-of-range';
    case 'invalid_format':
      return 'invalid-code';
    case 'custom':
      return 'shelf-life-days-required';
    default:
      return 'out-of-range';
  }
}

/** Checks every row against the schema, the file's other rows and the catalog; writes nothing. */
function checkRows(ctx: BackendContext, table: Table, map: ColumnMap): CheckedRow[] {
  const siteCode = ctx.siteCode();
  // One read of the depot's codes and barcodes beats a lookup per row; a catalog is thousands of rows.
  const codesInCatalog = new Set(
    ctx.db.prepare<[string], string>('SELECT code FROM items WHERE site_code = ?').pluck().all(siteCode),
  );
  const barcodesInCatalog = new Set(
    ctx.db.prepare<[string], string>('SELECT barcode FROM item_barcodes WHERE site_code = ?').pluck().all(siteCode),
  );
  const categoryIds = new Map(
    ctx.db
      .prepare<[string], { code: string; id: string }>('SELECT code, id FROM categories WHERE site_code = ?')
      .all(siteCode)
      .map((c) => [c.code, c.id]),
  );
  const codesInFile = new Set<string>();
  const barcodesInFile = new Set<string>();

  const checked: CheckedRow[] = [];
  for (const { row, cells } of table.rows) {
    if (isBlank(cells)) continue;
    const errors = new Map<Field, ImportError>();
    const cell = (f: Field): string | undefined => {
      const col = map.get(f);
      return col ? (cells[col.index] ?? '').trim() : undefined;
    };
    const fail = (f: Field, reason: Reason, value = cell(f) ?? '') => {
      if (!errors.has(f)) errors.set(f, { row, column: map.get(f)?.header ?? '', reason, value: clip(value) });
    };
    const text = (f: Field): string => {
      const value = cell(f) ?? '';
      if (value === '' && columns[f].required) fail(f, 'required');
      return value;
    };
    const whole = (f: Field): number | undefined => {
      const value = cell(f);
      if (!value) return undefined;
      const n = parseWhole(value);
      if (typeof n === 'number') return n;
      fail(f, n);
      return undefined;
    };

    const draftInput: Record<string, unknown> = {
      code: text('code'),
      name: text('name'),
      spec: text('spec'),
      baseUnit: text('unit'),
      packSize: whole('packSize'),
      minStock: whole('minStock'),
      reserveQuota: whole('reserveQuota'),
      personsPerUnit: whole('personsPerUnit'),
    };
    const shelfLife = cell('shelfLifeDays');
    if (shelfLife) {
      draftInput.hasShelfLife = true;
      draftInput.shelfLifeDays = whole('shelfLifeDays');
    }
    const category = cell('category');
    if (category) {
      const id = categoryIds.get(category);
      if (id) draftInput.categoryId = id;
      else fail('category', 'unknown-category');
    }
    const value = cell('unitValue');
    if (value) {
      const fen = parseYuanToFen(value);
      if (typeof fen === 'number') draftInput.unitValueFen = fen;
      else fail('unitValue', fen);
    }
    for (const key of Object.keys(draftInput)) if (draftInput[key] === undefined) delete draftInput[key];

    // The limits are the ones a keeper meets in the item form: itemDraftSchema's.
    const parsed = itemDraftSchema.safeParse(draftInput);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = fieldByDraftKey[String(issue.path[0])] ?? 'code';
        fail(field, reasonFor(issue));
      }
    }

    const code = draftInput.code as string;
    if (!errors.has('code')) {
      if (codesInCatalog.has(code)) fail('code', 'code-exists');
      else if (codesInFile.has(code)) fail('code', 'duplicate-in-file');
    }
    if (code !== '') codesInFile.add(code);

    const barcodes: CheckedRow['barcodes'] = [];
    const packSize = parsed.success ? parsed.data.packSize : 1;
    for (const [field, quantity] of [
      ['barcode', 1],
      ['cartonBarcode', packSize],
    ] as const) {
      const raw = cell(field);
      if (!raw) continue;
      const barcode = raw.normalize('NFKC');
      const ok = barcodeTextSchema.safeParse(barcode);
      if (!ok.success) {
        fail(field, ok.error.issues.some((i) => i.code === 'too_big') ? 'too-long' : 'invalid-code');
        continue;
      }
      if (barcodesInCatalog.has(ok.data)) fail(field, 'barcode-exists');
      else if (barcodesInFile.has(ok.data)) fail(field, 'duplicate-in-file');
      else barcodesInFile.add(ok.data);
      barcodes.push({ barcode: ok.data, quantity });
    }

    checked.push({
      row,
      draft: parsed.success ? parsed.data : null,
      barcodes,
      errors: [...errors.entries()]
        .sort(([a], [b]) => (map.get(a)?.index ?? 0) - (map.get(b)?.index ?? 0))
        .map(([, e]) => e),
    });
  }
  return checked;
}

/**
 * Imports catalog items from a CSV or XLSX file (header in row 1, Chinese or English column names).
 * Every refusal is reported with its spreadsheet row and column; `check` writes nothing,
 * `all-or-nothing` writes only a faultless file, `valid-rows` writes the faultless rows. All writes
 * happen in one transaction: an unexpected failure rolls everything back and propagates.
 */
export async function importItems(
  ctx: BackendContext,
  items: Items,
  input: z.output<typeof itemImportSchema>,
): Promise<ImportReport> {
  const bytes = Buffer.from(input.contentBase64, 'base64');
  const unreadable: ImportReport = {
    rows: 0,
    imported: 0,
    committed: false,
    errors: [{ row: 0, column: '', reason: 'unreadable-file', value: '' }],
  };
  if (bytes.length === 0) return unreadable;
  let table: Table;
  if (input.format === 'xlsx') {
    const read = await readXlsx(bytes);
    if (!read) return unreadable;
    table = read;
  } else {
    const read = readCsv(bytes);
    if (!('header' in read)) return { ...unreadable, errors: [read] };
    table = read;
  }

  // From here on everything is synchronous: nothing else touches the catalog between check and write.
  const { map, missing } = mapColumns(table.header);
  const rows = table.rows.filter((r) => !isBlank(r.cells)).length;
  if (missing.length > 0) return { rows, imported: 0, committed: false, errors: missing };

  const checked = checkRows(ctx, table, map);
  const errors = checked.flatMap((r) => r.errors);
  const toWrite =
    input.mode === 'check' || (input.mode === 'all-or-nothing' && errors.length > 0)
      ? []
      : checked.flatMap(({ draft, barcodes, errors }) => (draft && errors.length === 0 ? [{ draft, barcodes }] : []));
  if (toWrite.length > 0) {
    ctx.db.transaction(() => {
      for (const { draft, barcodes } of toWrite) {
        const item = items.create(draft);
        for (const b of barcodes) items.addBarcode(item.id, b.barcode, b.quantity);
      }
    })();
  }
  return { rows, imported: toWrite.length, committed: toWrite.length > 0, errors };
}
