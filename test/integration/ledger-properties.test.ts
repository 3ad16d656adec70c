import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend/index';
import { call, seedDepot, type Depot } from '../fixtures/depot';
import { expectLedgerInvariants } from '../fixtures/ledger-invariants';
import { makeTempDir } from '../fixtures/temp-dir';

/**
 * Random sequences of receipts, dispatches, transfers, adjustments, write-offs, returns and
 * reversals. Whatever is accepted or refused: every balance equals the sum of its ledger entries
 * and is never negative, the hash chain verifies, and stock per item and source matches a model
 * that follows only what the backend acknowledged. A dispatch from a named source is accepted
 * exactly when the model says that source holds enough.
 */

type ItemKey = 'tent' | 'quilt';
type SourceKey = 'city' | 'province';
type LocationKey = 'a01' | 'a02';

type Command =
  | { op: 'receive'; item: ItemKey; source: SourceKey; location: LocationKey; units: number }
  | { op: 'dispatch'; item: ItemKey; source: SourceKey | null; units: number }
  | { op: 'transfer'; pick: number; to: LocationKey; units: number }
  | { op: 'adjust'; pick: number; delta: number }
  | { op: 'write-off'; pick: number; units: number }
  | { op: 'return'; pick: number; units: number }
  | { op: 'reverse'; pick: number };

const item = fc.constantFrom<ItemKey>('tent', 'quilt');
const source = fc.constantFrom<SourceKey>('city', 'province');
const location = fc.constantFrom<LocationKey>('a01', 'a02');
const units = fc.integer({ min: 1, max: 40 });
const pick = fc.nat(1000);
const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('receive' as const), item, source, location, units }) },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('dispatch' as const),
      item,
      source: fc.option(source, { nil: null }),
      units,
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('transfer' as const), pick, to: location, units }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('adjust' as const),
      pick,
      delta: fc.integer({ min: -30, max: 30 }).filter((d) => d !== 0),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('write-off' as const), pick, units }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('return' as const), pick, units }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('reverse' as const), pick }) },
);

let tmp: ReturnType<typeof makeTempDir>;
let backend: Backend;
let depot: Depot;

beforeEach(() => {
  tmp = makeTempDir('relief-reserve-prop-');
});
afterEach(() => {
  backend?.close();
  tmp.cleanup();
});

