/**
 * The inventory grid's rows: one per item, with everything the columns and highlights need worked out
 * once when the rows arrive, so that scrolling 50,000 items only reads fields.
 */
import type { InventoryRow, StockRow } from '../../../shared/contract';

/** Why a row is marked, in the order the markers are shown. */
export const stockAlerts = ['below', 'expired', 'expiring', 'aged', 'inactive'] as const;
export type StockAlert = (typeof stockAlerts)[number];

/** Goods expiring this many days from today or sooner are "expiring" (临期). */
export const expiringWithinDays = 90;
/** Goods stored this many years or more are quality-tested before any write-off. */
export const agedAfterYears = 3;

export interface InventoryLine extends InventoryRow {
  /** On hand per source id (only sources holding stock). */
  bySourceId: Readonly<Record<string, number>>;
  /** On hand as a whole percentage of the reserve quota (rounded down); null when no quota is set. */
  coverage: number | null;
  /** People the stock can serve; null when the item states no persons per unit. */
  personsServed: number | null;
  alerts: readonly StockAlert[];
}

/** The dates the highlights are measured against, worked out once per listing. */
export interface AlertDates {
  today: string;
  /** Expiry on or before this date counts as expiring. */
  expiringBy: string;
  /** Receipt on or before this date counts as stored three years or more. */
  agedBy: string;
}

/** Adds whole days to a calendar date (YYYY-MM-DD). */
function addDays(date: string, days: number): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

/** Adds whole years to a calendar date, 29 February falling back to 28 February (as the backend counts). */
function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y + years, m - 1, d));
  if (t.getUTCMonth() !== m - 1) t.setUTCDate(0);
  return t.toISOString().slice(0, 10);
}

export function alertDates(today: string): AlertDates {
  return { today, expiringBy: addDays(today, expiringWithinDays), agedBy: addYears(today, -agedAfterYears) };
}

/** The markers an item earns from its stock. Dates compare as text: YYYY-MM-DD sorts as it reads. */
export function alertsFor(row: InventoryRow, dates: AlertDates): StockAlert[] {
  const alerts: StockAlert[] = [];
  // As the backend's below-minimum list: active items with a minimum, holding less than it.
  if (row.active && row.minStock > 0 && row.onHand < row.minStock) alerts.push('below');
  if (row.nearestExpiry !== null) {
    if (row.nearestExpiry < dates.today) alerts.push('expired');
    else if (row.nearestExpiry <= dates.expiringBy) alerts.push('expiring');
  }
  if (row.oldestReceipt !== null && row.oldestReceipt <= dates.agedBy) alerts.push('aged');
  if (!row.active) alerts.push('inactive');
  return alerts;
}

export function inventoryLine(row: InventoryRow, dates: AlertDates): InventoryLine {
  const bySourceId: Record<string, number> = {};
  for (const s of row.bySource) bySourceId[s.sourceId] = s.quantity;
  return {
    ...row,
    bySourceId,
    coverage: row.reserveQuota > 0 ? Math.floor((row.onHand * 100) / row.reserveQuota) : null,
    personsServed: row.personsPerUnit > 0 ? row.onHand * row.personsPerUnit : null,
    alerts: alertsFor(row, dates),
  };
}

/**
 * The listing shows every active item, and inactive items only while they still hold stock: a
 * deactivated item with goods on the shelf must not disappear from the keeper's view.
 */
export function isListed(row: InventoryRow): boolean {
  return row.active || row.onHand > 0;
}

/**
 * An item's inventory row worked out again from its stock rows (stock:on-hand), exactly as the
 * backend sums them: after a posting, one item's row is refreshed without reloading the whole list.
 */
export function withStock(row: InventoryRow, stock: readonly StockRow[]): InventoryRow {
  const bySource = new Map<string, number>();
  let onHand = 0;
  let nearestExpiry: string | null = null;
  let oldestReceipt: string | null = null;
  for (const s of stock) {
    if (s.itemId !== row.itemId || s.quantity <= 0) continue;
    onHand += s.quantity;
    bySource.set(s.sourceId, (bySource.get(s.sourceId) ?? 0) + s.quantity);
    if (s.expiryDate !== null && (nearestExpiry === null || s.expiryDate < nearestExpiry)) nearestExpiry = s.expiryDate;
    if (oldestReceipt === null || s.receiptDate < oldestReceipt) oldestReceipt = s.receiptDate;
  }
  return {
    ...row,
    onHand,
    bySource: [...bySource]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([sourceId, quantity]) => ({ sourceId, quantity })),
    nearestExpiry,
    oldestReceipt,
  };
}

/** What the summary line counts. */
export interface InventorySummary {
  items: number;
  below: number;
  expiring: number;
  expired: number;
  aged: number;
}

export function summarize(lines: Iterable<InventoryLine>): InventorySummary {
  const summary: InventorySummary = { items: 0, below: 0, expiring: 0, expired: 0, aged: 0 };
  for (const line of lines) {
    summary.items++;
    for (const alert of line.alerts) if (alert !== 'inactive') summary[alert]++;
  }
  return summary;
}

/** A stock row's own markers in the drill-down: expired, expiring, stored three years or more. */
export function stockRowAlerts(row: StockRow, dates: AlertDates): StockAlert[] {
  const alerts: StockAlert[] = [];
  if (row.expiryDate !== null) {
    if (row.expiryDate < dates.today) alerts.push('expired');
    else if (row.expiryDate <= dates.expiringBy) alerts.push('expiring');
  }
  if (row.receiptDate <= dates.agedBy) alerts.push('aged');
  return alerts;
}
