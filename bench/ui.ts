/**
 * UI figures in Chromium with the built renderer and the real backend (as the UI tests run it):
 * time to the first usable screen on the five-year depot, and the inventory grid with 50,000 items —
 * load time and frame times while scrolling.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { openBackend, type Backend } from '../electron/backend/index';
import { chromiumLaunchOptions, exposeBackend, rendererDir, serveFolder } from '../test/e2e/harness';
import { generateDepot, smokeSize, type DepotSize } from './generate';
import { figure, percentile, time, withTarget, type Figure } from './measure';

/** A catalog as large as a provincial depot's: 50,000 items, a little stock. */
export const largeCatalogSize: DepotSize = {
  ...smokeSize,
  items: 50_000,
  batches: 2_000,
  entries: 10_000,
};

async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('navigation').waitFor();
  // Usable: the inventory grid shows its first rows.
  await page.locator('.ag-row').first().waitFor();
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

export async function measureUi(options: {
  depotPath: string;
  workDir: string;
  runs: number;
  largeCatalog: DepotSize;
  seed: number;
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
    figures.push(figure('first usable screen (five-year depot)', 'ms', first));

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
        loads.push(await time(() => openApp(page, server.url)));
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
  } finally {
    await browser.close();
    await server.close();
  }
  return figures;
}
