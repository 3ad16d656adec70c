/**
 * The stock card (台账/货位卡) as an auditor reads it: movements of one item with in, out and running
 * balance, an opening and a closing balance for a date window, filters by source and batch, and each
 * document one click away. The backend's clock is set per posting so the movements fall on real days.
 */
import type { Backend } from '../../electron/backend/index';
import { seedDepot } from '../fixtures/depot';
import { backendCall, expect, test, type DepotClock } from './fixtures';

/** The backend's clock is the story's: each posting happens on the day it names. */
test.use({ setClock: true });

/**
 * Tents moving through February to April 2025: 100 bought for the city reserve before the window,
 * then in March 40 allocated from the province, 70 dispatched to a township, 25 donated; 10 more
 * distributed in April after the window.
 */
async function tentMovements(backend: Backend, clock: DepotClock) {
  const depot = await seedDepot(backend);
  const { sources, locations, items, parties } = depot;
  const tent = items.tent.id;
  clock.set('2025-02-15');
  const bought = await backendCall(backend, 'stock:post-receipt', {
    kind: 'purchase',
    sourceId: sources.city.id,
    partyId: parties.supplier.id,
    lines: [{ itemId: tent, units: 100, locationId: locations.a01.id, batchNo: 'ZP-A' }],
  });
  clock.set('2025-03-03');
  const allocated = await backendCall(backend, 'stock:post-receipt', {
    kind: 'allocation',
    sourceId: sources.province.id,
    partyId: parties.bureau.id,
    lines: [{ itemId: tent, units: 40, locationId: locations.a02.id, batchNo: 'ZP-B' }],
  });
  clock.set('2025-03-10');
  const dispatched = await backendCall(backend, 'stock:post-dispatch', {
    kind: 'allocation',
    receivingUnitId: parties.town.id,
    orderNo: '应急调字〔2025〕15号',
    lines: [{ itemId: tent, units: 70, sourceId: sources.city.id }],
  });
  clock.set('2025-03-20');
  const donated = await backendCall(backend, 'stock:post-receipt', {
    kind: 'donation',
    sourceId: sources.donation.id,
    partyId: parties.donor.id,
    lines: [{ itemId: tent, units: 25, locationId: locations.a01.id, batchNo: 'ZP-C' }],
  });
  clock.set('2025-04-02');
  const distributed = await backendCall(backend, 'stock:post-dispatch', {
    kind: 'distribution',
    receivingUnitId: parties.shelter.id,
    orderNo: '应急调字〔2025〕21号',
    lines: [{ itemId: tent, units: 10, sourceId: sources.province.id }],
  });
  return { depot, bought, allocated, dispatched, donated, distributed };
}

