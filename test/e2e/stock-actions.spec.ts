import type { Page } from '@playwright/test';
import type { Backend } from '../../electron/backend/index';
import { seedDepot, type Depot } from '../fixtures/depot';
import { backendCall, expect, test } from './fixtures';

/** 53 quilts (5 cartons + 3) from the city reserve in slot A-01. */
async function receiveQuilts(backend: Backend, depot: Depot) {
  return backendCall(backend, 'stock:post-receipt', {
    kind: 'purchase',
    sourceId: depot.sources.city.id,
    partyId: depot.parties.supplier.id,
    lines: [{ itemId: depot.items.quilt.id, cartons: 5, units: 3, locationId: depot.locations.a01.id }],
  });
}

/** Quantities of the quilts on hand by location code. */
async function quiltsByLocation(backend: Backend, depot: Depot): Promise<Record<string, number>> {
  const rows = await backendCall(backend, 'stock:on-hand', { itemId: depot.items.quilt.id });
  return Object.fromEntries(rows.map((r) => [r.locationCode, r.quantity]));
}

/** Opens the chooser from the documents list, picks the action and the quilts in `location`. */
async function chooseQuilts(page: Page, action: '移库' | '调整' | '报废', location: string) {
  await page.getByRole('button', { name: '新建移库/调整/报废' }).click();
  const chooser = page.getByRole('dialog', { name: /^新建.*：选择库存$/ });
  await chooser.getByRole('radio', { name: action }).check();
  await expect(chooser).toHaveAccessibleName(`新建${action}：选择库存`);
  // Pinyin initials find the item, as in every item field.
  await chooser.getByLabel('查找库存').fill('mb');
  await chooser.getByRole('button', { name: new RegExp(`^选择 MB-01 棉被，.*货位 ${location}，`) }).click();
  return chooser;
}

