import { expect, test } from './fixtures';

const areaNames = ['首页', '库存', '入库', '出库', '单据', '盘点', '台账', '物资目录', '报表', '设置'];

test.describe('opening the app on a fresh depot', () => {
  test('it opens in Chinese on the home screen, with every area in the navigation', async ({ app, page, dataDir }) => {
    await app.open();

    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page).toHaveTitle('救灾物资储备管理');
    await expect(app.navigation.getByRole('link')).toHaveText(areaNames);
    await expect(app.navigation.getByRole('link', { name: '首页' })).toHaveAttribute('aria-current', 'page');
    await expect(app.heading).toHaveText('首页');

    // An empty catalog is said plainly, with the way to where items come from; nothing needs attention.
    await expect(page.getByText('目录中还没有物资。')).toBeVisible();
    await expect(page.getByRole('region', { name: '低于最低库存' })).toContainText('无');

    // The status bar: no depot name yet (a prompt), a generated site code, a healthy database.
    await expect(app.statusBar.getByRole('link', { name: '未设置储备库名称' })).toBeVisible();
    await expect(app.statusBar).toContainText(/站点代码\s*D-[A-Z0-9]{6}/);
    await expect(app.statusBar).toContainText(/数据库\s*正常/);
    await expect(app.statusBar).toContainText(/数据结构版本\s*\d+/);
    await expect(app.statusBar).toContainText(dataDir);
  });

  test('the empty inventory points the keeper to the catalog', async ({ app, page }) => {
    await app.open('inventory');
    await page.getByRole('link', { name: '前往物资目录' }).click();

    await expect(app.heading).toHaveText('物资目录');
    await expect(page.getByRole('tab', { name: '物资', exact: true })).toHaveAttribute('aria-selected', 'true');
  });

  test('the status bar prompt for a depot name leads to Settings', async ({ app, page }) => {
    await app.open();
    await app.statusBar.getByRole('link', { name: '未设置储备库名称' }).click();

    await expect(app.heading).toHaveText('设置');
    await expect(page.getByLabel('储备库名称')).toHaveValue('');
  });

  test('every area is reachable from the navigation and says what it is for', async ({ app }) => {
    // Ten areas drawn one after another: more than the default time on a busy two-core machine.
    test.slow();
    await app.open();
    for (const name of areaNames) {
      await app.goTo(name);
      await expect(app.navigation.getByRole('link', { name, exact: true })).toHaveAttribute('aria-current', 'page');
    }
  });
});
