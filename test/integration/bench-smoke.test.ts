import { describe, expect, test } from 'vitest';
import { runBench } from '../../bench/run';
import { smokeSize } from '../../bench/generate';
import { makeTempDir } from '../fixtures/temp-dir';

/** The benchmark itself is `npm run bench`; this tiny pass keeps its code from rotting. */
describe('the benchmark at a tiny size', () => {
  test('generates a depot, measures every figure, and each figure is a finite positive number', async () => {
    const tmp = makeTempDir('relief-reserve-bench-');
    try {
      const result = await runBench({
        size: { ...smokeSize, items: 20, batches: 40, entries: 600 },
        workDir: tmp.dir,
        runs: 1,
        postings: 3,
        queries: 5,
        exportRows: 100,
        kills: 1,
        seed: 7,
      });
      expect(result.depot.entries).toBeGreaterThanOrEqual(500);
      expect(result.figures.length).toBeGreaterThanOrEqual(20);
      for (const f of result.figures) {
        expect(Number.isFinite(f.median) && f.median > 0, `${f.name}: ${f.median}`).toBe(true);
        if (f.ratio !== undefined) expect(f.ratio, f.name).toBeGreaterThan(0);
      }
      expect(result.figures.map((f) => f.name)).toEqual(
        expect.arrayContaining([
          'raw INSERT, one transaction (baseline)',
          'one 10-line dispatch, p99',
          'on-hand for one item, p99',
        ]),
      );
      // The auditors' export job itself, not only exceljs, is measured.
      expect(result.figures.some((f) => f.name.startsWith('ledger XLSX export (exports:start)'))).toBe(true);
    } finally {
      tmp.cleanup();
    }
  }, 120_000);
});

describe('the generator', () => {
  test('the same seed and size give the same depot', async () => {
    const { generateDepot } = await import('../../bench/generate');
    const Database = (await import('better-sqlite3')).default;
    const size = { ...smokeSize, items: 10, batches: 20, entries: 200 };
    const sums: string[] = [];
    for (const run of [1, 2]) {
      const tmp = makeTempDir(`relief-reserve-gen-${run}-`);
      try {
        const depot = await generateDepot(`${tmp.dir}/d.db`, size, 99);
        expect(depot.refused).toBe(0);
        const db = new Database(depot.dbPath, { readonly: true });
        sums.push(
          JSON.stringify(
            db
              .prepare(
                `SELECT i.code, d.number, e.quantity FROM ledger_entries e JOIN items i ON i.id = e.item_id
                 JOIN documents d ON d.id = e.document_id ORDER BY e.seq`,
              )
              .raw()
              .all(),
          ),
        );
        db.close();
      } finally {
        tmp.cleanup();
      }
    }
    expect(sums[0]).toBe(sums[1]);
  });
});

describe('the hot-path benchmark at a tiny size', () => {
  test('posting, dispatch, on-hand and verification each give finite positive figures, CPU time among them', async () => {
    const { runHotPaths } = await import('../../bench/hot-paths');
    const { generateDepot } = await import('../../bench/generate');
    const tmp = makeTempDir('relief-reserve-hot-');
    try {
      const depot = await generateDepot(
        `${tmp.dir}/depot.db`,
        { ...smokeSize, items: 20, batches: 40, entries: 600 },
        7,
      );
      const figures = await runHotPaths({
        depotPath: depot.dbPath,
        workDir: tmp.dir,
        runs: 1,
        postings: 2,
        queries: 5,
        only: ['posting', 'dispatch', 'on-hand', 'verify'],
        seed: 7,
      });
      for (const f of figures) expect(Number.isFinite(f.median) && f.median > 0, `${f.name}: ${f.median}`).toBe(true);
      const names = figures.map((f) => f.name.trim());
      expect(names).toEqual(
        expect.arrayContaining([
          'post 10-line receipts, one per transaction',
          'CPU time per line',
          'same, synchronous=OFF: CPU per line',
          'one 10-line dispatch, p99',
          'on-hand for one item, p99',
          'CPU time per entry',
        ]),
      );
    } finally {
      tmp.cleanup();
    }
  }, 120_000);
});
