/** Master data: items, categories, barcodes, sources, parties, locations. */
import { z } from 'zod';
import { codeSchema, countSchema, idSchema, pageSchema, requiredText, text } from './common';

/** Units a relief item may be counted in (base units; cartons convert through the pack size). */
export const baseUnits = [
  '顶',
  '床',
  '件',
  '张',
  '台',
  '套',
  '个',
  '箱',
  '瓶',
  '袋',
  '包',
  '桶',
  '盒',
  '双',
  '条',
  'kg',
] as const;

/** One row of the catalog (物资目录). Quantities are integers in the base unit; money in fen. */
export const itemSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  spec: z.string(),
  categoryId: z.string().nullable(),
  baseUnit: z.string(),
  packSize: z.number().int(),
  hasShelfLife: z.boolean(),
  shelfLifeDays: z.number().int().nullable(),
  minStock: z.number().int(),
  reserveQuota: z.number().int(),
  personsPerUnit: z.number().int(),
  unitValueFen: z.number().int(),
  active: z.boolean(),
});
export type Item = z.infer<typeof itemSchema>;

/** Item fields as validated; the draft adds defaults, the patch keeps every field optional without any. */
const itemFields = {
  code: codeSchema,
  name: requiredText(100),
  spec: text(200),
  categoryId: idSchema.nullable(),
  baseUnit: requiredText(8),
  packSize: z.number().int().min(1).max(100_000),
  hasShelfLife: z.boolean(),
  shelfLifeDays: z.number().int().min(1).max(36_500).nullable(),
  minStock: countSchema,
  reserveQuota: countSchema,
  personsPerUnit: z.number().int().min(0).max(1000),
  unitValueFen: z.number().int().min(0).max(100_000_000_000),
};

const needsShelfLifeDays = {
  check: (d: { hasShelfLife?: boolean; shelfLifeDays?: number | null }) =>
    !d.hasShelfLife || (d.shelfLifeDays !== null && d.shelfLifeDays !== undefined),
  message: { message: 'an item with a shelf life needs its shelf life in days', path: ['shelfLifeDays'] },
};

/** What a keeper enters to create an item. Optional numbers default to 0 / none. */
export const itemDraftSchema = z
  .object({
    ...itemFields,
    spec: itemFields.spec.default(''),
    categoryId: itemFields.categoryId.default(null),
    packSize: itemFields.packSize.default(1),
    hasShelfLife: itemFields.hasShelfLife.default(false),
    shelfLifeDays: itemFields.shelfLifeDays.default(null),
    minStock: itemFields.minStock.default(0),
    reserveQuota: itemFields.reserveQuota.default(0),
    personsPerUnit: itemFields.personsPerUnit.default(0),
    unitValueFen: itemFields.unitValueFen.default(0),
  })
  .strict()
  .refine(needsShelfLifeDays.check, needsShelfLifeDays.message);
export type ItemDraft = z.input<typeof itemDraftSchema>;

/** Changes to an item; the code and base unit are fixed once the item has movements. */
export const itemUpdateSchema = z
  .object({
    id: idSchema,
    patch: z
      .object({ ...itemFields, active: z.boolean() })
      .partial()
      .strict()
      .refine((p) => Object.keys(p).length > 0, 'nothing to change'),
  })
  .strict();

export const itemListQuerySchema = z
  .object({
    /** Matches code, name, spec or a barcode (case-insensitive substring). */
    search: z.string().max(100).default(''),
    includeInactive: z.boolean().default(false),
    categoryId: idSchema.optional(),
    ...pageSchema,
  })
  .strict();

/** What a keeper types into an item field: code, name, pinyin initials (dzp → 单帐篷) or a barcode. */
export const itemSearchQuerySchema = z
  .object({
    text: z.string().trim().min(1).max(80),
    limit: z.number().int().min(1).max(100).default(20),
    includeInactive: z.boolean().default(false),
  })
  .strict();

export const itemSearchHitSchema = z.object({
  item: itemSchema,
  /** Set when the text was a barcode: the quantity it stands for (1 for a unit, the pack size for a carton). */
  barcodeQuantity: z.number().int().nullable(),
  matchedBy: z.enum(['barcode', 'code', 'initials', 'name']),
});
export type ItemSearchHit = z.infer<typeof itemSearchHitSchema>;

export const barcodeSchema = z.object({
  id: z.string(),
  itemId: z.string(),
  barcode: z.string(),
  quantity: z.number(),
});
export type Barcode = z.infer<typeof barcodeSchema>;

/** A barcode as scanners send it: printable ASCII (GS1 separators are translated before this). */
export const barcodeTextSchema = z
  .string()
  .trim()
  .min(1)
  .max(80)
  .regex(/^[\x21-\x7e]+$/, 'barcode: printable characters without spaces');

