import { seedDepot } from '../fixtures/depot';
import { backendCall, expect, test } from './fixtures';

test('a whole receipt is entered and posted with the keyboard alone, by pinyin initials and by a carton barcode typed into the item field', async ({
  app,
  page,
  backend,
}) => {
  // A whole story on a shared two-core machine: room enough; nothing here measures time.
  test.setTimeout(120_000);
  const depot = await seedDepot(backend);
  // The water's carton carries a barcode standing for 24 bottles.
  await backendCall(backend, 'catalog:add-barcode', {
    itemId: depot.items.water.id,
    barcode: '6901234567892',
    quantity: 24,
  });

  await app.open('receive');
  const keyboard = page.keyboard;
  const focused = page.locator(':focus');

  // The form opens on its first field. Header: purchase, city reserve, supplier, today, a remark.
  await expect(page.getByLabel('入库类别')).toBeFocused();
  await keyboard.press('Enter');
  await expect(page.getByLabel('物资来源')).toBeFocused();
  await keyboard.press('ArrowDown');
  await expect(page.getByLabel('物资来源')).toHaveValue(depot.sources.city.id);
  await keyboard.press('Enter');
  await expect(page.getByLabel('供应商')).toBeFocused();
  await keyboard.press('ArrowDown');
  await keyboard.press('Enter');
  await expect(page.getByLabel('单据日期')).toBeFocused();
  await keyboard.press('Enter');
  await keyboard.type('夜间到货');
  await keyboard.press('Enter');

  // Line 1: "dzp" finds 单帐篷 by its pinyin initials.
  const tent = page.getByRole('combobox', { name: '第 1 行：物资' });
  await expect(tent).toBeFocused();
  await keyboard.type('dzp');
  const hit = page.getByRole('option', { name: /单帐篷/ });
  await expect(hit).toBeVisible();
  await expect(hit).toContainText('拼音首字母');
  await expect(hit).toHaveAttribute('aria-selected', 'true');
  await expect(tent).toHaveAttribute('aria-activedescendant', /.+/);
  await app.screenshot('keyboard-receive-picker');
  await keyboard.press('Enter');
  await expect(tent).toHaveValue('单帐篷');
  await expect(page.getByRole('textbox', { name: '第 1 行：数量：散件数（顶）' })).toBeFocused();
  await keyboard.type('20');
  // Enter walks the line: batch, production, expiry, origin, location, remarks.
  for (let i = 0; i < 5; i++) await keyboard.press('Enter');
  await expect(page.getByRole('combobox', { name: '第 1 行：货位' })).toBeFocused();
  await keyboard.press('ArrowDown');
  await keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: '第 1 行：备注' })).toBeFocused();
  // Enter in the last field of the last line opens a new line at its item.
  await keyboard.press('Enter');

  // Line 2: the carton's barcode typed into the item field (the item picker finds items by barcode too).
  // Typed at a person's pace: this is the picker's own barcode search. The same digits from a scanner are a
  // scan (scan-receive.spec.ts covers a scan into an empty line's item field).
  const water = page.getByRole('combobox', { name: '第 2 行：物资' });
  await expect(water).toBeFocused();
  await keyboard.type('6901234567892', { delay: 60 });
  await keyboard.press('Enter');
  await expect(water).toHaveValue('矿泉水');
  const cartons = page.getByRole('textbox', { name: '第 2 行：数量：箱数' });
  await expect(cartons).toBeFocused();
  await expect(cartons).toHaveValue('1');
  await expect(page.getByRole('textbox', { name: '第 2 行：数量：散件数（瓶）' })).toHaveValue('');
  await expect(page.getByText('= 24 瓶')).toBeVisible();
  await keyboard.press('Enter');
  await keyboard.press('Enter');
  await keyboard.type('W2611');
  await keyboard.press('Enter');
  // Typed by a person: at machine speed eight digits and Enter would be a scan.
  await keyboard.type('20260601', { delay: 90 });
  await keyboard.press('Enter');
  // The production date is tidied, and the expiry its shelf life gives is offered.
  await expect(page.getByRole('textbox', { name: '第 2 行：生产日期' })).toHaveValue('2026-06-01');
  await expect(page.getByRole('textbox', { name: '第 2 行：有效期至' })).toHaveAttribute('placeholder', '2027-06-01');
  await keyboard.press('Enter');
  await keyboard.type('浙江');
  await keyboard.press('Enter');
  // The location was carried over from line 1.
  await expect(page.getByRole('combobox', { name: '第 2 行：货位' })).toBeFocused();
  await expect(page.getByRole('combobox', { name: '第 2 行：货位' })).toHaveValue(depot.locations.a01.id);
  await app.screenshot('keyboard-receive-entered');

  // Ctrl+Enter reviews, Enter posts.
  await keyboard.press('Control+Enter');
  const dialog = page.getByRole('dialog', { name: '确认过账入库单' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('共 2 行，合计 20 顶、24 瓶');
  await expect(dialog.getByRole('button', { name: '确认过账' })).toBeFocused();
  await expect(focused).toHaveText('确认过账');
  await keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: '入库单已过账' })).toBeVisible();
  await app.screenshot('keyboard-receive-posted');

  const { rows, total } = await backendCall(backend, 'documents:list', { kind: 'receipt' });
  expect(total).toBe(1);
  const receipt = await backendCall(backend, 'documents:get', { id: rows[0]!.id });
  expect(receipt.remarks).toBe('夜间到货');
  expect(receipt.partyName).toBe('某某帐篷厂');
  expect(receipt.sourceName).toBe('市级储备');
  expect(receipt.lines.map((l) => [l.itemName, l.quantity])).toEqual([
    ['单帐篷', 20],
    ['矿泉水', 24],
  ]);
  const waterEntry = receipt.entries.find((e) => e.itemId === depot.items.water.id)!;
  expect([waterEntry.batchNo, waterEntry.productionDate, waterEntry.expiryDate, waterEntry.locationCode]).toEqual([
    'W2611',
    '2026-06-01',
    '2027-06-01',
    'A-01',
  ]);
});
