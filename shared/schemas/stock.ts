/** Documents, postings, allocation and ledger queries. */
import { z } from 'zod';
import { countSchema, dateSchema, idSchema, pageSchema, quantitySchema, requiredText, text } from './common';

export const documentKinds = ['receipt', 'dispatch', 'transfer', 'adjustment', 'write_off', 'reversal'] as const;
export type DocumentKind = (typeof documentKinds)[number];

export const receiptKinds = ['purchase', 'allocation', 'donation', 'return'] as const;
export const dispatchKinds = ['allocation', 'distribution', 'loan', 'transfer_out'] as const;
export const adjustmentReasons = ['lost', 'found', 'damaged', 'expired', 'count_correction'] as const;
export const responseLevels = ['I', 'II', 'III', 'IV'] as const;

/** Number prefixes per document kind: numbers are PREFIX-YEAR-NNNNN, gapless per kind per year. */
export const numberPrefixes: Record<DocumentKind, string> = {
  receipt: 'RK',
  dispatch: 'CK',
  transfer: 'YK',
  adjustment: 'TZ',
  write_off: 'BF',
  reversal: 'CX',
};

/** A quantity as keepers count it: whole cartons plus loose units, stored as exact base units. */
const cartonsAndUnits = {
  cartons: countSchema.default(0),
  units: countSchema.default(0),
};

const draftLink = { draftId: idSchema.optional() };
const remarks = text(500).default('');

export const receiptLineSchema = z
  .object({
    itemId: idSchema,
    ...cartonsAndUnits,
    locationId: idSchema,
    /** Batch number as printed on the goods; defaults to the receipt's number. */
    batchNo: text(64).default(''),
    productionDate: dateSchema.nullable().default(null),
    /** Defaults to production date + the item's shelf life. */
    expiryDate: dateSchema.nullable().default(null),
    origin: text(100).default(''),
    remarks,
  })
  .strict();

export const returnLineSchema = z
  .object({
    itemId: idSchema,
    batchId: idSchema,
    sourceId: idSchema,
    /** Where the returned goods are put back. */
    locationId: idSchema,
    ...cartonsAndUnits,
    remarks,
  })
  .strict();

const docDate = { docDate: dateSchema.optional() };

export const receiptInputSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.enum(['purchase', 'allocation', 'donation']),
      ...docDate,
      sourceId: idSchema,
      /** Supplier (purchase), issuing unit (allocation) or donor (donation). */
      partyId: idSchema.nullable().default(null),
      remarks,
      lines: z.array(receiptLineSchema).min(1).max(500),
      ...draftLink,
    })
    .strict(),
  z
    .object({
      kind: z.literal('return'),
      ...docDate,
      /** The dispatch slip the goods come back against (回收). */
      dispatchId: idSchema,
      remarks,
      lines: z.array(returnLineSchema).min(1).max(500),
      ...draftLink,
    })
    .strict(),
]);

/** An explicit pick for a dispatch line; without picks the FEFO proposal is used. */
export const pickSchema = z
  .object({ batchId: idSchema, locationId: idSchema, sourceId: idSchema, quantity: quantitySchema })
  .strict();

export const dispatchLineSchema = z
  .object({
    itemId: idSchema,
    ...cartonsAndUnits,
    quantityOrdered: countSchema.nullable().default(null),
    /** Draw from this source only; without it the FEFO proposal names one source. */
    sourceId: idSchema.nullable().default(null),
    /** Draw from this batch only (its label was scanned as the cartons were loaded), first-expiry across its slots. */
    batchId: idSchema.nullable().default(null),
    picks: z.array(pickSchema).max(100).nullable().default(null),
    remarks,
  })
  .strict();

export const transportSchema = z
  .object({
    mode: text(30).default(''),
    carrier: text(100).default(''),
    plateNo: text(20).default(''),
    driver: text(50).default(''),
    driverPhone: text(30)
      .regex(/^[0-9+\-() ]*$/, 'phone: digits, + - ( ) and spaces')
      .default(''),
  })
  .strict();