async function run(commands: Command[]): Promise<void> {
  backend?.close();
  tmp.cleanup();
  tmp = makeTempDir('relief-reserve-prop-');
  backend = openBackend({ role: 'admin', dbPath: tmp.dbPath });
  depot = await seedDepot(backend);
  const model = new Map<string, number>(); // item|source → quantity, from acknowledged postings only
  const posted: { id: string; kind: string }[] = [];
  const modelKey = (itemId: string, sourceId: string) => `${itemId}|${sourceId}`;

  async function acknowledge(id: string, kind: string) {
    posted.push({ id, kind });
    const doc = await call(backend, 'documents:get', { id });
    for (const e of doc.entries)
      model.set(modelKey(e.itemId, e.sourceId), (model.get(modelKey(e.itemId, e.sourceId)) ?? 0) + e.quantity);
  }

  for (const c of commands) {
    const stock = await call(backend, 'stock:on-hand', {});
    const row = stock.length > 0 && 'pick' in c ? stock[c.pick % stock.length]! : null;
    const key = row && { itemId: row.itemId, batchId: row.batchId, sourceId: row.sourceId, locationId: row.locationId };
    let result;
    switch (c.op) {
      case 'receive':
        result = await backend.invoke('stock:post-receipt', {
          kind: 'allocation',
          sourceId: depot.sources[c.source].id,
          lines: [{ itemId: depot.items[c.item].id, units: c.units, locationId: depot.locations[c.location].id }],
        });
        expect(result.ok, JSON.stringify(result)).toBe(true);
        break;
      case 'dispatch': {
        result = await backend.invoke('stock:post-dispatch', {
          kind: 'distribution',
          receivingUnitId: depot.parties.town.id,
          orderNo: 'ORDER-1',
          lines: [
            { itemId: depot.items[c.item].id, units: c.units, sourceId: c.source ? depot.sources[c.source].id : null },
          ],
        });
        const sources = c.source ? [c.source] : (['city', 'province'] as const);
        const enough = sources.some(
          (s) => (model.get(modelKey(depot.items[c.item].id, depot.sources[s].id)) ?? 0) >= c.units,
        );
        expect(result.ok, `dispatch ${JSON.stringify(c)}: ${JSON.stringify(result)}`).toBe(enough);
        if (!result.ok) expect(result.error.code).toBe('insufficient-stock');
        break;
      }
      case 'transfer':
        if (!key) continue;
        {
          // A transfer goes somewhere else: the drawn location, or the other one when they coincide.
          const to =
            depot.locations[c.to].id === key.locationId
              ? depot.locations[c.to === 'a01' ? 'a02' : 'a01']
              : depot.locations[c.to];
          const { locationId: from, ...rest } = key;
          result = await backend.invoke('stock:post-transfer', {
            lines: [{ ...rest, fromLocationId: from, toLocationId: to.id, units: c.units }],
          });
          expect(result.ok).toBe(row!.quantity >= c.units);
        }
        break;
      case 'adjust':
        if (!key) continue;
        result = await backend.invoke('stock:post-adjustment', {
          reason: 'count_correction',
          remarks: '盘点更正',
          lines: [{ ...key, delta: c.delta }],
        });
        expect(result.ok).toBe(row!.quantity + c.delta >= 0);
        break;
      case 'write-off':
        if (!key) continue;
        result = await backend.invoke('stock:post-write-off', { reason: '损坏', lines: [{ ...key, units: c.units }] });
        expect(result.ok).toBe(row!.quantity >= c.units);
        break;
      case 'return': {
        const dispatches = posted.filter((p) => p.kind === 'dispatch');
        if (dispatches.length === 0) continue;
        const dispatch = dispatches[c.pick % dispatches.length]!;
        const [entry] = (await call(backend, 'documents:get', { id: dispatch.id })).entries;
        result = await backend.invoke('stock:post-receipt', {
          kind: 'return',
          dispatchId: dispatch.id,
          lines: [
            {
              itemId: entry!.itemId,
              batchId: entry!.batchId,
              sourceId: entry!.sourceId,
              locationId: entry!.locationId,
              units: c.units,
            },
          ],
        });
        break;
      }
      case 'reverse': {
        if (posted.length === 0) continue;
        result = await backend.invoke('stock:reverse', {
          documentId: posted[c.pick % posted.length]!.id,
          reason: '随机冲销',
        });
        break;
      }
    }
    if (result.ok) await acknowledge((result.value as { id: string }).id, c.op === 'return' ? 'return' : c.op);
    else
      expect(
        ['insufficient-stock', 'already-reversed', 'cannot-reverse', 'has-returns', 'return-exceeds-dispatch'],
        JSON.stringify(result.error),
      ).toContain(result.error.code);
  }

  expectLedgerInvariants(tmp.dbPath);
  expect((await call(backend, 'ledger:verify-chain')).ok).toBe(true);
  expect((await call(backend, 'ledger:rebuild-balances')).differences).toEqual([]);
  const actual = new Map<string, number>();
  for (const r of await call(backend, 'stock:on-hand', {})) {
    actual.set(modelKey(r.itemId, r.sourceId), (actual.get(modelKey(r.itemId, r.sourceId)) ?? 0) + r.quantity);
  }
  for (const [k, v] of model) expect(actual.get(k) ?? 0, k).toBe(v);
}

describe('ledger properties', () => {
  test('random sequences of postings keep balance = sum(ledger) >= 0 for every key, the chain verifies, and stock matches the model', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 5, maxLength: 40 }), (commands) => run(commands)),
      {
        numRuns: Number(process.env.PROPERTY_RUNS ?? 40),
        seed: process.env.PROPERTY_SEED ? Number(process.env.PROPERTY_SEED) : undefined,
      },
    );
  }, 300_000);
});
