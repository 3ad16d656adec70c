/** Building blocks shared by the contract's schemas. */
import { z } from 'zod';

/** A record id: a lowercase UUID (v7 for rows we create). */
export const idSchema = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'not a record id');

/** A calendar date as YYYY-MM-DD that really exists (no 2026-02-30). */
export const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date: YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s && s >= '1970-01-01' && s <= '2199-12-31';
  }, 'not a real calendar date');

/** Text a keeper types into a field: trimmed, bounded. */
export const text = (max: number) => z.string().trim().max(max);
export const requiredText = (max: number) => z.string().trim().min(1).max(max);

/** A whole number of base units, never fractional, within what a depot can hold. */
export const quantitySchema = z.number().int().min(1).max(1_000_000_000);
export const countSchema = z.number().int().min(0).max(1_000_000_000);

/** Codes that may be printed as barcodes (locations, items, sources). */
export const codeSchema = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'code: letters, digits, . _ -');

export const pageSchema = {
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(5000).default(500),
};
