/**
 * Reading CSV files as keepers have them: saved by Excel as "CSV UTF-8" (with a BOM), by other tools
 * as plain UTF-8, or by Excel on Chinese Windows in the ANSI code page (GBK, read as GB18030).
 */

/**
 * A CSV file that cannot be read as a table: `record` is the 1-based record where the trouble
 * starts, `excerpt` the text there.
 */
export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly record: number,
    readonly excerpt: string,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

/**
 * C0 controls other than tab, LF, CR and form feed (which some exporters leave in), and DEL: no text
 * file holds them, so they mean the bytes are something else (a zip, an old .xls, random data).
 */
function hasBinaryControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || c === 0x7f) return true;
  }
  return false;
}

/**
 * Decodes a CSV file's bytes to text: UTF-8 (a BOM is dropped) when the bytes are valid UTF-8, else
 * GB18030, the superset of the GBK that Excel on Chinese Windows writes. Returns null when the bytes
 * are neither, or hold control characters no text file has.
 */
export function decodeCsvText(bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    try {
      text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      return null;
    }
  }
  return hasBinaryControl(text) ? null : text;
}

/**
 * Splits CSV text into records of fields (RFC 4180): comma-separated, records ended by CRLF, LF or CR,
 * fields optionally in double quotes that may hold commas, line breaks and doubled quotes. Like Excel,
 * a quote inside an unquoted field is kept as text, and text after a closing quote is appended. The
 * line break ending the last record does not make an extra empty record; an empty line elsewhere is a
 * record with one empty field (so record numbers stay the row numbers a spreadsheet shows).
 * Throws CsvSyntaxError when a quoted field is never closed.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  // Whether the current field has begun (a quote only opens a quoted field at its very start).
  let started = false;
  let i = 0;
  const n = text.length;
  const endField = () => {
    record.push(field);
    field = '';
    started = false;
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x2c /* , */) {
      endField();
      i++;
    } else if (c === 0x0a /* LF */ || c === 0x0d /* CR */) {
      endField();
      records.push(record);
      record = [];
      i += c === 0x0d && text.charCodeAt(i + 1) === 0x0a ? 2 : 1;
    } else if (c === 0x22 /* " */ && !started) {
      // A quoted field: read to the closing quote, unescaping doubled quotes.
      const open = i;
      started = true;
      i++;
      for (;;) {
        const close = text.indexOf('"', i);
        if (close < 0) {
          const excerpt = text.slice(open, open + 40);
          throw new CsvSyntaxError(`a quoted field is never closed: ${excerpt}`, records.length + 1, excerpt);
        }
        field += text.slice(i, close);
        i = close + 1;
        if (text.charCodeAt(i) !== 0x22) break;
        field += '"';
        i++;
      }
    } else {
      // A run of plain characters, copied at once.
      let end = i + 1;
      while (end < n) {
        const d = text.charCodeAt(end);
        if (d === 0x2c || d === 0x0a || d === 0x0d) break;
        end++;
      }
      field += text.slice(i, end);
      started = true;
      i = end;
    }
  }
  // The last record, unless the text ended with its line break (or is empty).
  if (started || record.length > 0) {
    endField();
    records.push(record);
  }
  return records;
}