export const dispatchInputSchema = z
  .object({
    kind: z.enum(dispatchKinds),
    ...docDate,
    receivingUnitId: idSchema,
    /** Allocation order number (调拨通知单号); required unless this is an emergency dispatch. */
    orderNo: text(64).default(''),
    orderIssuer: text(100).default(''),
    orderDate: dateSchema.nullable().default(null),
    incidentName: text(100).default(''),
    responseLevel: z.enum(responseLevels).nullable().default(null),
    transport: transportSchema.default({ mode: '', carrier: '', plateNo: '', driver: '', driverPhone: '' }),
    /** 先调拨，后补办手续: may post without an order number; paperwork is then due in 2 working days. */
    emergency: z.boolean().default(false),
    remarks,
    lines: z.array(dispatchLineSchema).max(500),
    /** Kits (包) × count, expanded into item lines after `lines` at posting. */
    kits: z
      .array(z.object({ kitId: idSchema, count: z.number().int().min(1).max(100_000) }).strict())
      .max(100)
      .default([]),
    ...draftLink,
  })
  .strict()
  .refine((d) => d.lines.length + d.kits.length >= 1, { message: 'a dispatch needs a line or a kit', path: ['lines'] });

export const transferInputSchema = z
  .object({
    ...docDate,
    remarks,
    lines: z
      .array(
        z
          .object({
            itemId: idSchema,
            batchId: idSchema,
            sourceId: idSchema,
            fromLocationId: idSchema,
            toLocationId: idSchema,
            ...cartonsAndUnits,
            remarks,
          })
          .strict()
          .refine((l) => l.fromLocationId !== l.toLocationId, {
            message: 'a transfer moves goods to another location',
            path: ['toLocationId'],
          }),
      )
      .min(1)
      .max(500),
    ...draftLink,
  })
  .strict();

const stockKeyLine = {
  itemId: idSchema,
  batchId: idSchema,
  sourceId: idSchema,
  locationId: idSchema,
};

export const adjustmentInputSchema = z
  .object({
    reason: z.enum(adjustmentReasons),
    ...docDate,
    /** What happened, in words: required for every adjustment. */
    remarks: requiredText(500),
    lines: z
      .array(
        z
          .object({
            ...stockKeyLine,
            /** Signed change in base units: lost/damaged/expired take away, found adds. */
            delta: z
              .number()
              .int()
              .min(-1_000_000_000)
              .max(1_000_000_000)
              .refine((d) => d !== 0, 'a change of zero'),
            remarks,
          })
          .strict(),
      )
      .min(1)
      .max(500),
    ...draftLink,
  })
  .strict();

export const writeOffInputSchema = z
  .object({
    ...docDate,
    /** Why the goods are written off (报废原因). */
    reason: requiredText(500),
    remarks,
    lines: z
      .array(z.object({ ...stockKeyLine, ...cartonsAndUnits, remarks }).strict())
      .min(1)
      .max(500),
    ...draftLink,
  })
  .strict();

export const reversalInputSchema = z.object({ documentId: idSchema, reason: requiredText(500), ...docDate }).strict();

export const paperworkFilingInputSchema = z
  .object({
    documentId: idSchema,
    orderNo: requiredText(64),
    orderIssuer: text(100).default(''),
    remarks,
  })
  .strict();

export const postedSchema = z.object({ id: z.string(), number: z.string(), entries: z.number().int() });
export type Posted = z.infer<typeof postedSchema>;

export const allocationQuerySchema = z
  .object({
    itemId: idSchema,
    quantity: quantitySchema,
    sourceId: idSchema.nullable().default(null),
    locationId: idSchema.nullable().default(null),
    /** One batch only (a dispatch line pinned to the batch whose label was scanned). */
    batchId: idSchema.nullable().default(null),
  })
  .strict();

export const stockRowSchema = z.object({
  itemId: z.string(),
  batchId: z.string(),
  batchNo: z.string(),
  productionDate: z.string().nullable(),
  expiryDate: z.string().nullable(),
  receiptDate: z.string(),
  locationId: z.string(),
  locationCode: z.string(),
  sourceId: z.string(),
  sourceName: z.string(),
  quantity: z.number().int(),
});
export type StockRow = z.infer<typeof stockRowSchema>;

