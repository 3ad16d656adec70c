/**
 * Labels from where a keeper needs them: goods received without a barcode get an internal code and
 * their labels in one step; the catalog prints item and location labels; the inventory drill-down
 * prints a batch's labels. The dialog's preview is the print view itself.
 */
import { execFileSync } from 'node:child_process';
import type { Locator, Page } from '@playwright/test';
import { internalGtin } from '../../shared/barcode/payloads';
import { seedDepot } from '../fixtures/depot';
import { backendCall, expect, test } from './fixtures';

const labelsDialog = (page: Page, name: string) => page.getByRole('dialog', { name });

/** Waits until the dialog's preview has drawn its labels, and returns the preview region. */
async function drawnPreview(dialog: Locator): Promise<Locator> {
  const preview = dialog.getByRole('region', { name: '标签预览' });
  await expect(preview).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  return preview;
}

test.describe('labels in the desk', () => {
  test.describe.configure({ timeout: 120_000 });

  test('quilts received without a barcode get an internal code and one batch label per quilt, in one step', async ({
    app,
    page,
    backend,
  }) => {
    const depot = await seedDepot(backend);
    await app.open('receive');
    await page.getByLabel('物资来源').selectOption({ label: '市级储备' });
    const item = page.getByRole('combobox', { name: '第 1 行：物资' });
    await item.fill('MB-01');
    await expect(page.getByRole('option', { name: /棉被/ }).first()).toBeVisible();
    await item.press('Enter');
    await expect(item).toHaveValue('棉被');
    await page.getByRole('textbox', { name: /^第 1 行：数量：散件数/ }).fill('6');
    await page.getByRole('textbox', { name: '第 1 行：批号' }).fill('MB-2026-11');
    await page.getByRole('combobox', { name: '第 1 行：货位' }).selectOption(depot.locations.a02.id);
    await page.getByRole('button', { name: '过账…' }).click();
    await page.getByRole('button', { name: '确认过账' }).click();

    const received = page.getByRole('region', { name: '入库物资标签' });
    const quiltRow = received.getByRole('row').filter({ hasText: '棉被' });
    await expect(quiltRow).toContainText('MB-2026-11');
    await expect(quiltRow).toContainText('6 床');
    await expect(quiltRow).toContainText('无条码');
    await quiltRow.getByRole('button', { name: '为“棉被”赋内部码并打印标签' }).click();

    // The code is stored as the quilt's unit barcode: the next scan of a label finds the quilt.
    await expect(received.getByRole('status').filter({ hasText: '已赋内部码' })).toHaveText(
      `已赋内部码 ${internalGtin(1)}`,
    );
    const quilt = await backendCall(backend, 'catalog:get-item', { id: depot.items.quilt.id });
    expect(quilt.barcodes.map((b) => [b.barcode, b.quantity])).toEqual([[internalGtin(1), 1]]);

    const dialog = labelsDialog(page, '打印批次标签');
    await expect(dialog.getByLabel('每个标签打印张数')).toHaveValue('6');
    const preview = await drawnPreview(dialog);
    await expect(preview.getByRole('group', { name: /^标签 \d+\/6$/ })).toHaveCount(6);
    const first = preview.getByRole('group', { name: '标签 1/6' });
    await expect(first).toContainText('棉被');
    await expect(first).toContainText('MB-2026-11');
    await expect(first).toContainText('市级储备');
    await expect(first.getByRole('img', { name: '棉被 批次 MB-2026-11 的 GS1 DataMatrix 码' })).toBeVisible();
    await app.screenshot('labels-receive-assign');

    // A chosen count instead of one per quilt; on an A4 sheet.
    await dialog.getByLabel('每个标签打印张数').fill('30');
    await dialog.getByLabel('标签纸').selectOption({ label: 'A4 不干胶（3 × 8，70 × 37 mm）' });
    await expect(dialog.getByRole('status')).toHaveText('共 30 张标签，2 页 A4');
    await drawnPreview(dialog);
    await expect(dialog.getByRole('group', { name: /^标签 \d+\/30$/ })).toHaveCount(30);

    await dialog.getByRole('button', { name: '关闭' }).click();
    await expect(quiltRow).toContainText(`条码 ${internalGtin(1)}`);
    await expect(quiltRow.getByRole('button', { name: '打印“棉被”批次 MB-2026-11 的标签' })).toBeVisible();
  });

  test('a count that is not a whole number is refused in the dialog and the last good preview stays', async ({
    app,
    page,
    backend,
  }) => {
    await seedDepot(backend);
    await app.open('catalog');
    await page.getByRole('button', { name: '打印“单帐篷”的标签' }).click();
    const dialog = labelsDialog(page, '打印物资标签');
    await drawnPreview(dialog);
    const copies = dialog.getByLabel('每个标签打印张数');
    await copies.fill('0');
    await expect(copies).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog.getByRole('alert')).toHaveText('请填写 1 到 2,000 之间的整数。');
    await expect(dialog.getByRole('group', { name: '标签 1/1' })).toContainText('单帐篷');
    await copies.fill('3');
    await expect(copies).not.toHaveAttribute('aria-invalid', 'true');
    await drawnPreview(dialog);
    await expect(dialog.getByRole('group', { name: /^标签 \d+\/3$/ })).toHaveCount(3);
  });

  test('an item that already has a barcode is refused an internal code with a translated reason', async ({
    app,
    page,
    backend,
  }) => {
    const depot = await seedDepot(backend);
    await backendCall(backend, 'stock:post-receipt', {
      kind: 'allocation',
      sourceId: depot.sources.city.id,
      lines: [{ itemId: depot.items.tent.id, units: 4, locationId: depot.locations.a01.id, batchNo: 'ZP-1' }],
    });
    // Another keeper gives the tent a barcode while this screen still shows it without one.
    await app.open('receive');
    await page.getByLabel('物资来源').selectOption({ label: '市级储备' });
    const item = page.getByRole('combobox', { name: '第 1 行：物资' });
    await item.fill('ZP-12');
    await expect(page.getByRole('option', { name: /单帐篷/ }).first()).toBeVisible();
    await item.press('Enter');
    await page.getByRole('textbox', { name: /^第 1 行：数量：散件数/ }).fill('2');
    await page.getByRole('combobox', { name: '第 1 行：货位' }).selectOption(depot.locations.a01.id);
    await page.getByRole('button', { name: '过账…' }).click();
    await page.getByRole('button', { name: '确认过账' }).click();
    const received = page.getByRole('region', { name: '入库物资标签' });
    await expect(received).toContainText('无条码');
    await backendCall(backend, 'catalog:add-barcode', {
      itemId: depot.items.tent.id,
      barcode: '6901234567892',
      quantity: 1,
    });
    await received.getByRole('button', { name: /为“单帐篷”赋内部码并打印标签/ }).click();
    await expect(received.getByRole('alert')).toHaveText(
      '这种物资已经有单品条码，不需要再赋内部码；直接打印标签即可。',
    );
    await expect(labelsDialog(page, '打印批次标签')).toHaveCount(0);
    const tent = await backendCall(backend, 'catalog:get-item', { id: depot.items.tent.id });
    expect(tent.barcodes.map((b) => b.barcode)).toEqual(['6901234567892']);
  });

  test('location labels from the catalog, one slot or every location', async ({ app, page, backend }) => {
    await seedDepot(backend);
    await app.open('catalog/locations');
    await page.getByRole('button', { name: '打印货位 A-01 的标签' }).click();
    let dialog = labelsDialog(page, '打印货位标签');
    let preview = await drawnPreview(dialog);
    await expect(preview.getByRole('group', { name: '标签 1/1' })).toContainText('A区01货位');
    await expect(preview.getByRole('img', { name: '货位 A-01 的条码' })).toBeVisible();
    await expect(preview.getByRole('img', { name: '货位 A-01 的二维码' })).toBeVisible();
    await dialog.getByLabel('标签纸').selectOption({ label: '100 × 70 mm 标签' });
    await drawnPreview(dialog);
    await app.screenshot('labels-location-dialog');
    await dialog.getByRole('button', { name: '关闭' }).click();

    await page.getByRole('button', { name: '打印全部货位标签' }).click();
    dialog = labelsDialog(page, '打印货位标签');
    preview = await drawnPreview(dialog);
    await expect(preview.getByRole('group', { name: /^标签 \d+\/3$/ })).toHaveCount(3);
    await expect(dialog.getByRole('status')).toHaveText('共 3 张标签');
  });

  test('batch labels from the inventory drill-down name the row’s source and the quantity typed, and save as a PDF', async ({
    app,
    page,
    backend,
    shell,
  }) => {
    const depot = await seedDepot(backend);
    await backendCall(backend, 'stock:post-receipt', {
      kind: 'donation',
      sourceId: depot.sources.donation.id,
      partyId: depot.parties.donor.id,
      lines: [
        {
          itemId: depot.items.water.id,
          units: 240,
          locationId: depot.locations.a01.id,
          batchNo: 'W2026-01',
          productionDate: '2026-01-15',
        },
      ],
    });
    await app.open('inventory');
    await page.getByRole('grid').getByRole('row').filter({ hasText: 'KS-550' }).getByRole('gridcell').first().click();
    const panel = page.getByRole('region', { name: 'KS-550 矿泉水 的库存明细' });
    await panel.getByRole('button', { name: '打印批次 W2026-01（A-01，社会捐赠-爱心企业）的标签' }).click();
    const dialog = labelsDialog(page, '打印批次标签');
    await dialog.getByLabel('标签上印数量（可不填）').fill('240');
    await dialog.getByLabel('标签纸').selectOption({ label: '100 × 70 mm 标签' });
    const preview = await drawnPreview(dialog);
    const label = preview.getByRole('group', { name: '标签 1/1' });
    await expect(label).toContainText('数量240 瓶');
    await expect(label).toContainText('爱心企业有限公司');
    await expect(label.getByRole('img', { name: '矿泉水 批次 W2026-01 的 GS1-128 条码' })).toBeVisible();
    // Water without a GTIN: the item code rides in (91), and the DataMatrix carries it as well.
    await expect(label.getByRole('img', { name: '矿泉水 批次 W2026-01 的 GS1 DataMatrix 码' })).toBeVisible();
    await expect(label.getByRole('note')).toHaveCount(0);
    await app.screenshot('labels-batch-dialog');

    await dialog.getByRole('button', { name: '另存为 PDF…' }).click();
    const file = `${shell.pdfDir}/标签.pdf`;
    // Saving draws the labels again in a page of their own: give the busy machine time.
    await expect(dialog.getByRole('status').filter({ hasText: '已保存为' })).toHaveText(`已保存为 ${file}`, {
      timeout: 60_000,
    });
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('W2026-01');
    expect(text).toMatch(/数量\s+240 瓶/);
    // One page of the label's own size, 100 × 70 mm = 283.5 × 198.4 pt (Chromium rounds to its pixel grid).
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+1\n/);
    const [, width = '0', height = '0'] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info) ?? [];
    expect(Math.abs(Number(width) - 283.46)).toBeLessThan(1);
    expect(Math.abs(Number(height) - 198.43)).toBeLessThan(1);
  });
});
