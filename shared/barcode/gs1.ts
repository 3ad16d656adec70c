/**
 * GS1 element strings as scanners deliver them, parsed into Application Identifiers (AIs).
 *
 * Three transmitted forms are read:
 * - the human-readable form with parentheses: `(01)06901234567892(17)271231(10)B2026-07`;
 * - the FNC1 form: FNC1 arrives as the group separator GS (\x1d) after every variable-length element
 *   that is not last, optionally behind a symbology identifier (`]C1` GS1-128, `]d2` GS1 DataMatrix,
 *   `]Q3` GS1 QR, `]e0` GS1 DataBar) and a leading GS;
 * - raw concatenation without any separator: an element of fixed length ends after its length (GS1's
 *   predefined-length AIs 00, 01, 02, 11–17, 20, 31nn–36nn, 41n, and the other fixed ones of the table
 *   below), a variable-length one runs to the next GS or the end (GS1 General Specifications 7.8.5).
 *
 * Pure: the backend resolves scans with it; tests run it against GS1's published examples.
 */
import { checkGtin, hasValidGs1CheckDigit } from './check-digit';

/** Why an element string was refused; the scanner shows each reason in the keeper's language. */
export type Gs1Problem =
  | 'empty'
  /** No AI of the GS1 table starts here. */
  | 'unknown-ai'
  /** A fixed-length element is cut short, or a variable one is longer than GS1 allows. */
  | 'length'
  /** A numeric element holds something other than digits. */
  | 'not-digits'
  /** A GTIN (AI 01/02) whose last digit is not its check digit. */
  | 'check-digit'
  /** A YYMMDD date that is not a calendar date (month 13, 31 April…). */
  | 'date'
  /** The same AI twice. */
  | 'repeated-ai';

export class Gs1Error extends Error {
  constructor(
    readonly problem: Gs1Problem,
    /** The AI concerned, when there is one. */
    readonly ai: string | null,
    message: string,
  ) {
    super(message);
    this.name = 'Gs1Error';
  }
}

/** What the GS1 table says about one AI: fixed or maximum data length, numeric or alphanumeric. */
interface AiSpec {
  /** Digits of the AI itself (2, 3 or 4). */
  aiLength: 2 | 3 | 4;
  /** Data length: exact when `fixed`, otherwise the maximum. */
  length: number;
  fixed: boolean;
  numeric: boolean;
}

const fixedN = (aiLength: 2 | 3 | 4, length: number): AiSpec => ({ aiLength, length, fixed: true, numeric: true });
const varN = (aiLength: 2 | 3 | 4, length: number): AiSpec => ({ aiLength, length, fixed: false, numeric: true });
const varX = (aiLength: 2 | 3 | 4, length: number): AiSpec => ({ aiLength, length, fixed: false, numeric: false });

/**
 * The AIs a relief depot meets on goods and pallets (GS1 General Specifications, section 3), keyed by
 * the AI. Four-digit AIs whose last digit is a decimal-point position (310n…) are keyed by their first
 * three digits. An AI outside this table is refused rather than guessed at.
 */
const aiTable: Record<string, AiSpec> = {
  '00': fixedN(2, 18), // SSCC
  '01': fixedN(2, 14), // GTIN
  '02': fixedN(2, 14), // GTIN of contained trade items
  '10': varX(2, 20), // batch or lot number
  '11': fixedN(2, 6), // production date
  '12': fixedN(2, 6), // due date
  '13': fixedN(2, 6), // packaging date
  '15': fixedN(2, 6), // best before date
  '16': fixedN(2, 6), // sell by date
  '17': fixedN(2, 6), // expiration date
  '20': fixedN(2, 2), // internal product variant
  '21': varX(2, 20), // serial number
  '22': varX(2, 20), // consumer product variant
  '235': varX(3, 28),
  '240': varX(3, 30),
  '241': varX(3, 30),
  '242': varN(3, 6),
  '243': varX(3, 20),
  '250': varX(3, 30),
  '251': varX(3, 30),
  '253': varX(3, 30),
  '254': varX(3, 20),
  '255': varN(3, 25),
  '30': varN(2, 8), // variable count of items
  '37': varN(2, 8), // count of trade items contained in a logistic unit
  '400': varX(3, 30), // customer's purchase order number
  '401': varX(3, 30),
  '402': fixedN(3, 17),
  '403': varX(3, 30),
  '410': fixedN(3, 13),
  '411': fixedN(3, 13),
  '412': fixedN(3, 13),
  '413': fixedN(3, 13),
  '414': fixedN(3, 13),
  '415': fixedN(3, 13),
  '416': fixedN(3, 13),
  '417': fixedN(3, 13),
  '420': varX(3, 20),
  '421': varX(3, 12),
  '422': fixedN(3, 3),
  '423': varN(3, 15),
  '424': fixedN(3, 3),
  '425': varN(3, 15),
  '426': fixedN(3, 3),
  '7001': fixedN(4, 13),
  '7002': varX(4, 30),
  '7003': fixedN(4, 10),
  '7004': varN(4, 4),
  '7006': fixedN(4, 6),
  '7007': varN(4, 12),
  '8001': fixedN(4, 14),
  '8002': varX(4, 20),
  '8003': varX(4, 30),
  '8004': varX(4, 30),
  '8005': fixedN(4, 6),
  '8006': fixedN(4, 18),
  '8007': varX(4, 34),
  '8008': varN(4, 12),
  '8010': varX(4, 30),
  '8011': varN(4, 12),
  '8012': varX(4, 20),
  '8017': fixedN(4, 18),
  '8018': fixedN(4, 18),
  '8020': varX(4, 25),
  '8200': varX(4, 70),
  '90': varX(2, 30), // mutually agreed information
};
// Trade measures 310n–369n (six digits, n = decimal places) and amounts 390n–395n.
for (let p = 310; p <= 369; p++) aiTable[String(p)] = fixedN(4, 6);
for (const p of [390, 392]) aiTable[String(p)] = varN(4, 15);
for (const p of [391, 393]) aiTable[String(p)] = varN(4, 18);
// 91–99: company internal information (our batch labels carry the item code in 91).
for (let p = 91; p <= 99; p++) aiTable[String(p)] = varX(2, 90);

