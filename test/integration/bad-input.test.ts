import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Channel } from '../../shared/contract';
import { openBackend, type Backend } from '../../electron/backend/index';
import { call, seedDepot, type Depot } from '../fixtures/depot';
import { dumpContent } from '../fixtures/ledger-invariants';
import { makeTempDir } from '../fixtures/temp-dir';

/**
 * Thousands of malformed and hostile inputs to every write channel: each gets a clear refusal
 * (never `internal`, never a crash), and the database content is exactly what it was.
 */

type FieldKind =
  'delta' | 'id' | 'draft-link' | 'text' | 'code' | 'barcode' | 'count' | 'date' | 'bool' | 'enum' | 'lines' | 'phone';
interface WriteCase {
  channel: Channel;
  base: (w: World) => Record<string, unknown>;
  /** Paths into the base input (dots; numbers index arrays) and what each holds; `?` marks a nullable field. */
  fields: Record<string, FieldKind | `${FieldKind}?`>;
}
interface World {
  depot: Depot;
  /** A receipt whose goods are all still here, so it can be reversed. */
  receiptId: string;
  pendingDispatchId: string;
  spareItemId: string;
  barcodeId: string;
  draftId: string;
  stockKey: { itemId: string; batchId: string; sourceId: string; locationId: string };
}

const unknownId = '01900000-0000-7000-8000-00000000dead';
const huge = 'x'.repeat(100_000);
const sqlish = "'); DROP TABLE ledger_entries; --";

/** Values that no field of that kind may accept. */
const invalidFor: Record<FieldKind, unknown[]> = {
  id: [
    unknownId,
    '',
    'not-an-id',
    sqlish,
    '😀',
    42,
    -1,
    null,
    true,
    {},
    [],
    huge,
    '01900000-0000-7000-8000-00000000DEAD ',
  ],
  // A posting that names a draft removes it if it is still there; a draft already gone must not stop goods leaving.
  'draft-link': ['', 'not-an-id', sqlish, 42, true, {}, huge],
  text: [42, null, true, {}, ['a'], huge, 3.5],
  code: ['', '   ', 'a b', sqlish, '编码', '😀', 'x'.repeat(33), 7, null, {}, huge, '-lead'],
  count: [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 1e12, '5', null, true, {}, [], -0.0001, 2 ** 53],
  delta: [0, 1.5, -2.25, Number.NaN, Number.NEGATIVE_INFINITY, -1e12, '5', null, true, {}, [], 2 ** 53],
  date: [
    '2026-02-30',
    '2026-13-01',
    '26-11-28',
    '2026/11/28',
    '',
    20261128,
    null,
    true,
    '9999-12-31',
    sqlish,
    '2026-11-28T00:00:00Z',
  ],
  barcode: ['', ' ', 'a b', '编码', '😀', 'x'.repeat(81), 7, null, {}, '\u001d'],
  bool: ['true', 1, 0, null, {}, 'yes'],
  enum: ['', 'unknown-kind', 7, null, sqlish, '😀', {}],
  lines: [[], 'lines', null, {}, 42, Array.from({ length: 501 }, () => ({}))],
  phone: ['13800001111abc', sqlish, '😀', 42, {}, 'x'.repeat(31)],
};

const receiptLine = (w: World) => ({ itemId: w.depot.items.tent.id, units: 3, locationId: w.depot.locations.a01.id });

