/**
 * The stocktake result and the incident dispatch report as an auditor receives them: read back with
 * openpyxl and Python's csv module, and every figure reconciled with `stocktake:report` and
 * `incidents:report` — the reports the screens show. An unknown session or incident is refused before
 * any file exists.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend/index';
import { exportsEn, exportsZh } from '../../shared/i18n/features/exports';
import { zhCN } from '../../shared/i18n/zh-CN';
import { call, refusal, seedDepot, type Depot } from '../fixtures/depot';
import { exportDone, readCsv, readXlsx, type SheetRead } from '../fixtures/exports-read';
import { makeTempDir } from '../fixtures/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
let backend: Backend;
let depot: Depot;
let out: string;
/** Who is at the keyboard: the stocktake is started by one person and approved by another. */
let operator = '张保管';
const clock = new Date(2026, 10, 26, 9, 0, 0);
const c = exportsZh.columns;

beforeEach(async () => {
  tmp = makeTempDir();
  out = path.join(tmp.dir, 'usb', '导出');
  operator = '张保管';
  backend = openBackend({ role: 'admin', dbPath: tmp.dbPath, now: () => new Date(clock), operator: () => operator });
  depot = await seedDepot(backend);
  // 10 tents and 30 quilts in slot A-01, 48 bottles of water in A-02, all city reserve.
  await call(backend, 'stock:post-receipt', {
    kind: 'allocation',
    sourceId: depot.sources.city.id,
    partyId: depot.parties.bureau.id,
    lines: [
      { itemId: depot.items.tent.id, units: 10, locationId: depot.locations.a01.id, batchNo: 'T1' },
      { itemId: depot.items.quilt.id, cartons: 3, locationId: depot.locations.a01.id, batchNo: 'Q1' },
      {
        itemId: depot.items.water.id,
        cartons: 2,
        locationId: depot.locations.a02.id,
        batchNo: 'W1',
        productionDate: '2026-10-01',
      },
    ],
  });
});
afterEach(() => {
  backend.close();
  tmp.cleanup();
});

/** Title rows, then a blank row, the header, the data rows and (when the sheet has one) the totals row. */
function body(sheet: SheetRead, titleRows: number, withTotals = true) {
  const header = sheet.rows[titleRows + 1]!;
  const rest = sheet.rows.slice(titleRows + 2);
  return withTotals
    ? { header, rows: rest.slice(0, -1), totals: rest[rest.length - 1]! }
    : { header, rows: rest, totals: [] as unknown[] };
}

const col = (header: unknown[], name: string) => {
  const i = header.indexOf(name);
  if (i < 0) throw new Error(`no column ${name} in ${JSON.stringify(header)}`);
  return i;
};

/**
 * A full count: tents counted 9 of 10 (one damaged), quilts 32 of 30 (found), water 48 of 48 — while
 * 6 bottles of water leave on a dispatch during the count.
 */
async function countedStocktake(approve: boolean) {
  const session = await call(backend, 'stocktake:start', { scope: { kind: 'full' } });
  const lineOf = (code: string) => session.lines.find((l) => l.itemCode === code)!;
  const count = (code: string, quantity: number) =>
    call(backend, 'stocktake:count', { stocktakeId: session.id, lineId: lineOf(code).id, mode: 'set', quantity });
  await count('ZP-12', 9);
  await count('MB-01', 32);
  await count('KS-550', 48);
  await call(backend, 'stocktake:set-reason', {
    stocktakeId: session.id,
    lineId: lineOf('ZP-12').id,
    reason: 'damaged',
    note: '=一顶被鼠咬坏',
  });
  await call(backend, 'stocktake:set-reason', { stocktakeId: session.id, lineId: lineOf('MB-01').id, reason: 'found' });
  const moved = await call(backend, 'stock:post-dispatch', {
    kind: 'allocation',
    receivingUnitId: depot.parties.town.id,
    orderNo: '市应急调〔2026〕31号',
    lines: [{ itemId: depot.items.water.id, units: 6, sourceId: depot.sources.city.id }],
  });
  if (approve) {
    operator = '李主管';
    await call(backend, 'stocktake:approve', { stocktakeId: session.id });
  }
  return { session, moved };
}

