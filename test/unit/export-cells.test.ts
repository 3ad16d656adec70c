import { describe, expect, test } from 'vitest';
import { csvField, displayWidth, neutralise, yuanText } from '../../electron/backend/exports/cells';

describe('what a cell may hold once it leaves the app', () => {
  test('text a spreadsheet would run as a formula gets a leading apostrophe; other text is left alone', () => {
    for (const risky of ['=HYPERLINK("http://x","y")', '+1', '-5 度', '@SUM(A1)', '\tTAB', '\rCR']) {
      expect(neutralise(risky)).toBe(`'${risky}`);
    }
    for (const plain of ['棉被', 'A-01', "'already quoted", '救灾 = 生命', '🚒', '']) {
      expect(neutralise(plain)).toBe(plain);
    }
  });

  test('characters XML cannot carry are dropped, so the workbook still opens; the check runs after dropping them', () => {
    expect(neutralise('a\u0000b\u0007c\u001Fd')).toBe('abcd');
    expect(neutralise('\u0001=1+1')).toBe("'=1+1");
    expect(neutralise('line\nbreak\ttab')).toBe('line\nbreak\ttab');
  });

  test('fen become yuan with exactly two decimals, negative amounts included, without floating point', () => {
    expect([0, 1, 5, 105, -105, 150_000, 99_999_999, -7].map(yuanText)).toEqual([
      '0.00',
      '0.01',
      '0.05',
      '1.05',
      '-1.05',
      '1500.00',
      '999999.99',
      '-0.07',
    ]);
  });

  test('CSV fields are quoted only when RFC 4180 requires it, quotes doubled', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
  });

  test('Chinese characters take two places of a column, Latin letters one', () => {
    expect(displayWidth('ZP-12')).toBe(5);
    expect(displayWidth('单帐篷')).toBe(6);
    expect(displayWidth('12 m²')).toBe(5);
  });
});
