/**
 * The reports area as an auditor uses it: choose the ledger, a period and a USB folder, watch the
 * export run, and get the file — which is then read back with openpyxl and reconciled with the ledger.
 * The backend's clock is set per posting so the movements fall on real days of the period.
 */
import fs from 'node:fs';
import path from 'node:path';
import { exportsZh } from '../../shared/i18n/features/exports';
import { seedDepot } from '../fixtures/depot';
import { readXlsx } from '../fixtures/exports-read';
import { backendCall, expect, test } from './fixtures';

/** The backend's clock is the story's: each posting happens on the day it names. */
test.use({ setClock: true });

test('an auditor exports the March ledger to a USB folder, sees it progress, and the file reconciles with the ledger', async ({
  app,
  page,
  backend,
  clock,
  dataDir,
}) => {
  // Thousands of movements to write, and a spreadsheet read back: more than the default time on two busy cores.
  test.slow();
  const depot = await seedDepot(backend);
  // 5,000 tents received in March, each batch on its own line (so the movement sheet has 5,000 rows)…
  clock.set('2025-03-03');
  for (let r = 0; r < 10; r++) {
    await backendCall(backend, 'stock:post-receipt', {
      kind: 'purchase',
      sourceId: depot.sources.city.id,
      lines: Array.from({ length: 500 }, (_, i) => ({
        itemId: depot.items.tent.id,
        units: 1,
        locationId: depot.locations.a01.id,
        batchNo: `ZP-${r}-${i}`,
      })),
    });
  }
  // …and 30 of them sent to a township on the 20th.
  clock.set('2025-03-20');
  await backendCall(backend, 'stock:post-dispatch', {
    kind: 'allocation',
    receivingUnitId: depot.parties.town.id,
    orderNo: '市应急调〔2025〕7号',
    lines: [{ itemId: depot.items.tent.id, units: 30 }],
  });
  clock.set('2025-04-01');

  await app.open('reports');
  await expect(app.heading).toHaveText('报表');
  await page.getByRole('radio', { name: '台账（收发存）' }).check();
  await page.getByLabel('起始日期').fill('2025-03-01');
  await page.getByLabel('截止日期').fill('2025-03-31');
  await page.getByRole('radio', { name: 'Excel 工作簿（XLSX）' }).check();
  const usb = path.join(dataDir, 'U盘', '审计 2025');
  await page.getByLabel('保存到文件夹').fill(usb);
  await app.screenshot('reports-ledger-form');

  await page.getByRole('button', { name: '开始导出' }).click();
  const progress = page.getByRole('region', { name: '导出进度' });
  const bar = progress.getByRole('progressbar', { name: '导出进度' });
  await expect(bar).toBeVisible();
  // The total is the summary row plus every movement of the period: 5,000 receipts and 30 picks of one
  // tent each (every batch holds one), 5,031 rows.
  await expect(bar).toHaveAttribute('max', '5031');
  await expect(progress.getByRole('status')).toContainText('/ 5,031 行');

  const result = page.getByRole('status').filter({ hasText: '导出完成' });
  await expect(result).toBeVisible({ timeout: 60_000 });
  // Finished: the bar is full, the count complete, and there is nothing left to cancel.
  await expect(progress.getByRole('status')).toHaveText('已写入 5,031 / 5,031 行');
  await expect(bar).toHaveAttribute('value', '5031');
  await expect(progress.getByRole('button', { name: '取消导出' })).toHaveCount(0);
  const shown = (await result.getByRole('listitem').textContent())!.trim();
  expect(path.dirname(shown)).toBe(usb);
  expect(path.basename(shown)).toMatch(/^台账_2025-03-01_2025-03-31_\d{8}-\d{6}\.xlsx$/);
  expect(fs.readdirSync(usb)).toEqual([path.basename(shown)]);
  await app.screenshot('reports-ledger-done');

  const [summary, detail] = readXlsx(shown);
  const c = exportsZh.columns;
  const header = summary!.rows[4]!;
  const tents = summary!.rows[5]!;
  expect(tents[header.indexOf(c.itemCode)]).toBe('ZP-12');
  expect([c.opening, c.receipts, c.dispatches, c.other, c.closing].map((name) => tents[header.indexOf(name)])).toEqual([
    0, 5000, 30, 0, 4970,
  ]);
  const asOf = await backendCall(backend, 'stock:as-of', { date: '2025-03-31' });
  expect(asOf).toEqual([{ itemId: depot.items.tent.id, sourceId: null, quantity: 4970 }]);
  expect(tents[header.indexOf(c.closingValue)]).toBe(4970 * 1500);
  // The movement sheet: 5,030 movements between the header (and the three title rows above it) and the totals row.
  expect(detail!.rows.length - 6).toBe(5030);
  expect(summary!.rows[2]![0]).toContain('制表人：admin');
});

test('the stocktake result is chosen by session on the Reports page; without a choice the export asks for one', async ({
  app,
  page,
  backend,
  dataDir,
}) => {
  const depot = await seedDepot(backend);
  await backendCall(backend, 'stock:post-receipt', {
    kind: 'purchase',
    sourceId: depot.sources.city.id,
    lines: [{ itemId: depot.items.tent.id, units: 12, locationId: depot.locations.a01.id, batchNo: 'T1' }],
  });
  const session = await backendCall(backend, 'stocktake:start', { scope: { kind: 'full' } });
  await app.open('reports');
  await page.getByRole('radio', { name: /^盘点结果/ }).check();
  await page.getByRole('button', { name: '开始导出' }).click();
  await expect(page.getByText('请选择要导出的盘点单。')).toBeVisible();
  expect(fs.existsSync(path.join(dataDir, 'exports'))).toBe(false);
  await expect(
    page.getByLabel('盘点单').getByRole('option', { name: new RegExp(`^${session.number} · 盘点中`) }),
  ).toBeAttached();
  await page.getByLabel('盘点单').selectOption(session.id);
  await page.getByRole('button', { name: '开始导出' }).click();
  const result = page.getByRole('status').filter({ hasText: '导出完成' });
  await expect(result).toBeVisible({ timeout: 30_000 });
  await app.screenshot('reports-stocktake-done');
  const [sheet] = readXlsx((await result.getByRole('listitem').textContent())!.trim());
  expect(sheet!.name).toBe(exportsZh.sheets.stocktake);
  expect(sheet!.rows[1]![0]).toContain(`盘点单号：${session.number}`);
  expect(sheet!.rows[3]![0]).toContain('状态：盘点中');
});
