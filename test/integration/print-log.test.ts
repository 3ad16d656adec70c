/**
 * The print log and the print defaults on a real SQLite file: every print of a slip is numbered so a
 * reprint says 补打 第N次, nothing in the log can be changed, a slip of a missing document is never
 * logged, and the per-kind defaults are validated and saved kind by kind.
 */
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend/index';
import { uuidv7Pattern } from '../../electron/backend/ids';
import { stockCardTarget } from '../../shared/print/stockCardTarget';
import { call, refusal, seedDepot, type Depot } from '../fixtures/depot';
import { makeTempDir } from '../fixtures/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
let backend: Backend;
let depot: Depot;
let clock: Date;
let operator: string;

beforeEach(async () => {
  tmp = makeTempDir();
  clock = new Date(Date.UTC(2026, 10, 26, 1, 0, 0));
  operator = '张保管';
  backend = openBackend({ role: 'admin', dbPath: tmp.dbPath, now: () => new Date(clock), operator: () => operator });
  depot = await seedDepot(backend);
});
afterEach(() => {
  backend.close();
  tmp.cleanup();
});

async function postDispatch() {
  await call(backend, 'stock:post-receipt', {
    kind: 'allocation',
    sourceId: depot.sources.city.id,
    partyId: depot.parties.bureau.id,
    lines: [{ itemId: depot.items.tent.id, units: 20, locationId: depot.locations.a01.id }],
  });
  return call(backend, 'stock:post-dispatch', {
    kind: 'allocation',
    receivingUnitId: depot.parties.town.id,
    orderNo: '市应急调〔2026〕15号',
    lines: [{ itemId: depot.items.tent.id, units: 5, cartons: 0, sourceId: null }],
  });
}

describe('the print log (打印记录)', () => {
  test('a dispatch slip printed, reprinted and saved as PDF is logged 1, 2, 3 with printer, paper, copies and operator', async () => {
    const slip = await postDispatch();
    expect(await call(backend, 'print:history', { kind: 'dispatch-slip', target: slip.id })).toEqual({
      count: 0,
      entries: [],
    });

    const first = await call(backend, 'print:record', {
      kind: 'dispatch-slip',
      target: slip.id,
      paper: 'continuous-241',
      copies: 4,
      via: 'direct',
      printer: 'EPSON_LQ_630K',
    });
    expect(first).toMatchObject({
      kind: 'dispatch-slip',
      target: slip.id,
      documentId: slip.id,
      paper: 'continuous-241',
      copies: 4,
      via: 'direct',
      printer: 'EPSON_LQ_630K',
      operator: '张保管',
      printedAt: '2026-11-26T01:00:00.000Z',
      sequence: 1,
    });
    expect(first.id).toMatch(uuidv7Pattern);

    clock = new Date(Date.UTC(2026, 10, 26, 3, 30, 0));
    operator = '李保管';
    await call(backend, 'print:record', {
      kind: 'dispatch-slip',
      target: slip.id,
      paper: 'a4-portrait',
      copies: 1,
      via: 'dialog',
      printer: null,
    });
    await call(backend, 'print:record', {
      kind: 'dispatch-slip',
      target: slip.id,
      paper: 'a4-portrait',
      copies: 1,
      via: 'pdf',
      printer: null,
    });

    const history = await call(backend, 'print:history', { kind: 'dispatch-slip', target: slip.id });
    expect(history.count).toBe(3);
    expect(history.entries.map((e) => [e.sequence, e.via, e.printer, e.operator, e.printedAt])).toEqual([
      [1, 'direct', 'EPSON_LQ_630K', '张保管', '2026-11-26T01:00:00.000Z'],
      [2, 'dialog', null, '李保管', '2026-11-26T03:30:00.000Z'],
      [3, 'pdf', null, '李保管', '2026-11-26T03:30:00.000Z'],
    ]);
  });

  test('each printout counts on its own: the receipt slip and the stock card keep their own numbers', async () => {
    const slip = await postDispatch();
    const receipt = (await call(backend, 'documents:list', { kind: 'receipt' })).rows[0]!;
    const record = (kind: 'dispatch-slip' | 'receipt-slip' | 'stock-card', target: string) =>
      call(backend, 'print:record', { kind, target, paper: 'a4-portrait', copies: 1, via: 'pdf', printer: null });
    await record('dispatch-slip', slip.id);
    await record('dispatch-slip', slip.id);
    expect((await record('receipt-slip', receipt.id)).sequence).toBe(1);
    // A stock card prints for an item, not a document: no document is referenced.
    const card = stockCardTarget({ itemId: depot.items.tent.id, from: null, to: null, sourceId: null, batchId: null });
    expect(await record('stock-card', card)).toMatchObject({ sequence: 1, documentId: null });
    expect((await call(backend, 'print:history', { kind: 'dispatch-slip', target: slip.id })).count).toBe(2);
  });

  test('a slip of a document that does not exist, or of another kind, is refused and not logged', async () => {
    const slip = await postDispatch();
    const missing = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
    const base = { paper: 'a4-portrait', copies: 1, via: 'pdf', printer: null } as const;
    expect(await refusal(backend, 'print:record', { kind: 'dispatch-slip', target: missing, ...base })).toMatchObject({
      code: 'not-found',
      details: { entity: 'document', id: missing },
    });
    // The dispatch's id asked for as a receipt slip is not a receipt.
    expect((await refusal(backend, 'print:record', { kind: 'receipt-slip', target: slip.id, ...base })).code).toBe(
      'not-found',
    );
    expect((await call(backend, 'print:history', { kind: 'dispatch-slip', target: missing })).count).toBe(0);
    expect((await call(backend, 'print:history', { kind: 'receipt-slip', target: slip.id })).count).toBe(0);
  });

  test.each([
    ['a direct print without a printer', { via: 'direct', printer: null }],
    ['a PDF naming a printer', { via: 'pdf', printer: 'EPSON_LQ_630K' }],
    ['no copies', { copies: 0 }],
    ['a hundred copies', { copies: 100 }],
    ['an unknown paper', { paper: 'letter' }],
    ['an unknown kind', { kind: 'invoice' }],
  ])('%s is invalid input and nothing is logged', async (_name, change) => {
    const slip = await postDispatch();
    const input = {
      kind: 'dispatch-slip',
      target: slip.id,
      paper: 'a4-portrait',
      copies: 1,
      via: 'dialog',
      printer: null,
      ...change,
    };
    expect((await refusal(backend, 'print:record', input)).code).toBe('invalid-input');
    expect((await call(backend, 'print:history', { kind: 'dispatch-slip', target: slip.id })).count).toBe(0);
  });

  test('the log cannot be changed or deleted, even by SQL on the file', async () => {
    const slip = await postDispatch();
    await call(backend, 'print:record', {
      kind: 'dispatch-slip',
      target: slip.id,
      paper: 'a4-portrait',
      copies: 1,
      via: 'pdf',
      printer: null,
    });
    backend.close();
    const db = new Database(tmp.dbPath);
    try {
      expect(() => db.prepare('UPDATE print_log SET sequence = 9').run()).toThrow(/immutable/);
      expect(() => db.prepare('DELETE FROM print_log').run()).toThrow(/immutable/);
      expect(db.prepare('SELECT count(*) FROM print_log').pluck().get()).toBe(1);
    } finally {
      db.close();
    }
    backend = openBackend({ role: 'admin', dbPath: tmp.dbPath });
  });
});

