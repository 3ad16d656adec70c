import type { StockCardRow } from '../../../shared/contract';

/**
 * A line of the stock card as the grid shows it: a movement, or one of the two ledger lines around
 * them — the opening balance above, the totals with the closing balance below.
 */
export type CardLine =
  | { role: 'entry'; id: string; entry: StockCardRow }
  | { role: 'opening'; id: 'opening'; date: string; balance: number }
  | { role: 'totals'; id: 'totals'; date: string; totalIn: number; totalOut: number; balance: number };

export function entryLines(rows: readonly StockCardRow[]): CardLine[] {
  return rows.map((entry) => ({ role: 'entry', id: entry.entryId, entry }));
}

export function quantityIn(line: CardLine): number | null {
  if (line.role === 'entry') return line.entry.quantityIn || null;
  return line.role === 'totals' ? line.totalIn : null;
}

export function quantityOut(line: CardLine): number | null {
  if (line.role === 'entry') return line.entry.quantityOut || null;
  return line.role === 'totals' ? line.totalOut : null;
}

export function balance(line: CardLine): number {
  return line.role === 'entry' ? line.entry.balance : line.balance;
}
