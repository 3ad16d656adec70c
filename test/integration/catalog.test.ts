import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend/index';
import { call, refusal, seedDepot, type Depot } from '../fixtures/depot';
import { makeTempDir } from '../fixtures/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
let backend: Backend;
let depot: Depot;
beforeEach(async () => {
  tmp = makeTempDir();
  backend = openBackend({ role: 'admin', dbPath: tmp.dbPath });
  depot = await seedDepot(backend);
});
afterEach(() => {
  backend.close();
  tmp.cleanup();
});

async function receiveTents(units: number) {
  return call(backend, 'stock:post-receipt', {
    kind: 'allocation',
    sourceId: depot.sources.city.id,
    lines: [{ itemId: depot.items.tent.id, units, locationId: depot.locations.a01.id }],
  });
}

describe('items (物资目录)', () => {
  test('changing one field of an item leaves every other field as it was', async () => {
    const updated = await call(backend, 'catalog:update-item', {
      id: depot.items.water.id,
      patch: { name: '饮用矿泉水' },
    });
    expect(updated).toEqual({ ...depot.items.water, name: '饮用矿泉水' });
  });

  test('an empty change is refused rather than silently touching the record', async () => {
    expect((await refusal(backend, 'catalog:update-item', { id: depot.items.tent.id, patch: {} })).code).toBe(
      'invalid-input',
    );
  });

  test('once an item has movements its code and unit are fixed and it cannot be deleted, only deactivated', async () => {
    await receiveTents(5);
    expect(
      (await refusal(backend, 'catalog:update-item', { id: depot.items.tent.id, patch: { baseUnit: '件' } })).code,
    ).toBe('has-movements');
    expect(
      (await refusal(backend, 'catalog:update-item', { id: depot.items.tent.id, patch: { code: 'ZP-99' } })).code,
    ).toBe('has-movements');
    expect((await refusal(backend, 'catalog:delete-item', { id: depot.items.tent.id })).code).toBe('has-movements');
    const deactivated = await call(backend, 'catalog:update-item', {
      id: depot.items.tent.id,
      patch: { active: false, spec: '12 m² 单层' },
    });
    expect(deactivated).toMatchObject({ active: false, spec: '12 m² 单层' });
    expect((await call(backend, 'catalog:list-items', {})).rows.map((r) => r.code)).not.toContain('ZP-12');
    expect((await call(backend, 'catalog:list-items', { includeInactive: true })).rows.map((r) => r.code)).toContain(
      'ZP-12',
    );
    expect((await call(backend, 'catalog:get-item', { id: depot.items.tent.id })).hasMovements).toBe(true);
  });

  test('an item that never moved can be deleted with its barcodes', async () => {
    await call(backend, 'catalog:add-barcode', { itemId: depot.items.quilt.id, barcode: '6901111111110', quantity: 1 });
    expect(await call(backend, 'catalog:delete-item', { id: depot.items.quilt.id })).toEqual({ deleted: true });
    expect((await refusal(backend, 'catalog:get-item', { id: depot.items.quilt.id })).code).toBe('not-found');
    expect((await refusal(backend, 'catalog:lookup-barcode', { barcode: '6901111111110' })).code).toBe('not-found');
  });

  test('unit and carton barcodes stand for 1 and the pack size; one barcode cannot mean two items', async () => {
    await call(backend, 'catalog:add-barcode', { itemId: depot.items.water.id, barcode: '6920000000011', quantity: 1 });
    const carton = await call(backend, 'catalog:add-barcode', {
      itemId: depot.items.water.id,
      barcode: '16920000000018',
      quantity: 24,
    });
    expect(await call(backend, 'catalog:lookup-barcode', { barcode: '16920000000018' })).toMatchObject({
      item: { code: 'KS-550' },
      quantity: 24,
      barcodeId: carton.id,
    });
    const clash = await refusal(backend, 'catalog:add-barcode', {
      itemId: depot.items.tent.id,
      barcode: '6920000000011',
      quantity: 1,
    });
    expect(clash).toMatchObject({ code: 'duplicate-barcode', details: { itemId: depot.items.water.id } });
    expect(
      (await call(backend, 'catalog:get-item', { id: depot.items.water.id })).barcodes.map((b) => b.quantity),
    ).toEqual([1, 24]);
    expect((await call(backend, 'catalog:list-items', { search: '16920000' })).rows.map((r) => r.code)).toEqual([
      'KS-550',
    ]);
    expect(await call(backend, 'catalog:remove-barcode', { id: carton.id })).toEqual({ removed: true });
    expect((await refusal(backend, 'catalog:lookup-barcode', { barcode: '16920000000018' })).code).toBe('not-found');
  });
});

