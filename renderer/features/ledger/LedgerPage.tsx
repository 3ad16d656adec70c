import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemDetail, ItemSearchHit, StockRow } from '../../../shared/contract';
import { errorText, useChannel } from '../../api/client';
import { goTo, useRoute } from '../../app/areas';
import { Field } from '../../components/Field';
import { ItemPicker } from '../../components/ItemPicker';
import { formatCartons, formatNumber } from '../../components/format';
import { stockCardTarget } from '../../../shared/print/stockCardTarget';
import { PrintButton } from '../../print/PrintButton';
import { CardFilters, noFilter, type AppliedFilter } from './CardFilters';
import { StockCardGrid } from './StockCardGrid';
import './ledger.css';

/**
 * 台账 (stock card): `#/ledger/<itemId>` shows one item's movements with running balance;
 * `#/ledger` asks which item. The item can be changed at any time with the picker at the top.
 */
export function LedgerPage() {
  const { t } = useTranslation();
  const { target } = useRoute();

  function pick(hit: ItemSearchHit) {
    goTo('ledger', hit.item.id);
  }

  return (
    <div className="ledger">
      {target ? (
        // A new item starts with a fresh card and no filters.
        <ItemLedger key={target} itemId={target} onPick={pick} />
      ) : (
        <Field label={t('ledger.item')} hint={t('ledger.choose')} className="ledger-choose">
          <ItemPicker label={t('ledger.item')} value={null} onPick={pick} includeInactive autoFocus />
        </Field>
      )}
    </div>
  );
}

interface ItemLedgerProps {
  itemId: string;
  onPick(hit: ItemSearchHit): void;
}

function ItemLedger({ itemId, onPick }: ItemLedgerProps) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<AppliedFilter>(noFilter);
  const item = useChannel('catalog:get-item', { id: itemId });
  const stock = useChannel('stock:on-hand', { itemId });
  const sources = useChannel('catalog:list-sources');
  const card = useChannel('stock:card', { itemId, ...filter });

  const detail = item.state.status === 'ok' ? item.state.value : null;
  const stockRows = stock.state.status === 'ok' ? stock.state.value : null;
  const shownCard =
    card.state.status === 'ok' ? card.state.value : card.state.status === 'loading' ? card.state.stale : undefined;

  return (
    <>
      <div className="ledger-top">
        <div className="ledger-picker">
          <ItemPicker label={t('ledger.item')} value={detail} onPick={onPick} includeInactive />
        </div>
        {detail && <ItemHeader item={detail} stock={stockRows} />}
        {detail && (
          // The card as filtered now (range, source, batch) is what prints.
          <PrintButton
            kind="stock-card"
            target={stockCardTarget({ itemId, ...filter })}
            number={t('printForms.open.cardNumber', {
              code: detail.code,
              from: filter.from ?? t('printForms.stockCard.periodStart'),
              to: filter.to ?? t('printForms.stockCard.periodEnd'),
            })}
            label={t('printForms.open.printCard')}
            className="button button-quiet ledger-print"
          />
        )}
      </div>
      {item.state.status === 'error' ? (
        <p className="notice-error" role="alert">
          {t('ledger.itemLoadFailed', { reason: errorText(t, item.state.error) })}
        </p>
      ) : (
        <>
          <CardFilters
            sources={sources.state.status === 'ok' ? sources.state.value : []}
            stock={stockRows ?? []}
            applied={filter}
            onApply={setFilter}
            count={shownCard ? shownCard.rows.length : null}
          />
          {card.state.status === 'error' && (
            <div className="ledger-problem">
              <p className="notice-error" role="alert">
                {t('ledger.loadFailed', { reason: errorText(t, card.state.error) })}
              </p>
              <button type="button" className="button button-quiet" onClick={card.reload}>
                {t('ledger.retry')}
              </button>
            </div>
          )}
          {shownCard && <StockCardGrid card={shownCard} from={filter.from} to={filter.to} />}
        </>
      )}
    </>
  );
}

/** Code, name, spec, unit, pack size and on hand of the item whose card is shown. */
function ItemHeader({ item, stock }: { item: ItemDetail; stock: StockRow[] | null }) {
  const { t } = useTranslation();
  const onHand = useMemo(() => (stock ? stock.reduce((sum, r) => sum + r.quantity, 0) : null), [stock]);
  return (
    <dl className="ledger-item" aria-label={t('ledger.header.label')}>
      <div>
        <dt>{t('ledger.header.code')}</dt>
        <dd className="ledger-item-code">{item.code}</dd>
      </div>
      <div>
        <dt>{t('ledger.header.name')}</dt>
        <dd className="ledger-item-name">
          {item.name}
          {!item.active && <span className="ledger-item-inactive">{t('ledger.header.inactive')}</span>}
        </dd>
      </div>
      <div>
        <dt>{t('ledger.header.spec')}</dt>
        <dd>{item.spec}</dd>
      </div>
      <div>
        <dt>{t('ledger.header.unit')}</dt>
        <dd>{item.baseUnit}</dd>
      </div>
      <div>
        <dt>{t('ledger.header.packSize')}</dt>
        <dd>
          {item.packSize > 1
            ? t('ledger.header.packSizeValue', { packSize: formatNumber(item.packSize), unit: item.baseUnit })
            : t('ledger.header.notPacked')}
        </dd>
      </div>
      <div>
        <dt>{t('ledger.header.onHand')}</dt>
        <dd className="ledger-item-on-hand">
          {onHand === null
            ? ''
            : item.packSize > 1
              ? `${formatNumber(onHand)} ${item.baseUnit} (${formatCartons(t, onHand, item.packSize, item.baseUnit)})`
              : `${formatNumber(onHand)} ${item.baseUnit}`}
        </dd>
      </div>
    </dl>
  );
}
