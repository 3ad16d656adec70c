/**
 * How a page gets the app's renderer and the real backend outside Electron: the built renderer over a
 * local HTTP server, and `window.api` built over a Playwright page binding with the preload's shape.
 * Used by the UI-test fixtures and by the UI benchmark.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { BrowserContext, Page } from '@playwright/test';
import type { Backend, PdfRenderer } from '../../electron/backend/index';
import { printOptionsFor } from '../../electron/main/print-options';
import { apiGlobalName } from '../../shared/api';
import { apiChannels, isShellChannel, shellContract, type ShellChannel } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import { printHash, type PrintTarget } from '../../shared/print/jobs';
import type { Printer, PrintJob } from '../../shared/schemas/print';

const bindingName = '__reliefReserveInvoke';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/**
 * Large backend answers waiting for their page to fetch them, by one-time id. A page binding carries its
 * value through Playwright's protocol, which takes seconds for megabytes (the 50,000-item inventory is
 * 15 MB) where Electron's IPC takes a fraction of one; over the page's own HTTP server they arrive as
 * fast as IPC would bring them, so tests and the bench see the window's own speed.
 */
const answers = new Map<string, string>();
const answerPath = '/__answer/';
/** Answers above this size go over HTTP; smaller ones stay in the binding (one round trip). */
const answerOverHttpBytes = 64 * 1024;

/**
 * Serves a folder read-only on 127.0.0.1 at a free port; nothing outside the folder is reachable. It
 * also hands out the large backend answers `exposeBackend` leaves for the page (same origin, so the
 * window's content security policy lets it fetch them).
 */
export async function serveFolder(root: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((request, response) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    } catch {
      response.writeHead(400).end();
      return;
    }
    if (pathname.startsWith(answerPath) && request.method === 'GET') {
      const id = pathname.slice(answerPath.length);
      const answer = answers.get(id);
      answers.delete(id);
      if (answer === undefined) response.writeHead(404).end();
      else {
        const body = Buffer.from(answer);
        response
          .writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length })
          .end(body);
      }
      return;
    }
    const file = path.resolve(root, '.' + (pathname === '/' ? '/index.html' : pathname));
    if (!file.startsWith(root + path.sep) || request.method !== 'GET') {
      response.writeHead(403).end();
      return;
    }
    fs.readFile(file, (err, body) => {
      if (err) {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      response
        .writeHead(200, {
          'content-type': contentTypes[path.extname(file)] ?? 'application/octet-stream',
          'cache-control': 'no-store',
        })
        .end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}

/** Two printers every UI test's PC has: a dot-matrix for three-part forms and a thermal receipt printer. */
export const testPrinters: readonly Printer[] = [
  { name: 'EPSON_LQ_630K', displayName: 'EPSON LQ-630K', isDefault: true },
  { name: 'Deli_DL_888B', displayName: 'Deli DL-888B', isDefault: false },
];

/** A print job the test printers received, with the exact options Electron's webContents.print would get. */
export interface RecordedPrint {
  job: PrintJob;
  options: ReturnType<typeof printOptionsFor>;
}

/**
 * What stands in for Electron's main process in a browser: the shell's print channels. PDFs are really
 * rendered (the same print route in a new page, page.pdf with the CSS page size) into `pdfDir`; printing
 * records the job once the route has drawn it; the printers are `testPrinters`.
 */
export interface TestShell {
  pdfDir: string;
  printed: RecordedPrint[];
}

const printReadyTimeoutMs = 30_000;

/** Draws a printout in its own page, as main's hidden window does, and hands the page to `use`. */
async function withPrintout<T>(
  context: BrowserContext,
  backend: Backend,
  baseUrl: string,
  target: PrintTarget,
  use: (page: Page) => Promise<Result<T>>,
): Promise<Result<T>> {
  const page = await context.newPage();
  try {
    await exposeBackend(page, backend);
    await page.goto(`${baseUrl}${printHash(target)}`);
    const root = page.locator('html');
    try {
      await page
        .locator('html[data-print-state="ready"], html[data-print-state="failed"]')
        .waitFor({ state: 'attached', timeout: printReadyTimeoutMs });
    } catch {
      const seconds = printReadyTimeoutMs / 1000;
      return {
        ok: false,
        error: { code: 'print-timeout', message: `not ready within ${seconds} s`, details: { seconds } },
      };
    }
    const state = await root.getAttribute('data-print-state');
    if (state === 'failed') {
      const reason = (await page.getByRole('alert').textContent()) ?? '';
      return {
        ok: false,
        error: { code: 'print-view-failed', message: `the print view failed: ${reason}`, details: { reason } },
      };
    }
    return await use(page);
  } finally {
    await page.close();
  }
}

/**
 * The backend's PDF renderer in a browser, as main's hidden window is in the app: the print route in a
 * page of its own, page.pdf with the CSS page size. `backend` is asked late: the renderer is handed to
 * the backend it serves while that backend is being opened.
 */
export function pagePdfRenderer(context: BrowserContext, baseUrl: string, backend: () => Backend): PdfRenderer {
  return async (target) => {
    const drawn = await withPrintout(context, backend(), baseUrl, target, async (page) => ({
      ok: true,
      value: await page.pdf({ preferCSSPageSize: true, printBackground: true }),
    }));
    if (!drawn.ok) {
      const reason = (drawn.error.details as { reason?: string } | undefined)?.reason;
      throw new Error(reason || drawn.error.message);
    }
    return drawn.value;
  };
}

async function answerShell(
  shell: TestShell,
  backend: Backend,
  callerPage: Page,
  channel: ShellChannel,
  input: unknown,
): Promise<Result<unknown>> {
  const parsed = shellContract[channel].input.safeParse(input);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message }));
    return { ok: false, error: { code: 'invalid-input', message: `invalid input for ${channel}`, details } };
  }
  const baseUrl = callerPage.url().split('#')[0]!;
  const context = callerPage.context();
  switch (channel) {
    case 'print:printers':
      return { ok: true, value: testPrinters.map((p) => ({ ...p })) };
    case 'print:print': {
      const job = parsed.data as PrintJob;
      if (job.silent && !testPrinters.some((p) => p.name === job.printer)) {
        const message = `no printer named ${job.printer}`;
        return { ok: false, error: { code: 'printer-not-found', message, details: { printer: job.printer } } };
      }
      return withPrintout(context, backend, baseUrl, job.job, async () => {
        shell.printed.push({ job, options: printOptionsFor(job) });
        return { ok: true, value: { printed: true } };
      });
    }
    case 'print:save-pdf': {
      const { job, fileName } = parsed.data as { job: PrintTarget; fileName: string };
      const file = path.join(shell.pdfDir, fileName);
      return withPrintout(context, backend, baseUrl, job, async (page) => {
        fs.mkdirSync(shell.pdfDir, { recursive: true });
        await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
        return { ok: true, value: { path: file } };
      });
    }
  }
}

