/**
 * Export jobs. `exports:start` checks the destination, opens a read-only connection of its own (its
 * snapshot holds for the whole export, and iterating it never blocks the app's connection, which keeps
 * posting), and returns at once; the rows are then streamed a chunk at a time, yielding to the event
 * loop between chunks so the window's calls are answered meanwhile. Every file is written under a
 * temporary name in the destination folder and renamed into place only when complete: a cancelled or
 * failed export removes its temporary files and leaves nothing behind. The window polls
 * `exports:progress` and may `exports:cancel`.
 *
 * The audit package's summary is a PDF drawn by its print view (`audit-summary`) through the renderer
 * the backend was opened with; the view reads the summary the job computed in its own snapshot
 * (`exports:audit-summary`). No renderer, or a view that fails, fails the job: no package without it.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import JSZip from 'jszip';
import type { AuditSummary, ExportJob, ExportRequest, ReportTableQuery } from '../../../shared/contract';
import type { AppError } from '../../../shared/errors';
import { translations } from '../../../shared/i18n';
import { stamp } from '../backup/files';
import { requireAbsolute } from '../backup/backups';
import { localDate } from '../clock';
import type { BackendContext, HandlersFor } from '../context';
import { DomainError } from '../errors';
import { uuidv7 } from '../ids';
import type { SettingsStore } from '../settings/settings';
import { verifyChain } from '../stock/ledger-chain';
import { yuanText } from './cells';
import {
  annualSheet,
  documentsSheet,
  emergencySheet,
  fill,
  inventorySheet,
  ledgerDetailSheet,
  ledgerSummarySheet,
  localDateTime,
  periodFigures,
  type Period,
  type ReportFrame,
} from './reports';
import { incidentSheets, readIncident, readStocktake, stocktakeSheet } from './results';
import { readSheet, writeCsv, writeXlsx, type SheetDefinition, type WriteControl } from './sheets';

/** Rows written between two yields to the event loop. */
export const defaultChunkRows = 500;

/** One file the export produces: written to `partial`, renamed to `final` when every file is complete. */
interface Output {
  final: string;
  partial: string;
  /** Temporary files the output writes on the way (the audit package's inner workbooks). */
  scratch: string[];
  write(partial: string, control: WriteControl): Promise<void>;
}

interface Job {
  id: string;
  kind: ExportJob['kind'];
  state: ExportJob['state'];
  rowsDone: number;
  rowsTotal: number;
  outputs: Output[];
  cancelRequested: boolean;
  error: AppError | null;
}

class Cancelled extends Error {}

function snapshot(job: Job): ExportJob {
  const files = job.outputs.map((o) => o.final);
  return {
    jobId: job.id,
    kind: job.kind,
    state: job.state,
    rowsDone: job.rowsDone,
    rowsTotal: job.rowsTotal,
    files,
    path: files[0] ?? '',
    error: job.error,
  };
}

/** The exports folder beside the database, used when the user names none. */
export function defaultExportFolder(dbPath: string): string {
  return path.join(path.dirname(dbPath), 'exports');
}

