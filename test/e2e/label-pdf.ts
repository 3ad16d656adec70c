/**
 * Turning the labels print view into what a printer and a scanner see: a PDF from Chromium's print
 * path, page images from poppler at 300 dpi, and every drawn symbol decoded back by zxing — cropped
 * by the position the page itself reports, so each barcode is checked on its own.
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
import { printHash } from '../../shared/print/jobs';
import type { PaperId } from '../../shared/print/papers';
import { expect } from './fixtures';

export const dpi = 300;

/** Opens the print route of a label set and waits until it reports ready. */
export async function openLabels(page: Page, rendererUrl: string, target: string, paper: PaperId): Promise<void> {
  await page.goto(`${rendererUrl}index.html${printHash({ kind: 'labels', target, paper })}`);
  await expect(page.locator('html[data-print-ready="true"]')).toBeAttached({ timeout: 30_000 });
}

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

/** Every symbol on every page, with its position on the page. */
export async function placedSymbols(page: Page): Promise<PlacedSymbol[]> {
  // A string, as the other specs do: the test project's types have no DOM.
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

/** Prints the page to PDF (its own page size), reads its text and renders each page at 300 dpi. */
export async function renderPdf(page: Page, dir: string, name: string): Promise<RenderedPdf> {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.pdf`);
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const prefix = path.join(dir, name);
  execFileSync('pdftoppm', ['-r', String(dpi), '-png', file, prefix]);
  const pageImages = fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))
    .sort((a, b) => Number(/-(\d+)\.png$/.exec(a)![1]) - Number(/-(\d+)\.png$/.exec(b)![1]))
    .map((f) => path.join(dir, f));
  return { file, pages: text.split('\f').filter((p) => p.trim() !== ''), text, pageImages };
}

const formats: Record<string, BarcodeFormat> = {
  code128: BarcodeFormat.CODE_128,
  'gs1-128': BarcodeFormat.CODE_128,
  ean13: BarcodeFormat.EAN_13,
  qrcode: BarcodeFormat.QR_CODE,
  gs1datamatrix: BarcodeFormat.DATA_MATRIX,
  datamatrix: BarcodeFormat.DATA_MATRIX,
};

const images = new Map<string, PNG>();
function pageImage(file: string): PNG {
  if (!images.has(file)) images.set(file, PNG.sync.read(fs.readFileSync(file)));
  return images.get(file)!;
}

/** Decodes one placed symbol from its page image: the symbol's box plus a white margin for the quiet zone. */
export function decodeSymbol(pdf: RenderedPdf, symbol: PlacedSymbol): { text: string; format: string } {
  const image = pageImage(pdf.pageImages[symbol.page]!);
  const px = (mm: number) => Math.round((mm / 25.4) * dpi);
  const margin = px(2);
  const x0 = Math.max(0, px(symbol.xMm) - margin);
  const y0 = Math.max(0, px(symbol.yMm) - margin);
  const x1 = Math.min(image.width, px(symbol.xMm + symbol.widthMm) + margin);
  const y1 = Math.min(image.height, px(symbol.yMm + symbol.heightMm) + margin);
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
  const reader = new MultiFormatReader();
  const hints = new Map<DecodeHintType, unknown>([
    [DecodeHintType.POSSIBLE_FORMATS, [formats[symbol.symbology]]],
    [DecodeHintType.TRY_HARDER, true],
    // Report GS1-128's FNC1s as scanners do: "]C1" first, GS between fields.
    [DecodeHintType.ASSUME_GS1, symbol.symbology === 'gs1-128'],
  ]);
  const result = reader.decode(
    new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminance, width, height))),
    hints,
  );
  return { text: result.getText(), format: BarcodeFormat[result.getBarcodeFormat()] ?? '' };
}
