/**
 * What a cell may hold once it leaves the app. Spreadsheet programs treat text starting with = + - @
 * (and tab or CR, which some use to smuggle them) as a formula when the file is opened or a cell is
 * edited: a donor named =HYPERLINK(…) must stay a name. OWASP's remedy: prefix such text with '.
 */

const formulaStart = /^[=+\-@\t\r]/;
/** Characters XML 1.0 cannot carry: an XLSX holding one does not open. */
// eslint-disable-next-line no-control-regex
const xmlIllegal = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text as it is written into a cell: never read as a formula, never breaking the file. */
export function neutralise(text: string): string {
  const clean = text.replace(xmlIllegal, '');
  return formulaStart.test(clean) ? `'${clean}` : clean;
}

/** A money amount in fen as yuan with exactly two decimals, without floating point ("-12.05"). */
export function yuanText(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** One CSV field by RFC 4180: quoted when it holds a comma, quote, CR or LF; quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** How wide text shows in a spreadsheet column: CJK and other wide characters take two places. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    width += code > 0x2e80 ? 2 : 1;
  }
  return width;
}
