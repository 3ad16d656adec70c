/**
 * The ledger XLSX export at size: our export job (`exports:start`, polled to the end, as the window does)
 * writing the period's summary and movement sheets, against the baseline of exceljs' streaming writer
 * writing the same movement rows with none of our code (no titles, formats, neutralisation, totals, widths,
 * snapshot or temp-file rename). Time and peak memory (process RSS sampled every 20 ms, and maxRSS).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { openBackend, type Backend } from '../electron/backend/index';
import { endOfLocalDay, localDate, startOfLocalDay } from '../electron/backend/clock';
import { figure, withTarget, type Figure } from './measure';

/** The shortest period of whole days, ending at the last posting, that holds at least `rows` movements. */
function periodOf(depotPath: string, rows: number): { from: string; to: string; movements: number } {
  const db = new Database(depotPath, { readonly: true });
  try {
    const last = db.prepare('SELECT max(posted_at) FROM ledger_entries').pluck().get() as string;
    const first = db
      .prepare('SELECT posted_at FROM ledger_entries ORDER BY posted_at DESC LIMIT 1 OFFSET ?')
      .pluck()
      .get(Math.max(0, rows - 1)) as string | undefined;
    const from = localDate(new Date(first ?? last));
    const to = localDate(new Date(last));
    const movements = db
      .prepare('SELECT count(*) FROM ledger_entries WHERE posted_at >= ? AND posted_at < ?')
      .pluck()
      .get(startOfLocalDay(from), endOfLocalDay(to)) as number;
    return { from, to, movements };
  } finally {
    db.close();
  }
}

/** Runs `action` while sampling the process RSS; returns its time and the peak RSS in MiB. */
async function measured(action: () => Promise<void>): Promise<{ ms: number; peakMiB: number }> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const start = performance.now();
  try {
    await action();
  } finally {
    clearInterval(sampler);
  }
  const ms = performance.now() - start;
  return { ms, peakMiB: Math.max(peak, process.memoryUsage().rss) / 2 ** 20 };
}

