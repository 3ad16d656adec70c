/**
 * Exports as an auditor receives them: every file read back with an independent reader (openpyxl,
 * Python's csv and zipfile) and its numbers reconciled with the ledger through the backend's own
 * queries; odd text survives and is never a formula; cancelled, failed and refused exports leave
 * nothing behind.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openBackend, type Backend, type PdfRenderer } from '../../electron/backend/index';
import type { AuditSummary } from '../../shared/contract';
import type { PrintTarget } from '../../shared/print/jobs';
import { neutralise } from '../../electron/backend/exports/cells';
import { writeCsv, writeXlsx, type SheetDefinition } from '../../electron/backend/exports/sheets';
import { exportsEn, exportsZh } from '../../shared/i18n/features/exports';
import { zhCN } from '../../shared/i18n/zh-CN';
import { call, refusal, seedDepot, type Depot } from '../fixtures/depot';
import { exportDone, finished, readCsv, readXlsx, readZip, type SheetRead } from '../fixtures/exports-read';
import { makeTempDir } from '../fixtures/temp-dir';

const hyperlinkDonor = '=HYPERLINK("http://x","y")';

let tmp: ReturnType<typeof makeTempDir>;
let backend: Backend;
let depot: Depot;
let out: string;
/** The backend's clock: postings happen on the days the story says. */
let clock = new Date(2026, 2, 1, 9, 0, 0);

function at(day: string, hour = 9): void {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  clock = new Date(y, m - 1, d, hour, 0, 0);
}

beforeEach(async () => {
  tmp = makeTempDir();
  out = path.join(tmp.dir, 'usb', '审计');
  at('2026-03-01');
  backend = openBackend({ role: 'admin', dbPath: tmp.dbPath, now: () => clock, operator: () => '审计员王' });
  depot = await seedDepot(backend);
});
afterEach(() => {
  backend.close();
  tmp.cleanup();
});

/**
 * March: tents and quilts in before the period; in the period a donation from a donor whose name is a
 * formula, a purchase, an allocation dispatch, an emergency dispatch still waiting for its order number,
 * a loss; in April more tents (after the period).
 */
async function stockStory() {
  const { items, sources, locations, parties } = depot;
  const donor = await call(backend, 'catalog:save-party', { kind: 'donor', name: hyperlinkDonor });
  const donation = await call(backend, 'catalog:save-source', {
    code: 'DON-X',
    name: '捐赠🚒@爱心',
    kind: 'donation',
    donorId: donor.id,
  });
  at('2026-03-01');
  await call(backend, 'stock:post-receipt', {
    kind: 'purchase',
    sourceId: sources.city.id,
    partyId: parties.supplier.id,
    lines: [{ itemId: items.tent.id, units: 100, locationId: locations.a01.id, batchNo: 'ZP2601' }],
  });
  await call(backend, 'stock:post-receipt', {
    kind: 'allocation',
    sourceId: sources.province.id,
    partyId: parties.bureau.id,
    lines: [{ itemId: items.quilt.id, cartons: 5, units: 3, locationId: locations.a02.id, batchNo: 'MB-A' }],
  });
  at('2026-03-06');
  await call(backend, 'stock:post-receipt', {
    kind: 'donation',
    sourceId: donation.id,
    partyId: donor.id,
    remarks: '+捐赠 🚒 emoji',
    lines: [
      {
        itemId: items.water.id,
        cartons: 10,
        locationId: locations.a01.id,
        batchNo: 'KS-1',
        productionDate: '2026-01-10',
        remarks: '@仓库 -5 度保存',
      },
    ],
  });
  at('2026-03-12');
  await call(backend, 'stock:post-receipt', {
    kind: 'purchase',
    sourceId: sources.city.id,
    partyId: parties.supplier.id,
    lines: [{ itemId: items.tent.id, units: 20, locationId: locations.a02.id, batchNo: 'ZP2603' }],
  });
  at('2026-03-15');
  await call(backend, 'stock:post-dispatch', {
    kind: 'allocation',
    receivingUnitId: parties.town.id,
    orderNo: '市应急调〔2026〕12号',
    lines: [{ itemId: items.tent.id, units: 30, sourceId: sources.city.id }],
  });
  const emergency = await call(backend, 'stock:post-dispatch', {
    kind: 'distribution',
    receivingUnitId: parties.shelter.id,
    emergency: true,
    incidentName: '3·15 洪涝',
    responseLevel: 'III',
    lines: [{ itemId: items.quilt.id, units: 8 }],
  });
  at('2026-03-20');
  const waterBatch = (await call(backend, 'stock:on-hand', { itemId: items.water.id }))[0]!;
  await call(backend, 'stock:post-adjustment', {
    reason: 'lost',
    remarks: '搬运中丢失',
    lines: [
      {
        itemId: items.water.id,
        batchId: waterBatch.batchId,
        sourceId: waterBatch.sourceId,
        locationId: waterBatch.locationId,
        delta: -6,
      },
    ],
  });
  at('2026-04-02');
  await call(backend, 'stock:post-receipt', {
    kind: 'purchase',
    sourceId: sources.city.id,
    partyId: parties.supplier.id,
    lines: [{ itemId: items.tent.id, units: 50, locationId: locations.a01.id, batchNo: 'ZP2604' }],
  });
  at('2026-04-10', 15);
  return { donation, emergency };
}

