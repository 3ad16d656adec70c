/** Texts of the documents area. The documents screen owns this file; zh-CN is the source of the keys. */
import type { TranslationShape } from '../shape';

export const documentsZh = {
  subtitle: '全部已过账单据：查找、查看台账影响、冲销，补录紧急出库的调拨通知单号。',
} as const;

export const documentsEn: TranslationShape<typeof documentsZh> = {
  subtitle:
    'Every posted document: find it, see its ledger effect, reverse it, file the order number of an emergency dispatch.',
};
