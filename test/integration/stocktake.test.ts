import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend/index';
import type { StocktakeDetail, StocktakeLine } from '../../shared/contract';
import { call, refusal, seedDepot, type Depot } from '../fixtures/depot';
import { expectLedgerInvariants } from '../fixtures/ledger-invariants';
import { makeTempDir } from '../fixtures/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
let backend: Backend;
let depot: Depot;
/** Who is at the keyboard: the tests hand the backend from one person to the next. */
let operator = '张保管';
const clock = new Date(2026, 10, 26, 9, 0, 0);

beforeEach(async () => {
  tmp = makeTempDir();
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

const line = (detail: StocktakeDetail, code: string): StocktakeLine => detail.lines.find((l) => l.itemCode === code)!;

/** 王保管, a keeper, at another PC on the same depot file. */
function openKeeper(): Backend {
  return openBackend({ role: 'keeper', dbPath: tmp.dbPath, now: () => new Date(clock), operator: () => '王保管' });
}

async function start(
  scope: { kind: 'full' } | { kind: 'location' | 'category' | 'source'; id: string } = { kind: 'full' },
) {
  return call(backend, 'stocktake:start', { scope });
}

async function setCount(detail: StocktakeDetail, code: string, quantity: number) {
  return call(backend, 'stocktake:count', {
    stocktakeId: detail.id,
    lineId: line(detail, code).id,
    mode: 'set',
    quantity,
  });
}

async function balance(itemId: string): Promise<number> {
  const rows = await call(backend, 'stock:on-hand', { itemId });
  return rows.reduce((sum, r) => sum + r.quantity, 0);
}

function adjustmentCount(): number {
  const db = new Database(tmp.dbPath, { readonly: true });
  try {
    return db.prepare("SELECT count(*) AS n FROM documents WHERE kind = 'adjustment'").pluck().get() as number;
  } finally {
    db.close();
  }
}

describe('stocktake (盘点)', () => {
  test('a dispatch during the count is reported, the frozen quantity stays, and the adjustment is count − frozen', async () => {
    const session = await start();
    expect(session.number).toBe('PD-2026-00001');
    expect(line(session, 'ZP-12').systemQuantity).toBe(10);

    // While the count runs, 3 tents leave on an allocation order.
    const dispatch = await call(backend, 'stock:post-dispatch', {
      kind: 'allocation',
      receivingUnitId: depot.parties.town.id,
      orderNo: '市应急调〔2026〕15号',
      lines: [{ itemId: depot.items.tent.id, units: 3 }],
    });
    const during = await call(backend, 'stocktake:get', { stocktakeId: session.id });
    expect(line(during, 'ZP-12').systemQuantity).toBe(10);

    await setCount(session, 'ZP-12', 9);
    await setCount(session, 'MB-01', 30);
    await setCount(session, 'KS-550', 48);

    const report = await call(backend, 'stocktake:report', { stocktakeId: session.id });
    const tent = report.rows.find((r) => r.itemCode === 'ZP-12')!;
    expect(tent).toMatchObject({
      systemQuantity: 10,
      counted: 9,
      variance: -1,
      currentQuantity: 7,
      movedDuringCount: -3,
      movedBy: [dispatch.number],
    });
    expect(report.rows.find((r) => r.itemCode === 'MB-01')).toMatchObject({ movedDuringCount: 0, movedBy: [] });
    expect(report.totals).toMatchObject({ lines: 3, shortageLines: 1, shortage: 1, surplusLines: 0, movedLines: 1 });

    operator = '李主管';
    const approved = await call(backend, 'stocktake:approve', { stocktakeId: session.id });
    expect(approved).toMatchObject({ status: 'approved', approvedBy: '李主管', documentNumber: 'TZ-2026-00001' });
    // The adjustment took the variance against the frozen quantity (−1), not against the stock after the dispatch.
    expect(await balance(depot.items.tent.id)).toBe(6);
    const doc = await call(backend, 'documents:get', { id: approved.documentId! });
    expect(doc.lines.map((l) => [l.itemCode, l.quantity])).toEqual([['ZP-12', -1]]);
    const after = await call(backend, 'stocktake:report', { stocktakeId: session.id });
    // The report still names the dispatch (and not the stocktake's own adjustment) as what moved during the count.
    expect(after.rows.find((r) => r.itemCode === 'ZP-12')).toMatchObject({
      movedBy: [dispatch.number],
      movedDuringCount: -3,
      approvedBy: '李主管',
    });
    expectLedgerInvariants(tmp.dbPath);
  });

  test('several counters are summed: scans add to a counter, a typed count replaces only that counter', async () => {
    const session = await start();
    const quilt = line(session, 'MB-01');
    operator = '王保管';
    for (let i = 0; i < 3; i++) {
      await call(backend, 'stocktake:count', {
        stocktakeId: session.id,
        lineId: quilt.id,
        mode: 'add',
        quantity: 10,
        method: 'scan',
      });
    }
    operator = '赵保管';
    await call(backend, 'stocktake:count', { stocktakeId: session.id, lineId: quilt.id, mode: 'set', quantity: 4 });
    let counted = await call(backend, 'stocktake:get', { stocktakeId: session.id });
    expect(line(counted, 'MB-01')).toMatchObject({ counted: 34, variance: 4 });
    expect(line(counted, 'MB-01').counters).toEqual([
      { counter: '王保管', quantity: 30 },
      { counter: '赵保管', quantity: 4 },
    ]);
    // 赵 recounts his part and types 2: 王's 30 stay.
    await call(backend, 'stocktake:count', { stocktakeId: session.id, lineId: quilt.id, mode: 'set', quantity: 2 });
    counted = await call(backend, 'stocktake:get', { stocktakeId: session.id });
    expect(line(counted, 'MB-01')).toMatchObject({ counted: 32, variance: 2 });
    expect(counted.countedLines).toBe(1);
  });

  test('a recount round takes up only lines beyond the threshold and its count replaces the first one', async () => {
    const session = await call(backend, 'stocktake:start', {
      scope: { kind: 'full' },
      threshold: { kind: 'absolute', value: 2 },
    });
    await setCount(session, 'ZP-12', 5); // −5: beyond 2
    await setCount(session, 'MB-01', 31); // +1: within
    await setCount(session, 'KS-550', 48);
    const recount = await call(backend, 'stocktake:recount', { stocktakeId: session.id });
    expect(recount).toEqual({ round: 2, lines: 1 });
    let detail = await call(backend, 'stocktake:get', { stocktakeId: session.id });
    expect(line(detail, 'ZP-12')).toMatchObject({ countRound: 2, counted: null, firstCount: 5 });
    expect(line(detail, 'MB-01')).toMatchObject({ countRound: 1, counted: 31 });

    operator = '王保管';
    await setCount(session, 'ZP-12', 9);
    detail = await call(backend, 'stocktake:get', { stocktakeId: session.id });
    expect(line(detail, 'ZP-12')).toMatchObject({ counted: 9, variance: -1, firstCount: 5 });

    // A percent threshold given on the recount: quilt's +1 of 30 is 3.3 %, beyond 3 %.
    expect(
      await call(backend, 'stocktake:recount', { stocktakeId: session.id, threshold: { kind: 'percent', value: 3 } }),
    ).toEqual({ round: 3, lines: 2 });
    detail = await call(backend, 'stocktake:get', { stocktakeId: session.id });
    expect(detail.threshold).toEqual({ kind: 'percent', value: 3 });
    expect(line(detail, 'MB-01')).toMatchObject({ countRound: 3, counted: null, firstCount: 31 });
  });

  test('approval posts exactly one adjustment whose lines are counted − system, with the reasons given', async () => {
    const session = await start();
    await setCount(session, 'ZP-12', 12);
    await setCount(session, 'MB-01', 27);
    await setCount(session, 'KS-550', 48);
    await call(backend, 'stocktake:set-reason', {
      stocktakeId: session.id,
      lineId: line(session, 'ZP-12').id,
      reason: 'found',
      note: '角落里找到两顶',
    });
    await call(backend, 'stocktake:set-reason', {
      stocktakeId: session.id,
      lineId: line(session, 'MB-01').id,
      reason: 'damaged',
    });
    const before = adjustmentCount();
    operator = '李主管';
    const approved = await call(backend, 'stocktake:approve', { stocktakeId: session.id });
    expect(adjustmentCount()).toBe(before + 1);

    const doc = await call(backend, 'documents:get', { id: approved.documentId! });
    expect(doc).toMatchObject({ kind: 'adjustment', subkind: 'count_correction', reason: session.number });
    expect(doc.lines.map((l) => [l.itemCode, l.quantity, l.remarks])).toEqual([
      ['MB-01', -3, ''],
      ['ZP-12', 2, '角落里找到两顶'],
    ]);
    expect(doc.entries.map((e) => [e.batchNo, e.locationCode, e.sourceName, e.quantity]).sort()).toEqual(
      [
        ['T1', 'A-01', '市级储备', 2],
        ['Q1', 'A-01', '市级储备', -3],
      ].sort(),
    );
    expect(await balance(depot.items.tent.id)).toBe(12);
    expect(await balance(depot.items.quilt.id)).toBe(27);
    expect(await balance(depot.items.water.id)).toBe(48);
    const report = await call(backend, 'stocktake:report', { stocktakeId: session.id });
    expect(
      report.rows.map((r) => [r.itemCode, r.systemQuantity, r.counted, r.variance, r.reason, r.approvedBy]),
    ).toEqual([
      ['MB-01', 30, 27, -3, 'damaged', '李主管'],
      ['ZP-12', 10, 12, 2, 'found', '李主管'],
      ['KS-550', 48, 48, 0, null, '李主管'],
    ]);
    // Closed: no more counts, no second approval.
    expect((await refusal(backend, 'stocktake:approve', { stocktakeId: session.id })).code).toBe('stocktake-closed');
    expect(adjustmentCount()).toBe(before + 1);
    expectLedgerInvariants(tmp.dbPath);
  });

  test('the person who started the count may not approve it, and nothing is posted', async () => {
    const session = await start();
    await setCount(session, 'ZP-12', 8);
    await setCount(session, 'MB-01', 30);
    await setCount(session, 'KS-550', 48);
    const error = await refusal(backend, 'stocktake:approve', { stocktakeId: session.id });
    expect(error.code).toBe('approval-own-document');
    expect(adjustmentCount()).toBe(0);
    expect(await balance(depot.items.tent.id)).toBe(10);
    expect((await call(backend, 'stocktake:get', { stocktakeId: session.id })).status).toBe('counting');

    // A depot run by one person (the admin's single-person setting): the same person may approve.
    await call(backend, 'settings:update', { singlePerson: true });
    await call(backend, 'stocktake:approve', { stocktakeId: session.id });
    expect(adjustmentCount()).toBe(1);
    expect(await balance(depot.items.tent.id)).toBe(8);
  });

  test('a keeper may count but not approve', async () => {
    const session = await start();
    const keeper = openKeeper();
    try {
      await call(keeper, 'stocktake:count', {
        stocktakeId: session.id,
        lineId: line(session, 'ZP-12').id,
        mode: 'set',
        quantity: 10,
      });
      await call(keeper, 'stocktake:count', {
        stocktakeId: session.id,
        lineId: line(session, 'MB-01').id,
        mode: 'set',
        quantity: 30,
      });
      await call(keeper, 'stocktake:count', {
        stocktakeId: session.id,
        lineId: line(session, 'KS-550').id,
        mode: 'set',
        quantity: 47,
      });
      const error = await refusal(keeper, 'stocktake:approve', { stocktakeId: session.id });
      expect(error.code).toBe('not-permitted');
    } finally {
      keeper.close();
    }
    expect(adjustmentCount()).toBe(0);
    expect((await call(backend, 'stocktake:get', { stocktakeId: session.id })).status).toBe('counting');
  });

  test('a blind count stays blind in the backend: a keeper never receives book quantities or variances while it is open', async () => {
    const session = await start();
    const keeper = openKeeper();
    try {
      // A keeper's own start of a count hides the frozen quantities from the keeper too.
      const own = await call(keeper, 'stocktake:start', { scope: { kind: 'location', id: depot.locations.a02.id } });
      expect(own.lines.map((l) => [l.itemCode, l.systemQuantity])).toEqual([['KS-550', null]]);

      const seen = await call(keeper, 'stocktake:get', { stocktakeId: session.id });
      expect(seen.lines.map((l) => l.systemQuantity)).toEqual([null, null, null]);
      const counted = await call(keeper, 'stocktake:count', {
        stocktakeId: session.id,
        lineId: line(session, 'ZP-12').id,
        mode: 'set',
        quantity: 9,
      });
      expect([counted.counted, counted.systemQuantity, counted.variance]).toEqual([9, null, null]);
      const reasoned = await call(keeper, 'stocktake:set-reason', {
        stocktakeId: session.id,
        lineId: line(session, 'ZP-12').id,
        reason: 'lost',
      });
      expect([reasoned.systemQuantity, reasoned.variance]).toEqual([null, null]);
      expect((await refusal(keeper, 'stocktake:report', { stocktakeId: session.id })).code).toBe('stocktake-blind');

      // The reviewer sees the same lines with their book quantities and the variance.
      const reviewed = await call(backend, 'stocktake:get', { stocktakeId: session.id });
      expect([line(reviewed, 'ZP-12').systemQuantity, line(reviewed, 'ZP-12').variance]).toEqual([10, -1]);
      expect((await call(backend, 'stocktake:report', { stocktakeId: session.id })).rows).toHaveLength(3);

      // Once approved, the count is no longer blind: the keeper reads the figures and the report.
      await setCount(reviewed, 'MB-01', 30);
      await setCount(reviewed, 'KS-550', 48);
      operator = '李主管';
      await call(backend, 'stocktake:approve', { stocktakeId: session.id });
      const closed = await call(keeper, 'stocktake:get', { stocktakeId: session.id });
      expect([line(closed, 'ZP-12').systemQuantity, line(closed, 'ZP-12').variance]).toEqual([10, -1]);
      expect((await call(keeper, 'stocktake:report', { stocktakeId: session.id })).totals.shortage).toBe(1);
    } finally {
      keeper.close();
    }
  });

  test('bad input is refused with a clear code and writes nothing', async () => {
    const session = await start({ kind: 'location', id: depot.locations.a01.id });
    expect(session.lines.map((l) => l.itemCode).sort()).toEqual(['MB-01', 'ZP-12']);
    const tent = line(session, 'ZP-12');
    const countRows = () => {
      const db = new Database(tmp.dbPath, { readonly: true });
      try {
        return db.prepare('SELECT count(*) FROM stocktake_counts').pluck().get() as number;
      } finally {
        db.close();
      }
    };

    const negative = await refusal(backend, 'stocktake:count', {
      stocktakeId: session.id,
      lineId: tent.id,
      mode: 'set',
      quantity: -1,
    });
    expect(negative.code).toBe('invalid-input');
    const unknownRow = await refusal(backend, 'stocktake:count', {
      stocktakeId: session.id,
      lineId: '01900000-0000-7000-8000-000000000000',
      mode: 'set',
      quantity: 1,
    });
    expect(unknownRow).toMatchObject({ code: 'not-found', details: { entity: 'stocktake-line' } });
    expect(countRows()).toBe(0);

    // Approval needs every line counted.
    await setCount(session, 'ZP-12', 10);
    operator = '李主管';
    expect(await refusal(backend, 'stocktake:approve', { stocktakeId: session.id })).toMatchObject({
      code: 'stocktake-not-counted',
      details: { lines: 1 },
    });
    // A reason that contradicts the variance refuses the approval, with nothing half-posted.
    await setCount(session, 'MB-01', 28);
    await call(backend, 'stocktake:set-reason', {
      stocktakeId: session.id,
      lineId: line(session, 'MB-01').id,
      reason: 'found',
    });
    expect((await refusal(backend, 'stocktake:approve', { stocktakeId: session.id })).code).toBe('wrong-sign');
    expect(adjustmentCount()).toBe(0);
    expect((await call(backend, 'stocktake:get', { stocktakeId: session.id })).status).toBe('counting');

    // A cancelled session takes nothing more.
    await call(backend, 'stocktake:cancel', { stocktakeId: session.id, reason: '范围选错' });
    const closed = await refusal(backend, 'stocktake:count', {
      stocktakeId: session.id,
      lineId: tent.id,
      mode: 'set',
      quantity: 1,
    });
    expect(closed.code).toBe('stocktake-closed');
    expect((await refusal(backend, 'stocktake:approve', { stocktakeId: session.id })).code).toBe('stocktake-closed');
    expect(countRows()).toBe(2);
    expect(adjustmentCount()).toBe(0);

    // A scope with no stock has nothing to count.
    expect(
      (await refusal(backend, 'stocktake:start', { scope: { kind: 'source', id: depot.sources.province.id } })).code,
    ).toBe('stocktake-empty');
    expect((await call(backend, 'stocktake:list')).map((s) => s.status)).toEqual(['cancelled']);
  });
});
