/**
 * The receipt form as a keeper fills it in: its shape (also what a draft stores), the checks made
 * before posting, the posting input built from it, and where a backend refusal belongs on it.
 */
import type { ChannelInput, Item, Source } from '../../../shared/contract';
import type { AppError } from '../../../shared/errors';
import { today } from '../../components/format';

export const supplyKinds = ['purchase', 'allocation', 'donation'] as const;
export type SupplyKind = (typeof supplyKinds)[number];

/** Who the header party is for each kind (the backend refuses another kind of party). */
export const partyKindFor = { purchase: 'supplier', allocation: 'issuing_unit', donation: 'donor' } as const;

export interface ReceiptLine {
  /** Stable across edits and drafts: rows, focus targets and refusals are keyed by it. */
  key: string;
  item: Item | null;
  cartons: number;
  units: number;
  batchNo: string;
  /** Dates as typed; checked and normalised to YYYY-MM-DD before posting. */
  productionDate: string;
  expiryDate: string;
  origin: string;
  locationId: string;
  remarks: string;
}

export interface ReceiptHeader {
  kind: SupplyKind;
  sourceId: string;
  partyId: string;
  docDate: string;
  remarks: string;
}

export interface ReceiptForm {
  header: ReceiptHeader;
  lines: ReceiptLine[];
}

/** What a receipt draft stores; `form` tells it apart from other screens' receipt drafts (returns). */
export interface ReceiptDraftPayload {
  form: 'receive';
  version: 1;
  header: ReceiptHeader;
  lines: ReceiptLine[];
}

export const lineFields = [
  'item',
  'quantity',
  'batchNo',
  'productionDate',
  'expiryDate',
  'origin',
  'locationId',
  'remarks',
] as const;
export type LineField = (typeof lineFields)[number];

export const headerFields = ['kind', 'sourceId', 'partyId', 'docDate', 'remarks'] as const;
export type HeaderField = (typeof headerFields)[number];

/** Limits of the posting schema, so the inputs stop where the backend would refuse. */
export const maxLength = { batchNo: 64, origin: 100, remarks: 500, headerRemarks: 500 } as const;

let lineCounter = 0;
export function newLineKey(): string {
  lineCounter += 1;
  return `l${Date.now().toString(36)}${lineCounter.toString(36)}`;
}

export function emptyLine(locationId = ''): ReceiptLine {
  return {
    key: newLineKey(),
    item: null,
    cartons: 0,
    units: 0,
    batchNo: '',
    productionDate: '',
    expiryDate: '',
    origin: '',
    locationId,
    remarks: '',
  };
}

export function emptyForm(): ReceiptForm {
  return {
    header: { kind: 'purchase', sourceId: '', partyId: '', docDate: today(), remarks: '' },
    lines: [emptyLine()],
  };
}

/** A line the keeper has not touched (the spare line Enter adds at the end): left out when posting. */
export function isBlankLine(line: ReceiptLine): boolean {
  return (
    line.item === null &&
    line.cartons === 0 &&
    line.units === 0 &&
    !line.batchNo.trim() &&
    !line.productionDate.trim() &&
    !line.expiryDate.trim() &&
    !line.origin.trim() &&
    !line.remarks.trim()
  );
}

/** Whether the form holds anything worth keeping as a draft. */
export function hasContent(form: ReceiptForm): boolean {
  return form.lines.some((l) => !isBlankLine(l)) || form.header.sourceId !== '' || form.header.remarks.trim() !== '';
}

export function quantityOf(line: ReceiptLine): number {
  const packSize = line.item?.packSize ?? 1;
  return (packSize > 1 ? line.cartons * packSize : 0) + line.units;
}

/** Full-width digits and separators from a Chinese input method mean the same as ASCII ones. */
function halfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * A date as keepers type it — 2025-06-01, 2025/6/1, 2025.6.1, 20250601, 2025年6月1日 — as
 * YYYY-MM-DD, or null when it is not a real calendar date.
 */
export function parseDate(typed: string): string | null {
  const text = halfWidth(typed).trim();
  const match = /^(\d{4})(?:[-/.年]\s*(\d{1,2})[-/.月]\s*(\d{1,2})日?|(\d{2})(\d{2}))$/.exec(text);
  if (!match) return null;
  const year = match[1]!;
  const month = (match[2] ?? match[4])!.padStart(2, '0');
  const day = (match[3] ?? match[5])!.padStart(2, '0');
  const iso = `${year}-${month}-${day}`;
  const probe = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(probe.getTime()) || probe.toISOString().slice(0, 10) !== iso) return null;
  if (iso < '1970-01-01' || iso > '2199-12-31') return null;
  return iso;
}

