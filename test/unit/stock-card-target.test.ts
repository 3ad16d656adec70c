/** The stock card's print target: written and read back the same, and anything else refused. */
import { describe, expect, test } from 'vitest';
import { parseStockCardTarget, stockCardTarget } from '../../shared/print/stockCardTarget';

const item = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const source = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a60';

describe('the stock card print target', () => {
  test.each([
    { itemId: item, from: null, to: null, sourceId: null, batchId: null },
    { itemId: item, from: '2026-01-01', to: '2026-03-31', sourceId: source, batchId: source },
    { itemId: item, from: '2026-01-01', to: null, sourceId: null, batchId: null },
  ])('reads back what it wrote: %o', (selection) => {
    expect(parseStockCardTarget(stockCardTarget(selection))).toEqual(selection);
  });

  test('leaves out the filters not set, so the same card always has the same target', () => {
    expect(stockCardTarget({ itemId: item, from: '2026-01-01', to: null, sourceId: null, batchId: null })).toBe(
      `item=${item}&from=2026-01-01`,
    );
  });

  test.each([
    ['no item', 'from=2026-01-01'],
    ['an item id with a slash', 'item=a/b'],
    ['a date in another form', `item=${item}&to=2026/01/31`],
    ['a range backwards', `item=${item}&from=2026-02-01&to=2026-01-31`],
    ['an unknown key', `item=${item}&paper=a4-portrait`],
  ])('refuses %s', (_name, target) => {
    expect(parseStockCardTarget(target)).toBeNull();
  });
});
