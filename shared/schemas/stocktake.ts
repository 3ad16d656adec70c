/** Stocktake (盘点): count sessions, counts, recounts, the variance report and its approval. */
import { z } from 'zod';
import { countSchema, idSchema, requiredText, text } from './common';
import { adjustmentReasons } from './stock';

export const stocktakeScopeKinds = ['full', 'location', 'category', 'source'] as const;
export const stocktakeStatuses = ['counting', 'approved', 'cancelled'] as const;
export const thresholdKinds = ['absolute', 'percent'] as const;

/** What a session counts: everything, or the stock of one location (a zone takes its slots), category or source. */
export const stocktakeScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('full') }).strict(),
  z.object({ kind: z.enum(['location', 'category', 'source']), id: idSchema }).strict(),
]);
export type StocktakeScope = z.infer<typeof stocktakeScopeSchema>;

/** Lines whose variance exceeds this are counted again: by base units, or by percent of the system quantity. */
export const varianceThresholdSchema = z
  .object({ kind: z.enum(thresholdKinds), value: z.number().int().min(0).max(1_000_000_000) })
  .strict();
export type VarianceThreshold = z.infer<typeof varianceThresholdSchema>;

export const stocktakeStartSchema = z
  .object({
    scope: stocktakeScopeSchema,
    threshold: varianceThresholdSchema.default({ kind: 'absolute', value: 0 }),
    remarks: text(500).default(''),
  })
  .strict();

export const stocktakeCountSchema = z
  .object({
    stocktakeId: idSchema,
    lineId: idSchema,
    /** add: a scan (1, or a carton's pack size) on top of this counter's count; set: the counter's count typed in. */
    mode: z.enum(['add', 'set']),
    quantity: countSchema,
    method: z.enum(['scan', 'typed']).default('typed'),
  })
  .strict();

export const stocktakeRecountSchema = z
  .object({ stocktakeId: idSchema, threshold: varianceThresholdSchema.optional() })
  .strict();

export const stocktakeReasonSchema = z
  .object({
    stocktakeId: idSchema,
    lineId: idSchema,
    reason: z.enum(adjustmentReasons),
    note: text(200).default(''),
  })
  .strict();

export const stocktakeCancelSchema = z.object({ stocktakeId: idSchema, reason: requiredText(500) }).strict();

export const stocktakeSummarySchema = z.object({
  id: z.string(),
  number: z.string(),
  scopeKind: z.enum(stocktakeScopeKinds),
  scopeId: z.string().nullable(),
  /** The scope's location, category or source as "code name"; null for a full count. */
  scopeName: z.string().nullable(),
  threshold: varianceThresholdSchema,
  status: z.enum(stocktakeStatuses),
  round: z.number().int(),
  remarks: z.string(),
  startedBy: z.string(),
  /** The freeze time: system quantities are as of this instant. */
  startedAt: z.string(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  documentId: z.string().nullable(),
  documentNumber: z.string().nullable(),
  cancelledBy: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string(),
  lineCount: z.number().int(),
  countedLines: z.number().int(),
});
export type StocktakeSummary = z.infer<typeof stocktakeSummarySchema>;

/** One frozen line with its counts, as the backend holds it (the variance report's rows extend it). */
export const stocktakeBookLineSchema = z.object({
  id: z.string(),
  lineNo: z.number().int(),
  itemId: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  spec: z.string(),
  baseUnit: z.string(),
  packSize: z.number().int(),
  batchId: z.string(),
  batchNo: z.string(),
  expiryDate: z.string().nullable(),
  locationId: z.string(),
  locationCode: z.string(),
  sourceId: z.string(),
  sourceName: z.string(),
  /** Frozen at the start of the session. */
  systemQuantity: z.number().int(),
  /** The round whose counts make this line's count (a recounted line: the recount round). */
  countRound: z.number().int(),
  /** Sum of every counter's count in countRound; null while nobody has counted the line in that round. */
  counted: z.number().int().nullable(),
  /** Each counter's count in countRound. */
  counters: z.array(z.object({ counter: z.string(), quantity: z.number().int() })),
  /** What the first round counted, for a recounted line (null otherwise). */
  firstCount: z.number().int().nullable(),
  /** counted − system; null while not counted (and where the book quantity is withheld). */
  variance: z.number().int().nullable(),
  reason: z.enum(adjustmentReasons).nullable(),
  note: z.string(),
});
export type StocktakeBookLine = z.infer<typeof stocktakeBookLineSchema>;

/**
 * A line as the channels give it. While the count is open, those who count but do not review it
 * (keepers) get no frozen book quantity (null) and no variance: a blind count stays blind however its
 * lines are read.
 */
export const stocktakeLineSchema = stocktakeBookLineSchema.extend({ systemQuantity: z.number().int().nullable() });
export type StocktakeLine = z.infer<typeof stocktakeLineSchema>;

export const stocktakeDetailSchema = stocktakeSummarySchema.extend({ lines: z.array(stocktakeLineSchema) });
export type StocktakeDetail = z.infer<typeof stocktakeDetailSchema>;

/** One line of the variance report: counted against frozen system quantity, and what moved meanwhile. */
export const stocktakeReportRowSchema = stocktakeBookLineSchema.extend({
  /** The quantity the stock key holds now. */
  currentQuantity: z.number().int(),
  /** Net change posted to this key after the freeze (not counting the stocktake's own document). */
  movedDuringCount: z.number().int(),
  /** The documents that moved it after the freeze. */
  movedBy: z.array(z.string()),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
});
export type StocktakeReportRow = z.infer<typeof stocktakeReportRowSchema>;

export const stocktakeReportSchema = z.object({
  stocktake: stocktakeSummarySchema,
  rows: z.array(stocktakeReportRowSchema),
  totals: z.object({
    lines: z.number().int(),
    surplusLines: z.number().int(),
    shortageLines: z.number().int(),
    surplus: z.number().int(),
    shortage: z.number().int(),
    movedLines: z.number().int(),
  }),
});
export type StocktakeReport = z.infer<typeof stocktakeReportSchema>;

export const stocktakeListQuerySchema = z
  .object({ status: z.enum(stocktakeStatuses).optional() })
  .strict()
  .optional();