export const allocationSchema = z.object({
  /** The source the proposal draws from (never more than one). */
  sourceId: z.string().nullable(),
  picks: z.array(stockRowSchema),
  requested: z.number().int(),
  /** Available in the chosen source (and location, when one was given). */
  available: z.number().int(),
  /** How much cannot be covered; 0 when the proposal is complete. */
  shortBy: z.number().int(),
  /** Stock of the item (in that source) left out because it has expired. */
  expiredExcluded: z.number().int(),
});
export type Allocation = z.infer<typeof allocationSchema>;

export const onHandQuerySchema = z
  .object({
    itemId: idSchema.optional(),
    sourceId: idSchema.optional(),
    locationId: idSchema.optional(),
    batchId: idSchema.optional(),
  })
  .strict();

export const inventoryRowSchema = z.object({
  itemId: z.string(),
  code: z.string(),
  name: z.string(),
  spec: z.string(),
  categoryId: z.string().nullable(),
  baseUnit: z.string(),
  packSize: z.number().int(),
  onHand: z.number().int(),
  bySource: z.array(z.object({ sourceId: z.string(), quantity: z.number().int() })),
  reserveQuota: z.number().int(),
  minStock: z.number().int(),
  personsPerUnit: z.number().int(),
  unitValueFen: z.number().int(),
  nearestExpiry: z.string().nullable(),
  oldestReceipt: z.string().nullable(),
  active: z.boolean(),
});
export type InventoryRow = z.infer<typeof inventoryRowSchema>;

export const asOfQuerySchema = z
  .object({ date: dateSchema, itemId: idSchema.optional(), bySource: z.boolean().default(false) })
  .strict();

export const stockCardQuerySchema = z
  .object({
    itemId: idSchema,
    from: dateSchema.nullable().default(null),
    to: dateSchema.nullable().default(null),
    sourceId: idSchema.nullable().default(null),
    batchId: idSchema.nullable().default(null),
  })
  .strict();

export const stockCardRowSchema = z.object({
  entryId: z.string(),
  seq: z.number().int(),
  postedAt: z.string(),
  docDate: z.string(),
  documentId: z.string(),
  number: z.string(),
  kind: z.enum(documentKinds),
  subkind: z.string(),
  batchNo: z.string(),
  locationCode: z.string(),
  sourceName: z.string(),
  partyName: z.string().nullable(),
  quantityIn: z.number().int(),
  quantityOut: z.number().int(),
  /** The running balance of the filtered card (item, or item within source/batch). */
  balance: z.number().int(),
});
export type StockCardRow = z.infer<typeof stockCardRowSchema>;

export const stockCardSchema = z.object({
  itemId: z.string(),
  opening: z.number().int(),
  rows: z.array(stockCardRowSchema),
  totalIn: z.number().int(),
  totalOut: z.number().int(),
  closing: z.number().int(),
});

export const expiringQuerySchema = z.object({ withinDays: z.number().int().min(0).max(3650).default(90) }).strict();
export const agedQuerySchema = z.object({ years: z.number().int().min(1).max(50).default(3) }).strict();

export const pendingPaperworkSchema = z.object({
  documentId: z.string(),
  number: z.string(),
  docDate: z.string(),
  postedAt: z.string(),
  receivingUnit: z.string(),
  incidentName: z.string(),
  due: z.string(),
  overdue: z.boolean(),
});

export const documentListQuerySchema = z
  .object({
    kind: z.enum(documentKinds).optional(),
    from: dateSchema.optional(),
    to: dateSchema.optional(),
    partyId: idSchema.optional(),
    sourceId: idSchema.optional(),
    pendingPaperwork: z.boolean().optional(),
    emergency: z.boolean().optional(),
    /** true: only documents a reversal points at; false: only those not reversed. */
    reversed: z.boolean().optional(),
    /** Only documents pointing at this one: the returns against a dispatch, the reversal of a document. */
    relatedId: idSchema.optional(),
    search: z.string().max(64).default(''),
    ...pageSchema,
  })
  .strict();

