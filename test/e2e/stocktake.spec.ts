/**
 * A stocktake as the depot runs it: the keeper freezes the books, prints the blind count sheet (no book
 * quantities on it) and counts by scanning and typing without seeing the books; the admin reviews the
 * variances, finds one tent missing, has the line recounted, gives the reason and approves; the shortage
 * is posted as one adjustment that shows in the documents and on the tent's stock card.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Backend } from '../../electron/backend/index';
import { seedDepot, type Depot } from '../fixtures/depot';
import { readXlsx } from '../fixtures/exports-read';
import { backendCall, expect, test } from './fixtures';
import { openPrintView, pageImage, pdfPageTexts, savePdf } from './print-pdf';
import { codes, focusNowhere, registerBarcodes, scan } from './scanner';

test.use({ signedIn: false });

async function signIn(page: Page, username: string, password: string) {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/** An admin and a keeper; 37 tents and 53 quilts in A-01, 96 bottles of water in A-02; nobody signed in. */
async function depotWithStock(backend: Backend): Promise<Depot> {
  await backendCall(backend, 'auth:setup-admin', {
    username: 'admin',
    displayName: '系统管理员',
    password: 'admin-password-1',
  });
  const depot = await seedDepot(backend);
  await registerBarcodes(backend, depot);
  // An empty slot: nothing of it is in a stocktake.
  await backendCall(backend, 'catalog:save-location', { code: 'B-01', name: 'B区01货位', kind: 'slot' });
  await backendCall(backend, 'users:save', {
    username: 'zhang',
    displayName: '张保管',
    role: 'keeper',
    password: 'zhang-password',
  });
  await backendCall(backend, 'stock:post-receipt', {
    kind: 'allocation',
    sourceId: depot.sources.city.id,
    partyId: depot.parties.bureau.id,
    lines: [
      { itemId: depot.items.tent.id, units: 37, locationId: depot.locations.a01.id, batchNo: 'T2611' },
      { itemId: depot.items.quilt.id, cartons: 5, units: 3, locationId: depot.locations.a01.id, batchNo: 'Q2611' },
      {
        itemId: depot.items.water.id,
        cartons: 4,
        locationId: depot.locations.a02.id,
        batchNo: 'W2610',
        productionDate: '2026-10-01',
      },
    ],
  });
  await backendCall(backend, 'auth:sign-out');
  return depot;
}