test.describe('stock actions', () => {
  // Long stories on a shared two-core machine: give them room.
  test.slow();

  test('quilts are moved, adjusted for damage and written off from the chooser, each reflected in stock', async ({
    app,
    page,
    backend,
  }) => {
    const depot = await seedDepot(backend);
    const receipt = await receiveQuilts(backend, depot);
    await app.open('documents');

    // — Transfer 2 cartons from —
    await chooseQuilts(page, '移库', 'A-01');
    const transfer = page.getByRole('dialog', { name: '移库：MB-01 棉被' });
    // The stock row acted on: item, batch (the receipt's number), no expiry, location, source, on hand.
    await expect(transfer.getByRole('definition')).toHaveText([
      'MB-01 棉被',
      receipt.number,
      '无',
      'A-01',
      '市级储备',
      '53 床（合 5 箱 + 3 床）',
    ]);
    await transfer.getByRole('button', { name: '核对…' }).click();
    await expect(transfer.getByLabel('移至货位')).toHaveAccessibleDescription('请选择要移至的货位。');
    await transfer.getByLabel('移至货位').selectOption({ label: 'A-02 A区02货位' });
    await transfer.getByLabel('箱数').fill('2');
    await expect(transfer).toContainText('合计 20 床');
    await transfer.getByRole('button', { name: '核对…' }).click();
    await expect(transfer.getByRole('group', { name: '请核对后过账' })).toContainText(
      '将 20 床（合 2 箱 + 0 床）从货位 A-01 移至 A-02。',
    );
    // The summary has the focus, not the post button: a habitual second Enter posts nothing.
    await expect(transfer.getByRole('group', { name: '请核对后过账' })).toBeFocused();
    await page.keyboard.press('Enter');
    expect((await backendCall(backend, 'documents:list', { kind: 'transfer' })).total).toBe(0);
    await app.screenshot('stock-actions-transfer-confirm');
    // Two submissions in the same instant (a double Enter faster than the screen redraws) post once.
    await transfer.locator('form').evaluate((element) => {
      // This file has no DOM typings: the form is named by the one method used.
      const form = element as unknown as { requestSubmit(): void };
      form.requestSubmit();
      form.requestSubmit();
    });
    await expect(transfer).toBeHidden();
    const transfers = await backendCall(backend, 'documents:list', { kind: 'transfer' });
    expect(transfers.total).toBe(1);
    await expect(page.getByRole('status').filter({ hasText: `已过账 ${transfers.rows[0]!.number}。` })).toBeVisible();
    expect(await quiltsByLocation(backend, depot)).toEqual({ 'A-01': 33, 'A-02': 20 });
    await expect(app.gridRows.filter({ hasText: transfers.rows[0]!.number })).toContainText('移库单');

    // — 3 quilts damaged in A-01 —
    await chooseQuilts(page, '调整', 'A-01');
    const adjustment = page.getByRole('dialog', { name: '库存调整：MB-01 棉被' });
    await expect(adjustment).toContainText('33 床（合 3 箱 + 3 床）');
    await adjustment.getByLabel('调整原因').selectOption({ label: '损坏（减少库存）' });
    await adjustment.getByLabel('散件数（床）').fill('3');
    await adjustment.getByRole('button', { name: '核对…' }).click();
    // What happened must be written down.
    await expect(adjustment.getByLabel('情况说明')).toHaveAccessibleDescription('请写明调整的情况。');
    await adjustment.getByLabel('情况说明').fill('叉车搬运时包装破损，3 床受潮');
    await adjustment.getByRole('button', { name: '核对…' }).click();
    const summary = adjustment.getByRole('group', { name: '请核对后过账' });
    await expect(summary).toContainText('损坏：货位 A-01 减少 3 床。');
    await expect(summary).toContainText('过账后该库存为 30 床（合 3 箱 + 0 床）。');
    await adjustment.getByRole('button', { name: '确认过账' }).click();
    await expect(adjustment).toBeHidden();
    const adjustments = await backendCall(backend, 'documents:list', { kind: 'adjustment' });
    expect(adjustments.rows.map((d) => d.subkind)).toEqual(['damaged']);
    expect(await quiltsByLocation(backend, depot)).toEqual({ 'A-01': 30, 'A-02': 20 });

    // — Write-off in A-02: more than is there is refused on the spot —
    await chooseQuilts(page, '报废', 'A-02');
    const writeOff = page.getByRole('dialog', { name: '报废：MB-01 棉被' });
    await writeOff.getByLabel('箱数').fill('3');
    await writeOff.getByLabel('报废原因').fill('霉变，经质量检测不能使用');
    await writeOff.getByRole('button', { name: '核对…' }).click();
    await expect(writeOff.getByLabel('箱数')).toHaveAccessibleDescription(
      '超出现有库存：现有 20 床（合 2 箱 + 0 床）。',
    );
    await writeOff.getByLabel('箱数').fill('1');
    await writeOff.getByLabel('散件数（床）').fill('5');
    await writeOff.getByRole('button', { name: '核对…' }).click();
    await expect(writeOff.getByRole('group', { name: '请核对后过账' })).toContainText(
      '从货位 A-02 报废 15 床（合 1 箱 + 5 床）。',
    );

    // Meanwhile 10 quilts in A-02 were found missing: the backend refuses, and nothing is written.
    await backendCall(backend, 'stock:post-adjustment', {
      reason: 'lost',
      remarks: '盘点发现丢失',
      lines: [
        {
          itemId: depot.items.quilt.id,
          batchId: (await backendCall(backend, 'stock:on-hand', { locationId: depot.locations.a02.id }))[0]!.batchId,
          sourceId: depot.sources.city.id,
          locationId: depot.locations.a02.id,
          delta: -10,
        },
      ],
    });
    await writeOff.getByRole('button', { name: '确认过账' }).click();
    await expect(writeOff.getByRole('alert')).toHaveText(
      '未能过账：棉被（市级储备）库存不足：现有 10，需要 15。没有写入任何数据。',
    );
    expect((await backendCall(backend, 'documents:list', { kind: 'write_off' })).total).toBe(0);
    expect(await quiltsByLocation(backend, depot)).toEqual({ 'A-01': 30, 'A-02': 10 });
    await app.screenshot('stock-actions-write-off-refused');

    // Corrected to what is there, it posts.
    await writeOff.getByRole('button', { name: '返回修改' }).click();
    await writeOff.getByLabel('散件数（床）').fill('0');
    await writeOff.getByRole('button', { name: '核对…' }).click();
    await writeOff.getByRole('button', { name: '确认过账' }).click();
    await expect(writeOff).toBeHidden();
    const writeOffs = await backendCall(backend, 'documents:list', { kind: 'write_off' });
    expect(writeOffs.total).toBe(1);
    const detail = await backendCall(backend, 'documents:get', { id: writeOffs.rows[0]!.id });
    expect(detail.reason).toBe('霉变，经质量检测不能使用');
    expect(await quiltsByLocation(backend, depot)).toEqual({ 'A-01': 30 });
    await app.screenshot('stock-actions-posted');
  });

  test('a count correction asks which way the stock goes, and an increase is not bounded by what is on hand', async ({
    app,
    page,
    backend,
  }) => {
    const depot = await seedDepot(backend);
    await receiveQuilts(backend, depot);
    await app.open('documents');

    await chooseQuilts(page, '调整', 'A-01');
    const adjustment = page.getByRole('dialog', { name: '库存调整：MB-01 棉被' });
    await adjustment.getByLabel('调整原因').selectOption({ label: '盘点更正（增加或减少）' });
    await adjustment.getByLabel('箱数').fill('6');
    await adjustment.getByLabel('情况说明').fill('复盘确认多出 6 箱');
    await adjustment.getByRole('button', { name: '核对…' }).click();
    await expect(adjustment.getByRole('group', { name: '调整方向' })).toContainText('请选择增加还是减少。');
    await app.screenshot('stock-actions-count-correction-form');
    await adjustment.getByRole('radio', { name: '增加库存' }).check();
    await adjustment.getByRole('button', { name: '核对…' }).click();
    await expect(adjustment.getByRole('group', { name: '请核对后过账' })).toContainText(
      '盘点更正：货位 A-01 增加 60 床（合 6 箱 + 0 床）。',
    );
    await app.screenshot('stock-actions-count-correction');
    await adjustment.getByRole('button', { name: '确认过账' }).click();
    await expect(adjustment).toBeHidden();
    expect(await quiltsByLocation(backend, depot)).toEqual({ 'A-01': 113 });
  });
});
