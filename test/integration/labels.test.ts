import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend/index';
import { internalGtin } from '../../shared/barcode/payloads';
import { call, refusal, seedDepot, type Depot } from '../fixtures/depot';
import { makeTempDir } from '../fixtures/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
let backend: Backend;
let depot: Depot;
beforeEach(async () => {
  tmp = makeTempDir();
  backend = openBackend({ role: 'admin', dbPath: tmp.dbPath, now: () => new Date('2026-03-02T01:30:00Z') });
  depot = await seedDepot(backend);
});
afterEach(() => {
  backend.close();
  tmp.cleanup();
});

/** Receives donated water from the donor and city water of the same batch number; returns the batch id. */
async function receiveWaterBatch() {
  const donated = await call(backend, 'stock:post-receipt', {
    kind: 'donation',
    sourceId: depot.sources.donation.id,
    partyId: depot.parties.donor.id,
    lines: [
      {
        itemId: depot.items.water.id,
        units: 240,
        locationId: depot.locations.a01.id,
        batchNo: 'W2026-01',
        productionDate: '2026-01-15',
        origin: '浙江杭州',
      },
    ],
  });
  await call(backend, 'stock:post-receipt', {
    kind: 'allocation',
    sourceId: depot.sources.city.id,
    lines: [
      {
        itemId: depot.items.water.id,
        units: 48,
        locationId: depot.locations.a02.id,
        batchNo: 'W2026-01',
        productionDate: '2026-01-15',
        origin: '浙江杭州',
      },
    ],
  });
  const detail = await call(backend, 'documents:get', { id: donated.id });
  return detail.entries[0]!.batchId;
}

describe('assigning an internal code (赋内部码)', () => {
  test('goods without a barcode get the next internal GTIN-13 as their unit barcode, found by a scan afterwards', async () => {
    const first = await call(backend, 'catalog:assign-internal-code', { itemId: depot.items.tent.id });
    const second = await call(backend, 'catalog:assign-internal-code', { itemId: depot.items.quilt.id });
    expect(first.barcode).toBe(internalGtin(1));
    expect(second.barcode).toBe(internalGtin(2));
    const tent = await call(backend, 'catalog:get-item', { id: depot.items.tent.id });
    expect(tent.barcodes.map((b) => [b.barcode, b.quantity])).toEqual([[internalGtin(1), 1]]);
    const scanned = await call(backend, 'catalog:lookup-barcode', { barcode: internalGtin(2) });
    expect(scanned.item.id).toBe(depot.items.quilt.id);
    expect(scanned.quantity).toBe(1);
  });

  test('an item that already has a unit barcode is refused and nothing is minted', async () => {
    await call(backend, 'catalog:add-barcode', { itemId: depot.items.water.id, barcode: '6901234567892', quantity: 1 });
    const error = await refusal(backend, 'catalog:assign-internal-code', { itemId: depot.items.water.id });
    expect(error.code).toBe('has-unit-barcode');
    expect(error.details).toEqual({ itemId: depot.items.water.id, barcode: '6901234567892' });
    // The refusal used no number: the next item still gets the first one.
    expect((await call(backend, 'catalog:assign-internal-code', { itemId: depot.items.tent.id })).barcode).toBe(
      internalGtin(1),
    );
  });

  test('a carton barcode alone does not stop the units inside from getting a code', async () => {
    await call(backend, 'catalog:add-barcode', {
      itemId: depot.items.quilt.id,
      barcode: '16901234567899',
      quantity: 10,
    });
    const assigned = await call(backend, 'catalog:assign-internal-code', { itemId: depot.items.quilt.id });
    expect(assigned.barcode).toBe(internalGtin(1));
  });

  test('a number is never minted twice, even after its barcode was unlinked, nor over one typed in by hand', async () => {
    const first = await call(backend, 'catalog:assign-internal-code', { itemId: depot.items.tent.id });
    await call(backend, 'catalog:remove-barcode', { id: first.barcodeId });
    expect((await call(backend, 'catalog:assign-internal-code', { itemId: depot.items.tent.id })).barcode).toBe(
      internalGtin(2),
    );
    await call(backend, 'catalog:add-barcode', { itemId: depot.items.water.id, barcode: internalGtin(3), quantity: 1 });
    await call(backend, 'catalog:add-barcode', {
      itemId: depot.items.water.id,
      barcode: internalGtin(9),
      quantity: 24,
    });
    expect((await call(backend, 'catalog:assign-internal-code', { itemId: depot.items.quilt.id })).barcode).toBe(
      internalGtin(10),
    );
  });

  test('the counter survives closing and reopening the database file', async () => {
    await call(backend, 'catalog:assign-internal-code', { itemId: depot.items.tent.id });
    backend.close();
    backend = openBackend({ role: 'admin', dbPath: tmp.dbPath });
    expect((await call(backend, 'catalog:assign-internal-code', { itemId: depot.items.quilt.id })).barcode).toBe(
      internalGtin(2),
    );
  });

  test('an unknown item is refused as not found', async () => {
    const error = await refusal(backend, 'catalog:assign-internal-code', {
      itemId: '01900000-0000-7000-8000-000000000000',
    });
    expect(error.code).toBe('not-found');
  });
});

