import { useTranslation } from 'react-i18next';
import type { StockRow } from '../../../shared/contract';
import { describeQuantity } from './quantityText';

interface StockRowFactsProps {
  row: StockRow;
  item: { code: string; name: string; baseUnit: string; packSize: number };
}

/** The stock row a dialog acts on — item, batch, expiry, location, source, on hand — as a short fact list. */
export function StockRowFacts({ row, item }: StockRowFactsProps) {
  const { t } = useTranslation();
  return (
    <dl className="stock-facts" aria-label={t('stock.facts.label')}>
      <div>
        <dt>{t('stock.facts.item')}</dt>
        <dd>
          {item.code} {item.name}
        </dd>
      </div>
      <div>
        <dt>{t('stock.facts.batch')}</dt>
        <dd>{row.batchNo}</dd>
      </div>
      <div>
        <dt>{t('stock.facts.expiry')}</dt>
        <dd>{row.expiryDate ?? t('stock.facts.noExpiry')}</dd>
      </div>
      <div>
        <dt>{t('stock.facts.location')}</dt>
        <dd>{row.locationCode}</dd>
      </div>
      <div>
        <dt>{t('stock.facts.source')}</dt>
        <dd>{row.sourceName}</dd>
      </div>
      <div>
        <dt>{t('stock.facts.onHand')}</dt>
        <dd className="stock-facts-on-hand">{describeQuantity(t, row.quantity, item.packSize, item.baseUnit)}</dd>
      </div>
    </dl>
  );
}
