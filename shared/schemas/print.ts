/**
 * Printing across the boundary: what to print (a print target of shared/print/jobs.ts), where to
 * (a printer, the system dialog, a PDF file), the print log and the per-kind print defaults.
 */
import { z } from 'zod';
import { printKinds } from '../print/jobs';
import { paperIds } from '../print/papers';

export const printKindSchema = z.enum(printKinds);
export const paperIdSchema = z.enum(paperIds);

/** How many copies one print asks for; a dispatch set is four parts, a stack of labels a few dozen. */
export const copiesSchema = z.number().int().min(1).max(99);

/** A printer as the operating system names it (deviceName), never a path or a URL. */
export const printerNameSchema = z.string().trim().min(1).max(200);

/** What to print: the same fields as PrintTarget, checked (target and params go into a URL). */
export const printTargetSchema = z
  .object({
    kind: printKindSchema,
    // A document id for slips; a label set's selection (shared/labels/selection.ts) for labels, up to
    // 200 records of about 90 characters each.
    target: z.string().trim().min(1).max(20_000),
    paper: paperIdSchema,
    params: z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9-]{0,31}$/), z.string().max(200)).optional(),
  })
  .strict();

/** A print job: the target, copies, and either the system dialog or silent printing to a named printer. */
export const printJobSchema = z
  .object({
    job: printTargetSchema,
    copies: copiesSchema,
    /** True prints straight to `printer` without a dialog; false opens the system print dialog. */
    silent: z.boolean(),
    /** Needed when silent; preselected in the dialog otherwise. */
    printer: printerNameSchema.nullable(),
  })
  .strict()
  .refine((job) => !job.silent || job.printer !== null, {
    message: 'silent printing needs a printer',
    path: ['printer'],
  });
export type PrintJob = z.infer<typeof printJobSchema>;

/** A PDF's file name as offered in the save dialog: a name, not a path. */
export const pdfFileNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .regex(/^[^/\\:*?"<>|]+\.pdf$/i, 'a file name ending in .pdf, without folders')
  .refine((name) => !/\p{Cc}/u.test(name), 'no control characters');

export const savePdfInputSchema = z.object({ job: printTargetSchema, fileName: pdfFileNameSchema }).strict();

/** Where a saved PDF went; null when the keeper cancelled the save dialog (nothing was written). */
export const savedPdfSchema = z.object({ path: z.string().nullable() });

export const printerSchema = z.object({
  /** The system name, passed as deviceName. */
  name: z.string(),
  /** What the keeper sees. */
  displayName: z.string(),
  isDefault: z.boolean(),
});
export type Printer = z.infer<typeof printerSchema>;

/** How a print left: the system dialog, silently to a printer, or as a PDF file. */
export const printVias = ['dialog', 'direct', 'pdf'] as const;

export const printRecordInputSchema = z
  .object({
    kind: printKindSchema,
    target: z.string().trim().min(1).max(200),
    paper: paperIdSchema,
    copies: copiesSchema,
    via: z.enum(printVias),
    /** The printer printed to directly; null for the dialog (the keeper chose there) and for PDF. */
    printer: printerNameSchema.nullable(),
  })
  .strict()
  .refine((r) => (r.via === 'direct') === (r.printer !== null), {
    message: 'a printer is named exactly when printing directly',
    path: ['printer'],
  });

export const printLogEntrySchema = z.object({
  id: z.string(),
  kind: printKindSchema,
  target: z.string(),
  /** The document printed, when the target is one. */
  documentId: z.string().nullable(),
  paper: paperIdSchema,
  copies: z.number().int(),
  via: z.enum(printVias),
  printer: z.string().nullable(),
  operator: z.string(),
  printedAt: z.string(),
  /** 1 for the first print of this target, 2 for the first reprint (补打 第1次)… */
  sequence: z.number().int(),
});
export type PrintLogEntry = z.infer<typeof printLogEntrySchema>;

export const printHistoryQuerySchema = z
  .object({ kind: printKindSchema, target: z.string().trim().min(1).max(200) })
  .strict();

export const printHistorySchema = z.object({ count: z.number().int(), entries: z.array(printLogEntrySchema) });

/** What the preview starts with for one kind of printout. */
export const printDefaultSchema = z
  .object({ printer: printerNameSchema.nullable(), paper: paperIdSchema, copies: copiesSchema })
  .strict();
export type PrintDefault = z.infer<typeof printDefaultSchema>;

export const printDefaultsSchema = z.partialRecord(printKindSchema, printDefaultSchema);
export type PrintDefaults = z.infer<typeof printDefaultsSchema>;
