/**
 * How a document is named and how its emergency paperwork stands, in words, for the list and the
 * document view alike.
 */
import type { TFunction } from 'i18next';
import {
  adjustmentReasons,
  dispatchKinds,
  documentKinds,
  receiptKinds,
  type DocumentKind,
  type DocumentSummary,
} from '../../../shared/contract';

function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

/** The subkind in words: receipt and dispatch kinds, adjustment reasons, the kind a reversal undoes. */
export function subkindText(t: TFunction, kind: DocumentKind, subkind: string): string {
  if (kind === 'receipt' && isOneOf(receiptKinds, subkind)) return t(`common.receiptKinds.${subkind}`);
  if (kind === 'dispatch' && isOneOf(dispatchKinds, subkind)) return t(`common.dispatchKinds.${subkind}`);
  if (kind === 'adjustment' && isOneOf(adjustmentReasons, subkind)) return t(`common.adjustmentReasons.${subkind}`);
  if (kind === 'reversal' && isOneOf(documentKinds, subkind)) return t(`common.documentKinds.${subkind}`);
  return subkind;
}

/** "出库单·调拨", "调整单·损坏", "冲销单·入库单" ("Dispatch · Loan"); just the kind where there is no subkind. */
export function kindText(t: TFunction, kind: DocumentKind, subkind: string): string {
  const name = t(`common.documentKinds.${kind}`);
  const sub = subkind ? subkindText(t, kind, subkind) : '';
  if (!sub) return name;
  // Chinese runs the two words together around a middle dot; Latin text gives it room.
  return /[\u4e00-\u9fff]/.test(name) ? `${name}·${sub}` : `${name} · ${sub}`;
}

export type PaperworkState = 'pending' | 'overdue' | 'filed' | 'withOrder' | 'reversed';

type PaperworkFacts = Pick<
  DocumentSummary,
  'kind' | 'emergency' | 'paperworkDue' | 'paperworkFiled' | 'reversedBy' | 'orderNo'
>;

/**
 * Where an emergency dispatch's paperwork (先调拨，后补办手续) stands; null for any other document.
 * Overdue means the due day has passed without a filing (the backend's rule for stock:pending-paperwork).
 */
export function paperworkState(doc: PaperworkFacts, today: string): PaperworkState | null {
  if (doc.kind !== 'dispatch' || !doc.emergency) return null;
  if (doc.paperworkFiled) return 'filed';
  if (doc.paperworkDue === null) return 'withOrder';
  if (doc.reversedBy) return 'reversed';
  return doc.paperworkDue < today ? 'overdue' : 'pending';
}

/** The short status for a grid cell. */
export function paperworkShort(t: TFunction, doc: PaperworkFacts, today: string): string {
  const state = paperworkState(doc, today);
  if (state === null) return '';
  const due = doc.paperworkDue ?? '';
  if (state === 'pending') return t('documents.paperwork.pending', { due });
  if (state === 'overdue') return t('documents.paperwork.overdue', { due });
  if (state === 'filed') return t('documents.paperwork.filed', { orderNo: doc.orderNo });
  if (state === 'reversed') return t('documents.paperwork.reversed');
  return t('documents.paperwork.withOrder');
}

/** Accepts 2026-03-05, 2026/3/5, 2026.3.5 or 20260305; returns YYYY-MM-DD for a real date, else null. */
export function normalizeDate(text: string): string | null {
  const trimmed = text.trim().replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10));
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(trimmed) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(trimmed);
  if (!match) return null;
  const [, y, m, d] = match as unknown as [string, string, string, string];
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : null;
}