const cases: WriteCase[] = [
  {
    channel: 'settings:update',
    base: () => ({ depotName: '市储备中心' }),
    fields: { depotName: 'text', siteCode: 'code', language: 'enum' },
  },
  {
    channel: 'catalog:create-item',
    base: () => ({ code: 'NEW-1', name: '折叠床', baseUnit: '张', packSize: 2 }),
    fields: {
      code: 'code',
      name: 'text',
      spec: 'text',
      baseUnit: 'text',
      packSize: 'count',
      hasShelfLife: 'bool',
      shelfLifeDays: 'count?',
      minStock: 'count',
      reserveQuota: 'count',
      personsPerUnit: 'count',
      unitValueFen: 'count',
      categoryId: 'id?',
    },
  },
  {
    channel: 'catalog:update-item',
    base: (w) => ({ id: w.spareItemId, patch: { name: '睡袋(改)' } }),
    fields: {
      id: 'id',
      patch: 'enum',
      'patch.name': 'text',
      'patch.packSize': 'count',
      'patch.active': 'bool',
      'patch.code': 'code',
    },
  },
  { channel: 'catalog:delete-item', base: (w) => ({ id: w.spareItemId }), fields: { id: 'id' } },
  {
    channel: 'catalog:add-barcode',
    base: (w) => ({ itemId: w.depot.items.quilt.id, barcode: '6901234567892', quantity: 10 }),
    fields: { itemId: 'id', barcode: 'barcode', quantity: 'count' },
  },
  { channel: 'catalog:remove-barcode', base: (w) => ({ id: w.barcodeId }), fields: { id: 'id' } },
  {
    channel: 'catalog:save-category',
    base: () => ({ code: '1010101', name: '帐篷' }),
    fields: { code: 'code', name: 'text', parentId: 'id?', id: 'id' },
  },
  {
    channel: 'catalog:save-source',
    base: () => ({ code: 'COUNTY', name: '县级储备', kind: 'county' }),
    fields: { code: 'code', name: 'text', kind: 'enum', donorId: 'id?', id: 'id', active: 'bool' },
  },
  {
    channel: 'catalog:save-party',
    base: () => ({ kind: 'receiving_unit', name: '西山镇', phone: '0512-1234567' }),
    fields: { kind: 'enum', name: 'text', phone: 'phone', contact: 'text', address: 'text', id: 'id' },
  },
  {
    channel: 'catalog:save-location',
    base: () => ({ code: 'C-01', name: 'C区', kind: 'zone' }),
    fields: { code: 'code', name: 'text', kind: 'enum', zoneId: 'id?', id: 'id' },
  },
  {
    channel: 'catalog:import-items',
    base: () => ({
      format: 'csv',
      contentBase64: Buffer.from('编码,名称,单位\nIMP-1,雨衣,件\n').toString('base64'),
      mode: 'all-or-nothing',
    }),
    fields: { format: 'enum', mode: 'enum', contentBase64: 'text' },
  },
  {
    channel: 'stock:post-receipt',
    base: (w) => ({ kind: 'allocation', sourceId: w.depot.sources.city.id, lines: [receiptLine(w)] }),
    fields: {
      kind: 'enum',
      sourceId: 'id',
      partyId: 'id?',
      docDate: 'date',
      remarks: 'text',
      lines: 'lines',
      'lines.0.itemId': 'id',
      'lines.0.units': 'count',
      'lines.0.cartons': 'count',
      'lines.0.locationId': 'id',
      'lines.0.batchNo': 'text',
      'lines.0.productionDate': 'date?',
      'lines.0.expiryDate': 'date?',
      draftId: 'draft-link',
    },
  },
  {
    channel: 'stock:post-dispatch',
    base: (w) => ({
      kind: 'allocation',
      receivingUnitId: w.depot.parties.town.id,
      orderNo: '调令1号',
      lines: [{ itemId: w.depot.items.tent.id, units: 2 }],
    }),
    fields: {
      kind: 'enum',
      receivingUnitId: 'id',
      orderNo: 'text',
      emergency: 'bool',
      responseLevel: 'enum?',
      'transport.driverPhone': 'phone',
      'transport.plateNo': 'text',
      lines: 'lines',
      'lines.0.itemId': 'id',
      'lines.0.units': 'count',
      'lines.0.sourceId': 'id?',
      'lines.0.quantityOrdered': 'count?',
      'lines.0.picks': 'lines?',
      docDate: 'date',
    },
  },
  {
    channel: 'stock:post-transfer',
    base: (w) => ({
      lines: [
        {
          itemId: w.stockKey.itemId,
          batchId: w.stockKey.batchId,
          sourceId: w.stockKey.sourceId,
          fromLocationId: w.stockKey.locationId,
          toLocationId: w.depot.locations.a02.id,
          units: 1,
        },
      ],
    }),
    fields: {
      lines: 'lines',
      'lines.0.batchId': 'id',
      'lines.0.fromLocationId': 'id',
      'lines.0.toLocationId': 'id',
      'lines.0.units': 'count',
      'lines.0.sourceId': 'id?',
    },
  },
  {
    channel: 'stock:post-adjustment',
    base: (w) => ({ reason: 'damaged', remarks: '破损', lines: [{ ...w.stockKey, delta: -1 }] }),
    fields: {
      reason: 'enum',
      remarks: 'text',
      lines: 'lines',
      'lines.0.delta': 'delta',
      'lines.0.batchId': 'id',
      'lines.0.locationId': 'id',
    },
  },
  {
    channel: 'stock:post-write-off',
    base: (w) => ({ reason: '霉变', lines: [{ ...w.stockKey, units: 1 }] }),
    fields: {
      reason: 'text',
      lines: 'lines',
      'lines.0.units': 'count',
      'lines.0.itemId': 'id',
      'lines.0.sourceId': 'id?',
    },
  },
  {
    channel: 'stock:reverse',
    base: (w) => ({ documentId: w.receiptId, reason: '录入错误' }),
    fields: { documentId: 'id', reason: 'text', docDate: 'date' },
  },
  {
    channel: 'stock:file-paperwork',
    base: (w) => ({ documentId: w.pendingDispatchId, orderNo: '补调令2号' }),
    fields: { documentId: 'id', orderNo: 'text', orderIssuer: 'text' },
  },
  {
    channel: 'drafts:save',
    base: () => ({ kind: 'receipt', payload: { a: 1 } }),
    fields: { kind: 'enum', id: 'draft-link', title: 'text' },
  },
  { channel: 'drafts:delete', base: (w) => ({ id: w.draftId }), fields: { id: 'id' } },
];

