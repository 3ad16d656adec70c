/**
 * The exact options the print glue hands to Chromium, computed from the paper table alone. Kept free
 * of the electron runtime so the UI-test harness records the very same options for its test printers.
 */
import type { WebContentsPrintOptions, PrintToPDFOptions } from 'electron';
import type { PrintJob } from '../../shared/schemas/print';
import { mmToMicrons, papers, type PaperId } from '../../shared/print/papers';

const mmPerInch = 25.4;

/**
 * webContents.print options for a job. The page size goes in microns and the margins are none: the
 * views draw their own margins, and silent printing would otherwise use the printer's default paper
 * and add the driver's margins. Drivers expect media named short edge first, so a landscape sheet
 * (A5 landscape) is sent as its portrait media with `landscape: true`.
 */
export function printOptionsFor(job: PrintJob): WebContentsPrintOptions {
  const paper = papers[job.job.paper];
  const landscape = paper.widthMm > paper.heightMm;
  const shortMm = Math.min(paper.widthMm, paper.heightMm);
  const longMm = Math.max(paper.widthMm, paper.heightMm);
  return {
    silent: job.silent,
    ...(job.printer === null ? {} : { deviceName: job.printer }),
    copies: job.copies,
    collate: true,
    printBackground: true,
    color: true,
    landscape,
    pageSize: { width: mmToMicrons(shortMm), height: mmToMicrons(longMm) },
    margins: { marginType: 'none' },
    scaleFactor: 100,
  };
}

/**
 * webContents.printToPDF options for a paper: its size in inches (what printToPDF takes) and no
 * margins, with the view's own `@page` size preferred — never Electron's default Letter.
 */
export function pdfOptionsFor(paperId: PaperId): PrintToPDFOptions {
  const paper = papers[paperId];
  return {
    pageSize: { width: paper.widthMm / mmPerInch, height: paper.heightMm / mmPerInch },
    margins: { top: 0, right: 0, bottom: 0, left: 0 },
    preferCSSPageSize: true,
    printBackground: true,
    landscape: false,
  };
}
