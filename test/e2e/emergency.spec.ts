/**
 * Emergency mode as a keeper lives it at 3 a.m.: an incident is declared, a ten-line dispatch including
 * five family kits leaves by scanner with a few keys, its slips print in the same action, the board shows
 * its paperwork pending, the order number is filed from the board and the board clears. The story counts
 * every key and click it uses and prints them.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { seedDepot, type Depot } from '../fixtures/depot';
import { readXlsx } from '../fixtures/exports-read';
import { backendCall, expect, test } from './fixtures';
import { openPrintView, pageImage, pdfPageTexts, savePdf } from './print-pdf';
import { scan } from './scanner';

/** Keys and clicks a person makes, counted as they are made; scans are the scanner's, counted apart. */
class Effort {
  keys = 0;
  clicks = 0;
  scans = 0;
  constructor(private readonly page: Page) {}
  async press(key: string) {
    this.keys += 1;
    await this.page.keyboard.press(key);
  }
  async type(text: string, delay = 0) {
    this.keys += [...text].length;
    await this.page.keyboard.type(text, { delay });
  }
  async click(target: Locator) {
    this.clicks += 1;
    await target.click();
  }
  async scan(code: string) {
    this.scans += 1;
    await scan(this.page, code);
  }
  snapshot() {
    return { keys: this.keys, clicks: this.clicks, scans: this.scans };
  }
}

const extraItems = [
  { code: 'MDY-01', name: '棉大衣', baseUnit: '件', barcode: 'RR-MDY-01' },
  { code: 'ZDC-01', name: '折叠床', baseUnit: '张', barcode: 'RR-ZDC-01' },
  { code: 'SD-01', name: '睡袋', baseUnit: '个', barcode: 'RR-SD-01' },
  { code: 'MJB-01', name: '毛巾被', baseUnit: '床', barcode: 'RR-MJB-01' },
  { code: 'SDT-01', name: '手电筒', baseUnit: '个', barcode: 'RR-SDT-01' },
  { code: 'YY-01', name: '雨衣', baseUnit: '件', barcode: 'RR-YY-01' },
  { code: 'YJB-01', name: '应急包', baseUnit: '个', barcode: 'RR-YJB-01' },
] as const;

