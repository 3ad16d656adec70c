/**
 * Packing measured lines into pages. Pure, so the rule is unit-tested apart from any browser: lines keep
 * their order, a page takes lines while their heights fit its room, and a line never splits.
 */

export interface Pagination {
  /** Line indexes per page; a document without lines still has one (empty) page. */
  pages: number[][];
  /** Indexes of lines taller than a whole page's room: they stand alone on a page and would be cut. */
  tooTall: number[];
}

/**
 * @param heights each line's rendered height (any unit, the same as `room`)
 * @param room the height a page has for lines once the header, column header, totals, signatures and footer are placed
 */
export function paginate(heights: readonly number[], room: number): Pagination {
  const pages: number[][] = [];
  const tooTall: number[] = [];
  let current: number[] = [];
  let used = 0;
  heights.forEach((height, index) => {
    if (current.length > 0 && used + height > room) {
      pages.push(current);
      current = [];
      used = 0;
    }
    if (height > room) tooTall.push(index);
    current.push(index);
    used += height;
  });
  if (current.length > 0 || pages.length === 0) pages.push(current);
  return { pages, tooTall };
}