export const documentSummarySchema = z.object({
  id: z.string(),
  number: z.string(),
  kind: z.enum(documentKinds),
  subkind: z.string(),
  docDate: z.string(),
  postedAt: z.string(),
  operator: z.string(),
  partyName: z.string().nullable(),
  sourceName: z.string().nullable(),
  relatedId: z.string().nullable(),
  relatedNumber: z.string().nullable(),
  reversedBy: z.string().nullable(),
  emergency: z.boolean(),
  orderNo: z.string(),
  paperworkDue: z.string().nullable(),
  paperworkFiled: z.boolean(),
  lineCount: z.number().int(),
  totalQuantity: z.number().int(),
});
export type DocumentSummary = z.infer<typeof documentSummarySchema>;

/** Who asked and who approved, as the document view and slip show it. */
export const approvalStampSchema = z.object({
  requestedBy: z.string(),
  requestedByName: z.string(),
  requestedAt: z.string(),
  approvedBy: z.string(),
  approvedByName: z.string(),
  approvedAt: z.string(),
  selfApproved: z.boolean(),
});
export type ApprovalStamp = z.infer<typeof approvalStampSchema>;

export const documentDetailSchema = documentSummarySchema.extend({
  remarks: z.string(),
  reason: z.string(),
  orderIssuer: z.string(),
  orderDate: z.string().nullable(),
  incidentName: z.string(),
  responseLevel: z.enum(responseLevels).nullable(),
  transport: transportSchema.required(),
  partyId: z.string().nullable(),
  /** The party's contact, phone and address as they were when the document was posted (printed on the slip). */
  partyContact: z.string(),
  partyPhone: z.string(),
  partyAddress: z.string(),
  sourceId: z.string().nullable(),
  filing: z
    .object({
      orderNo: z.string(),
      orderIssuer: z.string(),
      remarks: z.string(),
      operator: z.string(),
      filedAt: z.string(),
    })
    .nullable(),
  /** Write-offs, reversals and approved dispatches: who applied and who approved (审批). */
  approval: approvalStampSchema.nullable(),
  lines: z.array(
    z.object({
      id: z.string(),
      lineNo: z.number().int(),
      itemId: z.string(),
      itemCode: z.string(),
      itemName: z.string(),
      spec: z.string(),
      baseUnit: z.string(),
      packSize: z.number().int(),
      /** The item's catalog value per base unit, in fen (the slip's optional value column). */
      unitValueFen: z.number().int(),
      quantity: z.number().int(),
      quantityOrdered: z.number().int().nullable(),
      remarks: z.string(),
    }),
  ),
  entries: z.array(
    z.object({
      id: z.string(),
      seq: z.number().int(),
      lineId: z.string(),
      itemId: z.string(),
      batchId: z.string(),
      batchNo: z.string(),
      productionDate: z.string().nullable(),
      expiryDate: z.string().nullable(),
      locationId: z.string(),
      locationCode: z.string(),
      sourceId: z.string(),
      sourceName: z.string(),
      donorName: z.string().nullable(),
      quantity: z.number().int(),
      balanceAfter: z.number().int(),
    }),
  ),
});
export type DocumentDetail = z.infer<typeof documentDetailSchema>;

export const chainReportSchema = z.object({
  ok: z.boolean(),
  siteCode: z.string(),
  entries: z.number().int(),
  headSeq: z.number().int(),
  headHash: z.string(),
  firstBroken: z
    .object({ seq: z.number().int(), id: z.string(), reason: z.enum(['hash-mismatch', 'link-broken', 'sequence-gap']) })
    .nullable(),
});

export const rebuildReportSchema = z.object({
  keys: z.number().int(),
  differences: z.array(
    z.object({
      itemId: z.string(),
      batchId: z.string(),
      locationId: z.string(),
      sourceId: z.string(),
      stored: z.number().int(),
      fromLedger: z.number().int(),
    }),
  ),
});

export const draftSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  payload: z.unknown(),
  updatedAt: z.string(),
});
export const draftSaveSchema = z
  .object({
    id: idSchema.optional(),
    kind: z.enum(['receipt', 'dispatch', 'transfer', 'adjustment', 'write_off']),
    title: text(100).default(''),
    /** Whatever the form holds, valid or not yet; bounded so a runaway form cannot fill the disk. */
    payload: z.unknown().refine((p) => JSON.stringify(p ?? null).length <= 2_000_000, 'draft too large'),
  })
  .strict();
