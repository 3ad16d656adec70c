/**
 * What our own labels encode, in one place, so the labels that print them and the scanner that reads
 * them back cannot drift apart.
 *
 * - Items without a usable barcode get an internal GTIN-13 in GS1's restricted-circulation range
 *   (prefix 2x, valid only inside the depot): it passes every GTIN check and fits AI (01).
 * - Batch labels are GS1-128: (01) GTIN-14 when the item has a GTIN, otherwise (91) the item code
 *   (AI 91 = company internal information), then (17) expiry / (11) production date, then (10) batch
 *   last because it is variable length.
 * - Location labels are Code128 of `RRL-` + the location code (codes are ASCII letters, digits . _ -).
 */
import { gs1CheckDigit } from './check-digit';

/** GS1 restricted-circulation prefix used for the depot's internal item codes. */
export const internalGtinPrefix = '29';

/** The internal GTIN-13 for the depot's n-th internal code (n >= 1, up to 10 digits). */
export function internalGtin(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 9_999_999_999) throw new Error(`internal code number out of range: ${n}`);
  const data = internalGtinPrefix + String(n).padStart(10, '0');
  return data + String(gs1CheckDigit(data));
}

/** True for a GTIN-13 minted by internalGtin (the check digit is not verified here). */
export function isInternalGtin(code: string): boolean {
  return code.length === 13 && code.startsWith(internalGtinPrefix) && /^\d+$/.test(code);
}

export const locationLabelPrefix = 'RRL-';

export function locationLabelData(locationCode: string): string {
  return locationLabelPrefix + locationCode;
}

/** The location code a scanned location label carries, or null when the scan is not one. */
export function parseLocationLabel(scan: string): string | null {
  return scan.startsWith(locationLabelPrefix) && scan.length > locationLabelPrefix.length
    ? scan.slice(locationLabelPrefix.length)
    : null;
}

export interface BatchLabelInput {
  /** GTIN of any GS1 length (8/12/13/14 digits, check digit included); padded to 14 for AI (01). */
  gtin?: string | null;
  /** The item's code, used in AI (91) when there is no GTIN. */
  itemCode: string;
  batchNo?: string | null;
  /** YYYY-MM-DD */
  expiryDate?: string | null;
  /** YYYY-MM-DD */
  productionDate?: string | null;
}

const yymmdd = (date: string): string => date.slice(2, 4) + date.slice(5, 7) + date.slice(8, 10);

/**
 * The batch label's GS1 element string in the parenthesised form bwip-js's `gs1-128` encoder takes,
 * e.g. `(01)06901234567892(17)271231(10)B2026-07`.
 */
export function batchLabelElementString(input: BatchLabelInput): string {
  const parts: string[] = [];
  if (input.gtin) parts.push(`(01)${input.gtin.padStart(14, '0')}`);
  if (input.productionDate) parts.push(`(11)${yymmdd(input.productionDate)}`);
  if (input.expiryDate) parts.push(`(17)${yymmdd(input.expiryDate)}`);
  if (!input.gtin) parts.push(`(91)${input.itemCode}`);
  if (input.batchNo) parts.push(`(10)${input.batchNo}`);
  return parts.join('');
}
