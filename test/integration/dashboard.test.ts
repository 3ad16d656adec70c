/**
 * The reserve dashboard's figures checked against the ledger, the truth every other figure derives
 * from: a year of receipts, dispatches, a slot-to-slot transfer, an adjustment and a reversal, posted
 * month by month on a pinned clock; then every dashboard number recomputed from `ledger_entries`.
 */
import Database from 'better-sqlite3';
import i18next, { type TFunction } from 'i18next';
import { afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend/index';
import { translations } from '../../shared/i18n';
import type { Item } from '../../shared/contract';
import { call, refusal, seedDepot, type Depot } from '../fixtures/depot';
import { makeTempDir } from '../fixtures/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
let backend: Backend;
let depot: Depot;
let cottonTent: Item;
let categories: { tents: string; bedding: string };
/** The backend's clock, pinned and moved month by month; the story ends on Thursday 2026-11-26. */
let clock: Date;

function at(year: number, month: number, day: number) {
  clock = new Date(year, month - 1, day, 10, 0, 0);
}

/** The ledger itself, read beside the backend: Σ quantity per item and source. */
function ledgerSums(): { item_id: string; source_id: string; quantity: number }[] {
  const db = new Database(tmp.dbPath, { readonly: true });
  try {
    return db
      .prepare<[], { item_id: string; source_id: string; quantity: number }>(
        'SELECT item_id, source_id, sum(quantity) AS quantity FROM ledger_entries GROUP BY item_id, source_id',
      )
      .all();
  } finally {
    db.close();
  }
}

/** Σ ledger quantity posted in [start, end) (UTC instants), and the entries' count. */
function ledgerNetBetween(start: Date, end: Date): number {
  const db = new Database(tmp.dbPath, { readonly: true });
  try {
    return db
      .prepare<[string, string], number>(
        'SELECT coalesce(sum(quantity), 0) FROM ledger_entries WHERE posted_at >= ? AND posted_at < ?',
      )
      .pluck()
      .get(start.toISOString(), end.toISOString())!;
  } finally {
    db.close();
  }
}

beforeEach(async () => {
  tmp = makeTempDir();
  at(2025, 9, 15);
  backend = openBackend({ role: 'admin', dbPath: tmp.dbPath, now: () => new Date(clock), operator: () => '张保管' });
  depot = await seedDepot(backend);
  const tents = await call(backend, 'catalog:save-category', { code: 'ZP', name: '帐篷类' });
  const bedding = await call(backend, 'catalog:save-category', { code: 'BF', name: '被服类' });
  categories = { tents: tents.id, bedding: bedding.id };
  await call(backend, 'catalog:update-item', { id: depot.items.tent.id, patch: { categoryId: tents.id } });
  await call(backend, 'catalog:update-item', {
    id: depot.items.quilt.id,
    patch: { categoryId: bedding.id, reserveQuota: 300 },
  });
  cottonTent = await call(backend, 'catalog:create-item', {
    code: 'ZP-MP',
    name: '棉帐篷',
    baseUnit: '顶',
    categoryId: tents.id,
    reserveQuota: 100,
    personsPerUnit: 4,
  });

  const { sources, locations, parties, items } = depot;
  // September 2025: outside the last twelve months on 2026-11-26.
  await call(backend, 'stock:post-receipt', {
    kind: 'allocation',
    docDate: '2022-09-15',
    sourceId: sources.province.id,
    partyId: parties.bureau.id,
    lines: [{ itemId: items.tent.id, units: 80, locationId: locations.a01.id, batchNo: 'ZP-2022' }],
  });
  at(2026, 1, 10);
  await call(backend, 'stock:post-receipt', {
    kind: 'allocation',
    sourceId: sources.city.id,
    partyId: parties.bureau.id,
    lines: [
      { itemId: items.tent.id, units: 150, locationId: locations.a01.id, batchNo: 'ZP-2026' },
      { itemId: cottonTent.id, units: 40, locationId: locations.a01.id, batchNo: 'MP-2026' },
      { itemId: items.quilt.id, cartons: 20, units: 5, locationId: locations.a02.id, batchNo: 'MB-2026' },
    ],
  });
  at(2026, 3, 5);
  await call(backend, 'stock:post-receipt', {
    kind: 'donation',
    sourceId: sources.donation.id,
    partyId: parties.donor.id,
    lines: [
      { itemId: items.quilt.id, units: 60, locationId: locations.a02.id, batchNo: 'MB-D1' },
      { itemId: items.water.id, cartons: 10, locationId: locations.a02.id, batchNo: 'KS-A', expiryDate: '2026-11-20' },
      { itemId: items.water.id, cartons: 5, locationId: locations.a02.id, batchNo: 'KS-B', expiryDate: '2027-02-10' },
      { itemId: items.water.id, cartons: 2, locationId: locations.a01.id, batchNo: 'KS-C', expiryDate: '2028-06-01' },
    ],
  });
  at(2026, 6, 18);
  const dispatch = await call(backend, 'stock:post-dispatch', {
    kind: 'distribution',
    receivingUnitId: parties.town.id,
    orderNo: 'DL-2026-06',
    lines: [
      { itemId: items.tent.id, units: 30, sourceId: sources.city.id },
      { itemId: items.quilt.id, units: 25, sourceId: sources.city.id },
    ],
  });
  at(2026, 7, 2);
  const tentRows = await call(backend, 'stock:on-hand', { itemId: items.tent.id, sourceId: sources.city.id });
  await call(backend, 'stock:post-transfer', {
    lines: [
      {
        itemId: items.tent.id,
        batchId: tentRows[0]!.batchId,
        sourceId: sources.city.id,
        fromLocationId: locations.a01.id,
        toLocationId: locations.a02.id,
        units: 50,
      },
    ],
  });
  at(2026, 8, 20);
  const quiltRows = await call(backend, 'stock:on-hand', { itemId: items.quilt.id, sourceId: sources.donation.id });
  await call(backend, 'stock:post-adjustment', {
    reason: 'damaged',
    remarks: '雨水浸湿',
    lines: [
      {
        itemId: items.quilt.id,
        batchId: quiltRows[0]!.batchId,
        sourceId: sources.donation.id,
        locationId: quiltRows[0]!.locationId,
        delta: -4,
      },
    ],
  });
  at(2026, 9, 9);
  await call(backend, 'stock:reverse', { documentId: dispatch.id, reason: '收货单位未提货' });
  at(2026, 11, 3);
  await call(backend, 'stock:post-dispatch', {
    kind: 'allocation',
    receivingUnitId: parties.shelter.id,
    orderNo: 'DB-2026-11',
    lines: [{ itemId: items.tent.id, units: 70, sourceId: sources.province.id }],
  });
  at(2026, 11, 26);
});
afterEach(() => {
  backend.close();
  tmp.cleanup();
});

describe('coverage against the reserve quota', () => {
  test('each category holds the sum of its items’ balances, and the ledger agrees item by item and source by source', async () => {
    const coverage = await call(backend, 'dashboard:coverage');
    const ledger = ledgerSums();
    const catalog = [depot.items.tent, depot.items.quilt, depot.items.water, cottonTent];
    const factor = new Map(catalog.map((i) => [i.id, i.personsPerUnit]));

    for (const category of coverage.categories) {
      for (const item of category.items) {
        const own = ledger.filter((r) => r.item_id === item.itemId);
        expect(item.onHand, item.code).toBe(own.reduce((s, r) => s + r.quantity, 0));
        expect(item.personsServed, item.code).toBe(item.onHand * factor.get(item.itemId)!);
        expect(item.bySource.map((s) => [s.sourceId, s.onHand]).sort()).toEqual(
          own
            .filter((r) => r.quantity !== 0)
            .map((r) => [r.source_id, r.quantity])
            .sort(),
        );
      }
      expect(category.onHand).toBe(category.items.reduce((s, i) => s + i.onHand, 0));
      expect(category.personsServed).toBe(category.items.reduce((s, i) => s + i.onHand * factor.get(i.itemId)!, 0));
    }
    const everything = ledger.reduce((s, r) => s + r.quantity * factor.get(r.item_id)!, 0);
    expect(coverage.totals.personsServed).toBe(everything);
    expect(coverage.totals.bySource.reduce((s, r) => s + r.personsServed, 0)).toBe(everything);
  });

  test('the story’s figures: tents 160 + 40 against 300, quilts 261 against 300, water without a category', async () => {
    const coverage = await call(backend, 'dashboard:coverage');
    expect(coverage.asOf).toBe('2026-11-26');
    expect(coverage.categories.map((c) => c.name)).toEqual(['被服类', '帐篷类', null]);
    const [bedding, tents, none] = coverage.categories;

    // Tents: 80 provincial − 70 dispatched = 10; city 150 (the June dispatch was reversed); cotton tents 40.
    expect(tents).toMatchObject({
      categoryId: categories.tents,
      units: ['顶'],
      itemCount: 2,
      onHand: 200,
      reserveQuota: 300,
      quotaMet: 200,
      quotaPercent: 66,
      personsServed: 160 * 5 + 40 * 4,
      personsQuota: 200 * 5 + 100 * 4,
    });
    expect(tents!.bySource).toEqual([
      { sourceId: depot.sources.city.id, onHand: 190, personsServed: 150 * 5 + 40 * 4 },
      { sourceId: depot.sources.province.id, onHand: 10, personsServed: 50 },
    ]);
    // Quilts: 205 city + 60 donated − 4 damaged; the quota of 300 is not met.
    expect(bedding).toMatchObject({ onHand: 261, reserveQuota: 300, quotaMet: 261, quotaPercent: 87 });
    expect(bedding!.personsServed).toBe(261);
    // Water: 17 cartons of 24, no quota, no persons factor.
    expect(none).toMatchObject({ categoryId: null, onHand: 408, quotaPercent: null, personsServed: 0 });
    expect(coverage.sources.map((s) => s.code)).toEqual(['CITY', 'DON-01', 'PROV']);
    expect(coverage.sources.find((s) => s.code === 'DON-01')!.donorName).toBe('爱心企业有限公司');
  });

  test('stock above one item’s quota does not hide another item’s shortage', async () => {
    // 150 + 10 single tents against a quota of 200, cotton tents 40 against 100; lower the single tents' quota to 100.
    await call(backend, 'catalog:update-item', { id: depot.items.tent.id, patch: { reserveQuota: 100 } });
    const tents = (await call(backend, 'dashboard:coverage')).categories.find((c) => c.code === 'ZP')!;
    expect(tents.reserveQuota).toBe(200);
    expect(tents.onHand).toBe(200);
    // 100 of the 160 single tents count, 40 of the cotton tents: 140 of 200.
    expect(tents.quotaMet).toBe(140);
    expect(tents.quotaPercent).toBe(70);
  });
});

describe('movements over the last twelve months', () => {
  test('the months add up to the ledger’s movements over the same window', async () => {
    const { months } = await call(backend, 'dashboard:movements');
    expect(months.map((m) => m.month)).toEqual([
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
    ]);
    const net = months.reduce((s, m) => s + m.quantityIn - m.quantityOut, 0);
    expect(net).toBe(ledgerNetBetween(new Date(2025, 11, 1), new Date(2026, 11, 1)));
    // The receipt of September 2025 is the only movement before the window.
    expect(ledgerNetBetween(new Date(2000, 0, 1), new Date(2025, 11, 1))).toBe(80);
  });

  test('each month counts what came in and went out; a slot-to-slot transfer is no movement', async () => {
    const byMonth = new Map((await call(backend, 'dashboard:movements')).months.map((m) => [m.month, m]));
    expect(byMonth.get('2026-01')).toEqual({
      month: '2026-01',
      quantityIn: 150 + 40 + 205,
      quantityOut: 0,
      documents: 1,
    });
    expect(byMonth.get('2026-03')).toMatchObject({ quantityIn: 60 + 17 * 24, quantityOut: 0 });
    expect(byMonth.get('2026-06')).toMatchObject({ quantityIn: 0, quantityOut: 55, documents: 1 });
    expect(byMonth.get('2026-07')).toEqual({ month: '2026-07', quantityIn: 0, quantityOut: 0, documents: 0 });
    expect(byMonth.get('2026-08')).toMatchObject({ quantityIn: 0, quantityOut: 4 });
    // The reversal brings the June dispatch back in.
    expect(byMonth.get('2026-09')).toMatchObject({ quantityIn: 55, quantityOut: 0 });
    expect(byMonth.get('2026-11')).toMatchObject({ quantityIn: 0, quantityOut: 70 });
    expect(byMonth.get('2025-12')).toMatchObject({ quantityIn: 0, quantityOut: 0 });
  });

  test('a shorter window is asked for by months; out-of-range windows are refused', async () => {
    const { months } = await call(backend, 'dashboard:movements', { months: 3 });
    expect(months.map((m) => m.month)).toEqual(['2026-09', '2026-10', '2026-11']);
    expect((await refusal(backend, 'dashboard:movements', { months: 0 })).code).toBe('invalid-input');
    expect((await refusal(backend, 'dashboard:movements', { months: '12' })).code).toBe('invalid-input');
  });
});

describe('expiry timeline', () => {
  test('stock with an expiry date falls into expired, the month it expires, or later; it matches stock:expiring', async () => {
    const timeline = await call(backend, 'dashboard:expiry-timeline');
    expect(timeline.asOf).toBe('2026-11-26');
    expect(timeline.months[0]!.month).toBe('2026-11');
    expect(timeline.months.at(-1)!.month).toBe('2027-10');
    expect(timeline.expired).toEqual({ quantity: 240, batches: 1, items: 1 });
    expect(timeline.months.find((m) => m.month === '2027-02')).toEqual({
      month: '2027-02',
      quantity: 120,
      batches: 1,
      items: 1,
    });
    expect(timeline.later).toEqual({ quantity: 48, batches: 1, items: 1 });

    const within = async (days: number) =>
      (await call(backend, 'stock:expiring', { withinDays: days })).reduce((s, r) => s + r.quantity, 0);
    const shown = timeline.expired.quantity + timeline.months.reduce((s, m) => s + m.quantity, 0);
    // Everything up to the end of October 2027 (339 days after 2026-11-26) is in the timeline's months.
    expect(shown).toBe(await within(339));
    expect(shown + timeline.later.quantity).toBe(await within(3650));
  });
});

describe('editing the quota and the persons-served factor', () => {
  let t: TFunction;
  beforeAll(async () => {
    const instance = i18next.createInstance();
    await instance.init({
      lng: 'zh-CN',
      resources: { 'zh-CN': { translation: translations['zh-CN'] }, 'en-US': { translation: translations['en-US'] } },
      interpolation: { escapeValue: false },
    });
    t = instance.t.bind(instance) as TFunction;
  });

  test.each([
    ['reserveQuota', -5],
    ['reserveQuota', 12.5],
    ['reserveQuota', '200'],
    ['personsPerUnit', -1],
    ['personsPerUnit', 5000],
    ['personsPerUnit', 'five'],
  ] as const)(
    '%s = %j is refused, naming the field, with a translated sentence; nothing changes',
    async (field, value) => {
      const before = await call(backend, 'dashboard:coverage');
      const error = await refusal(backend, 'catalog:update-item', {
        id: depot.items.tent.id,
        patch: { [field]: value },
      });
      expect(error.code).toBe('invalid-input');
      // The item form puts its sentence under the field the refusal's path names (renderer/features/catalog/itemForm.ts).
      expect((error.details as { path: unknown[] }[]).map((issue) => issue.path)).toEqual([['patch', field]]);
      expect(t(`errors.${error.code}`)).toBe('填写的内容不符合要求，请检查后重试。');
      expect(t(`errors.${error.code}`, { lng: 'en-US' })).toBe(
        'Some of what was entered is not valid. Check it and try again.',
      );

      const item = await call(backend, 'catalog:get-item', { id: depot.items.tent.id });
      expect(item.reserveQuota).toBe(200);
      expect(item.personsPerUnit).toBe(5);
      expect(await call(backend, 'dashboard:coverage')).toEqual(before);
    },
  );

  test('a valid change shows on the dashboard at once: quota 400 tents, 6 persons per tent', async () => {
    await call(backend, 'catalog:update-item', {
      id: depot.items.tent.id,
      patch: { reserveQuota: 400, personsPerUnit: 6 },
    });
    const tents = (await call(backend, 'dashboard:coverage')).categories.find((c) => c.code === 'ZP')!;
    expect(tents.reserveQuota).toBe(500);
    expect(tents.personsServed).toBe(160 * 6 + 40 * 4);
    expect(tents.personsQuota).toBe(400 * 6 + 100 * 4);
  });
});
