import type { TFunction } from 'i18next';
import { formatNumber } from '../../components/format';
import { quantityOf, type ReceiptLine } from './receiptForm';

/** "50 顶、53 床、240 瓶": the lines' quantities added up per base unit, in the order units first appear. */
export function quantitiesByUnit(t: TFunction, lines: ReceiptLine[]): string {
  const totals = new Map<string, number>();
  for (const line of lines) {
    if (!line.item) continue;
    totals.set(line.item.baseUnit, (totals.get(line.item.baseUnit) ?? 0) + quantityOf(line));
  }
  return [...totals]
    .map(([unit, quantity]) => `${formatNumber(quantity)} ${unit}`)
    .join(t('receive.confirm.separator'));
}
