import { describe, expect, test } from 'vitest';
import type { Item, ScanResult, StocktakeLine } from '../../shared/contract';
import { planCountScan } from '../../shared/stocktake/count-scan';

const tent = { id: 'item-tent', name: '单帐篷', packSize: 1 } as Item;
const water = { id: 'item-water', name: '矿泉水', packSize: 24 } as Item;

function line(id: string, item: Item, batchNo: string, locationId: string): StocktakeLine {
  return {
    id,
    lineNo: Number(id.slice(1)),
    itemId: item.id,
    itemCode: item.id,
    itemName: item.name,
    spec: '',
    baseUnit: '件',
    packSize: item.packSize,
    batchId: `batch-${batchNo}`,
    batchNo,
    expiryDate: null,
    locationId,
    locationCode: locationId,
    sourceId: 'city',
    sourceName: '市级储备',
    systemQuantity: 10,
    countRound: 1,
    counted: null,
    counters: [],
    firstCount: null,
    variance: null,
    reason: null,
    note: '',
  };
}

// Water in two batches at A-01 and one at A-02; tents at A-01 only.
const lines = [
  line('L1', water, 'W1', 'A-01'),
  line('L2', water, 'W2', 'A-01'),
  line('L3', water, 'W1', 'A-02'),
  line('L4', tent, 'T1', 'A-01'),
];

const itemScan = (item: Item, quantity: number): ScanResult & { kind: 'item' } => ({
  kind: 'item',
  code: 'x',
  item,
  quantity,
  barcodeId: 'b',
});

const gs1Scan = (item: Item, batchNo: string, quantity: number) =>
  ({
    kind: 'gs1',
    code: 'x',
    item,
    gtin: null,
    quantity,
    batchNo,
    productionDate: null,
    expiryDate: null,
    batch: null,
  }) as const;

describe('what a scan counts on the count screen', () => {
  test('an item held on one line only counts there, a carton barcode by its pack size times the multiplier', () => {
    expect(planCountScan(lines, itemScan(tent, 1), 1, null, null)).toMatchObject({
      type: 'count',
      line: { id: 'L4' },
      quantity: 1,
    });
    expect(planCountScan(lines, itemScan(water, 24), 3, 'A-02', null)).toMatchObject({
      type: 'count',
      line: { id: 'L3' },
      quantity: 72,
    });
  });

  test('an item on several lines needs the location, the batch in the code, or the selected line', () => {
    expect(planCountScan(lines, itemScan(water, 1), 1, null, null)).toEqual({
      type: 'problem',
      problem: 'several',
      name: '矿泉水',
    });
    expect(planCountScan(lines, itemScan(water, 1), 1, 'A-01', null)).toMatchObject({ problem: 'several' });
    expect(planCountScan(lines, gs1Scan(water, 'W2', 1), 1, null, null)).toMatchObject({
      type: 'count',
      line: { id: 'L2' },
    });
    expect(planCountScan(lines, itemScan(water, 1), 1, null, 'L2')).toMatchObject({
      type: 'count',
      line: { id: 'L2' },
    });
    // A selected line of another item does not capture the scan.
    expect(planCountScan(lines, itemScan(tent, 1), 1, null, 'L2')).toMatchObject({ type: 'count', line: { id: 'L4' } });
  });

  test('what this stocktake has no line for changes nothing and is named', () => {
    expect(planCountScan(lines, itemScan(tent, 1), 1, 'A-02', null)).toEqual({
      type: 'problem',
      problem: 'outOfScope',
      name: '单帐篷',
    });
    expect(planCountScan(lines, gs1Scan(water, 'W9', 1), 1, null, null)).toMatchObject({ problem: 'outOfScope' });
    const location = { id: 'B-01', code: 'B-01', name: 'B', kind: 'slot', zoneId: null, active: true } as const;
    expect(planCountScan(lines, { kind: 'location', code: 'RRL-B-01', location }, 1, null, null)).toEqual({
      type: 'problem',
      problem: 'locationOutOfScope',
      code: 'B-01',
    });
    const a02 = { ...location, id: 'A-02', code: 'A-02' };
    expect(planCountScan(lines, { kind: 'location', code: 'RRL-A-02', location: a02 }, 1, null, null)).toEqual({
      type: 'location',
      locationId: 'A-02',
      code: 'A-02',
    });
  });
});
