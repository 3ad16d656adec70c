import type { Backend } from '../../electron/backend/index';
import { seedDepot, type Depot } from '../fixtures/depot';
import { backendCall, expect, test } from './fixtures';

/** Quilts (cartons of 10) received into A-01 from the city reserve, as a keeper would post them. */
async function receiveQuilts(backend: Backend, depot: Depot, cartons: number, units: number, docDate?: string) {
  return backendCall(backend, 'stock:post-receipt', {
    kind: 'purchase',
    docDate,
    sourceId: depot.sources.city.id,
    partyId: depot.parties.supplier.id,
    lines: [{ itemId: depot.items.quilt.id, cartons, units, locationId: depot.locations.a01.id }],
  });
}

async function receiveTents(backend: Backend, depot: Depot, units: number, docDate?: string) {
  return backendCall(backend, 'stock:post-receipt', {
    kind: 'allocation',
    docDate,
    sourceId: depot.sources.city.id,
    partyId: depot.parties.bureau.id,
    lines: [{ itemId: depot.items.tent.id, units, locationId: depot.locations.a01.id }],
  });
}

test.describe('documents', () => {
  // Long stories on a shared two-core machine: give them room.
  test.slow();

  test('a receipt entered by mistake is reversed with a reason: stock is back to zero, the receipt names its reversal, and reversing again is refused', async ({
    app,
    page,
    backend,
  }) => {
    const depot = await seedDepot(backend);
    const receipt = await receiveQuilts(backend, depot, 5, 3);
    const second = await receiveQuilts(backend, depot, 2, 0);
    await app.open('documents');

    // Double-click opens the document.
    await app.gridRows.filter({ hasText: receipt.number }).dblclick();
    await expect(page.getByRole('heading', { level: 2 })).toContainText(receipt.number);
    await expect(page.getByRole('heading', { level: 2 })).toContainText('入库单·采购入库');
    const lines = page.getByRole('region', { name: '明细' });
    await expect(lines.getByRole('row').nth(1).getByRole('cell')).toHaveText([
      '1',
      'MB-01',
      '棉被',
      '2 kg',
      '床',
      '53',
      '5 箱 + 3 床',
      '',
      '台账',
    ]);
    const ledger = page.getByRole('region', { name: '台账影响' });
    await expect(ledger.getByRole('row').nth(1)).toContainText('+53');

    await page.getByRole('button', { name: '冲销…' }).click();
    const dialog = page.getByRole('dialog', { name: `冲销 ${receipt.number}` });
    // The reason is required: without it nothing is posted.
    await dialog.getByRole('button', { name: '确认冲销' }).click();
    await expect(dialog.getByLabel('冲销原因')).toHaveAccessibleDescription('请填写冲销原因。');
    expect((await backendCall(backend, 'documents:list', { kind: 'reversal' })).total).toBe(0);

    await dialog.getByLabel('冲销原因').fill('供应商送错货，整单退回');
    // A double click posts once.
    await dialog.getByRole('button', { name: '确认冲销' }).dblclick();
    await expect(dialog).toBeHidden();

    const reversals = await backendCall(backend, 'documents:list', { kind: 'reversal' });
    expect(reversals.total).toBe(1);
    const reversal = reversals.rows[0]!;
    expect(reversal).toMatchObject({ relatedId: receipt.id, number: expect.stringMatching(/^CX-\d{4}-00001$/) });
    const onHand = await backendCall(backend, 'stock:on-hand', { itemId: depot.items.quilt.id });
    expect(onHand.map((r) => r.quantity)).toEqual([20]); // only the second receipt's 2 cartons are left

    await expect(page.getByRole('status').filter({ hasText: `已过账 ${reversal.number}。` })).toBeVisible();
    await expect(page.getByText(`这张单据已被 ${reversal.number} 冲销`)).toBeVisible();
    await expect(page.getByRole('button', { name: '冲销…' })).toHaveCount(0);
    const related = page.getByRole('region', { name: '关联单据' });
    await expect(related.getByRole('link', { name: reversal.number })).toBeVisible();
    await app.screenshot('documents-reversal');

    // The reversal points back at the receipt, and undoes each ledger entry.
    await related.getByRole('link', { name: reversal.number }).click();
    await expect(page.getByRole('heading', { level: 2 })).toContainText('冲销单·入库单');
    await expect(page.getByRole('region', { name: '单据信息' })).toContainText('供应商送错货，整单退回');
    await expect(page.getByRole('region', { name: '台账影响' }).getByRole('row').nth(1)).toContainText('−53');
    await expect(
      page.getByRole('region', { name: '关联单据' }).getByRole('link', { name: receipt.number }),
    ).toBeVisible();

    // The second receipt is on screen when someone else reverses it: this keeper's reversal is refused.
    await page.getByRole('link', { name: '返回单据列表' }).click();
    await app.gridRows.filter({ hasText: second.number }).dblclick();
    await expect(page.getByRole('heading', { level: 2 })).toContainText(second.number);
    await backendCall(backend, 'stock:reverse', { documentId: second.id, reason: '重复录入' });
    await page.getByRole('button', { name: '冲销…' }).click();
    const again = page.getByRole('dialog', { name: `冲销 ${second.number}` });
    await again.getByLabel('冲销原因').fill('重复录入');
    await again.getByRole('button', { name: '确认冲销' }).click();
    await expect(again.getByRole('alert')).toHaveText('未能冲销：这张单据已经冲销过了。');
    expect((await backendCall(backend, 'documents:list', { kind: 'reversal' })).total).toBe(2);
    expect(await backendCall(backend, 'stock:on-hand', { itemId: depot.items.quilt.id })).toEqual([]);
    await app.screenshot('documents-reversal-refused');

    await again.getByRole('button', { name: '取消' }).click();
    await expect(page.getByText(/这张单据已被 CX-\d{4}-00002 冲销/)).toBeVisible();
  });

  test('an emergency dispatch shows under pending paperwork until its allocation order number is filed', async ({
    app,
    page,
    backend,
  }) => {
    const depot = await seedDepot(backend);
    await receiveTents(backend, depot, 40);
    const regular = await backendCall(backend, 'stock:post-dispatch', {
      kind: 'allocation',
      receivingUnitId: depot.parties.shelter.id,
      orderNo: '市应急调〔2026〕3号',
      lines: [{ itemId: depot.items.tent.id, units: 4 }],
    });
    const emergency = await backendCall(backend, 'stock:post-dispatch', {
      kind: 'allocation',
      receivingUnitId: depot.parties.town.id,
      emergency: true,
      incidentName: '青山镇山洪',
      responseLevel: 'III',
      transport: {
        mode: '公路',
        carrier: '市运输公司',
        plateNo: '苏E·12345',
        driver: '李师傅',
        driverPhone: '13900002222',
      },
      lines: [{ itemId: depot.items.tent.id, units: 12, quantityOrdered: 15 }],
    });
    const [pending] = await backendCall(backend, 'stock:pending-paperwork');
    expect(pending).toMatchObject({ documentId: emergency.id, overdue: false });

    await app.open('documents');
    await expect(app.gridRows).toHaveCount(3);
    await page.getByLabel('仅待补办手续').check();
    await expect(app.gridRows).toHaveCount(1);
    const row = app.gridRows.first();
    await expect(row).toContainText(emergency.number);
    await expect(row).toContainText(`待补办，${pending!.due} 前`);
    await expect(row).not.toContainText(regular.number);
    await app.screenshot('documents-pending-paperwork');

    // Enter on a row opens it.
    await row.getByRole('gridcell').nth(1).click();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 2 })).toContainText(emergency.number);
    const header = page.getByRole('region', { name: '单据信息' });
    await expect(header).toContainText('青山镇人民政府');
    await expect(header).toContainText('青山镇山洪');
    await expect(header).toContainText('III 级响应');
    await expect(header).toContainText('苏E·12345');
    await expect(header).toContainText(`待补办手续：调拨通知单号须于 ${pending!.due} 前补录。`);
    // Ordered against issued.
    await expect(page.getByRole('region', { name: '明细' }).getByRole('row').nth(1).getByRole('cell')).toHaveText([
      '1',
      'ZP-12',
      '单帐篷',
      '12 m²',
      '顶',
      '15',
      '12',
      '',
      '',
      '台账',
    ]);

    await page.getByRole('button', { name: '补录调令…' }).click();
    const dialog = page.getByRole('dialog', { name: `补录调拨通知单号：${emergency.number}` });
    await dialog.getByRole('button', { name: '保存补录' }).click();
    await expect(dialog.getByLabel('调拨通知单号')).toHaveAccessibleDescription('请填写调拨通知单号。');
    await dialog.getByLabel('调拨通知单号').fill('省应急调〔2026〕15号');
    await dialog.getByLabel('下达单位').fill('省应急管理厅');
    await dialog.getByLabel('备注').fill('电话指令，王处长批准');
    await dialog.getByLabel('备注').press('Enter');
    await expect(dialog).toBeHidden();

    expect(await backendCall(backend, 'stock:pending-paperwork')).toEqual([]);
    const filed = await backendCall(backend, 'documents:get', { id: emergency.id });
    expect(filed.filing).toMatchObject({ orderNo: '省应急调〔2026〕15号', orderIssuer: '省应急管理厅' });
    await expect(header).toContainText(`已补办：${filed.filing!.operator} 于`);
    await expect(header).toContainText('补录调拨通知单号 省应急调〔2026〕15号');
    await expect(header).toContainText('电话指令，王处长批准');
    await expect(page.getByRole('button', { name: '补录调令…' })).toHaveCount(0);
    await app.screenshot('documents-paperwork-filed');

    // Back at the list the filter is still on, and the dispatch has left it.
    await page.getByRole('link', { name: '返回单据列表' }).click();
    await expect(page.getByLabel('仅待补办手续')).toBeChecked();
    await expect(page.getByRole('status').filter({ hasText: '没有符合筛选条件的单据。' })).toBeVisible();
    await expect(app.gridRows).toHaveCount(0);
    await page.getByLabel('仅待补办手续').uncheck();
    await expect(app.gridRows.filter({ hasText: emergency.number })).toContainText('已补办：省应急调〔2026〕15号');
  });

  test('tents coming back against a dispatch are returned into A-02, and the dispatch links to the return', async ({
    app,
    page,
    backend,
  }) => {
    const depot = await seedDepot(backend);
    const receipt = await receiveTents(backend, depot, 20);
    const dispatch = await backendCall(backend, 'stock:post-dispatch', {
      kind: 'loan',
      receivingUnitId: depot.parties.shelter.id,
      orderNo: '市应急调〔2026〕8号',
      lines: [{ itemId: depot.items.tent.id, units: 12 }],
    });
    await app.open(`documents/${dispatch.id}`);
    await expect(page.getByRole('heading', { level: 2 })).toContainText('出库单·借用');

    await page.getByRole('button', { name: '回收入库…' }).click();
    const dialog = page.getByRole('dialog', { name: `回收入库：${dispatch.number}` });
    const row = dialog.getByRole('row').filter({ hasText: '单帐篷' });
    await expect(row.getByRole('cell')).toHaveText(['ZP-12 单帐篷', receipt.number, '市级储备', '12', '0', '12', '']);
    const quantity = dialog.getByLabel(`单帐篷（批次 ${receipt.number}，市级储备）本次回收（顶）`);

    // More than was issued is refused on the line, before anything is sent.
    await quantity.fill('13');
    await expect(quantity).toHaveAccessibleDescription('超出可回收数量：最多 12 顶。');
    await app.screenshot('documents-return-too-many');
    await quantity.fill('5');
    await dialog.getByLabel('放回货位').selectOption({ label: 'A-02 A区02货位' });
    await dialog.getByLabel('备注').fill('安置点撤点，5 顶完好');
    await dialog.getByRole('button', { name: '过账回收' }).click();
    await expect(dialog).toBeHidden();

    const onHand = await backendCall(backend, 'stock:on-hand', { itemId: depot.items.tent.id });
    expect(onHand.map((r) => [r.locationCode, r.quantity]).sort()).toEqual([
      ['A-01', 8],
      ['A-02', 5],
    ]);
    const returns = await backendCall(backend, 'documents:list', { kind: 'receipt', search: 'RK' });
    const back = returns.rows.find((r) => r.subkind === 'return')!;
    expect(back).toMatchObject({ relatedId: dispatch.id, totalQuantity: 5 });

    const related = page.getByRole('region', { name: '关联单据' });
    await expect(related).toContainText(`回收入库单 ${back.number}`);
    await app.screenshot('documents-return');

    // A second return can bring back only what is still out.
    await page.getByRole('button', { name: '回收入库…' }).click();
    await expect(dialog.getByRole('row').filter({ hasText: '单帐篷' }).getByRole('cell').nth(4)).toHaveText('5');
    await expect(dialog.getByRole('row').filter({ hasText: '单帐篷' }).getByRole('cell').nth(5)).toHaveText('7');
    await dialog.getByRole('button', { name: '取消' }).click();

    await related.getByRole('link', { name: back.number }).click();
    await expect(page.getByRole('heading', { level: 2 })).toContainText('入库单·回收入库');
    await expect(page.getByRole('region', { name: '关联单据' })).toContainText(`回收依据的出库单 ${dispatch.number}`);
    await expect(page.getByRole('region', { name: '台账影响' }).getByRole('row').nth(1)).toContainText('A-02');
    // The dispatch cannot be reversed while its return stands: the backend says why.
    await page.getByRole('region', { name: '关联单据' }).getByRole('link', { name: dispatch.number }).click();
    await page.getByRole('button', { name: '冲销…' }).click();
    const reverse = page.getByRole('dialog', { name: `冲销 ${dispatch.number}` });
    await reverse.getByLabel('冲销原因').fill('调令作废');
    await reverse.getByRole('button', { name: '确认冲销' }).click();
    await expect(reverse.getByRole('alert')).toHaveText('未能冲销：这张出库单已有回收入库，请先冲销回收单。');
    expect((await backendCall(backend, 'documents:list', { kind: 'reversal' })).total).toBe(0);
  });

  test('type, date range and search narrow the documents list', async ({ app, page, backend }) => {
    const depot = await seedDepot(backend);
    const october = await receiveTents(backend, depot, 30, '2026-10-15');
    const quilts = await receiveQuilts(backend, depot, 10, 0, '2026-11-05');
    const oldQuilts = await receiveQuilts(backend, depot, 3, 0, '2026-10-10');
    const dispatch = await backendCall(backend, 'stock:post-dispatch', {
      kind: 'distribution',
      docDate: '2026-11-20',
      receivingUnitId: depot.parties.town.id,
      orderNo: 'DL-88',
      incidentName: '青山镇山洪',
      lines: [{ itemId: depot.items.tent.id, units: 10 }],
    });
    const { operator } = await backendCall(backend, 'documents:get', { id: dispatch.id });
    await app.open('documents');
    await expect(app.gridRows).toHaveCount(4);
    await expect(page.getByRole('status').filter({ hasText: '共 4 张单据' })).toBeVisible();

    await page.getByLabel('单据类型').selectOption({ label: '入库单' });
    await expect(app.gridRows).toHaveCount(3);

    await page.getByLabel('起始日期').fill('2026/11/1');
    await page.getByLabel('截止日期').fill('2026-11-20');
    await page.getByLabel('截止日期').blur();
    // The date typed with slashes is tidied to YYYY-MM-DD.
    await expect(page.getByLabel('起始日期')).toHaveValue('2026-11-01');
    await expect(app.gridRows).toHaveCount(1);
    await expect(app.gridRows.first()).toContainText(quilts.number);

    await page.getByLabel('单据类型').selectOption({ label: '全部类型' });
    await expect(app.gridRows).toHaveCount(2);
    await page.getByLabel('查找单据').fill('青山');
    await expect(app.gridRows).toHaveCount(1);
    const row = app.gridRows.first();
    await expect(row.getByRole('gridcell')).toHaveText([
      dispatch.number,
      '出库单·发放',
      '2026-11-20',
      '青山镇人民政府',
      '',
      '1',
      '10',
      '',
      '',
      operator,
    ]);
    await expect(row.getByRole('gridcell').nth(6)).toHaveCSS('text-align', /right|end/);

    // A date that is not one is said, and left out of the search.
    await page.getByLabel('查找单据').fill('');
    await page.getByLabel('截止日期').fill('2026-11-31');
    await page.getByLabel('截止日期').blur();
    await expect(page.getByLabel('截止日期')).toHaveAccessibleDescription('日期应为 YYYY-MM-DD，例如 2026-03-05。');
    await expect(app.gridRows).toHaveCount(2);
    await page.getByLabel('截止日期').fill('2026-11-20');

    // Reversed or not: filtered in the window on what the list returns.
    await backendCall(backend, 'stock:reverse', { documentId: oldQuilts.id, reason: '重复录入' });
    await page.getByRole('button', { name: '清除筛选' }).click();
    await expect(app.gridRows).toHaveCount(5);
    await page.getByLabel('冲销状态').selectOption({ label: '已冲销' });
    await expect(app.gridRows).toHaveCount(1);
    await expect(app.gridRows.first()).toContainText(oldQuilts.number);
    await expect(app.gridRows.first()).toContainText(/CX-\d{4}-00001/);
    await page.getByLabel('冲销状态').selectOption({ label: '未冲销' });
    await expect(app.gridRows).toHaveCount(4);
    await expect(page.getByRole('status').filter({ hasText: '共 4 张单据' })).toBeVisible();
    await page.getByLabel('物资来源').selectOption({ label: '市级储备' });
    await page.getByLabel('往来单位').selectOption({ label: '省应急管理厅' });
    await expect(app.gridRows).toHaveCount(1);
    await expect(app.gridRows.first()).toContainText(october.number);
    await app.screenshot('documents-filters');
  });

  test('the documents list and a document speak English when the interface does', async ({ app, page, backend }) => {
    const depot = await seedDepot(backend);
    await backendCall(backend, 'settings:update', { language: 'en-US' });
    await receiveQuilts(backend, depot, 12, 0);
    const dispatch = await backendCall(backend, 'stock:post-dispatch', {
      kind: 'distribution',
      receivingUnitId: depot.parties.town.id,
      emergency: true,
      incidentName: '青山镇山洪',
      responseLevel: 'II',
      lines: [{ itemId: depot.items.quilt.id, cartons: 4, units: 5 }],
    });
    const [pending] = await backendCall(backend, 'stock:pending-paperwork');
    await app.open('documents');

    await expect(page.getByRole('columnheader', { name: 'Emergency paperwork' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: '2 documents' })).toBeVisible();
    const row = app.gridRows.filter({ hasText: dispatch.number });
    await expect(row).toContainText('Dispatch · Distribution');
    await expect(row).toContainText(`Pending · due ${pending!.due}`);

    await row.dblclick();
    await expect(page.getByRole('heading', { level: 2 })).toContainText('Dispatch · Distribution');
    const header = page.getByRole('region', { name: 'Document details' });
    await expect(header).toContainText('Level II response');
    await expect(header).toContainText(
      `Paperwork pending: the allocation order number must be filed by ${pending!.due}.`,
    );
    await expect(page.getByRole('region', { name: 'Lines' }).getByRole('row').nth(1)).toContainText('4 cartons + 5 床');
    await expect(page.getByRole('button', { name: 'File order number…' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Open the ledger of MB-01 棉被' })).toHaveAttribute(
      'href',
      `#/ledger/${depot.items.quilt.id}`,
    );
    await app.screenshot('documents-english');
  });
});
