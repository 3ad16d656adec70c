/**
 * Labels as printed: each size rendered to PDF through Chromium's print path, every barcode decoded
 * back from the 300-dpi page image, and the Chinese text read out of the PDF.
 */
import path from 'node:path';
import type { Backend } from '../../electron/backend/index';
import { internalGtin } from '../../shared/barcode/payloads';
import { formatLabelSelection } from '../../shared/labels/selection';
import { gs1Transmitted } from '../../shared/labels/symbols';
import { seedDepot } from '../fixtures/depot';
import { backendCall, expect, test } from './fixtures';
import { decodeSymbol, openPrintView, placedSymbols, renderPdf } from './print-pdf';

/** A depot with an internal-coded tent, GTIN-labelled water donated in batch W2026-01, and quilts of a Chinese batch number. */
async function labelledDepot(backend: Backend) {
  const depot = await seedDepot(backend);
  const tentCode = await backendCall(backend, 'catalog:assign-internal-code', { itemId: depot.items.tent.id });
  await backendCall(backend, 'catalog:add-barcode', {
    itemId: depot.items.water.id,
    barcode: '6901234567892',
    quantity: 1,
  });
  const water = await backendCall(backend, 'stock:post-receipt', {
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
        origin: '浙江杭州',
      },
    ],
  });
  const quilts = await backendCall(backend, 'stock:post-receipt', {
    kind: 'allocation',
    sourceId: depot.sources.city.id,
    lines: [{ itemId: depot.items.quilt.id, units: 30, locationId: depot.locations.a02.id, batchNo: '捐赠第3批' }],
  });
  const batchOf = async (documentId: string) =>
    (await backendCall(backend, 'documents:get', { id: documentId })).entries[0]!;
  return {
    ...depot,
    tentCode: tentCode.barcode,
    waterEntry: await batchOf(water.id),
    quiltEntry: await batchOf(quilts.id),
  };
}

const outDir = () => path.join(test.info().outputDir, 'labels');

