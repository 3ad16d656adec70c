/**
 * A deterministic generator of a realistic depot: relief items, sources (with donors), zones and
 * slots, receiving units, and years of receipts, dispatches (FEFO), transfers, adjustments and
 * write-offs of expired goods — posted through the real services, so the ledger, hash chain and
 * balances are exactly what the app would have written. Seeded: the same size and seed give the
 * same depot. Tests use it at small sizes; the benchmark at five years and a million entries.
 */
import fs from 'node:fs';
import path from 'node:path';
import { contract, type Channel, type ChannelInput, type ChannelOutput } from '../shared/contract';
import { DomainError } from '../electron/backend/errors';
import { openDatabase, type Db } from '../electron/backend/db/database';
import { createContext, createHandlers } from '../electron/backend/index';
import type { Handler } from '../electron/backend/context';

export interface DepotSize {
  items: number;
  sources: number;
  locations: number;
  receivingUnits: number;
  /** Receipt lines (each brings a new batch). */
  batches: number;
  /** Ledger entries to reach, in total. */
  entries: number;
  years: number;
}

export const fullSize: DepotSize = {
  items: 2000,
  sources: 8,
  locations: 200,
  receivingUnits: 300,
  batches: 20_000,
  entries: 1_000_000,
  years: 5,
};

export const smokeSize: DepotSize = {
  items: 40,
  sources: 8,
  locations: 12,
  receivingUnits: 10,
  batches: 120,
  entries: 3_000,
  years: 1,
};

/** mulberry32: small, fast, and the same sequence on every machine for a seed. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const catalog: [name: string, unit: string, pack: number, persons: number, shelfLifeDays: number | null][] = [
  ['单帐篷', '顶', 1, 5, null],
  ['棉帐篷', '顶', 1, 6, null],
  ['棉被', '床', 10, 1, null],
  ['毛巾被', '床', 20, 1, null],
  ['棉大衣', '件', 10, 1, null],
  ['棉衣裤', '套', 10, 1, null],
  ['睡袋', '个', 10, 1, null],
  ['折叠床', '张', 1, 1, null],
  ['家庭应急包', '套', 6, 3, 1095],
  ['移动厕所', '台', 1, 0, null],
  ['救生衣', '件', 20, 1, null],
  ['净水机', '台', 1, 0, null],
  ['发电机', '台', 1, 0, null],
  ['场地照明灯', '台', 1, 0, null],
  ['手电筒', '个', 50, 0, null],
  ['蜡烛', '包', 40, 0, null],
  ['方便食品', '盒', 12, 0, 365],
  ['矿泉水', '瓶', 24, 0, 540],
  ['雨衣', '件', 50, 1, null],
  ['蚊帐', '顶', 20, 2, null],
];
const places = ['青山', '石桥', '柳湾', '东湖', '白沙', '杨林', '河口', '新桥', '梅岭', '安平', '枫林', '长兴'];

export interface GeneratedDepot {
  dbPath: string;
  entries: number;
  documents: number;
  items: string[];
  sources: string[];
  locations: string[];
  receivingUnits: string[];
  /** Postings the generator's own bookkeeping expected to pass but the backend refused (should stay 0). */
  refused: number;
}

/**
 * Builds the depot at `dbPath` (which must not exist). Writes run without fsync and many documents to a
 * transaction — a generator, not a measurement — and the database is left with the app's settings.
 */
