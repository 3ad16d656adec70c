import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend/index';
import { batchLabelElementString, internalGtin, locationLabelData } from '../../shared/barcode/payloads';
import { call, refusal, seedDepot, type Depot } from '../fixtures/depot';
import { makeTempDir } from '../fixtures/temp-dir';

const GS = '\x1d';
let tmp: ReturnType<typeof makeTempDir>;
let backend: Backend;
let depot: Depot;

beforeEach(async () => {
  tmp = makeTempDir();
  // Pinned so the GS1 century window and "today" are the same on every run.
  backend = openBackend({ role: 'admin', dbPath: tmp.dbPath, now: () => new Date('2026-11-28T08:00:00Z') });
  depot = await seedDepot(backend);
  // Water: unit EAN-13 and the carton's GTIN-14 (24 bottles); quilts: our own internal code.
  await call(backend, 'catalog:add-barcode', { itemId: depot.items.water.id, barcode: '6901234567892', quantity: 1 });
  await call(backend, 'catalog:add-barcode', {
    itemId: depot.items.water.id,
    barcode: '16901234567899',
    quantity: 24,
  });
  await call(backend, 'catalog:add-barcode', { itemId: depot.items.quilt.id, barcode: internalGtin(1), quantity: 1 });
});
afterEach(() => {
  backend.close();
  tmp.cleanup();
});

const resolve = (code: string) => call(backend, 'scan:resolve', { code });

