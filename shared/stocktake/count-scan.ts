/**
 * What a scan does on the count screen, as a pure function of the session's lines, so the rule is
 * plain to read: a location label sets the current location; an item (unit or carton barcode, GS1
 * string, batch label) counts on the one line it can only mean — the selected line when it is one of
 * the item's lines, else the item's only line (within the current location and the batch the code
 * names). A code that names no line of this stocktake, or several, changes nothing and says why.
 */
import type { ScanResult, StocktakeLine } from '../contract';

type Applicable = Exclude<ScanResult, { kind: 'unknown' | 'document' }>;

export type CountScanPlan =
  | { type: 'location'; locationId: string; code: string }
  | { type: 'count'; line: StocktakeLine; quantity: number }
  | { type: 'problem'; problem: 'outOfScope' | 'several'; name: string }
  | { type: 'problem'; problem: 'locationOutOfScope'; code: string };

export function planCountScan(
  lines: readonly StocktakeLine[],
  result: Applicable,
  multiplier: number,
  currentLocationId: string | null,
  selectedLineId: string | null,
): CountScanPlan {
  if (result.kind === 'location') {
    const inScope = lines.some((l) => l.locationId === result.location.id);
    return inScope
      ? { type: 'location', locationId: result.location.id, code: result.location.code }
      : { type: 'problem', problem: 'locationOutOfScope', code: result.location.code };
  }
  const item = result.item!;
  const batchNo = result.kind === 'item' ? null : result.batchNo;
  const candidates = lines.filter(
    (l) =>
      l.itemId === item.id &&
      (batchNo === null || l.batchNo === batchNo) &&
      (currentLocationId === null || l.locationId === currentLocationId),
  );
  const line = candidates.find((l) => l.id === selectedLineId) ?? (candidates.length === 1 ? candidates[0] : undefined);
  if (line) return { type: 'count', line, quantity: result.quantity * multiplier };
  return { type: 'problem', problem: candidates.length === 0 ? 'outOfScope' : 'several', name: item.name };
}
