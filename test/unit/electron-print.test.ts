/**
 * The print glue in main, against the fake `electron`: each printout is drawn in a hidden window with
 * the secure preferences, printed with the paper's exact size in microns and no margins, or saved as a
 * PDF of its size in inches; failures come back as translated codes and the hidden window always goes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';

vi.mock('electron', () => import('./electron-fakes'));

import * as fake from './electron-fakes';
import { isTrustedSender, registerIpc } from '../../electron/main/ipc';
import { appOrigin, trustedOrigins } from '../../electron/main/app-origin';
import { createPdfRenderer, createPrinting } from '../../electron/main/printing';
import { shellChannels } from '../../shared/contract';
import type { Result } from '../../shared/errors';

const slipId = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const entryUrl = `${appOrigin}/index.html`;
const preloadPath = '/app/out/preload/index.cjs';
let tmp: string;
let backendCalls: string[];
let caller: fake.BrowserWindow;

beforeEach(() => {
  fake.resetFakes();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rr-electron-print-'));
  fake.app.setPath('documents', path.join(tmp, 'Documents'));
  fake.printing.printers = [
    { name: 'EPSON_LQ_630K', displayName: 'EPSON LQ-630K', description: '', options: {} },
    { name: 'Deli_DL_888B', displayName: 'Deli DL-888B', description: '', options: { 'is-default': 'true' } },
  ];
  backendCalls = [];
  const origins = trustedOrigins(null);
  registerIpc(
    { invoke: (channel: string) => (backendCalls.push(channel), Promise.resolve({ ok: true as const, value: null })) },
    (event) => isTrustedSender(event, origins),
    createPrinting({ preloadPath, entryUrl, readyTimeoutMs: 50, pollMs: 5 }),
  );
  caller = new fake.BrowserWindow({});
  void caller.loadURL(entryUrl);
});

afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(tmp, { recursive: true, force: true });
});

function fromCaller() {
  return { sender: caller.webContents, senderFrame: caller.webContents.mainFrame };
}

async function call(channel: string, input?: unknown, event: unknown = fromCaller()): Promise<Result<unknown>> {
  const handler = fake.ipcMain.handlers.get(channel);
  if (handler === undefined) throw new Error(`no handler for ${channel}`);
  return (await handler(event, input)) as Result<unknown>;
}

/** The windows the glue opened to draw printouts (every window but the caller's). */
function printWindows(): fake.BrowserWindow[] {
  return fake.BrowserWindow.created.filter((w) => w !== caller);
}

function onlyPrintWindow(): fake.BrowserWindow {
  const windows = printWindows();
  expect(windows).toHaveLength(1);
  return windows[0]!;
}

const dispatchSlip = (paper: string, params?: Record<string, string>) => ({
  kind: 'dispatch-slip',
  target: slipId,
  paper,
  ...(params ? { params } : {}),
});

