/**
 * UI figures in Chromium with the built renderer and the real backend (as the UI tests run it):
 * time to the first usable screen on the five-year depot, the inventory grid with 50,000 items —
 * load time and frame times while scrolling — and scan-to-row: a scanner's burst on Receive until the
 * frame that shows the new count.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { openBackend, type Backend } from '../electron/backend/index';
import { chromiumLaunchOptions, exposeBackend, rendererDir, serveFolder } from '../test/e2e/harness';
import { focusNowhere, scan } from '../test/e2e/scanner';
import { generateDepot, smokeSize, type DepotSize } from './generate';
import { figure, percentile, time, withTarget, type Figure } from './measure';

/** A catalog as large as a provincial depot's: 50,000 items, a little stock. */
export const largeCatalogSize: DepotSize = {
  ...smokeSize,
  items: 50_000,
  batches: 2_000,
  entries: 10_000,
};

/**
 * Opens the window at an area and waits until it is usable: the home screen (where the app opens)
 * when its coverage table is drawn, the inventory when its grid shows its first rows.
 */
async function openApp(page: Page, url: string, area: 'home' | 'inventory' = 'home'): Promise<void> {
  await page.goto(area === 'home' ? url : `${url}#/inventory`);
  await page.getByRole('navigation').waitFor();
  await page
    .locator(area === 'home' ? '.home-coverage' : '.ag-row')
    .first()
    .waitFor({ timeout: 120_000 });
}

/** Frame-to-frame times (ms) while the grid scrolls 400 px per frame for `frames` frames. */
async function scrollFrames(page: Page, frames: number): Promise<number[]> {
  // Runs in the page; written as source text so this Node-side file needs no DOM typings.
  const deltas = (await page.evaluate(`(async () => {
    const viewport = document.querySelector('.ag-grid-viewport') ?? document.querySelector('.ag-body-viewport');
    if (!viewport) throw new Error('no grid viewport');
    const deltas = [];
    let last = performance.now();
    await new Promise((resolve) => {
      let n = 0;
      const step = (t) => {
        deltas.push(t - last);
        last = t;
        viewport.scrollTop += 400;
        if (++n < ${frames}) requestAnimationFrame(step);
        else resolve();
      };
      requestAnimationFrame(step);
    });
    return deltas;
  })()`)) as number[];
  return deltas.slice(3); // the first frames include the start-up of the loop
}

/** A barcode of the GS1 examples: valid check digit, outside the generated catalog's 69… range. */
const benchBarcode = '9501101530003';

/**
 * Milliseconds from each scan's Enter reaching the window to the animation frame in which the line's
 * count shows the new total, for `scans` scans of one item on Receive with the focus nowhere.
 */
async function scanToRow(page: Page, backend: Backend, url: string, scans: number): Promise<number[]> {
  const created = await backend.invoke('catalog:create-item', {
    code: `BENCH-SCAN-${Date.now()}`,
    name: '扫码基准物资',
    baseUnit: '件',
    packSize: 1,
  });
  if (!created.ok) throw new Error(`bench item: ${created.error.code}`);
  const barcode = await backend.invoke('catalog:add-barcode', {
    itemId: created.value.id,
    barcode: benchBarcode,
    quantity: 1,
  });
  if (!barcode.ok) throw new Error(`bench barcode: ${barcode.error.code}`);
  // Registered before the app's own capture listener, so it sees the Enter the capture then stops.
  await page.addInitScript(`window.addEventListener('keydown', (e) => {
    if (e.code === 'Enter') window.__benchEnterAt = performance.now();
  }, true);`);
  await page.goto(`${url}#/receive`);
  await page.getByRole('region', { name: '扫码' }).waitFor();
  const units = page.getByRole('textbox', { name: /^第 1 行：数量：散件数/ });
  await units.waitFor();
  await focusNowhere(page);
  const latencies: number[] = [];
  for (let i = 1; i <= scans; i++) {
    await scan(page, benchBarcode, 3);
    latencies.push(
      await units.evaluate((el, expected) => {
        // Runs in the page; typed by hand because this Node-side file has no DOM typings.
        const page = globalThis as unknown as {
          __benchEnterAt: number;
          requestAnimationFrame(callback: (at: number) => void): void;
        };
        return new Promise<number>((resolve) => {
          const check = (at: number) => {
            if ((el as unknown as { value: string }).value === String(expected)) resolve(at - page.__benchEnterAt);
            else page.requestAnimationFrame(check);
          };
          page.requestAnimationFrame(check);
        });
      }, i),
    );
  }
  return latencies;
}

export async function measureUi(options: {
  depotPath: string;
  workDir: string;
  runs: number;
  largeCatalog: DepotSize;
  seed: number;
  /** Scans for the scan-to-row figure. */
  scans: number;
}): Promise<Figure[]> {
  if (!fs.existsSync(path.join(rendererDir, 'index.html')))
    throw new Error(`build the renderer first (${rendererDir})`);
  const server = await serveFolder(rendererDir);
  const browser = await chromium.launch(chromiumLaunchOptions());
  const figures: Figure[] = [];
  const withPage = async (dbPath: string, action: (page: Page, backend: Backend) => Promise<number | number[]>) => {
    const backend = openBackend({ role: 'admin', dbPath });
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await exposeBackend(page, backend);
    try {
      return await action(page, backend);
    } finally {
      await context.close();
      backend.close();
    }
  };
  try {
    const first: number[] = [];
    for (let i = 0; i < options.runs; i++) {
      first.push((await withPage(options.depotPath, (page) => time(() => openApp(page, server.url)))) as number);
    }
    figures.push(figure('first usable screen: home with coverage (five-year depot)', 'ms', first));

    const large = path.join(options.workDir, `catalog-${options.largeCatalog.items}-${options.seed}.db`);
    if (!fs.existsSync(large)) {
      const partial = `${large}.partial`;
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(partial + suffix, { force: true });
      await generateDepot(partial, options.largeCatalog, options.seed);
      fs.renameSync(partial, large);
    }
    const loads: number[] = [];
    const frames: number[] = [];
    for (let i = 0; i < options.runs; i++) {
      await withPage(large, async (page) => {
        loads.push(await time(() => openApp(page, server.url, 'inventory')));
        frames.push(...(await scrollFrames(page, 120)));
        return 0;
      });
    }
    figures.push(figure(`inventory grid with ${options.largeCatalog.items.toLocaleString()} items: load`, 'ms', loads));
    figures.push(
      withTarget(
        figure('inventory grid scrolling: frame time p95', 'ms', [percentile(frames, 95)], {
          note: `${frames.length} frames`,
        }),
        '<',
        20,
      ),
    );

    const scanLatencies: number[] = [];
    // Each run scans on a fresh copy of the depot: the bench item and its barcode are created anew.
    const scanDb = path.join(options.workDir, 'scan.db');
    for (let i = 0; i < options.runs; i++) {
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(scanDb + suffix, { force: true });
      fs.copyFileSync(options.depotPath, scanDb);
      scanLatencies.push(
        ...((await withPage(scanDb, (page, backend) =>
          scanToRow(page, backend, server.url, options.scans),
        )) as number[]),
      );
    }
    figures.push(
      figure('scan to row visible (Receive): p50', 'ms', [percentile(scanLatencies, 50)], {
        note: `${scanLatencies.length} scans`,
      }),
      withTarget(
        figure('scan to row visible (Receive): p95', 'ms', [percentile(scanLatencies, 95)], {
          note: `${scanLatencies.length} scans`,
        }),
        '<',
        50,
      ),
    );
  } finally {
    await browser.close();
    await server.close();
  }
  return figures;
}
