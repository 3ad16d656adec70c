/**
 * What a scan stands for (`scan:resolve`). The renderer's scan capture hands over the text a scanner
 * typed (GS1 separators already turned into \x1d); the backend says what it is.
 */
import { z } from 'zod';
import { itemSchema, locationSchema } from './catalog';
import { documentSummarySchema } from './stock';

/** A scan as the capture delivers it: printable ASCII plus the GS1 group separator, no spaces. */
export const scanTextSchema = z
  .string()
  .min(1)
  .max(200)
  .refine((s) => [...s].every((c) => c === '\u001d' || (c >= '!' && c <= '~')), {
    message: 'scan: printable characters and GS1 separators only',
  });

export const scanQuerySchema = z.object({ code: scanTextSchema }).strict();

const batchFactsSchema = z.object({
  id: z.string(),
  batchNo: z.string(),
  productionDate: z.string().nullable(),
  expiryDate: z.string().nullable(),
});
export type BatchFacts = z.infer<typeof batchFactsSchema>;

/** What a GS1 element string (or our own batch label) says about the goods. */
const gs1Fields = {
  code: z.string(),
  /** The item the GTIN (01/02) or the item code (91) names; null when no item carries it yet. */
  item: itemSchema.nullable(),
  /** The GTIN read, as registered for assignment (14 digits; the 13-digit form when it starts with 0). */
  gtin: z.string().nullable(),
  /** Base units this scan stands for: the GTIN's barcode quantity (1 or the pack size) × the count in (37)/(30). */
  quantity: z.number().int(),
  batchNo: z.string().nullable(),
  productionDate: z.string().nullable(),
  expiryDate: z.string().nullable(),
  /** The batch of this item already in the depot under that batch number, if any. */
  batch: batchFactsSchema.nullable(),
};

export const scanResultSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('item'),
    code: z.string(),
    item: itemSchema,
    /** 1 for a unit barcode, the pack size for a carton barcode. */
    quantity: z.number().int(),
    barcodeId: z.string(),
  }),
  z.object({ kind: z.literal('gs1'), ...gs1Fields }),
  /** One of our own batch labels for an item without a GTIN: (91) item code, (10) batch. */
  z.object({ kind: z.literal('batch-label'), ...gs1Fields }),
  z.object({ kind: z.literal('location'), code: z.string(), location: locationSchema }),
  z.object({ kind: z.literal('document'), code: z.string(), document: documentSummarySchema }),
  z.object({ kind: z.literal('unknown'), code: z.string() }),
]);
export type ScanResult = z.infer<typeof scanResultSchema>;
export type Gs1ScanResult = Extract<ScanResult, { kind: 'gs1' | 'batch-label' }>;