/** Returns a deep copy of `input` with the value at `path` replaced. */
function withValue(input: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(input);
  const keys = path.split('.');
  let node: Record<string, unknown> = copy;
  for (const k of keys.slice(0, -1)) {
    node[k] ??= {};
    node = node[k] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]!] = value;
  return copy;
}

async function makeWorld(backend: Backend): Promise<World> {
  const depot = await seedDepot(backend);
  await call(backend, 'stock:post-receipt', {
    kind: 'allocation',
    sourceId: depot.sources.city.id,
    lines: [{ itemId: depot.items.tent.id, units: 40, locationId: depot.locations.a01.id }],
  });
  const reversible = await call(backend, 'stock:post-receipt', {
    kind: 'allocation',
    sourceId: depot.sources.province.id,
    lines: [{ itemId: depot.items.quilt.id, units: 30, locationId: depot.locations.a02.id }],
  });
  const pending = await call(backend, 'stock:post-dispatch', {
    kind: 'distribution',
    receivingUnitId: depot.parties.shelter.id,
    emergency: true,
    lines: [{ itemId: depot.items.tent.id, units: 1 }],
  });
  const spare = await call(backend, 'catalog:create-item', { code: 'SPARE', name: '睡袋', baseUnit: '个' });
  const barcode = await call(backend, 'catalog:add-barcode', {
    itemId: depot.items.tent.id,
    barcode: '6900000000017',
    quantity: 1,
  });
  const draft = await call(backend, 'drafts:save', { kind: 'dispatch', payload: { lines: [] } });
  const [row] = await call(backend, 'stock:on-hand', { itemId: depot.items.tent.id });
  return {
    depot,
    receiptId: reversible.id,
    pendingDispatchId: pending.id,
    spareItemId: spare.id,
    barcodeId: barcode.id,
    draftId: draft.id,
    stockKey: { itemId: row!.itemId, batchId: row!.batchId, sourceId: row!.sourceId, locationId: row!.locationId },
  };
}

