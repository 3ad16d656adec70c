/**
 * `npm run bench`: how fast Relief Reserve is at five years of data, against the physical limit of
 * this machine measured in the same run. Prints a table and writes bench/results.json.
 *
 * Environment: BENCH_SIZE=smoke for a quick pass; BENCH_RUNS (default 5); BENCH_KEEP=1 keeps bench/tmp.
 */
import { spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { contract, type Channel, type ChannelInput, type ChannelOutput } from '../shared/contract';
import { openDatabase } from '../electron/backend/db/database';
import { createContext, createHandlers, openBackend, type Backend } from '../electron/backend/index';
import type { Handler } from '../electron/backend/context';
import { fullSize, generateDepot, random, smokeSize, type DepotSize } from './generate';
import { figure, percentile, table, time, withTarget, type Figure } from './measure';
import { largeCatalogSize, measureUi } from './ui';
import { measureLedgerExport } from './exports';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface BenchOptions {
  size: DepotSize;
  workDir: string;
  runs: number;
  /** 10-line documents posted per run. */
  postings: number;
  /** Point queries per run. */
  queries: number;
  /** Rows of the XLSX export measure. */
  exportRows: number;
  /** Scans per run for scan-to-row latency (default 100). */
  scans?: number;
  /** Kills in the crash-recovery measure. */
  kills: number;
  seed: number;
  /** The large catalog for the UI measures; without it the window is not measured. */
  ui?: DepotSize;
  log?: (line: string) => void;
}

export interface BenchResult {
  machine: { cpus: string; cores: number; memoryGiB: number; platform: string; node: string; sqlite: string };
  date: string;
  size: DepotSize;
  depot: { entries: number; documents: number; generatedInSeconds: number | null; fileMiB: number };
  figures: Figure[];
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

/** The physical limit: plain INSERTs of rows as wide as ledger entries, in one transaction, fsync on commit. */
function rawInsertRowsPerSecond(dir: string, rows: number): number {
  const file = path.join(dir, 'raw.db');
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`CREATE TABLE raw (id TEXT PRIMARY KEY, site_code TEXT, seq INTEGER, document_id TEXT, line_id TEXT,
    item_id TEXT, batch_id TEXT, location_id TEXT, source_id TEXT, quantity INTEGER, balance_after INTEGER,
    operator TEXT, posted_at TEXT, prev_hash TEXT, hash TEXT)`);
  const insert = db.prepare('INSERT INTO raw VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)');
  const hash = 'a'.repeat(64);
  const values = Array.from({ length: rows }, (_, i) => [
    randomUUID(),
    'BENCH-01',
    i + 1,
    randomUUID(),
    randomUUID(),
    randomUUID(),
    randomUUID(),
    randomUUID(),
    randomUUID(),
    -5,
    100,
    '保管员',
    new Date().toISOString(),
    hash,
    hash,
  ]);
  const start = performance.now();
  db.transaction(() => {
    for (const v of values) insert.run(v);
  })();
  const seconds = (performance.now() - start) / 1000;
  db.close();
  return rows / seconds;
}

export async function runBench(o: BenchOptions): Promise<BenchResult> {
  const log = o.log ?? (() => {});
  fs.mkdirSync(o.workDir, { recursive: true });
  const figures: Figure[] = [];
  const repeat = async (n: number, action: (i: number) => Promise<number> | number) => {
    const values: number[] = [];
    for (let i = 0; i < n; i++) values.push(await action(i));
    return values;
  };

  // — the depot at size —
  const depotPath = path.join(o.workDir, `depot-${o.size.entries}-${o.seed}.db`);
  let generatedInSeconds: number | null = null;
  if (!fs.existsSync(depotPath)) {
    log(`generating ${o.size.entries.toLocaleString()} ledger entries…`);
    const tmp = `${depotPath}.partial`;
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(tmp + suffix, { force: true });
    const started = performance.now();
    await generateDepot(tmp, o.size, o.seed);
    generatedInSeconds = (performance.now() - started) / 1000;
    fs.renameSync(tmp, depotPath);
  }
  const meta = new Database(depotPath, { readonly: true });
  const entries = meta.prepare('SELECT count(*) FROM ledger_entries').pluck().get() as number;
  const documents = meta.prepare('SELECT count(*) FROM documents').pluck().get() as number;
  const sqlite = meta.prepare('SELECT sqlite_version()').pluck().get() as string;
  const itemIds = meta.prepare('SELECT DISTINCT item_id FROM stock_balances').pluck().all() as string[];
  const entryIds = meta.prepare('SELECT id FROM ledger_entries ORDER BY random() LIMIT 2000').pluck().all() as string[];
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
  meta.close();
  const fileMiB = fs.statSync(depotPath).size / 2 ** 20;
  log(`depot: ${entries.toLocaleString()} entries, ${documents.toLocaleString()} documents, ${fileMiB.toFixed(0)} MiB`);
  const rand = random(o.seed + 1);
  const anyItem = () => itemIds[Math.floor(rand() * itemIds.length)]!;

  // — writes —
  const lines = o.postings * 10;
  const raw = await repeat(o.runs, () => rawInsertRowsPerSecond(o.workDir, lines));
  const rawFigure = figure('raw INSERT, one transaction (baseline)', 'rows/s', raw);
  figures.push(rawFigure);

  const work = path.join(o.workDir, 'work.db');
  const receiptInput = () => ({
    kind: 'purchase' as const,
    sourceId: source,
    lines: Array.from({ length: 10 }, () => ({
      itemId: anyItem(),
      units: 50,
      productionDate: '2026-11-01',
      locationId: location,
    })),
  });
  const posting = await repeat(o.runs, async () => {
    copyDatabase(depotPath, work);
    const backend = openBackend({ role: 'admin', dbPath: work });
    const ms = await time(async () => {
      for (let i = 0; i < o.postings; i++) await call(backend, 'stock:post-receipt', receiptInput());
    });
    backend.close();
    return lines / (ms / 1000);
  });
  figures.push(
    withTarget(
      figure('post 10-line receipts, one per transaction', 'lines/s', posting, {
        baseline: 'raw INSERT',
        ratio: 0, // filled below
      }),
      '>=',
      0.25 * rawFigure.median,
    ),
  );
  figures[figures.length - 1]!.ratio = figures[figures.length - 1]!.median / rawFigure.median;

  const bulk = await repeat(o.runs, () => {
    copyDatabase(depotPath, work);
    const db = openDatabase(work);
    const { ctx, settings } = createContext(db, { dbPath: work });
    const handlers = createHandlers(ctx, settings);
    const post = handlers['stock:post-receipt'] as Handler<'stock:post-receipt'>;
    const inputs = Array.from({ length: o.postings }, () => contract['stock:post-receipt'].input.parse(receiptInput()));
    const start = performance.now();
    db.transaction(() => {
      for (const input of inputs) post(input);
    })();
    const seconds = (performance.now() - start) / 1000;
    db.close();
    return lines / seconds;
  });
  figures.push(
    figure('bulk posting: all documents in one transaction', 'lines/s', bulk, {
      baseline: 'raw INSERT',
      ratio: 0,
    }),
  );
  figures[figures.length - 1]!.ratio = figures[figures.length - 1]!.median / rawFigure.median;

  // One 10-line dispatch at full size: FEFO allocation, checks, ledger, chain, fsync.
  copyDatabase(depotPath, work);
  let backend = openBackend({ role: 'admin', dbPath: work });
  const dispatchTimes: number[] = [];
  for (let i = 0; i < o.postings; i++) {
    const items = Array.from({ length: 10 }, (_, n) => richest[(i + n) % richest.length]!);
    dispatchTimes.push(
      await time(() =>
        call(backend, 'stock:post-dispatch', {
          kind: 'distribution',
          receivingUnitId: receivingUnit,
          orderNo: `BENCH-${i}`,
          lines: items.map((itemId) => ({ itemId, units: 1 })),
        }),
      ),
    );
  }
  figures.push(
    figure('one 10-line dispatch, p50', 'ms', [percentile(dispatchTimes, 50)], {
      note: `${dispatchTimes.length} dispatches`,
    }),
  );
  figures.push(withTarget(figure('one 10-line dispatch, p99', 'ms', [percentile(dispatchTimes, 99)]), '<', 10));
  backend.close();

  // — reads at full size —
  copyDatabase(depotPath, work);
  backend = openBackend({ role: 'admin', dbPath: work });
  const direct = new Database(work, { readonly: true });
  const byId = direct.prepare('SELECT * FROM ledger_entries WHERE id = ?');
  const pointBaseline: number[] = [];
  for (let i = 0; i < o.queries; i++) {
    const id = entryIds[i % entryIds.length]!;
    pointBaseline.push(await time(() => byId.get(id)));
  }
  const pointBase = percentile(pointBaseline, 50);
  figures.push(figure('primary-key lookup of one ledger row (baseline), p50', 'ms', [pointBase]));
  const onHand: number[] = [];
  for (let i = 0; i < o.queries; i++)
    onHand.push(await time(() => call(backend, 'stock:on-hand', { itemId: anyItem() })));
  figures.push(
    figure('on-hand for one item, p50', 'ms', [percentile(onHand, 50)], {
      baseline: 'PK lookup',
      ratio: pointBase / percentile(onHand, 50),
    }),
  );
  figures.push(withTarget(figure('on-hand for one item, p99', 'ms', [percentile(onHand, 99)]), '<', 1));

  const scan = await repeat(o.runs, () => time(() => direct.prepare('SELECT sum(quantity) FROM ledger_entries').get()));
  const scanFigure = figure('full scan sum(quantity) of the ledger (baseline)', 'ms', scan);
  figures.push(scanFigure);
  const asOf = await repeat(o.runs * 2, () => time(() => call(backend, 'stock:as-of', { date: '2024-06-30' })));
  figures.push(
    figure('stock as of a past date, all items, p50', 'ms', [percentile(asOf, 50)], {
      baseline: 'full scan',
      ratio: scanFigure.median / percentile(asOf, 50),
    }),
  );
  figures.push(figure('stock as of a past date, all items, p99', 'ms', [percentile(asOf, 99)]));
  const card = await repeat(Math.min(o.queries, 200), () =>
    time(() => call(backend, 'stock:card', { itemId: anyItem() })),
  );
  figures.push(figure("an item's stock card, p50", 'ms', [percentile(card, 50)]));
  figures.push(figure("an item's stock card, p99", 'ms', [percentile(card, 99)]));
  const expiring = await repeat(o.runs * 4, () => time(() => call(backend, 'stock:expiring', { withinDays: 90 })));
  figures.push(figure('expiring within 90 days, p50', 'ms', [percentile(expiring, 50)]));
  figures.push(figure('expiring within 90 days, p99', 'ms', [percentile(expiring, 99)]));
  // The home screen asks these three on every visit.
  for (const [name, channel] of [
    ['home: coverage per category', 'dashboard:coverage'],
    ['home: in and out per month, 12 months', 'dashboard:movements'],
    ['home: expiry timeline', 'dashboard:expiry-timeline'],
  ] as const) {
    const ms = await repeat(o.runs * 2, () => time(() => call(backend, channel)));
    figures.push(figure(`${name}, p50`, 'ms', [percentile(ms, 50)]));
  }

  // Chain verification against hashing alone.
  const hashOnly = await repeat(o.runs, () =>
    time(() => {
      let prev = '';
      for (let i = 0; i < entries; i++)
        prev = createHash('sha256')
          .update(prev + 'x'.repeat(300))
          .digest('hex');
      return prev;
    }),
  );
  const hashFigure = figure(`sha256 of ${entries.toLocaleString()} 300-byte records (baseline)`, 'ms', hashOnly);
  figures.push(hashFigure);
  const verify = await repeat(o.runs, () => time(() => call(backend, 'ledger:verify-chain')));
  figures.push(
    figure(`verify the hash chain of ${entries.toLocaleString()} entries`, 'ms', verify, {
      baseline: 'sha256 only',
      ratio: hashFigure.median / figure('', '', verify).median,
    }),
  );
  direct.close();
  backend.close();

  const opens = await repeat(o.runs, () =>
    time(() => {
      const b = openBackend({ role: 'admin', dbPath: work });
      b.close();
    }),
  );
  figures.push(figure('open the database (quick_check, migrations check)', 'ms', opens));
  figures.push(figure('database size on disk', 'MiB', [fileMiB]));

  // — XLSX export: the auditors' ledger export job against exceljs writing the same rows alone —
  figures.push(...(await measureLedgerExport(depotPath, o.workDir, o.exportRows, o.runs)));

  // — the window: Chromium with the built renderer and the real backend —
  if (o.ui)
    figures.push(
      ...(await measureUi({
        depotPath,
        workDir: o.workDir,
        runs: o.runs,
        largeCatalog: o.ui,
        seed: o.seed,
        scans: o.scans ?? 100,
      })),
    );

  // — crash recovery: open after SIGKILL during a burst of postings —
  const recoveries = await repeat(o.kills, () => recoveryAfterKill(depotPath, work));
  figures.push(figure('open after a SIGKILL during a posting burst', 'ms', recoveries));

  if (!process.env.BENCH_KEEP) {
    for (const f of fs.readdirSync(o.workDir))
      // Recursive: opening an older depot file backs it up into a backups folder beside it first.
      if (!f.startsWith('depot-')) fs.rmSync(path.join(o.workDir, f), { force: true, recursive: true });
  }
  return {
    machine: {
      cpus: os.cpus()[0]?.model ?? 'unknown',
      cores: os.cpus().length,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      platform: `${os.platform()} ${os.release()}`,
      node: process.version,
      sqlite,
    },
    date: new Date().toISOString(),
    size: o.size,
    depot: { entries, documents, generatedInSeconds, fileMiB },
    figures,
  };
}

/** Starts a child posting in a loop on a copy of the depot, kills it mid-burst, times the next open. */
async function recoveryAfterKill(depotPath: string, work: string): Promise<number> {
  copyDatabase(depotPath, work);
  const meta = new Database(work, { readonly: true });
  const depot = {
    items: meta.prepare('SELECT id FROM items LIMIT 20').pluck().all(),
    sources: meta.prepare("SELECT id FROM sources WHERE kind <> 'donation' LIMIT 2").pluck().all(),
    locations: meta.prepare("SELECT id FROM locations WHERE kind = 'slot' LIMIT 4").pluck().all(),
    receivingUnit: meta.prepare("SELECT id FROM parties WHERE kind = 'receiving_unit' LIMIT 1").pluck().get(),
  };
  meta.close();
  const fixtures = path.resolve(here, '../test/fixtures');
  await new Promise<void>((resolve) => {
    const child = spawn(
      process.execPath,
      [
        '--experimental-transform-types',
        '--no-warnings',
        '--import',
        path.join(fixtures, 'ts-resolve.mjs'),
        path.join(fixtures, 'crash-child.ts'),
        work,
        JSON.stringify(depot),
        '7',
      ],
      { stdio: ['ignore', 'pipe', 'ignore'] },
    );
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', () => (timer ??= setTimeout(() => child.kill('SIGKILL'), 150)));
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  return time(() => openBackend({ role: 'admin', dbPath: work }).close());
}

async function main(): Promise<void> {
  const smoke = process.env.BENCH_SIZE === 'smoke';
  const runs = Number(process.env.BENCH_RUNS ?? (smoke ? 2 : 5));
  const result = await runBench({
    size: smoke ? smokeSize : fullSize,
    workDir: path.resolve(here, 'tmp'),
    runs,
    postings: smoke ? 20 : 200,
    queries: smoke ? 50 : 1000,
    exportRows: smoke ? 2_000 : 100_000,
    scans: smoke ? 5 : 100,
    kills: smoke ? 2 : 5,
    seed: 20261128,
    ui: smoke ? { ...largeCatalogSize, items: 2_000, batches: 200, entries: 1_000 } : largeCatalogSize,
    log: (line) => console.log(line),
  });
  const text = table(result.figures);
  console.log(
    `\n${result.machine.cpus} × ${result.machine.cores}, ${result.machine.memoryGiB} GiB, Node ${result.machine.node}, SQLite ${result.machine.sqlite}`,
  );
  console.log(text);
  if (!smoke) fs.writeFileSync(path.resolve(here, 'results.json'), JSON.stringify(result, null, 2) + '\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