/** The typed date tidied to YYYY-MM-DD when it is one; otherwise left as typed for the keeper to fix. */
export function tidyDate(typed: string): string {
  return parseDate(typed) ?? typed;
}

export function addDays(date: string, days: number): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

/**
 * The expiry the backend will derive when the keeper leaves it empty: production date + the item's
 * shelf life in days. Null when there is nothing to derive from.
 */
export function derivedExpiry(line: ReceiptLine): string | null {
  if (line.expiryDate.trim() || !line.item?.hasShelfLife || !line.item.shelfLifeDays) return null;
  const production = parseDate(line.productionDate);
  return production ? addDays(production, line.item.shelfLifeDays) : null;
}

/** The expiry a line will be stored with: typed, or derived. */
export function effectiveExpiry(line: ReceiptLine): string | null {
  return parseDate(line.expiryDate) ?? derivedExpiry(line);
}

/** Why a line or header field cannot be posted; each is a key under `receive.problems`. */
export type Problem =
  | 'missingItem'
  | 'zeroQuantity'
  | 'missingLocation'
  | 'needsDates'
  | 'expiryBeforeProduction'
  | 'notADate'
  | 'futureDate'
  | 'missingSource'
  | 'noLines';

export interface LineProblem {
  field: LineField;
  problem: Problem;
}

export interface FormProblems {
  header: Partial<Record<HeaderField, Problem>>;
  /** Per line key: every problem of the line, in field order. */
  lines: Record<string, LineProblem[]>;
  /** A problem that belongs to no single field (no lines at all). */
  form: Problem | null;
}

export function noProblems(): FormProblems {
  return { header: {}, lines: {}, form: null };
}

export function hasProblems(problems: FormProblems): boolean {
  return problems.form !== null || Object.keys(problems.header).length > 0 || Object.keys(problems.lines).length > 0;
}

function lineProblems(line: ReceiptLine, todayDate: string): LineProblem[] {
  const found: LineProblem[] = [];
  if (!line.item) found.push({ field: 'item', problem: 'missingItem' });
  if (line.item && quantityOf(line) === 0) found.push({ field: 'quantity', problem: 'zeroQuantity' });
  const production = line.productionDate.trim() ? parseDate(line.productionDate) : null;
  const expiry = line.expiryDate.trim() ? parseDate(line.expiryDate) : null;
  if (line.productionDate.trim() && !production) found.push({ field: 'productionDate', problem: 'notADate' });
  else if (production && production > todayDate) found.push({ field: 'productionDate', problem: 'futureDate' });
  if (line.expiryDate.trim() && !expiry) found.push({ field: 'expiryDate', problem: 'notADate' });
  if (line.item?.hasShelfLife && !line.productionDate.trim() && !line.expiryDate.trim()) {
    found.push({ field: 'productionDate', problem: 'needsDates' });
  }
  const expires = expiry ?? derivedExpiry(line);
  if (production && expires && expires <= production) {
    found.push({ field: 'expiryDate', problem: 'expiryBeforeProduction' });
  }
  if (!line.locationId) found.push({ field: 'locationId', problem: 'missingLocation' });
  return found;
}

/** Everything the keeper can be told before posting, so a refusal by the backend stays the exception. */
export function checkForm(form: ReceiptForm, todayDate = today()): FormProblems {
  const problems = noProblems();
  const { header } = form;
  if (!header.sourceId) problems.header.sourceId = 'missingSource';
  const docDate = parseDate(header.docDate);
  if (!docDate) problems.header.docDate = 'notADate';
  else if (docDate > todayDate) problems.header.docDate = 'futureDate';
  const filled = form.lines.filter((l) => !isBlankLine(l));
  if (filled.length === 0) problems.form = 'noLines';
  for (const line of filled) {
    const found = lineProblems(line, todayDate);
    if (found.length > 0) problems.lines[line.key] = found;
  }
  return problems;
}

export type ReceiptInput = ChannelInput<'stock:post-receipt'>;

/**
 * The posting input for a checked form, and which form line each posted line came from (the
 * backend names lines by their 1-based place in `lines`). Blank lines are left out. The document
 * date goes only when it is not today, so the backend's own clock decides "today".
 */
