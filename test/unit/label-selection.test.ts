import { describe, expect, it } from 'vitest';
import { internalGtin } from '../../shared/barcode/payloads';
import { formatLabelSelection, labelCount, parseLabelSelection } from '../../shared/labels/selection';
import { batchSymbol, gs1Transmitted, itemGtin, itemSymbol } from '../../shared/labels/symbols';

const tent = '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const water = '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a60';
const city = '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a61';

describe('label selection', () => {
  it('reads 50 tent labels and 2 water labels with a source and a quantity, and writes them back the same', () => {
    const text = `batches:${tent}*50,${water}~${city}*2=240`;
    const parsed = parseLabelSelection(text);
    expect(parsed).toEqual({
      ok: true,
      selection: {
        kind: 'batches',
        entries: [
          { id: tent, copies: 50 },
          { id: water, copies: 2, sourceId: city, quantity: 240 },
        ],
      },
    });
    if (!parsed.ok) throw new Error('refused');
    expect(formatLabelSelection(parsed.selection)).toBe(text);
    expect(labelCount(parsed.selection)).toBe(52);
  });

  it('defaults to one label per record', () => {
    expect(parseLabelSelection(`locations:${tent},${water}`)).toEqual({
      ok: true,
      selection: {
        kind: 'locations',
        entries: [
          { id: tent, copies: 1 },
          { id: water, copies: 1 },
        ],
      },
    });
  });

  it.each([
    ['shelves:abc', 'unknown-kind'],
    ['items', 'no-entries'],
    ['items:', 'no-entries'],
    [`items:${tent},`, 'bad-entry'],
    [`items:${tent}*`, 'bad-entry'],
    [`items:${tent}*-1`, 'bad-entry'],
    [`items:${tent}*0`, 'copies-out-of-range'],
    [`items:${tent}*2001`, 'copies-out-of-range'],
    [`items:${tent}~${city}`, 'not-for-this-kind'],
    [`locations:${tent}=5`, 'not-for-this-kind'],
    [`batches:${tent}=0`, 'quantity-out-of-range'],
    [`items:${tent}*1500,${water}*501`, 'too-many-labels'],
    [`items:${Array.from({ length: 201 }, () => tent).join(',')}`, 'too-many-entries'],
    ['items:<script>', 'bad-entry'],
  ])('refuses %s (%s)', (text, problem) => {
    expect(parseLabelSelection(text)).toEqual({ ok: false, problem });
  });
});

describe('what a label encodes', () => {
  it('an item with an internal GTIN-13 prints EAN-13; carton barcodes never go on a unit label', () => {
    const internal = internalGtin(7);
    expect(
      itemSymbol('ZP-12', [
        { barcode: '6901234567892', quantity: 20 },
        { barcode: internal, quantity: 1 },
      ]),
    ).toEqual({ symbology: 'ean13', data: internal });
  });

  it('an item whose unit barcode is not a GTIN-13 prints it in Code128; without one, its code', () => {
    expect(itemSymbol('MB-01', [{ barcode: 'SUPPLIER-77', quantity: 1 }])).toEqual({
      symbology: 'code128',
      data: 'SUPPLIER-77',
      from: 'barcode',
    });
    expect(itemSymbol('MB-01', [{ barcode: '6901234567892', quantity: 10 }])).toEqual({
      symbology: 'code128',
      data: 'MB-01',
      from: 'code',
    });
    // A GTIN-13 with a wrong check digit is only a text to Code128, not an EAN-13 that would refuse to draw.
    expect(itemSymbol('MB-01', [{ barcode: '6901234567893', quantity: 1 }]).symbology).toBe('code128');
  });

  it('a batch label carries the GTIN in (01) when the item has one, and its code in (91) otherwise', () => {
    expect(itemGtin([{ barcode: '06901234567892', quantity: 1 }])).toBe('06901234567892');
    expect(
      batchSymbol({
        gtin: '6901234567892',
        itemCode: 'KS-550',
        batchNo: 'RK-2026-00001',
        productionDate: '2026-01-15',
        expiryDate: '2027-01-15',
      }),
    ).toEqual({ kind: 'gs1', elementString: '(01)06901234567892(11)260115(17)270115(10)RK-2026-00001' });
    expect(batchSymbol({ itemCode: 'MB-01', batchNo: 'B7' })).toEqual({
      kind: 'gs1',
      elementString: '(91)MB-01(10)B7',
    });
  });

  it('a batch number GS1 cannot carry (Chinese, parentheses, over 20 characters) falls back to a QR code', () => {
    expect(batchSymbol({ itemCode: 'MB-01', batchNo: '捐赠第3批' })).toEqual({
      kind: 'qr-fallback',
      data: '(91)MB-01(10)捐赠第3批',
      reason: 'batch-characters',
    });
    expect(batchSymbol({ itemCode: 'MB-01', batchNo: 'A(1)' }).kind).toBe('qr-fallback');
    expect(batchSymbol({ itemCode: 'MB-01', batchNo: 'X'.repeat(21) })).toMatchObject({ reason: 'batch-length' });
  });

  it('the transmitted form ends variable-length fields with GS and leaves fixed ones bare', () => {
    expect(gs1Transmitted('(01)06901234567892(17)270115(10)B7')).toBe('010690123456789217270115' + '10B7');
    expect(gs1Transmitted('(17)270115(91)MB-01(10)B7')).toBe('17270115' + '91MB-01\x1d' + '10B7');
  });
});