/**
 * Gives the page `window.api` exactly as the preload does — frozen, one function per channel — over a
 * binding. Backend channels go to the real backend; the shell's print channels to `shell` when given.
 * Answers cross as one JSON string parsed in the page (Playwright's own value serialisation walks every
 * property over the protocol), and large ones over the page's HTTP server (see `answers`).
 */
export async function exposeBackend(page: Page, backend: Backend, shell?: TestShell): Promise<void> {
  const answer = (result: unknown): string | { fetch: string } => {
    const text = JSON.stringify(result);
    if (text.length <= answerOverHttpBytes) return text;
    const id = randomUUID();
    answers.set(id, text);
    return { fetch: `${answerPath}${id}` };
  };
  await page.exposeBinding(bindingName, async (source, channel: string, input: unknown) => {
    if (!isShellChannel(channel)) return answer(await backend.invoke(channel, input));
    if (shell === undefined) {
      return answer({ ok: false, error: { code: 'internal', message: `${channel}: this page has no print shell` } });
    }
    return answer(await answerShell(shell, backend, source.page, channel, input));
  });
  await page.addInitScript(
    ({ names, binding, globalName }) => {
      type Answer = string | { fetch: string };
      const send = async (channel: string, input: unknown): Promise<unknown> => {
        const invoke = (globalThis as unknown as Record<string, (c: string, i: unknown) => Promise<Answer>>)[binding]!;
        const answer = await invoke(channel, input);
        if (typeof answer === 'string') return JSON.parse(answer);
        const fetchAnswer = (globalThis as unknown as { fetch(url: string): Promise<{ json(): Promise<unknown> }> })
          .fetch;
        return (await fetchAnswer(answer.fetch)).json();
      };
      const api = Object.freeze(
        Object.fromEntries(names.map((name) => [name, (input?: unknown) => send(name, input)])),
      );
      // In the page `globalThis` is `window`; written so, this file needs no DOM typings.
      Object.defineProperty(globalThis, globalName, { value: api, enumerable: true });
    },
    { names: [...apiChannels] as string[], binding: bindingName, globalName: apiGlobalName },
  );
}

/** Chromium launch options: Debian's Chromium where installed (these machines cannot download Playwright's). */
export function chromiumLaunchOptions(): { executablePath?: string; args?: string[] } {
  const systemChromium = '/usr/bin/chromium';
  if (!fs.existsSync(systemChromium)) return {};
  return {
    executablePath: systemChromium,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  };
}

/**
 * The built renderer's folder, from the project root the npm scripts run in (this file is loaded both as
 * CommonJS by Playwright and as an ES module by the benchmark, so it cannot rely on __dirname).
 * RELIEF_RESERVE_OUT_DIR lets several builds stand side by side.
 */
export const rendererDir = path.resolve(process.env.RELIEF_RESERVE_OUT_DIR ?? 'out', 'renderer');