export function toPostingInput(
  form: ReceiptForm,
  draftId: string | null,
  todayDate = today(),
): { input: ReceiptInput; lineKeys: string[] } {
  const filled = form.lines.filter((l) => !isBlankLine(l) && l.item);
  const docDate = parseDate(form.header.docDate);
  const input: ReceiptInput = {
    kind: form.header.kind,
    ...(docDate && docDate !== todayDate ? { docDate } : {}),
    sourceId: form.header.sourceId,
    partyId: form.header.partyId || null,
    remarks: form.header.remarks.trim(),
    lines: filled.map((line) => ({
      itemId: line.item!.id,
      cartons: (line.item!.packSize ?? 1) > 1 ? line.cartons : 0,
      units: line.units,
      locationId: line.locationId,
      batchNo: line.batchNo.trim(),
      productionDate: parseDate(line.productionDate),
      expiryDate: parseDate(line.expiryDate),
      origin: line.origin.trim(),
      remarks: line.remarks.trim(),
    })),
    ...(draftId ? { draftId } : {}),
  };
  return { input, lineKeys: filled.map((l) => l.key) };
}

/** Where a backend refusal is shown: on a line (and field), on a header field, or above the form. */
export type RefusalPlace =
  { at: 'line'; key: string; field: LineField | null } | { at: 'header'; field: HeaderField } | { at: 'form' };

const lineFieldByDetail: Record<string, LineField> = {
  itemId: 'item',
  cartons: 'quantity',
  units: 'quantity',
  locationId: 'locationId',
  batchNo: 'batchNo',
  productionDate: 'productionDate',
  expiryDate: 'expiryDate',
  origin: 'origin',
  remarks: 'remarks',
};

const headerFieldByDetail: Record<string, HeaderField> = {
  docDate: 'docDate',
  sourceId: 'sourceId',
  partyId: 'partyId',
  remarks: 'remarks',
  kind: 'kind',
};

/** Reads `line` (1-based) and `field` from a refusal, or the first issue's path for invalid input. */
export function placeRefusal(error: AppError, lineKeys: string[]): RefusalPlace {
  const details = error.details;
  if (Array.isArray(details)) {
    const path = (details[0] as { path?: unknown[] } | undefined)?.path ?? [];
    if (path[0] === 'lines' && path[1] !== undefined) {
      const key = lineKeys[Number(path[1])];
      if (key) return { at: 'line', key, field: lineFieldByDetail[String(path[2])] ?? null };
    }
    const header = headerFieldByDetail[String(path[0])];
    return header ? { at: 'header', field: header } : { at: 'form' };
  }
  if (details && typeof details === 'object') {
    const { line, field, entity } = details as { line?: unknown; field?: unknown; entity?: unknown };
    if (typeof line === 'number') {
      const key = lineKeys[line - 1];
      if (key) {
        let lineField = typeof field === 'string' ? (lineFieldByDetail[field] ?? null) : null;
        if (!lineField && error.code === 'expiry-required') lineField = 'productionDate';
        if (!lineField && error.code === 'zero-quantity') lineField = 'quantity';
        if (!lineField && error.code === 'batch-mismatch') lineField = 'batchNo';
        if (!lineField && entity === 'item') lineField = 'item';
        return { at: 'line', key, field: lineField };
      }
    }
    if (typeof field === 'string' && headerFieldByDetail[field])
      return { at: 'header', field: headerFieldByDetail[field] };
    if (entity === 'source') return { at: 'header', field: 'sourceId' };
    if (entity === 'party') return { at: 'header', field: 'partyId' };
  }
  if (error.code === 'wrong-party-kind') return { at: 'header', field: 'partyId' };
  return { at: 'form' };
}

/** Sources a receipt of this kind may go into: donations into donation sources, the rest elsewhere. */
export function sourcesFor(kind: SupplyKind, sources: Source[]): Source[] {
  return sources.filter((s) => s.active && (kind === 'donation') === (s.kind === 'donation'));
}

/** Reads a stored draft back, or null when it is not one of this screen's drafts. */
export function readDraftPayload(payload: unknown): ReceiptForm | null {
  if (!payload || typeof payload !== 'object') return null;
  const p = payload as Partial<ReceiptDraftPayload>;
  if (p.form !== 'receive' || p.version !== 1 || !p.header || !Array.isArray(p.lines)) return null;
  const header = { ...emptyForm().header, ...p.header };
  if (!(supplyKinds as readonly string[]).includes(header.kind)) header.kind = 'purchase';
  const lines = p.lines.map((l) => ({ ...emptyLine(), ...l, key: typeof l.key === 'string' ? l.key : newLineKey() }));
  return { header, lines: lines.length > 0 ? lines : [emptyLine()] };
}

export function toDraftPayload(form: ReceiptForm): ReceiptDraftPayload {
  return { form: 'receive', version: 1, header: form.header, lines: form.lines };
}

/** Stable element ids of the form's fields: focus moves to them after a check, a refusal or a new line. */
export const headerFieldId = (field: HeaderField) => `receipt-header-${field}`;
export const lineFieldId = (key: string, field: LineField) => `receipt-line-${key}-${field}`;
