/**
 * What a scan does to a quick dispatch, as pure functions (the pattern of receive/receiveScan.ts):
 *
 * - An item barcode adds its quantity (1, or the pack size for a carton barcode) × the multiplier to the
 *   line of that item, never to a second row; a new item starts a line at the end.
 * - A kit barcode adds multiplier kits to that kit's line, likewise.
 * - Every change comes with an undo record that takes back exactly that change.
 *
 * - A GS1 or batch label pins the line to that batch (the cartons in hand leave, as the slip will say):
 *   scans of the same item and batch join one line; the item's barcode joins its unpinned line.
 *
 * Locations are not scanned here: the backend allocates first-expiry-first-out at posting, within the
 * pinned batch for a pinned line.
 */
import type { Item, Kit } from '../../../shared/contract';

/** A batch a line is pinned to by a scanned label. */
export interface PinnedBatch {
  id: string;
  batchNo: string;
}

export type QuickLine =
  | { key: string; kind: 'item'; item: Item; batch: PinnedBatch | null; quantity: number }
  | { key: string; kind: 'kit'; kit: Kit; count: number };

export interface QuickScanUndo {
  key: string;
  /** The scan started this line: the undo removes it. */
  created: boolean;
  /** Base units (item) or kits (kit) the scan added. */
  added: number;
}

export interface QuickScanPlan {
  lines: QuickLine[];
  undo: QuickScanUndo;
  /** 1-based line number and the line's total after the scan. */
  lineNo: number;
  total: number;
}

function amountOf(line: QuickLine): number {
  return line.kind === 'item' ? line.quantity : line.count;
}

function withAmount(line: QuickLine, amount: number): QuickLine {
  return line.kind === 'item' ? { ...line, quantity: amount } : { ...line, count: amount };
}

/** The dispatch after scanning `what` (an item with the quantity its barcode stands for, or a kit). */
export function planQuickScan(
  lines: readonly QuickLine[],
  what: { kind: 'item'; item: Item; batch: PinnedBatch | null; quantity: number } | { kind: 'kit'; kit: Kit },
  multiplier: number,
  newKey: string,
): QuickScanPlan {
  const added = (what.kind === 'item' ? what.quantity : 1) * multiplier;
  const existing = lines.find((l) =>
    what.kind === 'item'
      ? l.kind === 'item' && l.item.id === what.item.id && l.batch?.id === what.batch?.id
      : l.kind === 'kit' && l.kit.id === what.kit.id,
  );
  if (existing) {
    const next = withAmount(existing, amountOf(existing) + added);
    return {
      lines: lines.map((l) => (l.key === existing.key ? next : l)),
      undo: { key: existing.key, created: false, added },
      lineNo: lines.indexOf(existing) + 1,
      total: amountOf(next),
    };
  }
  const line: QuickLine =
    what.kind === 'item'
      ? { key: newKey, kind: 'item', item: what.item, batch: what.batch, quantity: added }
      : { key: newKey, kind: 'kit', kit: what.kit, count: added };
  return {
    lines: [...lines, line],
    undo: { key: newKey, created: true, added },
    lineNo: lines.length + 1,
    total: added,
  };
}

/** The dispatch with one scan taken back: its amount, and its line when the scan started it. */
export function undoQuickScan(lines: readonly QuickLine[], undo: QuickScanUndo): QuickLine[] {
  const line = lines.find((l) => l.key === undo.key);
  if (!line) return [...lines];
  const left = amountOf(line) - undo.added;
  if (undo.created && left <= 0) return lines.filter((l) => l.key !== undo.key);
  return lines.map((l) => (l.key === undo.key ? withAmount(l, Math.max(0, left)) : l));
}

type TotalItem = { id: string; code: string; name: string; baseUnit: string; packSize: number };

/**
 * Base units per item over loose lines and kits — what the first-expiry allocation has to cover — with a
 * pinned batch's lines apart: they draw from that batch only.
 */
export function itemTotals(
  lines: readonly QuickLine[],
): { item: TotalItem; batch: PinnedBatch | null; quantity: number }[] {
  const totals = new Map<string, { item: TotalItem; batch: PinnedBatch | null; quantity: number }>();
  const add = (item: TotalItem, batch: PinnedBatch | null, quantity: number) => {
    const key = `${item.id}|${batch?.id ?? ''}`;
    const total = totals.get(key);
    if (total) total.quantity += quantity;
    else totals.set(key, { item, batch, quantity });
  };
  for (const line of lines) {
    if (line.kind === 'item') add(line.item, line.batch, line.quantity);
    else
      for (const k of line.kit.lines) {
        add(
          { id: k.itemId, code: k.itemCode, name: k.itemName, baseUnit: k.baseUnit, packSize: 1 },
          null,
          k.quantity * line.count,
        );
      }
  }
  return [...totals.values()].filter((t) => t.quantity > 0);
}