describe('the shell channels share the IPC door', () => {
  test('each is registered once and a foreign page is refused before anything is drawn', async () => {
    for (const channel of shellChannels) {
      expect(fake.ipcMain.handledChannels.filter((c) => c === channel)).toHaveLength(1);
    }
    caller.webContents.mainFrame.url = 'https://example.com/';
    const job = { job: dispatchSlip('a4-portrait'), copies: 1, silent: true, printer: 'EPSON_LQ_630K' };
    for (const [channel, input] of [
      ['print:print', job],
      ['print:save-pdf', { job: dispatchSlip('a4-portrait'), fileName: 'CK-2026-00042.pdf' }],
      ['print:printers', undefined],
    ] as const) {
      expect(await call(channel, input)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    }
    expect(printWindows()).toHaveLength(0);
    expect(fake.dialog.saveDialogs).toHaveLength(0);
    expect(backendCalls).toEqual([]);
  });

  test('the input is parsed in main: silent without a printer, a path as file name, an unknown paper', async () => {
    const refusals = [
      ['print:print', { job: dispatchSlip('a4-portrait'), copies: 1, silent: true, printer: null }],
      ['print:print', { job: dispatchSlip('a4-portrait'), copies: 0, silent: false, printer: null }],
      ['print:print', { job: dispatchSlip('letter'), copies: 1, silent: false, printer: null }],
      ['print:save-pdf', { job: dispatchSlip('a4-portrait'), fileName: '../../etc/CK.pdf' }],
      ['print:save-pdf', { job: dispatchSlip('a4-portrait'), fileName: 'CK-2026-00042.exe' }],
      ['print:printers', { all: true }],
    ] as const;
    for (const [channel, input] of refusals) {
      expect(await call(channel, input), JSON.stringify(input)).toMatchObject({
        ok: false,
        error: { code: 'invalid-input' },
      });
    }
    expect(printWindows()).toHaveLength(0);
  });
});

describe('print:printers', () => {
  test('lists the system printers by system name and display name, the default marked', async () => {
    expect(await call('print:printers')).toEqual({
      ok: true,
      value: [
        { name: 'EPSON_LQ_630K', displayName: 'EPSON LQ-630K', isDefault: false },
        { name: 'Deli_DL_888B', displayName: 'Deli DL-888B', isDefault: true },
      ],
    });
  });
});

describe('print:print', () => {
  test('silently to the chosen printer: device name, 241 mm form in microns, no margins, copies', async () => {
    const result = await call('print:print', {
      job: dispatchSlip('continuous-241', { reprint: '1' }),
      copies: 3,
      silent: true,
      printer: 'EPSON_LQ_630K',
    });
    expect(result).toEqual({ ok: true, value: { printed: true } });
    const window = onlyPrintWindow();
    expect(window.webContents.printCalls).toEqual([
      {
        silent: true,
        deviceName: 'EPSON_LQ_630K',
        copies: 3,
        collate: true,
        printBackground: true,
        color: true,
        landscape: false,
        pageSize: { width: 241300, height: 279400 },
        margins: { marginType: 'none' },
        scaleFactor: 100,
      },
    ]);
    expect(window.loadedUrl).toBe(`${entryUrl}#/print/dispatch-slip/${slipId}?paper=continuous-241&reprint=1`);
  });

  test('the hidden window is never shown, has the secure preferences, the preload, no throttling, and is destroyed', async () => {
    await call('print:print', { job: dispatchSlip('a4-portrait'), copies: 1, silent: false, printer: null });
    const window = onlyPrintWindow();
    expect(window.options).toMatchObject({
      show: false,
      webPreferences: {
        preload: preloadPath,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        devTools: false,
        backgroundThrottling: false,
      },
    });
    expect(window.shown).toBe(false);
    expect(window.destroyed).toBe(true);
  });

  test('through the system dialog: not silent, no device forced, A4 in microns', async () => {
    await call('print:print', { job: dispatchSlip('a4-portrait'), copies: 2, silent: false, printer: null });
    const [options] = onlyPrintWindow().webContents.printCalls as Record<string, unknown>[];
    expect(options).toMatchObject({ silent: false, copies: 2, pageSize: { width: 210000, height: 297000 } });
    expect(options).not.toHaveProperty('deviceName');
  });

  test('A5 landscape goes as A5 media turned to landscape; thermal 80 mm as 80 × 297 mm', async () => {
    await call('print:print', { job: dispatchSlip('a5-landscape'), copies: 1, silent: true, printer: 'Deli_DL_888B' });
    await call('print:print', { job: dispatchSlip('thermal-80'), copies: 1, silent: true, printer: 'Deli_DL_888B' });
    const [a5, thermal] = printWindows().map((w) => w.webContents.printCalls[0]);
    expect(a5).toMatchObject({ landscape: true, pageSize: { width: 148000, height: 210000 } });
    expect(thermal).toMatchObject({ landscape: false, pageSize: { width: 80000, height: 297000 } });
  });

  test('silently to a printer this PC does not have: printer-not-found, nothing drawn', async () => {
    const result = await call('print:print', {
      job: dispatchSlip('a4-portrait'),
      copies: 1,
      silent: true,
      printer: 'HP_Gone',
    });
    expect(result).toEqual({
      ok: false,
      error: { code: 'printer-not-found', message: 'no printer named HP_Gone', details: { printer: 'HP_Gone' } },
    });
    expect(printWindows()).toHaveLength(0);
  });

  test('a view that cannot draw its record: print-view-failed with its sentence, nothing printed', async () => {
    fake.printing.pageState = { state: 'failed', reason: '无法生成打印内容：找不到这条记录。' };
    const result = await call('print:print', {
      job: dispatchSlip('a4-portrait'),
      copies: 1,
      silent: true,
      printer: 'EPSON_LQ_630K',
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'print-view-failed', details: { reason: '无法生成打印内容：找不到这条记录。' } },
    });
    const window = onlyPrintWindow();
    expect(window.webContents.printCalls).toEqual([]);
    expect(window.destroyed).toBe(true);
  });

  test('a view that never gets ready: print-timeout, nothing printed, window destroyed', async () => {
    fake.printing.pageState = { state: 'drawing', reason: null };
    const result = await call('print:print', {
      job: dispatchSlip('a4-portrait'),
      copies: 1,
      silent: false,
      printer: null,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'print-timeout', details: { seconds: 1 } } });
    const window = onlyPrintWindow();
    expect(window.webContents.printCalls).toEqual([]);
    expect(window.destroyed).toBe(true);
  });

  test('a cancelled dialog and a refusing printer come back as their codes; the window goes', async () => {
    fake.printing.printAnswer = [false, 'Print job canceled'];
    expect(
      await call('print:print', { job: dispatchSlip('a4-portrait'), copies: 1, silent: false, printer: null }),
    ).toMatchObject({ ok: false, error: { code: 'print-cancelled' } });

    fake.printing.printAnswer = [false, 'Invalid printer settings'];
    expect(
      await call('print:print', {
        job: dispatchSlip('a4-portrait'),
        copies: 1,
        silent: true,
        printer: 'EPSON_LQ_630K',
      }),
    ).toMatchObject({ ok: false, error: { code: 'print-failed', details: { reason: 'Invalid printer settings' } } });
    expect(printWindows().map((w) => w.destroyed)).toEqual([true, true]);
  });

  test('a page that crashes while drawing is a print-failed value, not a throw', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    fake.printing.scriptError = new Error('Render frame was disposed');
    const result = await call('print:print', {
      job: dispatchSlip('a4-portrait'),
      copies: 1,
      silent: false,
      printer: null,
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'print-failed', details: { reason: 'Render frame was disposed' } },
    });
    expect(onlyPrintWindow().destroyed).toBe(true);
  });
});

