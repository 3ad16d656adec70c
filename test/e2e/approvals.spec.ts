/**
 * Supervisor approval as the depot meets it: a keeper applies for a write-off (nothing leaves the
 * stock), cannot approve it, and the supervisor — signing in on the same window — approves it; the
 * write-off is then in the ledger and its document names who applied and who approved.
 */
import type { Page } from '@playwright/test';
import type { Backend } from '../../electron/backend/index';
import { backendCall, expect, test } from './fixtures';
import { depotWithStaff } from './staff';

test.use({ signedIn: false });

async function signIn(page: Page, username: string, password: string) {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('region', { name: '当前用户' })).toContainText(username, { timeout: 20_000 });
}

async function quiltsOnHand(backend: Backend, itemId: string): Promise<number> {
  return (await backendCall(backend, 'stock:on-hand', { itemId })).reduce((s, r) => s + r.quantity, 0);
}

test.describe('approvals', () => {
  test('a keeper applies for a write-off and cannot approve it; the supervisor approves; the ledger and the document show it', async ({
    app,
    page,
    backend,
  }) => {
    test.slow();
    const depot = await depotWithStaff(backend);
    await app.open();
    await expect(page.getByRole('heading', { level: 1, name: '登录' })).toBeVisible({ timeout: 20_000 });
    await signIn(page, 'zhang', 'zhang-password');

    // — The keeper applies for the write-off of one carton of quilts —
    await app.goTo('单据');
    await page.getByRole('button', { name: '新建移库/调整/报废' }).click();
    const chooser = page.getByRole('dialog', { name: /^新建.*：选择库存$/ });
    await chooser.getByRole('radio', { name: '报废' }).check();
    await chooser.getByLabel('查找库存').fill('mb');
    await chooser.getByRole('button', { name: /^选择 MB-01 棉被，.*货位 A-01，/ }).click();
    const writeOff = page.getByRole('dialog', { name: '报废：MB-01 棉被' });
    await writeOff.getByLabel('箱数').fill('1');
    await writeOff.getByLabel('报废原因').fill('霉变，经质量检测不能使用');
    await writeOff.getByRole('button', { name: '核对…' }).click();
    await expect(writeOff.getByRole('group', { name: '请核对后过账' })).toContainText('报废需经主管批准后才过账。');
    await writeOff.getByRole('button', { name: '提交报废申请' }).click();
    await expect(writeOff.getByRole('status')).toHaveText('报废申请已提交，等待主管审批；批准前库存不变。');
    await app.screenshot('approvals-keeper-requested');
    await writeOff.getByRole('button', { name: '关闭' }).click();
    await chooser.getByRole('button', { name: '关闭' }).click();

    // Nothing was posted: the stock is whole and there is no write-off document.
    expect(await quiltsOnHand(backend, depot.items.quilt.id)).toBe(53);
    expect((await backendCall(backend, 'documents:list', { kind: 'write_off' })).total).toBe(0);

    // The keeper sees the request waiting, with no way to approve it…
    const pending = page.getByRole('region', { name: '待审批（1）' });
    const table = pending.getByRole('table', { name: '审批申请' });
    await expect(table.getByRole('row')).toHaveCount(2);
    await expect(table.getByRole('row').nth(1)).toContainText('报废');
    await expect(table.getByRole('row').nth(1)).toContainText('棉被 10 床');
    await expect(table.getByRole('row').nth(1)).toContainText('张保管');
    await expect(table.getByRole('row').nth(1)).toContainText('待审批');
    await expect(pending.getByRole('button', { name: /批准/ })).toHaveCount(0);
    // …and the backend refuses it through the window's own door too.
    const [request] = (await backendCall(backend, 'approvals:list', { status: 'pending' })).rows;
    const refusal = await page.evaluate(
      (id) =>
        (globalThis as unknown as { api: Record<string, (i: unknown) => Promise<unknown>> }).api['approvals:approve']!({
          id,
        }),
      request!.id,
    );
    expect(refusal).toMatchObject({ ok: false, error: { code: 'not-permitted' } });
    await app.screenshot('approvals-keeper-pending');

    // — The supervisor signs in on the same window and approves —
    await page.getByRole('region', { name: '当前用户' }).getByRole('button', { name: '切换用户' }).click();
    await signIn(page, 'li', 'li-password');
    await expect(app.navigation.getByRole('status', { name: '1 项待审批' })).toHaveText('1');
    await app.goTo('单据');
    await page.getByRole('button', { name: '批准 张保管 的报废申请' }).click();
    const approve = page.getByRole('dialog', { name: '批准报废申请' });
    await expect(approve).toContainText('申请人：张保管');
    await expect(approve).toContainText('报废：棉被 10 床');
    await expect(approve).toContainText('霉变，经质量检测不能使用');
    await app.screenshot('approvals-supervisor-approve');
    await approve.getByRole('button', { name: '批准并过账' }).click();
    await expect(approve).toBeHidden();

    const writeOffs = await backendCall(backend, 'documents:list', { kind: 'write_off' });
    expect(writeOffs.total).toBe(1);
    const number = writeOffs.rows[0]!.number;
    expect(number).toMatch(/^BF-\d{4}-00001$/);
    await expect(page.getByRole('status').filter({ hasText: `已批准，已过账 ${number}。` })).toBeVisible();
    await expect(app.navigation.getByRole('status', { name: /项待审批/ })).toHaveCount(0);
    await expect(page.getByRole('region', { name: '待审批' })).toContainText('没有待审批的申请。');
    expect(await quiltsOnHand(backend, depot.items.quilt.id)).toBe(43);

    // — The document names who applied and who approved —
    await page.getByRole('link', { name: `查看 ${number}` }).click();
    const facts = page.getByRole('region', { name: '单据信息' });
    await expect(facts.getByRole('definition').filter({ hasText: '李主管（li）' })).toBeVisible();
    await expect(page.getByText('审批人', { exact: true })).toBeVisible();
    await expect(page.getByText(/^张保管（zhang），/)).toBeVisible();
    await expect(page.getByText(/^李主管（li），/)).toBeVisible();
    await app.screenshot('approvals-document-approved');

    // — The printed approval form names them too: 申请人 the keeper, 批准 the supervisor —
    await page.getByRole('button', { name: '打印', exact: true }).click();
    const preview = page.getByRole('dialog', { name: `打印预览：报废申请审批表 ${number}` });
    const sheets = preview.getByRole('region', { name: '打印页面' });
    await expect(sheets).toContainText('救灾物资报废申请审批表');
    await expect(sheets.getByText('张保管', { exact: true })).toBeVisible();
    await expect(sheets.getByText('李主管', { exact: true })).toBeVisible();

    const doc = await backendCall(backend, 'documents:get', { id: writeOffs.rows[0]!.id });
    expect(doc.operator).toBe('li');
    expect(doc.approval).toMatchObject({ requestedBy: 'zhang', approvedBy: 'li', selfApproved: false });
    expect(doc.entries.map((e) => e.quantity)).toEqual([-10]);
  });
});

