import { seedDepot } from '../fixtures/depot';
import { backendCall, expect, test } from './fixtures';

test.describe('dispatch by keyboard', () => {
  test.describe.configure({ timeout: 120_000 });

  test('a keeper enters and posts a two-line dispatch with the keyboard only', async ({ app, page, backend }) => {
    const depot = await seedDepot(backend);
    const expiry = new Date();
    expiry.setDate(expiry.getDate() + 120);
    const pad = (n: number) => String(n).padStart(2, '0');
    await backendCall(backend, 'stock:post-receipt', {
      kind: 'allocation',
      sourceId: depot.sources.city.id,
      partyId: depot.parties.bureau.id,
      lines: [
        {
          itemId: depot.items.water.id,
          cartons: 5,
          locationId: depot.locations.a01.id,
          batchNo: 'W-1',
          expiryDate: `${expiry.getFullYear()}-${pad(expiry.getMonth() + 1)}-${pad(expiry.getDate())}`,
        },
        { itemId: depot.items.quilt.id, cartons: 10, locationId: depot.locations.a02.id, batchNo: 'Q-1' },
      ],
    });
    await app.open('dispatch');
    const keys = page.keyboard;
    // A person types: at machine speed "E12345" and Enter would be a scanner's burst, which the slip
    // takes as a scan (scanning works wherever the cursor is) — 50 ms a key is a fast typist.
    const typed = (text: string) => keys.type(text, { delay: 50 });

    // A fresh slip starts in the receiving unit.
    const unit = page.getByRole('combobox', { name: '接收单位', exact: true });
    await expect(unit).toBeFocused();
    await keys.type('青山');
    await expect(page.getByRole('option', { name: /青山镇人民政府/ })).toBeVisible();
    await keys.press('Enter');
    await expect(unit).toHaveValue('青山镇人民政府');

    // Enter runs down the header like Tab: emergency flag, date, order number, issuer…
    await keys.press('Enter');
    await expect(page.getByLabel('紧急出库（先出库，后补办手续）')).toBeFocused();
    await keys.press('Enter');
    await expect(page.getByLabel('出库日期')).toBeFocused();
    await keys.press('Enter');
    await expect(page.getByLabel('调拨通知单号')).toBeFocused();
    await typed('应急调〔2026〕20号');
    await keys.press('Enter');
    await typed('省应急管理厅');
    await keys.press('Enter');
    await keys.press('Enter');
    await expect(page.getByLabel('灾害事件')).toBeFocused();
    await typed('台风“海葵”');
    await keys.press('Enter');
    await expect(page.getByLabel('响应等级')).toBeFocused();
    await keys.press('ArrowDown');
    await keys.press('ArrowDown');
    await expect(page.getByLabel('响应等级')).toHaveValue('II');
    await keys.press('Enter');
    await keys.press('Enter');
    await keys.press('Enter');
    await expect(page.getByLabel('车牌号')).toBeFocused();
    await typed('苏E12345');
    await keys.press('Enter');
    await typed('李师傅');
    await keys.press('Enter');
    await typed('139 0000 2222');
    await keys.press('Enter');
    await keys.press('Enter');

    // On to line 1: code, Enter, and the cursor waits in the cartons.
    await expect(page.getByRole('combobox', { name: '第 1 行 物资', exact: true })).toBeFocused();
    await typed('KS-550');
    await expect(page.getByRole('option', { name: /KS-550/ })).toBeVisible();
    await keys.press('Enter');
    await expect(page.getByLabel('第 1 行 实发数量：箱数')).toBeFocused();
    await keys.type('3');
    await keys.press('Enter');
    await keys.press('Enter');
    await expect(page.getByLabel('第 1 行 物资来源')).toBeFocused();
    // Enter on the last field of the last line adds a line.
    await keys.press('Enter');
    const second = page.getByRole('combobox', { name: '第 2 行 物资', exact: true });
    await expect(second).toBeFocused();
    // Typed and entered at scanner speed: the pick waits for the search's answer.
    await keys.type('MB-01');
    await keys.press('Enter');
    await expect(second).toHaveValue('棉被');
    await expect(page.getByLabel('第 2 行 实发数量：箱数')).toBeFocused();
    await keys.type('2');
    await keys.press('Tab');
    await keys.type('5');
    await expect(page.getByRole('list', { name: '第 2 行先进先出建议' })).toContainText('批次 Q-1');

    // The shortcut the post button names, then Enter confirms — twice, as a hurried keeper would.
    await expect(page.getByRole('button', { name: '过账' })).toHaveAttribute('title', '过账（Ctrl+Enter）');
    await keys.press('Control+Enter');
    const confirm = page.getByRole('dialog', { name: '确认出库' });
    await expect(confirm).toContainText('共 2 行，合计 97（5 箱 + 5 散件）');
    await expect(confirm.getByRole('button', { name: '确认过账' })).toBeFocused();
    await keys.press('Enter');
    await keys.press('Enter');
    await expect(page.getByRole('heading', { name: /出库单 CK-\d{4}-00001 已过账/ })).toBeVisible();

    const { rows, total } = await backendCall(backend, 'documents:list', { kind: 'dispatch' });
    expect(total).toBe(1);
    const slip = await backendCall(backend, 'documents:get', { id: rows[0]!.id });
    expect(slip).toMatchObject({
      subkind: 'allocation',
      orderNo: '应急调〔2026〕20号',
      orderIssuer: '省应急管理厅',
      incidentName: '台风“海葵”',
      responseLevel: 'II',
      emergency: false,
      partyId: depot.parties.town.id,
    });
    expect(slip.transport).toMatchObject({ plateNo: '苏E12345', driver: '李师傅', driverPhone: '139 0000 2222' });
    expect(slip.lines.map((l) => [l.itemCode, l.quantity])).toEqual([
      ['KS-550', 72],
      ['MB-01', 25],
    ]);
    expect(slip.entries.map((e) => [e.batchNo, e.quantity])).toEqual([
      ['W-1', -72],
      ['Q-1', -25],
    ]);
    await app.screenshot('keyboard-dispatch-posted');
  });
});
