/** Exports: the reports auditors and the superior bureau take away as XLSX or CSV, and the audit package. */
import { z } from 'zod';
import { dateSchema, idSchema } from './common';
import { localPathSchema } from './backup';

export const exportKinds = [
  'ledger',
  'inventory',
  'documents',
  'emergency',
  'annual',
  'audit',
  'stocktake',
  'incident',
] as const;
export type ExportKind = (typeof exportKinds)[number];

export const exportFormats = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** Exports over a period (from–to, local calendar days, both included). */
const periodKinds = ['ledger', 'documents', 'emergency', 'audit'] as const;

const common = {
  format: z.enum(exportFormats).default('xlsx'),
  /** The folder to write into (e.g. a USB stick); the `exports` folder beside the data file when omitted. */
  folder: localPathSchema.optional(),
};

const period = z
  .object({ kind: z.enum(periodKinds), from: dateSchema, to: dateSchema, ...common })
  .strict()
  .refine((p) => p.from <= p.to, { message: 'the period ends before it starts', path: ['to'] });

export const exportRequestSchema = z.union([
  period,
  z.object({ kind: z.literal('inventory'), date: dateSchema, ...common }).strict(),
  z.object({ kind: z.literal('annual'), year: z.number().int().min(1970).max(2199), ...common }).strict(),
  /** 盘点结果: one count session's variances, whatever its status. */
  z.object({ kind: z.literal('stocktake'), stocktakeId: idSchema, ...common }).strict(),
  /** 事件出库报告: what left for one incident, by receiving unit and item, and its dispatches. */
  z.object({ kind: z.literal('incident'), incidentId: idSchema, ...common }).strict(),
]);
export type ExportRequest = z.infer<typeof exportRequestSchema>;

export const exportStates = ['running', 'done', 'cancelled', 'failed'] as const;

export const exportJobSchema = z.object({
  jobId: idSchema,
  kind: z.enum(exportKinds),
  state: z.enum(exportStates),
  rowsDone: z.number().int(),
  rowsTotal: z.number().int(),
  /** The files the export writes, full paths; they exist only once the state is `done`. */
  files: z.array(z.string()),
  /** The first of `files` (the activity log names it). */
  path: z.string(),
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }).nullable(),
});
export type ExportJob = z.infer<typeof exportJobSchema>;

export const exportJobQuerySchema = z.object({ jobId: idSchema }).strict();

/** The reports that are also printed (as PDF through the print views), read by the same code as their XLSX. */
export const reportTableQuerySchema = z.discriminatedUnion('report', [
  z
    .object({ report: z.literal('ledger-summary'), from: dateSchema, to: dateSchema })
    .strict()
    .refine((p) => p.from <= p.to, { message: 'the period ends before it starts', path: ['to'] }),
  z.object({ report: z.literal('inventory'), date: dateSchema }).strict(),
]);
export type ReportTableQuery = z.infer<typeof reportTableQuerySchema>;

/** A report as a table: what the XLSX writer would write, cell by cell, with its totals row. */
export const reportTableSchema = z.object({
  /** The report's title, then depot and scope, then generated-at and operator: the workbook's title rows. */
  title: z.array(z.string()),
  columns: z.array(
    z.object({
      header: z.string(),
      type: z.enum(['text', 'quantity', 'integer', 'money', 'date']),
      total: z.boolean(),
    }),
  ),
  /** Money in fen, quantities in base units, dates as YYYY-MM-DD. */
  rows: z.array(z.array(z.union([z.string(), z.number(), z.null()]))),
  /** The totals row: its label, then the sum of each totalled column (null where the column is not summed). */
  totals: z.object({ label: z.string(), sums: z.array(z.number().nullable()) }).nullable(),
});
export type ReportTable = z.infer<typeof reportTableSchema>;

/** What the audit package's summary page shows, read in the package's own snapshot of the ledger. */
export const auditSummarySchema = z.object({
  title: z.string(),
  /** Depot, period, generated-at and operator, as the package's other files state them. */
  meta: z.array(z.string()),
  figures: z.array(z.string()),
  chain: z.object({
    ok: z.boolean(),
    /** The verification's outcome in words (passed, or the first entry that does not match). */
    verdict: z.string(),
    siteCode: z.string(),
    entries: z.number().int(),
    headSeq: z.number().int(),
    headHash: z.string(),
  }),
  /** The other files in the package. */
  contents: z.array(z.string()),
});
export type AuditSummary = z.infer<typeof auditSummarySchema>;