describe('the stocktake result (盘点结果)', () => {
  test('every line, its variance, reason and the movements during the count equal stocktake:report; values in yuan; the approval is stated', async () => {
    const { session, moved } = await countedStocktake(true);
    const job = await exportDone(backend, { kind: 'stocktake', format: 'xlsx', stocktakeId: session.id, folder: out });
    expect(fs.readdirSync(out)).toEqual([path.basename(job.path)]);
    expect(path.basename(job.path)).toMatch(/^盘点结果_PD-2026-00001_\d{8}-\d{6}\.xlsx$/);
    const [sheet] = readXlsx(job.path);
    expect(sheet!.name).toBe('盘点结果');
    expect(sheet!.rows[0]![0]).toBe('救灾物资盘点结果表');
    expect(sheet!.rows[1]![0]).toContain('盘点单号：PD-2026-00001');
    expect(sheet!.rows[1]![0]).toContain('范围：全库');
    expect(sheet!.rows[1]![0]).toContain('账面冻结时间：2026-11-26 09:00:00');
    const report = await call(backend, 'stocktake:report', { stocktakeId: session.id });
    expect(sheet!.rows[3]![0]).toContain('状态：已审批');
    expect(sheet!.rows[3]![0]).toContain('审批人：李主管');
    expect(sheet!.rows[3]![0]).toContain(`调整单：${report.stocktake.documentNumber}`);
    expect(sheet!.rows[4]![0]).toBe('共 3 行；盘盈 1 行 2；盘亏 1 行 1；盘点期间有变动 1 行');
    // Five title rows, a blank row, then the header frozen under them.
    expect(sheet!.frozen).toBe('A8');

    const { header, rows, totals } = body(sheet!, 5);
    expect(rows).toHaveLength(report.rows.length);
    for (const r of report.rows) {
      const row = rows.find((x) => x[col(header, c.lineNo)] === r.lineNo)!;
      expect(
        [
          c.itemCode,
          c.batch,
          c.location,
          c.source,
          c.system,
          c.counted,
          c.variance,
          c.movedDuringCount,
          c.currentQuantity,
        ].map((n) => row[col(header, n)]),
        r.itemCode,
      ).toEqual([
        r.itemCode,
        r.batchNo,
        r.locationCode,
        r.sourceName,
        r.systemQuantity,
        r.counted,
        r.variance,
        r.movedDuringCount,
        r.currentQuantity,
      ]);
      // openpyxl reads an empty text cell back as None.
      expect(row[col(header, c.movedBy)] ?? '').toBe(r.movedBy.join('、'));
    }
    const byCode = new Map(rows.map((r) => [r[col(header, c.itemCode)], r] as const));
    const tent = byCode.get('ZP-12')!;
    expect([tent[col(header, c.varianceKind)], tent[col(header, c.reason)], tent[col(header, c.note)]]).toEqual([
      '盘亏',
      '损坏',
      "'=一顶被鼠咬坏",
    ]);
    expect(tent[col(header, c.varianceValue)]).toBe(-1500);
    expect(byCode.get('MB-01')![col(header, c.reason)]).toBe('盘盈');
    const water = byCode.get('KS-550')!;
    expect(water[col(header, c.varianceKind)]).toBe('相符');
    expect(water[col(header, c.movedBy)]).toBe(moved.number);
    expect(water[col(header, c.movedDuringCount)]).toBe(-6);

    // Totals: the report's surplus and shortage, the frozen book, and what the counters found.
    expect(totals[0]).toBe('合计');
    expect(totals[col(header, c.surplus)]).toBe(report.totals.surplus);
    expect(totals[col(header, c.shortage)]).toBe(report.totals.shortage);
    expect(totals[col(header, c.variance)]).toBe(report.totals.surplus - report.totals.shortage);
    expect(totals[col(header, c.system)]).toBe(report.rows.reduce((s, r) => s + r.systemQuantity, 0));
    expect(totals[col(header, c.counted)]).toBe(report.rows.reduce((s, r) => s + r.counted!, 0));
    expect(sheet!.formats[rows.length + 7]![col(header, c.varianceValue)]).toBe('#,##0.00');
    expect(sheet!.types.flat()).not.toContain('f');
  });

  test('as CSV: one file whose header and lines carry the same numbers', async () => {
    const { session } = await countedStocktake(true);
    const job = await exportDone(backend, { kind: 'stocktake', stocktakeId: session.id, format: 'csv', folder: out });
    expect(job.files).toHaveLength(1);
    const { bom, rows } = readCsv(job.path);
    expect(bom).toBe(true);
    const [head, ...lines] = rows;
    const report = await call(backend, 'stocktake:report', { stocktakeId: session.id });
    expect(lines).toHaveLength(report.rows.length);
    for (const r of report.rows) {
      const line = lines.find((l) => l[head!.indexOf(c.itemCode)] === r.itemCode)!;
      expect(line[head!.indexOf(c.variance)]).toBe(String(r.variance));
      expect(line[head!.indexOf(c.system)]).toBe(String(r.systemQuantity));
    }
    expect(
      lines.find((l) => l[0] === String(report.rows.find((r) => r.itemCode === 'ZP-12')!.lineNo))![
        head!.indexOf(c.varianceValue)
      ],
    ).toBe('-1500.00');
  });

  test('an open session exports with its status stated as not yet approved; uncounted lines say so', async () => {
    const session = await call(backend, 'stocktake:start', { scope: { kind: 'full' } });
    const tentLine = session.lines.find((l) => l.itemCode === 'ZP-12')!;
    await call(backend, 'stocktake:count', { stocktakeId: session.id, lineId: tentLine.id, mode: 'set', quantity: 10 });
    const job = await exportDone(backend, { kind: 'stocktake', format: 'xlsx', stocktakeId: session.id, folder: out });
    const [sheet] = readXlsx(job.path);
    expect(sheet!.rows[3]![0]).toContain('状态：盘点中');
    expect(sheet!.rows[3]![0]).toContain('尚未审批');
    const { header, rows } = body(sheet!, 5);
    const counted = rows.map((r) => [
      r[col(header, c.itemCode)],
      r[col(header, c.counted)],
      r[col(header, c.varianceKind)],
    ]);
    expect(counted.sort()).toEqual(
      [
        ['KS-550', null, '未盘'],
        ['MB-01', null, '未盘'],
        ['ZP-12', 10, '相符'],
      ].sort(),
    );
    // Nothing was approved or posted by exporting.
    expect((await call(backend, 'stocktake:get', { stocktakeId: session.id })).status).toBe('counting');
  });

  test('in English: sheet name, title and the status follow the interface language', async () => {
    const { session } = await countedStocktake(false);
    await call(backend, 'settings:update', { language: 'en-US' });
    const job = await exportDone(backend, { kind: 'stocktake', format: 'xlsx', stocktakeId: session.id, folder: out });
    const [sheet] = readXlsx(job.path);
    expect(sheet!.name).toBe(exportsEn.sheets.stocktake);
    expect(sheet!.rows[0]![0]).toBe(exportsEn.titles.stocktake);
    expect(sheet!.rows[3]![0]).toContain('not approved yet');
    expect(body(sheet!, 5).header).toContain(exportsEn.columns.variance);
    expect(path.basename(job.path)).toMatch(/^stocktake-result_PD-2026-00001_/);
  });
});

