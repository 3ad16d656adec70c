/**
 * What can be printed. A print job names a kind of print view, the record it shows and the paper;
 * the renderer draws it at `#/print/<kind>/<target>?paper=…` — the same page the in-app preview
 * shows, the printer receives and the tests turn into PDF.
 */
import { paperIds, type PaperId } from './papers';

export const printKinds = [
  'dispatch-slip',
  'receipt-slip',
  'transfer-slip',
  'write-off-application',
  'stock-card',
  'count-sheet-blind',
  'count-sheet',
  'labels',
  'incident-report',
  'ledger-summary',
  'inventory-report',
  'audit-summary',
] as const;
export type PrintKind = (typeof printKinds)[number];

/** Printouts only the backend draws, into files it writes (the audit package's summary): no preview, no defaults. */
export const filedOnlyKinds: readonly PrintKind[] = ['audit-summary'];

export interface PrintTarget {
  kind: PrintKind;
  /** The record: a document id, an item id, a stocktake id, a label set's encoded selection, a report's period or date, an export job. */
  target: string;
  paper: PaperId;
  /** Further view options (copies set, reprint number, date range…), as URL query parameters. */
  params?: Readonly<Record<string, string>>;
}

/** The hash route of a print view. */
export function printHash(job: PrintTarget): string {
  const query = new URLSearchParams({ paper: job.paper, ...(job.params ?? {}) });
  return `#/print/${job.kind}/${encodeURIComponent(job.target)}?${query.toString()}`;
}

/** The print job a hash names, or null when the hash is not a print route. */
export function printTargetFromHash(hash: string): (PrintTarget & { params: Record<string, string> }) | null {
  const match = /^#\/print\/([a-z-]+)\/([^?]*)(?:\?(.*))?$/.exec(hash);
  if (!match) return null;
  const [, kind = '', target = '', query = ''] = match;
  if (!(printKinds as readonly string[]).includes(kind) || target === '') return null;
  const params = Object.fromEntries(new URLSearchParams(query));
  const { paper = '', ...rest } = params;
  if (!(paperIds as readonly string[]).includes(paper)) return null;
  return { kind: kind as PrintKind, target: decodeURIComponent(target), paper: paper as PaperId, params: rest };
}
