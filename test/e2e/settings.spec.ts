import { backendCall, expect, test } from './fixtures';
import { basicItems } from './catalog-items';

test.describe('settings', () => {
  test('the depot name saved in Settings shows in the status bar', async ({ app, page, backend }) => {
    await app.open('settings');

    await page.getByLabel('储备库名称').fill('江城市救灾物资储备库');
    await page.getByLabel('站点代码').fill('jc-01');
    await page.getByRole('button', { name: '保存', exact: true }).click();

    await expect(page.getByRole('status').filter({ hasText: '设置已保存。' })).toBeVisible();
    await expect(app.statusBar).toContainText('江城市救灾物资储备库');
    await expect(app.statusBar.getByRole('link', { name: '未设置储备库名称' })).toHaveCount(0);
    // Typed in lower case, stored as the upper-case code it is.
    await expect(app.statusBar).toContainText('JC-01');
    const stored = await backendCall(backend, 'settings:get');
    expect(stored).toMatchObject({ depotName: '江城市救灾物资储备库', siteCode: 'JC-01' });

    await page.reload();
    await expect(page.getByLabel('储备库名称')).toHaveValue('江城市救灾物资储备库');
  });

  test('an invalid site code is refused with a reason in Chinese, and nothing is saved', async ({
    app,
    page,
    backend,
  }) => {
    const before = await backendCall(backend, 'settings:get');
    await app.open('settings');

    const siteCode = page.getByLabel('站点代码');
    await siteCode.fill('仓库 1');
    await page.getByLabel('储备库名称').fill('江城市救灾物资储备库');
    await page.getByRole('button', { name: '保存', exact: true }).click();

    await expect(siteCode).toHaveAttribute('aria-invalid', 'true');
    await expect(siteCode).toHaveAccessibleDescription(/站点代码须为 2–16 位大写字母、数字或连字符/);
    await expect(siteCode).toBeFocused();
    await expect(page.getByRole('status').filter({ hasText: '设置已保存。' })).toHaveCount(0);
    // One refused field refuses the whole change: the name was not saved either.
    expect(await backendCall(backend, 'settings:get')).toEqual(before);
    await expect(app.statusBar.getByRole('link', { name: '未设置储备库名称' })).toBeVisible();

    // Corrected, it saves and the message goes away.
    await siteCode.fill('JC-01');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: '设置已保存。' })).toBeVisible();
    await expect(siteCode).not.toHaveAttribute('aria-invalid', 'true');
  });

  test('once the depot holds items, its site code can no longer change', async ({ app, page, backend }) => {
    await backendCall(backend, 'catalog:create-item', basicItems[0]!);
    const { siteCode: owned } = await backendCall(backend, 'settings:get');
    await app.open('settings');

    const siteCode = page.getByLabel('站点代码');
    await siteCode.fill('JC-02');
    await page.getByRole('button', { name: '保存', exact: true }).click();

    await expect(siteCode).toHaveAccessibleDescription(/本库已有物资记录，站点代码不能再修改。/);
    expect((await backendCall(backend, 'settings:get')).siteCode).toBe(owned);
  });

  test('the interface language chosen in the form applies on saving', async ({ app, page, backend }) => {
    await app.open('settings');

    await page.getByLabel('界面语言').selectOption({ label: 'English' });
    await page.getByRole('button', { name: '保存', exact: true }).click();

    await expect(app.heading).toHaveText('Settings');
    await expect(page.getByLabel('Interface language')).toHaveValue('en-US');
    await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
    expect((await backendCall(backend, 'settings:get')).language).toBe('en-US');
  });
});
