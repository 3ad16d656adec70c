/**
 * Which labels to print, as the one text that travels in the print route's target
 * (`#/print/labels/<selection>?paper=…`), so the preview, the printer and the PDF tests draw the
 * same labels from the same words.
 *
 *   selection := kind ':' entry (',' entry)*
 *   kind      := 'items' | 'batches' | 'locations'
 *   entry     := id ('~' sourceId)? ('*' copies)? ('=' quantity)?
 *
 * - `copies`: how many identical labels of that record (default 1), e.g. one per tent received.
 * - `~sourceId` (batches only): the stock source whose name (and donor) the label prints; without it
 *   the label names every source that received the batch.
 * - `=quantity` (batches only): a quantity in base units to print on the label (a pallet's label).
 *
 * Ids are UUIDv7 (hex digits and dashes), so the separators never occur inside them. Copies and
 * quantities travel per entry because a label set mixes records: 50 tents and 3 pallets of water.
 */

export const labelKinds = ['items', 'batches', 'locations'] as const;
export type LabelKind = (typeof labelKinds)[number];

export interface LabelEntry {
  id: string;
  copies: number;
  /** Batches only. */
  sourceId?: string;
  /** Batches only: the quantity printed on the label. */
  quantity?: number;
}

export interface LabelSelection {
  kind: LabelKind;
  entries: LabelEntry[];
}

/** Most labels one selection may ask for: two thousand is 84 A4 sheets, far beyond a day's receipts. */
export const maxLabels = 2000;
export const maxEntries = 200;
export const maxQuantity = 1_000_000_000;

const idPattern = '[0-9A-Za-z][0-9A-Za-z-]{0,63}';
const entryPattern = new RegExp(`^(${idPattern})(?:~(${idPattern}))?(?:\\*(\\d{1,4}))?(?:=(\\d{1,10}))?$`);

export type SelectionProblem =
  | 'unknown-kind'
  | 'no-entries'
  | 'bad-entry'
  | 'too-many-entries'
  | 'copies-out-of-range'
  | 'quantity-out-of-range'
  | 'not-for-this-kind'
  | 'too-many-labels';

export type SelectionParse = { ok: true; selection: LabelSelection } | { ok: false; problem: SelectionProblem };

/** Reads a selection; every malformed text is refused with a reason, never half-read. */
export function parseLabelSelection(text: string): SelectionParse {
  const colon = text.indexOf(':');
  const kind = colon < 0 ? text : text.slice(0, colon);
  if (!(labelKinds as readonly string[]).includes(kind)) return { ok: false, problem: 'unknown-kind' };
  const body = colon < 0 ? '' : text.slice(colon + 1);
  if (body === '') return { ok: false, problem: 'no-entries' };
  const parts = body.split(',');
  if (parts.length > maxEntries) return { ok: false, problem: 'too-many-entries' };
  const entries: LabelEntry[] = [];
  let total = 0;
  for (const part of parts) {
    const match = entryPattern.exec(part);
    if (!match) return { ok: false, problem: 'bad-entry' };
    const [, id = '', sourceId, copiesText, quantityText] = match;
    const copies = copiesText === undefined ? 1 : Number(copiesText);
    if (copies < 1 || copies > maxLabels) return { ok: false, problem: 'copies-out-of-range' };
    if (kind !== 'batches' && (sourceId !== undefined || quantityText !== undefined)) {
      return { ok: false, problem: 'not-for-this-kind' };
    }
    const entry: LabelEntry = { id, copies };
    if (sourceId !== undefined) entry.sourceId = sourceId;
    if (quantityText !== undefined) {
      const quantity = Number(quantityText);
      if (quantity < 1 || quantity > maxQuantity) return { ok: false, problem: 'quantity-out-of-range' };
      entry.quantity = quantity;
    }
    total += copies;
    entries.push(entry);
  }
  if (total > maxLabels) return { ok: false, problem: 'too-many-labels' };
  return { ok: true, selection: { kind: kind as LabelKind, entries } };
}

/** Writes a selection in the form parseLabelSelection reads. */
export function formatLabelSelection(selection: LabelSelection): string {
  const entries = selection.entries.map(
    (e) =>
      e.id +
      (e.sourceId ? `~${e.sourceId}` : '') +
      (e.copies !== 1 ? `*${e.copies}` : '') +
      (e.quantity !== undefined ? `=${e.quantity}` : ''),
  );
  return `${selection.kind}:${entries.join(',')}`;
}

/** How many labels a selection prints. */
export function labelCount(selection: LabelSelection): number {
  return selection.entries.reduce((sum, e) => sum + e.copies, 0);
}
