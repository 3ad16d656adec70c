import { backendCall, expect, test } from './fixtures';

test.describe('interface language', () => {
  test('switching to English changes the whole window and is remembered after a reload', async ({
    app,
    page,
    backend,
  }) => {
    await app.open('inventory');
    await page.getByRole('button', { name: 'English' }).click();

    await expect(app.heading).toHaveText('Inventory');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-US');
    await expect(app.navigation.getByRole('link', { name: 'Settings' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'The catalog has no items yet' })).toBeVisible();
    await expect(page.getByLabel('Quick filter')).toBeVisible();
    await expect(app.statusBar.getByRole('link', { name: 'Depot name not set' })).toBeVisible();
    await expect(app.statusBar).toContainText(/Database\s*OK/);

    // The choice is stored in the depot's settings, not only in this window.
    expect((await backendCall(backend, 'settings:get')).language).toBe('en-US');

    await page.reload();
    await expect(app.heading).toHaveText('Inventory');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-US');

    await page.getByRole('button', { name: '中文' }).click();
    await expect(app.heading).toHaveText('库存');
    expect((await backendCall(backend, 'settings:get')).language).toBe('zh-CN');
  });

  test('a language stored in the settings applies from the start', async ({ app, page, backend }) => {
    await backendCall(backend, 'settings:update', { language: 'en-US' });
    await app.open('inventory');

    await expect(app.heading).toHaveText('Inventory');
    await expect(page).toHaveTitle('Relief Reserve');
  });
});
