import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { ImportReport, Item } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import { openBackend, type Backend } from '../../electron/backend/index';
import { encodeGbk } from '../fixtures/import/gbk';
import { makeTempDir } from '../fixtures/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
let backend: Backend;
beforeEach(() => {
  tmp = makeTempDir();
  backend = openBackend({ role: 'admin', dbPath: tmp.dbPath });
});
afterEach(() => {
  backend.close();
  tmp.cleanup();
});

function expectValue<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected a value, got ${JSON.stringify(result.error)}`);
  return result.value;
}

type Mode = 'check' | 'all-or-nothing' | 'valid-rows';

/** A CSV as Excel writes it: CRLF, fields quoted only when they must be. */
function csv(rows: string[][]): string {
  const field = (f: string) => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);
  return rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}

const utf8Bom = (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);

async function xlsx(rows: ExcelJS.CellValue[][], fill?: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('物资目录');
  rows.forEach((cells, r) =>
    cells.forEach((value, c) => {
      sheet.getCell(r + 1, c + 1).value = value;
    }),
  );
  fill?.(sheet);
  workbook.addWorksheet('说明').addRow(['the importer reads the first sheet only']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function importFile(format: 'csv' | 'xlsx', content: string | Uint8Array, mode: Mode = 'all-or-nothing') {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
  return backend.invoke('catalog:import-items', { format, contentBase64: bytes.toString('base64'), mode });
}

async function report(format: 'csv' | 'xlsx', content: string | Uint8Array, mode: Mode = 'all-or-nothing') {
  return expectValue(await importFile(format, content, mode)) as ImportReport;
}

async function catalog(): Promise<Item[]> {
  return (expectValue(await backend.invoke('catalog:list-items', { limit: 5000 })) as { rows: Item[] }).rows;
}

async function lookup(barcode: string) {
  return expectValue(await backend.invoke('catalog:lookup-barcode', { barcode })) as { item: Item; quantity: number };
}

const chineseHeader = [
  '编码',
  '名称',
  '规格型号',
  '分类编码',
  '单位',
  '每箱数量',
  '保质期(天)',
  '最低库存',
  '储备定额',
  '保障人数',
  '单价(元)',
  '条码',
  '箱条码',
];

/** Three items and two broken rows (rows 3 and 5) for the mode tests. */
const twoBadRows = csv([
  ['编码', '名称', '单位', '每箱数量', '单价(元)'],
  ['ZP-001', '单帐篷', '顶', '1', '1200'],
  ['MB-002', '棉被', '床', '十', '85'],
  ['KS-550', '矿泉水', '瓶', '24', '1.2'],
  ['SD-004', '手电筒', '', '20', '1.234'],
  ['YY-005', '雨衣', '件', '50', '15.5'],
]);
const twoBadRowsErrors = [
  { row: 3, column: '每箱数量', reason: 'not-a-whole-number', value: '十' },
  { row: 5, column: '单位', reason: 'required', value: '' },
  { row: 5, column: '单价(元)', reason: 'not-a-money-amount', value: '1.234' },
];

describe('importing the catalog from a spreadsheet', () => {
  test('a CSV with Chinese headers (Excel "CSV UTF-8") creates the items with exact values and linked barcodes', async () => {
    const category = expectValue(
      await backend.invoke('catalog:save-category', { code: '1010101', name: '单帐篷' }),
    ) as {
      id: string;
    };
    const file = csv([
      chineseHeader,
      ['ZP-001', '单帐篷', '12 m²', '1010101', '顶', '', '', '10', '500', '5', '1,280.50', '6901234567892', ''],
      ['MB-002', '棉被', '2 kg, 加厚', '', '床', '10', '', '', '', '1', '0.29', '', '6901234567908'],
      ['FB-003', '方便食品', '', '', '箱', '12', '365', '', '', '', '12.5', 'FB003-U', 'FB003-C'],
    ]);
    const result = await report('csv', utf8Bom(file));
    expect(result).toEqual({ rows: 3, imported: 3, committed: true, errors: [] });

    const [food, quilt, tent] = await catalog();
    expect(tent).toMatchObject({
      code: 'ZP-001',
      name: '单帐篷',
      spec: '12 m²',
      categoryId: category.id,
      baseUnit: '顶',
      packSize: 1,
      hasShelfLife: false,
      shelfLifeDays: null,
      minStock: 10,
      reserveQuota: 500,
      personsPerUnit: 5,
      unitValueFen: 128050,
      active: true,
    });
    // 0.29 × 100 is 28.999999999999996 in floating point: the value must be exactly 29 fen.
    expect(quilt).toMatchObject({
      code: 'MB-002',
      spec: '2 kg, 加厚',
      packSize: 10,
      unitValueFen: 29,
      categoryId: null,
    });
    expect(food).toMatchObject({ packSize: 12, hasShelfLife: true, shelfLifeDays: 365, unitValueFen: 1250 });

    expect(await lookup('6901234567892')).toMatchObject({ item: { code: 'ZP-001' }, quantity: 1 });
    expect(await lookup('6901234567908')).toMatchObject({ item: { code: 'MB-002' }, quantity: 10 });
    expect(await lookup('FB003-U')).toMatchObject({ item: { code: 'FB-003' }, quantity: 1 });
    expect(await lookup('FB003-C')).toMatchObject({ item: { code: 'FB-003' }, quantity: 12 });
  });

  test('an XLSX with English headers reads numbers, formulas, rich text and skips blank rows', async () => {
    const file = await xlsx(
      [
        [
          'Code',
          'Name',
          'Spec',
          'Unit',
          'Pack size',
          'Shelf life (days)',
          'Persons per unit',
          'Unit value',
          'Barcode',
          'Carton barcode',
          'Remarks',
        ],
        ['WT-001', 'Mineral water', '550 ml', '瓶', 24, 365, 0, 1.5, 6901234567915, 16901234567912, 'ignored column'],
        [],
        [
          'MB-002',
          { richText: [{ text: '棉被 ' }, { text: '(加厚)', font: { bold: true } }] },
          '',
          '床',
          { formula: '2*5', result: 10 },
          null,
          1,
          0.1 + 0.2,
          null,
          null,
        ],
      ],
      (sheet) => (sheet.getCell('A6').style = { font: { italic: true } }), // a formatted but empty row
    );
    const result = await report('xlsx', file);
    expect(result).toEqual({ rows: 2, imported: 2, committed: true, errors: [] });

    const [quilt, water] = await catalog();
    expect(water).toMatchObject({
      name: 'Mineral water',
      packSize: 24,
      hasShelfLife: true,
      shelfLifeDays: 365,
      unitValueFen: 150,
    });
    expect(quilt).toMatchObject({
      name: '棉被 (加厚)',
      packSize: 10,
      personsPerUnit: 1,
      unitValueFen: 30,
      hasShelfLife: false,
    });
    expect(await lookup('6901234567915')).toMatchObject({ item: { code: 'WT-001' }, quantity: 1 });
    expect(await lookup('16901234567912')).toMatchObject({ item: { code: 'WT-001' }, quantity: 24 });
  });

  test('all-or-nothing: two bad rows mean nothing is written, and each fault names its row and column', async () => {
    const result = await report('csv', twoBadRows, 'all-or-nothing');
    expect(result).toEqual({ rows: 5, imported: 0, committed: false, errors: twoBadRowsErrors });
    expect(await catalog()).toEqual([]);
  });

  test('valid-rows: the good rows are written and the two bad ones reported', async () => {
    const result = await report('csv', twoBadRows, 'valid-rows');
    expect(result).toEqual({ rows: 5, imported: 3, committed: true, errors: twoBadRowsErrors });
    expect((await catalog()).map((i) => [i.code, i.packSize, i.unitValueFen])).toEqual([
      ['KS-550', 24, 120],
      ['YY-005', 50, 1550],
      ['ZP-001', 1, 120000],
    ]);
  });

  test('check: the same report, nothing written, even for a faultless file', async () => {
    expect(await report('csv', twoBadRows, 'check')).toEqual({
      rows: 5,
      imported: 0,
      committed: false,
      errors: twoBadRowsErrors,
    });
    const good = csv([
      ['编码', '名称', '单位'],
      ['ZP-001', '单帐篷', '顶'],
    ]);
    expect(await report('csv', good, 'check')).toEqual({ rows: 1, imported: 0, committed: false, errors: [] });
    expect(await catalog()).toEqual([]);
  });

  test('every refusal names the spreadsheet row (blank rows still count), the column as headed, and why', async () => {
    await backend.invoke('catalog:save-category', { code: '1010101', name: '单帐篷' });
    const longName = '帐'.repeat(101);
    const file = csv([
      [' 编码 ', '名称', '单位', '分类编码', '保障人数', '保质期（天）', '每箱数量', '条码'],
      ['ok-1', '好的', '顶', '1010101', '5', '30', '1', ''],
      ['', '', '', '', '', '', '', ''],
      ['bad code!', longName, '顶', '9999999', '-1', '0', '0', 'has space'],
      ['X'.repeat(33), '名称', '立方米以上的计量单位', '', '1.5', '', '', ''],
    ]);
    const result = await report('csv', file);
    expect(result.rows).toBe(3);
    expect(result.committed).toBe(false);
    expect(result.errors).toEqual([
      { row: 4, column: '编码', reason: 'invalid-code', value: 'bad code!' },
      { row: 4, column: '名称', reason: 'too-long', value: '帐'.repeat(100) },
      { row: 4, column: '分类编码', reason: 'unknown-category', value: '9999999' },
      { row: 4, column: '保障人数', reason: 'out-of-range', value: '-1' },
      { row: 4, column: '保质期（天）', reason: 'out-of-range', value: '0' },
      { row: 4, column: '每箱数量', reason: 'out-of-range', value: '0' },
      { row: 4, column: '条码', reason: 'invalid-code', value: 'has space' },
      { row: 5, column: '编码', reason: 'too-long', value: 'X'.repeat(33) },
      { row: 5, column: '单位', reason: 'too-long', value: '立方米以上的计量单位' },
      { row: 5, column: '保障人数', reason: 'not-a-whole-number', value: '1.5' },
    ]);
  });

  test('unit values in yuan become exact fen; anything finer than a fen is refused', async () => {
    const amounts: [string, number | string][] = [
      ['12.5', 1250],
      ['0.29', 29],
      ['19.99', 1999],
      ['¥1,280.50', 128050],
      ['￥3', 300],
      ['12.50元', 1250],
      ['１２', 1200],
      ['1.230', 123],
      ['.5', 50],
      ['1.234', 'not-a-money-amount'],
      ['12,5', 'not-a-money-amount'],
      ['abc', 'not-a-money-amount'],
      ['-1', 'out-of-range'],
      ['10000000000', 'out-of-range'],
    ];
    const file = csv([
      ['编码', '名称', '单位', '单价(元)'],
      ...amounts.map(([value], i) => [`V-${String(i).padStart(2, '0')}`, `物资${i}`, '件', value]),
    ]);
    const result = await report('csv', file, 'valid-rows');
    const fen = new Map((await catalog()).map((i) => [i.code, i.unitValueFen]));
    amounts.forEach(([value, expected], i) => {
      const code = `V-${String(i).padStart(2, '0')}`;
      if (typeof expected === 'number') expect(fen.get(code), value).toBe(expected);
      else
        expect(result.errors.find((e) => e.row === i + 2)).toEqual({
          row: i + 2,
          column: '单价(元)',
          reason: expected,
          value,
        });
    });
  });

  test('an XLSX is read from its first visible sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    const lists = workbook.addWorksheet('lists', { state: 'hidden' });
    lists.addRow(['单位']);
    lists.addRow(['顶']);
    const sheet = workbook.addWorksheet('物资目录');
    sheet.addRow(['编码', '名称', '单位']);
    sheet.addRow(['ZP-001', '单帐篷', '顶']);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(await report('xlsx', file)).toMatchObject({ rows: 1, imported: 1, errors: [] });
  });

  test('a code or barcode repeated in the file is flagged on the later row', async () => {
    const file = csv([
      ['编码', '名称', '单位', '条码', '箱条码'],
      ['ZP-001', '单帐篷', '顶', '111', ''],
      ['MB-002', '棉被', '床', '', '222'],
      ['ZP-001', '单帐篷（重复）', '顶', '', ''],
      ['KS-550', '矿泉水', '瓶', '222', '111'],
      ['SD-004', '手电筒', '个', '333', '333'],
    ]);
    const result = await report('csv', file, 'valid-rows');
    expect(result.errors).toEqual([
      { row: 4, column: '编码', reason: 'duplicate-in-file', value: 'ZP-001' },
      { row: 5, column: '条码', reason: 'duplicate-in-file', value: '222' },
      { row: 5, column: '箱条码', reason: 'duplicate-in-file', value: '111' },
      { row: 6, column: '箱条码', reason: 'duplicate-in-file', value: '333' },
    ]);
    expect(result).toMatchObject({ rows: 5, imported: 2, committed: true });
    expect((await catalog()).map((i) => i.name)).toEqual(['棉被', '单帐篷']);
  });

  test('a code or barcode already in the catalog is refused', async () => {
    const tent = expectValue(
      await backend.invoke('catalog:create-item', { code: 'ZP-001', name: '单帐篷', baseUnit: '顶' }),
    ) as Item;
    expectValue(
      await backend.invoke('catalog:add-barcode', { itemId: tent.id, barcode: '6901234567892', quantity: 1 }),
    );
    const file = csv([
      ['编码', '名称', '单位', '条码'],
      ['ZP-001', '单帐篷', '顶', ''],
      ['ZP-002', '单帐篷（新）', '顶', '6901234567892'],
    ]);
    expect((await report('csv', file)).errors).toEqual([
      { row: 2, column: '编码', reason: 'code-exists', value: 'ZP-001' },
      { row: 3, column: '条码', reason: 'barcode-exists', value: '6901234567892' },
    ]);
    expect(await catalog()).toHaveLength(1);
  });

  test('missing required columns are reported once each on row 1, in the language of the headers', async () => {
    const chinese = csv([
      ['编码', '规格型号', '备注'],
      ['ZP-001', '12 m²', ''],
    ]);
    expect(await report('csv', chinese, 'valid-rows')).toEqual({
      rows: 1,
      imported: 0,
      committed: false,
      errors: [
        { row: 1, column: '名称', reason: 'missing-column', value: '' },
        { row: 1, column: '单位', reason: 'missing-column', value: '' },
      ],
    });
    const english = await xlsx([
      ['code', 'spec', 'unit'],
      ['ZP-001', '12 m²', '顶'],
    ]);
    expect((await report('xlsx', english)).errors).toEqual([
      { row: 1, column: 'name', reason: 'missing-column', value: '' },
    ]);
    expect(await catalog()).toEqual([]);
  });

  test('an unreadable file is reported, not thrown: garbage, a zip that is no workbook, an empty file', async () => {
    const unreadable = {
      rows: 0,
      imported: 0,
      committed: false,
      errors: [{ row: 0, column: '', reason: 'unreadable-file', value: '' }],
    };
    const garbage = Uint8Array.from({ length: 512 }, (_, i) => (i * 7919 + 13) % 256);
    const zip = new JSZip();
    zip.file('readme.txt', 'not a workbook');
    const notXlsx = await zip.generateAsync({ type: 'uint8array' });
    const realXlsx = await xlsx([['编码', '名称', '单位']]);

    expect(await report('csv', garbage)).toEqual(unreadable);
    expect(await report('xlsx', garbage)).toEqual(unreadable);
    expect(await report('xlsx', notXlsx)).toEqual(unreadable);
    expect(await report('csv', realXlsx)).toEqual(unreadable);
    expect(await report('csv', new Uint8Array())).toEqual(unreadable);
    expect(await report('xlsx', new Uint8Array())).toEqual(unreadable);
    // A quote that never closes: the row where it opened is named.
    const broken = await report('csv', '编码,名称,单位\r\nZP-001,"单帐篷,顶\r\n');
    expect(broken.errors).toEqual([{ row: 2, column: '', reason: 'unreadable-file', value: '"单帐篷,顶\r\n' }]);
    expect(await catalog()).toEqual([]);
  });

  test('a CSV saved by Excel on Chinese Windows (GBK) imports with its Chinese intact', async () => {
    const file = encodeGbk(
      csv([
        ['编码', '名称', '规格型号', '单位', '单价(元)'],
        ['ZP-001', '单帐篷', '棉质，12平方米', '顶', '1200'],
        ['MB-002', '棉被（加厚）', '', '床', '85.5'],
      ]),
    );
    expect(await report('csv', file)).toMatchObject({ rows: 2, imported: 2, errors: [] });
    expect((await catalog()).map((i) => [i.name, i.spec, i.baseUnit, i.unitValueFen])).toEqual([
      ['棉被（加厚）', '', '床', 8550],
      ['单帐篷', '棉质，12平方米', '顶', 120000],
    ]);
  });

  test('formula-looking text is stored as plain text; emoji and rare CJK survive', async () => {
    const hyperlink = '=HYPERLINK("http://evil.example","点我")';
    const file = csv([
      ['编码', '名称', '规格型号', '单位'],
      ['ZP-001', hyperlink, '+1+2', '顶'],
      ['FB-002', '🏕️ 家庭应急包 𠀀𪚥', '@SUM(A1)', '套'],
    ]);
    expect(await report('csv', utf8Bom(file))).toMatchObject({ imported: 2, errors: [] });
    const book = await xlsx([
      ['编码', '名称', '单位'],
      ['XL-003', '=1+1', '件'],
    ]);
    expect(await report('xlsx', book)).toMatchObject({ imported: 1, errors: [] });
    expect((await catalog()).map((i) => [i.code, i.name, i.spec])).toEqual([
      ['FB-002', '🏕️ 家庭应急包 𠀀𪚥', '@SUM(A1)'],
      ['XL-003', '=1+1', ''],
      ['ZP-001', hyperlink, '+1+2'],
    ]);
  });

  test('a failure while writing rolls the whole import back and answers internal', async () => {
    // A row that passes every check but whose insert fails: the third item written trips a trigger.
    const other = new Database(tmp.dbPath);
    other.exec(`CREATE TRIGGER fail_third_item BEFORE INSERT ON items WHEN (SELECT count(*) FROM items) >= 2
                BEGIN SELECT RAISE(ABORT, 'simulated write failure'); END`);
    other.close();
    const file = csv([
      ['编码', '名称', '单位', '条码'],
      ['A-1', '甲', '件', 'BC-1'],
      ['A-2', '乙', '件', 'BC-2'],
      ['A-3', '丙', '件', 'BC-3'],
      ['A-4', '丁', '件', 'BC-4'],
    ]);
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    for (const mode of ['all-or-nothing', 'valid-rows'] as const) {
      const result = await importFile('csv', file, mode);
      expect(result.ok).toBe(false);
      if (!result.ok)
        expect(result.error).toMatchObject({ code: 'internal', message: expect.stringContaining('simulated') });
    }
    quiet.mockRestore();
    expect(await catalog()).toEqual([]);
    const db = new Database(tmp.dbPath, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM item_barcodes').pluck().get()).toBe(0);
    db.close();
  });

  // Speed is measured by `npm run bench`; here a large file must simply come through whole.
  test('a 5,000-row file imports every row with its barcodes, from CSV and from XLSX', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => {
      const n = String(i).padStart(4, '0');
      return [`WP-${n}`, `棉被 ${n}`, '2 kg', '床', '10', '', '100', '12.50', `69000000${n}`, `69100000${n}`];
    });
    const file = csv([
      ['编码', '名称', '规格型号', '单位', '每箱数量', '保质期(天)', '储备定额', '单价(元)', '条码', '箱条码'],
      ...rows,
    ]);
    expect(await report('csv', file)).toMatchObject({ rows: 5000, imported: 5000, errors: [] });

    const book = await xlsx([['code', 'name', 'unit'], ...rows.map((r) => [r[0]!.replace('WP', 'XL'), r[1]!, r[3]!])]);
    expect(await report('xlsx', book)).toMatchObject({ rows: 5000, imported: 5000, errors: [] });
    expect(await lookup('691000004999')).toMatchObject({ item: { code: 'WP-4999', unitValueFen: 1250 }, quantity: 10 });
    expect((expectValue(await backend.invoke('catalog:list-items', {})) as { total: number }).total).toBe(10_000);
  });
});