/** Copies a PDF page image next to the window screenshots, to be looked at. */
function keepPageImage(pdf: string, name: string): string {
  const png = pageImage(pdf, 1, 110);
  const target = path.join(test.info().project.outputDir, 'screenshots', `${name}.png`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(png, target);
  return target;
}

test.describe('stocktake', () => {
  // A whole story on a shared two-core machine: room to run; nothing here measures time.
  test.describe.configure({ timeout: 240_000 });

  test('freeze, blind sheet, blind count by scan with one tent missing, recount, a second person approves and the shortage is posted', async ({
    app,
    page,
    backend,
    rendererUrl,
  }) => {
    const depot = await depotWithStock(backend);
    await app.open();
    await expect(page.getByRole('heading', { level: 1, name: '登录' })).toBeVisible({ timeout: 20_000 });
    await signIn(page, 'zhang', 'zhang-password');
    await expect(page.getByRole('region', { name: '当前用户' })).toContainText('张保管');

    // The keeper starts a whole-depot count: the books freeze.
    await app.goTo('盘点');
    await page.getByRole('button', { name: '开始盘点' }).click();
    const start = page.getByRole('dialog', { name: '开始盘点' });
    await expect(start.getByLabel('盘点范围')).toHaveValue('full');
    await start.getByRole('button', { name: '冻结账面并开始' }).click();
    const facts = page.getByRole('definition').filter({ hasText: /^PD-\d{4}-00001$/ });
    await expect(facts).toBeVisible({ timeout: 15_000 });
    const id = decodeURIComponent(new URL(page.url()).hash.split('/')[2]!);
    const number = (await facts.textContent())!;

    // The blind count sheet lists what to count, with empty boxes and no book quantity; the count sheet has them.
    const blindJob = { kind: 'count-sheet-blind' as const, target: id, paper: 'a4-portrait' as const };
    await openPrintView(page, rendererUrl, blindJob);
    const blindPdf = await savePdf(page, 'stocktake-blind-a4');
    const blindText = pdfPageTexts(blindPdf).join('\n');
    expect(blindText).toContain('救灾物资盲盘表');
    expect(blindText).toContain(number);
    expect(blindText).toContain('第1页/共1页');
    expect(blindText).not.toContain('账面数');
    const blindRows = blindText.split('\n').filter((l) => /ZP-12|MB-01|KS-550/.test(l));
    expect(blindRows).toHaveLength(3);
    expect(blindRows.find((l) => l.includes('ZP-12'))).toMatch(/^2 A-01 ZP-12 单帐篷 12m² 顶 T2611 市级储备$/);
    for (const [code, book] of [
      ['ZP-12', '37'],
      ['MB-01', '53'],
      ['KS-550', '96'],
    ] as const) {
      expect(blindRows.find((l) => l.includes(code))).not.toContain(book);
    }
    keepPageImage(blindPdf, 'stocktake-blind-sheet-a4');
    await openPrintView(page, rendererUrl, { ...blindJob, paper: 'a5-landscape' });
    const blindA5 = await savePdf(page, 'stocktake-blind-a5');
    expect(pdfPageTexts(blindA5).join('\n')).toContain('第1页/共1页');
    keepPageImage(blindA5, 'stocktake-blind-sheet-a5-landscape');

    // The sheet with book quantities is not the counter's: its print view says why, even asked for directly.
    await expect(openPrintView(page, rendererUrl, { ...blindJob, kind: 'count-sheet' })).rejects.toThrow(
      '盘点进行中：账面数和差异只给审核盘点的人看（盲盘）',
    );

    // Back at the desk: water by carton scans, tents by one scan ×36, quilts typed in.
    await page.goto('about:blank');
    await app.open(`stocktake/${id}`);
    const bar = page.getByRole('region', { name: '扫码' });
    const lines = page.getByRole('region', { name: '盘点行' });
    const row = (code: string) => lines.getByRole('row').filter({ hasText: code });
    await expect(row('ZP-12')).toContainText('未盘');
    await focusNowhere(page);
    for (let i = 0; i < 4; i++) await scan(page, codes.waterCarton);
    await expect(row('KS-550')).toContainText('96');
    await bar.getByRole('textbox', { name: '倍数' }).fill('36');
    await focusNowhere(page);
    await scan(page, codes.tent);
    await expect(bar.getByRole('status')).toContainText('单帐篷（T2611，A-01）+36');
    await expect(row('ZP-12')).toContainText('zhang 36');
    // A label of a place this stocktake has no lines at changes nothing and says why.
    await scan(page, 'RRL-B-01');
    await expect(bar.getByRole('alert')).toHaveText('货位 B-01 不在本次盘点范围内。');

    await row('MB-01').getByRole('gridcell').first().click();
    await page.getByLabel(/^本人实盘数/).fill('53');
    await page.getByRole('button', { name: '记录', exact: true }).click();
    await expect(page.getByText('已记录：第 1 行 棉被 本人 53，合计 53')).toBeVisible();
    await app.screenshot('stocktake-count-scan');

    // The count stays blind for the keeper: no variance report, no sheet with book quantities, no approval.
    await page.getByRole('tab', { name: '差异表' }).click();
    await expect(page.getByText(/^盲盘进行中：账面数和差异表只对主管和管理员显示/)).toBeVisible();
    await expect(page.getByRole('region', { name: '差异表' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^打印盘点表/ })).toHaveCount(0);
    await expect(page.getByRole('button', { name: '审批并过账调整' })).toHaveCount(0);

    // The admin reviews: one tent short; the line is recounted.
    await page.getByRole('region', { name: '当前用户' }).getByRole('button', { name: '切换用户' }).click();
    await signIn(page, 'admin', 'admin-password-1');
    await expect(page.getByRole('region', { name: '当前用户' })).toContainText('系统管理员');
    // The reviewer's count sheet has the book quantities.
    await openPrintView(page, rendererUrl, { ...blindJob, kind: 'count-sheet' });
    const sheetPdf = await savePdf(page, 'stocktake-sheet-a4');
    const sheetText = pdfPageTexts(sheetPdf).join('\n');
    expect(sheetText).toContain('救灾物资盘点表');
    expect(sheetText).toContain('账面数');
    expect(sheetText.split('\n').find((l) => l.includes('ZP-12'))).toMatch(/ 37\b/);
    keepPageImage(sheetPdf, 'stocktake-count-sheet-a4');
    await page.goto('about:blank');
    await app.open(`stocktake/${id}`);
    await page.getByRole('tab', { name: '差异表' }).click();
    const report = page.getByRole('region', { name: '差异表' });
    const reportRow = (code: string) => report.getByRole('row').filter({ hasText: code });
    await expect(reportRow('ZP-12')).toContainText('盘亏');
    await expect(reportRow('ZP-12')).toContainText('-1');
    await expect(reportRow('MB-01')).toContainText('相符');
    await page.getByRole('button', { name: '对超差行复盘' }).click();
    await expect(page.getByText('第 2 轮复盘：1 行需要重新盘点')).toBeVisible();

    await page.getByRole('tab', { name: '录入实盘数' }).click();
    await expect(row('ZP-12')).toContainText('未盘');
    await expect(row('ZP-12')).toContainText('第 2 轮复盘');
    await bar.getByRole('textbox', { name: '倍数' }).fill('36');
    await focusNowhere(page);
    await scan(page, codes.tent);
    await expect(row('ZP-12')).toContainText('admin 36');

    // The recount confirms it: the reason is given, and the admin (who did not start the count) approves.
    await page.getByRole('tab', { name: '差异表' }).click();
    await reportRow('ZP-12').getByRole('gridcell').first().click();
    const reasonBox = page.getByRole('region', { name: '第 2 行差异原因' });
    await reasonBox.getByLabel('原因').selectOption({ label: '丢失' });
    await reasonBox.getByLabel('说明').fill('复盘确认少一顶');
    await reasonBox.getByRole('button', { name: '保存原因' }).click();
    await expect(page.getByText('第 2 行原因已保存。')).toBeVisible();
    await expect(reportRow('ZP-12')).toContainText('丢失');
    await app.screenshot('stocktake-variance');
    await page.getByRole('button', { name: '审批并过账调整' }).click();
    const approved = page.getByText(/^已审批。调整单 TZ-\d{4}-00001 已过账。/);
    await expect(approved).toBeVisible({ timeout: 15_000 });
    await expect(page.getByRole('definition').filter({ hasText: '已审批' })).toBeVisible();
    await app.screenshot('stocktake-approved');

    // 导出结果: the same export job as the Reports page; the file read back says what the screen says.
    await page.getByRole('button', { name: '导出结果' }).click();
    const exportDialog = page.getByRole('dialog', { name: `导出盘点结果 ${number}` });
    await exportDialog.getByRole('button', { name: '导出 XLSX' }).click();
    const exported = exportDialog.getByRole('status').filter({ hasText: '导出完成' });
    await expect(exported).toBeVisible({ timeout: 30_000 });
    await app.screenshot('stocktake-export-result');
    const [resultSheet] = readXlsx((await exported.locator('code').textContent())!.trim());
    expect(resultSheet!.rows[3]![0]).toContain('状态：已审批');
    const header = resultSheet!.rows[6]!;
    const tentRow = resultSheet!.rows.find((r) => r[header.indexOf('物资编码')] === 'ZP-12')!;
    expect([37, 36, -1, '丢失'].map(String)).toEqual(
      ['账面数（冻结）', '实盘数', '差异（盘盈+/盘亏−）', '差异原因'].map((h) => String(tentRow[header.indexOf(h)])),
    );
    await exportDialog.getByRole('button', { name: '关闭' }).click();

    const adjustments = await backendCall(backend, 'documents:list', { kind: 'adjustment' });
    expect(adjustments.total).toBe(1);
    const doc = await backendCall(backend, 'documents:get', { id: adjustments.rows[0]!.id });
    expect(doc).toMatchObject({ subkind: 'count_correction', operator: 'admin', reason: number });
    expect(doc.lines.map((l) => [l.itemCode, l.quantity, l.remarks])).toEqual([['ZP-12', -1, '复盘确认少一顶']]);
    const tents = await backendCall(backend, 'stock:on-hand', { itemId: depot.items.tent.id });
    expect(tents.reduce((s, r) => s + r.quantity, 0)).toBe(36);
    const result = await backendCall(backend, 'stocktake:report', { stocktakeId: id });
    expect(result.rows.find((r) => r.itemCode === 'ZP-12')).toMatchObject({
      systemQuantity: 37,
      counted: 36,
      variance: -1,
      firstCount: 36,
      reason: 'lost',
      approvedBy: 'admin',
    });

    // The adjustment is on the tent's stock card.
    await page.getByRole('link', { name: `查看调整单 ${doc.number}` }).click();
    await expect(page.getByRole('row').filter({ hasText: '复盘确认少一顶' })).toContainText('−1');
    await app.screenshot('stocktake-adjustment-document');
    await app.open(`ledger/${depot.items.tent.id}`);
    await expect(page.getByRole('row').filter({ hasText: doc.number })).toBeVisible({ timeout: 15_000 });
  });
});

test.describe('count sheets', () => {
  test.describe.configure({ timeout: 180_000 });

  test('a 70-line count sheet repeats its header, column header and signatures on every page, numbered X/Y', async ({
    page,
    backend,
    rendererUrl,
  }) => {
    await backendCall(backend, 'auth:setup-admin', {
      username: 'admin',
      displayName: '系统管理员',
      password: 'admin-password-1',
    });
    const depot = await seedDepot(backend);
    await backendCall(backend, 'stock:post-receipt', {
      kind: 'allocation',
      sourceId: depot.sources.city.id,
      partyId: depot.parties.bureau.id,
      lines: Array.from({ length: 70 }, (_, i) => ({
        itemId: depot.items.tent.id,
        units: 100 + i,
        locationId: depot.locations.a01.id,
        batchNo: `T${String(i + 1).padStart(3, '0')}`,
      })),
    });
    const session = await backendCall(backend, 'stocktake:start', {
      scope: { kind: 'location', id: depot.locations.zone.id },
    });
    expect(session.lines).toHaveLength(70);

    await openPrintView(page, rendererUrl, { kind: 'count-sheet', target: session.id, paper: 'a4-portrait' });
    const pdf = await savePdf(page, 'stocktake-sheet-70');
    const pages = pdfPageTexts(pdf);
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((text, i) => {
      expect(text).toContain('救灾物资盘点表');
      expect(text).toContain(session.number);
      expect(text).toContain('序号 货位 编码 品名 规格 单位 批次 有效期 来源 账面数 实盘数 备注');
      expect(text).toContain('盘点人');
      expect(text).toContain(`第${i + 1}页/共${pages.length}页`);
    });
    // Every line printed once, with its book quantity, in order.
    const printed = pages
      .join('\n')
      .split('\n')
      .filter((l) => /^\d+ A-01 ZP-12 /.test(l));
    expect(printed.map((l) => Number(l.split(' ')[0]))).toEqual(Array.from({ length: 70 }, (_, i) => i + 1));
    expect(printed[69]).toMatch(/ T070 市级储备 169$/);
    expect(pages.at(-1)).toContain('共70行 账面数合计9,415');
    keepPageImage(pdf, 'stocktake-count-sheet-a4-70-lines-page-1');
  });
});