/** Keeps a PDF page image beside the screenshots (the PDF's own folder is removed with the test's data). */
function keep(image: string, name: string): string {
  const file = path.join(test.info().project.outputDir, 'screenshots', `${name}.png`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.copyFileSync(image, file);
  return file;
}

const barcodes = { tent: 'RR-ZP-12', quilt: 'RR-MB-01', waterCarton: 'RR-KS-550-24', kit: 'KIT-JTB-01' } as const;

async function stockTheDepot(backend: Parameters<typeof seedDepot>[0], depot: Depot) {
  const extra: Record<string, { id: string }> = {};
  for (const x of extraItems) {
    const item = await backendCall(backend, 'catalog:create-item', {
      code: x.code,
      name: x.name,
      baseUnit: x.baseUnit,
    });
    await backendCall(backend, 'catalog:add-barcode', { itemId: item.id, barcode: x.barcode, quantity: 1 });
    extra[x.code] = item;
  }
  await backendCall(backend, 'catalog:add-barcode', {
    itemId: depot.items.tent.id,
    barcode: barcodes.tent,
    quantity: 1,
  });
  await backendCall(backend, 'catalog:add-barcode', {
    itemId: depot.items.quilt.id,
    barcode: barcodes.quilt,
    quantity: 1,
  });
  await backendCall(backend, 'catalog:add-barcode', {
    itemId: depot.items.water.id,
    barcode: barcodes.waterCarton,
    quantity: 24,
  });
  await backendCall(backend, 'stock:post-receipt', {
    kind: 'allocation',
    sourceId: depot.sources.city.id,
    partyId: depot.parties.bureau.id,
    lines: [
      { itemId: depot.items.tent.id, units: 100, batchNo: 'ZP-2024', locationId: depot.locations.a01.id },
      { itemId: depot.items.quilt.id, units: 300, batchNo: 'MB-2024', locationId: depot.locations.a01.id },
      {
        itemId: depot.items.water.id,
        units: 240,
        batchNo: 'KS-LATE',
        expiryDate: '2027-10-31',
        locationId: depot.locations.a02.id,
      },
      {
        itemId: depot.items.water.id,
        units: 12,
        batchNo: 'KS-EARLY',
        expiryDate: '2027-04-30',
        locationId: depot.locations.a01.id,
      },
      ...extraItems.map((x) => ({
        itemId: extra[x.code]!.id,
        units: 50,
        batchNo: `${x.code}-B1`,
        locationId: depot.locations.a02.id,
      })),
    ],
  });
  // Yesterday's ordinary dispatch to the township: it is the most recent receiving unit.
  await backendCall(backend, 'stock:post-dispatch', {
    kind: 'allocation',
    receivingUnitId: depot.parties.town.id,
    orderNo: '市应急调〔2026〕14号',
    lines: [{ itemId: depot.items.tent.id, units: 1 }],
  });
  return { extra };
}

test.describe('emergency mode', () => {
  test.describe.configure({ timeout: 300_000 });

  test('in quick dispatch a scanned batch label sends that batch: the slip names the cartons in hand, not first-expiry', async ({
    app,
    page,
    backend,
  }) => {
    const depot = await seedDepot(backend);
    await stockTheDepot(backend, depot);
    await app.open('dispatch/quick');
    const unit = page.getByRole('combobox', { name: '接收单位' });
    await expect(unit).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('option').first()).toContainText('青山镇人民政府');
    await page.keyboard.press('Enter');
    await expect(unit).toHaveValue('青山镇人民政府');

    // The keeper carries cartons of KS-LATE: two scans of its batch label ×12 each, then one loose carton barcode.
    const bar = page.getByRole('region', { name: '扫码' });
    const found = bar.getByRole('status');
    await bar.getByRole('textbox', { name: '倍数' }).fill('12');
    await page.waitForTimeout(700);
    await scan(page, '(91)KS-550(10)KS-LATE');
    await expect(found).toContainText('矿泉水 批号 KS-LATE +12 瓶（第 1 行）');
    await scan(page, barcodes.waterCarton);
    await expect(found).toContainText('矿泉水 +24 瓶（第 2 行');
    // A label of a batch this depot never received is refused in words and adds nothing.
    await scan(page, '(91)KS-550(10)KS-NEVER');
    await expect(bar.getByRole('alert')).toContainText('批号 KS-NEVER 在本库没有入库记录');
    const lines = page.getByRole('region', { name: /^出库物资/ });
    await expect(lines.getByRole('row').filter({ has: page.getByRole('cell') })).toHaveCount(2);
    await expect(lines.getByRole('row').nth(1)).toContainText('扫码指定批次 KS-LATE');
    const allocation = page.getByRole('region', { name: '按物资汇总（先进先出）' });
    await expect(allocation.getByRole('row', { name: /扫码指定批次 KS-LATE/ })).toContainText('KS-LATE（A-02）12');
    await app.screenshot('emergency-quick-dispatch-pinned');

    await page.keyboard.press('Control+Enter');
    await expect(page.getByRole('region', { name: '快速出库完成' })).toContainText('已过账', { timeout: 60_000 });
    const posted = await backendCall(backend, 'documents:list', { kind: 'dispatch', emergency: true });
    const slip = await backendCall(backend, 'documents:get', { id: posted.rows[0]!.id });
    // The labelled cartons leave from KS-LATE; the loose carton goes first-expiry: all 12 of KS-EARLY, then KS-LATE.
    expect(slip.entries.map((e) => [e.batchNo, e.quantity])).toEqual([
      ['KS-LATE', -12],
      ['KS-EARLY', -12],
      ['KS-LATE', -12],
    ]);
    const water = await backendCall(backend, 'stock:on-hand', { itemId: depot.items.water.id });
    expect(water.map((r) => [r.batchNo, r.quantity])).toEqual([['KS-LATE', 216]]);
  });

  test('declare an incident, quick-dispatch 10 scanned lines with 5 family kits, print, file the paperwork from the board', async ({
    app,
    page,
    backend,
    shell,
    rendererUrl,
  }) => {
    const depot = await seedDepot(backend);
    await stockTheDepot(backend, depot);
    const effort = new Effort(page);
    const screenshots: string[] = [];

    // — The family kit, defined once in the catalog (preparation, not counted) —
    await app.open('catalog/kits');
    await page.getByRole('button', { name: '新建包' }).click();
    const kitDialog = page.getByRole('dialog', { name: '新建包' });
    await kitDialog.getByLabel('包编码').fill('JTB');
    await kitDialog.getByLabel('包名称').fill('家庭包');
    await kitDialog.getByLabel('包条码').fill(barcodes.kit);
    const addItem = kitDialog.getByRole('combobox', { name: '添加物资（编码、拼音或名称）' });
    for (const code of ['ZP-12', 'MB-01', 'YJB-01']) {
      await addItem.fill(code);
      await expect(kitDialog.getByRole('option').first()).toContainText(code);
      await addItem.press('Enter');
      await expect(kitDialog.getByRole('row', { name: new RegExp(code) })).toBeVisible();
    }
    await kitDialog.getByRole('textbox', { name: '每包 MB-01 棉被 的数量' }).fill('2');
    screenshots.push(await app.screenshot('emergency-kit-dialog'));
    await kitDialog.getByRole('button', { name: '保存' }).click();
    await expect(page.getByRole('table', { name: '包' }).getByRole('row', { name: /家庭包/ })).toContainText(
      '单帐篷 1 顶、棉被 2 床、应急包 1 个',
    );
    const [kit] = await backendCall(backend, 'kits:list');
    expect(kit).toMatchObject({ code: 'JTB', name: '家庭包', barcode: barcodes.kit, active: true });
    expect(kit!.lines.map((l) => [l.itemCode, l.quantity])).toEqual([
      ['ZP-12', 1],
      ['MB-01', 2],
      ['YJB-01', 1],
    ]);
    screenshots.push(await app.screenshot('emergency-kits-tab'));

    // — Declare the incident —
    await app.open('dispatch/incidents');
    const declare = page.getByRole('form', { name: '宣布应急事件' });
    await effort.click(declare.getByLabel('事件名称'));
    await effort.type('11·28 青山镇洪涝');
    await declare.getByLabel('响应等级').selectOption('II');
    effort.clicks += 2; // opening the list and choosing the level
    await effort.click(declare.getByRole('button', { name: '宣布' }));
    const banner = page.getByRole('region', { name: '应急响应中' });
    await expect(banner).toContainText('11·28 青山镇洪涝');
    await expect(banner).toContainText('II级响应');
    const incident = (await backendCall(backend, 'incidents:current'))!;
    expect(incident).toMatchObject({ name: '11·28 青山镇洪涝', responseLevel: 'II', type: 'flood' });
    const declaring = effort.snapshot();

    // — Quick dispatch: F2, the most recent unit with two keys, ten lines by scan, Ctrl+Enter —
    await effort.press('F2');
    const unit = page.getByRole('combobox', { name: '接收单位' });
    await expect(unit).toBeFocused();
    await effort.press('ArrowDown');
    await expect(page.getByRole('option').first()).toContainText('青山镇人民政府');
    await effort.press('Enter');
    await expect(unit).toHaveValue('青山镇人民政府');

    const lines = page.getByRole('region', { name: /^出库物资/ });
    const found = page.getByRole('region', { name: '扫码' }).getByRole('status');
    await effort.scan(barcodes.waterCarton);
    await expect(found).toContainText('矿泉水 +24 瓶');
    await effort.scan(barcodes.tent);
    await effort.scan(barcodes.tent);
    await expect(found).toContainText('单帐篷 +1 顶（第 2 行，共 2 顶）');
    await effort.scan(barcodes.quilt);
    for (const x of extraItems.slice(0, 6)) await effort.scan(x.barcode);
    await expect(found).toContainText('雨衣 +1 件（第 9 行');
    // Five family kits: * then 5, then one scan of the kit's barcode.
    const multiplier = page.getByRole('region', { name: '扫码' }).getByRole('textbox', { name: '倍数' });
    await effort.press('*');
    await expect(multiplier).toBeFocused();
    await effort.type('5', 120);
    await expect(multiplier).toHaveValue('5');
    // The keeper picks up the scanner: a pause longer than any gap inside a burst.
    await page.waitForTimeout(700);
    await effort.scan(barcodes.kit);
    await expect(found).toContainText('家庭包 +5 包（第 10 行，共 5 包）');
    const rows = lines.getByRole('row').filter({ has: page.getByRole('cell') });
    await expect(rows).toHaveCount(10);
    await expect(lines.getByRole('textbox', { name: '家庭包 的数量' })).toHaveValue('5');
    // The FEFO summary counts the kits' goods with the loose ones: 2 + 5 tents, 1 + 10 quilts.
    const allocation = page.getByRole('region', { name: '按物资汇总（先进先出）' });
    await expect(allocation.getByRole('row', { name: /单帐篷/ })).toContainText('7 顶');
    await expect(allocation.getByRole('row', { name: /矿泉水/ })).toContainText(
      'KS-EARLY（A-01）12，KS-LATE（A-02）12',
    );
    screenshots.push(await app.screenshot('emergency-quick-dispatch'));

    await effort.press('Control+Enter');
    await expect(page.getByRole('region', { name: '快速出库完成' })).toContainText('已过账', { timeout: 60_000 });
    const quick = effort.snapshot();
    const posted = await backendCall(backend, 'documents:list', { kind: 'dispatch', emergency: true });
    expect(posted.total).toBe(1);
    const slip = await backendCall(backend, 'documents:get', { id: posted.rows[0]!.id });
    await expect(page.getByText(`出库单 ${slip.number} 已过账。`)).toBeVisible();
    await expect(page.getByText('出库单已交给系统打印对话框。')).toBeVisible();
    // The slip set went to the printer in that same action.
    expect(shell.printed.map((p) => p.job.job)).toEqual([
      { kind: 'dispatch-slip', target: slip.id, paper: 'a4-portrait' },
    ]);
    expect(slip).toMatchObject({ emergency: true, orderNo: '', incidentName: '11·28 青山镇洪涝', responseLevel: 'II' });
    expect(slip.lines.map((l) => [l.itemName, l.quantity, l.remarks])).toEqual([
      ['矿泉水', 24, ''],
      ['单帐篷', 2, ''],
      ['棉被', 1, ''],
      ['棉大衣', 1, ''],
      ['折叠床', 1, ''],
      ['睡袋', 1, ''],
      ['毛巾被', 1, ''],
      ['手电筒', 1, ''],
      ['雨衣', 1, ''],
      ['单帐篷', 5, '家庭包 ×5'],
      ['棉被', 10, '家庭包 ×5'],
      ['应急包', 5, '家庭包 ×5'],
    ]);
    // First expiry first out: the 12 bottles expiring in April go before the October ones.
    const water = slip.entries.filter((e) => e.itemId === depot.items.water.id);
    expect(water.map((e) => [e.batchNo, e.quantity])).toEqual([
      ['KS-EARLY', -12],
      ['KS-LATE', -12],
    ]);
    await expect(banner).toContainText('已出库 1 单');

    // — The slip as a PDF, from the preview —
    const pdfStart = effort.snapshot();
    await effort.click(page.getByRole('button', { name: /^打印预览 \/ 补打/ }));
    const preview = page.getByRole('dialog', { name: /打印预览/ });
    await effort.click(preview.getByRole('button', { name: '另存为 PDF…' }));
    await expect(preview.getByRole('status').filter({ hasText: 'PDF' })).toBeVisible({ timeout: 60_000 });
    const pdfFile = path.join(shell.pdfDir, `${slip.number}.pdf`);
    expect(fs.existsSync(pdfFile)).toBe(true);
    const pdfText = pdfPageTexts(pdfFile).join('\n').replace(/\s+/g, '');
    expect(pdfText).toContain(slip.number);
    expect(pdfText).toContain('11·28青山镇洪涝');
    expect(pdfText).toContain('家庭包×5');
    expect(pdfText).toContain('青山镇人民政府');
    screenshots.push(keep(pageImage(pdfFile, 1, 110), 'emergency-slip-pdf'));
    await effort.click(preview.getByRole('button', { name: '关闭' }));
    const pdfEnd = effort.snapshot();

    // — The board shows it pending; the number is filed there; the board clears —
    const boardStart = effort.snapshot();
    await effort.click(page.getByRole('navigation', { name: '出库方式' }).getByRole('link', { name: '补办手续' }));
    const board = page.getByRole('region', { name: '补办手续看板' });
    const pending = await backendCall(backend, 'stock:pending-paperwork');
    expect(pending.map((p) => p.number)).toEqual([slip.number]);
    const row = board.getByRole('row', { name: new RegExp(slip.number) });
    await expect(row).toContainText('青山镇人民政府');
    await expect(row).toContainText('11·28 青山镇洪涝');
    await expect(row).toContainText(pending[0]!.due);
    await expect(row).toContainText(/还剩 \d 天|今天到期/);
    screenshots.push(await app.screenshot('emergency-board-pending'));
    await effort.click(row.getByRole('button', { name: `为 ${slip.number} 补录调拨通知单号` }));
    await effort.type('市应急调〔2026〕15号');
    await effort.press('Enter');
    await expect(board.getByText(`${slip.number} 已补录调拨通知单号 市应急调〔2026〕15号。`)).toBeVisible();
    await expect(board.getByText('没有待补办手续的紧急出库单。')).toBeVisible();
    expect(await backendCall(backend, 'stock:pending-paperwork')).toEqual([]);
    const filed = await backendCall(backend, 'documents:get', { id: slip.id });
    expect(filed.filing).toMatchObject({ orderNo: '市应急调〔2026〕15号' });
    const boardEnd = effort.snapshot();

    // — The incident report, on screen and printed, from the same query —
    const reportStart = effort.snapshot();
    await effort.click(page.getByRole('navigation', { name: '出库方式' }).getByRole('link', { name: '应急事件' }));
    const report = page.getByRole('region', { name: '事件报告：11·28 青山镇洪涝' });
    const byItem = report.getByRole('table', { name: '按物资合计' });
    await expect(byItem.getByRole('row', { name: /单帐篷/ })).toContainText('7 顶');
    await expect(byItem.getByRole('row', { name: /棉被/ })).toContainText('11 床');
    screenshots.push(await app.screenshot('emergency-incident-report'));
    const reportEnd = effort.snapshot();
    const data = await backendCall(backend, 'incidents:report', { incidentId: incident.id });
    expect(data.items.map((i) => [i.itemName, i.quantity])).toEqual(
      expect.arrayContaining([
        ['单帐篷', 7],
        ['棉被', 11],
        ['应急包', 5],
        ['矿泉水', 24],
      ]),
    );
    // 导出: the same export job as the Reports page; the by-item sheet read back equals the report.
    await report.getByRole('button', { name: '导出', exact: true }).click();
    const exportDialog = page.getByRole('dialog', { name: '导出事件出库报告 11·28 青山镇洪涝' });
    await exportDialog.getByRole('button', { name: '导出 XLSX' }).click();
    const exported = exportDialog.getByRole('status').filter({ hasText: '导出完成' });
    await expect(exported).toBeVisible({ timeout: 30_000 });
    screenshots.push(await app.screenshot('emergency-incident-export'));
    const [, byItemSheet] = readXlsx((await exported.locator('code').textContent())!.trim());
    expect(byItemSheet!.rows.slice(5, -1).map((r) => [r[1], r[4]])).toEqual(
      data.items.map((i) => [i.itemName, i.quantity]),
    );
    await exportDialog.getByRole('button', { name: '关闭' }).click();
    await openPrintView(page, rendererUrl, { kind: 'incident-report', target: incident.id, paper: 'a4-portrait' });
    const reportPdf = await savePdf(page, 'emergency-incident-report');
    const reportText = pdfPageTexts(reportPdf).join('\n').replace(/\s+/g, '');
    expect(reportText).toContain('应急事件物资发放报告');
    expect(reportText).toContain('青山镇人民政府');
    expect(reportText).toContain('第1页');
    screenshots.push(keep(pageImage(reportPdf, 1, 110), 'emergency-incident-report-pdf'));

    const count = (from: { keys: number; clicks: number; scans: number }, to: typeof from) =>
      `${to.keys - from.keys} keys, ${to.clicks - from.clicks} clicks, ${to.scans - from.scans} scans`;
    console.log(
      [
        'emergency story effort:',
        `  declare the incident: ${count({ keys: 0, clicks: 0, scans: 0 }, declaring)}`,
        `  quick dispatch (unit, 10 lines incl. 5 kits, post + print): ${count(declaring, quick)}`,
        `  save the slip as PDF from the preview (proof only): ${count(pdfStart, pdfEnd)}`,
        `  file the order number from the board: ${count(boardStart, boardEnd)}`,
        `  open the incident report: ${count(reportStart, reportEnd)}`,
        `  whole story as counted: ${effort.keys} keys, ${effort.clicks} clicks, ${effort.scans} scans`,
        `  screenshots: ${screenshots.join(', ')}`,
      ].join('\n'),
    );
  });
});
