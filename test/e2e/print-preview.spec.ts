/**
 * Printing from the app: the preview draws the slip with the print view itself, saves it as a PDF of
 * its own paper size, prints straight to a chosen printer with the paper in microns and the copies
 * asked for, numbers reprints (补打 第N次) from the print log, and says so in Chinese when it cannot.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import type { Backend } from '../../electron/backend/index';
import { seedDepot, type Depot } from '../fixtures/depot';
import { backendCall, expect, test } from './fixtures';

/** 10 cartons of water (24 bottles each) in A-01, from the city reserve. */
async function receiveWater(backend: Backend, depot: Depot) {
  await backendCall(backend, 'stock:post-receipt', {
    kind: 'allocation',
    sourceId: depot.sources.city.id,
    partyId: depot.parties.bureau.id,
    lines: [
      {
        itemId: depot.items.water.id,
        cartons: 10,
        units: 0,
        batchNo: 'W2610',
        productionDate: '2026-10-01',
        locationId: depot.locations.a01.id,
      },
    ],
  });
}

async function postDispatch(backend: Backend, depot: Depot) {
  return backendCall(backend, 'stock:post-dispatch', {
    kind: 'allocation',
    receivingUnitId: depot.parties.town.id,
    orderNo: '市应急调〔2026〕15号',
    orderIssuer: '市应急管理局',
    incidentName: '11·26 洪涝',
    responseLevel: 'III',
    lines: [{ itemId: depot.items.water.id, cartons: 2, units: 0, sourceId: null }],
  });
}

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

function preview(page: Page, number: string) {
  return page.getByRole('dialog', { name: `打印预览：出库单 ${number}` });
}