/** The AI at the start of `text` and its spec, or null when no AI of the table starts there. */
function aiAt(text: string): { ai: string; spec: AiSpec } | null {
  for (const n of [2, 3, 4] as const) {
    const prefix = text.slice(0, n);
    if (prefix.length < n || !/^\d+$/.test(prefix)) return null;
    // 310n…: the table holds the first three digits; the fourth is the decimal position.
    const spec = aiTable[prefix] ?? (n === 4 ? aiTable[prefix.slice(0, 3)] : undefined);
    if (spec && spec.aiLength === n) return { ai: prefix, spec };
  }
  return null;
}

/** The group separator scanners send for FNC1 (and the scan capture normalises to). */
export const groupSeparator = '\x1d';

/** Symbology identifiers (ISO/IEC 15424) of the GS1 symbologies. */
const gs1SymbologyIds = [']C1', ']d2', ']Q3', ']e0', ']J1'];

/** One parsed element: the AI and its data exactly as encoded. */
export interface Gs1Element {
  ai: string;
  data: string;
}

/** The elements a depot acts on, checked and converted. */
export interface Gs1Data {
  elements: Gs1Element[];
  /** AI 01, 14 digits with a valid check digit. */
  gtin: string | null;
  /** AI 02: the GTIN of the trade items inside a logistic unit. */
  contentGtin: string | null;
  /** AI 00. */
  sscc: string | null;
  /** AI 10. */
  batchNo: string | null;
  /** AI 21. */
  serial: string | null;
  /** AI 11, YYYY-MM-DD. */
  productionDate: string | null;
  /** AI 17 (or 15 best before when no 17), YYYY-MM-DD. */
  expiryDate: string | null;
  /** AI 30 (variable count) or 37 (count of contained trade items). */
  count: number | null;
  /** AI 91: our own labels put the item code here. */
  internalCode: string | null;
}

/** True when a scan is plainly meant as a GS1 element string: parentheses, a symbology identifier or GS. */
export function looksLikeElementString(scan: string): boolean {
  return (
    /^\(\d{2,4}\)/.test(scan) || gs1SymbologyIds.some((id) => scan.startsWith(id)) || scan.includes(groupSeparator)
  );
}

function dropLeadingSeparators(text: string): string {
  let at = 0;
  while (text[at] === groupSeparator) at++;
  return text.slice(at);
}

/** Splits the FNC1 (or raw) form into elements. */
function splitConcatenated(text: string): Gs1Element[] {
  const elements: Gs1Element[] = [];
  let rest = dropLeadingSeparators(text);
  while (rest.length > 0) {
    const found = aiAt(rest);
    if (!found) throw new Gs1Error('unknown-ai', rest.slice(0, 4), `no GS1 AI starts at "${rest.slice(0, 8)}"`);
    const { ai, spec } = found;
    rest = rest.slice(ai.length);
    let data: string;
    if (spec.fixed) {
      data = rest.slice(0, spec.length);
      if (data.includes(groupSeparator) || data.length < spec.length) {
        throw new Gs1Error('length', ai, `AI ${ai} needs ${spec.length} characters`);
      }
      rest = rest.slice(spec.length);
    } else {
      const end = rest.indexOf(groupSeparator);
      data = end === -1 ? rest : rest.slice(0, end);
      rest = end === -1 ? '' : rest.slice(end);
    }
    // A separator after a fixed-length element is redundant but harmless; some encoders write one.
    rest = dropLeadingSeparators(rest);
    elements.push({ ai, data });
  }
  return elements;
}