const march = { from: '2026-03-05', to: '2026-03-31' };

/** The data rows of a sheet: below the title rows and the header, above the totals row. */
function body(sheet: SheetRead, titleRows = 3): { header: unknown[]; rows: unknown[][]; totals: unknown[] } {
  const header = sheet.rows[titleRows + 1]!;
  const rest = sheet.rows.slice(titleRows + 2);
  return { header, rows: rest.slice(0, -1), totals: rest[rest.length - 1]! };
}

const col = (header: unknown[], name: string) => {
  const i = header.indexOf(name);
  if (i < 0) throw new Error(`no column ${name} in ${JSON.stringify(header)}`);
  return i;
};

describe('the ledger (台账) of a period', () => {
  test('per item and source: opening + receipts − dispatches + other = closing, closing = stock as of the last day, values in yuan', async () => {
    await stockStory();
    const job = await exportDone(backend, { kind: 'ledger', format: 'xlsx', ...march, folder: out });
    expect(job.files).toHaveLength(1);
    expect(fs.readdirSync(out)).toEqual([path.basename(job.path)]);
    const [summary, detail] = readXlsx(job.path);
    const c = exportsZh.columns;
    expect(summary!.name).toBe('收发存汇总');
    expect(detail!.name).toBe('台账明细');
    // Title rows: title, depot and period, generated-at and operator; the header frozen under them.
    expect(summary!.rows[0]![0]).toBe('救灾物资收发存汇总表');
    expect(summary!.rows[1]![0]).toContain('市救灾物资储备中心（SZ-01）');
    expect(summary!.rows[1]![0]).toContain('2026-03-05 至 2026-03-31');
    expect(summary!.rows[2]![0]).toContain('生成时间：2026-04-10 15:00:00');
    expect(summary!.rows[2]![0]).toContain('制表人：审计员王');
    expect(summary!.frozen).toBe('A6');

    const { header, rows, totals } = body(summary!);
    const [code, source, opening, receipts, dispatches, other, closing] = [
      c.itemCode,
      c.source,
      c.opening,
      c.receipts,
      c.dispatches,
      c.other,
      c.closing,
    ].map((n) => col(header, n));
    const byKey = new Map(rows.map((r) => [`${r[code!]}|${r[source!]}`, r]));
    expect([...byKey.keys()].sort()).toEqual(['KS-550|捐赠🚒@爱心', 'MB-01|省级储备', 'ZP-12|市级储备'].sort());
    expect(byKey.get('ZP-12|市级储备')!.slice(opening, closing! + 1)).toEqual([100, 20, 30, 0, 90]);
    expect(byKey.get('MB-01|省级储备')!.slice(opening, closing! + 1)).toEqual([53, 0, 8, 0, 45]);
    expect(byKey.get('KS-550|捐赠🚒@爱心')!.slice(opening, closing! + 1)).toEqual([0, 240, 0, -6, 234]);
    for (const r of rows) {
      const [o, i, d, x, cl] = [opening, receipts, dispatches, other, closing].map((k) => r[k!] as number);
      expect(o! + i! - d! + x!).toBe(cl);
    }

    // Closing per item and source is the ledger's stock at the end of the last day; opening that of the day before.
    const asOfEnd = await call(backend, 'stock:as-of', { date: march.to, bySource: true });
    const asOfStart = await call(backend, 'stock:as-of', { date: '2026-03-04', bySource: true });
    const sourceName = new Map((await call(backend, 'catalog:list-sources')).map((s) => [s.id, s.name] as const));
    const itemCode = new Map(Object.values(depot.items).map((i) => [i.id, i.code] as const));
    const key = (r: { itemId: string; sourceId: string | null }) =>
      `${itemCode.get(r.itemId)}|${sourceName.get(r.sourceId!)}`;
    for (const r of asOfEnd) expect(byKey.get(key(r))![closing!], key(r)).toBe(r.quantity);
    for (const r of asOfStart) expect(byKey.get(key(r))![opening!], key(r)).toBe(r.quantity);
    expect(totals[0]).toBe('合计');
    expect(totals[closing!]).toBe(asOfEnd.reduce((s, r) => s + r.quantity, 0));
    expect(totals[opening!]).toBe(asOfStart.reduce((s, r) => s + r.quantity, 0));

    // Values: quantity × unit value in fen, shown in yuan with two decimals.
    const tent = byKey.get('ZP-12|市级储备')!;
    expect(tent[col(header, c.closingValue)]).toBe(135_000);
    expect(tent[col(header, c.dispatchesValue)]).toBe(45_000);
    expect(summary!.formats[rows.length + 5]![col(header, c.closingValue)]).toBe('#,##0.00');
    expect(summary!.formats[6]![closing!]).toBe('#,##0');

    // The movements: only the period's, each item's running balance continuing from its opening.
    const d = body(detail!);
    const number = col(d.header, c.number);
    const balance = col(d.header, c.balance);
    expect(d.rows).toHaveLength(5);
    expect(d.rows.every((r) => String(r[col(d.header, c.postedAt)]).startsWith('2026-03'))).toBe(true);
    const tents = d.rows.filter((r) => r[col(d.header, c.itemCode)] === 'ZP-12');
    expect(tents.map((r) => r[balance])).toEqual([120, 90]);
    expect(tents.map((r) => r[number])).toEqual([
      expect.stringMatching(/^RK-2026-/),
      expect.stringMatching(/^CK-2026-/),
    ]);
    expect(d.totals[col(d.header, c.quantityIn)]).toBe(20 + 240);
    expect(d.totals[col(d.header, c.quantityOut)]).toBe(30 + 8 + 6);
  });

  test('text that a spreadsheet would run as a formula stays text; emoji survive', async () => {
    await stockStory();
    const job = await exportDone(backend, { kind: 'ledger', format: 'xlsx', ...march, folder: out });
    const sheets = readXlsx(job.path);
    for (const sheet of sheets) {
      // No cell anywhere is a formula.
      expect(sheet.types.flat()).not.toContain('f');
    }
    const detail = body(sheets[1]!);
    const c = exportsZh.columns;
    const water = detail.rows.find(
      (r) => r[col(detail.header, c.itemCode)] === 'KS-550' && r[col(detail.header, c.quantityIn)] === 240,
    )!;
    expect(water[col(detail.header, c.donor)]).toBe(`'${hyperlinkDonor}`);
    expect(water[col(detail.header, c.source)]).toBe('捐赠🚒@爱心');
    expect(water[col(detail.header, c.remarks)]).toBe("'@仓库 -5 度保存");
  });

  test('as CSV: one UTF-8 file with BOM per sheet, RFC 4180 quoting read back by Python, neutralised the same way', async () => {
    await stockStory();
    const job = await exportDone(backend, { kind: 'ledger', format: 'csv', ...march, folder: out });
    expect(job.files).toHaveLength(2);
    expect(fs.readdirSync(out).sort()).toEqual(job.files.map((f) => path.basename(f)).sort());
    const [summary, detail] = job.files.map(readCsv);
    expect(summary!.bom && detail!.bom).toBe(true);
    const c = exportsZh.columns;
    const head = summary!.rows[0]!;
    expect(head.slice(0, 2)).toEqual([c.itemCode, c.itemName]);
    const tent = summary!.rows.find((r) => r[0] === 'ZP-12')!;
    expect(tent[head.indexOf(c.closing)]).toBe('90');
    expect(tent[head.indexOf(c.closingValue)]).toBe('135000.00');
    const water = summary!.rows.find((r) => r[0] === 'KS-550')!;
    // The donor's name holds quotes and a comma: quoted, quotes doubled, and read back whole.
    expect(water[head.indexOf(c.donor)]).toBe(`'${hyperlinkDonor}`);
    expect(water[head.indexOf(c.other)]).toBe('-6');
    const raw = fs.readFileSync(job.files[0]!, 'utf8');
    expect(raw).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(raw).toContain('\r\n');
    expect(detail!.rows.length).toBe(1 + 5);
  });
});

