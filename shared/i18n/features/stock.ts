/** Texts of the stock area. The stock screen owns this file; zh-CN is the source of the keys. */
import type { TranslationShape } from '../shape';

export const stockZh = {
  subtitle: '移库、调整和报废：从库存行或单据发起，过账后即时记入台账。',
} as const;

export const stockEn: TranslationShape<typeof stockZh> = {
  subtitle:
    'Transfers, adjustments and write-offs, started from a stock row or a document; posting writes the ledger at once.',
};
