/**
 * The inventory (库存) as a keeper reads it: real stock posted through the backend, per source, against
 * quota, with markers for low, expiring, expired and aged stock; filters and a column layout that is
 * remembered; and the drill-down to batches and locations where stock can be moved or corrected.
 */
import type { Page } from '@playwright/test';
import type { Backend } from '../../electron/backend/index';
import { seedDepot, type Depot } from '../fixtures/depot';
import { codes, scan } from './scanner';
import { backendCall, expect, test } from './fixtures';

/** A local calendar date `days` from today (negative: in the past), as YYYY-MM-DD. */
function day(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const recently = day(-5);

interface Stocked extends Depot {
  food: { id: string };
}

/**
 * A depot with stock: tents in two sources (one lot received in January 2022, so stored three years
 * and more), quilts below their minimum, donated water expiring in a month, and instant food already
 * expired.
 */
async function stockDepot(backend: Backend): Promise<Stocked> {
  const depot = await seedDepot(backend);
  const { sources, locations, items, parties } = depot;
  await backendCall(backend, 'stock:post-receipt', {
    kind: 'purchase',
    docDate: '2022-01-10',
    sourceId: sources.city.id,
    partyId: parties.supplier.id,
    lines: [{ itemId: items.tent.id, units: 120, locationId: locations.a01.id, batchNo: 'ZP-2022-01' }],
  });
  await backendCall(backend, 'stock:post-receipt', {
    kind: 'allocation',
    docDate: recently,
    sourceId: sources.province.id,
    partyId: parties.bureau.id,
    lines: [{ itemId: items.tent.id, units: 30, locationId: locations.a02.id, batchNo: 'ZP-2026-07' }],
  });
  await backendCall(backend, 'stock:post-receipt', {
    kind: 'purchase',
    docDate: recently,
    sourceId: sources.city.id,
    lines: [{ itemId: items.quilt.id, cartons: 5, units: 3, locationId: locations.a01.id, batchNo: 'MB-01' }],
  });
  await backendCall(backend, 'stock:post-receipt', {
    kind: 'donation',
    docDate: recently,
    sourceId: sources.donation.id,
    partyId: parties.donor.id,
    lines: [
      {
        itemId: items.water.id,
        cartons: 10,
        locationId: locations.a02.id,
        batchNo: 'KS-W1',
        expiryDate: day(30),
      },
    ],
  });
  const food = await backendCall(backend, 'catalog:create-item', {
    code: 'FS-01',
    name: '方便食品',
    spec: '1 kg',
    baseUnit: '箱',
    packSize: 1,
    hasShelfLife: true,
    shelfLifeDays: 180,
    minStock: 0,
  });
  await backendCall(backend, 'stock:post-receipt', {
    kind: 'purchase',
    docDate: recently,
    sourceId: sources.city.id,
    lines: [
      {
        itemId: food.id,
        units: 8,
        locationId: locations.a01.id,
        batchNo: 'FS-OLD',
        productionDate: day(-200),
        expiryDate: day(-20),
      },
    ],
  });
  return { ...depot, food };
}

/** The grid row of an item, found by its code. */
function itemRow(page: Page, code: string) {
  return page.getByRole('grid').getByRole('row').filter({ hasText: code });
}

test.describe('inventory', () => {
  // Stock to post and a full window to draw on a busy two-core machine: more than the default time.
  test.slow();

  test('the stock of each item shows in units and cartons, per source, against quota, with its markers', async ({
    app,
    page,
    backend,
  }) => {
    const depot = await stockDepot(backend);
    await app.open('inventory');

    const headers = page.getByRole('grid').getByRole('columnheader');
    await expect(headers).toHaveText([
      '编码',
      '品名',
      '标记',
      '规格',
      '单位',
      '库存数量',
      '折合箱数',
      '市级储备',
      '社会捐赠-爱心企业',
      '省级储备',
      '储备定额',
      '定额满足率',
      '可保障人数',
      '最低库存',
      '最近有效期',
      '最早入库',
    ]);

    // 120 city + 30 provincial tents: 75% of the quota of 200, shelter for 5 persons each; the 2022 lot is due a test.
    await expect(itemRow(page, 'ZP-12').getByRole('gridcell')).toHaveText([
      'ZP-12',
      '单帐篷',
      '待质检',
      '12 m²',
      '顶',
      '150',
      '150 顶',
      '120',
      '0',
      '30',
      '200',
      '75%',
      '750',
      '20',
      '',
      '2022-01-10',
    ]);
    // 53 quilts: 5 cartons of 10 and 3 loose, under the minimum of 100.
    await expect(itemRow(page, 'MB-01').getByRole('gridcell')).toHaveText([
      'MB-01',
      '棉被',
      '低库存',
      '2 kg',
      '床',
      '53',
      '5 箱 + 3 床',
      '53',
      '0',
      '0',
      '0',
      '',
      '53',
      '100',
      '',
      recently,
    ]);
    // 240 donated bottles in cartons of 24, expiring in 30 days.
    await expect(itemRow(page, 'KS-550').getByRole('gridcell')).toHaveText([
      'KS-550',
      '矿泉水',
      '临期',
      '550 ml',
      '瓶',
      '240',
      '10 箱 + 0 瓶',
      '0',
      '240',
      '0',
      '0',
      '',
      '',
      '0',
      day(30),
      recently,
    ]);
    await expect(itemRow(page, 'FS-01').getByRole('gridcell').nth(2)).toHaveText('已过期');
    await expect(itemRow(page, 'FS-01').getByRole('gridcell').nth(14)).toHaveText(day(-20));

    // Numbers line up on the right; text on the left.
    await expect(itemRow(page, 'ZP-12').getByRole('gridcell').nth(5)).toHaveCSS('text-align', /right|end/);
    await expect(itemRow(page, 'ZP-12').getByRole('gridcell').nth(1)).toHaveCSS('text-align', /left|start/);

    // The legend says what each marker means and how many items carry it.
    const legend = page.getByRole('list', { name: '标记说明与统计' });
    await expect(legend.getByRole('listitem')).toHaveText([
      '低库存低于最低库存1 种',
      '临期90 天内到期1 种',
      '已过期已有过期批次1 种',
      '待质检储存满 3 年，报废前须质检1 种',
    ]);
    await expect(page.getByRole('status').filter({ hasText: '共 4 种物资' })).toBeVisible();

    // What the screen shows is what the ledger holds.
    const stored = await backendCall(backend, 'stock:inventory');
    const tent = stored.find((r) => r.itemId === depot.items.tent.id)!;
    expect(tent.onHand).toBe(150);
    expect(tent.bySource).toEqual(
      expect.arrayContaining([
        { sourceId: depot.sources.city.id, quantity: 120 },
        { sourceId: depot.sources.province.id, quantity: 30 },
      ]),
    );
    expect(stored.find((r) => r.itemId === depot.items.quilt.id)!.onHand).toBe(53);

    await expect.poll(() => page.evaluate('document.documentElement.scrollWidth - window.innerWidth')).toBe(0);
    await app.screenshot('inventory-stock');
  });

  test('the quick filter and a column filter narrow the rows; the column layout survives a reload', async ({
    app,
    page,
    backend,
  }) => {
    await stockDepot(backend);
    await app.open('inventory');
    const rows = app.gridRows;
    await expect(rows).toHaveCount(4);

    // The quick filter reads every column, the markers too.
    const filter = page.getByLabel('快速筛选');
    await filter.fill('帐篷');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('单帐篷');
    await expect(page.getByRole('status').filter({ hasText: '显示 1 / 4 种物资' })).toBeVisible();
    await filter.fill('临期');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('矿泉水');
    await filter.fill('');
    await expect(rows).toHaveCount(4);

    // A number filter on the stock column, opened from the keyboard: more than 100 units.
    await page.getByRole('columnheader', { name: '库存数量' }).focus();
    await page.keyboard.press('Control+Enter');
    await page.getByRole('combobox', { name: '筛选条件' }).click();
    await page.getByRole('option', { name: '大于', exact: true }).click();
    await page.getByRole('spinbutton', { name: '筛选值' }).fill('100');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toContainText('KS-550');
    await expect(rows.nth(1)).toContainText('ZP-12');
    await app.screenshot('inventory-column-filter');
    await page.keyboard.press('Escape');

    // Hide the specification, move the minimum stock next to the stock, widen the name, sort by stock.
    await page.getByRole('button', { name: '列设置…' }).click();
    const dialog = page.getByRole('dialog', { name: '列设置' });
    await dialog.getByRole('checkbox', { name: '显示“规格”' }).uncheck();
    for (let i = 0; i < 7; i++) await dialog.getByRole('button', { name: '将“最低库存”左移' }).click();
    await app.screenshot('inventory-column-settings');
    await dialog.getByRole('button', { name: '完成' }).click();
    await expect(dialog).toBeHidden();

    const nameHeader = page.getByRole('columnheader', { name: '品名' });
    const before = (await nameHeader.boundingBox())!;
    await page.mouse.move(before.x + before.width - 2, before.y + before.height / 2);
    await page.mouse.down();
    await page.mouse.move(before.x + before.width + 60, before.y + before.height / 2, { steps: 6 });
    await page.mouse.up();
    await expect.poll(async () => (await nameHeader.boundingBox())!.width).toBeGreaterThan(before.width + 40);
    await page.getByRole('columnheader', { name: '库存数量' }).click();
    await expect(page.getByRole('columnheader', { name: '库存数量' })).toHaveAttribute('aria-sort', 'ascending');

    // (The sorted header also holds its hidden sort-order number.)
    const arranged = [
      '编码',
      '品名',
      '标记',
      '单位',
      /^\s*库存数量/,
      '最低库存',
      '折合箱数',
      '市级储备',
      '社会捐赠-爱心企业',
      '省级储备',
      '储备定额',
      '定额满足率',
      '可保障人数',
      '最近有效期',
      '最早入库',
    ];
    const headers = page.getByRole('grid').getByRole('columnheader');
    await expect(headers).toHaveText(arranged);

    // A restart (reload) brings the same arrangement back.
    await page.reload();
    await expect(rows).toHaveCount(4);
    await expect(headers).toHaveText(arranged);
    await expect(page.getByRole('columnheader', { name: '库存数量' })).toHaveAttribute('aria-sort', 'ascending');
    expect((await nameHeader.boundingBox())!.width).toBeGreaterThan(before.width + 40);
    // Sorted by stock, least first: food 8, quilts 53, tents 150, water 240.
    await expect(rows.nth(0)).toContainText('FS-01');
    await expect(rows.nth(3)).toContainText('KS-550');

    // "Reset columns" puts everything back, and that too is remembered.
    await page.getByRole('button', { name: '恢复默认列' }).click();
    await expect(page.getByRole('columnheader', { name: '规格' })).toBeVisible();
    await expect(headers.nth(5)).toHaveText('库存数量');
    await page.reload();
    await expect(page.getByRole('columnheader', { name: '规格' })).toBeVisible();
    await app.screenshot('inventory-columns-reset');
  });

  test('selecting an item shows where its stock lies, and a correction posted there updates its row', async ({
    app,
    page,
    backend,
  }) => {
    const depot = await stockDepot(backend);
    await app.open('inventory');

    // Enter on a row opens its drill-down.
    await itemRow(page, 'MB-01').getByRole('gridcell').first().click();
    await page.keyboard.press('Enter');
    const quilts = page.getByRole('region', { name: 'MB-01 棉被 的库存明细' });
    await expect(quilts.getByRole('row')).toHaveCount(2);

    // A click on another row follows it.
    await itemRow(page, 'ZP-12').getByRole('gridcell', { name: '单帐篷' }).click();
    const panel = page.getByRole('region', { name: 'ZP-12 单帐篷 的库存明细' });
    const table = panel.getByRole('table', { name: '按批次、货位和来源的库存' });
    await expect(table.getByRole('row')).toHaveCount(3);
    const oldLot = table.getByRole('row').filter({ hasText: 'ZP-2022-01' });
    await expect(oldLot.getByRole('cell')).toHaveText([
      '',
      '',
      '2022-01-10待质检',
      'A-01',
      '市级储备',
      '120 顶',
      '',
      /移库/,
    ]);
    const newLot = table.getByRole('row').filter({ hasText: 'ZP-2026-07' });
    await expect(newLot.getByRole('cell')).toHaveText(['', '', recently, 'A-02', '省级储备', '30 顶', '', /移库/]);
    await expect(panel).toContainText('现有 150 顶');
    await app.screenshot('inventory-drill-down');

    // Five provincial tents were lost: adjust that lot from its row.
    await newLot.getByRole('button', { name: '调整：批次 ZP-2026-07，A-02，省级储备' }).click();
    const dialog = page.getByRole('dialog', { name: '库存调整：ZP-12 单帐篷' });
    await dialog.getByLabel('调整原因').selectOption('lost');
    await dialog.getByLabel('数量（顶）').fill('5');
    await dialog.getByLabel('情况说明').fill('暴雨夜搬运时丢失 5 顶');
    await dialog.getByRole('button', { name: '核对…' }).click();
    await dialog.getByRole('button', { name: '确认过账' }).click();
    await expect(dialog).toBeHidden();

    // The drill-down and the item's row show the new stock without reloading the list.
    await expect(panel.getByRole('status')).toContainText(/已过账 TZ-\d{4}-00001/);
    await expect(newLot.getByRole('cell').nth(5)).toHaveText('25 顶');
    const tentCells = itemRow(page, 'ZP-12').getByRole('gridcell');
    await expect(tentCells.nth(5)).toHaveText('145');
    await expect(tentCells.nth(9)).toHaveText('25');
    await expect(tentCells.nth(11)).toHaveText('72%');
    await expect(tentCells.nth(12)).toHaveText('725');
    const onHand = await backendCall(backend, 'stock:on-hand', { itemId: depot.items.tent.id });
    expect(onHand.map((r) => [r.batchNo, r.quantity])).toEqual([
      ['ZP-2022-01', 120],
      ['ZP-2026-07', 25],
    ]);
    await app.screenshot('inventory-after-adjustment');

    // The stock card of the item is one click away.
    await panel.getByRole('button', { name: '查看台账' }).click();
    await expect(app.heading).toHaveText('台账');
    expect(new URL(page.url()).hash).toBe(`#/ledger/${depot.items.tent.id}`);
  });

  test('a scan anywhere finds its item as the search box would and opens its stock; a location label or unknown code is said in words', async ({
    app,
    page,
    backend,
  }) => {
    const depot = await stockDepot(backend);
    await backendCall(backend, 'catalog:add-barcode', {
      itemId: depot.items.tent.id,
      barcode: codes.tent,
      quantity: 1,
    });
    await app.open('inventory');
    const search = page.getByRole('searchbox', { name: '快速筛选' });
    await search.fill('棉');
    await expect(itemRow(page, 'ZP-12')).toHaveCount(0);

    // The burst lands in the search box: its text is replaced by the item's code, not by the digits.
    await scan(page, codes.tent);
    await expect(page.getByRole('status').filter({ hasText: '已找到 单帐篷' })).toBeVisible();
    await expect(search).toHaveValue('ZP-12');
    await expect(page.getByRole('region', { name: 'ZP-12 单帐篷 的库存明细' })).toContainText('现有 150 顶');

    await scan(page, 'RRL-A-01');
    await expect(page.getByRole('alert')).toContainText('货位标签 A-01：库存页按物资查找');
    await scan(page, codes.unknownGtin);
    await expect(page.getByRole('alert')).toContainText(`条码 ${codes.unknownGtin} 不认识：在入库或出库时扫描它`);
    await expect(search).toHaveValue('ZP-12');
    await app.screenshot('inventory-scan');
  });
});
