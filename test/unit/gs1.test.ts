import { describe, expect, it } from 'vitest';
import { Gs1Error, gs1Date, looksLikeElementString, parseGs1 } from '../../shared/barcode/gs1';
import { batchLabelElementString } from '../../shared/barcode/payloads';

const today = new Date('2026-11-28T08:00:00Z');
const GS = '\x1d';

function refusal(scan: string): { problem: string; ai: string | null } {
  try {
    parseGs1(scan, today);
  } catch (err) {
    if (err instanceof Gs1Error) return { problem: err.problem, ai: err.ai };
    throw err;
  }
  throw new Error(`${JSON.stringify(scan)} was accepted`);
}

describe('GS1 element strings in their three transmitted forms', () => {
  // GS1 DataMatrix Guideline, figure 2.6.2-1: (01)09501101530003(17)140704(10)AB-123.
  const published = { gtin: '09501101530003', expiryDate: '2014-07-04', batchNo: 'AB-123' };

  it('reads the GS1 DataMatrix Guideline example with parentheses', () => {
    expect(parseGs1('(01)09501101530003(17)140704(10)AB-123', today)).toMatchObject(published);
  });

  it('reads the same example as a scanner sends it: symbology identifier, FNC1 as GS', () => {
    for (const id of [']d2', ']C1', ']Q3', ']e0', '']) {
      expect(parseGs1(`${id}010950110153000317140704${GS}10AB-123`, today)).toMatchObject(published);
      // Some scanners also send the leading FNC1 as a GS.
      expect(parseGs1(`${id}${GS}010950110153000317140704${GS}10AB-123`, today)).toMatchObject(published);
    }
  });

  it('reads raw concatenation by the predefined lengths: 01, then 17, then a variable 10 to the end', () => {
    expect(parseGs1('0106901234567892172712311012345', today)).toMatchObject({
      gtin: '06901234567892',
      expiryDate: '2027-12-31',
      batchNo: '12345',
    });
  });

  it('ends a variable-length element at GS and goes on with the next one', () => {
    expect(parseGs1(`10ABC${GS}1727010121S-9`, today)).toMatchObject({
      batchNo: 'ABC',
      expiryDate: '2027-01-01',
      serial: 'S-9',
    });
  });

  it('reads the GS1-128 example of the General Specifications with a trade measure AI (3103)', () => {
    const parsed = parseGs1('(01)95012345678903(3103)000123', today);
    expect(parsed.gtin).toBe('95012345678903');
    expect(parsed.elements).toEqual([
      { ai: '01', data: '95012345678903' },
      { ai: '3103', data: '000123' },
    ]);
    expect(parseGs1('01950123456789033103000123', today).elements).toEqual(parsed.elements);
  });

  it('reads a logistic label (GS1 Logistic Label Guideline): SSCC, contained GTIN, count and batch', () => {
    expect(parseGs1('(00)354123450000000014', today).sscc).toBe('354123450000000014');
    expect(parseGs1(`]C10205412345000013${'37'}20${GS}104512XA`, today)).toMatchObject({
      contentGtin: '05412345000013',
      count: 20,
      batchNo: '4512XA',
    });
  });

  it('takes a count from (30) and production and expiry dates from (11) and (17)', () => {
    expect(parseGs1('(01)09501101530003(11)260301(17)270228(30)48', today)).toMatchObject({
      productionDate: '2026-03-01',
      expiryDate: '2027-02-28',
      count: 48,
    });
  });

  it('reads back what our own batch labels encode, with a GTIN and with the item code in (91)', () => {
    const withGtin = batchLabelElementString({
      gtin: '6901234567892',
      itemCode: 'MB-01',
      batchNo: 'B2026-07',
      expiryDate: '2031-06-30',
      productionDate: '2026-07-01',
    });
    expect(parseGs1(withGtin, today)).toMatchObject({
      gtin: '06901234567892',
      batchNo: 'B2026-07',
      expiryDate: '2031-06-30',
      productionDate: '2026-07-01',
      internalCode: null,
    });
    const internal = batchLabelElementString({ itemCode: 'MB-01', batchNo: 'B1', expiryDate: '2030-01-31' });
    expect(parseGs1(internal, today)).toMatchObject({ gtin: null, internalCode: 'MB-01', batchNo: 'B1' });
    // The same label as a scanner transmits it: FNC1 only after the variable (91).
    expect(parseGs1(`]C117300131${'91'}MB-01${GS}10B1`, today)).toMatchObject({ internalCode: 'MB-01', batchNo: 'B1' });
  });
});

