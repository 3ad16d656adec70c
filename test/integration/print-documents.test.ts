/**
 * What the transfer slip, the write-off application and the stock card print from, on a real SQLite
 * file: a transfer line's two ledger entries (from and to), a write-off's reason and applicant, a stock
 * card selection that the print log checks before it counts a print, and the papers each kind may keep
 * as its default.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend/index';
import { stockCardTarget } from '../../shared/print/stockCardTarget';
import { call, refusal, seedDepot, type Depot } from '../fixtures/depot';
import { makeTempDir } from '../fixtures/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
let backend: Backend;
let depot: Depot;

beforeEach(async () => {
  tmp = makeTempDir();
  backend = openBackend({
    role: 'admin',
    dbPath: tmp.dbPath,
    now: () => new Date(2026, 10, 26, 9, 0, 0),
    operator: () => '张保管',
  });
  depot = await seedDepot(backend);
  await call(backend, 'stock:post-receipt', {
    kind: 'allocation',
    sourceId: depot.sources.city.id,
    partyId: depot.parties.bureau.id,
    lines: [
      { itemId: depot.items.tent.id, units: 30, locationId: depot.locations.a01.id, batchNo: 'ZP2026A' },
      { itemId: depot.items.quilt.id, cartons: 8, locationId: depot.locations.a01.id, batchNo: 'MB2026A' },
    ],
  });
});
afterEach(() => {
  backend.close();
  tmp.cleanup();
});

async function stockOf(itemId: string) {
  const [row] = await call(backend, 'stock:on-hand', { itemId });
  return row!;
}

async function postTransfer() {
  const tent = await stockOf(depot.items.tent.id);
  const quilt = await stockOf(depot.items.quilt.id);
  const posted = await call(backend, 'stock:post-transfer', {
    remarks: '腾空 A-01 货位',
    lines: [
      { ...keyOf(tent), fromLocationId: tent.locationId, toLocationId: depot.locations.a02.id, units: 12 },
      { ...keyOf(quilt), fromLocationId: quilt.locationId, toLocationId: depot.locations.a02.id, cartons: 3 },
    ],
  });
  return call(backend, 'documents:get', { id: posted.id });
}

function keyOf(row: { itemId: string; batchId: string; sourceId: string }) {
  return { itemId: row.itemId, batchId: row.batchId, sourceId: row.sourceId };
}

async function postWriteOff() {
  const tent = await stockOf(depot.items.tent.id);
  const posted = await call(backend, 'stock:post-write-off', {
    reason: '洪水浸泡后霉变，经质检不可再用',
    lines: [{ ...keyOf(tent), locationId: tent.locationId, units: 4, remarks: '篷布霉斑' }],
  });
  return call(backend, 'documents:get', { id: posted.id });
}

const pdf = { paper: 'a4-portrait', copies: 1, via: 'pdf', printer: null } as const;

describe('a transfer read for its slip', () => {
  test('each line moved one batch out of one slot and into another: the slip prints both', async () => {
    const doc = await postTransfer();
    expect(doc.kind).toBe('transfer');
    expect(doc.remarks).toBe('腾空 A-01 货位');
    expect(doc.lines.map((l) => [l.itemCode, l.quantity])).toEqual([
      ['ZP-12', 12],
      ['MB-01', 30],
    ]);
    for (const line of doc.lines) {
      const entries = doc.entries.filter((e) => e.lineId === line.id);
      const moves = entries.map((e) => [e.locationCode, e.quantity]).sort((a, b) => Number(a[1]) - Number(b[1]));
      expect(moves).toEqual([
        ['A-01', -line.quantity],
        ['A-02', line.quantity],
      ]);
      expect(new Set(entries.map((e) => e.batchId)).size).toBe(1);
    }
  });

  test('its slip is logged against the document; a write-off id asked for as a transfer slip is refused', async () => {
    const transfer = await postTransfer();
    const writeOff = await postWriteOff();
    expect(await call(backend, 'print:record', { kind: 'transfer-slip', target: transfer.id, ...pdf })).toMatchObject({
      documentId: transfer.id,
      sequence: 1,
    });
    expect((await refusal(backend, 'print:record', { kind: 'transfer-slip', target: writeOff.id, ...pdf })).code).toBe(
      'not-found',
    );
    expect((await call(backend, 'print:history', { kind: 'transfer-slip', target: writeOff.id })).count).toBe(0);
  });
});

describe('a write-off read for its application', () => {
  test('carries the reason, the applicant, the date and each line’s value', async () => {
    const doc = await postWriteOff();
    expect(doc).toMatchObject({ kind: 'write_off', reason: '洪水浸泡后霉变，经质检不可再用', operator: '张保管' });
    expect(doc.docDate).toBe('2026-11-26');
    expect(doc.lines[0]).toMatchObject({ itemCode: 'ZP-12', quantity: 4, remarks: '篷布霉斑' });
    expect(doc.lines[0]!.unitValueFen).toBeGreaterThan(0);
    expect(
      await call(backend, 'print:record', { kind: 'write-off-application', target: doc.id, ...pdf }),
    ).toMatchObject({ documentId: doc.id, sequence: 1 });
  });
});

describe('a printed stock card', () => {
  test('is logged per item and range: the same range again is a reprint, another range counts on its own', async () => {
    const tent = depot.items.tent.id;
    const november = stockCardTarget({
      itemId: tent,
      from: '2026-11-01',
      to: '2026-11-30',
      sourceId: null,
      batchId: null,
    });
    const all = stockCardTarget({ itemId: tent, from: null, to: null, sourceId: null, batchId: null });
    await call(backend, 'print:record', { kind: 'stock-card', target: november, ...pdf });
    expect(await call(backend, 'print:record', { kind: 'stock-card', target: november, ...pdf })).toMatchObject({
      sequence: 2,
      documentId: null,
    });
    expect((await call(backend, 'print:record', { kind: 'stock-card', target: all, ...pdf })).sequence).toBe(1);
  });

  test('of an item that does not exist is refused and not logged', async () => {
    const missing = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
    const target = stockCardTarget({ itemId: missing, from: null, to: null, sourceId: null, batchId: null });
    expect(await refusal(backend, 'print:record', { kind: 'stock-card', target, ...pdf })).toMatchObject({
      code: 'not-found',
      details: { entity: 'item', id: missing },
    });
    expect((await call(backend, 'print:history', { kind: 'stock-card', target })).count).toBe(0);
  });

  test.each([
    ['a bare item id', (id: string) => id],
    ['a range that ends before it starts', (id: string) => `item=${id}&from=2026-11-30&to=2026-11-01`],
    ['a date that is not one', (id: string) => `item=${id}&from=26.11.2026`],
    ['an unknown filter', (id: string) => `item=${id}&location=A-01`],
  ])('%s is invalid input and nothing is logged', async (_name, target) => {
    const text = target(depot.items.tent.id);
    const error = await refusal(backend, 'print:record', { kind: 'stock-card', target: text, ...pdf });
    expect(error.code).toBe('invalid-input');
    expect((await call(backend, 'print:history', { kind: 'stock-card', target: text })).count).toBe(0);
  });
});

describe('print defaults of the new printouts', () => {
  test('a write-off application on A5, a stock card on the fan-fold form and a transfer slip on a thermal roll are kept', async () => {
    const printDefaults = {
      'write-off-application': { printer: null, paper: 'a5-landscape', copies: 2 },
      'stock-card': { printer: 'EPSON_LQ_630K', paper: 'continuous-241', copies: 1 },
      'transfer-slip': { printer: 'XP-80C', paper: 'thermal-80', copies: 1 },
    } as const;
    await call(backend, 'settings:update', { printDefaults });
    expect((await call(backend, 'settings:get')).printDefaults).toEqual(printDefaults);
  });

  test.each([
    [
      'a write-off application on a thermal roll',
      { 'write-off-application': { printer: null, paper: 'thermal-80', copies: 1 } },
    ],
    ['a stock card on a thermal roll', { 'stock-card': { printer: null, paper: 'thermal-80', copies: 1 } }],
  ])('%s is refused: the form is not laid out for it', async (_name, printDefaults) => {
    expect((await refusal(backend, 'settings:update', { printDefaults })).code).toBe('invalid-input');
    expect((await call(backend, 'settings:get')).printDefaults).toEqual({});
  });
});
