import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend/index';
import { call, refusal, seedDepot, type Depot } from '../fixtures/depot';
import { makeTempDir } from '../fixtures/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
let backend: Backend;
let depot: Depot;
const clock = new Date(2026, 10, 26, 9, 0, 0);

beforeEach(async () => {
  tmp = makeTempDir();
  backend = openBackend({ role: 'admin', dbPath: tmp.dbPath, now: () => new Date(clock), operator: () => '张保管' });
  depot = await seedDepot(backend);
});
afterEach(() => {
  backend.close();
  tmp.cleanup();
});

const flood = {
  name: '11·26 青山镇洪涝',
  type: 'flood' as const,
  responseLevel: 'III' as const,
  startedAt: '2026-11-26T00:30:00.000Z',
};

async function receive(lines: { itemId: string; units: number; batchNo: string; expiryDate?: string }[]) {
  return call(backend, 'stock:post-receipt', {
    kind: 'allocation',
    sourceId: depot.sources.city.id,
    partyId: depot.parties.bureau.id,
    lines: lines.map((l) => ({ ...l, expiryDate: l.expiryDate ?? null, locationId: depot.locations.a01.id })),
  });
}

function emergencyDispatch(unitId: string, extra: Record<string, unknown>) {
  return { kind: 'distribution' as const, receivingUnitId: unitId, emergency: true, lines: [], ...extra };
}

async function familyKit(barcode = 'KIT-FAMILY') {
  return call(backend, 'kits:save', {
    code: 'JTB',
    name: '家庭包',
    barcode,
    lines: [
      { itemId: depot.items.tent.id, quantity: 1 },
      { itemId: depot.items.quilt.id, quantity: 2 },
      { itemId: depot.items.water.id, quantity: 6 },
    ],
  });
}

/** What the database holds that a refused posting must not have touched. */
function footprint() {
  const db = new Database(tmp.dbPath, { readonly: true });
  try {
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return {
      documents: count('documents'),
      lines: count('document_lines'),
      entries: count('ledger_entries'),
      links: count('incident_dispatches'),
      balances: db.prepare('SELECT * FROM stock_balances ORDER BY item_id, batch_id').all(),
    };
  } finally {
    db.close();
  }
}

describe('incidents (应急事件)', () => {
  test('only one incident is open at a time: a second declaration is refused until the first is closed', async () => {
    expect(await call(backend, 'incidents:current')).toBeNull();
    const first = await call(backend, 'incidents:declare', flood);
    expect(first).toMatchObject({ name: flood.name, responseLevel: 'III', closedAt: null, declaredBy: '张保管' });
    expect(await call(backend, 'incidents:current')).toMatchObject({ id: first.id });

    const second = await refusal(backend, 'incidents:declare', { ...flood, name: '另一场台风', type: 'typhoon' });
    expect(second).toMatchObject({ code: 'incident-already-open', details: { name: flood.name } });
    expect(await call(backend, 'incidents:list')).toHaveLength(1);

    const closed = await call(backend, 'incidents:close', { id: first.id });
    expect(closed.closedAt).toBe(clock.toISOString());
    expect(await call(backend, 'incidents:current')).toBeNull();
    expect(await refusal(backend, 'incidents:close', { id: first.id })).toMatchObject({ code: 'incident-closed' });

    const next = await call(backend, 'incidents:declare', { ...flood, name: '12·03 台风', type: 'typhoon' });
    expect(await call(backend, 'incidents:current')).toMatchObject({ id: next.id });
    expect((await call(backend, 'incidents:list')).map((i) => i.name)).toEqual(['12·03 台风', flood.name]);
  });

  test('a declaration without a name or with an unknown level is refused and nothing is stored', async () => {
    expect((await refusal(backend, 'incidents:declare', { ...flood, name: '  ' })).code).toBe('invalid-input');
    expect((await refusal(backend, 'incidents:declare', { ...flood, responseLevel: 'V' })).code).toBe('invalid-input');
    expect(await call(backend, 'incidents:list')).toEqual([]);
  });

  test('every dispatch posted while the incident is open is linked to it and names it on the slip; before and after are not', async () => {
    await receive([{ itemId: depot.items.tent.id, units: 50, batchNo: 'T1' }]);
    const before = await call(
      backend,
      'stock:post-dispatch',
      emergencyDispatch(depot.parties.town.id, { lines: [{ itemId: depot.items.tent.id, units: 1 }] }),
    );
    const incident = await call(backend, 'incidents:declare', flood);
    const during = await call(
      backend,
      'stock:post-dispatch',
      emergencyDispatch(depot.parties.shelter.id, { lines: [{ itemId: depot.items.tent.id, units: 4 }] }),
    );
    await call(backend, 'incidents:close', { id: incident.id });
    await call(
      backend,
      'stock:post-dispatch',
      emergencyDispatch(depot.parties.town.id, { lines: [{ itemId: depot.items.tent.id, units: 2 }] }),
    );

    const report = await call(backend, 'incidents:report', { incidentId: incident.id });
    expect(report.dispatches.map((d) => d.number)).toEqual([during.number]);
    expect(report.incident.dispatchCount).toBe(1);
    const slip = await call(backend, 'documents:get', { id: during.id });
    expect(slip).toMatchObject({ incidentName: flood.name, responseLevel: 'III', emergency: true });
    expect((await call(backend, 'documents:get', { id: before.id })).incidentName).toBe('');
  });
});

