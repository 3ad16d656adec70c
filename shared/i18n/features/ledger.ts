/** Texts of the ledger area. The ledger screen owns this file; zh-CN is the source of the keys. */
import type { TranslationShape } from '../shape';

export const ledgerZh = {
  subtitle: '每种物资逐笔的收、发、存记录（货位卡），可按日期、来源和批次筛选。',
} as const;

export const ledgerEn: TranslationShape<typeof ledgerZh> = {
  subtitle: 'Each item movement by movement — in, out and balance — filtered by date, source and batch.',
};