describe('what labels print, in one call', () => {
  test('item labels carry name, spec, unit, code and barcodes, in the order asked', async () => {
    await call(backend, 'catalog:add-barcode', {
      itemId: depot.items.water.id,
      barcode: '16901234567899',
      quantity: 24,
    });
    await call(backend, 'catalog:add-barcode', { itemId: depot.items.water.id, barcode: '6901234567892', quantity: 1 });
    const data = await call(backend, 'catalog:get-label-data', {
      kind: 'items',
      entries: [{ id: depot.items.water.id }, { id: depot.items.tent.id }],
    });
    expect(data).toEqual({
      kind: 'items',
      items: [
        {
          id: depot.items.water.id,
          code: 'KS-550',
          name: '矿泉水',
          spec: '550 ml',
          baseUnit: '瓶',
          packSize: 24,
          barcodes: [
            { barcode: '6901234567892', quantity: 1 },
            { barcode: '16901234567899', quantity: 24 },
          ],
        },
        {
          id: depot.items.tent.id,
          code: 'ZP-12',
          name: '单帐篷',
          spec: '12 m²',
          baseUnit: '顶',
          packSize: 1,
          barcodes: [],
        },
      ],
    });
  });

  test('a batch label names its dates, origin, receipt day and every source that received it, donor included', async () => {
    const batchId = await receiveWaterBatch();
    const data = await call(backend, 'catalog:get-label-data', { kind: 'batches', entries: [{ id: batchId }] });
    if (data.kind !== 'batches') throw new Error(data.kind);
    expect(data.batches[0]).toMatchObject({
      batchNo: 'W2026-01',
      productionDate: '2026-01-15',
      expiryDate: '2027-01-15',
      origin: '浙江杭州',
      receiptDate: '2026-03-02',
      item: { code: 'KS-550', name: '矿泉水' },
      sources: [
        { name: '社会捐赠-爱心企业', kind: 'donation', donorName: '爱心企业有限公司' },
        { name: '市级储备', kind: 'city', donorName: null },
      ],
    });
  });

  test('a batch label for one source names only that source', async () => {
    const batchId = await receiveWaterBatch();
    const data = await call(backend, 'catalog:get-label-data', {
      kind: 'batches',
      entries: [{ id: batchId, sourceId: depot.sources.city.id }],
    });
    if (data.kind !== 'batches') throw new Error(data.kind);
    expect(data.batches[0]!.sources).toEqual([{ name: '市级储备', kind: 'city', donorName: null }]);
  });

  test('location labels name the slot and its zone', async () => {
    const data = await call(backend, 'catalog:get-label-data', {
      kind: 'locations',
      entries: [{ id: depot.locations.a02.id }, { id: depot.locations.zone.id }],
    });
    expect(data).toEqual({
      kind: 'locations',
      locations: [
        { id: depot.locations.a02.id, code: 'A-02', name: 'A区02货位', kind: 'slot', zoneName: 'A库区' },
        { id: depot.locations.zone.id, code: 'A', name: 'A库区', kind: 'zone', zoneName: null },
      ],
    });
  });

  test.each([
    ['items', 'item'],
    ['batches', 'batch'],
    ['locations', 'location'],
  ] as const)('a %s label set naming a missing record is refused as not found', async (kind, entity) => {
    const missing = '01900000-0000-7000-8000-000000000000';
    const error = await refusal(backend, 'catalog:get-label-data', {
      kind,
      entries: [{ id: kind === 'items' ? depot.items.tent.id : depot.locations.a01.id }, { id: missing }],
    });
    if (kind === 'batches') expect(error).toMatchObject({ code: 'not-found' });
    else expect(error).toMatchObject({ code: 'not-found', details: { entity, id: missing } });
  });

  test('an empty label set is refused at the door', async () => {
    expect((await refusal(backend, 'catalog:get-label-data', { kind: 'items', entries: [] })).code).toBe(
      'invalid-input',
    );
  });
});