describe('finding items as a keeper types or scans', () => {
  test('a scanned carton barcode finds the item with its pack size; code, pinyin initials and name find it too', async () => {
    await call(backend, 'catalog:add-barcode', {
      itemId: depot.items.water.id,
      barcode: '16920000000018',
      quantity: 24,
    });
    const search = async (text: string) =>
      (await call(backend, 'catalog:search-items', { text })).map((h) => [h.item.code, h.matchedBy, h.barcodeQuantity]);
    expect(await search('16920000000018')).toEqual([['KS-550', 'barcode', 24]]);
    expect(await search('zp-12')).toEqual([['ZP-12', 'code', null]]);
    expect(await search('dzp')).toEqual([['ZP-12', 'initials', null]]); // 单帐篷
    expect(await search('kqs')).toEqual([['KS-550', 'initials', null]]); // 矿泉水
    expect(await search('棉')).toEqual([['MB-01', 'name', null]]);
    expect(await search('%')).toEqual([]);
  });

  test('renaming an item updates its initials; a deactivated item is found only when asked for', async () => {
    await call(backend, 'catalog:update-item', { id: depot.items.quilt.id, patch: { name: '毛毯' } });
    expect((await call(backend, 'catalog:search-items', { text: 'mt' })).map((h) => h.item.code)).toEqual(['MB-01']);
    expect(await call(backend, 'catalog:search-items', { text: 'mb' })).toEqual([
      expect.objectContaining({ matchedBy: 'code' }),
    ]);
    await call(backend, 'catalog:update-item', { id: depot.items.quilt.id, patch: { active: false } });
    expect(await call(backend, 'catalog:search-items', { text: 'mt' })).toEqual([]);
    expect(await call(backend, 'catalog:search-items', { text: 'mt', includeInactive: true })).toHaveLength(1);
  });
});

describe('categories', () => {
  test('GB/T 38565 class codes find their parent by prefix; levels follow', async () => {
    const l1 = await call(backend, 'catalog:save-category', { code: '1', name: '基本生活类' });
    const l2 = await call(backend, 'catalog:save-category', { code: '101', name: '住宿类' });
    const l4 = await call(backend, 'catalog:save-category', { code: '1010101', name: '帐篷' });
    expect(l2.parentId).toBe(l1.id);
    expect(l4).toMatchObject({ parentId: l2.id, level: 3 });
    const custom = await call(backend, 'catalog:save-category', { code: 'TENT-X', name: '自定义', parentId: l4.id });
    expect(custom.level).toBe(4);
    expect(
      (await refusal(backend, 'catalog:save-category', { id: l1.id, code: '1', name: '基本生活类', parentId: l4.id }))
        .code,
    ).toBe('invalid-category');
    expect((await refusal(backend, 'catalog:save-category', { code: '101', name: '重复' })).code).toBe(
      'duplicate-code',
    );
    const item = await call(backend, 'catalog:update-item', { id: depot.items.tent.id, patch: { categoryId: l4.id } });
    expect(item.categoryId).toBe(l4.id);
    expect((await call(backend, 'catalog:list-items', { categoryId: l4.id })).rows.map((r) => r.code)).toEqual([
      'ZP-12',
    ]);
  });
});

describe('sources, parties and locations', () => {
  test('a donation source names its donor, and once it holds stock its kind and donor are fixed', async () => {
    expect(
      (await refusal(backend, 'catalog:save-source', { code: 'DON-2', name: '捐赠', kind: 'donation' })).code,
    ).toBe('invalid-input');
    expect(
      (
        await refusal(backend, 'catalog:save-source', {
          code: 'DON-2',
          name: '捐赠',
          kind: 'donation',
          donorId: depot.parties.town.id,
        })
      ).code,
    ).toBe('wrong-party-kind');
    await receiveTents(1);
    const change = await refusal(backend, 'catalog:save-source', {
      id: depot.sources.city.id,
      code: 'CITY',
      name: '市级储备',
      kind: 'county',
    });
    expect(change.code).toBe('has-movements');
    const renamed = await call(backend, 'catalog:save-source', {
      id: depot.sources.city.id,
      code: 'CITY',
      name: '市本级储备',
      kind: 'city',
    });
    expect(renamed.name).toBe('市本级储备');
    const sources = await call(backend, 'catalog:list-sources');
    expect(sources.find((s) => s.code === 'DON-01')).toMatchObject({ kind: 'donation', donorName: '爱心企业有限公司' });
  });

  test('parties are listed by kind; the same name twice in one kind is refused', async () => {
    expect((await call(backend, 'catalog:list-parties', { kind: 'receiving_unit' })).map((p) => p.name).sort()).toEqual(
      ['城东安置点', '青山镇人民政府'].sort(),
    );
    expect((await refusal(backend, 'catalog:save-party', { kind: 'receiving_unit', name: '城东安置点' })).code).toBe(
      'duplicate-code',
    );
    expect(
      (await refusal(backend, 'catalog:save-party', { kind: 'receiving_unit', name: '某村', phone: '138-abc' })).code,
    ).toBe('invalid-input');
  });

  test('slots sit in zones; location codes are upper-cased so they scan the same way', async () => {
    const slot = await call(backend, 'catalog:save-location', {
      code: 'a-03',
      name: 'A区03货位',
      kind: 'slot',
      zoneId: depot.locations.zone.id,
    });
    expect(slot.code).toBe('A-03');
    expect(
      (
        await refusal(backend, 'catalog:save-location', {
          code: 'B-09',
          name: 'x',
          kind: 'slot',
          zoneId: depot.locations.a01.id,
        })
      ).code,
    ).toBe('invalid-input');
    expect((await refusal(backend, 'catalog:save-location', { code: 'A-03', name: 'again', kind: 'slot' })).code).toBe(
      'duplicate-code',
    );
  });

  test('the site code is locked once the depot owns any record', async () => {
    expect((await refusal(backend, 'settings:update', { siteCode: 'OTHER-01' })).code).toBe('site-code-locked');
  });
});
