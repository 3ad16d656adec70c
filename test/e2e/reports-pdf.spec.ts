/**
 * Reports on paper: the ledger summary saved as PDF from the Reports page, the inventory printed as of a
 * day, and the audit package's PDF summary — each PDF read back with pdftotext the way an auditor would
 * read it, its figures reconciled with the XLSX export (read with openpyxl) and with stock:as-of.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Backend } from '../../electron/backend/index';
import { exportsZh } from '../../shared/i18n/features/exports';
import { seedDepot } from '../fixtures/depot';
import { finished, readXlsx, readZip } from '../fixtures/exports-read';
import { backendCall, expect, test, type DepotClock } from './fixtures';
import { openPrintView, pageImage, pdfInfo, pdfPageTexts, printViewRefusal, savePdf } from './print-pdf';

/** The backend's clock is the story's: each posting happens on the day it names. */
test.use({ setClock: true });

const march = { from: '2025-03-01', to: '2025-03-31' };

/**
 * February: 80 tents of the provincial reserve (the opening balance). March: 40 kinds of goods received
 * into the city reserve — enough rows for a second page — a donation from a donor whose name is a
 * formula, a dispatch and a loss. April: more tents, after the period.
 */
async function ledgerStory(backend: Backend, clock: DepotClock) {
  const depot = await seedDepot(backend);
  const { sources, locations, parties, items } = depot;
  clock.set('2025-02-10');
  await backendCall(backend, 'stock:post-receipt', {
    kind: 'allocation',
    sourceId: sources.province.id,
    partyId: parties.bureau.id,
    lines: [{ itemId: items.tent.id, units: 80, locationId: locations.a01.id, batchNo: 'ZP-2502' }],
  });
  const kinds = [];
  for (let i = 1; i <= 40; i++) {
    kinds.push(
      await backendCall(backend, 'catalog:create-item', {
        code: `WZ-${String(i).padStart(3, '0')}`,
        name: `应急物资第${i}号（折叠床、睡袋、手电筒等）`,
        spec: `规格 ${i}`,
        baseUnit: '件',
        packSize: 1,
        personsPerUnit: 0,
        reserveQuota: 0,
        minStock: 0,
        unitValueFen: 1000 * i + 5,
      }),
    );
  }
  const donor = await backendCall(backend, 'catalog:save-party', { kind: 'donor', name: '=HYPERLINK("http://x","y")' });
  const donation = await backendCall(backend, 'catalog:save-source', {
    code: 'DON-X',
    name: '社会捐赠-爱心人士',
    kind: 'donation',
    donorId: donor.id,
  });
  clock.set('2025-03-05');
  await backendCall(backend, 'stock:post-receipt', {
    kind: 'purchase',
    sourceId: sources.city.id,
    partyId: parties.supplier.id,
    lines: kinds.map((item, i) => ({
      itemId: item.id,
      units: 10 + i,
      locationId: locations.a02.id,
      batchNo: `P-${i}`,
    })),
  });
  await backendCall(backend, 'stock:post-receipt', {
    kind: 'donation',
    sourceId: donation.id,
    partyId: donor.id,
    lines: [{ itemId: items.quilt.id, units: 25, locationId: locations.a01.id, batchNo: 'MB-D1' }],
  });
  clock.set('2025-03-18');
  await backendCall(backend, 'stock:post-dispatch', {
    kind: 'allocation',
    receivingUnitId: parties.town.id,
    orderNo: '市应急调〔2025〕7号',
    lines: [{ itemId: items.tent.id, units: 30, sourceId: sources.province.id }],
  });
  clock.set('2025-04-02');
  await backendCall(backend, 'stock:post-receipt', {
    kind: 'purchase',
    sourceId: sources.city.id,
    lines: [{ itemId: items.tent.id, units: 50, locationId: locations.a01.id, batchNo: 'ZP-2504' }],
  });
  clock.set('2025-04-10');
  return depot;
}

/** pdftotext leaves out the spaces between CJK and Latin text: compare text without any whitespace. */
const squash = (text: string) => text.replace(/\s+/g, '');

/** The numbers of the line that starts with the totals label, as printed ("1,234", "12,345.67"). */
function totalsOnPage(page: string): string[] {
  const line = page.split('\n').find((l) => l.trim().startsWith(exportsZh.total));
  if (!line) throw new Error(`no totals line on the page:\n${page}`);
  return line.trim().slice(exportsZh.total.length).trim().split(/\s+/);
}

/** What the XLSX's totals row holds for the same columns, printed the way the PDF prints them. */
function printed(value: unknown, money: boolean): string {
  const n = Number(value);
  return money
    ? n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
    : n.toLocaleString('en-US');
}