describe('inventory as of a date', () => {
  test('by item, batch, location and source with expiry and age; totals equal stock as of that day', async () => {
    await stockStory();
    const job = await exportDone(backend, { kind: 'inventory', format: 'xlsx', date: '2026-03-31', folder: out });
    const [sheet] = readXlsx(job.path);
    const { header, rows, totals } = body(sheet!);
    const c = exportsZh.columns;
    const asOf = await call(backend, 'stock:as-of', { date: '2026-03-31' });
    expect(totals[col(header, c.quantity)]).toBe(asOf.reduce((s, r) => s + r.quantity, 0));
    const water = rows.find((r) => r[col(header, c.itemCode)] === 'KS-550')!;
    expect(water[col(header, c.expiryDate)]).toBe('2027-01-10');
    expect(water[col(header, c.daysToExpiry)]).toBe(285);
    expect(water[col(header, c.receiptDate)]).toBe('2026-03-06');
    expect(water[col(header, c.ageDays)]).toBe(25);
    expect(water[col(header, c.quantity)]).toBe(234);
    expect(water[col(header, c.cartons)]).toBe(9);
    const tents = rows.filter((r) => r[col(header, c.itemCode)] === 'ZP-12');
    expect(tents.map((r) => [r[col(header, c.batch)], r[col(header, c.location)], r[col(header, c.quantity)]])).toEqual(
      [
        ['ZP2601', 'A-01', 70],
        ['ZP2603', 'A-02', 20],
      ],
    );
    expect(totals[col(header, c.value)]).toBe(90 * 1500);
  });
});

