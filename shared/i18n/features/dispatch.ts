/** Texts of the dispatch area. The dispatch screen owns this file; zh-CN is the source of the keys. */
import type { TranslationShape } from '../shape';

export const dispatchZh = {
  subtitle: '凭调拨通知单出库，紧急情况可先出库后补手续；按先进先出选取批次。',
} as const;

export const dispatchEn: TranslationShape<typeof dispatchZh> = {
  subtitle:
    'Dispatch on an allocation order, or in an emergency first with paperwork to follow; batches first-expiry-first-out.',
};