/** Characters Windows does not allow in a file name. */
// eslint-disable-next-line no-control-regex
const unsafeInName = /[<>:"/\\|?*\u0000-\u001F]/g;

export function createExports(ctx: BackendContext, settings: SettingsStore, options: { chunkRows?: number } = {}) {
  const jobs = new Map<string, Job>();
  /** The summaries of audit packages being drawn, by job: what their print view reads. */
  const summaries = new Map<string, AuditSummary>();
  const chunkRows = options.chunkRows ?? defaultChunkRows;

  /** The audit summary's print view as a PDF, drawn by the renderer the backend was given. */
  async function summaryPdf(jobId: string): Promise<Uint8Array> {
    if (!ctx.renderPdf) {
      throw new DomainError('export-pdf-unavailable', 'no PDF renderer: the audit summary cannot be drawn');
    }
    try {
      return await ctx.renderPdf({ kind: 'audit-summary', target: jobId, paper: 'a4-portrait' });
    } catch (err) {
      const reason = (err as Error)?.message ?? String(err);
      throw new DomainError('export-pdf-failed', `the audit summary PDF was not drawn: ${reason}`, { reason });
    }
  }

  function frameFor(db: Database.Database): ReportFrame {
    const s = settings.all();
    const t = translations[s.language];
    const now = ctx.now();
    return {
      db,
      texts: t.reports,
      common: t.common,
      translation: t,
      depotName: s.depotName,
      siteCode: ctx.siteCode(),
      generatedAt: localDateTime(now.toISOString()),
      operator: ctx.operator(),
      today: localDate(now),
    };
  }

  /** A file name in `folder` nobody has taken yet: stem, scope, time stamp, and -2, -3… if needed. */
  function freeName(folder: string, parts: string[], extension: string, taken: Set<string>): string {
    const base = parts.join('_').replace(unsafeInName, '-');
    for (let n = 1; ; n++) {
      const candidate = path.join(folder, `${base}${n > 1 ? `-${n}` : ''}.${extension}`);
      if (!taken.has(candidate) && !fs.existsSync(candidate) && !fs.existsSync(`${candidate}.partial`)) {
        taken.add(candidate);
        return candidate;
      }
    }
  }

  /** What to write for a request: the sheets per file, over the frame's snapshot. */
  function plan(
    jobId: string,
    request: ExportRequest,
    frame: ReportFrame,
    folder: string,
  ): { outputs: Output[]; total: number } {
    const t = frame.texts;
    const when = stamp(ctx.now());
    const taken = new Set<string>();
    const stem = t.files[request.kind];
    if (request.kind === 'audit') {
      const final = freeName(folder, [stem, request.from, request.to, when], 'zip', taken);
      return auditPlan(jobId, request, frame, folder, final);
    }
    // The sheets, and what the file name says they cover.
    const [sheets, scope] = ((): [SheetDefinition[], string[]] => {
      switch (request.kind) {
        case 'ledger':
          return [
            [ledgerSummarySheet(frame, request), ledgerDetailSheet(frame, request)],
            [request.from, request.to],
          ];
        case 'documents':
          return [[documentsSheet(frame, request)], [request.from, request.to]];
        case 'emergency':
          return [[emergencySheet(frame, request)], [request.from, request.to]];
        case 'inventory':
          return [[inventorySheet(frame, request.date)], [request.date]];
        case 'annual':
          return [[annualSheet(frame, request.year)], [String(request.year)]];
        case 'stocktake': {
          const data = readStocktake(frame, request.stocktakeId);
          return [[stocktakeSheet(frame, data)], [data.report.stocktake.number]];
        }
        case 'incident': {
          const report = readIncident(frame, request.incidentId);
          return [
            incidentSheets(frame, report),
            [report.incident.name, localDateTime(report.incident.startedAt).slice(0, 10)],
          ];
        }
      }
    })();
    const total = sheets.reduce((sum, s) => sum + s.count(), 0);
    if (request.format === 'xlsx') {
      const final = freeName(folder, [stem, ...scope, when], 'xlsx', taken);
      const write: Output['write'] = (p, c) => writeXlsx(p, sheets, c);
      return { total, outputs: [{ final, partial: `${final}.partial`, scratch: [], write }] };
    }
    // CSV holds one table: a workbook of several sheets becomes one file per sheet.
    const outputs = sheets.map((sheet): Output => {
      const final = freeName(
        folder,
        sheets.length > 1 ? [stem, sheet.name, ...scope, when] : [stem, ...scope, when],
        'csv',
        taken,
      );
      return { final, partial: `${final}.partial`, scratch: [], write: (p, c) => writeCsv(p, sheet, c) };
    });
    return { total, outputs };
  }

  /** The audit package: ledger and inventory workbooks, the chain verification and a summary, in one ZIP. */
  function auditPlan(jobId: string, period: Period, frame: ReportFrame, folder: string, final: string) {
    const t = frame.texts;
    const ledgerSheets = [ledgerSummarySheet(frame, period), ledgerDetailSheet(frame, period)];
    const inventory = [inventorySheet(frame, period.to)];
    const total = [...ledgerSheets, ...inventory].reduce((sum, s) => sum + s.count(), 0);
    const scope = `${period.from}_${period.to}`;
    const inner = {
      ledger: `${t.files.ledger}_${scope}.xlsx`,
      inventory: `${t.files.inventory}_${period.to}.xlsx`,
    };
    const output: Output = {
      final,
      partial: `${final}.partial`,
      scratch: [`${final}.partial.ledger`, `${final}.partial.inventory`],
      write: async (partial, control) => {
        const [ledgerFile, inventoryFile] = [`${partial}.ledger`, `${partial}.inventory`];
        await writeXlsx(ledgerFile, ledgerSheets, control);
        await writeXlsx(inventoryFile, inventory, control);
        // Verified in the export's snapshot: the head hash is that of the ledger the workbooks show.
        const chain = verifyChain(frame.db, frame.siteCode);
        const figures = periodFigures(frame, period);
        const zip = new JSZip();
        zip.file(inner.ledger, fs.createReadStream(ledgerFile));
        zip.file(inner.inventory, fs.createReadStream(inventoryFile));
        zip.file(t.files.chainReport, chainReport(frame, period, chain));
        summaries.set(
          jobId,
          auditSummary(frame, period, figures, chain, [...Object.values(inner), t.files.chainReport]),
        );
        zip.file(t.files.summary, await summaryPdf(jobId));
        const out = fs.createWriteStream(partial);
        await new Promise<void>((resolve, reject) => {
          out.on('error', reject);
          out.on('finish', resolve);
          zip
            .generateNodeStream({ type: 'nodebuffer', streamFiles: true, compression: 'DEFLATE' })
            .on('error', reject)
            .pipe(out);
        });
        await control.afterChunk(0);
      },
    };
    return { total, outputs: [output] };
  }

  function removeTemporaries(job: Job): void {
    for (const o of job.outputs) for (const f of [o.partial, ...o.scratch]) fs.rmSync(f, { force: true });
  }

  async function run(job: Job, db: Database.Database): Promise<void> {
    const control: WriteControl = {
      chunkRows,
      afterChunk: async (rows) => {
        job.rowsDone += rows;
        if (job.cancelRequested) throw new Cancelled();
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (job.cancelRequested) throw new Cancelled();
      },
    };
    const renamed: string[] = [];
    try {
      for (const output of job.outputs) await output.write(output.partial, control);
      for (const output of job.outputs) {
        fs.renameSync(output.partial, output.final);
        renamed.push(output.final);
      }
      for (const f of job.outputs.flatMap((o) => o.scratch)) fs.rmSync(f, { force: true });
      job.state = 'done';
    } catch (err) {
      try {
        removeTemporaries(job);
        // A file renamed before a later one failed is part of an incomplete set: it goes too.
        for (const f of renamed) fs.rmSync(f, { force: true });
      } catch (cleanup) {
        console.error('[backend] an unfinished export could not be removed', cleanup);
      }
      if (err instanceof Cancelled) {
        job.state = 'cancelled';
      } else if (err instanceof DomainError) {
        console.error(`[backend] export ${job.kind} failed`, err);
        job.state = 'failed';
        job.error = err.toAppError();
      } else {
        const reason = (err as Error)?.message ?? String(err);
        console.error(`[backend] export ${job.kind} failed`, err);
        job.state = 'failed';
        job.error = { code: 'export-failed', message: `the export failed: ${reason}`, details: { reason } };
      }
    } finally {
      summaries.delete(job.id);
      try {
        db.exec('COMMIT');
      } catch {
        // The snapshot's transaction may already be gone with a failed statement; closing ends it anyway.
      }
      db.close();
    }
  }

  function ensureWritable(folder: string, partials: string[]): void {
    const made: string[] = [];
    try {
      fs.mkdirSync(folder, { recursive: true });
      for (const p of partials) {
        fs.closeSync(fs.openSync(p, 'wx'));
        made.push(p);
      }
    } catch (err) {
      for (const p of made) fs.rmSync(p, { force: true });
      const reason = (err as Error).message;
      throw new DomainError('export-folder-unwritable', `cannot write to ${folder}: ${reason}`, { folder, reason });
    }
  }

  function find(jobId: string): Job {
    const job = jobs.get(jobId);
    if (!job) throw new DomainError('not-found', `no export job ${jobId}`, { entity: 'export', id: jobId });
    return job;
  }

  /** A report's sheet read whole in one read transaction of the app's connection: one snapshot for rows and totals. */
  function reportTable(query: ReportTableQuery) {
    const read = ctx.db.transaction(() => {
      const frame = frameFor(ctx.db);
      return readSheet(
        query.report === 'inventory' ? inventorySheet(frame, query.date) : ledgerSummarySheet(frame, query),
      );
    });
    return read.deferred();
  }

  const handlers: HandlersFor<
    'exports:start' | 'exports:progress' | 'exports:cancel' | 'exports:report-table' | 'exports:audit-summary'
  > = {
    'exports:start': (request) => {
      const folder = request.folder ? requireAbsolute(request.folder) : defaultExportFolder(ctx.dbPath);
      const db = new Database(ctx.dbPath, { readonly: true, fileMustExist: true });
      let job: Job;
      try {
        db.pragma('busy_timeout = 5000');
        // One read transaction for the whole export: every sheet and count sees the same ledger.
        db.exec('BEGIN');
        const frame = frameFor(db);
        const jobId = uuidv7();
        const { outputs, total } = plan(jobId, request, frame, folder);
        ensureWritable(
          folder,
          outputs.map((o) => o.partial),
        );
        job = {
          id: jobId,
          kind: request.kind,
          state: 'running',
          rowsDone: 0,
          rowsTotal: total,
          outputs,
          cancelRequested: false,
          error: null,
        };
      } catch (err) {
        db.close();
        throw err;
      }
      jobs.set(job.id, job);
      void run(job, db);
      return snapshot(job);
    },
    'exports:progress': ({ jobId }) => snapshot(find(jobId)),
    'exports:cancel': ({ jobId }) => {
      const job = find(jobId);
      if (job.state === 'running') job.cancelRequested = true;
      return snapshot(job);
    },
    'exports:report-table': (query) => reportTable(query),
    'exports:audit-summary': ({ jobId }) => {
      const summary = summaries.get(jobId);
      if (!summary) {
        throw new DomainError('not-found', `no audit package ${jobId} is being built`, { entity: 'export', id: jobId });
      }
      return summary;
    },
  };
  return { handlers };
}

function chainReport(f: ReportFrame, period: Period, chain: ReturnType<typeof verifyChain>): string {
  const a = f.texts.audit;
  const lines = [
    a.chainTitle,
    '',
    fill(f.texts.meta.depot, { name: f.depotName, site: f.siteCode }),
    fill(f.texts.meta.period, { ...period }),
    fill(f.texts.meta.generated, { at: f.generatedAt }),
    fill(f.texts.meta.operator, { name: f.operator }),
    '',
    chain.ok ? a.chainOk : fill(a.chainBroken, { seq: chain.firstBroken!.seq, reason: chain.firstBroken!.reason }),
    fill(a.chainSite, { site: chain.siteCode }),
    fill(a.chainEntries, { count: chain.entries }),
    fill(a.chainHead, { seq: chain.headSeq }),
    fill(a.chainHash, { hash: chain.headHash }),
    '',
    a.chainHow,
  ];
  // CRLF: the report is opened with Notepad on the auditors' Windows PCs.
  return lines.join('\r\n') + '\r\n';
}

/** The audit summary page's content, in the language of the package's other files. */
function auditSummary(
  f: ReportFrame,
  period: Period,
  figures: ReturnType<typeof periodFigures>,
  chain: ReturnType<typeof verifyChain>,
  contents: string[],
): AuditSummary {
  const a = f.texts.audit;
  const m = f.texts.meta;
  return {
    title: a.summaryTitle,
    meta: [
      fill(m.depot, { name: f.depotName, site: f.siteCode }),
      fill(m.period, { ...period }),
      fill(m.generated, { at: f.generatedAt }),
      fill(m.operator, { name: f.operator }),
    ],
    figures: [
      fill(a.documentsInPeriod, { count: figures.documents }),
      fill(a.entriesInPeriod, { count: figures.entries }),
      fill(a.items, { count: figures.itemsInStock }),
      fill(a.closingValue, { value: yuanText(figures.closingValueFen) }),
    ],
    chain: {
      ok: chain.ok,
      verdict: chain.ok
        ? a.chainOk
        : fill(a.chainBroken, { seq: chain.firstBroken!.seq, reason: chain.firstBroken!.reason }),
      siteCode: chain.siteCode,
      entries: chain.entries,
      headSeq: chain.headSeq,
      headHash: chain.headHash,
    },
    contents,
  };
}