describe('the printed reports read what the workbooks hold', () => {
  /** A workbook cell as the table has it: money in fen (the workbook holds yuan). */
  const asTable = (type: string, value: unknown) =>
    type === 'money' && typeof value === 'number' ? Math.round(value * 100) : (value ?? null);
  /**
   * A table cell as the workbook holds it: text neutralised (a PDF runs no formulas, a spreadsheet would),
   * empty text an empty cell, and no negative zero (a number, not a sign, is what both show).
   */
  const asWorkbook = (value: string | number | null) =>
    typeof value === 'string' ? (value === '' ? null : neutralise(value)) : value === 0 ? 0 : value;

  test('the ledger summary and the inventory tables are the XLSX sheets row for row, totals included', async () => {
    await stockStory();
    const ledgerXlsx = body(
      readXlsx((await exportDone(backend, { kind: 'ledger', format: 'xlsx', ...march, folder: out })).path)[0]!,
    );
    const ledger = await call(backend, 'exports:report-table', { report: 'ledger-summary', ...march });
    const date = '2026-03-31';
    const inventoryXlsx = body(
      readXlsx((await exportDone(backend, { kind: 'inventory', format: 'xlsx', date, folder: out })).path)[0]!,
    );
    const inventory = await call(backend, 'exports:report-table', { report: 'inventory', date });
    for (const [table, sheet] of [
      [ledger, ledgerXlsx],
      [inventory, inventoryXlsx],
    ] as const) {
      expect(table.columns.map((c) => c.header)).toEqual(sheet.header);
      expect(table.rows.length).toBeGreaterThan(1);
      expect(table.rows.map((r) => r.map(asWorkbook))).toEqual(
        sheet.rows.map((r) => r.map((v, j) => asTable(table.columns[j]!.type, v))),
      );
      expect([table.totals!.label, ...table.totals!.sums.slice(1)].map(asWorkbook)).toEqual(
        sheet.totals.map((v, j) => asTable(table.columns[j]!.type, v)),
      );
    }
    expect(ledger.title[1]).toContain('2026-03-05 至 2026-03-31');
    expect(ledger.title[2]).toContain('制表人：审计员王');
    const asOf = await call(backend, 'stock:as-of', { date });
    const closing = ledger.columns.findIndex((c) => c.header === exportsZh.columns.closing);
    expect(ledger.totals!.sums[closing]).toBe(asOf.reduce((n, r) => n + r.quantity, 0));
    expect(
      await refusal(backend, 'exports:report-table', {
        report: 'ledger-summary',
        from: '2026-04-01',
        to: '2026-03-01',
      }),
    ).toMatchObject({ code: 'invalid-input' });
  });

  test('a keeper may not print them: printing a report takes the data away as exporting does', async () => {
    backend.close();
    backend = openBackend({ role: 'keeper', dbPath: tmp.dbPath, now: () => clock });
    expect(await refusal(backend, 'exports:report-table', { report: 'inventory', date: '2026-03-31' })).toMatchObject({
      code: 'not-permitted',
    });
  });
});

