/** The reserve dashboard (首页): coverage against quota, movements by month, the expiry timeline. */
import { z } from 'zod';
import { sourceKinds } from './catalog';

const whole = z.number().int();

/** Stock of one source inside a group: on hand in base units and the people it can serve. */
export const sourceShareSchema = z.object({
  sourceId: z.string(),
  onHand: whole,
  personsServed: whole,
});

export const itemCoverageSchema = z.object({
  itemId: z.string(),
  code: z.string(),
  name: z.string(),
  baseUnit: z.string(),
  onHand: whole,
  reserveQuota: whole,
  personsPerUnit: whole,
  /** onHand × personsPerUnit. */
  personsServed: whole,
  bySource: z.array(sourceShareSchema),
});

/**
 * One category's stock against its items' reserve quotas. Quotas and persons-served factors are the
 * items' (储备定额 is set per item, in its own unit); a category adds up its items.
 */
export const categoryCoverageSchema = z.object({
  /** null: items without a category. */
  categoryId: z.string().nullable(),
  code: z.string().nullable(),
  name: z.string().nullable(),
  /** The base units its items are counted in: one unit means the sums read as a quantity of it. */
  units: z.array(z.string()),
  itemCount: whole,
  /** Σ balances of the category's items. */
  onHand: whole,
  /** Σ reserve quotas of its items. */
  reserveQuota: whole,
  /** Σ min(on hand, quota) over items with a quota: stock above one item's quota does not hide another's shortage. */
  quotaMet: whole,
  /** quotaMet as a whole percentage of reserveQuota (rounded down); null when no item has a quota. */
  quotaPercent: whole.nullable(),
  /** Σ on hand × persons per unit. */
  personsServed: whole,
  /** Σ quota × persons per unit: the people the full reserve would serve. */
  personsQuota: whole,
  bySource: z.array(sourceShareSchema),
  items: z.array(itemCoverageSchema),
});
export type CategoryCoverage = z.infer<typeof categoryCoverageSchema>;

export const coverageSchema = z.object({
  /** The local date the figures are for (today). */
  asOf: z.string(),
  /** Sources that hold stock or are active, in code order: the columns of the by-source view. */
  sources: z.array(
    z.object({
      sourceId: z.string(),
      code: z.string(),
      name: z.string(),
      kind: z.enum(sourceKinds),
      donorName: z.string().nullable(),
    }),
  ),
  categories: z.array(categoryCoverageSchema),
  totals: z.object({
    itemCount: whole,
    personsServed: whole,
    personsQuota: whole,
    bySource: z.array(sourceShareSchema),
  }),
});
export type Coverage = z.infer<typeof coverageSchema>;

export const monthsQuerySchema = z
  .object({ months: z.number().int().min(1).max(36).default(12) })
  .strict()
  .optional();

/**
 * In and out of one calendar month, in base units. Each document's net effect on an item counts once:
 * a transfer between slots (net zero) is no movement, a receipt is in, a dispatch out, a reversal the
 * opposite of what it undoes.
 */
export const monthMovementSchema = z.object({
  /** YYYY-MM, local calendar. */
  month: z.string(),
  quantityIn: whole,
  quantityOut: whole,
  /** Documents that moved stock in or out this month. */
  documents: whole,
});
export type MonthMovement = z.infer<typeof monthMovementSchema>;

export const movementsSchema = z.object({ months: z.array(monthMovementSchema) });

/** Stock with an expiry date, by the month it expires. */
export const expiryBucketSchema = z.object({
  quantity: whole,
  /** Batches (stock rows of batch, location and source) in the bucket. */
  batches: whole,
  items: whole,
});
export const expiryTimelineSchema = z.object({
  asOf: z.string(),
  /** Already past its expiry date. */
  expired: expiryBucketSchema,
  months: z.array(expiryBucketSchema.extend({ month: z.string() })),
  /** Expiring after the last month shown. */
  later: expiryBucketSchema,
});
export type ExpiryTimeline = z.infer<typeof expiryTimelineSchema>;
