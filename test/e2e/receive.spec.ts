import type { Page } from '@playwright/test';
import { seedDepot, type Depot } from '../fixtures/depot';
import type { Backend } from '../../electron/backend/index';
import { backendCall, expect, test } from './fixtures';

/** The receive screen's controls, found as a keeper (and a screen reader) finds them: by role and name. */
function receiveForm(page: Page) {
  const line = (n: number) => ({
    item: page.getByRole('combobox', { name: `第 ${n} 行：物资` }),
    cartons: page.getByRole('textbox', { name: `第 ${n} 行：数量：箱数` }),
    units: page.getByRole('textbox', { name: new RegExp(`^第 ${n} 行：数量：散件数`) }),
    batch: page.getByRole('textbox', { name: `第 ${n} 行：批号` }),
    production: page.getByRole('textbox', { name: `第 ${n} 行：生产日期` }),
    expiry: page.getByRole('textbox', { name: `第 ${n} 行：有效期至` }),
    origin: page.getByRole('textbox', { name: `第 ${n} 行：产地` }),
    location: page.getByRole('combobox', { name: `第 ${n} 行：货位` }),
    remarks: page.getByRole('textbox', { name: `第 ${n} 行：备注` }),
    remove: page.getByRole('button', { name: `删除第 ${n} 行` }),
    /** The row of the lines table holding this line, with its problems below it. */
    group: page.getByRole('rowgroup').filter({ has: page.getByRole('rowheader', { name: String(n), exact: true }) }),
  });
  return {
    kind: page.getByLabel('入库类别'),
    source: page.getByLabel('物资来源'),
    supplier: page.getByLabel('供应商'),
    docDate: page.getByLabel('单据日期'),
    line,
    addLine: page.getByRole('button', { name: '添加一行' }),
    post: page.getByRole('button', { name: '过账…' }),
    confirmDialog: page.getByRole('dialog', { name: '确认过账入库单' }),
    confirm: page.getByRole('button', { name: '确认过账' }),
    draftSaved: page.getByRole('status').filter({ hasText: '草稿已自动保存' }),
  };
}

/** Types into an item field and takes the match that shows the wanted name. */
async function pickItem(
  page: Page,
  field: ReturnType<ReturnType<typeof receiveForm>['line']>['item'],
  text: string,
  name: string,
) {
  await field.fill(text);
  await expect(page.getByRole('option', { name: new RegExp(name) }).first()).toBeVisible();
  await field.press('Enter');
  await expect(field).toHaveValue(name);
}

/**
 * Waits until a stored receipt draft holds every piece of text given (drafts are saved a moment after
 * typing stops), and returns the drafts.
 */
async function draftHolding(backend: Backend, ...texts: string[]) {
  await expect
    .poll(async () => {
      const drafts = await backendCall(backend, 'drafts:list', { kind: 'receipt' });
      return drafts.some((d) => texts.every((text) => JSON.stringify(d.payload).includes(text)));
    })
    .toBe(true);
  return backendCall(backend, 'drafts:list', { kind: 'receipt' });
}

/** A purchase of tents from the city reserve, filled in far enough to post. */
async function fillTentReceipt(page: Page, depot: Depot, tents: number) {
  const form = receiveForm(page);
  await form.source.selectOption({ label: '市级储备' });
  const first = form.line(1);
  await pickItem(page, first.item, 'dzp', '单帐篷');
  await first.units.fill(String(tents));
  await first.location.selectOption(depot.locations.a01.id);
}

