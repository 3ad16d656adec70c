/**
 * Print views as the printer gets them: the view opened at its print route, rendered by Chromium to PDF
 * with the print CSS (`page.pdf` with the page's own @page size), then read back the way an auditor
 * would — text with poppler's pdftotext, fonts with pdffonts, page images with pdftoppm, and the
 * barcodes on a page image decoded with ZXing.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import {
  BarcodeFormat,
  BinaryBitmap,
  DecodeHintType,
  HybridBinarizer,
  MultiFormatReader,
  RGBLuminanceSource,
} from '@zxing/library';
import { PNG } from 'pngjs';
import { printHash, type PrintTarget } from '../../shared/print/jobs';
import { expect, test } from './fixtures';

/** Opens a print view and waits until it says it has drawn everything; a refusal fails with its message. */
export async function openPrintView(page: Page, rendererUrl: string, job: PrintTarget): Promise<void> {
  // A new document each time: a second print route in the same page would only change the hash.
  await page.goto('about:blank');
  await page.goto(`${rendererUrl}${printHash(job)}`);
  await page
    .locator('html[data-print-state="ready"], html[data-print-state="failed"]')
    .waitFor({ state: 'attached', timeout: 60_000 });
  // Test code has no DOM typings: what runs in the page is written as expressions.
  const state = await page.evaluate<string | undefined>('document.documentElement.dataset.printState');
  if (state !== 'ready') {
    throw new Error(`the print view failed: ${await page.getByRole('alert').textContent()}`);
  }
}

/** Opens a print view expected to refuse and returns the reason it shows. */
export async function printViewRefusal(page: Page, rendererUrl: string, job: PrintTarget): Promise<string> {
  await page.goto('about:blank');
  await page.goto(`${rendererUrl}${printHash(job)}`);
  await expect(page.locator('html[data-print-state="failed"]')).toBeAttached({ timeout: 30_000 });
  return (await page.getByRole('alert').textContent()) ?? '';
}

/** The open print view as a PDF under this test's output folder. */
export async function savePdf(page: Page, name: string): Promise<string> {
  const file = path.join(test.info().outputDir, `${name}.pdf`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  return file;
}

/**
 * The text of each page in the order it was drawn (pdftotext -raw keeps a table cell's wrapped text
 * together; pages are separated by form feeds).
 */
export function pdfPageTexts(file: string): string[] {
  const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
  const pages = text.split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}

/** Page count and size in points, from pdfinfo. */
export function pdfInfo(file: string): { pages: number; widthPt: number; heightPt: number } {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info);
  return { pages, widthPt: Number(size?.[1]), heightPt: Number(size?.[2]) };
}

/** Whether every font embedded in the PDF maps its glyphs back to Unicode (pdffonts' "uni" column). */
export function pdfFontsMapToUnicode(file: string): boolean {
  const rows = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
  // Columns from the right: emb sub uni object-id generation.
  return rows.length > 0 && rows.every((row) => row.trim().split(/\s+/).at(-3) === 'yes');
}

/** The system fonts Chromium drew an element's text with, and how many glyphs each drew. */
export async function fontsDrawing(
  page: Page,
  selector: string,
): Promise<{ familyName: string; glyphCount: number }[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  await cdp.detach();
  return fonts.map((f) => ({ familyName: f.familyName, glyphCount: f.glyphCount }));
}

/** One page of the PDF as a PNG at `dpi`, written beside the PDF. */
export function pageImage(file: string, pageNumber: number, dpi = 200): string {
  const prefix = file.replace(/\.pdf$/, `-p${pageNumber}-${dpi}`);
  execFileSync('pdftoppm', [
    '-r',
    String(dpi),
    '-f',
    String(pageNumber),
    '-l',
    String(pageNumber),
    '-png',
    '-singlefile',
    file,
    prefix,
  ]);
  return `${prefix}.png`;
}

export interface MmBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where an element sits on its printed sheet, in millimetres from the sheet's top-left corner. */
export async function boxOnSheetMm(page: Page, elementSelector: string, sheetIndex = 0): Promise<MmBox> {
  return page.evaluate<MmBox>(`(() => {
    const sheet = document.querySelectorAll('.print-sheet')[${sheetIndex}];
    const element = sheet.querySelector(${JSON.stringify(elementSelector)});
    const probe = document.createElement('div');
    probe.style.height = '100mm';
    document.body.append(probe);
    const pxPerMm = probe.getBoundingClientRect().height / 100;
    probe.remove();
    const s = sheet.getBoundingClientRect();
    const e = element.getBoundingClientRect();
    return {
      x: (e.left - s.left) / pxPerMm,
      y: (e.top - s.top) / pxPerMm,
      width: e.width / pxPerMm,
      height: e.height / pxPerMm,
    };
  })()`);
}

/**
 * How far, in CSS pixels, the content of the drawn pages reaches beyond their printable area: below
 * the page (overflow) and past its right edge. Both 0 when nothing is cut off.
 */
export async function pageOverflow(page: Page): Promise<{ below: number; right: number }> {
  return page.evaluate<{ below: number; right: number }>(`(() => {
    const pages = Array.from(document.querySelectorAll('.print-sheet .print-page'));
    let below = 0;
    let right = 0;
    for (const p of pages) {
      below = Math.max(below, p.scrollHeight - p.clientHeight);
      const edge = p.getBoundingClientRect().right;
      for (const el of p.querySelectorAll('*')) right = Math.max(right, el.getBoundingClientRect().right - edge);
    }
    return { below, right };
  })()`);
}

/**
 * Decodes the barcode inside `box` (millimetres on the page) of a page image made at `dpi`: the region
 * is cut out with a quiet zone around it, turned to grey levels and given to ZXing.
 */
export function decodeBarcode(pngFile: string, dpi: number, box: MmBox, format: 'code128' | 'qrcode'): string {
  const png = PNG.sync.read(fs.readFileSync(pngFile));
  const pxPerMm = dpi / 25.4;
  const pad = 3 * pxPerMm;
  const x0 = Math.max(0, Math.floor(box.x * pxPerMm - pad));
  const y0 = Math.max(0, Math.floor(box.y * pxPerMm - pad));
  const x1 = Math.min(png.width, Math.ceil((box.x + box.width) * pxPerMm + pad));
  const y1 = Math.min(png.height, Math.ceil((box.y + box.height) * pxPerMm + pad));
  const width = x1 - x0;
  const height = y1 - y0;
  const luminance = new Uint8ClampedArray(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = ((y0 + y) * png.width + (x0 + x)) * 4;
      luminance[y * width + x] = (png.data[i]! * 299 + png.data[i + 1]! * 587 + png.data[i + 2]! * 114) / 1000;
    }
  }
  const reader = new MultiFormatReader();
  const hints = new Map<DecodeHintType, unknown>([
    [DecodeHintType.POSSIBLE_FORMATS, [format === 'code128' ? BarcodeFormat.CODE_128 : BarcodeFormat.QR_CODE]],
    [DecodeHintType.TRY_HARDER, true],
  ]);
  reader.setHints(hints);
  const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminance, width, height)));
  return reader.decode(bitmap).getText();
}

/** How many times `needle` occurs in `text`. */
export function occurrences(text: string, needle: string): number {
  return text.split(needle).length - 1;
}
