import { describe, expect, test } from 'vitest';
import { CsvSyntaxError, decodeCsvText, parseCsv } from '../../electron/backend/catalog/csv';
import { encodeGbk } from '../fixtures/import/gbk';

describe('parseCsv (RFC 4180)', () => {
  test('splits fields on commas and records on CRLF, LF or CR', () => {
    expect(parseCsv('a,b,c\r\n1,2,3\n4,5,6\r7,8,9')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
      ['4', '5', '6'],
      ['7', '8', '9'],
    ]);
  });

  test('the line break after the last record does not add an empty record', () => {
    expect(parseCsv('a,b\r\n1,2\r\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('a,b\n1,2\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('')).toEqual([]);
  });

  test('an empty line in the middle is a record of its own, so record numbers stay row numbers', () => {
    expect(parseCsv('a\r\n\r\nb\r\n')).toEqual([['a'], [''], ['b']]);
  });

  test('empty fields are kept, including a trailing one', () => {
    expect(parseCsv(',a,,\r\n')).toEqual([['', 'a', '', '']]);
  });

  test('quoted fields hold commas, doubled quotes and line breaks', () => {
    expect(parseCsv('"a,b","say ""hi""","line 1\r\nline 2",""\r\nnext,"x"')).toEqual([
      ['a,b', 'say "hi"', 'line 1\r\nline 2', ''],
      ['next', 'x'],
    ]);
  });

  test('a quoted field may end the file without a line break', () => {
    expect(parseCsv('a,"b"')).toEqual([['a', 'b']]);
    expect(parseCsv('"a\nb"\n')).toEqual([['a\nb']]);
  });

  test('like Excel, a quote inside an unquoted field is text, and so is text after a closing quote', () => {
    expect(parseCsv('12" tent,"ab"c,=HYPERLINK("x")')).toEqual([['12" tent', 'abc', '=HYPERLINK("x")']]);
  });

  test('spaces around fields are kept (the importer trims cells)', () => {
    expect(parseCsv(' a , b ')).toEqual([[' a ', ' b ']]);
  });

  test('a quoted field that never closes is a syntax error naming its record', () => {
    let error: unknown;
    try {
      parseCsv('a,b\r\n1,2\r\n3,"never closed\r\n4,5\r\n');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(CsvSyntaxError);
    expect((error as CsvSyntaxError).record).toBe(3);
    expect((error as CsvSyntaxError).excerpt).toBe('"never closed\r\n4,5\r\n');
  });

  test('CJK and emoji pass through untouched', () => {
    expect(parseCsv('名称,备注\r\n单帐篷 🏕️,"棉被,床"\r\n')).toEqual([
      ['名称', '备注'],
      ['单帐篷 🏕️', '棉被,床'],
    ]);
  });

  test('reads 5,000 quoted rows, the last one intact', () => {
    const text = Array.from({ length: 5000 }, (_, i) => `WP-${i},"棉被, ${i}",床,10,"12.50"`).join('\r\n');
    const records = parseCsv(text);
    expect(records).toHaveLength(5000);
    expect(records[4999]).toEqual(['WP-4999', '棉被, 4999', '床', '10', '12.50']);
  });
});

describe('decodeCsvText', () => {
  const utf8 = (s: string) => new TextEncoder().encode(s);

  test('reads UTF-8 with or without a BOM, dropping the BOM', () => {
    expect(decodeCsvText(utf8('编码,名称\r\n'))).toBe('编码,名称\r\n');
    expect(decodeCsvText(Uint8Array.of(0xef, 0xbb, 0xbf, ...utf8('编码,名称')))).toBe('编码,名称');
  });

  test('reads the GBK bytes Excel on Chinese Windows writes', () => {
    // 编码,名称 in GBK, byte by byte: 编 B1E0, 码 C2EB, 名 C3FB, 称 B3C6.
    const bytes = Uint8Array.of(0xb1, 0xe0, 0xc2, 0xeb, 0x2c, 0xc3, 0xfb, 0xb3, 0xc6, 0x0d, 0x0a);
    expect(decodeCsvText(bytes)).toBe('编码,名称\r\n');
    expect(decodeCsvText(encodeGbk('单帐篷,顶,棉被（加厚）'))).toBe('单帐篷,顶,棉被（加厚）');
  });

  test('refuses bytes that are no text: invalid in both encodings, or holding control characters', () => {
    expect(decodeCsvText(Uint8Array.of(0x41, 0xff, 0xfe, 0x80))).toBeNull();
    expect(decodeCsvText(Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00))).toBeNull(); // a zip (.xlsx)
    expect(decodeCsvText(utf8('a\u0000b'))).toBeNull();
    expect(decodeCsvText(utf8('a\tb\r\n'))).toBe('a\tb\r\n');
  });
});
