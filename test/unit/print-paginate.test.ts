import { describe, expect, it } from 'vitest';
import { paginate } from '../../shared/print/paginate';

describe('packing measured lines into pages', () => {
  it('fills a page while the lines fit and starts the next one with the line that does not', () => {
    expect(paginate([10, 10, 10, 10, 10], 25)).toEqual({ pages: [[0, 1], [2, 3], [4]], tooTall: [] });
  });

  it('lets a wrapped (taller) line move to the next page rather than overflow', () => {
    // 10 + 10 + 12 = 32 > 30: the tall third line opens page 2.
    expect(paginate([10, 10, 12, 5], 30).pages).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });

  it('fills a page exactly to its room', () => {
    expect(paginate([10, 10, 10], 30).pages).toEqual([[0, 1, 2]]);
  });

  it('keeps every line exactly once and in order', () => {
    const heights = Array.from({ length: 70 }, (_, i) => 4 + ((i * 7) % 11));
    const { pages } = paginate(heights, 60);
    expect(pages.flat()).toEqual(heights.map((_, i) => i));
    for (const page of pages) expect(page.reduce((sum, i) => sum + heights[i]!, 0)).toBeLessThanOrEqual(60);
  });

  it('gives a document without lines one page, for its header, totals and signatures', () => {
    expect(paginate([], 50)).toEqual({ pages: [[]], tooTall: [] });
  });

  it('names a line taller than a whole page, alone on its page', () => {
    expect(paginate([10, 80, 10], 50)).toEqual({ pages: [[0], [1], [2]], tooTall: [1] });
  });
});
