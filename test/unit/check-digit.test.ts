import { describe, expect, it } from 'vitest';
import { checkGtin, gs1CheckDigit, hasValidGs1CheckDigit } from '../../shared/barcode/check-digit';

// Published examples: GS1 General Specifications §7.9 (check digit calculation) and common GTINs.
describe('GS1 check digits', () => {
  it('computes the check digit of published examples', () => {
    expect(gs1CheckDigit('629104150021')).toBe(3); // GTIN-13 6291041500213 (GS1 spec example)
    expect(gs1CheckDigit('9501101020917'.slice(0, -1))).toBe(7); // GTIN-13 from GS1 barcode examples
    expect(gs1CheckDigit('0950110153000')).toBe(3); // GTIN-14 09501101530003
    expect(gs1CheckDigit('9638507')).toBe(4); // EAN-8 96385074
    expect(gs1CheckDigit('03600029145')).toBe(2); // UPC-A 036000291452
    expect(gs1CheckDigit('00614141123456789')).toBe(0); // SSCC 006141411234567890
  });

  it('accepts valid GTINs of every length and pads them to 14 digits', () => {
    expect(checkGtin('96385074')).toEqual({ ok: true, gtin14: '00000096385074' });
    expect(checkGtin('036000291452')).toEqual({ ok: true, gtin14: '00036000291452' });
    expect(checkGtin('6901234567892')).toEqual({ ok: true, gtin14: '06901234567892' });
    expect(checkGtin('09501101530003')).toEqual({ ok: true, gtin14: '09501101530003' });
  });

  it('refuses a wrong check digit, a wrong length and non-digits with the reason', () => {
    expect(checkGtin('6901234567893')).toEqual({ ok: false, reason: 'check-digit' });
    expect(checkGtin('690123456789')).toEqual({ ok: false, reason: 'check-digit' });
    expect(checkGtin('69012345678')).toEqual({ ok: false, reason: 'length' });
    expect(checkGtin('69012345678a2')).toEqual({ ok: false, reason: 'not-digits' });
    expect(hasValidGs1CheckDigit('')).toBe(false);
  });
});
