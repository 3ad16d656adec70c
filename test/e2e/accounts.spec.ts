/**
 * Accounts as the depot meets them: the first start creates the admin (no default password), each
 * person signs in with their own account, the session locks when left idle. (A keeper's write-off
 * goes to a supervisor's approval: approvals.spec.ts.)
 */
import type { Page } from '@playwright/test';
import { backendCall, expect, test } from './fixtures';
import { depotWithStaff } from './staff';

test.use({ signedIn: false });

async function signIn(page: Page, username: string, password: string) {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

test.describe('accounts', () => {
  test('the first start creates the admin account, then the desk opens under that name', async ({
    app,
    page,
    backend,
  }) => {
    await app.open();
    await expect(page.getByRole('heading', { level: 1, name: '首次使用：建立管理员账户' })).toBeVisible({
      timeout: 20_000,
    });
    await page.getByLabel('姓名').fill('王管理');
    await page.getByLabel('密码', { exact: true }).fill('短密码');
    await page.getByLabel('再次输入密码').fill('短密码');
    await page.getByRole('button', { name: '建立管理员并登录' }).click();
    // Too short: said in words, nothing created.
    await expect(page.getByRole('alert')).toContainText('至少 8 位');
    expect((await backendCall(backend, 'auth:status')).hasUsers).toBe(false);

    await page.getByLabel('密码', { exact: true }).fill('仓库三号门 2026');
    await page.getByLabel('再次输入密码').fill('仓库三号门 2025');
    await expect(page.getByText('两次输入的密码不一致。')).toBeVisible();
    await app.screenshot('accounts-first-start');
    await page.getByLabel('再次输入密码').fill('仓库三号门 2026');
    await page.getByRole('button', { name: '建立管理员并登录' }).click();

    await expect(app.navigation).toBeVisible({ timeout: 20_000 });
    const userBox = page.getByRole('region', { name: '当前用户' });
    await expect(userBox).toContainText('王管理');
    await expect(userBox).toContainText('admin · 管理员');
    const users = await backendCall(backend, 'users:list');
    expect(users).toMatchObject([{ username: 'admin', displayName: '王管理', role: 'admin', active: true }]);
  });

  test('the admin creates an account in Settings; the lock button locks, and only the password unlocks', async ({
    app,
    page,
    backend,
  }) => {
    await depotWithStaff(backend);
    await app.open();
    await signIn(page, 'admin', 'admin-password-1');
    await app.goTo('设置');
    const users = page.getByRole('region', { name: '用户与权限' });
    await users.getByRole('button', { name: '新建账户' }).click();
    const dialog = page.getByRole('dialog', { name: '新建账户' });
    await dialog.getByLabel('用户名').fill('wang');
    await dialog.getByLabel('姓名').fill('王审计');
    await dialog.getByLabel('角色').selectOption({ label: '审计（只读/导出）' });
    await dialog.getByLabel('初始密码').fill('wang-password');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(users.getByRole('status')).toHaveText('账户已保存。');
    await expect(users.getByRole('row').filter({ hasText: 'wang' })).toContainText('审计（只读/导出）');
    await page.getByRole('region', { name: '操作日志' }).scrollIntoViewIfNeeded();
    await expect(page.getByRole('region', { name: '操作日志' })).toContainText('保存账户');
    await app.screenshot('accounts-settings');

    await page.getByRole('region', { name: '当前用户' }).getByRole('button', { name: '锁定' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '已锁定' })).toBeVisible();
    expect((await backend.invoke('stock:inventory', {})).ok).toBe(false);
    await page.getByLabel('密码', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: '解锁' }).click();
    await expect(page.getByRole('alert')).toHaveText('用户名或密码不正确。');
    await app.screenshot('accounts-locked');
    await page.getByLabel('密码', { exact: true }).fill('admin-password-1');
    await page.getByRole('button', { name: '解锁' }).click();
    await expect(app.heading).toHaveText('设置');
  });
});
