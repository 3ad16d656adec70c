/**
 * The record a printed report shows, as its print route names it: a period `2026-03-01..2026-03-31`
 * for the ledger summary, a day `2026-03-31` for the inventory. Dates are checked again by the backend.
 */
import type { ReportTableQuery } from '../schemas/exports';
import type { PrintKind } from './jobs';

const day = '\\d{4}-\\d{2}-\\d{2}';
const periodPattern = new RegExp(`^(${day})\\.\\.(${day})$`);
const dayPattern = new RegExp(`^${day}$`);

/** The print kind and target of a printed report. */
export function reportPrintTarget(query: ReportTableQuery): { kind: PrintKind; target: string } {
  return query.report === 'inventory'
    ? { kind: 'inventory-report', target: query.date }
    : { kind: 'ledger-summary', target: `${query.from}..${query.to}` };
}

/** The report a print route shows, or null when its target is not one. */
export function reportQueryOf(kind: PrintKind, target: string): ReportTableQuery | null {
  if (kind === 'inventory-report') return dayPattern.test(target) ? { report: 'inventory', date: target } : null;
  if (kind !== 'ledger-summary') return null;
  const period = periodPattern.exec(target);
  return period ? { report: 'ledger-summary', from: period[1]!, to: period[2]! } : null;
}
