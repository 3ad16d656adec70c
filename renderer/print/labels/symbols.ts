/**
 * Drawing a label's symbols at a size scanners read: linear symbols get a whole X-dimension (module
 * width) between the smallest a handheld imager reliably reads and the largest the label needs, and
 * when the data is too long for the label at that smallest X — or the symbology cannot carry it —
 * the label prints a QR code of the same data instead, with a visible note.
 */
import { barcodeSvg, type loadBarcodeEncoder, type Symbology } from '../../components/Barcode';

type Encoder = Awaited<ReturnType<typeof loadBarcodeEncoder>>;

/**
 * 0.19 mm (7.5 mil): the narrowest module our depot's handheld imagers read off a thermal label, and
 * 1.5 dots of a 203-dpi label printer; anything narrower prints as a QR code instead.
 */
export const minModuleMm = 0.19;
/** bwip-js draws one module as one point (1/72 in) at scale 1; Barcode.tsx draws at scale 2. */
const pointMm = 25.4 / 72;
const svgScale = 2;

export interface DrawnSymbol {
  svg: string;
  widthMm: number;
  heightMm: number;
}

export type LinearResult = ({ ok: true } & DrawnSymbol) | { ok: false; problem: 'too-wide' | 'not-encodable' };

function viewBox(svg: string): { width: number; height: number } {
  const match = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
  return { width: Number(match?.[1] ?? 0), height: Number(match?.[2] ?? 0) };
}

// A label set repeats each record's symbols for its copies: each distinct symbol is encoded once.
const drawnCache = new Map<string, LinearResult | DrawnSymbol | null>();
function cached<T extends LinearResult | DrawnSymbol | null>(key: unknown[], draw: () => T): T {
  const text = JSON.stringify(key);
  if (!drawnCache.has(text)) drawnCache.set(text, draw());
  return drawnCache.get(text) as T;
}

/** A linear symbol as wide as it may be within `availableMm`, its bars `barHeightMm` high. */
export function drawLinear(
  encoder: Encoder,
  symbology: Extract<Symbology, 'code128' | 'gs1-128' | 'ean13'>,
  data: string,
  availableMm: number,
  barHeightMm: number,
  maxModuleMm: number,
): LinearResult {
  return cached([symbology, data, availableMm, barHeightMm, maxModuleMm], () =>
    encodeLinear(encoder, symbology, data, availableMm, barHeightMm, maxModuleMm),
  );
}

function encodeLinear(
  encoder: Encoder,
  symbology: Extract<Symbology, 'code128' | 'gs1-128' | 'ean13'>,
  data: string,
  availableMm: number,
  barHeightMm: number,
  maxModuleMm: number,
): LinearResult {
  const showText = symbology === 'ean13';
  const probe = barcodeSvg(encoder, { symbology, data, barHeightMm: 10, showText });
  if ('error' in probe) return { ok: false, problem: 'not-encodable' };
  // Modules including the quiet-zone padding Barcode.tsx adds.
  const modules = viewBox(probe.svg).width / svgScale;
  const moduleMm = Math.min(maxModuleMm, availableMm / modules);
  if (moduleMm < minModuleMm) return { ok: false, problem: 'too-wide' };
  const scaleMm = moduleMm / pointMm;
  const drawn = barcodeSvg(encoder, { symbology, data, barHeightMm: barHeightMm / scaleMm, showText });
  if ('error' in drawn) return { ok: false, problem: 'not-encodable' };
  const box = viewBox(drawn.svg);
  return {
    ok: true,
    svg: drawn.svg,
    widthMm: (box.width / svgScale) * moduleMm,
    heightMm: (box.height / svgScale) * moduleMm,
  };
}

/** A 2D symbol (QR, DataMatrix) in a square of `sizeMm`; null when the symbology cannot carry the data. */
export function drawMatrix(
  encoder: Encoder,
  symbology: Extract<Symbology, 'qrcode' | 'gs1datamatrix' | 'datamatrix'>,
  data: string,
  sizeMm: number,
): DrawnSymbol | null {
  return cached([symbology, data, sizeMm], () => encodeMatrix(encoder, symbology, data, sizeMm));
}

/**
 * GS1 wants (10), (11) and (17) next to a GTIN; the depot's batch labels for goods without one carry
 * the item code in (91) instead (shared/barcode/payloads.ts), readable by our scanner only. For that
 * form alone bwip-js's GS1 association check is skipped, so the DataMatrix carries the same string.
 */
export function isInternalElementString(elementString: string): boolean {
  return !elementString.startsWith('(01)');
}

function encodeMatrix(
  encoder: Encoder,
  symbology: Extract<Symbology, 'qrcode' | 'gs1datamatrix' | 'datamatrix'>,
  data: string,
  sizeMm: number,
): DrawnSymbol | null {
  const skipGs1Rules = symbology === 'gs1datamatrix' && isInternalElementString(data);
  const drawn = barcodeSvg(encoder, { symbology, data, skipGs1Rules });
  if ('error' in drawn) return null;
  return { svg: drawn.svg, widthMm: sizeMm, heightMm: sizeMm };
}
