/** What labels print (品名、规格、批次、日期、来源、货位), fetched in one call for a whole label set. */
import { z } from 'zod';
import { idSchema } from './common';

export const labelDataQuerySchema = z
  .object({
    kind: z.enum(['items', 'batches', 'locations']),
    /** Records in print order; a batch may name the source whose name the label prints. */
    entries: z
      .array(z.object({ id: idSchema, sourceId: idSchema.optional() }).strict())
      .min(1)
      .max(200),
  })
  .strict();

const labelBarcodeSchema = z.object({ barcode: z.string(), quantity: z.number().int() });

const labelItemSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  spec: z.string(),
  baseUnit: z.string(),
  packSize: z.number().int(),
  barcodes: z.array(labelBarcodeSchema),
});
export type LabelItem = z.infer<typeof labelItemSchema>;

const labelSourceSchema = z.object({ name: z.string(), kind: z.string(), donorName: z.string().nullable() });

const labelBatchSchema = z.object({
  id: z.string(),
  item: labelItemSchema,
  batchNo: z.string(),
  productionDate: z.string().nullable(),
  expiryDate: z.string().nullable(),
  /** 产地 as entered at receipt. */
  origin: z.string(),
  /** The day the batch was first received (入库时间). */
  receiptDate: z.string(),
  /** The source asked for, or every source that received this batch. */
  sources: z.array(labelSourceSchema),
});
export type LabelBatch = z.infer<typeof labelBatchSchema>;

const labelLocationSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(['zone', 'slot']),
  /** The zone a slot lies in. */
  zoneName: z.string().nullable(),
});
export type LabelLocation = z.infer<typeof labelLocationSchema>;

export const labelDataSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('items'), items: z.array(labelItemSchema) }),
  z.object({ kind: z.literal('batches'), batches: z.array(labelBatchSchema) }),
  z.object({ kind: z.literal('locations'), locations: z.array(labelLocationSchema) }),
]);
export type LabelData = z.infer<typeof labelDataSchema>;

export const assignedCodeSchema = z.object({
  itemId: z.string(),
  /** The minted internal GTIN-13 (prefix 29), now the item's unit barcode. */
  barcode: z.string(),
  barcodeId: z.string(),
});
