/**
 * The keeper's arrangement of the inventory columns (order, widths, sort, hidden columns), kept in
 * localStorage so it survives a restart. The app has one origin, so one key serves every window; the
 * version in the key lets a later layout start fresh instead of misreading an old one.
 */
import type { ColumnState } from 'ag-grid-community';

const storageKey = 'relief-reserve.inventory.columns.v1';

/** The saved arrangement, or null when there is none (or it cannot be read). */
export function loadSavedColumns(): ColumnState[] | null {
  try {
    const text = window.localStorage.getItem(storageKey);
    if (!text) return null;
    const parsed: unknown = JSON.parse(text);
    if (!Array.isArray(parsed)) return null;
    return parsed.filter(
      (c): c is ColumnState => typeof c === 'object' && c !== null && typeof (c as ColumnState).colId === 'string',
    );
  } catch {
    return null;
  }
}

export function saveColumns(state: readonly ColumnState[]): void {
  try {
    window.localStorage.setItem(storageKey, JSON.stringify(state));
  } catch {
    // A full or disabled storage only loses the arrangement, never data: the grid keeps working.
  }
}

export function forgetSavedColumns(): void {
  try {
    window.localStorage.removeItem(storageKey);
  } catch {
    // Nothing saved, nothing to forget.
  }
}
