/**
 * Which symbol each label carries, decided from the record alone (pure, so the scanner's tests and
 * the labels' tests agree on it). The data itself comes from shared/barcode/payloads.ts.
 */
import { checkGtin } from '../barcode/check-digit';
import { batchLabelElementString, locationLabelData, type BatchLabelInput } from '../barcode/payloads';

export interface LabelBarcode {
  barcode: string;
  /** Units the barcode stands for: 1 for the unit barcode, the pack size for a carton's. */
  quantity: number;
}

export type ItemSymbol =
  { symbology: 'ean13'; data: string } | { symbology: 'code128'; data: string; from: 'barcode' | 'code' };

/**
 * An item label encodes the item's unit barcode — as EAN-13 when it is a valid GTIN-13 (the depot's
 * internal codes are), as Code128 otherwise — or, when the item has no unit barcode, its code in
 * Code128. Carton barcodes are left off: a unit label must not scan as a whole carton.
 */
export function itemSymbol(itemCode: string, barcodes: readonly LabelBarcode[]): ItemSymbol {
  const units = barcodes.filter((b) => b.quantity === 1);
  const gtin13 = units.find((b) => b.barcode.length === 13 && checkGtin(b.barcode).ok);
  if (gtin13) return { symbology: 'ean13', data: gtin13.barcode };
  const unit = units[0];
  if (unit) return { symbology: 'code128', data: unit.barcode, from: 'barcode' };
  return { symbology: 'code128', data: itemCode, from: 'code' };
}

/** The GTIN a batch label puts in AI (01): the item's first unit barcode that is a valid GTIN of any length. */
export function itemGtin(barcodes: readonly LabelBarcode[]): string | null {
  return barcodes.find((b) => b.quantity === 1 && checkGtin(b.barcode).ok)?.barcode ?? null;
}

/**
 * GS1's "AI encodable character set 82", the only characters GS1-128 and GS1 DataMatrix may carry in
 * (10) and (91). Parentheses are in the set but would be read as the start of an AI in the
 * parenthesised form the encoder takes, so they count as not encodable here.
 */
const gs1Text = /^[!"%&'*+,\-./0-9:;<=>?A-Z_a-z]*$/;

export type BatchSymbol =
  | { kind: 'gs1'; elementString: string }
  /** The batch number (or item code) cannot ride in GS1: the same element string goes into a QR code. */
  | { kind: 'qr-fallback'; data: string; reason: 'batch-characters' | 'batch-length' | 'code-characters' };

/** The batch label's symbol: GS1-128 / GS1 DataMatrix when GS1 can carry the data, else a QR code. */
export function batchSymbol(input: BatchLabelInput): BatchSymbol {
  const elementString = batchLabelElementString(input);
  const batchNo = input.batchNo ?? '';
  if (!gs1Text.test(batchNo)) return { kind: 'qr-fallback', data: elementString, reason: 'batch-characters' };
  if (batchNo.length > 20) return { kind: 'qr-fallback', data: elementString, reason: 'batch-length' };
  if (!input.gtin && !gs1Text.test(input.itemCode)) {
    return { kind: 'qr-fallback', data: elementString, reason: 'code-characters' };
  }
  return { kind: 'gs1', elementString };
}

/** What zxing and scanners report for a GS1 element string: AIs bare, variable-length fields ended by GS (\x1d). */
export function gs1Transmitted(elementString: string): string {
  const fields = [...elementString.matchAll(/\((\d{2,4})\)([^(]*)/g)].map(([, ai = '', value = '']) => ({ ai, value }));
  const fixed = new Set(['00', '01', '02', '11', '12', '13', '15', '16', '17', '20']);
  return fields.map((f, i) => f.ai + f.value + (i < fields.length - 1 && !fixed.has(f.ai) ? '\x1d' : '')).join('');
}

export { locationLabelData };