test('an auditor saves the March ledger summary as PDF from the Reports page; its pages, header and totals match the XLSX and the stock', async ({
  app,
  page,
  backend,
  clock,
  shell,
  dataDir,
}) => {
  test.slow();
  await ledgerStory(backend, clock);
  await app.open('reports');
  await page.getByRole('radio', { name: '台账（收发存）' }).check();
  await page.getByLabel('起始日期').fill(march.from);
  await page.getByLabel('截止日期').fill(march.to);
  await expect(page.getByText('导出 PDF 和打印为 A4 横向，数字与 XLSX 相同。')).toBeVisible();
  await page.getByRole('button', { name: '导出 PDF' }).click();
  const saved = page.getByRole('status').filter({ hasText: 'PDF 已保存：' });
  await expect(saved).toBeVisible({ timeout: 60_000 });
  const file = (await saved.locator('code').textContent())!.trim();
  expect(path.dirname(file)).toBe(shell.pdfDir);
  expect(path.basename(file)).toBe('收发存汇总表_2025-03-01_2025-03-31.pdf');
  fs.copyFileSync(file, test.info().outputPath(path.basename(file)));
  await app.screenshot('reports-ledger-pdf-saved');

  // A4 landscape, several pages: the title block, the column header and page X/Y on each.
  const info = pdfInfo(file);
  expect(info.pages).toBeGreaterThanOrEqual(2);
  expect(Math.round(info.widthPt)).toBe(842);
  expect(Math.round(info.heightPt)).toBe(595);
  const pages = pdfPageTexts(file);
  const layout = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f');
  pages.forEach((text, i) => {
    expect(squash(text)).toContain(squash('救灾物资收发存汇总表'));
    expect(squash(text)).toContain(squash('市救灾物资储备中心（SZ-01）'));
    expect(squash(text)).toContain(squash('期间：2025-03-01 至 2025-03-31'));
    expect(squash(text)).toContain(squash('制表人：admin'));
    expect(squash(text)).toMatch(/生成时间：2025-04-10\d\d:\d\d:\d\d/);
    expect(squash(text)).toContain(squash(exportsZh.columns.openingValue));
    expect(squash(text)).toContain(squash(`第 ${i + 1} 页 / 共 ${info.pages} 页`));
  });
  // The donor's name is printed as it is (a PDF runs no formula); the 40th item made it onto paper.
  const all = pages.join('\n');
  expect(squash(all)).toContain(squash('=HYPERLINK("http://x","y")'));
  expect(squash(all)).toContain(squash('社会捐赠-爱心人士'));
  expect(squash(all)).toContain(squash('WZ-040'));
  expect(pages).toHaveLength(info.pages);
  for (const earlier of pages.slice(0, -1)) expect(squash(earlier)).not.toContain(exportsZh.total);

  // The totals, on the last page only, equal the XLSX's totals row and the stock as of the 31st.
  const totals = totalsOnPage(layout[info.pages - 1]!);
  const job = await backendCall(backend, 'exports:start', {
    kind: 'ledger',
    format: 'xlsx',
    ...march,
    folder: dataDir,
  });
  expect((await finished(backend, job.jobId)).state).toBe('done');
  const sheet = readXlsx(job.path)[0]!;
  const header = sheet.rows[4]!;
  const xlsxTotals = sheet.rows.at(-1)!;
  const c = exportsZh.columns;
  const quantities = [c.opening, c.receipts, c.dispatches, c.other, c.closing];
  const values = [c.openingValue, c.receiptsValue, c.dispatchesValue, c.otherValue, c.closingValue];
  expect(totals).toEqual([
    ...quantities.map((name) => printed(xlsxTotals[header.indexOf(name)], false)),
    ...values.map((name) => printed(xlsxTotals[header.indexOf(name)], true)),
  ]);
  const asOf = await backendCall(backend, 'stock:as-of', { date: march.to });
  expect(totals[4]).toBe(
    printed(
      asOf.reduce((n, r) => n + r.quantity, 0),
      false,
    ),
  );
  // Opening 80 tents, 40 kinds received (10 + 11 + … + 49 = 1,180) and 25 quilts, 30 tents out.
  expect(totals.slice(0, 5)).toEqual(['80', '1,205', '30', '0', '1,255']);

  // "打印" opens the print preview of the same view, on A4 landscape, ready to print.
  await page.getByRole('button', { name: '打印', exact: true }).click();
  const preview = page.getByRole('dialog', { name: '打印预览：收发存汇总表 2025-03-01 – 2025-03-31' });
  await expect(preview.getByLabel('纸张')).toHaveValue('a4-landscape');
  await expect(preview.getByRole('button', { name: '打印…' })).toBeEnabled({ timeout: 30_000 });
  await expect(preview.getByRole('region', { name: '打印页面' })).toContainText('WZ-040');
  await preview.getByRole('button', { name: '关闭' }).click();
  await expect(preview).toHaveCount(0);

  fs.copyFileSync(
    pageImage(file, info.pages, 110),
    test.info().outputPath('print-ledger-summary-a4-landscape-last-page.png'),
  );
});

