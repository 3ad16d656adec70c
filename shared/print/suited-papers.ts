/**
 * Which papers each kind of printout is laid out for, and what a printout starts with before the
 * keeper saved defaults of their own. The preview offers only these papers; the settings refuse others.
 */
import type { PrintKind } from './jobs';
import type { PaperId } from './papers';

/** The four slip formats of DOMAIN.md: A4, A5 landscape, 241 mm three-part forms, 80 mm thermal. */
const slipPapers: readonly PaperId[] = ['a4-portrait', 'a5-landscape', 'continuous-241', 'thermal-80'];
/** Sheets a keeper writes on or files: wide tables want a full sheet. */
const sheetPapers: readonly PaperId[] = ['a4-portrait', 'continuous-241'];

export const suitedPapers: Readonly<Record<PrintKind, readonly PaperId[]>> = {
  'dispatch-slip': slipPapers,
  'receipt-slip': slipPapers,
  'transfer-slip': slipPapers,
  // An approval form is signed at a desk and filed: a full sheet or a half one, never a roll.
  'write-off-application': ['a4-portrait', 'a5-landscape'],
  'stock-card': ['a4-portrait', 'a5-landscape', 'continuous-241'],
  // Count sheets also fit A5 landscape: a clipboard-sized sheet per slot for the counter walking the aisle.
  'count-sheet-blind': [...sheetPapers, 'a5-landscape'],
  'count-sheet': [...sheetPapers, 'a5-landscape'],
  labels: ['label-60x40', 'label-100x70', 'a4-label-sheet'],
  'incident-report': ['a4-portrait'],
  // Seventeen columns of quantities and yuan: only a landscape sheet holds them legibly.
  'ledger-summary': ['a4-landscape'],
  'inventory-report': ['a4-landscape'],
  'audit-summary': ['a4-portrait'],
};

export function isSuitedPaper(kind: PrintKind, paper: PaperId): boolean {
  return suitedPapers[kind].includes(paper);
}

/** Before any default is saved: the first suited paper, one copy, the system's default printer. */
export function factoryPrintDefault(kind: PrintKind): { printer: null; paper: PaperId; copies: number } {
  return { printer: null, paper: suitedPapers[kind][0]!, copies: 1 };
}
