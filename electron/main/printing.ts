/**
 * The print glue: printers, printing and saving PDFs, answered in main because they need Electron.
 * A printout is drawn by the renderer's own print route (`#/print/<kind>/<target>?paper=…`) in a hidden
 * window with the main window's secure preferences; once the page says `data-print-ready="true"` it is
 * printed with the paper's exact size or written as a PDF. Every outcome is a Result: a view that
 * cannot draw, a timeout, a cancelled dialog or a refusing printer come back as translated codes.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import type { IpcMainInvokeEvent, SaveDialogOptions, WebContents } from 'electron';
import type { AppError, Result } from '../../shared/errors';
import type { z } from 'zod';
import type { ChannelOutput, ShellChannel, ShellContract } from '../../shared/contract';
import type { PrintJob } from '../../shared/schemas/print';
import type { PdfRenderer } from '../backend/index';
import { printHash, type PrintTarget } from '../../shared/print/jobs';
import { papers } from '../../shared/print/papers';
import { pdfOptionsFor, printOptionsFor } from './print-options';
import { secureWebPreferences } from './window';

/** Each shell channel's handler: parsed input and the calling page in, a Result out, never a throw. */
export type ShellHandlers = {
  [C in ShellChannel]: (
    input: z.output<ShellContract[C]['input']>,
    event: IpcMainInvokeEvent,
  ) => Promise<Result<ChannelOutput<C>>>;
};

export interface PrintingOptions {
  preloadPath: string;
  /** The renderer's entry page (app://renderer/index.html or the dev server); the print hash is appended. */
  entryUrl: string;
  /** How long a printout may take to draw before the job is given up. */
  readyTimeoutMs?: number;
  /** How often the hidden page is asked whether it is ready. */
  pollMs?: number;
}

const defaultReadyTimeoutMs = 30_000;

function failure(code: AppError['code'], message: string, details?: Record<string, unknown>): Result<never> {
  return { ok: false, error: details === undefined ? { code, message } : { code, message, details } };
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** What the print route announces on <html>: drawing, ready, or failed with the alert's sentence. */
const readStateScript = `(() => {
  const state = document.documentElement.dataset.printState ?? 'drawing';
  const ready = document.documentElement.dataset.printReady === 'true';
  const alert = document.querySelector('[role="alert"]');
  return { state: ready ? 'ready' : state, reason: alert ? alert.textContent : '' };
})()`;

interface PageState {
  state: string;
  reason: string | null;
}

/** Waits until the page is ready; a failed view or the timeout become error Results. */
async function awaitReady(contents: WebContents, timeoutMs: number, pollMs: number): Promise<Result<true>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const page = (await contents.executeJavaScript(readStateScript, false)) as PageState;
    if (page.state === 'ready') return { ok: true, value: true };
    if (page.state === 'failed') {
      const reason = page.reason ?? '';
      return failure('print-view-failed', `the print view failed: ${reason}`, { reason });
    }
    if (Date.now() >= deadline) {
      const seconds = Math.ceil(timeoutMs / 1000);
      return failure('print-timeout', `the print view was not ready within ${seconds} s`, { seconds });
    }
    await delay(pollMs);
  }
}

function printWith(contents: WebContents, job: PrintJob): Promise<Result<{ printed: true }>> {
  return new Promise((resolve) => {
    contents.print(printOptionsFor(job), (success, failureReason) => {
      if (success) resolve({ ok: true, value: { printed: true } });
      else if (/cancel/i.test(failureReason)) resolve(failure('print-cancelled', failureReason));
      else resolve(failure('print-failed', `printing failed: ${failureReason}`, { reason: failureReason }));
    });
  });
}

