/**
 * The transfer slip (移库单), the write-off application (报废申请审批表) and the stock card (物资保管卡) as
 * the printer gets them: rendered to PDF by Chromium with the print CSS in each paper they are laid out
 * for, read back as text and page images, the slip number's barcode decoded; and the way a keeper gets
 * to them — the Print buttons on a posted document and on the ledger's card, with the defaults set in
 * Settings.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Backend } from '../../electron/backend/index';
import { papers, type PaperId } from '../../shared/print/papers';
import { stockCardTarget } from '../../shared/print/stockCardTarget';
import { seedDepot, type Depot } from '../fixtures/depot';
import { backendCall, expect, test } from './fixtures';
import {
  boxOnSheetMm,
  decodeBarcode,
  occurrences,
  openPrintView,
  pageImage,
  pageOverflow,
  pdfFontsMapToUnicode,
  pdfInfo,
  pdfPageTexts,
  savePdf,
} from './print-pdf';
import { daysFromToday } from './print-scenario';

/** pdftotext puts layout spaces between a label and its value: compare without any whitespace. */
const squeeze = (text: string) => text.replace(/\s+/g, '');

/** Copies a page image to test-results/screenshots for the README. */
function keepImage(png: string, name: string): void {
  const file = path.join(test.info().project.outputDir, 'screenshots', `${name}.png`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.copyFileSync(png, file);
}

/** The PDF has the paper's exact size and nothing reaches past a page's printable area. */
async function expectPaperAndNothingCut(page: Page, pdf: string, paperId: PaperId) {
  const info = pdfInfo(pdf);
  expect(info.widthPt).toBeCloseTo((papers[paperId].widthMm / 25.4) * 72, 0);
  expect(info.heightPt).toBeCloseTo((papers[paperId].heightMm / 25.4) * 72, 0);
  const overflow = await pageOverflow(page);
  expect(overflow.below).toBeLessThanOrEqual(1);
  expect(overflow.right).toBeLessThanOrEqual(1);
  // Chinese drawn with fonts that map back to Unicode: the text below is read out of the glyphs.
  expect(pdfFontsMapToUnicode(pdf)).toBe(true);
}

/** Tents in A-01, quilts (cartons of 10) in A-02, received on an allocation. */
async function stocked(backend: Backend): Promise<Depot> {
  const depot = await seedDepot(backend);
  await backendCall(backend, 'stock:post-receipt', {
    kind: 'allocation',
    sourceId: depot.sources.city.id,
    partyId: depot.parties.bureau.id,
    lines: [
      { itemId: depot.items.tent.id, units: 40, locationId: depot.locations.a01.id, batchNo: 'ZP2026A' },
      { itemId: depot.items.quilt.id, cartons: 20, locationId: depot.locations.a02.id, batchNo: 'MB2026A' },
    ],
  });
  return depot;
}

async function stockRow(backend: Backend, itemId: string) {
  const [row] = await backendCall(backend, 'stock:on-hand', { itemId });
  return row!;
}

/** 12 tents A-01 → A-02 and 3 cartons 4 quilts A-02 → A-01, with remarks. */
async function postTransfer(backend: Backend, depot: Depot) {
  const tent = await stockRow(backend, depot.items.tent.id);
  const quilt = await stockRow(backend, depot.items.quilt.id);
  const posted = await backendCall(backend, 'stock:post-transfer', {
    remarks: '汛前腾空 A-01 低层货位',
    lines: [
      {
        itemId: tent.itemId,
        batchId: tent.batchId,
        sourceId: tent.sourceId,
        fromLocationId: depot.locations.a01.id,
        toLocationId: depot.locations.a02.id,
        units: 12,
      },
      {
        itemId: quilt.itemId,
        batchId: quilt.batchId,
        sourceId: quilt.sourceId,
        fromLocationId: depot.locations.a02.id,
        toLocationId: depot.locations.a01.id,
        cartons: 3,
        units: 4,
        remarks: '外箱受潮，换防潮垫',
      },
    ],
  });
  return backendCall(backend, 'documents:get', { id: posted.id });
}

const writeOffReason = '洪水浸泡后霉变，经质检机构检测不可再用';

/** 4 tents written off for mould, with the reason and a line remark. */
async function postWriteOff(backend: Backend, depot: Depot) {
  const tent = await stockRow(backend, depot.items.tent.id);
  const posted = await backendCall(backend, 'stock:post-write-off', {
    reason: writeOffReason,
    lines: [
      {
        itemId: tent.itemId,
        batchId: tent.batchId,
        sourceId: tent.sourceId,
        locationId: tent.locationId,
        units: 4,
        remarks: '篷布霉斑面积过半',
      },
    ],
  });
  return backendCall(backend, 'documents:get', { id: posted.id });
}

test.describe('transfer slip, write-off application and stock card on paper', () => {
  // Seeding, rendering and reading PDFs on a shared two-core machine: give each story room.
  test.describe.configure({ timeout: 240_000 });

  for (const paperId of ['a4-portrait', 'a5-landscape', 'continuous-241', 'thermal-80'] as const) {
    test(`a transfer of tents and quilts between two slots prints number, batches, from and to slots, quantities and both keepers on ${paperId}`, async ({
      page,
      backend,
      rendererUrl,
    }) => {
      const depot = await stocked(backend);
      const doc = await postTransfer(backend, depot);
      await openPrintView(page, rendererUrl, { kind: 'transfer-slip', target: doc.id, paper: paperId });
      const pdf = await savePdf(page, `transfer-${paperId}`);
      await expectPaperAndNothingCut(page, pdf, paperId);

      const pages = pdfPageTexts(pdf);
      expect(pages).toHaveLength(1);
      const text = squeeze(pages[0]!);
      const thermal = paperId === 'thermal-80';
      for (const part of [
        '市救灾物资储备中心',
        '救灾物资移库单',
        `单号${doc.number}`,
        '储备库：市救灾物资储备中心',
        `单据日期：${doc.docDate}`,
        '备注：汛前腾空A-01低层货位',
        'ZP-12',
        '单帐篷',
        'ZP2026A',
        'MB-01',
        '棉被',
        'MB2026A',
        '12顶',
        '34床',
        '3箱×10散4',
        '外箱受潮，换防潮垫',
        // The thermal roll folds the slots into the batch block: from → to.
        ...(thermal ? ['A-01→A-02', 'A-02→A-01'] : ['移出货位', '移入货位', '移库数量']),
        '合计2行',
        '数量12顶、34床',
        '以上物资已按单移至新货位',
        `制单人签名${doc.operator}`,
        '移出保管员',
        '移入保管员（接收人）',
        '第1页/共1页',
      ]) {
        expect(text, `${paperId} shows ${part}`).toContain(squeeze(part));
      }
      // A single copy: no copy label, no value column on a move inside the depot.
      expect(text).not.toContain('存根联');
      expect(text).not.toContain('金额');
      if (!thermal) {
        // Each line: the slot it left stands before the slot it went to.
        expect(text).toMatch(/ZP2026A.*A-01.*A-02.*12顶/);
        expect(text).toMatch(/MB2026A.*A-02.*A-01.*34床/);
      }

      const image = pageImage(pdf, 1, 300);
      expect(decodeBarcode(image, 300, await boxOnSheetMm(page, '.slip-number .barcode'), 'code128')).toBe(doc.number);
      expect(decodeBarcode(image, 300, await boxOnSheetMm(page, '.slip-qr'), 'qrcode')).toBe(doc.number);
      keepImage(pageImage(pdf, 1, thermal ? 160 : 110), `print-transfer-${paperId}`);
    });
  }

  for (const paperId of ['a4-portrait', 'a5-landscape'] as const) {
    test(`a write-off application on ${paperId} prints the items, batch, quantity, value and reason, the applicant's name and date, and blank lines for keeper, reviewer and approver`, async ({
      page,
      backend,
      rendererUrl,
    }) => {
      const depot = await stocked(backend);
      const doc = await postWriteOff(backend, depot);
      await openPrintView(page, rendererUrl, { kind: 'write-off-application', target: doc.id, paper: paperId });
      const pdf = await savePdf(page, `write-off-${paperId}`);
      await expectPaperAndNothingCut(page, pdf, paperId);

      const pages = pdfPageTexts(pdf);
      expect(pages).toHaveLength(1);
      const text = squeeze(pages[0]!);
      for (const part of [
        '救灾物资报废申请审批表',
        `单号${doc.number}`,
        '申请单位：市救灾物资储备中心',
        `申请日期：${doc.docDate}`,
        `报废原因：${writeOffReason}`,
        'ZP-12',
        '单帐篷',
        'ZP2026A',
        'A-01',
        '市级储备',
        '报废数量',
        '4顶',
        '金额（元）',
        '6,000.00',
        '篷布霉斑面积过半',
        '合计1行',
        '金额6,000.00元',
        '以上物资确已失去使用价值，申请报废。',
        // The applicant is who posted it, on its date; the others sign by hand.
        `申请人签名${doc.operator}日期${doc.docDate}`,
        '保管员签名日期',
        '审核签名日期意见',
        '批准签名日期意见',
        '第1页/共1页',
      ]) {
        expect(text, `${paperId} shows ${part}`).toContain(squeeze(part));
      }

      const image = pageImage(pdf, 1, 300);
      expect(decodeBarcode(image, 300, await boxOnSheetMm(page, '.slip-number .barcode'), 'code128')).toBe(doc.number);
      keepImage(pageImage(pdf, 1, 110), `print-write-off-${paperId}`);
    });
  }

  test('a long stock card of 56 dispatches runs over several pages on each paper: item header, column header, page subtotal and page X/Y on every page, every movement once, running balance to the closing balance', async ({
    page,
    backend,
    rendererUrl,
  }) => {
    const depot = await seedDepot(backend);
    const receipt = await backendCall(backend, 'stock:post-receipt', {
      kind: 'purchase',
      sourceId: depot.sources.city.id,
      partyId: depot.parties.supplier.id,
      lines: [{ itemId: depot.items.tent.id, units: 2000, locationId: depot.locations.a01.id, batchNo: 'ZP2026A' }],
    });
    const numbers = [receipt.number];
    for (let n = 1; n <= 56; n++) {
      const posted = await backendCall(backend, 'stock:post-dispatch', {
        kind: 'distribution',
        receivingUnitId: depot.parties.shelter.id,
        orderNo: `市应急调〔2026〕${100 + n}号`,
        lines: [{ itemId: depot.items.tent.id, units: n }],
      });
      numbers.push(posted.number);
    }
    // 2,000 received, 1 + 2 + … + 56 = 1,596 dispatched.
    const target = stockCardTarget({
      itemId: depot.items.tent.id,
      from: daysFromToday(-30),
      to: daysFromToday(0),
      sourceId: null,
      batchId: null,
    });

    for (const paperId of ['a4-portrait', 'a5-landscape', 'continuous-241'] as const) {
      await openPrintView(page, rendererUrl, { kind: 'stock-card', target, paper: paperId });
      const pdf = await savePdf(page, `stock-card-${paperId}`);
      await expectPaperAndNothingCut(page, pdf, paperId);
      const pages = pdfPageTexts(pdf).map(squeeze);
      expect(pages.length, paperId).toBeGreaterThanOrEqual(2);
      for (const [i, text] of pages.entries()) {
        const where = `${paperId} page ${i + 1}`;
        expect(text, where).toContain(`第${i + 1}页/共${pages.length}页`);
        for (const part of [
          '市救灾物资储备中心',
          '物资保管卡',
          '物资编码：ZP-12',
          '品名：单帐篷',
          '规格型号：12m²',
          '计量单位：顶',
          `期间：${daysFromToday(-30)}至${daysFromToday(0)}`,
          '物资来源：全部',
          '日期单号摘要批次货位来源收入发出结存',
          '保管员',
          '复核人',
        ]) {
          expect(text, `${where} shows ${part}`).toContain(squeeze(part));
        }
        if (i < pages.length - 1) {
          expect(text, where).toContain('（续下页）');
          expect(text, where).toContain('本页收入');
        } else {
          expect(text, where).toContain('本期合计收入2,000，发出1,596，期末结存404顶');
        }
      }
      const all = pages.join('');
      // The opening line once, on the first page; every document once; the running balance as posted.
      expect(occurrences(all, '期初结存')).toBe(1);
      expect(pages[0]).toContain('期初结存0');
      expect(numbers.filter((n) => occurrences(all, n) !== 1)).toEqual([]);
      expect(all).toContain(`${numbers[1]}出库单·发放城东安置点ZP2026AA-01市级储备11,999`);
      expect(all).toContain(`${numbers[56]}出库单·发放城东安置点ZP2026AA-01市级储备56404`);
      if (paperId === 'a4-portrait') {
        keepImage(pageImage(pdf, 1, 110), 'print-stock-card-a4');
        keepImage(pageImage(pdf, 2, 110), 'print-stock-card-a4-page-2');
      }
      if (paperId === 'a5-landscape') keepImage(pageImage(pdf, 1, 110), 'print-stock-card-a5-landscape');
    }
  });
});

test.describe('printing transfers, write-offs and stock cards from the app', () => {
  test.describe.configure({ timeout: 240_000 });

  test('the keeper sets the write-off default to A5 and two copies in Settings, prints the write-off, the transfer and the stock card filtered by source from their screens', async ({
    app,
    page,
    backend,
    shell,
  }) => {
    const depot = await stocked(backend);
    const transfer = await postTransfer(backend, depot);
    const writeOff = await postWriteOff(backend, depot);

    // Settings › print defaults: a bad copy count is refused with a message and nothing is saved.
    await app.open('settings');
    const defaults = page.getByRole('group', { name: '各类单据的默认打印设置' });
    await defaults.getByLabel('移库单：份数').fill('0');
    await page.getByRole('button', { name: '保存默认打印设置' }).click();
    await expect(page.getByRole('alert').filter({ hasText: '移库单的份数须为 1–99 的整数。' })).toBeVisible();
    await expect(defaults.getByLabel('移库单：份数')).toHaveAttribute('aria-invalid', 'true');
    expect((await backendCall(backend, 'settings:get')).printDefaults).toEqual({});

    await defaults.getByLabel('移库单：份数').fill('1');
    await defaults.getByLabel('报废申请审批表：纸张').selectOption({ label: 'A5 横向（210 × 148 毫米）' });
    await defaults.getByLabel('报废申请审批表：份数').fill('2');
    await defaults.getByLabel('报废申请审批表：打印机').selectOption({ label: 'Deli DL-888B' });
    // A stock card is not laid out for a thermal roll: the roll is not offered.
    await expect(defaults.getByLabel('物资保管卡：纸张').locator('option')).toHaveText([
      'A4 纵向（210 × 297 毫米）',
      'A5 横向（210 × 148 毫米）',
      '241 毫米三联连续纸（针式）',
    ]);
    await page.getByRole('button', { name: '保存默认打印设置' }).click();
    await expect(page.getByRole('status').filter({ hasText: '默认打印设置已保存。' })).toBeVisible();
    await app.screenshot('print-forms-settings-defaults');
    const saved = (await backendCall(backend, 'settings:get')).printDefaults;
    expect(saved['write-off-application']).toEqual({ printer: 'Deli_DL_888B', paper: 'a5-landscape', copies: 2 });
    expect(saved['transfer-slip']).toEqual({ printer: null, paper: 'a4-portrait', copies: 1 });

    // The write-off's preview starts with those defaults and shows the approval form.
    await app.open(`documents/${writeOff.id}`);
    await page.getByRole('button', { name: '打印', exact: true }).click();
    let dialog = page.getByRole('dialog', { name: `打印预览：报废申请审批表 ${writeOff.number}` });
    await expect(dialog.getByLabel('纸张')).toHaveValue('a5-landscape');
    await expect(dialog.getByLabel('份数')).toHaveValue('2');
    await expect(dialog.getByLabel('打印机')).toHaveValue('Deli_DL_888B');
    let sheets = dialog.getByRole('region', { name: '打印页面' });
    await expect(sheets).toContainText('救灾物资报废申请审批表');
    await expect(sheets).toContainText(writeOffReason);
    await expect(dialog.getByRole('button', { name: '直接打印' })).toBeEnabled();
    await app.screenshot('print-forms-write-off-preview');
    await dialog.getByRole('button', { name: '关闭' }).click();

    // The transfer prints its slip from the same place.
    await app.open(`documents/${transfer.id}`);
    await page.getByRole('button', { name: '打印', exact: true }).click();
    dialog = page.getByRole('dialog', { name: `打印预览：移库单 ${transfer.number}` });
    sheets = dialog.getByRole('region', { name: '打印页面' });
    await expect(sheets).toContainText('救灾物资移库单');
    await expect(sheets).toContainText('移入货位');
    await dialog.getByRole('button', { name: '关闭' }).click();

    // The ledger's card, filtered by source, prints as filtered and is logged against that selection.
    await app.open(`ledger/${depot.items.tent.id}`);
    await page.getByRole('combobox', { name: '来源' }).selectOption({ label: '市级储备' });
    await page.getByRole('button', { name: '打印保管卡' }).click();
    dialog = page.getByRole('dialog', { name: '打印预览：物资保管卡 ZP-12（建卡起 至 今）' });
    sheets = dialog.getByRole('region', { name: '打印页面' });
    await expect(sheets).toContainText('物资保管卡');
    await expect(sheets).toContainText('市级储备');
    await expect(sheets).toContainText(writeOff.number);
    await app.screenshot('print-forms-stock-card-preview');
    await dialog.getByRole('button', { name: '另存为 PDF…' }).click();
    await expect(dialog.getByRole('status').filter({ hasText: '已保存为' })).toBeVisible({ timeout: 60_000 });
    const target = stockCardTarget({
      itemId: depot.items.tent.id,
      from: null,
      to: null,
      sourceId: depot.sources.city.id,
      batchId: null,
    });
    const history = await backendCall(backend, 'print:history', { kind: 'stock-card', target });
    expect(history.entries.map((e) => [e.via, e.paper])).toEqual([['pdf', 'a4-portrait']]);
    expect(fs.existsSync(`${shell.pdfDir}/ZP-12（建卡起 至 今）.pdf`)).toBe(true);
  });
});
