/**
 * UI-test fixtures: every test gets a fresh data folder with the REAL backend opened on it, and a
 * page showing the built renderer (out/renderer) over a tiny local HTTP server. The page reaches the
 * backend exactly as in Electron — `window.api`, a frozen object with one function per contract
 * channel — only the transport differs: a Playwright page binding instead of IPC.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { openBackendOrExplain, type Backend } from '../../electron/backend/index';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract';
import { exposeBackend, pagePdfRenderer, rendererDir, serveFolder, type TestShell } from './harness';

/** The file name the app uses in its data folder. */
export const databaseFileName = 'relief-reserve.db';

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

/** The backend's clock in stories that date their postings: each happens at noon (Beijing time) of the day set. */
export class DepotClock {
  private at = new Date('2025-02-15T12:00:00+08:00');
  set(date: string): void {
    this.at = new Date(`${date}T12:00:00+08:00`);
  }
  now(): Date {
    return new Date(this.at);
  }
}

interface Fixtures {
  /** True: the backend's clock is `clock`, set by the story; false (default): the real time. */
  setClock: boolean;
  clock: DepotClock;
  /** Runs on the database file path before the backend opens it (e.g. to write a damaged file). */
  prepareDatabase: ((dbPath: string) => void) | undefined;
  /** Set to true in a test that expects the page to log errors. */
  allowPageErrors: boolean;
  /**
   * True (default): the backend acts as a signed-in admin, so stories about other screens start at the
   * desk. False: nobody is signed in and the story goes through first start / sign-in itself.
   */
  signedIn: boolean;
  dataDir: string;
  backend: Backend;
  /** The stand-in for main's print glue: PDFs saved under the data folder, print jobs recorded. */
  shell: TestShell;
  app: AppWindow;
}

interface WorkerFixtures {
  rendererUrl: string;
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  prepareDatabase: [undefined, { option: true }],
  allowPageErrors: [false, { option: true }],
  signedIn: [true, { option: true }],
  setClock: [false, { option: true }],
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from an object pattern.
  clock: async ({}, use) => {
    await use(new DepotClock());
  },

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

  backend: async ({ dataDir, prepareDatabase, signedIn, setClock, clock, context, rendererUrl }, use) => {
    const dbPath = path.join(dataDir, databaseFileName);
    prepareDatabase?.(dbPath);
    // The same opening the app does: a refused database yields a backend that explains why. Password
    // hashes use a lower scrypt cost here (a stored parameter of each hash, not another code path).
    // Its PDFs (the audit package's summary) are drawn in this test's browser, as main draws them.
    const backend: Backend = openBackendOrExplain({
      dbPath,
      appVersion: '0.1.0',
      passwordCost: 10,
      renderPdf: pagePdfRenderer(context, rendererUrl, () => backend),
      ...(setClock ? { now: () => clock.now() } : {}),
      ...(signedIn ? { role: 'admin' as const, operator: () => 'admin' } : {}),
    });
    await use(backend);
    backend.close();
  },

  shell: async ({ dataDir }, use) => {
    await use({ pdfDir: path.join(dataDir, 'pdf'), printed: [] });
  },

  page: async ({ page, backend, shell, allowPageErrors }, use) => {
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));

    await exposeBackend(page, backend, shell);

    await use(page);

    if (!allowPageErrors) expect(problems, 'the page logged errors (CSP violations, exceptions…)').toEqual([]);
  },

  app: async ({ page, rendererUrl }, use) => {
    await use(new AppWindow(page, rendererUrl));
  },
});

export { expect };