describe('the longest text a record takes, end to end', () => {
  test('a 500-character remark (the most any document, line or stocktake takes; 2,000 are refused) reaches the ledger and register workbooks intact', async () => {
    const { items, sources, locations, parties } = depot;
    // CJK, emoji (two UTF-16 units each), a formula-looking start, quotes, a tab and line breaks.
    const head = '=SUM(A1:A9) "引号" 🚒\t第一行\r\n第二行 ';
    const remark = (head + '长'.repeat(500)).slice(0, 500 - 1) + '尾';
    expect([...remark].length).toBeLessThanOrEqual(500);
    const tooLong = '长'.repeat(2000);
    const receipt = (remarks: string) => ({
      kind: 'purchase' as const,
      sourceId: sources.city.id,
      partyId: parties.supplier.id,
      remarks,
      lines: [{ itemId: items.tent.id, units: 5, locationId: locations.a01.id, batchNo: 'LONG-1', remarks }],
    });
    const refused = await refusal(backend, 'stock:post-receipt', receipt(tooLong));
    expect(refused.code).toBe('invalid-input');
    expect((refused.details as { path: string[] }[]).map((d) => d.path.join('.')).sort()).toEqual([
      'lines.0.remarks',
      'remarks',
    ]);
    expect(await refusal(backend, 'stocktake:start', { scope: { kind: 'full' }, remarks: tooLong })).toMatchObject({
      code: 'invalid-input',
      details: [{ path: ['remarks'] }],
    });
    const posted = await call(backend, 'stock:post-receipt', receipt(remark));

    const [, detail] = readXlsx(
      (await exportDone(backend, { kind: 'ledger', format: 'xlsx', ...march, from: '2026-03-01', folder: out })).path,
    );
    const d = body(detail!);
    const line = d.rows.find((r) => r[col(d.header, exportsZh.columns.number)] === posted.number)!;
    // Kept whole: the leading "=" neutralised with an apostrophe, as every formula-looking cell is, and the
    // CR of the CRLF a line feed, as XML 1.0 (§2.11) reads any line break inside text.
    const inWorkbook = `'${remark.replace(/\r\n/g, '\n')}`;
    expect(line[col(d.header, exportsZh.columns.remarks)]).toBe(inWorkbook);
    const register = body(
      readXlsx(
        (await exportDone(backend, { kind: 'documents', format: 'xlsx', ...march, from: '2026-03-01', folder: out }))
          .path,
      )[0]!,
    );
    const doc = register.rows.find((r) => r[col(register.header, exportsZh.columns.number)] === posted.number)!;
    expect(doc[col(register.header, exportsZh.columns.remarks)]).toBe(inWorkbook);
    // The database kept the CRLF: the document reads back exactly as typed.
    expect((await call(backend, 'documents:get', { id: posted.id })).remarks).toBe(remark);
  });
});

describe('the document register and emergency dispatches', () => {
  test('every document posted in the period; the emergency dispatch shows its paperwork pending, then filed', async () => {
    const { emergency } = await stockStory();
    const register = await exportDone(backend, { kind: 'documents', format: 'xlsx', ...march, folder: out });
    const docs = body(readXlsx(register.path)[0]!);
    const c = exportsZh.columns;
    const listed = await call(backend, 'documents:list', { from: march.from, to: march.to, limit: 100 });
    expect(docs.rows.map((r) => r[col(docs.header, c.number)]).sort()).toEqual(listed.rows.map((d) => d.number).sort());
    expect(docs.rows).toHaveLength(5);
    const dispatch = docs.rows.find((r) => r[col(docs.header, c.orderNo)] === '市应急调〔2026〕12号')!;
    expect(dispatch[col(docs.header, c.docKind)]).toBe('出库单');
    expect(dispatch[col(docs.header, c.quantity)]).toBe(30);
    expect(dispatch[col(docs.header, c.value)]).toBe(45_000);

    let sheet = body(
      readXlsx((await exportDone(backend, { kind: 'emergency', format: 'xlsx', ...march, folder: out })).path)[0]!,
    );
    expect(sheet.rows).toHaveLength(1);
    expect(sheet.rows[0]![col(sheet.header, c.number)]).toBe(emergency.number);
    // Due two working days after 15 March; it is now 10 April.
    expect(sheet.rows[0]![col(sheet.header, c.paperworkStatus)]).toBe(exportsZh.paperwork.overdue);

    await call(backend, 'stock:file-paperwork', { documentId: emergency.id, orderNo: '市应急调〔2026〕15号' });
    sheet = body(
      readXlsx((await exportDone(backend, { kind: 'emergency', format: 'xlsx', ...march, folder: out })).path)[0]!,
    );
    expect(sheet.rows[0]![col(sheet.header, c.paperworkStatus)]).toBe(exportsZh.paperwork.filed);
    expect(sheet.rows[0]![col(sheet.header, c.filedOrderNo)]).toBe('市应急调〔2026〕15号');
    expect(sheet.rows[0]![col(sheet.header, c.filedBy)]).toBe('审计员王');
  });
});