test.describe('print preview', () => {
  // Each story renders printouts in extra pages on a shared two-core machine.
  test.describe.configure({ timeout: 180_000 });

  test('right after posting a dispatch the keeper previews the slip and saves it as CK-….pdf with the slip number inside', async ({
    app,
    page,
    backend,
    shell,
  }) => {
    const depot = await seedDepot(backend);
    await receiveWater(backend, depot);
    await app.open('dispatch');

    const unit = page.getByRole('combobox', { name: '接收单位', exact: true });
    await unit.fill('青山');
    await expect(page.getByRole('option', { name: /青山镇人民政府/ })).toBeVisible();
    await unit.press('Enter');
    await page.getByLabel('调拨通知单号').fill('市应急调〔2026〕15号');
    const item = page.getByRole('combobox', { name: '第 1 行 物资', exact: true });
    await item.fill('KS-550');
    await expect(page.getByRole('option', { name: /KS-550/ })).toBeVisible();
    await item.press('Enter');
    await page.getByLabel('第 1 行 实发数量：箱数').fill('2');
    await page.getByRole('button', { name: '过账' }).click();
    await page.getByRole('dialog', { name: '确认出库' }).getByRole('button', { name: '确认过账' }).click();
    await expect(page.getByRole('heading', { name: /出库单 CK-\d{4}-00001 已过账/ })).toBeVisible();
    const slip = (await backendCall(backend, 'documents:list', { kind: 'dispatch' })).rows[0]!;

    await page.getByRole('button', { name: '打印出库单' }).click();
    const dialog = preview(page, slip.number);
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('status').filter({ hasText: '尚未打印过。' })).toBeVisible();
    // The slip itself, drawn by its print view, with its number.
    const pages = dialog.getByRole('region', { name: '打印页面' });
    await expect(pages).toContainText(slip.number);
    await expect(dialog.getByRole('button', { name: '另存为 PDF…' })).toBeEnabled();
    await app.screenshot('print-preview-dispatch');

    await dialog.getByRole('button', { name: '另存为 PDF…' }).click();
    const saved = dialog.getByRole('status').filter({ hasText: '已保存为' });
    await expect(saved).toBeVisible();
    const file = `${shell.pdfDir}/${slip.number}.pdf`;
    await expect(saved).toHaveText(`已保存为 ${file}`);
    expect(fs.existsSync(file)).toBe(true);
    const text = pdfText(file);
    expect(text).toContain(slip.number);
    expect(text).toContain('青山镇人民政府');

    const history = await backendCall(backend, 'print:history', { kind: 'dispatch-slip', target: slip.id });
    expect(history.count).toBe(1);
    expect(history.entries[0]).toMatchObject({ via: 'pdf', printer: null, paper: 'a4-portrait', sequence: 1 });
  });

  test('printed straight to the thermal printer, then reprinted: the jobs carry printer, microns and copies, the second says 补打 第1次', async ({
    app,
    page,
    backend,
    shell,
  }) => {
    const depot = await seedDepot(backend);
    await receiveWater(backend, depot);
    const slip = await postDispatch(backend, depot);
    await app.open(`documents/${slip.id}`);

    await page.getByRole('button', { name: '打印', exact: true }).click();
    const dialog = preview(page, slip.number);
    await expect(dialog.getByRole('region', { name: '打印页面' })).toContainText(slip.number);
    await dialog.getByLabel('纸张').selectOption({ label: '241 毫米三联连续纸（针式）' });
    await dialog.getByLabel('份数').fill('3');
    await dialog.getByLabel('打印机').selectOption({ label: 'Deli DL-888B' });
    await expect(dialog.getByLabel('打印机')).toHaveValue('Deli_DL_888B');
    await dialog.getByRole('button', { name: '直接打印' }).click();
    await expect(dialog.getByRole('status').filter({ hasText: '已送到 Deli DL-888B，共 3 份。' })).toBeVisible();

    expect(shell.printed).toHaveLength(1);
    expect(shell.printed[0]!.job).toEqual({
      job: { kind: 'dispatch-slip', target: slip.id, paper: 'continuous-241', params: {} },
      copies: 3,
      silent: true,
      printer: 'Deli_DL_888B',
    });
    expect(shell.printed[0]!.options).toMatchObject({
      silent: true,
      deviceName: 'Deli_DL_888B',
      copies: 3,
      pageSize: { width: 241300, height: 279400 },
      margins: { marginType: 'none' },
    });

    // The log now numbers the next print as the first reprint, and the preview redraws the slip so.
    await expect(dialog.getByText('再次打印将标注“补打 第1次”。')).toBeVisible();
    await expect(dialog.getByRole('status').filter({ hasText: /已打印 1 次，最近一次/ })).toBeVisible();
    await expect(dialog.getByRole('region', { name: '打印页面' })).toContainText('补打');
    await app.screenshot('print-preview-reprint');

    await dialog.getByRole('button', { name: '直接打印' }).click();
    await expect(dialog.getByText('再次打印将标注“补打 第2次”。')).toBeVisible();
    expect(shell.printed).toHaveLength(2);
    expect(shell.printed[1]!.job.job.params).toEqual({ reprint: '1' });

    const history = await backendCall(backend, 'print:history', { kind: 'dispatch-slip', target: slip.id });
    expect(history.count).toBe(2);
    expect(history.entries.map((e) => [e.sequence, e.via, e.printer, e.paper, e.copies])).toEqual([
      [1, 'direct', 'Deli_DL_888B', 'continuous-241', 3],
      [2, 'direct', 'Deli_DL_888B', 'continuous-241', 3],
    ]);
    // The choices are this kind's defaults from now on.
    expect((await backendCall(backend, 'settings:get')).printDefaults).toEqual({
      'dispatch-slip': { printer: 'Deli_DL_888B', paper: 'continuous-241', copies: 3 },
    });

    await dialog.getByRole('button', { name: '关闭' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('button', { name: '打印（已打印 2 次）' })).toBeVisible();

    // The next preview starts from the remembered defaults.
    await page.getByRole('button', { name: '打印（已打印 2 次）' }).click();
    await expect(preview(page, slip.number).getByLabel('纸张')).toHaveValue('continuous-241');
    await expect(preview(page, slip.number).getByLabel('份数')).toHaveValue('3');
  });

  test('a slip of a document that does not exist is refused with a translated reason, and nothing is logged', async ({
    app,
    page,
    backend,
    shell,
  }) => {
    await seedDepot(backend);
    await app.open('documents');
    const missing = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
    const job = { kind: 'dispatch-slip', target: missing, paper: 'a4-portrait' };
    const [printed, saved] = await page.evaluate(async (job) => {
      const api = (globalThis as unknown as { api: Record<string, (input: unknown) => Promise<unknown>> }).api;
      return [
        await api['print:print']!({ job, copies: 1, silent: true, printer: 'EPSON_LQ_630K' }),
        await api['print:save-pdf']!({ job, fileName: 'missing.pdf' }),
      ];
    }, job);
    for (const result of [printed, saved]) {
      expect(result).toMatchObject({ ok: false, error: { code: 'print-view-failed' } });
      const reason = (result as { error: { details: { reason: string } } }).error.details.reason;
      expect(reason).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(shell.printed).toEqual([]);
    expect(fs.existsSync(`${shell.pdfDir}/missing.pdf`)).toBe(false);
    expect((await backendCall(backend, 'print:history', { kind: 'dispatch-slip', target: missing })).count).toBe(0);
  });
});