describe('print defaults per kind of printout', () => {
  test('start empty, are saved kind by kind and survive reopening the database', async () => {
    expect((await call(backend, 'settings:get')).printDefaults).toEqual({});
    await call(backend, 'settings:update', {
      printDefaults: { 'dispatch-slip': { printer: 'EPSON_LQ_630K', paper: 'continuous-241', copies: 4 } },
    });
    await call(backend, 'settings:update', {
      printDefaults: { 'receipt-slip': { printer: null, paper: 'a4-portrait', copies: 2 } },
    });
    backend.close();
    backend = openBackend({ role: 'admin', dbPath: tmp.dbPath });
    expect((await call(backend, 'settings:get')).printDefaults).toEqual({
      'dispatch-slip': { printer: 'EPSON_LQ_630K', paper: 'continuous-241', copies: 4 },
      'receipt-slip': { printer: null, paper: 'a4-portrait', copies: 2 },
    });
  });

  test.each([
    ['labels on a dispatch-slip paper', { labels: { printer: null, paper: 'a4-portrait', copies: 1 } }],
    ['a dispatch slip on label stock', { 'dispatch-slip': { printer: null, paper: 'label-60x40', copies: 1 } }],
    ['no copies', { 'dispatch-slip': { printer: null, paper: 'a4-portrait', copies: 0 } }],
    ['an unknown kind', { invoice: { printer: null, paper: 'a4-portrait', copies: 1 } }],
    ['an empty printer name', { 'dispatch-slip': { printer: ' ', paper: 'a4-portrait', copies: 1 } }],
  ])('%s is refused and the saved defaults stay', async (_name, printDefaults) => {
    await call(backend, 'settings:update', {
      printDefaults: { 'dispatch-slip': { printer: null, paper: 'a5-landscape', copies: 3 } },
    });
    expect((await refusal(backend, 'settings:update', { printDefaults })).code).toBe('invalid-input');
    expect((await call(backend, 'settings:get')).printDefaults).toEqual({
      'dispatch-slip': { printer: null, paper: 'a5-landscape', copies: 3 },
    });
  });
});