describe('the annual summary', () => {
  test("the year's opening, receipts, dispatches and closing per category and source add up to the ledger of the year", async () => {
    await stockStory();
    const category = await call(backend, 'catalog:save-category', { code: '1', name: '基本生活类' });
    await call(backend, 'catalog:update-item', { id: depot.items.tent.id, patch: { categoryId: category.id } });
    const annual = body(
      readXlsx((await exportDone(backend, { kind: 'annual', format: 'xlsx', year: 2026, folder: out })).path)[0]!,
    );
    const c = exportsZh.columns;
    const ledger = body(
      readXlsx(
        (
          await exportDone(backend, {
            kind: 'ledger',
            format: 'xlsx',
            from: '2026-01-01',
            to: '2026-12-31',
            folder: out,
          })
        ).path,
      )[0]!,
    );
    for (const name of [c.opening, c.receipts, c.dispatches, c.other, c.closing, c.closingValue]) {
      expect(annual.totals[col(annual.header, name)], name).toBe(ledger.totals[col(ledger.header, name)]);
    }
    const tents = annual.rows.find((r) => r[col(annual.header, c.category)] === '1 基本生活类')!;
    expect(tents[col(annual.header, c.closing)]).toBe(140);
    expect(annual.rows.some((r) => r[col(annual.header, c.category)] === exportsZh.uncategorised)).toBe(true);
  });
});

describe('the audit package', () => {
  /**
   * Stands in for Chromium (the real one draws these pages in the UI tests): asks the backend what the
   * audit summary's print view asks, and returns it as the page's content.
   */
  function summaryRenderer(asked: PrintTarget[]): PdfRenderer {
    return async (target) => {
      asked.push(target);
      const summary = await call(reopened, 'exports:audit-summary', { jobId: target.target });
      return Buffer.from(`%PDF-1.7 stand-in\n${JSON.stringify(summary)}`, 'utf8');
    };
  }
  let reopened: Backend;
  function reopen(renderPdf?: PdfRenderer): void {
    backend.close();
    reopened = openBackend({
      role: 'admin',
      dbPath: tmp.dbPath,
      now: () => clock,
      operator: () => '审计员王',
      ...(renderPdf ? { renderPdf } : {}),
    });
    backend = reopened;
  }

  test('one zip with both workbooks, the chain verification whose head hash is the ledger’s, and a PDF summary drawn from the same snapshot', async () => {
    await stockStory();
    const asked: PrintTarget[] = [];
    reopen(summaryRenderer(asked));
    const job = await exportDone(backend, { kind: 'audit', format: 'xlsx', ...march, folder: out });
    expect(job.path.endsWith('.zip')).toBe(true);
    expect(fs.readdirSync(out)).toEqual([path.basename(job.path)]);
    const extracted = path.join(tmp.dir, 'unzipped');
    const zip = readZip(job.path, extracted);
    const f = exportsZh.files;
    expect(f.summary).toBe('审计摘要.pdf');
    expect(zip.names.sort()).toEqual(
      [`${f.ledger}_2026-03-05_2026-03-31.xlsx`, `${f.inventory}_2026-03-31.xlsx`, f.chainReport, f.summary].sort(),
    );
    const chain = await call(backend, 'ledger:verify-chain');
    const report = zip.texts[f.chainReport]!;
    expect(report).toContain(`链头哈希（SHA-256）：${chain.headHash}`);
    expect(report).toContain(`台账记录数：${chain.entries}`);
    expect(report).toContain('2026-03-05 至 2026-03-31');
    expect(report).toContain(exportsZh.audit.chainOk);

    // The summary page was drawn by the audit-summary print view of this job, on A4, into the package.
    expect(asked).toEqual([{ kind: 'audit-summary', target: job.jobId, paper: 'a4-portrait' }]);
    const page = fs.readFileSync(path.join(extracted, f.summary), 'utf8');
    expect(page.startsWith('%PDF-')).toBe(true);
    const summary = JSON.parse(page.slice(page.indexOf('\n') + 1)) as AuditSummary;
    expect(summary.chain).toMatchObject({ ok: true, headHash: chain.headHash, entries: chain.entries });
    expect(summary.figures).toContain('期末库存金额：135000.00 元');
    expect(summary.meta).toContain('制表人：审计员王');
    expect(summary.contents.sort()).toEqual(zip.names.filter((n) => n !== f.summary).sort());
    // Once the package is written its summary is gone: nobody can draw it again under its name.
    expect(await refusal(backend, 'exports:audit-summary', { jobId: job.jobId })).toMatchObject({ code: 'not-found' });

    const [ledger] = readXlsx(path.join(extracted, `${f.ledger}_2026-03-05_2026-03-31.xlsx`));
    const asOf = await call(backend, 'stock:as-of', { date: march.to });
    const s = body(ledger!);
    expect(s.totals[col(s.header, exportsZh.columns.closing)]).toBe(asOf.reduce((n, r) => n + r.quantity, 0));
  });

  test('a summary that cannot be drawn fails the package with a translated reason and leaves nothing in the folder', async () => {
    await stockStory();
    reopen(() => Promise.reject(new Error('无法生成打印内容：页面崩溃')));
    const failed = await finished(
      backend,
      (await call(backend, 'exports:start', { kind: 'audit', ...march, folder: out })).jobId,
    );
    expect(failed.state).toBe('failed');
    expect(failed.error).toMatchObject({
      code: 'export-pdf-failed',
      details: { reason: '无法生成打印内容：页面崩溃' },
    });
    expect(fs.readdirSync(out)).toEqual([]);

    // A backend given no way to draw PDFs refuses the package the same way, and says why.
    reopen();
    const refused = await finished(
      backend,
      (await call(backend, 'exports:start', { kind: 'audit', ...march, folder: out })).jobId,
    );
    expect(refused).toMatchObject({ state: 'failed', error: { code: 'export-pdf-unavailable' } });
    expect(fs.readdirSync(out)).toEqual([]);
    expect(zhCN.errors['export-pdf-unavailable']).toContain('没有留下残缺文件');
    // The XLSX exports never needed it.
    await exportDone(backend, { kind: 'ledger', format: 'xlsx', ...march, folder: out });
  });
});

