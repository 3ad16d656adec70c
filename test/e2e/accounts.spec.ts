/**
 * Accounts as the depot meets them: the first start creates the admin (no default password), each
 * person signs in with their own account, a keeper is refused a write-off in the backend (and the
 * refusal is logged), a supervisor posts it, the session locks when left idle.
 */
import type { Page } from '@playwright/test';
import type { Backend } from '../../electron/backend/index';
import { seedDepot } from '../fixtures/depot';
import { backendCall, expect, test } from './fixtures';

test.use({ signedIn: false });

async function signIn(page: Page, username: string, password: string) {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/** An admin, a keeper and a supervisor, a seeded depot with 53 quilts in A-01; nobody signed in. */
async function depotWithStaff(backend: Backend) {
  await backendCall(backend, 'auth:setup-admin', {
    username: 'admin',
    displayName: '系统管理员',
    password: 'admin-password-1',
  });
  const depot = await seedDepot(backend);
  await backendCall(backend, 'users:save', {
    username: 'zhang',
    displayName: '张保管',
    role: 'keeper',
    password: 'zhang-password',
  });
  await backendCall(backend, 'users:save', {
    username: 'li',
    displayName: '李主管',
    role: 'supervisor',
    password: 'li-password',
  });
  await backendCall(backend, 'stock:post-receipt', {
    kind: 'purchase',
    sourceId: depot.sources.city.id,
    partyId: depot.parties.supplier.id,
    lines: [{ itemId: depot.items.quilt.id, cartons: 5, units: 3, locationId: depot.locations.a01.id }],
  });
  await backendCall(backend, 'auth:sign-out');
  return depot;
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

  test('a keeper is refused a write-off; the supervisor signs in and posts it; the log shows both', async ({
    app,
    page,
    backend,
  }) => {
    test.slow();
    const depot = await depotWithStaff(backend);
    await app.open();
    await expect(page.getByRole('heading', { level: 1, name: '登录' })).toBeVisible({ timeout: 20_000 });
    await signIn(page, 'zhang', 'wrong-password');
    await expect(page.getByRole('alert')).toHaveText('用户名或密码不正确。');
    await signIn(page, 'zhang', 'zhang-password');
    await expect(page.getByRole('region', { name: '当前用户' })).toContainText('张保管');

    await app.goTo('单据');
    const writeOffFlow = async () => {
      await page.getByRole('button', { name: '新建移库/调整/报废' }).click();
      const chooser = page.getByRole('dialog', { name: /^新建.*：选择库存$/ });
      await chooser.getByRole('radio', { name: '报废' }).check();
      await chooser.getByLabel('查找库存').fill('mb');
      await chooser.getByRole('button', { name: /^选择 MB-01 棉被，.*货位 A-01，/ }).click();
      const writeOff = page.getByRole('dialog', { name: '报废：MB-01 棉被' });
      await writeOff.getByLabel('箱数').fill('1');
      await writeOff.getByLabel('报废原因').fill('霉变，经质量检测不能使用');
      await writeOff.getByRole('button', { name: '核对…' }).click();
      await writeOff.getByRole('button', { name: '确认过账' }).click();
      return writeOff;
    };
    const refused = await writeOffFlow();
    await expect(refused.getByRole('alert')).toContainText('您的角色没有这项权限');
    await app.screenshot('accounts-keeper-refused');
    await refused.getByRole('button', { name: '返回修改' }).click();
    await page.keyboard.press('Escape');
    await page
      .getByRole('dialog', { name: /^新建.*：选择库存$/ })
      .getByRole('button', { name: '关闭' })
      .click();

    // Switch user: the supervisor signs in on the same window.
    await page.getByRole('region', { name: '当前用户' }).getByRole('button', { name: '切换用户' }).click();
    await signIn(page, 'li', 'li-password');
    await expect(page.getByRole('region', { name: '当前用户' })).toContainText('李主管');
    await app.goTo('单据');
    const posted = await writeOffFlow();
    await expect(posted).toBeHidden();

    await backendCall(backend, 'auth:sign-in', { username: 'admin', password: 'admin-password-1' });
    const writeOffs = await backendCall(backend, 'documents:list', { kind: 'write_off' });
    expect(writeOffs.total).toBe(1);
    expect((await backendCall(backend, 'documents:get', { id: writeOffs.rows[0]!.id })).operator).toBe('li');
    const rows = (await backendCall(backend, 'activity:list', { action: 'stock:post-write-off' })).rows;
    expect(rows.map((r) => [r.actor, r.outcome])).toEqual([
      ['li', 'ok'],
      ['zhang', 'refused'],
    ]);
    const quilts = await backendCall(backend, 'stock:on-hand', { itemId: depot.items.quilt.id });
    expect(quilts.reduce((s, r) => s + r.quantity, 0)).toBe(43);
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
