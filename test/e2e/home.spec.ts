/**
 * The home screen (首页) of a depot in use: the coverage table and the charts show what the backend
 * computed from the ledger, every alert shows with its entries, and each alert leads to the place where
 * it is dealt with. The reserve quota is then changed in the catalog — refused for text and for a
 * negative number, accepted for a whole number — and the home screen's coverage follows.
 */
import type { Backend } from '../../electron/backend/index';
import { seedDepot } from '../fixtures/depot';
import { backendCall, expect, test } from './fixtures';

/** A local calendar date `days` from today (negative: in the past), as YYYY-MM-DD. */
function day(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const grouped = (n: number) => n.toLocaleString('en-US');

/**
 * Tents in two sources (one lot received in 2022: a quality test is due), quilts below their minimum,
 * donated water expiring in 30 and in 150 days, and an emergency dispatch still waiting for its order number.
 */
async function depotInUse(backend: Backend) {
  const depot = await seedDepot(backend);
  const { sources, locations, items, parties } = depot;
  const tents = await backendCall(backend, 'catalog:save-category', { code: 'ZP', name: '帐篷类' });
  const bedding = await backendCall(backend, 'catalog:save-category', { code: 'BF', name: '被服类' });
  await backendCall(backend, 'catalog:update-item', { id: items.tent.id, patch: { categoryId: tents.id } });
  await backendCall(backend, 'catalog:update-item', {
    id: items.quilt.id,
    patch: { categoryId: bedding.id, reserveQuota: 400 },
  });
  await backendCall(backend, 'stock:post-receipt', {
    kind: 'purchase',
    docDate: '2022-01-10',
    sourceId: sources.city.id,
    partyId: parties.supplier.id,
    lines: [{ itemId: items.tent.id, units: 120, locationId: locations.a01.id, batchNo: 'ZP-2022-01' }],
  });
  await backendCall(backend, 'stock:post-receipt', {
    kind: 'allocation',
    sourceId: sources.province.id,
    partyId: parties.bureau.id,
    lines: [{ itemId: items.tent.id, units: 30, locationId: locations.a02.id, batchNo: 'ZP-2026-07' }],
  });
  await backendCall(backend, 'stock:post-receipt', {
    kind: 'purchase',
    sourceId: sources.city.id,
    lines: [{ itemId: items.quilt.id, cartons: 5, units: 3, locationId: locations.a01.id, batchNo: 'MB-01' }],
  });
  await backendCall(backend, 'stock:post-receipt', {
    kind: 'donation',
    sourceId: sources.donation.id,
    partyId: parties.donor.id,
    lines: [
      { itemId: items.water.id, cartons: 2, locationId: locations.a02.id, batchNo: 'W-30', expiryDate: day(30) },
      { itemId: items.water.id, cartons: 3, locationId: locations.a02.id, batchNo: 'W-150', expiryDate: day(150) },
    ],
  });
  const emergency = await backendCall(backend, 'stock:post-dispatch', {
    kind: 'allocation',
    receivingUnitId: parties.town.id,
    emergency: true,
    incidentName: '青山镇山洪',
    lines: [{ itemId: items.tent.id, units: 12, sourceId: sources.province.id }],
  });
  return { ...depot, emergency };
}

test('the home screen shows the ledger’s coverage and every alert, and each alert leads to where it is dealt with', async ({
  app,
  page,
  backend,
}) => {
  // Stock to post, a dashboard, three other screens and a catalog edit on a busy two-core machine.
  test.slow();
  const { emergency, items } = await depotInUse(backend);
  const coverage = await backendCall(backend, 'dashboard:coverage');
  const movements = await backendCall(backend, 'dashboard:movements');
  const [pending] = await backendCall(backend, 'stock:pending-paperwork');

  await app.open();
  await expect(app.heading).toHaveText('首页');
  await expect(app.navigation.getByRole('link', { name: '首页' })).toHaveAttribute('aria-current', 'page');

  // Coverage: each row says what the backend computed, and the story's numbers are what a keeper expects:
  // 120 + 30 − 12 tents against 200, serving 5 each; 53 quilts against 400; water with no quota.
  const table = page.getByRole('table', { name: '储备定额满足情况' });
  const tentRow = table.getByRole('row', { name: /帐篷类/ });
  await expect(tentRow.getByRole('cell')).toHaveText(['1', '138 顶', '200 顶', '69%', '690', '1,000']);
  await expect(table.getByRole('row', { name: /被服类/ }).getByRole('cell')).toHaveText([
    '1',
    '53 床',
    '400 床',
    '13%',
    '53',
    '400',
  ]);
  await expect(table.getByRole('row', { name: /未分类/ }).getByRole('cell')).toHaveText([
    '1',
    '120 瓶',
    '—',
    '未设定额',
    '0',
    '—',
  ]);
  for (const category of coverage.categories) {
    const unit = category.units.length === 1 ? ` ${category.units[0]}` : '';
    const row = table.getByRole('row', { name: new RegExp(category.name ?? '未分类') });
    await expect(row.getByRole('cell').nth(1)).toHaveText(`${grouped(category.onHand)}${unit}`);
    await expect(row.getByRole('cell').nth(4)).toHaveText(grouped(category.personsServed));
  }
  await expect(table.getByRole('row', { name: /合计/ }).getByRole('cell').nth(4)).toHaveText(
    grouped(coverage.totals.personsServed),
  );
  const bySource = page.getByRole('table', { name: '按来源可保障人数' });
  await expect(bySource.getByRole('row', { name: /市级储备/ })).toContainText('653');
  await expect(bySource.getByRole('row', { name: /省级储备/ })).toContainText('90');

  // The alerts, each with its entries.
  const alert = (name: string) => page.getByRole('region', { name, exact: true });
  await expect(alert('低于最低库存')).toContainText('MB-01 棉被：现有 53，最低 100 床');
  await expect(alert('已过期')).toContainText('无');
  await expect(alert('90 天内到期')).toContainText(`KS-550 矿泉水 48 瓶，${day(30)} 到期`);
  await expect(alert('91–180 天内到期')).toContainText(`KS-550 矿泉水 72 瓶，${day(150)} 到期`);
  await expect(alert('存放满 3 年（待质检）')).toContainText('ZP-12 单帐篷 120 顶，2022-01-10 入库');
  await expect(alert('待补办手续')).toContainText('1 张出库单');
  await expect(alert('待补办手续')).toContainText(`${emergency.number} 青山镇人民政府：${pending!.due} 前补办`);
  // The window took the day's backup as it opened.
  await expect(alert('数据备份')).toContainText(/正常最近一次备份：\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);

  // The charts are drawn, and say their numbers to a screen reader.
  const chart = (name: string) => page.getByRole('figure', { name }).getByRole('img');
  await expect(chart('各类物资库存（按来源）')).toHaveAccessibleName(
    /被服类：共 53（市级储备 53）；帐篷类：共 138（市级储备 120，省级储备 18）；未分类：共 120（社会捐赠-爱心企业 120）/,
  );
  await expect(chart('各类物资库存（按来源）').locator('canvas')).toBeVisible();
  const thisMonth = movements.months.at(-1)!;
  expect(thisMonth.quantityIn).toBe(150 + 53 + 120);
  expect(thisMonth.quantityOut).toBe(12);
  const [year, month] = thisMonth.month.split('-');
  await expect(chart('近 12 个月收发数量')).toHaveAccessibleName(
    new RegExp(`${year}年${Number(month)}月 入库 323、出库 12`),
  );
  await expect(chart('到期时间分布')).toHaveAccessibleName(/48（1 批）.*72（1 批）/);
  await app.screenshot('home-dashboard');
  await page.getByRole('figure', { name: '到期时间分布' }).scrollIntoViewIfNeeded();
  await app.screenshot('home-charts');

  // Below minimum → the inventory, filtered to the items carrying the marker.
  await alert('低于最低库存').getByRole('link', { name: '在库存中查看全部低库存物资' }).click();
  await expect(app.heading).toHaveText('库存');
  await expect(page.getByLabel('快速筛选')).toHaveValue('低库存');
  await expect(app.gridRows).toHaveCount(1);
  await expect(app.gridRows.first()).toContainText('MB-01');

  // An expiring item → the inventory at that item, where its batches are moved, adjusted or written off.
  await app.goTo('首页');
  await alert('91–180 天内到期')
    .getByRole('link', { name: /KS-550 矿泉水/ })
    .click();
  await expect(app.heading).toHaveText('库存');
  await expect(page.getByLabel('快速筛选')).toHaveValue('KS-550');
  await expect(app.gridRows).toHaveCount(1);

  await app.goTo('首页');
  await alert('存放满 3 年（待质检）').getByRole('link', { name: '在库存中查看全部待质检物资' }).click();
  await expect(page.getByLabel('快速筛选')).toHaveValue('待质检');
  await expect(app.gridRows).toHaveCount(1);
  await expect(app.gridRows.first()).toContainText('ZP-12');

  // Paperwork to follow → the emergency dispatch itself, where the order number is filed.
  await app.goTo('首页');
  await alert('待补办手续')
    .getByRole('link', { name: new RegExp(emergency.number) })
    .click();
  await expect(app.heading).toHaveText('单据');
  await expect(page.getByRole('heading', { level: 2 })).toContainText(emergency.number);
  await expect(page.getByRole('region', { name: '单据信息' })).toContainText(
    `待补办手续：调拨通知单号须于 ${pending!.due} 前补录。`,
  );

  // Backups → Settings, where backups are taken and restored.
  await app.goTo('首页');
  await alert('数据备份').getByRole('link', { name: '前往设置中的数据备份' }).click();
  await expect(app.heading).toHaveText('设置');

  // The reserve quota is the item's, edited in the catalog: text and a negative number are refused there.
  await app.goTo('物资目录');
  await page.getByRole('button', { name: '编辑 单帐篷（ZP-12）' }).click();
  const dialog = page.getByRole('dialog', { name: '编辑物资：ZP-12 单帐篷' });
  const quota = dialog.getByLabel('储备定额', { exact: true });
  await quota.fill('两百');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(quota).toHaveAttribute('aria-invalid', 'true');
  await expect(quota).toHaveAccessibleDescription('请填写整数。');
  await quota.fill('-5');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(quota).toHaveAccessibleDescription('须为 0 到 1,000,000,000 之间的整数。');
  expect((await backendCall(backend, 'catalog:get-item', { id: items.tent.id })).reserveQuota).toBe(200);

  await quota.fill('150');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: '已保存。' })).toBeVisible();
  await page.keyboard.press('Escape');
  await app.goTo('首页');
  await expect(tentRow.getByRole('cell')).toHaveText(['1', '138 顶', '150 顶', '92%', '690', '750']);
});

test('the home screen reads in English', async ({ app, page, backend }) => {
  test.slow();
  await depotInUse(backend);
  await app.open();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(app.heading).toHaveText('Home');
  await expect(page.getByRole('region', { name: 'Below minimum stock', exact: true })).toContainText(
    'MB-01 棉被: 53 on hand, minimum 100 床',
  );
  const table = page.getByRole('table', { name: 'Reserve quota coverage' });
  await expect(table.getByRole('row', { name: /帐篷类/ }).getByRole('cell')).toHaveText([
    '1',
    '138 顶',
    '200 顶',
    '69%',
    '690',
    '1,000',
  ]);
  await expect(page.getByRole('figure', { name: 'In and out, last 12 months' }).getByRole('img')).toHaveAccessibleName(
    /in 323, out 12/,
  );
  await app.screenshot('home-english');
});
