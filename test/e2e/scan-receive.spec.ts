import type { Page } from '@playwright/test';
import { seedDepot, type Depot } from '../fixtures/depot';
import { backendCall, expect, test } from './fixtures';
import { codes, focusNowhere, registerBarcodes, scan } from './scanner';

function receiveScreen(page: Page) {
  const line = (n: number) => ({
    item: page.getByRole('combobox', { name: `第 ${n} 行：物资` }),
    cartons: page.getByRole('textbox', { name: `第 ${n} 行：数量：箱数` }),
    units: page.getByRole('textbox', { name: new RegExp(`^第 ${n} 行：数量：散件数`) }),
    batch: page.getByRole('textbox', { name: `第 ${n} 行：批号` }),
    production: page.getByRole('textbox', { name: `第 ${n} 行：生产日期` }),
    expiry: page.getByRole('textbox', { name: `第 ${n} 行：有效期至` }),
    location: page.getByRole('combobox', { name: `第 ${n} 行：货位` }),
  });
  const bar = page.getByRole('region', { name: '扫码' });
  return {
    line,
    /** Every line's item field: one per row of the table. */
    itemFields: page.getByRole('combobox', { name: /^第 \d+ 行：物资$/ }),
    source: page.getByLabel('物资来源'),
    remarks: page.getByLabel('备注', { exact: true }),
    bar,
    multiplier: bar.getByRole('textbox', { name: '倍数' }),
    undo: bar.getByRole('button', { name: '撤销上次扫码' }),
    found: bar.getByRole('status'),
    problem: bar.getByRole('alert'),
    post: page.getByRole('button', { name: '过账…' }),
    confirm: page.getByRole('button', { name: '确认过账' }),
  };
}