let tmp: ReturnType<typeof makeTempDir>;
let backend: Backend;
let world: World;
beforeAll(async () => {
  tmp = makeTempDir('relief-reserve-bad-');
  backend = openBackend({ role: 'admin', dbPath: tmp.dbPath });
  world = await makeWorld(backend);
});
afterAll(() => {
  backend.close();
  tmp.cleanup();
});

describe('hostile input to every write channel', () => {
  test('each malformed input gets a clear error code and the database content is unchanged', async () => {
    const before = dumpContent(tmp.dbPath);
    const codes = new Map<string, number>();
    let calls = 0;
    // JSON.parse makes "__proto__" an own key, as a hostile IPC payload would.
    const junk: unknown[] = [
      undefined,
      null,
      0,
      'x',
      [],
      [1, 2],
      JSON.parse('{"__proto__": {"polluted": true}}'),
      { constructor: 'x' },
      huge,
    ];
    for (const c of cases) {
      const base = c.base(world);
      const inputs: unknown[] = [...junk, { ...base, unexpectedField: 1 }];
      for (const [path, spec] of Object.entries(c.fields)) {
        const nullable = spec.endsWith('?');
        const kind = spec.replace('?', '') as FieldKind;
        for (const value of invalidFor[kind]) {
          if (!(nullable && value === null)) inputs.push(withValue(base, path, value));
        }
      }
      for (const input of inputs) {
        const result = await backend.invoke(c.channel, input);
        calls++;
        if (result.ok && c.channel === 'catalog:import-items') {
          // An unreadable file is answered with a report (per-row errors), and nothing is imported.
          expect(result.value).toMatchObject({ committed: false, imported: 0 });
          expect((result.value as { errors: unknown[] }).errors.length).toBeGreaterThan(0);
          continue;
        }
        expect(result.ok, `${c.channel} accepted ${JSON.stringify(input)?.slice(0, 300)}`).toBe(false);
        if (result.ok) continue;
        expect(
          result.error.code,
          `${c.channel} ${JSON.stringify(input)?.slice(0, 300)}: ${result.error.message}`,
        ).not.toBe('internal');
        expect(result.error.message.length).toBeGreaterThan(0);
        codes.set(result.error.code, (codes.get(result.error.code) ?? 0) + 1);
      }
    }
    expect(calls).toBeGreaterThan(1000);
    expect(dumpContent(tmp.dbPath)).toBe(before);
    expect({} as Record<string, unknown>).not.toHaveProperty('polluted');
    expect([...codes.keys()]).toEqual(expect.arrayContaining(['invalid-input', 'not-found']));
  }, 120_000);

  test('each unmutated input is accepted, so the refusals above come from the hostile values', async () => {
    for (const c of cases) {
      const fresh = makeTempDir('relief-reserve-base-');
      const b = openBackend({ role: 'admin', dbPath: fresh.dbPath });
      try {
        const w = await makeWorld(b);
        const result = await b.invoke(c.channel, c.base(w));
        expect(result.ok, `${c.channel}: ${JSON.stringify(result)}`).toBe(true);
      } finally {
        b.close();
        fresh.cleanup();
      }
    }
  }, 120_000);

  test('odd but valid text — SQL-looking, emoji, formula-like, CJK — is stored and read back exactly', async () => {
    const name = `${sqlish} 😀 =HYPERLINK("http://x") 帐篷\u200b`;
    const item = await call(backend, 'catalog:create-item', {
      code: 'ODD-1',
      name,
      spec: '🏕️'.repeat(20),
      baseUnit: '顶',
    });
    const read = await call(backend, 'catalog:get-item', { id: item.id });
    expect(read.name).toBe(name);
    expect(read.spec).toBe('🏕️'.repeat(20));
    expect((await call(backend, 'catalog:list-items', { search: 'DROP TABLE' })).rows.map((r) => r.code)).toEqual([
      'ODD-1',
    ]);
  });
});