const flood = {
  name: '11·26 青山镇洪涝',
  type: 'flood' as const,
  responseLevel: 'III' as const,
  startedAt: '2026-11-26T00:30:00.000Z',
};

/**
 * During the flood: tents and quilts to the town on a phone order (paperwork filed later), tents to the
 * shelter with its allocation order, quilts to the shelter on a phone order still pending, and one
 * dispatch reversed as a duplicate.
 */
async function incidentStory() {
  const incident = await call(backend, 'incidents:declare', flood);
  const town = await call(backend, 'stock:post-dispatch', {
    kind: 'distribution',
    receivingUnitId: depot.parties.town.id,
    emergency: true,
    lines: [
      { itemId: depot.items.tent.id, units: 3 },
      { itemId: depot.items.quilt.id, units: 12 },
    ],
  });
  const shelterOrdered = await call(backend, 'stock:post-dispatch', {
    kind: 'allocation',
    receivingUnitId: depot.parties.shelter.id,
    orderNo: '市应急调〔2026〕40号',
    lines: [{ itemId: depot.items.tent.id, units: 2 }],
  });
  const shelterPending = await call(backend, 'stock:post-dispatch', {
    kind: 'distribution',
    receivingUnitId: depot.parties.shelter.id,
    emergency: true,
    lines: [{ itemId: depot.items.quilt.id, units: 5 }],
  });
  const duplicate = await call(backend, 'stock:post-dispatch', {
    kind: 'distribution',
    receivingUnitId: depot.parties.town.id,
    emergency: true,
    lines: [{ itemId: depot.items.water.id, units: 24 }],
  });
  await call(backend, 'stock:reverse', { documentId: duplicate.id, reason: '重复出库' });
  await call(backend, 'stock:file-paperwork', { documentId: town.id, orderNo: '市应急调〔2026〕41号' });
  return { incident, town, shelterOrdered, shelterPending, duplicate };
}