describe('print:save-pdf', () => {
  test('offers the slip number as file name, writes the PDF of the paper’s size in inches, closes the window', async () => {
    const chosen = path.join(tmp, 'CK-2026-00042.pdf');
    fake.dialog.saveAnswer = { canceled: false, filePath: chosen };
    const result = await call('print:save-pdf', { job: dispatchSlip('a5-landscape'), fileName: 'CK-2026-00042.pdf' });
    expect(result).toEqual({ ok: true, value: { path: chosen } });
    expect(fs.readFileSync(chosen)).toEqual(fake.printing.pdfBytes);

    expect(fake.dialog.saveDialogs).toHaveLength(1);
    expect(fake.dialog.saveDialogs[0]!.parent).toBe(caller);
    expect(fake.dialog.saveDialogs[0]!.options).toMatchObject({
      defaultPath: path.join(tmp, 'Documents', 'CK-2026-00042.pdf'),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    const window = onlyPrintWindow();
    const [options] = window.webContents.pdfCalls as { pageSize: { width: number; height: number } }[];
    expect(options).toMatchObject({
      preferCSSPageSize: true,
      printBackground: true,
      landscape: false,
      margins: { top: 0, right: 0, bottom: 0, left: 0 },
    });
    expect(options!.pageSize.width).toBeCloseTo(210 / 25.4, 6);
    expect(options!.pageSize.height).toBeCloseTo(148 / 25.4, 6);
    expect(window.loadedUrl).toBe(`${entryUrl}#/print/dispatch-slip/${slipId}?paper=a5-landscape`);
    expect(window.destroyed).toBe(true);
  });

  test('a cancelled save dialog writes nothing and draws nothing', async () => {
    fake.dialog.saveAnswer = { canceled: true };
    expect(await call('print:save-pdf', { job: dispatchSlip('a4-portrait'), fileName: 'CK-2026-00042.pdf' })).toEqual({
      ok: true,
      value: { path: null },
    });
    expect(printWindows()).toHaveLength(0);
  });

  test('a folder that cannot be written: pdf-write-failed naming the path; the window still goes', async () => {
    const chosen = path.join(tmp, 'no-such-folder', 'CK-2026-00042.pdf');
    fake.dialog.saveAnswer = { canceled: false, filePath: chosen };
    const result = await call('print:save-pdf', { job: dispatchSlip('a4-portrait'), fileName: 'CK-2026-00042.pdf' });
    expect(result).toMatchObject({ ok: false, error: { code: 'pdf-write-failed', details: { path: chosen } } });
    expect(fs.existsSync(chosen)).toBe(false);
    expect(onlyPrintWindow().destroyed).toBe(true);
  });

  test('a view that fails writes no file', async () => {
    const chosen = path.join(tmp, 'CK-2026-00042.pdf');
    fake.dialog.saveAnswer = { canceled: false, filePath: chosen };
    fake.printing.pageState = { state: 'failed', reason: '找不到这条记录。' };
    const result = await call('print:save-pdf', { job: dispatchSlip('a4-portrait'), fileName: 'CK-2026-00042.pdf' });
    expect(result).toMatchObject({ ok: false, error: { code: 'print-view-failed' } });
    expect(fs.existsSync(chosen)).toBe(false);
    expect(onlyPrintWindow().webContents.pdfCalls).toEqual([]);
  });
});

describe('the PDF renderer the backend is given (the audit package summary)', () => {
  const jobId = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a60';
  const render = createPdfRenderer({ preloadPath, entryUrl, readyTimeoutMs: 50, pollMs: 5 });

  test('draws the view in a hidden window and returns the PDF of its paper; the window goes', async () => {
    const pdf = await render({ kind: 'audit-summary', target: jobId, paper: 'a4-portrait' });
    expect(Buffer.from(pdf)).toEqual(fake.printing.pdfBytes);
    const window = onlyPrintWindow();
    expect(window.loadedUrl).toBe(`${entryUrl}#/print/audit-summary/${jobId}?paper=a4-portrait`);
    const [options] = window.webContents.pdfCalls as { pageSize: { width: number; height: number } }[];
    expect(options!.pageSize.width).toBeCloseTo(210 / 25.4, 6);
    expect(window.destroyed).toBe(true);
  });

  test('a view that fails rejects with its sentence and writes nothing; a view never ready rejects too', async () => {
    fake.printing.pageState = { state: 'failed', reason: '无法生成打印内容：没有正在生成的审计包。' };
    await expect(render({ kind: 'audit-summary', target: jobId, paper: 'a4-portrait' })).rejects.toThrow(
      '无法生成打印内容：没有正在生成的审计包。',
    );
    expect(onlyPrintWindow().webContents.pdfCalls).toEqual([]);
    fake.printing.pageState = { state: 'drawing', reason: null };
    await expect(render({ kind: 'audit-summary', target: jobId, paper: 'a4-portrait' })).rejects.toThrow(/1 s/);
    expect(printWindows().every((w) => w.destroyed)).toBe(true);
  });
});
