/**
 * The dispatch slip (救灾物资出库单) as the printer gets it: rendered to PDF by Chromium with the print
 * CSS, then read back as text, fonts, page images and barcodes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { printableMm, papers, type PaperId } from '../../shared/print/papers';
import { backendCall, expect, test } from './fixtures';
import {
  boxOnSheetMm,
  decodeBarcode,
  occurrences,
  openPrintView,
  pageImage,
  pageOverflow,
  fontsDrawing,
  pdfFontsMapToUnicode,
  pdfInfo,
  pdfPageTexts,
  printViewRefusal,
  savePdf,
} from './print-pdf';
import {
  daysFromToday,
  fullDispatchFacts,
  postEmergencyDispatch,
  postFullDispatch,
  postLongDispatch,
  stockedDepot,
} from './print-scenario';

/** pdftotext puts layout spaces between a label and its value: compare without any whitespace. */
const squeeze = (text: string) => text.replace(/\s+/g, '');

/** The local date and time the slip prints for an instant, as the browser (Asia/Shanghai) shows it. */
function shanghaiTime(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/** Copies a page image to test-results/screenshots for the README. */
function keepImage(png: string, name: string): string {
  const file = path.join(test.info().project.outputDir, 'screenshots', `${name}.png`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.copyFileSync(png, file);
  return file;
}

test.describe('dispatch slip', () => {
  // Seeding, rendering and reading PDFs on a shared two-core machine: give each story room.
  test.describe.configure({ timeout: 180_000 });

  test('a dispatch on an allocation order prints every header, line, total, signature and footer field, in three labelled copies', async ({
    page,
    backend,
    rendererUrl,
  }) => {
    const depot = await stockedDepot(backend);
    const { doc } = await postFullDispatch(backend, depot);
    const f = fullDispatchFacts;

    await openPrintView(page, rendererUrl, {
      kind: 'dispatch-slip',
      target: doc.id,
      paper: 'a4-portrait',
      params: { reprint: '2' },
    });
    const pdf = await savePdf(page, 'dispatch-a4');
    const pages = pdfPageTexts(pdf);
    // Three copies of a one-page slip: the depot's default set.
    expect(pages).toHaveLength(3);
    expect(pages.map((p) => ['存根联', '记账联', '随货联'].filter((label) => p.includes(label)))).toEqual([
      ['存根联'],
      ['记账联'],
      ['随货联'],
    ]);

    const expected = [
      '市救灾物资储备中心',
      '救灾物资出库单',
      `单号${doc.number}`,
      '出库类型：调拨',
      `调拨通知单号：${f.orderNo}`,
      `下达单位：${f.orderIssuer}`,
      `调令日期：${daysFromToday(-1)}`,
      `灾情名称：${f.incidentName}`,
      '响应等级：II级响应',
      '发货单位：市救灾物资储备中心',
      `单据日期：${doc.docDate}`,
      `出库时间：${shanghaiTime(doc.postedAt)}`,
      `接收单位：${f.unit.name}`,
      `联系人：${f.unit.contact}`,
      `联系电话：${f.unit.phone}`,
      `地址：${f.unit.address}`,
      `运输方式：${f.transport.mode}`,
      `承运单位：${f.transport.carrier}`,
      `车牌号：${f.transport.plateNo}`,
      `驾驶员：${f.transport.driver}`,
      `驾驶员电话：${f.transport.driverPhone}`,
      // Column headers
      '序号',
      '编码/品名/规格',
      '单位',
      '批次',
      '生产日期/有效期至',
      '来源（捐赠方）',
      '货位',
      '应发数量',
      '实发数量',
      '箱数×每箱',
      '金额（元）',
      '备注',
      // Lines: codes, names, specs, batches (two for the water line, each with its quantity), slots, sources
      'ZP-12',
      '单帐篷',
      '12m²',
      'MB-01',
      '棉被',
      'KS-550',
      '矿泉水',
      '550ml',
      'ZP2026A',
      'MB2026A',
      'EARLY（48）',
      'LATE（12）',
      'JZ-01',
      daysFromToday(-335),
      daysFromToday(30),
      daysFromToday(-165),
      daysFromToday(200),
      '市级储备',
      '社会捐赠-爱心企业',
      '捐：爱心企业有限公司',
      'A-01',
      'A-02',
      '12顶',
      '10顶',
      '53床',
      '5箱×10散3',
      '2箱×10',
      '60瓶',
      '2箱×24散12',
      '15,000.00',
      '先发10顶，余2顶次日补发',
      // Totals: lines, quantity per unit, cartons and loose units, value
      '合计',
      '4行',
      '数量10顶、73床、60瓶',
      '整箱9箱，散件25',
      '金额15,000.00元',
      // Signatures with name and date, receipt time and condition, joint count
      '以上物资经发货、提货双方当面清点，品名、数量、质量无误。',
      `制单人签名${doc.operator}`,
      '审核人',
      '批准人',
      '保管员',
      '提货人/驾驶员',
      '接收人',
      '到货时间',
      '验收情况',
      // Footer
      '第1页/共1页',
      '打印时间：',
      '补打第2次',
    ];
    for (const [index, text] of pages.entries()) {
      const flat = squeeze(text);
      const missing = expected.filter((e) => !flat.includes(squeeze(e)));
      expect(missing, `copy ${index + 1} lacks these fields`).toEqual([]);
      // Not an emergency: no emergency mark at all.
      expect(flat).not.toContain('紧急出库');
    }
    // The print time is a real time of today, in the window's time zone (the tests run it in Asia/Shanghai,
    // which is a day ahead of UTC for eight hours of every day).
    const windowToday = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
    expect(squeeze(pages[0]!)).toMatch(new RegExp(`打印时间：${windowToday}\\d{2}:\\d{2}`));

    // Chinese comes out as Chinese (not boxes or blanks): the title's seven characters are drawn by a
    // CJK font, every embedded font maps back to Unicode, and the extracted text has no replacement marks.
    const titleFonts = await fontsDrawing(page, '.slip-title');
    expect(titleFonts).toEqual([{ familyName: expect.stringMatching(/CJK|YaHei|SimHei|Source Han/i), glyphCount: 7 }]);
    expect(pdfFontsMapToUnicode(pdf)).toBe(true);
    expect(pages[0]).not.toMatch(/[\u25a1\ufffd]/);

    // The slip number's Code128 and QR, read from a page image as a scanner would, give the number back.
    const image = pageImage(pdf, 1, 300);
    const code128 = await boxOnSheetMm(page, '.slip-number .barcode');
    const qr = await boxOnSheetMm(page, '.slip-qr');
    expect(decodeBarcode(image, 300, code128, 'code128')).toBe(doc.number);
    expect(decodeBarcode(image, 300, qr, 'qrcode')).toBe(doc.number);
    keepImage(pageImage(pdf, 1, 110), 'print-dispatch-a4');
  });

  test('the depot prints four copies when asked: 存根联, 记账联, 随货联 and 回执联, each a complete slip', async ({
    page,
    backend,
    rendererUrl,
  }) => {
    const depot = await stockedDepot(backend);
    const { doc } = await postFullDispatch(backend, depot);
    await openPrintView(page, rendererUrl, {
      kind: 'dispatch-slip',
      target: doc.id,
      paper: 'a4-portrait',
      params: { copies: '4' },
    });
    const pages = pdfPageTexts(await savePdf(page, 'dispatch-four-copies'));
    expect(pages).toHaveLength(4);
    for (const [index, label] of ['存根联', '记账联', '随货联', '回执联'].entries()) {
      expect(pages[index]).toContain(label);
      expect(pages[index]).toContain(doc.number);
      expect(squeeze(pages[index]!)).toContain('合计4行');
    }
    // A first print is not a reprint.
    expect(pages.join('')).not.toContain('补打');
  });

  test('an emergency dispatch is marked 紧急出库 — 手续待补 with its deadline, and after filing shows the order number', async ({
    page,
    backend,
    rendererUrl,
  }) => {
    const depot = await stockedDepot(backend);
    const doc = await postEmergencyDispatch(backend, depot);
    expect(doc.paperworkDue).not.toBeNull();

    await openPrintView(page, rendererUrl, { kind: 'dispatch-slip', target: doc.id, paper: 'a4-portrait' });
    const pending = squeeze(pdfPageTexts(await savePdf(page, 'dispatch-emergency'))[0]!);
    expect(pending).toContain(squeeze('紧急出库 — 手续待补'));
    expect(pending).toContain(squeeze(`补办期限：${doc.paperworkDue} 前补录调拨通知单号`));
    expect(pending).toContain('调拨通知单号：—');
    expect(pending).toContain('响应等级：I级响应');

    await backendCall(backend, 'stock:file-paperwork', {
      documentId: doc.id,
      orderNo: '省应急调〔2026〕15号',
      orderIssuer: '省应急管理厅',
    });
    const filed = await backendCall(backend, 'documents:get', { id: doc.id });
    await openPrintView(page, rendererUrl, {
      kind: 'dispatch-slip',
      target: doc.id,
      paper: 'a4-portrait',
      params: { reprint: '1' },
    });
    const after = squeeze(pdfPageTexts(await savePdf(page, 'dispatch-emergency-filed'))[0]!);
    expect(after).toContain(squeeze('紧急出库 — 手续已补'));
    expect(after).toContain(squeeze(`调拨通知单号 省应急调〔2026〕15号，${shanghaiTime(filed.filing!.filedAt)} 补录`));
    expect(after).toContain('调拨通知单号：省应急调〔2026〕15号');
    expect(after).toContain('下达单位：省应急管理厅');
    expect(after).not.toContain('手续待补');
    expect(after).toContain('补打第1次');
  });

  test('a 70-line dispatch on A4 runs over several pages: each page has the header, column header, signatures and page X/Y, and every line prints exactly once per copy', async ({
    page,
    backend,
    rendererUrl,
  }) => {
    const { posted } = await postLongDispatch(backend);
    await openPrintView(page, rendererUrl, { kind: 'dispatch-slip', target: posted.id, paper: 'a4-portrait' });
    const pdf = await savePdf(page, 'dispatch-70-lines');
    const pages = pdfPageTexts(pdf);
    const perCopy = pages.length / 3;
    expect(Number.isInteger(perCopy)).toBe(true);
    expect(perCopy).toBeGreaterThanOrEqual(2);

    const codes = Array.from({ length: 70 }, (_, i) => `T-${String(i + 1).padStart(3, '0')}`);
    for (const [copyIndex, label] of ['存根联', '记账联', '随货联'].entries()) {
      const copyPages = pages.slice(copyIndex * perCopy, (copyIndex + 1) * perCopy);
      for (const [pageIndex, text] of copyPages.entries()) {
        const flat = squeeze(text);
        expect(flat, `${label} page ${pageIndex + 1}`).toContain(`第${pageIndex + 1}页/共${perCopy}页`);
        for (const part of [
          label,
          '救灾物资出库单',
          posted.number,
          '接收单位：城东安置点',
          '序号',
          '编码/品名/规格',
          '实发数量',
          '制单人',
          '接收人',
          '验收情况',
        ]) {
          expect(flat, `${label} page ${pageIndex + 1} shows ${part}`).toContain(part);
        }
        // Every page but the last says it continues and shows its own subtotal; the last the total.
        if (pageIndex < perCopy - 1) {
          expect(flat).toContain('（续下页）');
          expect(flat).toContain('本页小计');
        } else {
          expect(flat).toContain('合计70行');
        }
      }
      const copyText = squeeze(copyPages.join('\n'));
      const counts = codes.map((code) => occurrences(copyText, code));
      expect(
        codes.filter((_, i) => counts[i] !== 1),
        `${label}: item lines missing or printed twice`,
      ).toEqual([]);
    }
    keepImage(pageImage(pdf, 2, 110), 'print-dispatch-a4-page-2');
  });

  const formats: PaperId[] = ['a4-portrait', 'a5-landscape', 'continuous-241', 'thermal-80'];
  for (const paperId of formats) {
    test(`on ${paperId} the slip has the paper's exact size and every line and field, nothing cut off`, async ({
      page,
      backend,
      rendererUrl,
    }) => {
      const depot = await stockedDepot(backend);
      const { doc } = await postFullDispatch(backend, depot);
      await openPrintView(page, rendererUrl, {
        kind: 'dispatch-slip',
        target: doc.id,
        paper: paperId,
        params: { copies: '1' },
      });
      const pdf = await savePdf(page, `dispatch-${paperId}`);
      const paper = papers[paperId];
      const info = pdfInfo(pdf);
      expect(info.widthPt).toBeCloseTo((paper.widthMm / 25.4) * 72, 0);
      expect(info.heightPt).toBeCloseTo((paper.heightMm / 25.4) * 72, 0);

      // Every sheet's content stays inside the printable area, below and to the right.
      const overflow = await pageOverflow(page);
      expect(overflow.below, 'nothing runs off the bottom of a page').toBeLessThanOrEqual(1);
      expect(overflow.right, 'nothing sticks out to the right of the printable area').toBeLessThanOrEqual(1);

      const text = squeeze(pdfPageTexts(pdf).join('\n'));
      for (const part of [
        '救灾物资出库单',
        doc.number,
        `接收单位：${fullDispatchFacts.unit.name}`,
        `车牌号：${fullDispatchFacts.transport.plateNo}`,
        '合计',
        '制单人',
        '验收情况',
      ]) {
        expect(text, `${paperId} shows ${part}`).toContain(squeeze(part));
      }
      for (const code of ['ZP-12', 'MB-01', 'KS-550']) expect(text).toContain(code);
      expect(occurrences(text, 'ZP-12')).toBe(1);
      expect(occurrences(text, 'KS-550')).toBe(1);
      // Barcodes print at a readable size on every paper.
      const image = pageImage(pdf, 1, 300);
      expect(decodeBarcode(image, 300, await boxOnSheetMm(page, '.slip-number .barcode'), 'code128')).toBe(doc.number);
      expect(printableMm(paper).widthMm).toBeGreaterThan(0);
      keepImage(pageImage(pdf, 1, paperId === 'thermal-80' ? 160 : 110), `print-dispatch-${paperId}`);
    });
  }

  test('when the interface is English the slip prints English labels', async ({ page, backend, rendererUrl }) => {
    const depot = await stockedDepot(backend);
    const { doc } = await postFullDispatch(backend, depot);
    await backendCall(backend, 'settings:update', { language: 'en-US' });
    await openPrintView(page, rendererUrl, {
      kind: 'dispatch-slip',
      target: doc.id,
      paper: 'a4-portrait',
      params: { copies: '3', reprint: '2' },
    });
    const pages = pdfPageTexts(await savePdf(page, 'dispatch-english'));
    const first = squeeze(pages[0]!);
    for (const part of [
      'Relief Materials Dispatch Slip',
      'Stub copy',
      'Dispatch kind：Allocation',
      `Allocation order no.：${fullDispatchFacts.orderNo}`,
      'Response level：Level II response',
      'Page 1 of 1',
      'Reprint no. 2',
      'Prepared by',
      'Condition on arrival',
      'Total',
    ]) {
      expect(first, `English slip shows ${part}`).toContain(squeeze(part));
    }
    expect(squeeze(pages[1]!)).toContain('Accountscopy');
    // Longer English labels wrap inside their boxes: nothing runs past the printable area.
    const overflow = await pageOverflow(page);
    expect(overflow.below).toBeLessThanOrEqual(1);
    expect(overflow.right).toBeLessThanOrEqual(1);
    expect(first).not.toContain('救灾物资出库单');
  });

  test('a wrong reprint number, a document of another kind and an unknown document are refused with a reason, not printed blank', async ({
    page,
    backend,
    rendererUrl,
  }) => {
    const depot = await stockedDepot(backend);
    const { doc } = await postFullDispatch(backend, depot);
    expect(
      await printViewRefusal(page, rendererUrl, {
        kind: 'dispatch-slip',
        target: doc.id,
        paper: 'a4-portrait',
        params: { reprint: '0' },
      }),
    ).toBe('打印参数 reprint 的值“0”无效。');

    const receipts = await backendCall(backend, 'documents:list', { kind: 'receipt' });
    const receipt = receipts.rows[0]!;
    expect(
      await printViewRefusal(page, rendererUrl, { kind: 'dispatch-slip', target: receipt.id, paper: 'a4-portrait' }),
    ).toBe(`单据 ${receipt.number} 不是出库单，不能按此格式打印。`);

    expect(
      await printViewRefusal(page, rendererUrl, {
        kind: 'dispatch-slip',
        target: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
        paper: 'a4-portrait',
      }),
    ).toBe('无法生成打印内容：找不到这条记录。');
  });
});
