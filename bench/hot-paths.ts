/**
 * `npm run bench:hot`: the hot paths alone — posting, one dispatch, on-hand, chain verification — on a
 * medium depot (generated once into bench/tmp and reused, so before/after runs see the same file), with
 * CPU time per line beside wall time: on a machine shared with other work wall time is noisy, the CPU
 * time this process spent (process.cpuUsage) much less so. It also splits one-per-transaction posting
 * into its fsync part and its CPU part by running the same postings with synchronous=FULL and =OFF.
 *
 * Options: --entries N (default 100000), --postings N (10-line documents per run, default 200),
 * --runs N (default 5), --only posting,dispatch,on-hand,verify (default all), --json FILE.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { contract, type Channel, type ChannelInput, type ChannelOutput } from '../shared/contract';
import { openDatabase } from '../electron/backend/db/database';
import { createContext, createHandlers, openBackend, type Backend } from '../electron/backend/index';
import type { Handler } from '../electron/backend/context';
import { fullSize, generateDepot, random, type DepotSize } from './generate';
import { figure, percentile, table, type Figure } from './measure';

const here = path.dirname(fileURLToPath(import.meta.url));
const parts = ['posting', 'dispatch', 'on-hand', 'verify'] as const;
type Part = (typeof parts)[number];

export interface HotPathOptions {
  depotPath: string;
  workDir: string;
  runs: number;
  postings: number;
  queries: number;
  only: readonly Part[];
  seed: number;
  log?: (line: string) => void;
}

/** A medium depot: the five-year depot's catalog and master data, a tenth of its movements. */
export function mediumSize(entries: number): DepotSize {
  return { ...fullSize, batches: Math.round(entries / 25), entries, years: 2 };
}