export async function generateDepot(dbPath: string, size: DepotSize, seed = 20261128): Promise<GeneratedDepot> {
  if (fs.existsSync(dbPath)) throw new Error(`${dbPath} exists`);
  fs.mkdirSync(path.dirname(dbPath), { recursive: true });
  const rand = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

  const start = new Date(2026 - size.years, 10, 1, 8, 0, 0);
  const end = new Date(2026, 10, 27, 18, 0, 0);
  let clock = start.getTime();
  const db: Db = openDatabase(dbPath);
  db.pragma('synchronous = OFF');
  const { ctx, settings } = createContext(db, { dbPath, now: () => new Date(clock), operator: () => '生成器' });
  const handlers = createHandlers(ctx, settings);
  function run<C extends Channel>(channel: C, input: ChannelInput<C>): ChannelOutput<C> {
    const parsed = contract[channel].input.parse(input);
    return (handlers[channel] as Handler<C>)(parsed as never) as ChannelOutput<C>;
  }

  run('settings:update', { siteCode: 'BENCH-01', depotName: '基准测试储备库' });
  const donors = [0, 1].map((i) => run('catalog:save-party', { kind: 'donor', name: `爱心企业${i + 1}` }).id);
  const sourceKinds = [
    'central',
    'provincial',
    'city',
    'county',
    'allocated',
    'purchase',
    'donation',
    'donation',
  ] as const;
  const sources = sourceKinds.slice(0, size.sources).map(
    (kind, i) =>
      run('catalog:save-source', {
        code: `S${i + 1}`,
        name: `${kind}-${i + 1}`,
        kind,
        donorId: kind === 'donation' ? donors[i % 2]! : null,
      }).id,
  );
  const locations: string[] = [];
  const zones = Math.max(1, Math.ceil(size.locations / 20));
  for (let z = 0; z < zones && locations.length < size.locations; z++) {
    const zone = run('catalog:save-location', { code: `Z${z + 1}`, name: `${z + 1}号库区`, kind: 'zone' });
    for (let s = 0; s < 20 && locations.length < size.locations; s++) {
      locations.push(
        run('catalog:save-location', {
          code: `Z${z + 1}-${s + 1}`,
          name: `${z + 1}区${s + 1}号货位`,
          kind: 'slot',
          zoneId: zone.id,
        }).id,
      );
    }
  }
  const receivingUnits = Array.from(
    { length: size.receivingUnits },
    (_, i) =>
      run('catalog:save-party', {
        kind: 'receiving_unit',
        name: i % 3 === 0 ? `${places[i % places.length]}镇人民政府${i}` : `${places[i % places.length]}安置点${i}`,
        contact: '联络员',
        phone: `1380000${String(i).padStart(4, '0')}`,
      }).id,
  );
  const items = Array.from({ length: size.items }, (_, i) => {
    const [name, unit, pack, persons, shelfLife] = catalog[i % catalog.length]!;
    return run('catalog:create-item', {
      code: `WZ-${String(i + 1).padStart(5, '0')}`,
      name: `${name}${i >= catalog.length ? ` 型号${Math.floor(i / catalog.length)}` : ''}`,
      spec: `规格${i % 7}`,
      baseUnit: unit,
      packSize: pack,
      personsPerUnit: persons,
      hasShelfLife: shelfLife !== null,
      shelfLifeDays: shelfLife,
      minStock: between(0, 200),
      reserveQuota: between(200, 5000),
      unitValueFen: between(500, 500_000),
    });
  });

  // What the generator believes is on the shelves, per item and source, to ask only for what exists.
  const stock = new Map<string, number>();
  const key = (item: string, source: string) => `${item}|${source}`;
  let entries = 0;
  let documents = 0;
  let refused = 0;
  let batchNo = 0;
  const receiptLines = 10;
  const receipts = Math.ceil(size.batches / receiptLines);
  const movementsPerReceipt = Math.max(1, (size.entries - size.batches) / receipts);
  const step = (end.getTime() - start.getTime()) / (receipts * (1 + movementsPerReceipt / 10));

  function post<C extends Channel>(channel: C, input: ChannelInput<C>): void {
    try {
      const posted = run(channel, input) as { entries: number };
      entries += posted.entries;
      documents++;
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      refused++;
    }
    clock += step * (0.5 + rand());
  }

  const anyStockRow = db.prepare<
    [number],
    { item_id: string; batch_id: string; location_id: string; source_id: string; quantity: number }
  >(
    `SELECT item_id, batch_id, location_id, source_id, quantity FROM stock_balances
     ORDER BY item_id, batch_id, location_id, source_id LIMIT 1 OFFSET ?`,
  );
  const stockRows = db.prepare('SELECT count(*) FROM stock_balances').pluck();

  const chunk = db.transaction((receiptIndex: number) => {
    const source = pick(sources);
    const lines = Array.from({ length: receiptLines }, () => {
      const item = pick(items);
      const units = between(200, 3000);
      batchNo++;
      const day = new Date(clock).toISOString().slice(0, 10);
      return {
        item,
        line: {
          itemId: item.id,
          units,
          batchNo: `B${String(batchNo).padStart(6, '0')}`,
          productionDate: item.hasShelfLife ? day : null,
          locationId: pick(locations),
        },
      };
    });
    const kind =
      sourceKinds[sources.indexOf(source)] === 'donation' ? 'donation' : rand() < 0.7 ? 'allocation' : 'purchase';
    post('stock:post-receipt', { kind, sourceId: source, lines: lines.map((l) => l.line) });
    for (const l of lines) stock.set(key(l.item.id, source), (stock.get(key(l.item.id, source)) ?? 0) + l.line.units);

    // Dispatches of about ten lines each until this receipt's share of entries is spent.
    // Movements until the entries reach this receipt's share of the target; attempts bound the loop
    // when little stock is left.
    const goal = size.batches + (receiptIndex + 1) * movementsPerReceipt;
    for (let attempts = 0; entries < goal && attempts < movementsPerReceipt; attempts++) {
      const roll = rand();
      if (roll < 0.02) {
        // A transfer between slots of one stock row.
        // Drawn by the generator's own random numbers (not SQLite's), so a seed gives one depot.
        const row = anyStockRow.get(Math.floor(rand() * (stockRows.get() as number)));
        if (row) {
          post('stock:post-transfer', {
            lines: [
              {
                itemId: row.item_id,
                batchId: row.batch_id,
                sourceId: row.source_id,
                fromLocationId: row.location_id,
                toLocationId: pick(locations.filter((l) => l !== row.location_id)),
                units: Math.max(1, Math.floor(row.quantity / 2)),
              },
            ],
          });
        }
        continue;
      }
      const lines = [];
      const used = new Set<string>();
      for (let n = 0; n < 10; n++) {
        const candidates = sources.map((s) => ({ s, q: 0 }));
        const item = pick(items);
        if (used.has(item.id)) continue;
        for (const c of candidates) c.q = stock.get(key(item.id, c.s)) ?? 0;
        const best = candidates.reduce((a, b) => (b.q > a.q ? b : a));
        const units = Math.min(best.q, between(1, 40));
        if (units <= 0) continue;
        used.add(item.id);
        stock.set(key(item.id, best.s), best.q - units);
        lines.push({ itemId: item.id, units, sourceId: best.s });
      }
      if (lines.length === 0) continue;
      // One dispatch in twenty leaves in an emergency, before its allocation order exists.
      const emergency = rand() < 0.05;
      post('stock:post-dispatch', {
        kind: pick(['allocation', 'distribution', 'loan'] as const),
        receivingUnitId: pick(receivingUnits),
        orderNo: emergency ? '' : `调令〔${new Date(clock).getFullYear()}〕${documents}号`,
        emergency,
        incidentName: rand() < 0.3 ? `${pick(places)}洪涝` : '',
        lines,
      });
    }
    return receiptIndex;
  });

  for (let r = 0; r < receipts && entries < size.entries; r++) {
    chunk(r);
    // Expired goods are written off every so often, as a depot must: FEFO leaves them behind.
    if (r % 50 === 49) {
      db.transaction(() => {
        const expired = run('stock:expiring', { withinDays: 0 });
        for (let i = 0; i < expired.length; i += 20) {
          post('stock:post-write-off', {
            reason: '过期报废',
            lines: expired.slice(i, i + 20).map((e) => ({
              itemId: e.itemId,
              batchId: e.batchId,
              sourceId: e.sourceId,
              locationId: e.locationId,
              units: e.quantity,
            })),
          });
          for (const e of expired.slice(i, i + 20)) {
            stock.set(key(e.itemId, e.sourceId), (stock.get(key(e.itemId, e.sourceId)) ?? 0) - e.quantity);
          }
        }
      })();
    }
  }
  db.pragma('synchronous = FULL');
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return {
    dbPath,
    entries,
    documents,
    items: items.map((i) => i.id),
    sources,
    locations,
    receivingUnits,
    refused,
  };
}
