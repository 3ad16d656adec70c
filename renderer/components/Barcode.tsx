/**
 * A barcode drawn by bwip-js as inline SVG: crisp at any printer resolution, no canvas, nothing
 * fetched. bwip-js (≈2 MB) is loaded once, on the first barcode, so the desk's start is not slowed;
 * print views await `loadBarcodeEncoder()` before they report ready.
 */
import type * as BwipJs from 'bwip-js/browser';
import { useEffect, useState } from 'react';

type Encoder = typeof BwipJs;

let encoder: Encoder | null = null;
let loading: Promise<Encoder> | null = null;

export function loadBarcodeEncoder(): Promise<Encoder> {
  loading ??= import('bwip-js/browser').then((module) => (encoder = module));
  return loading;
}

export type Symbology = 'code128' | 'gs1-128' | 'qrcode' | 'datamatrix' | 'gs1datamatrix' | 'ean13';

export interface BarcodeProps {
  symbology: Symbology;
  /** The data; for GS1 symbologies the parenthesised element string, e.g. "(01)06901234567892(10)A1". */
  data: string;
  /** What a screen reader says, and the test finds the barcode by. */
  label: string;
  /** Printed size of the symbol; the SVG scales to it exactly. */
  widthMm?: number;
  heightMm?: number;
  /** Bar height for linear symbols, in millimetres (bwip-js's unit). */
  barHeightMm?: number;
  /** Print the human-readable text under linear symbols. */
  showText?: boolean;
  /**
   * GS1 symbologies only: skip bwip-js's check of GS1's AI association rules (e.g. "(10) needs (01)").
   * For the depot-internal batch form with (91) instead of a GTIN (shared/barcode/payloads.ts).
   */
  skipGs1Rules?: boolean;
  className?: string;
}

/** SVG markup for a barcode, or the error bwip-js gave (a value it cannot encode). */
export function barcodeSvg(
  module: Encoder,
  props: Pick<BarcodeProps, 'symbology' | 'data' | 'barHeightMm' | 'showText' | 'skipGs1Rules'>,
): { svg: string } | { error: string } {
  const linear = props.symbology === 'code128' || props.symbology === 'gs1-128' || props.symbology === 'ean13';
  try {
    const svg = module.toSVG({
      bcid: props.symbology,
      text: props.data,
      scale: 2,
      ...(linear
        ? { height: props.barHeightMm ?? 10, includetext: props.showText ?? false, textxalign: 'center' }
        : {}),
      paddingwidth: linear ? 4 : 1,
      paddingheight: 1,
      ...(props.skipGs1Rules ? { dontlint: true } : {}),
    });
    return { svg };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

export function Barcode(props: BarcodeProps) {
  const [module, setModule] = useState<Encoder | null>(encoder);
  useEffect(() => {
    if (!module) void loadBarcodeEncoder().then(setModule);
  }, [module]);
  if (!module) return <span className={props.className} role="img" aria-label={props.label} aria-busy="true" />;
  const result = barcodeSvg(module, props);
  if ('error' in result) {
    return (
      <span
        className={`barcode-error ${props.className ?? ''}`}
        role="img"
        aria-label={props.label}
        data-error={result.error}
      >
        {props.data}
      </span>
    );
  }
  const style = {
    width: props.widthMm ? `${props.widthMm}mm` : undefined,
    height: props.heightMm ? `${props.heightMm}mm` : undefined,
  };
  return (
    <span
      className={`barcode ${props.className ?? ''}`}
      role="img"
      aria-label={props.label}
      style={style}
      // bwip-js builds the SVG from the data alone (paths only, no text nodes from the input), so the markup is ours.
      dangerouslySetInnerHTML={{ __html: result.svg }}
    />
  );
}