test('the inventory as of a day prints by batch over several pages; its quantity and value totals are the stock of that day', async ({
  page,
  backend,
  clock,
  rendererUrl,
}) => {
  test.slow();
  const { sources, locations, items } = await seedDepot(backend);
  clock.set('2025-03-03');
  // 60 batches of tents, each received on its own line: a row each in the inventory.
  await backendCall(backend, 'stock:post-receipt', {
    kind: 'purchase',
    sourceId: sources.city.id,
    lines: Array.from({ length: 60 }, (_, i) => ({
      itemId: items.tent.id,
      units: 5 + i,
      locationId: i % 2 ? locations.a01.id : locations.a02.id,
      batchNo: `ZP-${String(i).padStart(3, '0')}`,
    })),
  });
  clock.set('2025-04-01');
  await openPrintView(page, rendererUrl, { kind: 'inventory-report', target: '2025-03-31', paper: 'a4-landscape' });
  const file = await savePdf(page, 'inventory-2025-03-31');
  const pages = pdfPageTexts(file);
  expect(pages.length).toBeGreaterThanOrEqual(2);
  pages.forEach((text, i) => {
    expect(squash(text)).toContain(squash('救灾物资库存表'));
    expect(squash(text)).toContain(squash('截至：2025-03-31 日终'));
    expect(squash(text)).toContain(squash(exportsZh.columns.ageDays));
    expect(squash(text)).toContain(squash(`第 ${i + 1} 页 / 共 ${pages.length} 页`));
  });
  expect(pages.join('\n')).toContain('ZP-059');
  const layout = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f');
  const totals = totalsOnPage(layout[pages.length - 1]!);
  const asOf = await backendCall(backend, 'stock:as-of', { date: '2025-03-31' });
  const units = asOf.reduce((n, r) => n + r.quantity, 0);
  expect(units).toBe(60 * 5 + (59 * 60) / 2);
  // Quantity, then value: the only two summed columns of the inventory.
  expect(totals).toEqual([printed(units, false), printed(units * 1500, true)]);
});

test('the audit package holds a PDF summary naming the chain head hash; a summary of no package refuses to draw', async ({
  page,
  backend,
  clock,
  dataDir,
  rendererUrl,
}) => {
  test.slow();
  await ledgerStory(backend, clock);
  const folder = path.join(dataDir, 'U盘');
  const job = await backendCall(backend, 'exports:start', { kind: 'audit', format: 'xlsx', ...march, folder });
  const done = await finished(backend, job.jobId);
  expect(done.error).toBeNull();
  expect(fs.readdirSync(folder)).toEqual([path.basename(done.path)]);
  const zip = readZip(done.path, path.join(dataDir, 'unzipped'));
  expect(zip.names).toContain('审计摘要.pdf');
  const summary = path.join(dataDir, 'unzipped', '审计摘要.pdf');
  const text = pdfPageTexts(summary).join('\n');
  const chain = await backendCall(backend, 'ledger:verify-chain');
  // The hash may wrap at the page's edge: compare without line breaks.
  expect(text.replace(/\s+/g, '')).toContain(chain.headHash);
  expect(squash(text)).toContain(squash('审计摘要'));
  expect(squash(text)).toContain(squash('期间：2025-03-01 至 2025-03-31'));
  expect(squash(text)).toContain(squash(exportsZh.audit.chainOk.slice(0, 10)));
  expect(squash(text)).toContain(squash(`台账记录数：${chain.entries}`));
  expect(squash(text)).toContain(squash('台账哈希链校验报告.txt'));
  expect(squash(text)).toContain(squash('台账_2025-03-01_2025-03-31.xlsx'));
  expect(squash(text)).toContain(squash('第 1 页 / 共 1 页'));
  fs.copyFileSync(pageImage(summary, 1, 110), test.info().outputPath('print-audit-summary-a4.png'));

  const refusal = await printViewRefusal(page, rendererUrl, {
    kind: 'audit-summary',
    target: job.jobId,
    paper: 'a4-portrait',
  });
  expect(refusal).toContain('无法生成打印内容');
});
