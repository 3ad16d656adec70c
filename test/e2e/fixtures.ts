/**
 * UI-test fixtures: every test gets a fresh data folder with the REAL backend opened on it, and a
 * page showing the built renderer (out/renderer) over a tiny local HTTP server. The page reaches the
 * backend exactly as in Electron — `window.api`, a frozen object with one function per contract
 * channel — only the transport differs: a Playwright page binding instead of IPC.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { openBackendOrExplain, type Backend } from '../../electron/backend/index';
import { apiGlobalName } from '../../shared/api';
import { channels, type Channel, type ChannelInput, type ChannelOutput } from '../../shared/contract';

// RELIEF_RESERVE_OUT_DIR lets several builds (e.g. parallel work on separate screens) stand side by side.
const rendererDir = path.resolve(__dirname, '..', '..', process.env.RELIEF_RESERVE_OUT_DIR ?? 'out', 'renderer');
const bindingName = '__reliefReserveInvoke';
/** The file name the app uses in its data folder. */
export const databaseFileName = 'relief-reserve.db';

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

/** Serves a folder read-only on 127.0.0.1 at a free port; nothing outside the folder is reachable. */
async function serveFolder(root: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((request, response) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    } catch {
      response.writeHead(400).end();
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

/** Calls the backend directly (arranging data, checking what was stored); fails the test on a refusal. */
export async function backendCall<C extends Channel>(
  backend: Backend,
  channel: C,
  input?: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const result = await backend.invoke(channel, input);
  if (!result.ok) throw new Error(`${channel} refused: ${JSON.stringify(result.error)}`);
  return result.value as ChannelOutput<C>;
}

/** The application window as a keeper sees it: found by roles and labels, in either language. */
export class AppWindow {
  constructor(
    readonly page: Page,
    private readonly url: string,
  ) {}

  /** Opens the app, optionally straight at an area (`inventory`, `settings`…), and waits until it is drawn. */
  async open(area?: string): Promise<void> {
    await this.page.goto(area ? `${this.url}#/${area}` : this.url);
    // The first load parses the whole bundle: on a busy two-core machine that can take a while.
    await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 20_000 });
  }

  get navigation(): Locator {
    return this.page.getByRole('navigation');
  }

  /** Moves to an area by its name in the navigation. */
  async goTo(areaName: string): Promise<void> {
    await this.navigation.getByRole('link', { name: areaName, exact: true }).click();
    await expect(this.heading).toHaveText(areaName);
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  get statusBar(): Locator {
    return this.page.getByRole('contentinfo');
  }

  get grid(): Locator {
    return this.page.getByRole('grid');
  }

  /** Data rows of the grid: rows that hold cells (the header row holds column headers). */
  get gridRows(): Locator {
    return this.grid.getByRole('row').filter({ has: this.page.getByRole('gridcell') });
  }

  /** Writes a screenshot of the whole window to test-results/screenshots/<name>.png. */
  async screenshot(name: string): Promise<string> {
    const file = path.join(base.info().project.outputDir, 'screenshots', `${name}.png`);
    // Let fonts and the grid's layout settle so the picture shows what a keeper would see.
    await this.page.evaluate('document.fonts.ready.then(() => undefined)');
    await this.page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
    return file;
  }
}

interface Fixtures {
  /** Runs on the database file path before the backend opens it (e.g. to write a damaged file). */
  prepareDatabase: ((dbPath: string) => void) | undefined;
  /** Set to true in a test that expects the page to log errors. */
  allowPageErrors: boolean;
  dataDir: string;
  backend: Backend;
  app: AppWindow;
}

interface WorkerFixtures {
  rendererUrl: string;
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  prepareDatabase: [undefined, { option: true }],
  allowPageErrors: [false, { option: true }],

  rendererUrl: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from an object pattern.
    async ({}, use) => {
      if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
        throw new Error(`${rendererDir}/index.html is missing: run \`electron-vite build\` before the UI tests`);
      }
      const server = await serveFolder(rendererDir);
      await use(server.url);
      await server.close();
    },
    { scope: 'worker' },
  ],

  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from an object pattern.
  dataDir: async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relief-reserve-e2e-'));
    await use(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  },

  backend: async ({ dataDir, prepareDatabase }, use) => {
    const dbPath = path.join(dataDir, databaseFileName);
    prepareDatabase?.(dbPath);
    // The same opening the app does: a refused database yields a backend that explains why.
    const backend = openBackendOrExplain({ dbPath, appVersion: '0.1.0' });
    await use(backend);
    backend.close();
  },

  page: async ({ page, backend, allowPageErrors }, use) => {
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));

    await page.exposeBinding(bindingName, (_source, channel: string, input: unknown) => backend.invoke(channel, input));
    // The preload's shape: a frozen object, one function per channel, nothing else.
    await page.addInitScript(
      ({ names, binding, globalName }) => {
        const send = (channel: string, input: unknown) =>
          (globalThis as unknown as Record<string, (c: string, i: unknown) => Promise<unknown>>)[binding]!(
            channel,
            input,
          );
        const api = Object.freeze(
          Object.fromEntries(names.map((name) => [name, (input?: unknown) => send(name, input)])),
        );
        // In the page `globalThis` is `window`; written so, this file needs no DOM typings.
        Object.defineProperty(globalThis, globalName, { value: api, enumerable: true });
      },
      { names: channels as string[], binding: bindingName, globalName: apiGlobalName },
    );

    await use(page);

    if (!allowPageErrors) expect(problems, 'the page logged errors (CSP violations, exceptions…)').toEqual([]);
  },

  app: async ({ page, rendererUrl }, use) => {
    await use(new AppWindow(page, rendererUrl));
  },
});

export { expect };