describe('the incident dispatch report (事件出库报告)', () => {
  test('by unit and item, by item and every dispatch with its paperwork status, equal to incidents:report', async () => {
    const story = await incidentStory();
    const job = await exportDone(backend, {
      kind: 'incident',
      format: 'xlsx',
      incidentId: story.incident.id,
      folder: out,
    });
    expect(path.basename(job.path)).toMatch(/^事件出库报告_11·26 青山镇洪涝_2026-11-26_\d{8}-\d{6}\.xlsx$/);
    const sheets = readXlsx(job.path);
    expect(sheets.map((s) => s.name)).toEqual(['按接收单位', '按物资', '出库单']);
    expect(sheets[0]!.rows[1]![0]).toContain('事件：11·26 青山镇洪涝（洪涝，III 级响应）');
    expect(sheets[0]!.rows[1]![0]).toContain('进行中');
    const report = await call(backend, 'incidents:report', { incidentId: story.incident.id });

    const byUnit = body(sheets[0]!, 3);
    expect(
      byUnit.rows.map((r) => [
        r[col(byUnit.header, c.receivingUnit)],
        r[col(byUnit.header, c.itemCode)],
        r[col(byUnit.header, c.quantity)],
        r[col(byUnit.header, c.value)],
      ]),
    ).toEqual(report.rows.map((r) => [r.unitName, r.itemCode, r.quantity, r.valueFen / 100]));
    expect(byUnit.rows).toHaveLength(4);
    expect(byUnit.totals[col(byUnit.header, c.value)]).toBe(report.totalValueFen / 100);
    expect(byUnit.totals[col(byUnit.header, c.quantity)]).toBe(report.rows.reduce((s, r) => s + r.quantity, 0));

    const byItem = body(sheets[1]!, 3);
    expect(byItem.rows.map((r) => [r[col(byItem.header, c.itemCode)], r[col(byItem.header, c.quantity)]])).toEqual(
      report.items.map((i) => [i.itemCode, i.quantity]),
    );
    expect(byItem.rows.map((r) => r[col(byItem.header, c.quantity)])).toEqual([17, 5]);
    expect(byItem.totals[col(byItem.header, c.value)]).toBe(report.totalValueFen / 100);

    const dispatches = body(sheets[2]!, 3, false);
    const status = new Map(
      dispatches.rows.map((r) => [r[col(dispatches.header, c.number)], r[col(dispatches.header, c.paperworkStatus)]]),
    );
    expect(dispatches.rows.map((r) => r[col(dispatches.header, c.number)])).toEqual(
      report.dispatches.map((d) => d.number),
    );
    expect(Object.fromEntries(status)).toEqual({
      [story.town.number]: exportsZh.paperwork.filed,
      [story.shelterOrdered.number]: exportsZh.paperwork.notNeeded,
      [story.shelterPending.number]: exportsZh.paperwork.pending,
      [story.duplicate.number]: exportsZh.paperwork.reversed,
    });
  });

  test('as CSV: one file per sheet, the by-unit file reconciled with the report', async () => {
    const story = await incidentStory();
    const job = await exportDone(backend, {
      kind: 'incident',
      incidentId: story.incident.id,
      format: 'csv',
      folder: out,
    });
    expect(job.files).toHaveLength(3);
    expect(fs.readdirSync(out).sort()).toEqual(job.files.map((f) => path.basename(f)).sort());
    const [head, ...lines] = readCsv(job.files[0]!).rows;
    const report = await call(backend, 'incidents:report', { incidentId: story.incident.id });
    expect(lines.map((l) => [l[head!.indexOf(c.receivingUnit)], l[head!.indexOf(c.quantity)]])).toEqual(
      report.rows.map((r) => [r.unitName, String(r.quantity)]),
    );
    expect(readCsv(job.files[2]!).rows).toHaveLength(1 + report.dispatches.length);
  });
});

describe('an unknown session or incident', () => {
  test('is refused with a translated not-found and leaves no file', async () => {
    const unknown = '01900000-0000-7000-8000-000000000000';
    const stocktake = await refusal(backend, 'exports:start', { kind: 'stocktake', stocktakeId: unknown, folder: out });
    expect(stocktake).toMatchObject({ code: 'not-found', details: { entity: 'stocktake' } });
    const incident = await refusal(backend, 'exports:start', { kind: 'incident', incidentId: unknown, folder: out });
    expect(incident).toMatchObject({ code: 'not-found', details: { entity: 'incident' } });
    expect(zhCN.errors['not-found']).toBeTruthy();
    expect(fs.existsSync(out)).toBe(false);
    expect((await refusal(backend, 'exports:start', { kind: 'stocktake', folder: out })).code).toBe('invalid-input');
  });
});