describe('scan:resolve — what a scanned code stands for', () => {
  test('a unit barcode stands for one unit, a carton barcode for the pack size, of the same item', async () => {
    expect(await resolve('6901234567892')).toMatchObject({ kind: 'item', item: { code: 'KS-550' }, quantity: 1 });
    expect(await resolve('16901234567899')).toMatchObject({ kind: 'item', item: { code: 'KS-550' }, quantity: 24 });
    expect(await resolve(internalGtin(1))).toMatchObject({ kind: 'item', item: { code: 'MB-01' }, quantity: 1 });
  });

  test('a GTIN is found under its other length: the GTIN-14 of a registered EAN-13', async () => {
    expect(await resolve('06901234567892')).toMatchObject({ kind: 'item', item: { code: 'KS-550' }, quantity: 1 });
  });

  test('a wrong check digit is refused with its own translated code, never read as unknown', async () => {
    const error = await refusal(backend, 'scan:resolve', { code: '6901234567893' });
    expect(error).toMatchObject({ code: 'barcode-check-digit', details: { barcode: '6901234567893' } });
    const inGs1 = await refusal(backend, 'scan:resolve', { code: '(01)06901234567893(10)B1' });
    expect(inGs1).toMatchObject({ code: 'barcode-check-digit', details: { ai: '01' } });
  });

  test('a broken GS1 string says why: here an expiry of 31 April', async () => {
    expect(await refusal(backend, 'scan:resolve', { code: '(01)06901234567892(17)270431' })).toMatchObject({
      code: 'gs1-invalid',
      details: { problem: 'date', ai: '17' },
    });
  });

  test('a GS1 string gives item, batch, dates and count; the carton GTIN × (37) count in base units', async () => {
    const scanned = await resolve(`]C10106901234567892112605011727043010W-2026${GS}`);
    expect(scanned).toMatchObject({
      kind: 'gs1',
      item: { code: 'KS-550' },
      quantity: 1,
      batchNo: 'W-2026',
      productionDate: '2026-05-01',
      expiryDate: '2027-04-30',
      batch: null,
      gtin: '6901234567892',
    });
    expect(await resolve('(02)16901234567899(37)5')).toMatchObject({ kind: 'gs1', quantity: 120 });
    // Raw concatenation, as a scanner without FNC1 transmission sends it.
    expect(await resolve('0106901234567892172712311012345')).toMatchObject({
      kind: 'gs1',
      expiryDate: '2027-12-31',
      batchNo: '12345',
    });
  });

  test('a GS1 batch already in the depot is named with its stored dates', async () => {
    await call(backend, 'stock:post-receipt', {
      kind: 'purchase',
      sourceId: depot.sources.city.id,
      lines: [
        {
          itemId: depot.items.water.id,
          units: 48,
          locationId: depot.locations.a01.id,
          batchNo: 'W-2026',
          productionDate: '2026-05-01',
          expiryDate: '2027-04-30',
        },
      ],
    });
    const scanned = await resolve('(01)06901234567892(10)W-2026');
    expect(scanned).toMatchObject({
      kind: 'gs1',
      batch: { batchNo: 'W-2026', productionDate: '2026-05-01', expiryDate: '2027-04-30' },
    });
  });

  test('our batch label for an item without a GTIN names the item by its code in (91)', async () => {
    const label = batchLabelElementString({ itemCode: 'ZP-12', batchNo: 'T-7', productionDate: '2026-01-15' });
    expect(await resolve(label)).toMatchObject({
      kind: 'batch-label',
      item: { code: 'ZP-12' },
      batchNo: 'T-7',
      productionDate: '2026-01-15',
      quantity: 1,
    });
    // As a scanner sends it: production date, then the variable (91) ended by GS, then the batch.
    expect(await resolve(`1126011591ZP-12${GS}10T-7`)).toMatchObject({ kind: 'batch-label', item: { code: 'ZP-12' } });
  });

  test('a GS1 string with a GTIN no item carries is read, with no item, so it can be assigned', async () => {
    expect(await resolve('(01)09501101530003(10)X')).toMatchObject({
      kind: 'gs1',
      item: null,
      gtin: '9501101530003',
      batchNo: 'X',
    });
  });

  test('a location label sets a slot; an unknown slot code is unknown', async () => {
    expect(await resolve(locationLabelData('A-01'))).toMatchObject({
      kind: 'location',
      location: { id: depot.locations.a01.id, name: 'A区01货位' },
    });
    expect(await resolve('RRL-Z-99')).toEqual({ kind: 'unknown', code: 'RRL-Z-99' });
  });

  test('a document number opens that document', async () => {
    const posted = await call(backend, 'stock:post-receipt', {
      kind: 'purchase',
      sourceId: depot.sources.city.id,
      lines: [{ itemId: depot.items.tent.id, units: 3, locationId: depot.locations.a01.id }],
    });
    expect(await resolve(posted.number)).toMatchObject({ kind: 'document', document: { id: posted.id } });
  });

  test('a valid GTIN nobody registered, and any other text, are unknown; nothing is written', async () => {
    expect(await resolve('9501101530003')).toEqual({ kind: 'unknown', code: '9501101530003' });
    expect(await resolve('XYZ-123456')).toEqual({ kind: 'unknown', code: 'XYZ-123456' });
    expect((await call(backend, 'catalog:get-item', { id: depot.items.water.id })).barcodes).toHaveLength(2);
  });

  test('a registered code wins over every other reading (even one that looks like a GS1 string)', async () => {
    await call(backend, 'catalog:add-barcode', { itemId: depot.items.tent.id, barcode: '0112345', quantity: 1 });
    await call(backend, 'catalog:add-barcode', { itemId: depot.items.tent.id, barcode: 'RK-OLD-1', quantity: 1 });
    expect(await resolve('0112345')).toMatchObject({ kind: 'item', item: { code: 'ZP-12' } });
    expect(await resolve('RK-OLD-1')).toMatchObject({ kind: 'item', item: { code: 'ZP-12' } });
  });

  test('once an unknown code is assigned to an item it is recognised', async () => {
    expect((await resolve('9501101530003')).kind).toBe('unknown');
    await call(backend, 'catalog:add-barcode', { itemId: depot.items.tent.id, barcode: '9501101530003', quantity: 1 });
    expect(await resolve('9501101530003')).toMatchObject({ kind: 'item', item: { code: 'ZP-12' } });
  });

  test('input that no scanner sends is refused at the door', async () => {
    expect((await refusal(backend, 'scan:resolve', { code: '' })).code).toBe('invalid-input');
    expect((await refusal(backend, 'scan:resolve', { code: 'has space' })).code).toBe('invalid-input');
    expect((await refusal(backend, 'scan:resolve', { code: 'x'.repeat(201) })).code).toBe('invalid-input');
  });
});