function splitParenthesised(text: string): Gs1Element[] {
  const elements: Gs1Element[] = [];
  const pattern = /\((\d{2,4})\)([^(]*)/gy;
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = pattern.exec(text)) !== null) {
    elements.push({ ai: match[1]!, data: match[2]!.replaceAll(groupSeparator, '') });
    consumed = pattern.lastIndex;
  }
  if (consumed !== text.length || elements.length === 0) {
    throw new Gs1Error('unknown-ai', null, `not an element string in parentheses: "${text.slice(consumed, 12)}"`);
  }
  for (const e of elements) {
    const found = aiAt(e.ai);
    if (!found || found.ai !== e.ai) throw new Gs1Error('unknown-ai', e.ai, `(${e.ai}) is not a GS1 AI`);
  }
  return elements;
}

/**
 * A GS1 YYMMDD date as YYYY-MM-DD. The century follows GS1's sliding window (General Specifications
 * 7.12): a year 51–99 years ahead of `today` is in the previous century, one 50–99 years behind in the
 * next. DD = 00 means the last day of the month.
 */
export function gs1Date(yymmdd: string, today: Date): string | null {
  if (!/^\d{6}$/.test(yymmdd)) return null;
  const yy = Number(yymmdd.slice(0, 2));
  const mm = Number(yymmdd.slice(2, 4));
  let dd = Number(yymmdd.slice(4, 6));
  const thisYear = today.getUTCFullYear();
  const century = Math.floor(thisYear / 100) * 100;
  const difference = yy - (thisYear % 100);
  let year = century + yy;
  if (difference >= 51 && difference <= 99) year -= 100;
  else if (difference >= -99 && difference <= -50) year += 100;
  if (mm < 1 || mm > 12) return null;
  const lastDay = new Date(Date.UTC(year, mm, 0)).getUTCDate();
  if (dd === 0) dd = lastDay;
  if (dd > lastDay) return null;
  return `${String(year).padStart(4, '0')}-${String(mm).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}

const dateAis = new Set(['11', '12', '13', '15', '16', '17']);

/**
 * Parses a GS1 element string in any of the three forms. Throws Gs1Error with the reason when it is
 * not one or when a GTIN check digit, a date or a length is wrong: a misread is never silently accepted.
 */
export function parseGs1(scan: string, today: Date = new Date()): Gs1Data {
  let text = scan.trim();
  const symbology = gs1SymbologyIds.find((id) => text.startsWith(id));
  if (symbology) text = text.slice(symbology.length);
  if (text.replaceAll(groupSeparator, '') === '') throw new Gs1Error('empty', null, 'empty element string');
  const elements = text.startsWith('(') ? splitParenthesised(text) : splitConcatenated(text);

  const seen = new Set<string>();
  const dates: Record<string, string> = {};
  for (const { ai, data } of elements) {
    if (seen.has(ai)) throw new Gs1Error('repeated-ai', ai, `AI ${ai} appears twice`);
    seen.add(ai);
    const { spec } = aiAt(ai)!;
    if (spec.fixed ? data.length !== spec.length : data.length < 1 || data.length > spec.length) {
      throw new Gs1Error('length', ai, `AI ${ai}: ${data.length} characters`);
    }
    if (spec.numeric && !/^\d+$/.test(data)) throw new Gs1Error('not-digits', ai, `AI ${ai} must be digits`);
    if (!spec.numeric && !/^[\x21-\x7e]+$/.test(data)) {
      throw new Gs1Error('not-digits', ai, `AI ${ai} holds characters GS1 does not allow`);
    }
    if ((ai === '01' || ai === '02') && !checkGtin(data).ok) {
      throw new Gs1Error('check-digit', ai, `AI ${ai}: ${data} fails its check digit`);
    }
    if (ai === '00' && !hasValidGs1CheckDigit(data)) {
      throw new Gs1Error('check-digit', ai, `SSCC ${data} fails its check digit`);
    }
    if (dateAis.has(ai)) {
      const date = gs1Date(data, today);
      if (!date) throw new Gs1Error('date', ai, `AI ${ai}: ${data} is not a date`);
      dates[ai] = date;
    }
  }
  const value = (ai: string) => elements.find((e) => e.ai === ai)?.data ?? null;
  const count = value('37') ?? value('30');
  return {
    elements,
    gtin: value('01'),
    contentGtin: value('02'),
    sscc: value('00'),
    batchNo: value('10'),
    serial: value('21'),
    productionDate: dates['11'] ?? null,
    expiryDate: dates['17'] ?? dates['15'] ?? null,
    count: count === null ? null : Number(count),
    internalCode: value('91'),
  };
}
