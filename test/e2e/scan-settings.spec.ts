import { seedDepot } from '../fixtures/depot';
import { backendCall, expect, test } from './fixtures';
import { codes, focusNowhere, registerBarcodes, scan } from './scanner';

test.describe('scanner settings', () => {
  test.describe.configure({ timeout: 120_000 });

  test('out-of-range values are refused beside their fields and nothing is stored; valid ones apply to the next scan', async ({
    app,
    page,
    backend,
  }) => {
    const depot = await seedDepot(backend);
    await registerBarcodes(backend, depot);
    await app.open('settings');
    const section = page.getByRole('group', { name: '扫描枪', exact: true });
    const minLength = section.getByRole('textbox', { name: '最少字符数' });
    const interval = section.getByRole('textbox', { name: '按键最大平均间隔（毫秒）' });
    await minLength.fill('2');
    await interval.fill('500');
    await section.getByRole('checkbox', { name: 'Enter（回车）' }).uncheck();
    await section.getByRole('checkbox', { name: 'Tab（制表键）' }).uncheck();
    await page.getByRole('button', { name: '应用扫描枪设置' }).click();
    await expect(section.getByText('请输入 3 到 64 之间的整数。')).toBeVisible();
    await expect(section.getByText('请输入 5 到 200 之间的整数。')).toBeVisible();
    await expect(section.getByText('至少选择一个结束键。')).toBeVisible();
    await expect(minLength).toBeFocused();
    await app.screenshot('scan-settings-refused');
    expect((await backendCall(backend, 'settings:get')).scanner).toEqual({
      minLength: 6,
      maxIntervalMs: 35,
      terminators: ['Enter', 'Tab'],
    });

    // Codes shorter than 14 characters are typing from now on; Enter alone ends a scan.
    await minLength.fill('14');
    await interval.fill('20');
    await section.getByRole('checkbox', { name: 'Enter（回车）' }).check();
    await page.getByRole('button', { name: '应用扫描枪设置' }).click();
    await expect(page.getByRole('status').filter({ hasText: '扫描枪设置已生效。' })).toBeVisible();
    expect((await backendCall(backend, 'settings:get')).scanner).toEqual({
      minLength: 14,
      maxIntervalMs: 20,
      terminators: ['Enter'],
    });

    await app.goTo('入库');
    await focusNowhere(page);
    await scan(page, codes.waterUnit);
    await expect(page.getByRole('combobox', { name: '第 1 行：物资' })).toHaveValue('');
    await scan(page, codes.waterCarton);
    await expect(page.getByRole('combobox', { name: '第 1 行：物资' })).toHaveValue('矿泉水');
  });
});