test.describe('scanning on Receive', () => {
  // Whole stories on a shared two-core machine: room to run; nothing here measures time.
  test.describe.configure({ timeout: 120_000 });
  let depot: Depot;
  test.beforeEach(async ({ backend }) => {
    depot = await seedDepot(backend);
    await registerBarcodes(backend, depot);
  });

  test('a scan with the cursor in an unrelated field leaves that field as it was, and one with focus nowhere counts on the same line', async ({
    app,
    page,
  }) => {
    await app.open('receive');
    const screen = receiveScreen(page);
    await screen.remarks.click();
    await page.keyboard.type('急件', { delay: 20 });
    await scan(page, codes.waterUnit, 5);
    await expect(screen.line(1).item).toHaveValue('矿泉水');
    await expect(screen.line(1).units).toHaveValue('1');
    // The burst's characters were taken back out of the remarks, and its Enter submitted nothing.
    await expect(screen.remarks).toHaveValue('急件');
    await expect(screen.remarks).toBeFocused();
    await expect(screen.found).toContainText('矿泉水 +1 瓶（第 1 行');

    await focusNowhere(page);
    await scan(page, codes.waterUnit, 5);
    await expect(screen.line(1).units).toHaveValue('2');
    await expect(screen.itemFields).toHaveCount(1);

    // The cursor in the item field of the line itself: the field shows the item, not the code.
    await screen.line(1).item.click();
    await scan(page, codes.waterUnit, 2);
    await expect(screen.line(1).units).toHaveValue('3');
    await expect(screen.line(1).item).toHaveValue('矿泉水');
    await expect(screen.itemFields).toHaveCount(1);
    await app.screenshot('scan-receive-focus-kept');
  });

  test("a scan with the cursor in an empty line's item field fills that line, and the line stays filled when the cursor moves on", async ({
    app,
    page,
  }) => {
    await app.open('receive');
    const screen = receiveScreen(page);
    await screen.line(1).item.click();
    await expect(screen.line(1).item).toHaveValue('');
    await scan(page, codes.waterCarton, 5);
    await expect(screen.found).toContainText('矿泉水 +24 瓶（第 1 行');
    await expect(screen.line(1).item).toHaveValue('矿泉水');
    // The item picker must not read the capture putting back its empty text as the keeper clearing it:
    // leaving the field once cleared the line the scan had just filled.
    await screen.remarks.click();
    await expect(screen.line(1).item).toHaveValue('矿泉水');
    await expect(screen.line(1).cartons).toHaveValue('1');
    await expect(screen.itemFields).toHaveCount(1);
  });

  test('with the Chinese input method composing, a scanned location label still reaches its line and the remarks keep their text', async ({
    app,
    page,
  }) => {
    await app.open('receive');
    const screen = receiveScreen(page);
    await focusNowhere(page);
    await scan(page, codes.waterUnit, 5);
    await expect(screen.line(1).item).toHaveValue('矿泉水');
    await screen.remarks.click();
    await page.keyboard.type('急件', { delay: 20 });
    // The IME turns R, R, L… into "Process" keys and a composition, and commits "rrl-a-01" at Enter.
    await scan(page, 'RRL-A-01', 5, { inputMethod: true });
    await expect(screen.found).toContainText('第 1 行的货位设为 A区01货位');
    await expect(screen.line(1).location).toHaveValue(depot.locations.a01.id);
    await expect(screen.remarks).toHaveValue('急件');
    await expect(screen.remarks).toBeFocused();
  });

  test('twenty scans in about a second are all counted on one row, and the receipt posts twenty tents', async ({
    app,
    page,
    backend,
  }) => {
    await app.open('receive');
    const screen = receiveScreen(page);
    await screen.source.selectOption({ label: '市级储备' });
    await focusNowhere(page);
    for (let i = 0; i < 20; i++) await scan(page, codes.tent, 2);
    await expect(screen.line(1).units).toHaveValue('20');
    await expect(screen.line(1).item).toHaveValue('单帐篷');
    await expect(screen.itemFields).toHaveCount(1);
    // The slot's label sets the line's location.
    await scan(page, 'RRL-A-01', 3);
    await expect(screen.line(1).location).toHaveValue(depot.locations.a01.id);
    await expect(screen.found).toContainText('第 1 行的货位设为 A区01货位');
    await app.screenshot('scan-receive-twenty');

    await screen.post.click();
    await screen.confirm.click();
    await expect(page.getByText(/已过账/).first()).toBeVisible();
    const rows = await backendCall(backend, 'stock:on-hand', { itemId: depot.items.tent.id });
    expect(rows.map((r) => [r.locationId, r.quantity])).toEqual([[depot.locations.a01.id, 20]]);
  });

  test('the same digits typed by a person (80 ms a key) are typing, not a scan', async ({ app, page }) => {
    await app.open('receive');
    const screen = receiveScreen(page);
    await screen.remarks.click();
    await page.keyboard.type(codes.waterUnit, { delay: 80 });
    await page.keyboard.press('Enter');
    await expect(screen.remarks).toHaveValue(codes.waterUnit);
    await expect(screen.line(1).item).toHaveValue('');
    await expect(screen.found).toHaveText('扫描枪就绪：光标在任何位置都可以扫码。');
  });

  test('a carton barcode adds the pack size, the unit barcode of the same item joins its row', async ({
    app,
    page,
  }) => {
    await app.open('receive');
    const screen = receiveScreen(page);
    await focusNowhere(page);
    await scan(page, codes.waterCarton);
    await expect(screen.line(1).cartons).toHaveValue('1');
    await expect(page.getByText('= 24 瓶')).toBeVisible();
    await scan(page, codes.waterUnit);
    await expect(screen.line(1).cartons).toHaveValue('1');
    await expect(screen.line(1).units).toHaveValue('1');
    await expect(screen.itemFields).toHaveCount(1);
    await expect(page.getByText('= 25 瓶')).toBeVisible();
  });

  test('"*20" then a scan counts twenty, for that scan only; undo takes back exactly the last scan', async ({
    app,
    page,
  }) => {
    await app.open('receive');
    const screen = receiveScreen(page);
    await focusNowhere(page);
    await page.keyboard.press('Shift+Digit8');
    await expect(screen.multiplier).toBeFocused();
    await page.keyboard.type('20', { delay: 120 });
    await expect(screen.multiplier).toHaveValue('20');
    // The keeper picks up the scanner: a pause longer than any gap inside a burst.
    await page.waitForTimeout(700);
    await scan(page, codes.tent);
    await expect(screen.line(1).units).toHaveValue('20');
    await expect(screen.multiplier).toHaveValue('');
    await scan(page, codes.tent);
    await expect(screen.line(1).units).toHaveValue('21');
    await scan(page, codes.waterUnit);
    await expect(screen.line(2).units).toHaveValue('1');

    // Ctrl+Z outside a text field: the water line the last scan made goes away.
    await focusNowhere(page);
    await page.keyboard.press('Control+z');
    await expect(screen.itemFields).toHaveCount(1);
    await expect(screen.found).toContainText('已撤销：矿泉水 +1 瓶');
    // The button: the tents go back to the twenty of the first scan.
    await screen.undo.click();
    await expect(screen.line(1).units).toHaveValue('20');
    await screen.undo.click();
    await expect(screen.line(1).units).toHaveValue('');
    await expect(screen.line(1).item).toHaveValue('');
    await expect(screen.undo).toBeDisabled();
    await app.screenshot('scan-receive-undo');
  });

  test('a GS1 scan fills the batch, production date and expiry of its line', async ({ app, page }) => {
    await app.open('receive');
    const screen = receiveScreen(page);
    await focusNowhere(page);
    await scan(page, `]C101069012345678921126050110W-2026\x1d17270430`);
    const water = screen.line(1);
    await expect(water.item).toHaveValue('矿泉水');
    await expect(water.units).toHaveValue('1');
    await expect(water.batch).toHaveValue('W-2026');
    await expect(water.production).toHaveValue('2026-05-01');
    await expect(water.expiry).toHaveValue('2027-04-30');
    await expect(screen.found).toContainText('批号 W-2026');
    // The same batch again: the same row.
    await scan(page, '(01)06901234567892(10)W-2026');
    await expect(water.units).toHaveValue('2');
    await expect(screen.itemFields).toHaveCount(1);
    await app.screenshot('scan-receive-gs1');
  });

  test('a wrong check digit is said plainly in red and adds nothing', async ({ app, page }) => {
    await app.open('receive');
    const screen = receiveScreen(page);
    await focusNowhere(page);
    await scan(page, codes.wrongCheckDigit);
    await expect(screen.problem).toHaveText(
      `条码 ${codes.wrongCheckDigit} 校验位不对：可能是误读或标签有误，请重新扫描。`,
    );
    await expect(screen.problem).toHaveCSS('color', 'rgb(179, 38, 30)');
    await expect(screen.line(1).item).toHaveValue('');
    await expect(screen.itemFields).toHaveCount(1);
    await app.screenshot('scan-receive-check-digit');
  });

  test('an unknown barcode is assigned to an item as a carton, counted, and recognised on the next scan', async ({
    app,
    page,
    backend,
  }) => {
    await app.open('receive');
    const screen = receiveScreen(page);
    await focusNowhere(page);
    await scan(page, codes.unknownGtin);
    const dialog = page.getByRole('dialog', { name: '把条码对应到物资' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(codes.unknownGtin);
    await dialog.getByRole('combobox', { name: '物资' }).fill('MB-01');
    await expect(page.getByRole('option', { name: /棉被/ }).first()).toBeVisible();
    await dialog.getByRole('combobox', { name: '物资' }).press('Enter');
    await dialog.getByRole('radio', { name: '一箱（10 床）' }).check();
    await app.screenshot('scan-receive-assign');
    await dialog.getByRole('button', { name: '对应并使用' }).click();
    await expect(dialog).toBeHidden();
    await expect(screen.line(1).item).toHaveValue('棉被');
    await expect(screen.line(1).cartons).toHaveValue('1');

    const quilt = await backendCall(backend, 'catalog:get-item', { id: depot.items.quilt.id });
    expect(quilt.barcodes.map((b) => [b.barcode, b.quantity])).toEqual([[codes.unknownGtin, 10]]);

    await focusNowhere(page);
    await scan(page, codes.unknownGtin);
    await expect(screen.line(1).cartons).toHaveValue('2');
    await expect(dialog).toBeHidden();
  });

  test('a document number scanned on Receive opens that document', async ({ app, page, backend }) => {
    const posted = await backendCall(backend, 'stock:post-receipt', {
      kind: 'purchase',
      sourceId: depot.sources.city.id,
      lines: [{ itemId: depot.items.tent.id, units: 3, locationId: depot.locations.a01.id }],
    });
    await app.open('receive');
    await focusNowhere(page);
    await scan(page, posted.number);
    await expect(app.heading).toHaveText('单据');
    expect(page.url()).toContain(`#/documents/${posted.id}`);
    await expect(page.getByRole('heading', { level: 2 })).toContainText(posted.number);
    await app.screenshot('scan-receive-document-opened');
  });
});