describe('in English', () => {
  test('sheet names, titles and headers follow the interface language', async () => {
    await stockStory();
    await call(backend, 'settings:update', { language: 'en-US' });
    const job = await exportDone(backend, { kind: 'ledger', format: 'xlsx', ...march, folder: out });
    const [summary, detail] = readXlsx(job.path);
    expect([summary!.name, detail!.name]).toEqual([exportsEn.sheets.ledgerSummary, exportsEn.sheets.ledgerDetail]);
    expect(summary!.rows[0]![0]).toBe(exportsEn.titles.ledgerSummary);
    expect(body(summary!).header.slice(0, 2)).toEqual([exportsEn.columns.itemCode, exportsEn.columns.itemName]);
    expect(path.basename(job.path)).toMatch(/^ledger_2026-03-05_2026-03-31_\d{8}-\d{6}\.xlsx$/);
  });
});

/** Enough movements that the export takes several chunks (500 rows each). */
async function manyMovements(lines: number) {
  for (let done = 0; done < lines; done += 400) {
    await call(backend, 'stock:post-receipt', {
      kind: 'purchase',
      sourceId: depot.sources.city.id,
      lines: Array.from({ length: Math.min(400, lines - done) }, (_, i) => ({
        itemId: depot.items.tent.id,
        units: 1,
        locationId: depot.locations.a01.id,
        batchNo: `B${done + i}`,
      })),
    });
  }
}

describe('an export that does not finish leaves nothing', () => {
  test('cancelled mid-export: the state says so and the folder holds no file, whole or partial', async () => {
    await manyMovements(1600);
    const started = await call(backend, 'exports:start', {
      kind: 'ledger',
      format: 'xlsx',
      from: '2026-03-01',
      to: '2026-03-01',
      folder: out,
    });
    expect(started.state).toBe('running');
    expect(started.rowsTotal).toBe(1 + 1600);
    expect(fs.readdirSync(out)).toEqual([`${path.basename(started.path)}.partial`]);
    const partway = await call(backend, 'exports:progress', { jobId: started.jobId });
    expect(partway.rowsDone).toBeLessThan(partway.rowsTotal);
    await call(backend, 'exports:cancel', { jobId: started.jobId });
    const ended = await finished(backend, started.jobId);
    expect(ended.state).toBe('cancelled');
    expect(ended.rowsDone).toBeLessThan(ended.rowsTotal);
    expect(fs.readdirSync(out)).toEqual([]);
  });

  test('failing at the last step (the second CSV cannot take its name): the first is removed too, the error is export-failed', async () => {
    await manyMovements(800);
    const started = await call(backend, 'exports:start', {
      kind: 'ledger',
      format: 'csv',
      from: '2026-03-01',
      to: '2026-03-01',
      folder: out,
    });
    expect(started.files).toHaveLength(2);
    // Something takes the second file's name while the export runs (a folder, so the rename fails).
    fs.mkdirSync(path.join(started.files[1]!, 'taken'), { recursive: true });
    const ended = await finished(backend, started.jobId);
    expect(ended.state).toBe('failed');
    expect(ended.error?.code).toBe('export-failed');
    expect(fs.readdirSync(out)).toEqual([path.basename(started.files[1]!)]);
    expect(fs.existsSync(started.files[0]!)).toBe(false);
  });

  test('an unwritable destination is refused with a translated error and no file', async () => {
    const blocker = path.join(tmp.dir, 'a-file');
    fs.writeFileSync(blocker, 'not a folder');
    const error = await refusal(backend, 'exports:start', {
      kind: 'inventory',
      date: '2026-03-01',
      folder: path.join(blocker, '导出'),
    });
    expect(error.code).toBe('export-folder-unwritable');
    expect(error.details).toMatchObject({ folder: path.join(blocker, '导出') });
    expect(zhCN.errors['export-folder-unwritable']).toContain('{{folder}}');
    expect(fs.readFileSync(blocker, 'utf8')).toBe('not a folder');
    expect(fs.readdirSync(tmp.dir).sort()).toEqual(
      ['a-file', 'relief-reserve.db', 'relief-reserve.db-shm', 'relief-reserve.db-wal'].sort(),
    );
    expect(
      (await refusal(backend, 'exports:start', { kind: 'inventory', date: '2026-03-01', folder: 'relative/path' }))
        .code,
    ).toBe('path-not-absolute');
  });
});