describe('kits (包)', () => {
  test('five family kits expand into one FEFO line per item, earliest expiry first', async () => {
    await receive([
      { itemId: depot.items.tent.id, units: 20, batchNo: 'T1' },
      { itemId: depot.items.quilt.id, units: 40, batchNo: 'Q1' },
      { itemId: depot.items.water.id, units: 24, batchNo: 'W-LATE', expiryDate: '2027-09-30' },
      { itemId: depot.items.water.id, units: 20, batchNo: 'W-EARLY', expiryDate: '2027-03-31' },
    ]);
    const kit = await familyKit();
    expect(kit.lines.map((l) => [l.itemCode, l.quantity])).toEqual([
      ['ZP-12', 1],
      ['MB-01', 2],
      ['KS-550', 6],
    ]);
    await call(backend, 'incidents:declare', flood);
    const posted = await call(
      backend,
      'stock:post-dispatch',
      emergencyDispatch(depot.parties.town.id, { kits: [{ kitId: kit.id, count: 5 }] }),
    );

    const slip = await call(backend, 'documents:get', { id: posted.id });
    expect(slip.lines.map((l) => [l.itemCode, l.quantity, l.remarks])).toEqual([
      ['ZP-12', 5, '家庭包 ×5'],
      ['MB-01', 10, '家庭包 ×5'],
      ['KS-550', 30, '家庭包 ×5'],
    ]);
    const water = slip.entries.filter((e) => e.itemId === depot.items.water.id);
    expect(water.map((e) => [e.batchNo, e.quantity])).toEqual([
      ['W-EARLY', -20],
      ['W-LATE', -10],
    ]);
    const onHand = await call(backend, 'stock:on-hand', { itemId: depot.items.water.id });
    expect(onHand.map((r) => [r.batchNo, r.quantity])).toEqual([['W-LATE', 14]]);
  });

  test('a kit and loose items on one dispatch: the loose line comes first, the kit lines after it', async () => {
    await receive([
      { itemId: depot.items.tent.id, units: 20, batchNo: 'T1' },
      { itemId: depot.items.quilt.id, units: 40, batchNo: 'Q1' },
      { itemId: depot.items.water.id, units: 48, batchNo: 'W1', expiryDate: '2027-09-30' },
    ]);
    const kit = await familyKit();
    const posted = await call(
      backend,
      'stock:post-dispatch',
      emergencyDispatch(depot.parties.town.id, {
        lines: [{ itemId: depot.items.quilt.id, units: 3 }],
        kits: [{ kitId: kit.id, count: 2 }],
      }),
    );
    const slip = await call(backend, 'documents:get', { id: posted.id });
    expect(slip.lines.map((l) => [l.itemCode, l.quantity])).toEqual([
      ['MB-01', 3],
      ['ZP-12', 2],
      ['MB-01', 4],
      ['KS-550', 12],
    ]);
    const quilts = await call(backend, 'stock:on-hand', { itemId: depot.items.quilt.id });
    expect(quilts[0]!.quantity).toBe(33);
  });

  test('a kit with no items is refused with kit-empty and nothing is stored', async () => {
    const refused = await refusal(backend, 'kits:save', { code: 'EMPTY', name: '空包', lines: [] });
    expect(refused).toMatchObject({ code: 'kit-empty', details: { code: 'EMPTY' } });
    expect(await call(backend, 'kits:list')).toEqual([]);
  });

  test('a kit barcode already standing for an item is refused: one code means one thing', async () => {
    await call(backend, 'catalog:add-barcode', { itemId: depot.items.tent.id, barcode: '6901234567892', quantity: 1 });
    const refused = await refusal(backend, 'kits:save', {
      code: 'JTB',
      name: '家庭包',
      barcode: '6901234567892',
      lines: [{ itemId: depot.items.tent.id, quantity: 1 }],
    });
    expect(refused.code).toBe('duplicate-barcode');
    expect(await call(backend, 'kits:list')).toEqual([]);

    // And the other way round: a kit's barcode cannot be given to an item.
    await call(backend, 'kits:save', {
      code: 'JTB',
      name: '家庭包',
      barcode: '6970000000017',
      lines: [{ itemId: depot.items.tent.id, quantity: 1 }],
    });
    const taken = await refusal(backend, 'catalog:add-barcode', {
      itemId: depot.items.quilt.id,
      barcode: '6970000000017',
      quantity: 1,
    });
    expect(taken.code).toBe('duplicate-barcode');
    expect((await call(backend, 'catalog:get-item', { id: depot.items.quilt.id })).barcodes).toEqual([]);
  });

  test('changing a kit replaces what it holds', async () => {
    const kit = await familyKit();
    const changed = await call(backend, 'kits:save', {
      id: kit.id,
      code: 'JTB',
      name: '家庭包（冬季）',
      barcode: 'KIT-FAMILY',
      lines: [{ itemId: depot.items.quilt.id, quantity: 3 }],
    });
    expect(changed.lines).toEqual([expect.objectContaining({ itemCode: 'MB-01', quantity: 3 })]);
    expect(await call(backend, 'kits:list')).toEqual([changed]);
  });

  test('an unknown kit on a dispatch is refused and nothing is posted', async () => {
    await receive([{ itemId: depot.items.tent.id, units: 20, batchNo: 'T1' }]);
    await call(backend, 'incidents:declare', flood);
    const before = footprint();
    const refused = await refusal(
      backend,
      'stock:post-dispatch',
      emergencyDispatch(depot.parties.town.id, {
        lines: [{ itemId: depot.items.tent.id, units: 1 }],
        kits: [{ kitId: '01900000-0000-7000-8000-000000000000', count: 1 }],
      }),
    );
    expect(refused).toMatchObject({ code: 'not-found', details: { entity: 'kit' } });
    expect(footprint()).toEqual(before);
  });

  test('kits × N beyond stock are refused naming the short item, available and requested; nothing is posted', async () => {
    await receive([
      { itemId: depot.items.tent.id, units: 20, batchNo: 'T1' },
      { itemId: depot.items.quilt.id, units: 15, batchNo: 'Q1' },
      { itemId: depot.items.water.id, units: 100, batchNo: 'W1', expiryDate: '2027-09-30' },
    ]);
    const kit = await familyKit();
    await call(backend, 'incidents:declare', flood);
    const before = footprint();
    const refused = await refusal(
      backend,
      'stock:post-dispatch',
      emergencyDispatch(depot.parties.town.id, { kits: [{ kitId: kit.id, count: 8 }] }),
    );
    expect(refused).toMatchObject({
      code: 'insufficient-stock',
      details: { line: 2, itemName: '棉被', sourceName: '市级储备', available: 15, requested: 16 },
    });
    expect(footprint()).toEqual(before);
  });

  test('a line pinned to a scanned batch draws that batch only, before the kits draw first-expiry; beyond it, it is refused', async () => {
    await receive([{ itemId: depot.items.tent.id, units: 10, batchNo: 'EARLY' }]);
    await receive([{ itemId: depot.items.tent.id, units: 10, batchNo: 'LATE' }]);
    await receive([
      { itemId: depot.items.quilt.id, units: 20, batchNo: 'Q1' },
      { itemId: depot.items.water.id, units: 60, batchNo: 'W1', expiryDate: '2027-09-30' },
    ]);
    const batchId = async (batchNo: string) =>
      (await call(backend, 'stock:on-hand', { itemId: depot.items.tent.id })).find((r) => r.batchNo === batchNo)!
        .batchId;
    const late = await batchId('LATE');
    const kit = await familyKit();

    // Four tents from the LATE cartons in hand, and two family kits (one tent each, first-expiry: EARLY).
    const posted = await call(
      backend,
      'stock:post-dispatch',
      emergencyDispatch(depot.parties.town.id, {
        lines: [{ itemId: depot.items.tent.id, units: 4, batchId: late }],
        kits: [{ kitId: kit.id, count: 2 }],
      }),
    );
    const doc = await call(backend, 'documents:get', { id: posted.id });
    const tentEntries = doc.entries.filter((e) => e.itemId === depot.items.tent.id).map((e) => [e.batchNo, e.quantity]);
    expect(tentEntries).toEqual([
      ['LATE', -4],
      ['EARLY', -2],
    ]);
    const onHand = await call(backend, 'stock:on-hand', { itemId: depot.items.tent.id });
    expect(onHand.map((r) => [r.batchNo, r.quantity])).toEqual([
      ['EARLY', 8],
      ['LATE', 6],
    ]);

    // Seven more from LATE: six are left there, and EARLY's eight do not make up the difference.
    const short = await refusal(
      backend,
      'stock:post-dispatch',
      emergencyDispatch(depot.parties.town.id, { lines: [{ itemId: depot.items.tent.id, units: 7, batchId: late }] }),
    );
    expect(short.code).toBe('insufficient-stock');
    expect(short.details).toMatchObject({ batchNo: 'LATE', available: 6, requested: 7 });
    // A batch of another item is no batch of tents.
    const quiltBatch = (await call(backend, 'stock:on-hand', { itemId: depot.items.quilt.id }))[0]!.batchId;
    const wrong = await refusal(
      backend,
      'stock:post-dispatch',
      emergencyDispatch(depot.parties.town.id, {
        lines: [{ itemId: depot.items.tent.id, units: 1, batchId: quiltBatch }],
      }),
    );
    expect(wrong.code).toBe('not-found');
    expect((await call(backend, 'stock:on-hand', { itemId: depot.items.tent.id })).map((r) => r.quantity)).toEqual([
      8, 6,
    ]);
  });

  test('a dispatch with neither lines nor kits is refused as invalid input', async () => {
    const refused = await refusal(backend, 'stock:post-dispatch', emergencyDispatch(depot.parties.town.id, {}));
    expect(refused.code).toBe('invalid-input');
  });
});

