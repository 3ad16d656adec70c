/**
 * Pictures of every area as a keeper sees them at 1366×768, for people to look at
 * (test-results/screenshots/<area>.png). Each picture also checks the page does not scroll sideways.
 */
import { backendCall, expect, test, type AppWindow } from './fixtures';
import { typicalCatalog } from './catalog-items';

const areas = [
  { area: 'home', name: '首页' },
  { area: 'inventory', name: '库存' },
  { area: 'receive', name: '入库' },
  { area: 'dispatch', name: '出库' },
  { area: 'documents', name: '单据' },
  { area: 'stocktake', name: '盘点' },
  { area: 'ledger', name: '台账' },
  { area: 'catalog', name: '物资目录' },
  { area: 'reports', name: '报表' },
  { area: 'settings', name: '设置' },
];

async function expectNoSidewaysScroll(app: AppWindow): Promise<void> {
  const overflow = await app.page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
  expect(overflow, 'the window scrolls sideways').toBeLessThanOrEqual(0);
}

test.describe('screenshots of a depot in use', () => {
  // Eighteen items to create and several full-window pictures: more than the default time on a busy two-core machine.
  test.slow();

  test.beforeEach(async ({ backend }) => {
    await backendCall(backend, 'settings:update', { depotName: '江城市救灾物资储备库', siteCode: 'JC-01' });
    for (const item of typicalCatalog) await backendCall(backend, 'catalog:create-item', item);
  });

  test('every area in Chinese', async ({ app }) => {
    await app.open('inventory');
    await expect(app.gridRows.first()).toBeVisible();
    for (const { area, name } of areas) {
      await app.goTo(name);
      if (area === 'inventory') await expect(app.gridRows.first()).toBeVisible();
      await expectNoSidewaysScroll(app);
      await app.screenshot(area);
    }
  });

  test('the inventory in English, and its quick filter at work', async ({ app, page }) => {
    await app.open('inventory');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(app.heading).toHaveText('Inventory');
    await expect(app.gridRows.first()).toBeVisible();
    await expectNoSidewaysScroll(app);
    await app.screenshot('inventory-en-US');

    await page.getByRole('button', { name: '中文' }).click();
    await page.getByLabel('快速筛选').fill('帐篷');
    await expect(app.gridRows).toHaveCount(2);
    await app.screenshot('inventory-filtered');
  });

  test('a column filter open on the name column', async ({ app, page }) => {
    await app.open('inventory');
    await page.getByRole('columnheader', { name: '品名' }).focus();
    await page.keyboard.press('Control+Enter');
    await page.getByRole('textbox', { name: '筛选值' }).fill('帐篷');
    await expect(app.gridRows).toHaveCount(2);
    await app.screenshot('inventory-column-filter');
  });

  test('a refused site code in Settings', async ({ app, page }) => {
    await app.open('settings');
    await page.getByLabel('站点代码').fill('JC-09');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect(page.getByLabel('站点代码')).toHaveAttribute('aria-invalid', 'true');
    await app.screenshot('settings-refused');
  });
});

test('screenshot of an empty catalog', async ({ app }) => {
  await app.open('inventory');
  await expect(app.page.getByRole('heading', { name: '目录中还没有物资' })).toBeVisible();
  await app.screenshot('inventory-empty');
});
