/**
 * The depot's print settings, set in 设置 › 打印 and seen on the printed slip: logo, title, footer note,
 * four copies with a renamed part; an oversized logo is refused with a reason and nothing is stored.
 */
import { PNG } from 'pngjs';
import { defaultPrintSettings, logoMaxBytes } from '../../shared/print/depotPrintSettings';
import { backendCall, expect, test } from './fixtures';
import { openPrintView, pdfPageTexts, savePdf } from './print-pdf';
import { postFullDispatch, stockedDepot } from './print-scenario';

const squeeze = (text: string) => text.replace(/\s+/g, '');

/** A small real PNG: a dark square on white, like a depot emblem. */
function emblemPng(): Buffer {
  const png = new PNG({ width: 48, height: 48 });
  for (let y = 0; y < 48; y++) {
    for (let x = 0; x < 48; x++) {
      const i = (y * 48 + x) * 4;
      const ink = x > 8 && x < 40 && y > 8 && y < 40;
      png.data[i] = ink ? 180 : 255;
      png.data[i + 1] = ink ? 20 : 255;
      png.data[i + 2] = ink ? 20 : 255;
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

test.describe('print settings', () => {
  test.describe.configure({ timeout: 180_000 });

  test('a title, footer note, logo and four copies set in Settings appear on the printed dispatch slip', async ({
    app,
    page,
    backend,
    rendererUrl,
  }) => {
    const depot = await stockedDepot(backend);
    const { doc } = await postFullDispatch(backend, depot);
    await app.open('settings');

    await page.getByLabel('标志图片').setInputFiles({ name: 'emblem.png', mimeType: 'image/png', buffer: emblemPng() });
    await expect(page.getByRole('img', { name: '当前标志' })).toBeVisible();
    await page.getByLabel('出库单标题').fill('江城市救灾物资出库单');
    await page.getByLabel('页脚说明').fill('值班电话 0512-12345678');
    await page.getByRole('radio', { name: '4 联' }).check();
    await page.getByLabel('第 2 联名称').fill('财务联');
    await expect(page.getByLabel('第 4 联名称')).toBeVisible();
    await app.screenshot('print-settings');
    await page.getByRole('button', { name: '应用打印设置' }).click();
    await expect(page.getByRole('status').filter({ hasText: '打印设置已保存。' })).toBeVisible();

    const stored = (await backendCall(backend, 'settings:get')).printing;
    expect(stored).toMatchObject({
      titles: { dispatch: '江城市救灾物资出库单', receipt: '' },
      footerNote: '值班电话 0512-12345678',
      copies: 4,
      copyLabels: ['', '财务联', '', ''],
    });
    expect(stored.logo).toMatch(/^data:image\/png;base64,/);

    await openPrintView(page, rendererUrl, { kind: 'dispatch-slip', target: doc.id, paper: 'a4-portrait' });
    // The logo is drawn (a decoded image, not a broken one).
    const logo = page.locator('.print-sheet').first().getByRole('img', { name: '储备库标志' });
    await expect(logo).toBeVisible();
    expect(await logo.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(48);
    const pages = pdfPageTexts(await savePdf(page, 'dispatch-with-settings')).map(squeeze);
    expect(pages).toHaveLength(4);
    expect(pages.map((p) => ['存根联', '财务联', '随货联', '回执联'].find((label) => p.includes(label)))).toEqual([
      '存根联',
      '财务联',
      '随货联',
      '回执联',
    ]);
    for (const p of pages) {
      expect(p).toContain('江城市救灾物资出库单');
      expect(p).toContain('值班电话0512-12345678');
    }
  });

  test('a logo larger than the limit is refused with the reason, and nothing is stored', async ({
    app,
    page,
    backend,
  }) => {
    await app.open('settings');
    const big = Buffer.concat([emblemPng(), Buffer.alloc(logoMaxBytes + 10 * 1024)]);
    const input = page.getByLabel('标志图片');
    await input.setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: big });
    const kb = Math.ceil(big.length / 1024);
    await expect(input).toHaveAccessibleDescription(
      new RegExp(`这张图片有 ${kb} KB，超过了 ${logoMaxBytes / 1024} KB 的上限`),
    );
    await expect(page.getByRole('img', { name: '当前标志' })).toHaveCount(0);
    await page.getByRole('button', { name: '应用打印设置' }).click();
    await expect(page.getByRole('status').filter({ hasText: '打印设置已保存。' })).toBeVisible();
    expect((await backendCall(backend, 'settings:get')).printing).toEqual(defaultPrintSettings);
  });
});
