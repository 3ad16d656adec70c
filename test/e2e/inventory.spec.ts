import { backendCall, expect, test } from './fixtures';
import { basicItems } from './catalog-items';

test.describe('inventory', () => {
  test.beforeEach(async ({ backend }) => {
    for (const item of basicItems) await backendCall(backend, 'catalog:create-item', item);
  });

  test('items in the catalog are listed with their units, pack sizes and quotas', async ({ app, page }) => {
    await app.open();

    await expect(app.gridRows).toHaveCount(3);
    await expect(page.getByRole('status').filter({ hasText: '共 3 种物资' })).toBeVisible();

    const tent = app.gridRows.filter({ hasText: '单帐篷' });
    await expect(tent.getByRole('gridcell')).toHaveText([
      'ZP-001',
      '单帐篷',
      '12m²',
      '顶',
      '1',
      '1,200',
      '200',
      '5',
      '启用',
    ]);
    const water = app.gridRows.filter({ hasText: '矿泉水' });
    // Quantities with thousands grouping; a blank where persons per unit was not stated.
    await expect(water.getByRole('gridcell')).toHaveText([
      'SP-001',
      '矿泉水',
      '550ml ×24',
      '瓶',
      '24',
      '48,000',
      '9,600',
      '',
      '启用',
    ]);

    // Numbers line up on the right, text on the left.
    const quota = water.getByRole('gridcell').nth(5);
    await expect(quota).toHaveCSS('text-align', /right|end/);
    const name = water.getByRole('gridcell').nth(1);
    await expect(name).toHaveCSS('text-align', /left|start/);

    await expect(page.getByRole('columnheader', { name: '储备定额' })).toBeVisible();
  });

  test('the quick filter narrows the list to what the keeper types', async ({ app, page }) => {
    await app.open();
    const filter = page.getByLabel('快速筛选');

    await filter.fill('棉');
    await expect(app.gridRows).toHaveCount(1);
    await expect(app.gridRows.first()).toContainText('棉被');
    await expect(page.getByRole('status').filter({ hasText: '显示 1 / 3 种物资' })).toBeVisible();

    await filter.fill('550ml');
    await expect(app.gridRows).toHaveCount(1);
    await expect(app.gridRows.first()).toContainText('矿泉水');

    await filter.fill('发电机');
    await expect(app.gridRows).toHaveCount(0);
    // Said on the grid (its overlay has no role; the same words also go to its live region for screen readers).
    await expect(page.locator('.ag-overlay').getByText('没有符合筛选条件的物资')).toBeVisible();

    await filter.fill('');
    await expect(app.gridRows).toHaveCount(3);
  });

  test('a column filter, opened from the keyboard, speaks Chinese and narrows the list', async ({ app, page }) => {
    await app.open();
    await page.getByRole('columnheader', { name: '规格' }).focus();
    await page.keyboard.press('Control+Enter');

    await expect(page.getByRole('combobox', { name: '筛选条件' })).toHaveText('包含');
    const value = page.getByRole('textbox', { name: '筛选值' });
    await expect(value).toHaveAttribute('placeholder', '筛选…');
    await value.fill('kg');
    await expect(app.gridRows).toHaveCount(1);
    await expect(app.gridRows.first()).toContainText('棉被');
  });

  test('the grid speaks English when the interface does', async ({ app, page, backend }) => {
    await backendCall(backend, 'settings:update', { language: 'en-US' });
    await app.open();

    await expect(page.getByRole('columnheader', { name: 'Reserve quota' })).toBeVisible();
    await expect(app.gridRows.filter({ hasText: 'ZP-001' }).getByRole('gridcell').last()).toHaveText('Active');
    await page.getByLabel('Quick filter').fill('nothing like this');
    await expect(page.locator('.ag-overlay').getByText('No items match the filter')).toBeVisible();
  });
});