describe('incident report', () => {
  test("its totals per item and unit equal the ledger's entries of the incident's dispatches; a reversed one nets out", async () => {
    await receive([
      { itemId: depot.items.tent.id, units: 100, batchNo: 'T1' },
      { itemId: depot.items.quilt.id, units: 200, batchNo: 'Q1' },
      { itemId: depot.items.water.id, units: 480, batchNo: 'W1', expiryDate: '2027-09-30' },
    ]);
    const kit = await familyKit();
    const incident = await call(backend, 'incidents:declare', flood);
    const town1 = await call(
      backend,
      'stock:post-dispatch',
      emergencyDispatch(depot.parties.town.id, { kits: [{ kitId: kit.id, count: 5 }] }),
    );
    const town2 = await call(
      backend,
      'stock:post-dispatch',
      emergencyDispatch(depot.parties.town.id, { lines: [{ itemId: depot.items.water.id, cartons: 2, units: 0 }] }),
    );
    const shelter = await call(
      backend,
      'stock:post-dispatch',
      emergencyDispatch(depot.parties.shelter.id, { lines: [{ itemId: depot.items.tent.id, units: 7 }] }),
    );
    const reversed = await call(
      backend,
      'stock:post-dispatch',
      emergencyDispatch(depot.parties.shelter.id, { lines: [{ itemId: depot.items.quilt.id, units: 50 }] }),
    );
    await call(backend, 'stock:reverse', { documentId: reversed.id, reason: '重复出库' });

    const report = await call(backend, 'incidents:report', { incidentId: incident.id });

    // The ledger's own word: every entry of the linked dispatches that were not reversed.
    const fromLedger = new Map<string, number>();
    for (const posted of [town1, town2, shelter]) {
      const doc = await call(backend, 'documents:get', { id: posted.id });
      for (const e of doc.entries) {
        const key = `${doc.partyName}|${e.itemId}`;
        fromLedger.set(key, (fromLedger.get(key) ?? 0) - e.quantity);
      }
    }
    expect(new Map(report.rows.map((r) => [`${r.unitName}|${r.itemId}`, r.quantity]))).toEqual(fromLedger);
    expect(report.rows.map((r) => [r.unitName, r.itemCode, r.quantity])).toEqual([
      ['城东安置点', 'ZP-12', 7],
      ['青山镇人民政府', 'KS-550', 78],
      ['青山镇人民政府', 'MB-01', 10],
      ['青山镇人民政府', 'ZP-12', 5],
    ]);
    expect(report.items.map((i) => [i.itemCode, i.quantity])).toEqual([
      ['KS-550', 78],
      ['MB-01', 10],
      ['ZP-12', 12],
    ]);
    // The stock that left is what the inventory lost.
    const inventory = await call(backend, 'stock:inventory');
    const onHand = (id: string) => inventory.find((r) => r.itemId === id)!.onHand;
    expect(100 - onHand(depot.items.tent.id)).toBe(12);
    expect(200 - onHand(depot.items.quilt.id)).toBe(10);
    expect(480 - onHand(depot.items.water.id)).toBe(78);

    expect(report.units).toEqual([
      { unitId: depot.parties.shelter.id, unitName: '城东安置点', dispatches: 1, valueFen: 7 * 150_000 },
      { unitId: depot.parties.town.id, unitName: '青山镇人民政府', dispatches: 2, valueFen: 5 * 150_000 },
    ]);
    expect(report.totalValueFen).toBe(12 * 150_000);
    expect(report.dispatches.map((d) => [d.number, d.reversed, d.paperworkPending])).toEqual([
      [town1.number, false, true],
      [town2.number, false, true],
      [shelter.number, false, true],
      [reversed.number, true, false],
    ]);

    // A unit renamed afterwards: each dispatch still names it as its slip did.
    await call(backend, 'catalog:save-party', {
      id: depot.parties.shelter.id,
      kind: 'receiving_unit',
      name: '城东临时安置点',
    });
    const later = await call(backend, 'incidents:report', { incidentId: incident.id });
    expect(later.dispatches.map((d) => d.unitName)).toEqual([
      '青山镇人民政府',
      '青山镇人民政府',
      '城东安置点',
      '城东安置点',
    ]);
  });

  test('the report of an unknown incident is refused with not-found', async () => {
    const refused = await refusal(backend, 'incidents:report', { incidentId: '01900000-0000-7000-8000-000000000000' });
    expect(refused).toMatchObject({ code: 'not-found', details: { entity: 'incident' } });
  });
});

describe('recent receiving units', () => {
  test('the unit dispatched to last comes first, units never dispatched to follow by name', async () => {
    await receive([{ itemId: depot.items.tent.id, units: 10, batchNo: 'T1' }]);
    const units = async () => (await call(backend, 'stock:recent-receiving-units')).map((u) => u.name);
    expect(await units()).toEqual(['城东安置点', '青山镇人民政府'].sort((a, b) => (a < b ? -1 : 1)));
    clock.setMinutes(clock.getMinutes() + 1);
    await call(
      backend,
      'stock:post-dispatch',
      emergencyDispatch(depot.parties.town.id, { lines: [{ itemId: depot.items.tent.id, units: 1 }] }),
    );
    expect(await units()).toEqual(['青山镇人民政府', '城东安置点']);
  });
});
