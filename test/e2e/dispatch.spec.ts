import type { Page } from '@playwright/test';
import type { Backend } from '../../electron/backend/index';
import { seedDepot, type Depot } from '../fixtures/depot';
import { backendCall, expect, test } from './fixtures';
import { scan } from './scanner';

/** A local calendar date N days from today, as the backend counts days. */
function daysFromToday(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Water from the city reserve in two batches: EARLY (2 cartons, expiring soon) and LATE (5 cartons). */
async function receiveWaterInTwoBatches(backend: Backend, depot: Depot) {
  await backendCall(backend, 'stock:post-receipt', {
    kind: 'allocation',
    sourceId: depot.sources.city.id,
    partyId: depot.parties.bureau.id,
    lines: [
      {
        itemId: depot.items.water.id,
        cartons: 5,
        locationId: depot.locations.a02.id,
        batchNo: 'LATE',
        expiryDate: daysFromToday(200),
      },
      {
        itemId: depot.items.water.id,
        cartons: 2,
        locationId: depot.locations.a01.id,
        batchNo: 'EARLY',
        expiryDate: daysFromToday(30),
      },
    ],
  });
}

async function waterOnHand(backend: Backend, depot: Depot) {
  const rows = await backendCall(backend, 'stock:on-hand', { itemId: depot.items.water.id });
  return Object.fromEntries(rows.map((r) => [r.batchNo, r.quantity]));
}

/** The keeper types part of a name into the receiving unit field and takes the match with Enter. */
async function chooseReceivingUnit(page: Page, typed: string, name: string) {
  const unit = page.getByRole('combobox', { name: '接收单位', exact: true });
  await unit.fill(typed);
  await expect(page.getByRole('option', { name: new RegExp(name) })).toBeVisible();
  await unit.press('Enter');
  await expect(unit).toHaveValue(name);
}

/** Finds an item for a line by its code and takes it with Enter. */
async function pickItem(page: Page, line: number, code: string, name: string) {
  const item = page.getByRole('combobox', { name: `第 ${line} 行 物资`, exact: true });
  await item.fill(code);
  await expect(page.getByRole('option', { name: new RegExp(code) })).toBeVisible();
  await item.press('Enter');
  await expect(item).toHaveValue(name);
}

const proposal = (page: Page, line: number) =>
  page.getByRole('list', { name: `第 ${line} 行先进先出建议` }).getByRole('listitem');

test.describe('dispatch', () => {
  // Each story seeds a depot and walks a whole slip through on a shared two-core machine.
  test.describe.configure({ timeout: 120_000 });

  test('a dispatch larger than the earliest batch takes it first, then the next batch (FEFO)', async ({
    app,
    page,
    backend,
  }) => {
    const depot = await seedDepot(backend);
    await receiveWaterInTwoBatches(backend, depot);
    await app.open('dispatch');

    await chooseReceivingUnit(page, '青山', '青山镇人民政府');
    // The unit's contact and phone show under it, so the keeper can call ahead.
    await expect(page.getByText('联系人：王主任　电话：13800001111')).toBeVisible();
    await page.getByLabel('调拨通知单号').fill('应急调〔2026〕12号');
    await pickItem(page, 1, 'KS-550', '矿泉水');
    // After the pick the cursor is in the issued cartons, ready for the count.
    const cartons = page.getByLabel('第 1 行 实发数量：箱数');
    await expect(cartons).toBeFocused();
    await cartons.fill('3');

    // Before posting: 168 available, 72 asked, taken 48 from EARLY (expiring first) and 24 from LATE.
    await expect(proposal(page, 1)).toHaveText([
      `批次 EARLY · 有效期 ${daysFromToday(30)} · 货位 A-01 · 市级储备 · 48 瓶`,
      `批次 LATE · 有效期 ${daysFromToday(200)} · 货位 A-02 · 市级储备 · 24 瓶`,
    ]);
    const line = page
      .getByRole('row')
      .filter({ has: page.getByRole('combobox', { name: '第 1 行 物资', exact: true }) });
    await expect(line.getByRole('cell').nth(5)).toHaveText('168 瓶');
    await expect(line.getByRole('cell').nth(5)).toHaveCSS('text-align', 'right');
    await app.screenshot('dispatch-fefo-proposal');

    await page.getByRole('button', { name: '过账' }).click();
    const confirm = page.getByRole('dialog', { name: '确认出库' });
    await expect(confirm).toBeVisible();
    await expect(confirm).toContainText('青山镇人民政府');
    await expect(confirm).toContainText('应急调〔2026〕12号');
    await expect(confirm.getByRole('row')).toHaveCount(3);
    await expect(confirm.getByRole('row').nth(1)).toContainText('EARLY');
    await expect(confirm.getByRole('row').nth(2)).toContainText('LATE');
    await expect(confirm).toContainText('共 1 行，合计 72（3 箱 + 0 散件）');
    await expect(confirm.getByRole('button', { name: '确认过账' })).toBeFocused();
    await app.screenshot('dispatch-confirm');
    await page.keyboard.press('Enter');

    await expect(page.getByRole('heading', { name: /出库单 CK-\d{4}-00001 已过账/ })).toBeVisible();
    const link = page.getByRole('link', { name: /查看出库单 CK-\d{4}-00001/ });

    const { rows } = await backendCall(backend, 'documents:list', { kind: 'dispatch' });
    expect(rows).toHaveLength(1);
    await expect(link).toHaveAttribute('href', `#/documents/${rows[0]!.id}`);
    const slip = await backendCall(backend, 'documents:get', { id: rows[0]!.id });
    expect(slip).toMatchObject({ orderNo: '应急调〔2026〕12号', emergency: false, partyId: depot.parties.town.id });
    expect(slip.lines).toMatchObject([{ itemId: depot.items.water.id, quantity: 72 }]);
    expect(slip.entries.map((e) => [e.batchNo, e.locationCode, e.quantity])).toEqual([
      ['EARLY', 'A-01', -48],
      ['LATE', 'A-02', -24],
    ]);
    expect(await waterOnHand(backend, depot)).toEqual({ LATE: 96 });
    // The posting took its draft with it.
    expect(await backendCall(backend, 'drafts:list', { kind: 'dispatch' })).toEqual([]);
    await app.screenshot('dispatch-fefo-two-batches');
  });

  test('dispatching beyond stock is flagged on the line, refused by the backend, and nothing is posted', async ({
    app,
    page,
    backend,
  }) => {
    const depot = await seedDepot(backend);
    await backendCall(backend, 'stock:post-receipt', {
      kind: 'allocation',
      sourceId: depot.sources.city.id,
      lines: [
        {
          itemId: depot.items.water.id,
          cartons: 2,
          locationId: depot.locations.a01.id,
          batchNo: 'EARLY',
          expiryDate: daysFromToday(30),
        },
      ],
    });
    await app.open('dispatch');
    await chooseReceivingUnit(page, '王主任', '青山镇人民政府');
    await page.getByLabel('调拨通知单号').fill('应急调〔2026〕13号');

    // One line asking 3 cartons (72) of the 48 there are: flagged before posting, and posting stops there.
    await pickItem(page, 1, 'KS-550', '矿泉水');
    await page.getByLabel('第 1 行 实发数量：箱数').fill('3');
    await expect(page.getByText('库存不足：还缺 24 瓶')).toBeVisible();
    await page.getByRole('button', { name: '过账' }).click();
    const lineOneProblem = page.getByRole('alert').filter({ hasText: '库存不足：现有' });
    await expect(lineOneProblem).toHaveText('矿泉水（市级储备）库存不足：现有 48 瓶，需要 72 瓶。没有写入任何数据。');
    await expect(page.getByRole('dialog', { name: '确认出库' })).toBeHidden();
    await expect(page.getByLabel('第 1 行 实发数量：箱数')).toBeFocused();

    // Two lines of 30 each: each fits on its own, together they do not — the backend says so on line 2.
    await page.getByLabel('第 1 行 实发数量：箱数').fill('');
    await page.getByLabel('第 1 行 实发数量：散件数（瓶）').fill('30');
    await expect(lineOneProblem).toBeHidden();
    await page.getByRole('button', { name: '添加一行' }).click();
    await pickItem(page, 2, 'KS-550', '矿泉水');
    await page.getByLabel('第 2 行 实发数量：散件数（瓶）').fill('30');
    await expect(page.getByText('第 1 行也出库这种物资：过账时合并计算库存。')).toBeVisible();
    await expect(proposal(page, 2)).toHaveText([
      `批次 EARLY · 有效期 ${daysFromToday(30)} · 货位 A-01 · 市级储备 · 30 瓶`,
    ]);
    await page.getByRole('button', { name: '过账' }).click();
    await expect(page.getByRole('dialog', { name: '确认出库' })).toBeVisible();
    await page.getByRole('button', { name: '确认过账' }).click();

    await expect(page.getByRole('dialog', { name: '确认出库' })).toBeHidden();
    const refusal = page.getByRole('alert').filter({ hasText: '库存不足' });
    await expect(refusal).toHaveText('矿泉水（市级储备）库存不足：现有 18 瓶，需要 30 瓶。没有写入任何数据。');
    // On line 2, the one the backend named.
    await expect(page.getByLabel('第 2 行 实发数量：散件数（瓶）')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('第 1 行 实发数量：散件数（瓶）')).not.toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('第 2 行 实发数量：散件数（瓶）')).toHaveAccessibleDescription(
      /现有 18 瓶，需要 30 瓶/,
    );

    expect((await backendCall(backend, 'documents:list', { kind: 'dispatch' })).total).toBe(0);
    expect(await waterOnHand(backend, depot)).toEqual({ EARLY: 48 });
    // The slip is still there as a draft, to be corrected.
    expect(await backendCall(backend, 'drafts:list', { kind: 'dispatch' })).toHaveLength(1);
    await app.screenshot('dispatch-refused-beyond-stock');
  });

  test('an emergency dispatch without an order number posts and waits for its paperwork', async ({
    app,
    page,
    backend,
  }) => {
    const depot = await seedDepot(backend);
    await backendCall(backend, 'stock:post-receipt', {
      kind: 'purchase',
      sourceId: depot.sources.city.id,
      partyId: depot.parties.supplier.id,
      lines: [{ itemId: depot.items.tent.id, units: 50, locationId: depot.locations.a01.id }],
    });
    await app.open('dispatch');
    await chooseReceivingUnit(page, '城东', '城东安置点');
    await pickItem(page, 1, 'ZP-12', '单帐篷');
    await page.getByLabel('第 1 行 实发数量：散件数（顶）').fill('20');

    // Without the emergency flag, no order number means no posting (no IOUs).
    await page.getByRole('button', { name: '过账' }).click();
    const orderNo = page.getByLabel('调拨通知单号');
    await expect(orderNo).toHaveAccessibleDescription('请填写调拨通知单号。只有紧急出库可以先出库、后补办手续。');
    await expect(orderNo).toBeFocused();
    await expect(page.getByRole('dialog', { name: '确认出库' })).toBeHidden();

    await page.getByLabel('紧急出库（先出库，后补办手续）').check();
    await expect(page.getByText('紧急出库 — 手续待补：须在 2 个工作日内补录调拨通知单号')).toBeVisible();
    await expect(orderNo).not.toHaveAttribute('aria-invalid', 'true');
    await page.getByLabel('灾害事件').fill('台风“海葵”');
    await page.getByLabel('响应等级').selectOption({ label: 'II 级响应' });
    await page.getByLabel('车牌号').fill('苏e12345');

    await page.getByRole('button', { name: '过账' }).click();
    const confirm = page.getByRole('dialog', { name: '确认出库' });
    await expect(confirm.getByRole('note')).toHaveText('紧急出库 — 手续待补：须在 2 个工作日内补录调拨通知单号');
    await expect(confirm).toContainText('台风“海葵” · II 级响应');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: /出库单 CK-\d{4}-00001 已过账/ })).toBeVisible();

    const pending = await backendCall(backend, 'stock:pending-paperwork');
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ receivingUnit: '城东安置点', incidentName: '台风“海葵”', overdue: false });
    const due = pending[0]!.due;
    expect(due > daysFromToday(0)).toBe(true);
    expect(due <= daysFromToday(4)).toBe(true);
    await expect(page.getByRole('status').filter({ hasText: '手续待补' })).toHaveText(
      `紧急出库 — 手续待补：请于 ${due} 前补录调拨通知单号。`,
    );
    const slip = await backendCall(backend, 'documents:get', { id: pending[0]!.documentId });
    expect(slip).toMatchObject({ emergency: true, orderNo: '', paperworkDue: due, responseLevel: 'II' });
    expect(slip.transport.plateNo).toBe('苏E12345');
    expect(slip.entries.map((e) => e.quantity)).toEqual([-20]);
    await app.screenshot('dispatch-emergency');
  });

  test('batches changed by hand (take the later batch) are what the slip takes', async ({ app, page, backend }) => {
    const depot = await seedDepot(backend);
    await receiveWaterInTwoBatches(backend, depot);
    await app.open('dispatch');
    await chooseReceivingUnit(page, '青山', '青山镇人民政府');
    await page.getByLabel('调拨通知单号').fill('应急调〔2026〕14号');
    await pickItem(page, 1, 'KS-550', '矿泉水');
    await page.getByLabel('第 1 行 实发数量：箱数').fill('1');
    await expect(proposal(page, 1)).toHaveText([
      `批次 EARLY · 有效期 ${daysFromToday(30)} · 货位 A-01 · 市级储备 · 24 瓶`,
    ]);

    await page.getByRole('button', { name: '调整第 1 行的批次' }).click();
    const dialog = page.getByRole('dialog', { name: '调整批次 — 第 1 行 矿泉水' });
    await expect(dialog.getByRole('row')).toHaveCount(3);
    const early = dialog.getByLabel('批次 EARLY、货位 A-01、市级储备 本次出库：箱数');
    const late = dialog.getByLabel('批次 LATE、货位 A-02、市级储备 本次出库：箱数');
    await expect(early).toHaveValue('1');
    await early.fill('');
    await late.fill('2');
    await dialog.getByRole('button', { name: '确定' }).click();
    // The sum must equal the line: said in the dialog, nothing changes on the line.
    await expect(dialog.getByRole('alert')).toHaveText('所选数量合计 48 瓶，与本行实发数量 24 瓶 不一致。');
    await late.fill('1');
    await expect(dialog.getByRole('status')).toHaveText('已选 24 瓶，本行实发 24 瓶');
    await app.screenshot('dispatch-adjust-batches');
    await dialog.getByRole('button', { name: '确定' }).click();
    await expect(dialog).toBeHidden();

    await expect(page.getByText('手工指定批次')).toBeVisible();
    await expect(page.getByRole('list', { name: '第 1 行手工指定的批次' }).getByRole('listitem')).toHaveText([
      `批次 LATE · 有效期 ${daysFromToday(200)} · 货位 A-02 · 市级储备 · 24 瓶`,
    ]);
    await app.screenshot('dispatch-manual-picks-line');
    await page.getByRole('button', { name: '过账' }).click();
    const confirm = page.getByRole('dialog', { name: '确认出库' });
    await expect(confirm.getByRole('row')).toHaveCount(2);
    await expect(confirm.getByRole('row').nth(1)).toContainText('LATE');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: /已过账/ })).toBeVisible();

    const { rows } = await backendCall(backend, 'documents:list', { kind: 'dispatch' });
    const slip = await backendCall(backend, 'documents:get', { id: rows[0]!.id });
    expect(slip.entries.map((e) => [e.batchNo, e.quantity])).toEqual([['LATE', -24]]);
    expect(await waterOnHand(backend, depot)).toEqual({ EARLY: 48, LATE: 96 });
    await app.screenshot('dispatch-manual-picks');
  });

  test('a slip being written survives leaving the screen and a restart, and can be discarded', async ({
    app,
    page,
    backend,
  }) => {
    const depot = await seedDepot(backend);
    await receiveWaterInTwoBatches(backend, depot);
    await app.open('dispatch');
    await chooseReceivingUnit(page, '青山', '青山镇人民政府');
    await page.getByLabel('调拨通知单号').fill('应急调〔2026〕15号');
    await pickItem(page, 1, 'KS-550', '矿泉水');
    await page.getByLabel('第 1 行 实发数量：箱数').fill('2');
    await expect(page.getByRole('status').filter({ hasText: '草稿已自动保存' })).toBeVisible();

    await app.goTo('库存');
    await app.goTo('出库');
    await expect(page.getByRole('combobox', { name: '接收单位', exact: true })).toHaveValue('青山镇人民政府');
    await expect(page.getByLabel('调拨通知单号')).toHaveValue('应急调〔2026〕15号');
    await expect(page.getByLabel('第 1 行 实发数量：箱数')).toHaveValue('2');

    await page.reload();
    await expect(page.getByRole('combobox', { name: '第 1 行 物资', exact: true })).toHaveValue('矿泉水');
    await expect(page.getByLabel('第 1 行 实发数量：箱数')).toHaveValue('2');
    await expect(proposal(page, 1)).toHaveCount(1);
    const drafts = await backendCall(backend, 'drafts:list', { kind: 'dispatch' });
    expect(drafts).toHaveLength(1);
    expect(drafts[0]!.title).toBe('青山镇人民政府 · 1 行');

    // A second slip while the first waits; both are listed, and the first is discarded.
    await page.getByRole('button', { name: '新建出库单' }).click();
    await expect(page.getByRole('combobox', { name: '接收单位', exact: true })).toHaveValue('');
    await chooseReceivingUnit(page, '城东', '城东安置点');
    await expect(page.getByRole('status').filter({ hasText: '草稿已自动保存' })).toBeVisible();
    await page.getByRole('button', { name: /^草稿/ }).click();
    const list = page.getByRole('dialog', { name: '出库单草稿' });
    await expect(list.getByRole('listitem')).toHaveCount(2);
    await app.screenshot('dispatch-drafts');
    await list.getByRole('button', { name: '丢弃草稿：青山镇人民政府 · 1 行' }).click();
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await list.getByRole('button', { name: '关闭' }).click();

    const left = await backendCall(backend, 'drafts:list', { kind: 'dispatch' });
    expect(left.map((d) => d.title)).toEqual(['城东安置点 · 0 行']);
    expect((await backendCall(backend, 'documents:list', { kind: 'dispatch' })).total).toBe(0);
  });

  test('scanning the same carton barcode twice counts two cartons on one line', async ({ app, page, backend }) => {
    const depot = await seedDepot(backend);
    await receiveWaterInTwoBatches(backend, depot);
    await backendCall(backend, 'catalog:add-barcode', {
      itemId: depot.items.water.id,
      barcode: '6901234567892',
      quantity: 24,
    });
    await app.open('dispatch');

    // The scanner's burst with the cursor in the empty first line's item field: that line takes it.
    const first = page.getByRole('combobox', { name: '第 1 行 物资', exact: true });
    await first.focus();
    await scan(page, '6901234567892');
    await expect(page.getByLabel('第 1 行 实发数量：箱数')).toHaveValue('1');
    await expect(first).toHaveValue('矿泉水');

    await scan(page, '6901234567892');
    await expect(page.getByLabel('第 1 行 实发数量：箱数')).toHaveValue('2');
    await expect(first).toHaveValue('矿泉水');
    await expect(page.getByRole('combobox', { name: /^第 \d+ 行 物资$/ })).toHaveCount(1);
    await expect(proposal(page, 1)).toHaveText([
      `批次 EARLY · 有效期 ${daysFromToday(30)} · 货位 A-01 · 市级储备 · 48 瓶`,
    ]);
    await app.screenshot('dispatch-scanned');
  });

  test('the slip speaks English when the interface does', async ({ app, page, backend }) => {
    const depot = await seedDepot(backend);
    await receiveWaterInTwoBatches(backend, depot);
    await backendCall(backend, 'settings:update', { language: 'en-US' });
    await app.open('dispatch');

    const unit = page.getByRole('combobox', { name: 'Receiving unit', exact: true });
    await unit.fill('王主任');
    await unit.press('Enter');
    await expect(page.getByText('Contact: 王主任　Phone: 13800001111')).toBeVisible();
    await page.getByLabel('Emergency (goods first, paperwork after)').check();
    await expect(
      page.getByText(
        'Emergency dispatch — paperwork to follow: file the allocation order number within 2 working days',
      ),
    ).toBeVisible();
    const item = page.getByRole('combobox', { name: 'Line 1 item', exact: true });
    await item.fill('KS-550');
    await expect(page.getByRole('option', { name: /KS-550/ })).toBeVisible();
    await item.press('Enter');
    await page.getByLabel('Line 1 quantity issued: cartons').fill('8');
    await expect(page.getByText('Not enough stock: 24 瓶 short')).toBeVisible();
    await expect(
      page.getByRole('list', { name: 'Line 1 first-expiry-first-out proposal' }).getByRole('listitem'),
    ).toHaveCount(2);
    await page.getByRole('button', { name: 'Post' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Not enough' })).toHaveText(
      'Not enough 矿泉水 in 市级储备: 168 瓶 available, 192 瓶 requested. Nothing was written.',
    );
    // Nothing half-written: no dispatch, and the page itself never scrolls sideways.
    expect((await backendCall(backend, 'documents:list', { kind: 'dispatch' })).total).toBe(0);
    // Written as a string: this file is compiled without the DOM's typings.
    const overflow = await page.evaluate<number>(
      "(() => { const body = document.querySelector('.page-body'); return body.scrollWidth - body.clientWidth; })()",
    );
    expect(overflow).toBe(0);
    await app.screenshot('dispatch-english');
  });

  test('a scanned batch label pins its line to that batch, an item barcode counts on a FEFO line, and the slip posts both', async ({
    app,
    page,
    backend,
  }) => {
    const depot = await seedDepot(backend);
    await receiveWaterInTwoBatches(backend, depot);
    await backendCall(backend, 'catalog:add-barcode', {
      itemId: depot.items.water.id,
      barcode: '6901234567892',
      quantity: 1,
    });
    await app.open('dispatch');
    await chooseReceivingUnit(page, '青山', '青山镇人民政府');
    await page.getByLabel('调拨通知单号').fill('应急调〔2026〕31号');
    const bar = page.getByRole('region', { name: '扫码' });

    // Focus nowhere in particular: the keeper has the cartons of batch LATE in hand (GS1: GTIN, batch, count 24).
    await page.evaluate('document.activeElement instanceof HTMLElement && document.activeElement.blur()');
    await scan(page, '(01)06901234567892(10)LATE\x1d(37)24');
    await expect(bar.getByRole('status')).toContainText('矿泉水 批号 LATE +24 瓶（第 1 行）');
    await expect(page.getByText('扫码指定批次 LATE')).toBeVisible();
    await expect(page.getByRole('list', { name: '第 1 行扫码指定的批次' }).getByRole('listitem')).toHaveText([
      `批次 LATE · 有效期 ${daysFromToday(200)} · 货位 A-02 · 市级储备 · 24 瓶`,
    ]);
    // A loose bottle without a batch label: FEFO's line, not the pinned one.
    await scan(page, '6901234567892');
    await scan(page, '6901234567892');
    await expect(bar.getByRole('status')).toContainText('矿泉水 +1 瓶（第 2 行，共 2 瓶）');
    await expect(proposal(page, 2)).toHaveText([
      `批次 EARLY · 有效期 ${daysFromToday(30)} · 货位 A-01 · 市级储备 · 2 瓶`,
    ]);
    // A second batch label of LATE joins the pinned line.
    await scan(page, '(01)06901234567892(10)LATE');
    await expect(page.getByLabel('第 1 行 实发数量：散件数（瓶）')).toHaveValue('1');
    await expect(page.getByLabel('第 1 行 实发数量：箱数')).toHaveValue('1');
    await expect(page.getByRole('combobox', { name: /^第 \d+ 行 物资$/ })).toHaveCount(2);

    // What cannot be right is said, and adds nothing.
    await scan(page, '(01)06901234567892(10)NEVER');
    await expect(bar.getByRole('alert')).toContainText('批号 NEVER 在本库没有入库记录');
    await scan(page, 'RRL-A-01');
    await expect(bar.getByRole('alert')).toContainText('货位标签在这里不需要扫描');
    await expect(page.getByRole('combobox', { name: /^第 \d+ 行 物资$/ })).toHaveCount(2);
    await app.screenshot('dispatch-scan-batch');

    await page.getByRole('button', { name: '过账' }).click();
    const confirm = page.getByRole('dialog', { name: '确认出库' });
    await expect(confirm.getByRole('button', { name: '确认过账' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: /出库单 CK-\d{4}-00001 已过账/ })).toBeVisible();
    const { rows } = await backendCall(backend, 'documents:list', { kind: 'dispatch' });
    const slip = await backendCall(backend, 'documents:get', { id: rows[0]!.id });
    expect(slip.entries.map((e) => [e.batchNo, e.locationCode, e.quantity])).toEqual([
      ['LATE', 'A-02', -25],
      ['EARLY', 'A-01', -2],
    ]);
    expect(await waterOnHand(backend, depot)).toEqual({ EARLY: 46, LATE: 95 });
  });

  test('undo takes back the last scan on the slip, and a blank slip stays blank', async ({ app, page, backend }) => {
    const depot = await seedDepot(backend);
    await receiveWaterInTwoBatches(backend, depot);
    await backendCall(backend, 'catalog:add-barcode', {
      itemId: depot.items.water.id,
      barcode: '16901234567899',
      quantity: 24,
    });
    await app.open('dispatch');
    const bar = page.getByRole('region', { name: '扫码' });
    // The fresh slip starts in the receiving unit once it is drawn; only then is the focus taken away (a
    // blur before it is drawn is undone by that first focus, and the unit's check on leaving then shifts
    // the page under the undo button's click).
    await expect(page.getByRole('combobox', { name: '接收单位', exact: true })).toBeFocused();
    await page.evaluate('document.activeElement instanceof HTMLElement && document.activeElement.blur()');
    await scan(page, '16901234567899');
    await scan(page, '16901234567899');
    await expect(page.getByLabel('第 1 行 实发数量：箱数')).toHaveValue('2');
    await bar.getByRole('button', { name: '撤销上次扫码' }).click();
    await expect(page.getByLabel('第 1 行 实发数量：箱数')).toHaveValue('1');
    await bar.getByRole('button', { name: '撤销上次扫码' }).click();
    await expect(page.getByRole('combobox', { name: '第 1 行 物资', exact: true })).toHaveValue('');
    await expect(page.getByRole('combobox', { name: /^第 \d+ 行 物资$/ })).toHaveCount(1);
    await expect(bar.getByRole('button', { name: '撤销上次扫码' })).toBeDisabled();
  });
});
