/** Texts of the receive area. The receive screen owns this file; zh-CN is the source of the keys. */
import type { TranslationShape } from '../shape';

export const receiveZh = {
  subtitle: '登记到库物资：扫码或手工录入，按箱或按件计数，过账后即时记入台账。',
} as const;

export const receiveEn: TranslationShape<typeof receiveZh> = {
  subtitle: 'Record goods arriving: scan or type, count in cartons or units; posting writes the ledger at once.',
};