test.describe('approvals at the edges of the story', () => {
  test('a keeper’s dispatch above the depot’s quantity limit goes to approval; nothing leaves the stock', async ({
    app,
    page,
    backend,
  }) => {
    test.slow();
    const depot = await depotWithStaff(backend);
    // The admin sets the limit in Settings: a bad number is said beside the field, nothing saved.
    await app.open('settings');
    await signIn(page, 'admin', 'admin-password-1');
    const limits = page.getByRole('group', { name: '审批' });
    await limits.getByLabel('出库数量限额（基本单位）').fill('0');
    await page.getByRole('button', { name: '保存审批设置' }).click();
    await expect(limits.getByLabel('出库数量限额（基本单位）')).toHaveAccessibleDescription(
      '请填写正整数，或留空表示不限。',
    );
    expect((await backendCall(backend, 'settings:get')).approvalQuantityLimit).toBeNull();
    await limits.getByLabel('出库数量限额（基本单位）').fill('20');
    await page.getByRole('button', { name: '保存审批设置' }).click();
    await expect(page.getByRole('status').filter({ hasText: '审批设置已保存。' })).toBeVisible();
    expect(await backendCall(backend, 'settings:get')).toMatchObject({
      approvalQuantityLimit: 20,
      approvalValueLimitFen: null,
      singlePerson: false,
    });
    await limits.scrollIntoViewIfNeeded();
    await app.screenshot('approvals-settings');

    await page.getByRole('region', { name: '当前用户' }).getByRole('button', { name: '切换用户' }).click();
    await signIn(page, 'zhang', 'zhang-password');
    await app.goTo('出库');

    const unit = page.getByRole('combobox', { name: '接收单位', exact: true });
    await unit.fill('青山');
    await expect(page.getByRole('option', { name: /青山镇人民政府/ })).toBeVisible();
    await unit.press('Enter');
    await page.getByLabel('调拨通知单号').fill('应急调〔2026〕30号');
    const item = page.getByRole('combobox', { name: '第 1 行 物资', exact: true });
    await item.fill('MB-01');
    await expect(page.getByRole('option', { name: /MB-01/ })).toBeVisible();
    await item.press('Enter');
    await page.getByLabel('第 1 行 实发数量：箱数').fill('3');
    await page.getByRole('button', { name: '过账' }).click();
    await page.getByRole('dialog', { name: '确认出库' }).getByRole('button', { name: '确认过账' }).click();

    await expect(page.getByRole('heading', { name: '出库申请已提交，等待主管审批；批准前库存不变。' })).toBeVisible();
    await expect(page.getByText('这张发往青山镇人民政府的出库单超过了本库规定的数量或金额限额')).toBeVisible();
    await app.screenshot('approvals-dispatch-requested');
    expect((await backendCall(backend, 'documents:list', { kind: 'dispatch' })).total).toBe(0);
    expect(await quiltsOnHand(backend, depot.items.quilt.id)).toBe(53);
    const requests = (await backendCall(backend, 'approvals:list', { status: 'pending' })).rows;
    expect(requests).toMatchObject([{ kind: 'dispatch', requestedBy: 'zhang', totalQuantity: 30 }]);
    // The slip's draft went into the request.
    expect(await backendCall(backend, 'drafts:list', { kind: 'dispatch' })).toEqual([]);
  });

  test('a keeper changes their own password: the current one is required, the new one long enough', async ({
    app,
    page,
    backend,
  }) => {
    test.slow();
    await depotWithStaff(backend);
    await app.open();
    await signIn(page, 'zhang', 'zhang-password');
    await page.getByRole('region', { name: '当前用户' }).getByRole('button', { name: '修改密码' }).click();
    const dialog = page.getByRole('dialog', { name: '修改我的密码' });
    await dialog.getByLabel('当前密码').fill('not-my-password');
    await dialog.getByLabel('新密码', { exact: true }).fill('短');
    await dialog.getByRole('button', { name: '修改密码' }).click();
    await expect(dialog.getByLabel('新密码', { exact: true })).toHaveAccessibleDescription('新密码至少 8 位。');
    await dialog.getByLabel('新密码', { exact: true }).fill('三号库门 2026');
    await dialog.getByLabel('再输一遍新密码').fill('三号库门 2026');
    await dialog.getByRole('button', { name: '修改密码' }).click();
    await expect(dialog.getByLabel('当前密码')).toHaveAccessibleDescription('当前密码不正确。');
    await app.screenshot('approvals-password-wrong-current');
    await dialog.getByLabel('当前密码').fill('zhang-password');
    await dialog.getByRole('button', { name: '修改密码' }).click();
    await expect(dialog.getByRole('status')).toHaveText('密码已修改，下次登录请用新密码。');
    await dialog.getByRole('button', { name: '关闭' }).click();

    // The old password no longer opens the account; the new one does.
    await backendCall(backend, 'auth:sign-out');
    expect((await backend.invoke('auth:sign-in', { username: 'zhang', password: 'zhang-password' })).ok).toBe(false);
    expect((await backend.invoke('auth:sign-in', { username: 'zhang', password: '三号库门 2026' })).ok).toBe(true);
  });
});
