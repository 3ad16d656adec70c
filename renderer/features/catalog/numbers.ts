/**
 * Reading the numbers a keeper types: whole counts and yuan amounts. Money becomes fen by joining
 * digits as text, never by multiplying a float (12.5 × 100 is not always 1250 in binary).
 */

/** Full-width digits and stray spaces normalised; "1,200" loses its thousands separators. */
function normalise(text: string): string {
  const s = text.normalize('NFKC').replace(/\s+/g, '');
  return /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(s) ? s.replace(/,/g, '') : s;
}

/**
 * A whole number, or null when the text is not one. Blank gives `blank`. Negative numbers are read
 * (the backend refuses them with the field's range), so the keeper sees one message per field.
 */
export function parseWhole(text: string, blank: number | null): number | null {
  const s = normalise(text);
  if (s === '') return blank;
  const m = /^([+-]?)(\d+)$/.exec(s);
  if (!m) return null;
  const n = Number(m[2]);
  return m[1] === '-' ? -n : n;
}

/** The most yuan digits accepted before the backend's range check: keeps fen within exact integers. */
const maxYuanDigits = 13;

/** "12.5" → 1250, "¥1,280.50" → 128050, "" → 0; null when not yuan with at most two decimals. */
export function yuanToFen(text: string): number | null {
  const s = normalise(text.trim().replace(/^¥/, '').replace(/元$/, ''));
  if (s === '') return 0;
  const m = /^(\d*)(?:\.(\d{0,2}))?$/.exec(s);
  if (!m || (m[1] === '' && !m[2])) return null;
  const yuan = (m[1] ?? '').replace(/^0+(?=\d)/, '');
  if (yuan.length > maxYuanDigits) return null;
  return Number(`${yuan}${(m[2] ?? '').padEnd(2, '0')}`);
}

/** Fen as the yuan text an input shows: 1250 → "12.50", 0 → "". */
export function fenToYuanText(fen: number): string {
  if (fen === 0) return '';
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}
