/**
 * The paper a depot prints on. One table read by the print views (CSS page boxes), by the Electron
 * print glue (page size in microns, passed explicitly: silent printing otherwise picks the printer's
 * default size) and by the tests that render PDFs.
 *
 * Print views lay out their own pages: each page is a box of exactly `widthMm × heightMm` with the
 * margins as padding, and `@page` has no margin. So the preview, the printer and the PDF see the same
 * pages, and "page X/Y" is ours, not the printer driver's.
 */

export const paperIds = [
  'a4-portrait',
  'a4-landscape',
  'a5-landscape',
  'continuous-241',
  'thermal-80',
  'label-60x40',
  'label-100x70',
  'a4-label-sheet',
] as const;
export type PaperId = (typeof paperIds)[number];

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface Paper {
  id: PaperId;
  /** Sheet width and height in millimetres, as fed (landscape papers are simply wider than high). */
  widthMm: number;
  heightMm: number;
  /** The unprintable or reserved edges, in millimetres (tractor strips, thermal head width…). */
  marginsMm: Margins;
  /** sheet: cut sheets; continuous: fan-fold forms on a dot-matrix printer; roll: thermal; label: label stock. */
  feed: 'sheet' | 'continuous' | 'roll' | 'label';
}

const inch = 25.4;

export const papers: Readonly<Record<PaperId, Paper>> = {
  'a4-portrait': { id: 'a4-portrait', widthMm: 210, heightMm: 297, marginsMm: m(12, 12, 12, 15), feed: 'sheet' },
  // Reports of many columns (the ledger summary, inventory by batch) are printed across the long edge.
  'a4-landscape': { id: 'a4-landscape', widthMm: 297, heightMm: 210, marginsMm: m(10, 12, 10, 15), feed: 'sheet' },
  'a5-landscape': { id: 'a5-landscape', widthMm: 210, heightMm: 148, marginsMm: m(8, 10, 8, 12), feed: 'sheet' },
  // 241 mm three-part fan-fold forms: 9.5 × 11 in, half-inch tractor strips on both sides.
  'continuous-241': {
    id: 'continuous-241',
    widthMm: 9.5 * inch,
    heightMm: 11 * inch,
    marginsMm: m(8, 0.5 * inch + 2, 8, 0.5 * inch + 2),
    feed: 'continuous',
  },
  // 80 mm thermal rolls print 72 mm; the page length is one A4 height per page of the roll.
  'thermal-80': { id: 'thermal-80', widthMm: 80, heightMm: 297, marginsMm: m(4, 4, 4, 4), feed: 'roll' },
  'label-60x40': { id: 'label-60x40', widthMm: 60, heightMm: 40, marginsMm: m(2, 2, 2, 2), feed: 'label' },
  'label-100x70': { id: 'label-100x70', widthMm: 100, heightMm: 70, marginsMm: m(3, 3, 3, 3), feed: 'label' },
  // A4 sheets of 24 self-adhesive labels, 3 × 8 of 70 × 37 mm edge to edge (e.g. Avery 3474): the labels
  // fill the width and leave 0.5 mm top and bottom; each label keeps its own text clear of the edges.
  'a4-label-sheet': { id: 'a4-label-sheet', widthMm: 210, heightMm: 297, marginsMm: m(0.5, 0, 0.5, 0), feed: 'sheet' },
};

function m(top: number, right: number, bottom: number, left: number): Margins {
  return { top, right, bottom, left };
}

/** Millimetres to the microns Electron's `webContents.print({ pageSize })` takes. */
export function mmToMicrons(mm: number): number {
  return Math.round(mm * 1000);
}

/** The printable area of a page, in millimetres. */
export function printableMm(paper: Paper): { widthMm: number; heightMm: number } {
  const { top, right, bottom, left } = paper.marginsMm;
  return { widthMm: paper.widthMm - left - right, heightMm: paper.heightMm - top - bottom };
}

/** The `@page` rule of a paper: its exact size and no printer margin (pages carry their own). */
export function pageRule(paper: Paper): string {
  return `@page { size: ${paper.widthMm}mm ${paper.heightMm}mm; margin: 0; }`;
}