async function exportWithOurCode(backend: Backend, folder: string, period: { from: string; to: string }) {
  const started = await backend.invoke('exports:start', { kind: 'ledger', format: 'xlsx', ...period, folder });
  if (!started.ok) throw new Error(`exports:start: ${started.error.code} ${started.error.message}`);
  for (;;) {
    const job = await backend.invoke('exports:progress', { jobId: started.value.jobId });
    if (!job.ok) throw new Error(`exports:progress: ${job.error.code}`);
    if (job.value.state === 'done') return job.value.path;
    if (job.value.state !== 'running') throw new Error(`export ${job.value.state}: ${JSON.stringify(job.value.error)}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** exceljs alone: the same movement rows of the same period, streamed as they come from SQLite. */
async function exportWithExcelJsOnly(depotPath: string, file: string, period: { from: string; to: string }) {
  const db = new Database(depotPath, { readonly: true });
  try {
    const select = db.prepare(
      `SELECT e.seq, e.posted_at, d.doc_date, d.number, d.kind, d.subkind, i.code, i.name, i.base_unit,
         b.batch_no, l.code, s.name, e.quantity, e.operator, d.remarks
       FROM ledger_entries e JOIN documents d ON d.id = e.document_id JOIN items i ON i.id = e.item_id
       JOIN batches b ON b.id = e.batch_id JOIN locations l ON l.id = e.location_id JOIN sources s ON s.id = e.source_id
       WHERE e.posted_at >= ? AND e.posted_at < ? ORDER BY i.code, e.seq`,
    );
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
    const sheet = workbook.addWorksheet('台账明细');
    let n = 0;
    for (const row of select.raw().iterate(startOfLocalDay(period.from), endOfLocalDay(period.to)) as Iterable<
      unknown[]
    >) {
      sheet.addRow(row).commit();
      if (++n % 5000 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    sheet.commit();
    await workbook.commit();
  } finally {
    db.close();
  }
}

/** The ledger export of about `rows` movements: ours and the exceljs-only baseline, `runs` times each. */
export async function measureLedgerExport(
  depotPath: string,
  workDir: string,
  rows: number,
  runs: number,
): Promise<Figure[]> {
  const { movements, ...period } = periodOf(depotPath, rows);
  // A copy: each export is logged in the activity log, and the generated depot is reused by later runs.
  const dbPath = path.join(workDir, 'exports.db');
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(dbPath + suffix, { force: true });
  fs.copyFileSync(depotPath, dbPath);
  const folder = path.join(workDir, 'exports');
  const baselineFile = path.join(workDir, 'ledger-exceljs-only.xlsx');
  const ours: { ms: number; peakMiB: number }[] = [];
  const baseline: { ms: number; peakMiB: number }[] = [];
  const backend = openBackend({ role: 'auditor', dbPath });
  try {
    for (let r = 0; r < runs; r++) {
      fs.rmSync(folder, { recursive: true, force: true });
      fs.rmSync(baselineFile, { force: true });
      // Alternated, so neither always runs on the memory the other left behind.
      if (r % 2 === 0) {
        ours.push(await measured(async () => void (await exportWithOurCode(backend, folder, period))));
        baseline.push(await measured(() => exportWithExcelJsOnly(depotPath, baselineFile, period)));
      } else {
        baseline.push(await measured(() => exportWithExcelJsOnly(depotPath, baselineFile, period)));
        ours.push(await measured(async () => void (await exportWithOurCode(backend, folder, period))));
      }
    }
  } finally {
    backend.close();
    fs.rmSync(folder, { recursive: true, force: true });
    for (const f of [baselineFile, dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) fs.rmSync(f, { force: true });
  }
  const n = movements.toLocaleString('en-US');
  const baselineTime = figure(
    '',
    'ms',
    baseline.map((m) => m.ms),
  ).median;
  const baselinePeak = figure(
    '',
    'MiB',
    baseline.map((m) => m.peakMiB),
  ).median;
  const maxRss = process.resourceUsage().maxRSS / 1024;
  return [
    figure(
      `ledger XLSX, exceljs alone, ${n} movement rows (baseline)`,
      'ms',
      baseline.map((m) => m.ms),
    ),
    withTarget(
      figure(
        `ledger XLSX export (exports:start), ${n} movements + summary`,
        'ms',
        ours.map((m) => m.ms),
        {
          baseline: 'exceljs alone',
          ratio:
            baselineTime /
            figure(
              '',
              'ms',
              ours.map((m) => m.ms),
            ).median,
        },
      ),
      '<',
      10_000,
    ),
    withTarget(
      figure(
        'peak memory of that export (process RSS)',
        'MiB',
        ours.map((m) => m.peakMiB),
        {
          baseline: 'exceljs alone',
          ratio:
            baselinePeak /
            figure(
              '',
              'MiB',
              ours.map((m) => m.peakMiB),
            ).median,
          note: `process maxRSS so far ${Math.round(maxRss)} MiB`,
        },
      ),
      '<',
      500,
    ),
  ];
}

/**
 * `npm run bench:exports`: this measure on its own, on a depot of 120,000 entries (one year), without
 * the million-entry depot of the full bench. BENCH_EXPORT_ROWS (default 100,000), BENCH_RUNS (default 3).
 */
async function main(): Promise<void> {
  const { generateDepot, fullSize } = await import('./generate');
  const { table } = await import('./measure');
  const here = path.dirname(fileURLToPath(import.meta.url));
  const workDir = path.join(here, 'tmp');
  fs.mkdirSync(workDir, { recursive: true });
  const size = { ...fullSize, entries: 120_000, years: 1 };
  const depotPath = path.join(workDir, `depot-${size.entries}-exports.db`);
  if (!fs.existsSync(depotPath)) {
    console.log(`generating ${size.entries.toLocaleString('en-US')} ledger entries…`);
    await generateDepot(`${depotPath}.partial`, size, 20261128);
    fs.renameSync(`${depotPath}.partial`, depotPath);
  }
  const rows = Number(process.env.BENCH_EXPORT_ROWS ?? 100_000);
  const figures = await measureLedgerExport(depotPath, workDir, rows, Number(process.env.BENCH_RUNS ?? 3));
  console.log(table(figures));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
