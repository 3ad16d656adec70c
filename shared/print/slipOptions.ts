/**
 * The options a slip is printed with: which copies (from the depot's settings, or the `copies`
 * parameter) and the reprint number (`reprint=N`, N ≥ 1).
 */
import type { TFunction } from 'i18next';
import { copyLabelKeys, type PrintSettings } from './depotPrintSettings';

export interface SlipOptions {
  copies: string[];
  reprint: number | null;
}

function wholeNumber(value: string | undefined, min: number, max: number): number | null | 'invalid' {
  if (value === undefined) return null;
  if (!/^\d{1,3}$/.test(value)) return 'invalid';
  const n = Number(value);
  return n >= min && n <= max ? n : 'invalid';
}

/** The copy labels in print order: the depot's own wording where set, the default label otherwise. */
export function copyLabels(t: TFunction, printing: PrintSettings, count: number): string[] {
  return copyLabelKeys.slice(0, count).map((key, i) => printing.copyLabels[i] || t(`printDocuments.copyLabels.${key}`));
}

/** The slip's options, or the translated reason a parameter is refused. */
export function slipOptions(
  t: TFunction,
  params: Readonly<Record<string, string>>,
  printing: PrintSettings,
): SlipOptions | { error: string } {
  const copies = wholeNumber(params.copies, 1, copyLabelKeys.length);
  if (copies === 'invalid')
    return { error: t('printDocuments.page.badParam', { name: 'copies', value: params.copies ?? '' }) };
  const reprint = wholeNumber(params.reprint, 1, 999);
  if (reprint === 'invalid') {
    return { error: t('printDocuments.page.badParam', { name: 'reprint', value: params.reprint ?? '' }) };
  }
  return {
    copies: copyLabels(t, printing, copies ?? printing.copies),
    reprint,
  };
}
