/**
 * A posted document keeps its party as it was posted: editing a receiving unit's name or contact in the
 * catalog changes new slips, never the ones already posted (a reprint must match the paper that left).
 */
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend/index';
import { call, seedDepot, type Depot } from '../fixtures/depot';
import { makeTempDir } from '../fixtures/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
let backend: Backend;
let depot: Depot;

beforeEach(async () => {
  tmp = makeTempDir();
  backend = openBackend({ role: 'admin', dbPath: tmp.dbPath });
  depot = await seedDepot(backend);
  await call(backend, 'stock:post-receipt', {
    kind: 'allocation',
    sourceId: depot.sources.city.id,
    partyId: depot.parties.bureau.id,
    lines: [{ itemId: depot.items.tent.id, units: 20, locationId: depot.locations.a01.id }],
  });
});
afterEach(() => {
  backend.close();
  tmp.cleanup();
});

function dispatchTents(units: number) {
  return call(backend, 'stock:post-dispatch', {
    kind: 'distribution',
    receivingUnitId: depot.parties.town.id,
    orderNo: '应急调〔2026〕5号',
    lines: [{ itemId: depot.items.tent.id, units }],
  });
}

test('a receiving unit renamed and given a new contact after posting: the posted slip keeps the old, the next slip has the new', async () => {
  const first = await dispatchTents(5);
  await call(backend, 'catalog:save-party', {
    id: depot.parties.town.id,
    kind: 'receiving_unit',
    name: '青山街道办事处',
    contact: '李主任',
    phone: '13900002222',
  });
  const second = await dispatchTents(3);

  const before = await call(backend, 'documents:get', { id: first.id });
  expect([before.partyName, before.partyContact, before.partyPhone]).toEqual([
    '青山镇人民政府',
    '王主任',
    '13800001111',
  ]);
  const after = await call(backend, 'documents:get', { id: second.id });
  expect([after.partyName, after.partyContact, after.partyPhone]).toEqual(['青山街道办事处', '李主任', '13900002222']);
  const listed = await call(backend, 'documents:list', { kind: 'dispatch' });
  expect(listed.rows.map((r) => [r.number, r.partyName])).toEqual(
    expect.arrayContaining([
      [first.number, '青山镇人民政府'],
      [second.number, '青山街道办事处'],
    ]),
  );
});

test('the party kept with a posted document cannot be changed or removed, even with SQL', async () => {
  const posted = await dispatchTents(2);
  backend.close();
  const db = new Database(tmp.dbPath);
  try {
    expect(() => db.prepare("UPDATE document_parties SET contact = 'x' WHERE document_id = ?").run(posted.id)).toThrow(
      /append-only/,
    );
    expect(() => db.prepare('DELETE FROM document_parties WHERE document_id = ?').run(posted.id)).toThrow(
      /append-only/,
    );
    expect(db.prepare('SELECT contact FROM document_parties WHERE document_id = ?').pluck().get(posted.id)).toBe(
      '王主任',
    );
  } finally {
    db.close();
    backend = openBackend({ role: 'admin', dbPath: tmp.dbPath });
  }
});
