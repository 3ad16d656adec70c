/**
 * GS1 mod-10 check digits (GTIN-8/12/13/14, EAN/UPC, SSCC, GLN).
 * Weights 3 and 1 alternate from the rightmost data digit, as the GS1 General Specifications define.
 * Pure: used by the scanner (to refuse a misread) and by labels (to mint internal codes).
 */

const digitsOnly = /^\d+$/;

/** The check digit for `data` (the code without its check digit). */
export function gs1CheckDigit(data: string): number {
  if (!digitsOnly.test(data)) throw new Error(`GS1 data must be digits: ${data}`);
  let sum = 0;
  for (let i = data.length - 1, weight = 3; i >= 0; i--, weight = weight === 3 ? 1 : 3) {
    sum += Number(data[i]) * weight;
  }
  return (10 - (sum % 10)) % 10;
}

/** True when the last digit of `code` is the GS1 check digit of the digits before it. */
export function hasValidGs1CheckDigit(code: string): boolean {
  if (code.length < 2 || !digitsOnly.test(code)) return false;
  return gs1CheckDigit(code.slice(0, -1)) === Number(code[code.length - 1]);
}

/** GTIN lengths GS1 defines: GTIN-8 (EAN-8), GTIN-12 (UPC-A), GTIN-13 (EAN-13), GTIN-14. */
export const gtinLengths = [8, 12, 13, 14] as const;

export type GtinCheck = { ok: true; gtin14: string } | { ok: false; reason: 'not-digits' | 'length' | 'check-digit' };

/** Validates a GTIN of any GS1 length and returns it left-padded to 14 digits (the form inside AI 01). */
export function checkGtin(code: string): GtinCheck {
  if (!digitsOnly.test(code)) return { ok: false, reason: 'not-digits' };
  if (!(gtinLengths as readonly number[]).includes(code.length)) return { ok: false, reason: 'length' };
  if (!hasValidGs1CheckDigit(code)) return { ok: false, reason: 'check-digit' };
  return { ok: true, gtin14: code.padStart(14, '0') };
}