test.describe('receive', () => {
  // Whole stories on a shared two-core machine: give them room; nothing here measures time.
  test.describe.configure({ timeout: 120_000 });
  let depot: Depot;
  test.beforeEach(async ({ backend }) => {
    depot = await seedDepot(backend);
  });

  test('tents by the unit, quilts by the carton and water with a production date go into stock on one receipt', async ({
    app,
    page,
    backend,
  }) => {
    await app.open('receive');
    const form = receiveForm(page);
    await form.source.selectOption({ label: '市级储备' });
    await form.supplier.selectOption({ label: '某某帐篷厂' });

    const tents = form.line(1);
    await pickItem(page, tents.item, '单帐篷', '单帐篷');
    // A tent is not packed in cartons: only its units are asked for.
    await expect(tents.cartons).toHaveCount(0);
    await tents.units.fill('50');
    await tents.location.selectOption(depot.locations.a01.id);

    await form.addLine.click();
    const quilts = form.line(2);
    await expect(quilts.item).toBeFocused();
    await pickItem(page, quilts.item, 'MB-01', '棉被');
    await expect(quilts.cartons).toBeFocused();
    await quilts.cartons.fill('5');
    await quilts.units.fill('3');
    await expect(form.line(2).group.getByText('= 53 床')).toBeVisible();
    // A new line starts in the location of the line before it.
    await expect(quilts.location).toHaveValue(depot.locations.a01.id);
    await quilts.location.selectOption(depot.locations.a02.id);
    await quilts.batch.fill('MB-2026-11');

    await form.addLine.click();
    const water = form.line(3);
    await pickItem(page, water.item, 'kqs', '矿泉水');
    await water.cartons.fill('10');
    await water.production.fill('2026/6/1');
    await water.origin.fill('浙江杭州');
    await water.origin.focus();
    // The production date is tidied to YYYY-MM-DD, and the expiry the shelf life gives is offered.
    await expect(water.production).toHaveValue('2026-06-01');
    await expect(water.expiry).toHaveAttribute('placeholder', '2027-06-01');
    await expect(water.expiry).toHaveValue('');
    // Quantities line up on the right; at 1366×768 nothing scrolls sideways.
    await expect(quilts.cartons).toHaveCSS('text-align', 'right');
    // Written as a string: these tests are typed without the DOM library.
    const overflow = await page.evaluate<number[]>(
      "[document.documentElement, document.querySelector('.page-body')].map((e) => e.scrollWidth - e.clientWidth)",
    );
    expect(overflow).toEqual([0, 0]);
    await app.screenshot('receive-three-items-entered');

    await form.post.click();
    await expect(form.confirmDialog).toBeVisible();
    const summary = form.confirmDialog.getByRole('row');
    await expect(summary.nth(1)).toContainText('ZP-12 单帐篷');
    await expect(summary.nth(1)).toContainText('50 顶');
    await expect(summary.nth(2)).toContainText('53 床');
    await expect(summary.nth(2)).toContainText('5 箱 + 3 床');
    await expect(summary.nth(2)).toContainText('MB-2026-11');
    await expect(summary.nth(2)).toContainText('A-02');
    await expect(summary.nth(3)).toContainText('240 瓶');
    await expect(summary.nth(3)).toContainText('10 箱 + 0 瓶');
    await expect(summary.nth(3)).toContainText('2027-06-01（推算）');
    await expect(form.confirmDialog).toContainText('共 3 行，合计 50 顶、53 床、240 瓶');
    await expect(form.confirmDialog).toContainText('某某帐篷厂');
    await expect(form.confirm).toBeFocused();
    await app.screenshot('receive-confirm');

    await form.confirm.click();
    await expect(page.getByRole('heading', { name: '入库单已过账' })).toBeVisible();

    const { rows, total } = await backendCall(backend, 'documents:list', { kind: 'receipt' });
    expect(total).toBe(1);
    const number = rows[0]!.number;
    expect(number).toMatch(/^RK-\d{4}-\d{5}$/);
    // The posted number stands out; the labels table below repeats it as the default batch number.
    await expect(page.getByRole('strong').filter({ hasText: number })).toBeVisible();
    await expect(page.getByRole('link', { name: `查看入库单 ${number}` })).toHaveAttribute(
      'href',
      `#/documents/${rows[0]!.id}`,
    );

    const onHand = await backendCall(backend, 'stock:on-hand', {});
    const byItem = (itemId: string) => onHand.filter((r) => r.itemId === itemId);
    expect(byItem(depot.items.tent.id).map((r) => [r.quantity, r.locationCode, r.sourceName])).toEqual([
      [50, 'A-01', '市级储备'],
    ]);
    expect(byItem(depot.items.quilt.id).map((r) => [r.quantity, r.locationCode, r.batchNo])).toEqual([
      [53, 'A-02', 'MB-2026-11'],
    ]);
    expect(byItem(depot.items.water.id).map((r) => [r.quantity, r.productionDate, r.expiryDate])).toEqual([
      [240, '2026-06-01', '2027-06-01'],
    ]);

    const receipt = await backendCall(backend, 'documents:get', { id: rows[0]!.id });
    expect(receipt.subkind).toBe('purchase');
    expect(receipt.partyName).toBe('某某帐篷厂');
    expect(receipt.lines.map((l) => [l.lineNo, l.itemName, l.quantity])).toEqual([
      [1, '单帐篷', 50],
      [2, '棉被', 53],
      [3, '矿泉水', 240],
    ]);
    // A line left without a batch number takes the receipt's number as its batch.
    expect(receipt.entries.find((e) => e.itemId === depot.items.tent.id)?.batchNo).toBe(number);
    await app.screenshot('receive-posted');
  });

  test('a shelf-life item without dates and a line of nothing are marked on their lines, and nothing is posted', async ({
    app,
    page,
    backend,
  }) => {
    await app.open('receive');
    const form = receiveForm(page);
    await form.source.selectOption({ label: '市级储备' });
    const water = form.line(1);
    await pickItem(page, water.item, 'kqs', '矿泉水');
    await water.cartons.fill('2');
    await water.location.selectOption(depot.locations.a01.id);
    await form.addLine.click();
    const quilts = form.line(2);
    await pickItem(page, quilts.item, '棉被', '棉被');
    await quilts.location.selectOption(depot.locations.a01.id);

    await form.post.click();
    await expect(page.getByRole('alert').filter({ hasText: '有 2 处需要修改' })).toBeVisible();
    await expect(form.confirmDialog).toBeHidden();
    await expect(water.group).toContainText('这种物资有保质期：请填写生产日期或有效期。');
    await expect(water.production).toHaveAttribute('aria-invalid', 'true');
    await expect(water.production).toHaveAccessibleDescription('这种物资有保质期：请填写生产日期或有效期。');
    // The keeper is taken to the first thing to correct.
    await expect(water.production).toBeFocused();
    await expect(quilts.group).toContainText('数量为零：请填写箱数或散件数。');
    await expect(quilts.cartons).toHaveAttribute('aria-invalid', 'true');
    await expect(quilts.units).toHaveAttribute('aria-invalid', 'true');
    await expect(water.group).not.toContainText('数量为零');
    await app.screenshot('receive-validation');

    expect((await backendCall(backend, 'documents:list', {})).total).toBe(0);
    expect(await backendCall(backend, 'stock:on-hand', {})).toEqual([]);

    // The marks follow the corrections as they are made; an expiry before production is caught too.
    await water.production.fill('2026-06-01');
    await water.expiry.fill('2026-05-01');
    await expect(water.group).not.toContainText('这种物资有保质期');
    await expect(water.group).toContainText('有效期必须晚于生产日期。');
    await water.expiry.fill('');
    await quilts.units.fill('8');
    await expect(page.getByRole('alert').filter({ hasText: '需要修改' })).toBeHidden();
    await expect(water.production).not.toHaveAttribute('aria-invalid', 'true');
    // Letters are refused in a quantity, with a word why.
    await quilts.cartons.pressSequentially('x');
    await expect(quilts.group.getByRole('alert')).toHaveText('只能输入整数');
    await expect(quilts.cartons).toHaveValue('');

    await form.post.click();
    await form.confirm.click();
    await expect(page.getByRole('heading', { name: '入库单已过账' })).toBeVisible();
    expect((await backendCall(backend, 'documents:list', {})).total).toBe(1);
  });

  test('a refusal by the ledger is shown on the line it names, and everything typed is kept', async ({
    app,
    page,
    backend,
  }) => {
    // Batch W-1 of water came in before, produced on 2026-01-01.
    await backendCall(backend, 'stock:post-receipt', {
      kind: 'purchase',
      sourceId: depot.sources.city.id,
      lines: [
        {
          itemId: depot.items.water.id,
          cartons: 1,
          locationId: depot.locations.a01.id,
          batchNo: 'W-1',
          productionDate: '2026-01-01',
        },
      ],
    });

    await app.open('receive');
    const form = receiveForm(page);
    await fillTentReceipt(page, depot, 3);
    await form.addLine.click();
    const water = form.line(2);
    await pickItem(page, water.item, 'KS-550', '矿泉水');
    await water.cartons.fill('1');
    await water.batch.fill('W-1');
    await water.production.fill('2026-02-01');
    await form.post.click();
    await form.confirm.click();

    await expect(page.getByRole('alert').filter({ hasText: '第 2 行未能过账' })).toBeVisible();
    await expect(water.group).toContainText('这个批号以前入库时的生产日期、有效期或产地与本次不同。');
    await expect(water.batch).toHaveAttribute('aria-invalid', 'true');
    await expect(form.line(1).group).not.toContainText('批号');
    // Nothing typed was lost.
    await expect(form.line(1).item).toHaveValue('单帐篷');
    await expect(form.line(1).units).toHaveValue('3');
    await expect(water.production).toHaveValue('2026-02-01');
    await app.screenshot('receive-refused-on-line');
    expect((await backendCall(backend, 'documents:list', {})).total).toBe(1);

    // With the batch's own date the receipt goes through.
    await water.production.fill('2026-01-01');
    await expect(water.group).not.toContainText('这个批号');
    await form.post.click();
    await form.confirm.click();
    await expect(page.getByRole('heading', { name: '入库单已过账' })).toBeVisible();
    const water1 = (await backendCall(backend, 'stock:on-hand', { itemId: depot.items.water.id }))[0]!;
    expect([water1.batchNo, water1.quantity]).toEqual(['W-1', 48]);
  });

  test('a receipt in progress survives a restart and another screen, and its draft is gone once posted', async ({
    app,
    page,
    backend,
  }) => {
    await app.open('receive');
    const form = receiveForm(page);
    await fillTentReceipt(page, depot, 7);
    await page.getByLabel('备注', { exact: true }).fill('第一车');
    await expect(form.draftSaved).toBeVisible();
    const saved = await draftHolding(backend, '第一车', '单帐篷', '"units":7');
    expect(saved.map((d) => d.title)).toEqual(['市级储备 · 1 行']);

    // The app restarts: the page loads afresh from the database.
    await page.reload();
    await expect(page.getByRole('status').filter({ hasText: '已恢复未完成的入库单' })).toBeVisible();
    await expect(form.source).toHaveValue(depot.sources.city.id);
    await expect(page.getByLabel('备注', { exact: true })).toHaveValue('第一车');
    await expect(form.line(1).item).toHaveValue('单帐篷');
    await expect(form.line(1).units).toHaveValue('7');
    await expect(form.line(1).location).toHaveValue(depot.locations.a01.id);

    // Another screen and back: still there, with a change made just before leaving.
    await form.line(1).units.fill('9');
    await app.goTo('库存');
    await app.goTo('入库');
    await expect(form.line(1).units).toHaveValue('9');
    await app.screenshot('receive-draft-resumed');

    await form.post.click();
    await form.confirm.click();
    await expect(page.getByRole('heading', { name: '入库单已过账' })).toBeVisible();
    expect(await backendCall(backend, 'drafts:list', { kind: 'receipt' })).toEqual([]);
    const tents = await backendCall(backend, 'stock:on-hand', { itemId: depot.items.tent.id });
    expect(tents.map((r) => r.quantity)).toEqual([9]);
    const [receipt] = (await backendCall(backend, 'documents:list', { kind: 'receipt' })).rows;
    expect((await backendCall(backend, 'documents:get', { id: receipt!.id })).remarks).toBe('第一车');
  });

  test('another receipt is started beside a draft, and a draft is discarded only after confirmation', async ({
    app,
    page,
    backend,
  }) => {
    await app.open('receive');
    const form = receiveForm(page);
    await fillTentReceipt(page, depot, 4);

    // A second truck: the first receipt waits as a draft.
    await page.getByRole('button', { name: '另起一单' }).click();
    const others = page.getByRole('region', { name: '其他未完成的入库草稿' });
    await expect(others).toContainText('市级储备 · 1 行');
    await expect(form.line(1).item).toHaveValue('');
    await form.source.selectOption({ label: '省级储备' });
    await pickItem(page, form.line(1).item, '棉被', '棉被');
    await form.line(1).cartons.fill('2');
    expect(await draftHolding(backend, '棉被', '"cartons":2')).toHaveLength(2);

    // After a restart the latest one is on screen and the other is offered.
    await page.reload();
    await expect(form.line(1).item).toHaveValue('棉被');
    await expect(others).toContainText('市级储备 · 1 行');
    await app.screenshot('receive-other-drafts');

    const discardOther = page.getByRole('button', { name: '丢弃草稿“市级储备 · 1 行”' });
    const confirmDiscard = page.getByRole('dialog', { name: '丢弃草稿？' });
    await discardOther.click();
    await expect(confirmDiscard).toContainText('草稿“市级储备 · 1 行”将被删除，不能恢复。');
    await confirmDiscard.getByRole('button', { name: '取消' }).click();
    expect(await backendCall(backend, 'drafts:list', { kind: 'receipt' })).toHaveLength(2);

    await discardOther.click();
    await confirmDiscard.getByRole('button', { name: '丢弃草稿' }).click();
    await expect(others).toBeHidden();
    const left = await backendCall(backend, 'drafts:list', { kind: 'receipt' });
    expect(left.map((d) => d.title)).toEqual(['省级储备 · 1 行']);

    // The receipt on screen can be thrown away too.
    await form.line(1).cartons.fill('3');
    await page.getByRole('button', { name: '丢弃草稿' }).click();
    await confirmDiscard.getByRole('button', { name: '丢弃草稿' }).click();
    await expect(form.line(1).item).toHaveValue('');
    await expect(form.source).toHaveValue('');
    expect(await backendCall(backend, 'drafts:list', { kind: 'receipt' })).toEqual([]);
    // …and it stays gone after a restart.
    await page.reload();
    await expect(form.line(1).item).toHaveValue('');
    expect(await backendCall(backend, 'drafts:list', { kind: 'receipt' })).toEqual([]);
  });

  test('on a busy PC whose next frame comes late, the field the keeper went into keeps the focus and what is typed', async ({
    app,
    page,
  }) => {
    // Every animation frame arrives 400 ms late, as on a loaded machine: the receipt's own "focus
    // the first field" after 另起一单 comes after the keeper has already gone into the item field.
    await page.addInitScript(() => {
      // In the page `globalThis` is `window`; written so, this file needs no DOM typings.
      const page = globalThis as unknown as { requestAnimationFrame(callback: () => void): number };
      const frame = page.requestAnimationFrame.bind(page);
      page.requestAnimationFrame = (callback) => frame(() => setTimeout(() => frame(callback), 400));
    });
    await app.open('receive');
    const form = receiveForm(page);
    await fillTentReceipt(page, depot, 4);
    await page.getByRole('button', { name: '另起一单' }).click();
    await expect(form.line(1).item).toHaveValue('');
    await form.source.selectOption({ label: '省级储备' });
    await pickItem(page, form.line(1).item, '棉被', '棉被');
    await expect(form.line(1).cartons).toBeFocused();
  });

  test('a double click on post and a double Enter in the confirmation each post exactly one receipt', async ({
    app,
    page,
    backend,
  }) => {
    await app.open('receive');
    const form = receiveForm(page);
    await fillTentReceipt(page, depot, 5);
    await form.post.dblclick();
    await expect(form.confirmDialog).toBeVisible();
    await form.confirm.dblclick();
    await expect(page.getByRole('heading', { name: '入库单已过账' })).toBeVisible();
    expect((await backendCall(backend, 'documents:list', {})).total).toBe(1);

    await page.getByRole('button', { name: '新入库单' }).click();
    await fillTentReceipt(page, depot, 6);
    await form.post.click();
    await expect(form.confirm).toBeFocused();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: '入库单已过账' })).toBeVisible();
    // The second Enter started nothing new: the posted panel stays.
    await expect(page.getByRole('heading', { name: '入库单已过账' })).toBeFocused();

    const { rows, total } = await backendCall(backend, 'documents:list', {});
    expect(total).toBe(2);
    expect(rows.map((r) => r.totalQuantity).sort()).toEqual([5, 6]);
    const tents = await backendCall(backend, 'stock:on-hand', { itemId: depot.items.tent.id });
    expect(tents.reduce((sum, r) => sum + r.quantity, 0)).toBe(11);
    const chain = await backendCall(backend, 'ledger:verify-chain');
    expect([chain.ok, chain.entries]).toEqual([true, 2]);
    await app.screenshot('receive-double-submit');
  });

  test('a donation goes into a donation source, names its donor, and cannot be dated after today', async ({
    app,
    page,
    backend,
  }) => {
    await backendCall(backend, 'settings:update', { language: 'en-US' });
    await app.open('receive');
    const kind = page.getByLabel('Receipt kind');
    const source = page.getByLabel('Stock source');
    await kind.selectOption({ label: 'Donation' });
    // Only donation sources are offered, and the donor comes with the source.
    await expect(source.getByRole('option')).toHaveText(['Choose a source', '社会捐赠-爱心企业']);
    await source.selectOption({ label: '社会捐赠-爱心企业' });
    await expect(page.getByRole('status', { name: 'Donor' })).toHaveText('爱心企业有限公司');

    const line = {
      item: page.getByRole('combobox', { name: 'Line 1: Item' }),
      cartons: page.getByRole('textbox', { name: 'Line 1: Quantity: cartons' }),
      units: page.getByRole('textbox', { name: 'Line 1: Quantity: units (床)' }),
      location: page.getByRole('combobox', { name: 'Line 1: Location' }),
    };
    await line.item.fill('mb');
    await expect(page.getByRole('option', { name: /棉被/ })).toContainText('10 床 per carton');
    await line.item.press('Enter');
    await line.cartons.fill('12');
    await line.units.fill('1500');
    await expect(page.getByText('= 1,620 床')).toBeVisible();
    await line.location.selectOption(depot.locations.a02.id);
    const docDate = page.getByLabel('Document date');
    await docDate.fill('2099-01-01');
    await page.getByRole('button', { name: 'Post…' }).click();
    await expect(docDate).toHaveAccessibleDescription('The date cannot be after today.');
    await expect(docDate).toBeFocused();
    await app.screenshot('receive-donation-english');

    await docDate.fill('2026.11.1');
    await docDate.blur();
    await expect(docDate).toHaveValue('2026-11-01');
    await page.getByRole('button', { name: 'Post…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Post this receipt?' });
    await expect(dialog).toContainText('爱心企业有限公司');
    await expect(dialog).toContainText('1,620 床');
    await expect(dialog).toContainText('162 cartons + 0 床');
    await app.screenshot('receive-confirm-english');
    await dialog.getByRole('button', { name: 'Post', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Receipt posted' })).toBeVisible();

    const [summary] = (await backendCall(backend, 'documents:list', {})).rows;
    expect([summary!.subkind, summary!.docDate, summary!.sourceName, summary!.partyName]).toEqual([
      'donation',
      '2026-11-01',
      '社会捐赠-爱心企业',
      '爱心企业有限公司',
    ]);
    const stock = await backendCall(backend, 'stock:on-hand', { itemId: depot.items.quilt.id });
    expect(stock.map((r) => [r.quantity, r.sourceName, r.locationCode])).toEqual([[1620, '社会捐赠-爱心企业', 'A-02']]);
  });
});