describe('GS1 dates (General Specifications 7.12)', () => {
  it('takes DD = 00 as the last day of the month, leap years included', () => {
    expect(gs1Date('270200', today)).toBe('2027-02-28');
    expect(gs1Date('280200', today)).toBe('2028-02-29');
    expect(gs1Date('261100', today)).toBe('2026-11-30');
    expect(parseGs1('(01)09501101530003(17)291200', today).expiryDate).toBe('2029-12-31');
  });

  it('chooses the century by the sliding window: up to 50 years ahead, up to 49 behind', () => {
    expect(gs1Date('760101', today)).toBe('2076-01-01'); // 50 ahead: this century
    expect(gs1Date('770101', today)).toBe('1977-01-01'); // 51 ahead: the previous century
    expect(gs1Date('000101', today)).toBe('2000-01-01');
    // Near the end of a century a small year is the next century's.
    const late = new Date('2090-06-01T00:00:00Z');
    expect(gs1Date('400101', late)).toBe('2140-01-01'); // 50 behind: next century
    expect(gs1Date('410101', late)).toBe('2041-01-01'); // 49 behind: this century
  });

  it('refuses dates that are not on the calendar', () => {
    expect(gs1Date('271301', today)).toBeNull();
    expect(gs1Date('270431', today)).toBeNull();
    expect(gs1Date('270229', today)).toBeNull();
    expect(refusal('(01)09501101530003(17)270431')).toEqual({ problem: 'date', ai: '17' });
    expect(refusal('0109501101530003111313011012')).toEqual({ problem: 'date', ai: '11' });
  });
});

describe('misreads are refused with their reason, never silently read', () => {
  it('a GTIN whose check digit is wrong, in every form', () => {
    expect(refusal('(01)09501101530004(10)AB-123')).toEqual({ problem: 'check-digit', ai: '01' });
    expect(refusal(`]C1010950110153000417140704${GS}10AB`)).toEqual({ problem: 'check-digit', ai: '01' });
    expect(refusal('(02)05412345000014(37)20')).toEqual({ problem: 'check-digit', ai: '02' });
    expect(refusal('(00)354123450000000015')).toEqual({ problem: 'check-digit', ai: '00' });
  });

  it('an AI that is not in the GS1 table, a short fixed field, letters in a numeric field, a repeat', () => {
    expect(refusal('(05)123456').problem).toBe('unknown-ai');
    expect(refusal('0509501101530003').problem).toBe('unknown-ai');
    expect(refusal('(01)0950110153000')).toEqual({ problem: 'length', ai: '01' });
    expect(refusal(`010950110153${GS}0003`)).toEqual({ problem: 'length', ai: '01' });
    expect(refusal('(30)12A')).toEqual({ problem: 'not-digits', ai: '30' });
    expect(refusal('(10)' + 'X'.repeat(21))).toEqual({ problem: 'length', ai: '10' });
    expect(refusal('(10)A(10)B')).toEqual({ problem: 'repeated-ai', ai: '10' });
    expect(refusal(']C1').problem).toBe('empty');
    expect(refusal('(01)09501101530003x').problem).toBe('length');
  });

  it('tells a plainly meant element string from an ordinary barcode', () => {
    expect(looksLikeElementString('(01)09501101530003')).toBe(true);
    expect(looksLikeElementString(']C10109501101530003')).toBe(true);
    expect(looksLikeElementString(`0109501101530003${GS}`)).toBe(true);
    expect(looksLikeElementString('6901234567892')).toBe(false);
    expect(looksLikeElementString('RK-2026-00001')).toBe(false);
  });
});