async function call<C extends Channel>(
  backend: Backend,
  channel: C,
  input?: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const result = await backend.invoke(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

function copyDatabase(from: string, to: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(to + suffix, { force: true });
  fs.copyFileSync(from, to);
}

/** Wall and CPU milliseconds of an action (CPU: user + system time of this process). */
async function measure(action: () => unknown): Promise<{ wall: number; cpu: number }> {
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  await action();
  const wall = performance.now() - start;
  const cpu = process.cpuUsage(cpu0);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}

export async function runHotPaths(o: HotPathOptions): Promise<Figure[]> {
  const log = o.log ?? (() => {});
  fs.mkdirSync(o.workDir, { recursive: true });
  const figures: Figure[] = [];
  const meta = new Database(o.depotPath, { readonly: true });
  const itemIds = meta.prepare('SELECT DISTINCT item_id FROM stock_balances').pluck().all() as string[];
  const location = meta.prepare("SELECT id FROM locations WHERE kind = 'slot' LIMIT 1").pluck().get() as string;
  const source = meta.prepare("SELECT id FROM sources WHERE kind = 'city'").pluck().get() as string;
  const receivingUnit = meta
    .prepare("SELECT id FROM parties WHERE kind = 'receiving_unit' LIMIT 1")
    .pluck()
    .get() as string;
  const richest = meta
    .prepare('SELECT item_id FROM stock_balances GROUP BY item_id ORDER BY sum(quantity) DESC LIMIT 40')
    .pluck()
    .all() as string[];
  const entries = meta.prepare('SELECT count(*) FROM ledger_entries').pluck().get() as number;
  meta.close();
  const work = path.join(o.workDir, 'hot-work.db');
  const lines = o.postings * 10;
  // The same receipts in every run and every version of the code: drawn from a fixed seed.
  const receiptInputs = () => {
    const rand = random(o.seed);
    return Array.from({ length: o.postings }, () => ({
      kind: 'purchase' as const,
      sourceId: source,
      lines: Array.from({ length: 10 }, () => ({
        itemId: itemIds[Math.floor(rand() * itemIds.length)]!,
        units: 50,
        productionDate: '2026-11-01',
        locationId: location,
      })),
    }));
  };
  const perLine = (ms: number[]) => ms.map((m) => (m * 1000) / lines);

  if (o.only.includes('posting')) {
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let r = 0; r < o.runs; r++) {
      copyDatabase(o.depotPath, work);
      const backend = openBackend({ role: 'admin', dbPath: work });
      const inputs = receiptInputs();
      const m = await measure(async () => {
        for (const input of inputs) await call(backend, 'stock:post-receipt', input);
      });
      backend.close();
      wall.push(m.wall);
      cpu.push(m.cpu);
    }
    figures.push(
      figure(
        'post 10-line receipts, one per transaction',
        'lines/s',
        wall.map((w) => lines / (w / 1000)),
      ),
    );
    figures.push(figure('  wall time per line', 'µs', perLine(wall)));
    figures.push(figure('  CPU time per line', 'µs', perLine(cpu)));
    // The same postings with fsync off: the difference is what durability costs per transaction.
    const wallOff: number[] = [];
    const cpuOff: number[] = [];
    for (let r = 0; r < o.runs; r++) {
      copyDatabase(o.depotPath, work);
      const db = openDatabase(work);
      db.pragma('synchronous = OFF');
      const { ctx, settings } = createContext(db, { dbPath: work });
      const post = createHandlers(ctx, settings)['stock:post-receipt'] as Handler<'stock:post-receipt'>;
      const inputs = receiptInputs();
      // Parsed inside the loop, as invoke does for the FULL figures, so the two differ only in fsync.
      const m = await measure(() => {
        for (const input of inputs) post(contract['stock:post-receipt'].input.parse(input));
      });
      db.close();
      wallOff.push(m.wall);
      cpuOff.push(m.cpu);
    }
    figures.push(figure('  same, synchronous=OFF (not the app): wall per line', 'µs', perLine(wallOff)));
    figures.push(figure('  same, synchronous=OFF: CPU per line', 'µs', perLine(cpuOff)));

    const bulkWall: number[] = [];
    const bulkCpu: number[] = [];
    for (let r = 0; r < o.runs; r++) {
      copyDatabase(o.depotPath, work);
      const db = openDatabase(work);
      const { ctx, settings } = createContext(db, { dbPath: work });
      const post = createHandlers(ctx, settings)['stock:post-receipt'] as Handler<'stock:post-receipt'>;
      const inputs = receiptInputs().map((i) => contract['stock:post-receipt'].input.parse(i));
      const m = await measure(() =>
        db.transaction(() => {
          for (const input of inputs) post(input);
        })(),
      );
      db.close();
      bulkWall.push(m.wall);
      bulkCpu.push(m.cpu);
    }
    figures.push(
      figure(
        'bulk posting: all documents in one transaction',
        'lines/s',
        bulkWall.map((w) => lines / (w / 1000)),
      ),
    );
    figures.push(figure('  CPU time per line', 'µs', perLine(bulkCpu)));
    log('posting measured');
  }

  if (o.only.includes('dispatch')) {
    const p50: number[] = [];
    const p99: number[] = [];
    const cpu: number[] = [];
    for (let r = 0; r < o.runs; r++) {
      copyDatabase(o.depotPath, work);
      const backend = openBackend({ role: 'admin', dbPath: work });
      const times: number[] = [];
      const m = await measure(async () => {
        for (let i = 0; i < o.postings; i++) {
          const items = Array.from({ length: 10 }, (_, n) => richest[(i + n) % richest.length]!);
          const start = performance.now();
          await call(backend, 'stock:post-dispatch', {
            kind: 'distribution',
            receivingUnitId: receivingUnit,
            orderNo: `BENCH-${i}`,
            lines: items.map((itemId) => ({ itemId, units: 1 })),
          });
          times.push(performance.now() - start);
        }
      });
      backend.close();
      p50.push(percentile(times, 50));
      p99.push(percentile(times, 99));
      cpu.push(m.cpu / o.postings);
    }
    figures.push(figure('one 10-line dispatch, p50', 'ms', p50, { note: `${o.postings} per run` }));
    figures.push(figure('one 10-line dispatch, p99', 'ms', p99));
    figures.push(figure('  CPU time per dispatch', 'ms', cpu));
    log('dispatch measured');
  }

  if (o.only.includes('on-hand') || o.only.includes('verify')) {
    copyDatabase(o.depotPath, work);
    const backend = openBackend({ role: 'admin', dbPath: work });
    if (o.only.includes('on-hand')) {
      const rand = random(o.seed + 1);
      const p50: number[] = [];
      const p99: number[] = [];
      const cpu: number[] = [];
      for (let r = 0; r < o.runs; r++) {
        const times: number[] = [];
        const m = await measure(async () => {
          for (let i = 0; i < o.queries; i++) {
            const itemId = itemIds[Math.floor(rand() * itemIds.length)]!;
            const start = performance.now();
            await call(backend, 'stock:on-hand', { itemId });
            times.push(performance.now() - start);
          }
        });
        p50.push(percentile(times, 50));
        p99.push(percentile(times, 99));
        cpu.push(m.cpu / o.queries);
      }
      figures.push(figure('on-hand for one item, p50', 'ms', p50, { note: `${o.queries} per run` }));
      figures.push(figure('on-hand for one item, p99', 'ms', p99));
      figures.push(figure('  CPU time per query', 'ms', cpu));
      log('on-hand measured');
    }
    if (o.only.includes('verify')) {
      const wall: number[] = [];
      const cpu: number[] = [];
      for (let r = 0; r < o.runs; r++) {
        let ok = false;
        const m = await measure(async () => (ok = (await call(backend, 'ledger:verify-chain')).ok));
        if (!ok) throw new Error('the chain of the medium depot does not verify');
        wall.push(m.wall);
        cpu.push(m.cpu);
      }
      figures.push(figure(`verify the hash chain of ${entries.toLocaleString()} entries`, 'ms', wall));
      figures.push(
        figure(
          '  CPU time per entry',
          'µs',
          cpu.map((c) => (c * 1000) / entries),
        ),
      );
      log('verification measured');
    }
    backend.close();
  }
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(work + suffix, { force: true });
  return figures;
}

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const entries = Number(option('entries') ?? 100_000);
  const seed = 20261128;
  const workDir = path.resolve(here, 'tmp');
  const depotPath = path.join(workDir, `depot-${entries}-${seed}.db`);
  if (!fs.existsSync(depotPath)) {
    console.log(`generating a depot of ${entries.toLocaleString()} entries into ${depotPath}…`);
    const tmp = `${depotPath}.partial`;
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(tmp + suffix, { force: true });
    await generateDepot(tmp, mediumSize(entries), seed);
    fs.renameSync(tmp, depotPath);
  }
  const only = (option('only')?.split(',') ?? parts) as Part[];
  for (const p of only) if (!parts.includes(p)) throw new Error(`--only takes ${parts.join(',')}; got ${p}`);
  const figures = await runHotPaths({
    depotPath,
    workDir,
    runs: Number(option('runs') ?? 5),
    postings: Number(option('postings') ?? 200),
    queries: Number(option('queries') ?? 1000),
    only,
    seed,
    log: (line) => console.log(line),
  });
  console.log(table(figures));
  const json = option('json');
  if (json)
    fs.writeFileSync(json, JSON.stringify({ date: new Date().toISOString(), depotPath, figures }, null, 2) + '\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
