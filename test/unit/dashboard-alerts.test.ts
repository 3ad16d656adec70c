/**
 * The home screen's alert thresholds: which expiry falls in which card, how batches of one item add up,
 * and when the backups count as overdue.
 */
import { describe, expect, test } from 'vitest';
import type { InventoryRow, StockRow } from '../../shared/contract';
import { backupState, expiryAlerts, itemEntries } from '../../shared/dashboard/alerts';

const water = { itemId: 'w', code: 'KS-550', name: '矿泉水', baseUnit: '瓶' } as InventoryRow;
const food = { itemId: 'f', code: 'FS-01', name: '方便食品', baseUnit: '箱' } as InventoryRow;
const items = new Map([
  ['w', water],
  ['f', food],
]);

function row(itemId: string, quantity: number, expiryDate: string | null, receiptDate = '2026-01-05'): StockRow {
  return {
    itemId,
    batchId: `${itemId}-${expiryDate}`,
    batchNo: 'B',
    productionDate: null,
    expiryDate,
    receiptDate,
    locationId: 'l',
    locationCode: 'A-01',
    sourceId: 's',
    sourceName: '市级储备',
    quantity,
  };
}

describe('expiry alerts on 2026-11-26', () => {
  const today = '2026-11-26';

  test('yesterday is expired, today and day 90 are within 90 days, day 91 and day 180 within 180, day 181 in none', () => {
    const alerts = expiryAlerts(
      [
        row('w', 1, '2026-11-25'),
        row('w', 2, '2026-11-26'),
        row('f', 4, '2027-02-24'),
        row('w', 8, '2027-02-25'),
        row('f', 16, '2027-05-25'),
        row('f', 32, '2027-05-26'),
        row('w', 64, null),
      ],
      items,
      today,
    );
    expect(alerts.expired.map((e) => [e.code, e.quantity, e.date])).toEqual([['KS-550', 1, '2026-11-25']]);
    expect(alerts.within90.map((e) => [e.code, e.quantity, e.date])).toEqual([
      ['KS-550', 2, '2026-11-26'],
      ['FS-01', 4, '2027-02-24'],
    ]);
    expect(alerts.within180.map((e) => [e.code, e.quantity, e.date])).toEqual([
      ['KS-550', 8, '2027-02-25'],
      ['FS-01', 16, '2027-05-25'],
    ]);
  });

  test('batches of one item add up, showing the earliest date and the item’s unit', () => {
    const [entry, ...rest] = itemEntries(
      [row('w', 48, '2027-01-10'), row('w', 72, '2026-12-28'), row('w', 24, '2027-02-01')],
      items,
      (r) => r.expiryDate!,
    );
    expect(rest).toEqual([]);
    expect(entry).toEqual({
      itemId: 'w',
      code: 'KS-550',
      name: '矿泉水',
      unit: '瓶',
      quantity: 144,
      date: '2026-12-28',
    });
  });
});

describe('backups', () => {
  const status = (lastBackupAt: string | null) => ({
    folder: '/data/backups',
    defaultFolder: '/data/backups',
    backups: [],
    lastBackupAt,
    dailyDue: false,
  });
  const now = new Date(2026, 10, 28, 9, 0, 0);

  test('none at all is said as such', () => {
    expect(backupState(status(null), now)).toEqual({ state: 'never' });
  });

  test('a backup 23 hours old is fine; 25 hours old is overdue (the daily backup did not happen)', () => {
    expect(backupState(status('2026-11-27T10:00:00'), now).state).toBe('ok');
    expect(backupState(status('2026-11-27T08:00:00'), now)).toEqual({
      state: 'overdue',
      lastBackupAt: '2026-11-27T08:00:00',
    });
  });
});