test.describe('stock card', () => {
  // Stock to post and a full window to draw on a busy two-core machine: more than the default time.
  test.slow();

  test('the card of tents shows the running balance through receipt, dispatch and receipt in March', async ({
    app,
    page,
    backend,
    clock,
  }) => {
    const { depot, allocated, dispatched, donated } = await tentMovements(backend, clock);

    // Without an item the area asks for one; pinyin initials find the tent.
    await app.open('ledger');
    const picker = page.getByRole('combobox', { name: '物资' });
    await expect(picker).toHaveAccessibleDescription(/选择一种物资，查看它的台账/);
    await app.screenshot('ledger-choose-item');
    await picker.fill('dzp');
    await page.getByRole('option', { name: /单帐篷/ }).click();
    await expect.poll(() => new URL(page.url()).hash).toBe(`#/ledger/${depot.items.tent.id}`);

    const item = page.getByRole('main').getByRole('definition');
    await expect(page.getByRole('main').getByRole('term')).toHaveText([
      '编码',
      '品名',
      '规格',
      '单位',
      '装箱数',
      '现有库存',
    ]);
    await expect(item).toHaveText(['ZP-12', '单帐篷', '12 m²', '顶', '不装箱', '85 顶']);

    // The whole history first: five movements from nothing to 85.
    const grid = page.getByRole('grid');
    const rows = grid.getByRole('row').filter({ has: page.getByRole('gridcell') });
    await expect(rows).toHaveCount(7);
    await expect(page.getByRole('status').filter({ hasText: '共 5 笔收发' })).toBeVisible();

    // March only: opening 100, then +40, −70, +25, closing 95.
    await page.getByLabel('起始日期').fill('2025-03-01');
    await page.getByLabel('起始日期').press('Enter');
    await page.getByLabel('截止日期').fill('2025-03-31');
    await page.getByLabel('截止日期').press('Enter');
    await expect(page.getByRole('status').filter({ hasText: '共 3 笔收发' })).toBeVisible();
    await expect(grid.getByRole('columnheader')).toHaveText([
      '单据日期',
      '记账时间',
      '单据编号',
      '摘要',
      '往来单位',
      '批次',
      '货位',
      '来源',
      '收入',
      '发出',
      '结存',
    ]);
    await expect(rows.nth(0).getByRole('gridcell')).toHaveText([
      '2025-03-01',
      '',
      '',
      '期初结存',
      '',
      '',
      '',
      '',
      '',
      '',
      '100',
    ]);
    await expect(rows.nth(1).getByRole('gridcell')).toHaveText([
      '2025-03-03',
      '2025-03-03 12:00',
      allocated.number,
      '入库单 · 上级调拨',
      '省应急管理厅',
      'ZP-B',
      'A-02',
      '省级储备',
      '40',
      '',
      '140',
    ]);
    await expect(rows.nth(2).getByRole('gridcell')).toHaveText([
      '2025-03-10',
      '2025-03-10 12:00',
      dispatched.number,
      '出库单 · 调拨',
      '青山镇人民政府',
      'ZP-A',
      'A-01',
      '市级储备',
      '',
      '70',
      '70',
    ]);
    await expect(rows.nth(3).getByRole('gridcell')).toHaveText([
      '2025-03-20',
      '2025-03-20 12:00',
      donated.number,
      '入库单 · 社会捐赠',
      '爱心企业有限公司',
      'ZP-C',
      'A-01',
      '社会捐赠-爱心企业',
      '25',
      '',
      '95',
    ]);
    await expect(rows.nth(4).getByRole('gridcell')).toHaveText([
      '2025-03-31',
      '',
      '',
      '本期合计（期末结存）',
      '',
      '',
      '',
      '',
      '65',
      '70',
      '95',
    ]);
    await expect(rows.nth(2).getByRole('gridcell').nth(10)).toHaveCSS('text-align', /right|end/);

    // The ledger agrees.
    const card = await backendCall(backend, 'stock:card', {
      itemId: depot.items.tent.id,
      from: '2025-03-01',
      to: '2025-03-31',
    });
    expect(card).toMatchObject({ opening: 100, totalIn: 65, totalOut: 70, closing: 95 });
    expect(card.rows.map((r) => r.balance)).toEqual([140, 70, 95]);

    await expect.poll(() => page.evaluate('document.documentElement.scrollWidth - window.innerWidth')).toBe(0);
    await app.screenshot('ledger-stock-card');

    // A row opens its document.
    await grid.getByRole('link', { name: dispatched.number }).click();
    await expect(app.heading).toHaveText('单据');
    expect(new URL(page.url()).hash).toBe(`#/documents/${dispatched.id}`);
  });

  test('the card narrows to one source or one batch; a date that does not exist is refused', async ({
    app,
    page,
    backend,
    clock,
  }) => {
    const { depot } = await tentMovements(backend, clock);
    await app.open(`ledger/${depot.items.tent.id}`);
    const grid = page.getByRole('grid');
    const rows = grid.getByRole('row').filter({ has: page.getByRole('gridcell') });
    await expect(page.getByRole('status').filter({ hasText: '共 5 笔收发' })).toBeVisible();

    // The city reserve in March: 100 at the start, 70 out to the township, 30 left.
    await page.getByLabel('起始日期').fill('2025-03-01');
    await page.getByLabel('起始日期').press('Tab');
    await page.getByLabel('截止日期').fill('2025-03-31');
    await page.getByLabel('截止日期').press('Tab');
    await page.getByLabel('来源').selectOption({ label: '市级储备' });
    await expect(page.getByRole('status').filter({ hasText: '共 1 笔收发' })).toBeVisible();
    await expect(rows.nth(0)).toContainText('期初结存');
    await expect(rows.nth(0).getByRole('gridcell').last()).toHaveText('100');
    await expect(rows.nth(1).getByRole('gridcell').last()).toHaveText('30');
    await expect(rows.nth(2).getByRole('gridcell').last()).toHaveText('30');

    // One batch over its whole life: the provincial lot came in with 40 and gave 10 in April.
    await page.getByLabel('来源').selectOption({ label: '全部来源' });
    await page.getByRole('button', { name: '清除筛选' }).click();
    await expect(page.getByLabel('起始日期')).toHaveValue('');
    await page.getByLabel('批次').selectOption({ label: 'ZP-B（现存 30）' });
    await expect(page.getByRole('status').filter({ hasText: '共 2 笔收发' })).toBeVisible();
    await expect(rows.nth(1).getByRole('gridcell').nth(5)).toHaveText('ZP-B');
    await expect(rows.nth(2).getByRole('gridcell').nth(3)).toHaveText('出库单 · 发放');
    await expect(rows.last().getByRole('gridcell').last()).toHaveText('30');

    // 30 February does not exist: the field says so and the card stays as it was.
    await page.getByLabel('起始日期').fill('2025-02-30');
    await page.getByLabel('起始日期').press('Enter');
    await expect(page.getByLabel('起始日期')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('起始日期')).toHaveAccessibleDescription(
      '请按 YYYY-MM-DD 填写真实的日期，例如 2025-03-01。',
    );
    await expect(page.getByRole('status').filter({ hasText: '共 2 笔收发' })).toBeVisible();
    await app.screenshot('ledger-filters');
  });
});