describe('who may export', () => {
  test('a keeper is refused (and the refusal logged); an auditor exports to the default folder, the export is logged, its polling not', async () => {
    await stockStory();
    backend.close();
    backend = openBackend({ role: 'keeper', dbPath: tmp.dbPath, now: () => clock, operator: () => '保管员李' });
    expect((await refusal(backend, 'exports:start', { kind: 'inventory', date: '2026-03-31' })).code).toBe(
      'not-permitted',
    );
    backend.close();
    backend = openBackend({ role: 'auditor', dbPath: tmp.dbPath, now: () => clock, operator: () => '审计员王' });
    const job = await exportDone(backend, { kind: 'inventory', format: 'csv', date: '2026-03-31' });
    expect(path.dirname(job.path)).toBe(path.join(tmp.dir, 'exports'));
    const log = await call(backend, 'activity:list', { limit: 1000 });
    const exports = log.rows.filter((e) => e.action.startsWith('exports:'));
    // Newest first: the auditor's export with its file, and before it the keeper's refusal.
    expect(exports.map((e) => [e.action, e.actor, e.outcome, e.target])).toEqual([
      ['exports:start', '审计员王', 'ok', job.path],
      ['exports:start', '保管员李', 'refused', null],
    ]);
  });
});

describe('the writers on their own', () => {
  const sheet: SheetDefinition = {
    name: '备注',
    title: ['备注测试'],
    columns: [
      { header: '编号', type: 'text' },
      { header: '备注', type: 'text' },
      { header: '数量', type: 'quantity', total: true },
      { header: '金额', type: 'money', total: true },
    ],
    totalLabel: '合计',
    count: () => 4,
    *rows() {
      yield ['A', '长'.repeat(1000) + 'long'.repeat(250), 1_234_567, 1];
      yield ['B', '+SUM(A1:A9)', -3, -105];
      yield ['C', '\tTAB\rCR', 0, 99_999_999];
      yield ['D', 'line1\nline2 "quoted", 😀', 7, 0];
    },
  };
  const control = { chunkRows: 2, afterChunk: async () => undefined };

  test('a 2,000-character remark, tabs, CRs, newlines, quotes and emoji survive XLSX and CSV; money keeps two exact decimals', async () => {
    const xlsx = path.join(tmp.dir, 'w.xlsx');
    const csv = path.join(tmp.dir, 'w.csv');
    await writeXlsx(xlsx, [sheet], control);
    await writeCsv(csv, sheet, control);
    const [read] = readXlsx(xlsx);
    const rows = read!.rows.slice(3);
    expect(rows[0]![1]).toHaveLength(2000);
    expect(rows[1]![1]).toBe("'+SUM(A1:A9)");
    // XML turns a CR inside text into a line feed (XML 1.0 §2.11): the line break survives, as LF.
    expect(rows[2]![1]).toBe("'\tTAB\nCR");
    expect(rows[3]![1]).toBe('line1\nline2 "quoted", 😀');
    expect(rows[4]).toEqual(['合计', null, 1_234_571, 999_998.95]);
    expect(read!.widths.B).toBe(60);
    const { rows: csvRows } = readCsv(csv);
    expect(csvRows.map((r) => r[1])).toEqual([
      '备注',
      '长'.repeat(1000) + 'long'.repeat(250),
      "'+SUM(A1:A9)",
      "'\tTAB\rCR",
      'line1\nline2 "quoted", 😀',
    ]);
    expect(csvRows.map((r) => r[3])).toEqual(['金额', '0.01', '-1.05', '999999.99', '0.00']);
  });
});