export const barcodeDraftSchema = z
  .object({ itemId: idSchema, barcode: barcodeTextSchema, quantity: z.number().int().min(1).max(100_000) })
  .strict();

export const itemDetailSchema = itemSchema.extend({ barcodes: z.array(barcodeSchema), hasMovements: z.boolean() });
export type ItemDetail = z.infer<typeof itemDetailSchema>;

export const categorySchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
  level: z.number().int(),
});
export type Category = z.infer<typeof categorySchema>;

/**
 * A category. GB/T 38565-style class codes (1, 3, 5 or 7 digits: 1 → 101 → 10101 → 1010101) find
 * their parent by prefix; other codes may name a parent explicitly.
 */
export const categoryDraftSchema = z
  .object({
    id: idSchema.optional(),
    code: codeSchema,
    name: requiredText(100),
    parentId: idSchema.nullable().optional(),
  })
  .strict();

export const sourceKinds = ['central', 'provincial', 'city', 'county', 'allocated', 'donation', 'purchase'] as const;
export const sourceSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(sourceKinds),
  donorId: z.string().nullable(),
  donorName: z.string().nullable(),
  active: z.boolean(),
});
export type Source = z.infer<typeof sourceSchema>;
export const sourceDraftSchema = z
  .object({
    id: idSchema.optional(),
    code: codeSchema,
    name: requiredText(100),
    kind: z.enum(sourceKinds),
    donorId: idSchema.nullable().default(null),
    active: z.boolean().default(true),
  })
  .strict()
  .refine((s) => s.kind !== 'donation' || s.donorId !== null, {
    message: 'a donation source names its donor',
    path: ['donorId'],
  });

export const partyKinds = ['receiving_unit', 'supplier', 'donor', 'issuing_unit'] as const;
export const partySchema = z.object({
  id: z.string(),
  kind: z.enum(partyKinds),
  name: z.string(),
  contact: z.string(),
  phone: z.string(),
  address: z.string(),
  active: z.boolean(),
});
export type Party = z.infer<typeof partySchema>;
export const phoneSchema = text(30).regex(/^[0-9+\-() ]*$/, 'phone: digits, + - ( ) and spaces');
export const partyDraftSchema = z
  .object({
    id: idSchema.optional(),
    kind: z.enum(partyKinds),
    name: requiredText(100),
    contact: text(50).default(''),
    phone: phoneSchema.default(''),
    address: text(200).default(''),
    active: z.boolean().default(true),
  })
  .strict();

export const locationKinds = ['zone', 'slot'] as const;
export const locationSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(locationKinds),
  zoneId: z.string().nullable(),
  active: z.boolean(),
});
export type Location = z.infer<typeof locationSchema>;
export const locationDraftSchema = z
  .object({
    id: idSchema.optional(),
    code: codeSchema.transform((c) => c.toUpperCase()),
    name: requiredText(100),
    kind: z.enum(locationKinds),
    zoneId: idSchema.nullable().default(null),
    active: z.boolean().default(true),
  })
  .strict()
  .refine((l) => l.kind === 'slot' || l.zoneId === null, { message: 'a zone has no parent zone', path: ['zoneId'] });

/** Importing the catalog from a spreadsheet: all or nothing unless the keeper chooses the valid rows. */
export const itemImportSchema = z
  .object({
    format: z.enum(['csv', 'xlsx']),
    /** The file's bytes, base64-encoded (files are small; the renderer reads them with the File API). */
    contentBase64: z.string().max(28_000_000),
    mode: z.enum(['check', 'all-or-nothing', 'valid-rows']),
  })
  .strict();

/** Why an imported row was refused; the renderer translates each (`importReasons.<reason>`). */
export const importReasons = [
  'missing-column',
  'required',
  'too-long',
  'not-a-whole-number',
  'out-of-range',
  'not-a-money-amount',
  'not-yes-no',
  'invalid-code',
  'unknown-category',
  'duplicate-in-file',
  'code-exists',
  'barcode-exists',
  'shelf-life-days-required',
  'unreadable-file',
] as const;

export const importReportSchema = z.object({
  /** Data rows read (header excluded). */
  rows: z.number().int(),
  /** Rows written to the catalog (0 when nothing was committed). */
  imported: z.number().int(),
  committed: z.boolean(),
  /** Row numbers as the spreadsheet shows them (the header is row 1). */
  errors: z.array(
    z.object({ row: z.number().int(), column: z.string(), reason: z.enum(importReasons), value: z.string() }),
  ),
});
export type ImportReport = z.infer<typeof importReportSchema>;
