/**
 * The home screen's alerts worked out from the backend's lists: which items are below minimum, expired,
 * expiring within 90 or 180 days, stored three years or more; which emergency dispatches still wait for
 * their paperwork; whether the backups are overdue. Pure and in shared/, so the thresholds are tested
 * without a window (test/unit/dashboard-alerts.test.ts).
 */
import type { ChannelOutput, InventoryRow, StockRow } from '../contract';

/** Expiry on or before today + this many days is "within 90 days". */
export const nearExpiryDays = 90;
/** And on or before today + this many days "within 180 days". */
export const farExpiryDays = 180;
/** A backup older than this is overdue: the daily backup did not happen. */
export const backupOverdueMs = 24 * 60 * 60 * 1000;

export type AlertKind = 'below' | 'expired' | 'expiring90' | 'expiring180' | 'aged' | 'paperwork' | 'backup';

/** One item's stock in an alert: summed over its batches, with the earliest date that put it there. */
export interface ItemAlertEntry {
  itemId: string;
  code: string;
  name: string;
  unit: string;
  quantity: number;
  /** The earliest expiry (expiry alerts) or receipt (aged) among its batches. */
  date: string;
}

export function addDays(date: string, days: number): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

/** Groups stock rows by item (in first-seen order), keeping the earliest of `dateOf`. */
export function itemEntries(
  rows: readonly StockRow[],
  items: ReadonlyMap<string, InventoryRow>,
  dateOf: (row: StockRow) => string,
): ItemAlertEntry[] {
  const byItem = new Map<string, ItemAlertEntry>();
  for (const row of rows) {
    const item = items.get(row.itemId);
    const current = byItem.get(row.itemId);
    const date = dateOf(row);
    if (current) {
      current.quantity += row.quantity;
      if (date < current.date) current.date = date;
    } else {
      byItem.set(row.itemId, {
        itemId: row.itemId,
        code: item?.code ?? '',
        name: item?.name ?? '',
        unit: item?.baseUnit ?? '',
        quantity: row.quantity,
        date,
      });
    }
  }
  return [...byItem.values()].sort((a, b) =>
    a.date === b.date ? a.code.localeCompare(b.code) : a.date < b.date ? -1 : 1,
  );
}

/** Expiring stock (the backend's list within 180 days, expired included) split into the three expiry alerts. */
export function expiryAlerts(
  within180: readonly StockRow[],
  items: ReadonlyMap<string, InventoryRow>,
  today: string,
): { expired: ItemAlertEntry[]; within90: ItemAlertEntry[]; within180: ItemAlertEntry[] } {
  const near = addDays(today, nearExpiryDays);
  const far = addDays(today, farExpiryDays);
  const expiry = (r: StockRow) => r.expiryDate ?? '';
  const dated = within180.filter((r) => r.expiryDate !== null && r.expiryDate <= far);
  return {
    expired: itemEntries(
      dated.filter((r) => expiry(r) < today),
      items,
      expiry,
    ),
    within90: itemEntries(
      dated.filter((r) => expiry(r) >= today && expiry(r) <= near),
      items,
      expiry,
    ),
    within180: itemEntries(
      dated.filter((r) => expiry(r) > near),
      items,
      expiry,
    ),
  };
}

export type BackupState =
  { state: 'never' } | { state: 'overdue'; lastBackupAt: string } | { state: 'ok'; lastBackupAt: string };

/** `lastBackupAt` is local time from the backup's file name (YYYY-MM-DDTHH:MM:SS), read as local. */
export function backupState(status: ChannelOutput<'backup:status'>, now: Date): BackupState {
  const last = status.lastBackupAt;
  if (!last) return { state: 'never' };
  const age = now.getTime() - new Date(last).getTime();
  return age > backupOverdueMs ? { state: 'overdue', lastBackupAt: last } : { state: 'ok', lastBackupAt: last };
}