/** Draws a printout in a hidden window and hands its page to `use`; the window never outlives the call. */
async function drawPrintout<T>(
  options: PrintingOptions,
  target: PrintTarget,
  use: (contents: WebContents) => Promise<Result<T>>,
): Promise<Result<T>> {
  const readyTimeoutMs = options.readyTimeoutMs ?? defaultReadyTimeoutMs;
  const pollMs = options.pollMs ?? 100;
  const paper = papers[target.paper];
  const window = new BrowserWindow({
    show: false,
    // Roughly the sheet at 96 dpi: the layout does not depend on it (pages are sized in mm).
    width: Math.ceil((paper.widthMm / 25.4) * 96) + 40,
    height: Math.ceil((paper.heightMm / 25.4) * 96) + 40,
    // Chromium throttles timers and frames of hidden pages; a printout must finish drawing unseen.
    webPreferences: { ...secureWebPreferences(options.preloadPath, false), backgroundThrottling: false },
  });
  try {
    await window.loadURL(`${options.entryUrl}${printHash(target)}`);
    const ready = await awaitReady(window.webContents, readyTimeoutMs, pollMs);
    if (!ready.ok) return ready;
    return await use(window.webContents);
  } catch (err) {
    console.error('[main] printing failed', err);
    return failure('print-failed', `printing failed: ${describe(err)}`, { reason: describe(err) });
  } finally {
    if (!window.isDestroyed()) window.destroy();
  }
}

/**
 * Draws print views as PDF for the backend (the audit package's summary): the same hidden window, readiness
 * wait and PDF options as "save as PDF". A view that fails or times out rejects with its reason.
 */
export function createPdfRenderer(options: PrintingOptions): PdfRenderer {
  return async (target) => {
    const drawn = await drawPrintout(options, target, async (contents) => ({
      ok: true,
      value: await contents.printToPDF(pdfOptionsFor(target.paper)),
    }));
    if (!drawn.ok) {
      const reason = (drawn.error.details as { reason?: string } | undefined)?.reason;
      throw new Error(reason || drawn.error.message);
    }
    return drawn.value;
  };
}

/** The shell's print handlers. Each job gets its own hidden window, destroyed afterwards whatever happened. */
export function createPrinting(options: PrintingOptions): ShellHandlers {
  const withPrintout = <T>(target: PrintTarget, use: (contents: WebContents) => Promise<Result<T>>) =>
    drawPrintout(options, target, use);

  async function installedPrinters(contents: WebContents) {
    const printers = await contents.getPrintersAsync();
    return printers.map((p) => ({
      name: p.name,
      displayName: p.displayName || p.name,
      // Electron reports the default in the platform-specific options (CUPS, Windows spooler).
      isDefault:
        (p as { isDefault?: boolean }).isDefault === true ||
        (p.options as Record<string, string> | undefined)?.['is-default'] === 'true',
    }));
  }

  return {
    'print:printers': async (_input, event) => {
      try {
        return { ok: true, value: await installedPrinters(event.sender) };
      } catch (err) {
        return failure('print-failed', `cannot list printers: ${describe(err)}`, { reason: describe(err) });
      }
    },

    'print:print': async (job, event) => {
      // Silent printing to a name the system does not know would go to the default printer instead.
      if (job.silent && job.printer !== null) {
        const known = await installedPrinters(event.sender).catch(() => []);
        if (!known.some((p) => p.name === job.printer)) {
          return failure('printer-not-found', `no printer named ${job.printer}`, { printer: job.printer });
        }
      }
      return withPrintout(job.job, (contents) => printWith(contents, job));
    },

    'print:save-pdf': async ({ job, fileName }, event) => {
      const parent = BrowserWindow.fromWebContents(event.sender);
      const saveOptions: SaveDialogOptions = {
        defaultPath: path.join(app.getPath('documents'), fileName),
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
        properties: ['showOverwriteConfirmation', 'createDirectory'],
      };
      // Modal to the asking window when there is one.
      const choice = parent
        ? await dialog.showSaveDialog(parent, saveOptions)
        : await dialog.showSaveDialog(saveOptions);
      if (choice.canceled || !choice.filePath) return { ok: true, value: { path: null } };
      const filePath = choice.filePath;
      return withPrintout(job, async (contents) => {
        const pdf = await contents.printToPDF(pdfOptionsFor(job.paper));
        try {
          await writeFile(filePath, pdf);
        } catch (err) {
          return failure('pdf-write-failed', `cannot write ${filePath}: ${describe(err)}`, {
            path: filePath,
            reason: describe(err),
          });
        }
        return { ok: true, value: { path: filePath } };
      });
    },
  };
}
