/**
 * Print views as the printer gets them — slips, forms, cards and labels alike: the view opened at its
 * print route, rendered by Chromium to PDF with the print CSS (`page.pdf` with the page's own @page
 * size), then read back the way an auditor would — text with poppler's pdftotext, fonts with pdffonts,
 * page images with pdftoppm, and every barcode on a page image decoded with ZXing, cropped by the
 * position the page itself reports.
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

/** ZXing's format for each symbology the print views draw (bwip-js names). */
const zxingFormats: Readonly<Record<string, BarcodeFormat>> = {
  code128: BarcodeFormat.CODE_128,
  'gs1-128': BarcodeFormat.CODE_128,
  ean13: BarcodeFormat.EAN_13,
  qrcode: BarcodeFormat.QR_CODE,
  gs1datamatrix: BarcodeFormat.DATA_MATRIX,
  datamatrix: BarcodeFormat.DATA_MATRIX,
};

const images = new Map<string, PNG>();
function readImage(file: string): PNG {
  if (!images.has(file)) images.set(file, PNG.sync.read(fs.readFileSync(file)));
  return images.get(file)!;
}

/**
 * Decodes the symbol inside `box` (millimetres on the page) of a page image made at `dpi`: the region
 * is cut out with `quietMm` of white around it, turned to grey levels and given to ZXing. GS1 symbols
 * are reported as scanners report them: "]C1" first, GS between fields.
 */
function decodeBox(
  pngFile: string,
  dpi: number,
  box: MmBox,
  symbology: string,
  quietMm: number,
): { text: string; format: string } {
  const image = readImage(pngFile);
  const px = (mm: number) => Math.round((mm / 25.4) * dpi);
  const pad = px(quietMm);
  const x0 = Math.max(0, px(box.x) - pad);
  const y0 = Math.max(0, px(box.y) - pad);
  const x1 = Math.min(image.width, px(box.x + box.width) + pad);
  const y1 = Math.min(image.height, px(box.y + box.height) + pad);
  const width = x1 - x0;
  const height = y1 - y0;
  const luminance = new Uint8ClampedArray(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = ((y0 + y) * image.width + (x0 + x)) * 4;
      luminance[y * width + x] = Math.round(
        0.299 * image.data[i]! + 0.587 * image.data[i + 1]! + 0.114 * image.data[i + 2]!,
      );
    }
  }
  const hints = new Map<DecodeHintType, unknown>([
    [DecodeHintType.POSSIBLE_FORMATS, [zxingFormats[symbology]]],
    [DecodeHintType.TRY_HARDER, true],
    [DecodeHintType.ASSUME_GS1, symbology === 'gs1-128'],
  ]);
  const result = new MultiFormatReader().decode(
    new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminance, width, height))),
    hints,
  );
  return { text: result.getText(), format: BarcodeFormat[result.getBarcodeFormat()] ?? '' };
}

/** Decodes a slip's number barcode or QR code inside `box` (millimetres on the page) of a page image made at `dpi`. */
export function decodeBarcode(pngFile: string, dpi: number, box: MmBox, format: 'code128' | 'qrcode'): string {
  return decodeBox(pngFile, dpi, box, format, 3).text;
}

/** Page images of `renderPdf` are made at this resolution: enough for a 60 × 40 mm label's smallest module. */
export const labelDpi = 300;

export interface PlacedSymbol {
  /** 0-based page (print sheet). */
  page: number;
  /** bwip-js symbology as drawn: code128, ean13, gs1-128, gs1datamatrix, qrcode. */
  symbology: string;
  label: string;
  /** Position on its page, in millimetres from the top-left corner. */
  xMm: number;
  yMm: number;
  widthMm: number;
  heightMm: number;
}

/** Every label symbol on every page, with its position on the page. */
export async function placedSymbols(page: Page): Promise<PlacedSymbol[]> {
  return page.evaluate<PlacedSymbol[]>(`(() => {
    const mm = 25.4 / 96;
    const placed = [];
    document.querySelectorAll('.print-sheet').forEach((sheet, index) => {
      const origin = sheet.getBoundingClientRect();
      sheet.querySelectorAll('.label-symbol').forEach((symbol) => {
        const box = symbol.getBoundingClientRect();
        placed.push({
          page: index,
          symbology: symbol.dataset.symbol ?? '',
          label: symbol.getAttribute('aria-label') ?? '',
          xMm: (box.left - origin.left) * mm,
          yMm: (box.top - origin.top) * mm,
          widthMm: box.width * mm,
          heightMm: box.height * mm,
        });
      });
    });
    return placed;
  })()`);
}

export interface RenderedPdf {
  file: string;
  pages: string[];
  text: string;
  pageImages: string[];
}

/** Prints the page to PDF (its own page size), reads its text as laid out and renders each page at `labelDpi`. */
export async function renderPdf(page: Page, dir: string, name: string): Promise<RenderedPdf> {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.pdf`);
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const prefix = path.join(dir, name);
  execFileSync('pdftoppm', ['-r', String(labelDpi), '-png', file, prefix]);
  const pageImages = fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))
    .sort((a, b) => Number(/-(\d+)\.png$/.exec(a)![1]) - Number(/-(\d+)\.png$/.exec(b)![1]))
    .map((f) => path.join(dir, f));
  return { file, pages: text.split('\f').filter((p) => p.trim() !== ''), text, pageImages };
}

/** Decodes one placed label symbol from its page image, with 2 mm of quiet zone around it. */
export function decodeSymbol(pdf: RenderedPdf, symbol: PlacedSymbol): { text: string; format: string } {
  const box = { x: symbol.xMm, y: symbol.yMm, width: symbol.widthMm, height: symbol.heightMm };
  return decodeBox(pdf.pageImages[symbol.page]!, labelDpi, box, symbol.symbology, 2);
}

/** How many times `needle` occurs in `text`. */
export function occurrences(text: string, needle: string): number {
  return text.split(needle).length - 1;
}