test.describe('labels printed and scanned back', () => {
  // PDF, 300-dpi page images and decoding on a shared two-core machine: room to work; nothing here measures time.
  test.describe.configure({ timeout: 120_000 });

  test('60 × 40 item labels: the tent’s internal EAN-13 and the quilt’s code in Code128 decode, names and specs printed', async ({
    page,
    backend,
    rendererUrl,
  }) => {
    const depot = await labelledDepot(backend);
    const target = formatLabelSelection({
      kind: 'items',
      entries: [
        { id: depot.items.tent.id, copies: 1 },
        { id: depot.items.quilt.id, copies: 1 },
      ],
    });
    await openPrintView(page, rendererUrl, { kind: 'labels', target, paper: 'label-60x40' });
    await expect(page.locator('.label-text[data-overflow="true"]')).toHaveCount(0);
    const pdf = await renderPdf(page, outDir(), 'items-60x40');
    expect(pdf.pageImages).toHaveLength(2);
    expect(pdf.pages[0]).toMatch(/单帐篷[\s\S]*12 m²[\s\S]*顶[\s\S]*ZP-12/);
    expect(pdf.pages[1]).toMatch(/棉被[\s\S]*2 kg[\s\S]*床[\s\S]*MB-01/);

    const symbols = await placedSymbols(page);
    expect(symbols.map((s) => [s.page, s.symbology])).toEqual([
      [0, 'ean13'],
      [1, 'code128'],
    ]);
    expect(decodeSymbol(pdf, symbols[0]!)).toEqual({ text: internalGtin(1), format: 'EAN_13' });
    expect(depot.tentCode).toBe(internalGtin(1));
    expect(decodeSymbol(pdf, symbols[1]!)).toEqual({ text: 'MB-01', format: 'CODE_128' });
  });

  test('60 × 40 batch labels: GS1 DataMatrix carries GTIN, dates and batch; a Chinese batch number falls back to QR with a note', async ({
    page,
    backend,
    rendererUrl,
  }) => {
    const depot = await labelledDepot(backend);
    const target = formatLabelSelection({
      kind: 'batches',
      entries: [
        { id: depot.waterEntry.batchId, sourceId: depot.waterEntry.sourceId, copies: 1 },
        { id: depot.quiltEntry.batchId, copies: 1 },
      ],
    });
    await openPrintView(page, rendererUrl, { kind: 'labels', target, paper: 'label-60x40' });
    await expect(page.locator('.label-text[data-overflow="true"]')).toHaveCount(0);
    const pdf = await renderPdf(page, outDir(), 'batches-60x40');
    expect(pdf.pageImages).toHaveLength(2);
    for (const text of [
      '矿泉水',
      '550 ml',
      'W2026-01',
      '2026-01-15',
      '2027-01-15',
      '社会捐赠-爱心企业',
      '爱心企业有限公司',
      '浙江杭州',
    ]) {
      expect(pdf.pages[0]).toContain(text);
    }
    expect(pdf.pages[0]).toMatch(/入库时间\s+\d{4}-\d{2}-\d{2}/);
    expect(pdf.pages[1]).toContain('捐赠第3批');
    expect(pdf.pages[1]).toContain('市级储备');
    // The note wraps over lines beside the QR code.
    expect(pdf.pages[1]!.replace(/\s+/g, '')).toContain('批次号含GS1条码不能表示的字符，改印二维码');

    const symbols = await placedSymbols(page);
    expect(symbols.map((s) => [s.page, s.symbology])).toEqual([
      [0, 'gs1datamatrix'],
      [1, 'qrcode'],
    ]);
    const water = gs1Transmitted('(01)06901234567892(11)260115(17)270115(10)W2026-01');
    // zxing reports the DataMatrix's leading FNC1 (the GS1 flag) as a GS too.
    expect(decodeSymbol(pdf, symbols[0]!)).toEqual({ text: '\x1d' + water, format: 'DATA_MATRIX' });
    expect(decodeSymbol(pdf, symbols[1]!)).toEqual({ text: '(91)MB-01(10)捐赠第3批', format: 'QR_CODE' });
  });

  test('100 × 70 batch label: GS1-128 and DataMatrix both decode to the element string, with the quantity printed', async ({
    page,
    backend,
    rendererUrl,
  }) => {
    const depot = await labelledDepot(backend);
    const target = formatLabelSelection({
      kind: 'batches',
      entries: [{ id: depot.waterEntry.batchId, sourceId: depot.waterEntry.sourceId, copies: 1, quantity: 240 }],
    });
    await openPrintView(page, rendererUrl, { kind: 'labels', target, paper: 'label-100x70' });
    await expect(page.locator('.label-text[data-overflow="true"]')).toHaveCount(0);
    const pdf = await renderPdf(page, outDir(), 'batches-100x70');
    expect(pdf.pageImages).toHaveLength(1);
    expect(pdf.text).toMatch(/数量\s+240 瓶/);
    expect(pdf.text).toContain('(01)06901234567892(11)260115(17)270115(10)W2026-01');

    const symbols = await placedSymbols(page);
    expect(symbols.map((s) => s.symbology)).toEqual(['gs1datamatrix', 'gs1-128']);
    const water = gs1Transmitted('(01)06901234567892(11)260115(17)270115(10)W2026-01');
    expect(decodeSymbol(pdf, symbols[0]!)).toEqual({ text: '\x1d' + water, format: 'DATA_MATRIX' });
    expect(decodeSymbol(pdf, symbols[1]!)).toEqual({ text: ']C1' + water, format: 'CODE_128' });
  });

  for (const paper of ['label-60x40', 'label-100x70'] as const) {
    test(`${paper} location labels: Code128 and QR both carry RRL-<code>, the slot name printed big`, async ({
      page,
      backend,
      rendererUrl,
    }) => {
      const depot = await seedDepot(backend);
      const target = formatLabelSelection({
        kind: 'locations',
        entries: [
          { id: depot.locations.a01.id, copies: 1 },
          { id: depot.locations.zone.id, copies: 1 },
        ],
      });
      await openPrintView(page, rendererUrl, { kind: 'labels', target, paper });
      await expect(page.locator('.label-text[data-overflow="true"]')).toHaveCount(0);
      const pdf = await renderPdf(page, outDir(), `locations-${paper}`);
      expect(pdf.pages[0]).toMatch(/A区01货位[\s\S]*A-01[\s\S]*A库区/);
      expect(pdf.pages[1]).toContain('A库区');
      const symbols = await placedSymbols(page);
      expect(symbols.map((s) => [s.page, s.symbology])).toEqual([
        [0, 'code128'],
        [0, 'qrcode'],
        [1, 'code128'],
        [1, 'qrcode'],
      ]);
      expect(symbols.map((s) => decodeSymbol(pdf, s).text)).toEqual(['RRL-A-01', 'RRL-A-01', 'RRL-A', 'RRL-A']);
    });
  }

  test('an A4 sheet of 30 labels prints 24 on the first page and 6 on the second, every one decoding', async ({
    page,
    backend,
    rendererUrl,
  }) => {
    const depot = await labelledDepot(backend);
    const target = formatLabelSelection({
      kind: 'items',
      entries: [
        { id: depot.items.tent.id, copies: 20 },
        { id: depot.items.water.id, copies: 10 },
      ],
    });
    await openPrintView(page, rendererUrl, { kind: 'labels', target, paper: 'a4-label-sheet' });
    await expect(page.locator('.label-text[data-overflow="true"]')).toHaveCount(0);
    await expect(page.getByRole('group', { name: /^标签 \d+\/30$/ })).toHaveCount(30);
    const pdf = await renderPdf(page, outDir(), 'items-a4-sheet');
    expect(pdf.pageImages).toHaveLength(2);
    const count = (text: string, word: string) => text.split(word).length - 1;
    expect([count(pdf.pages[0]!, '单帐篷'), count(pdf.pages[0]!, '矿泉水')]).toEqual([20, 4]);
    expect([count(pdf.pages[1]!, '单帐篷'), count(pdf.pages[1]!, '矿泉水')]).toEqual([0, 6]);

    const symbols = await placedSymbols(page);
    expect(symbols.filter((s) => s.page === 0)).toHaveLength(24);
    expect(symbols.filter((s) => s.page === 1)).toHaveLength(6);
    const decoded = symbols.map((s) => decodeSymbol(pdf, s).text);
    expect(decoded).toEqual([...Array<string>(20).fill(internalGtin(1)), ...Array<string>(10).fill('6901234567892')]);
  });

  test('a label set that cannot be read is refused with a message, not an empty page', async ({
    page,
    rendererUrl,
  }) => {
    await page.goto(`${rendererUrl}index.html#/print/labels/${encodeURIComponent('shelves:abc')}?paper=label-60x40`);
    await expect(page.locator('html[data-print-state="failed"]')).toBeAttached({ timeout: 30_000 });
    await expect(page.getByRole('alert')).toHaveText('标签内容无法识别（unknown-kind）。');
  });

  test('a label set naming a record that does not exist says so', async ({ page, rendererUrl, backend }) => {
    await seedDepot(backend);
    await page.goto(
      `${rendererUrl}index.html#/print/labels/${encodeURIComponent('items:01900000-0000-7000-8000-000000000000')}?paper=label-60x40`,
    );
    await expect(page.locator('html[data-print-state="failed"]')).toBeAttached({ timeout: 30_000 });
    await expect(page.getByRole('alert')).toContainText('无法生成打印内容');
  });
});
