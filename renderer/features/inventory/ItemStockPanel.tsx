import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Posted, StockRow } from '../../../shared/contract';
import type { AppError } from '../../../shared/errors';
import { call, errorText } from '../../api/client';
import { goTo } from '../../app/areas';
import { formatCartons, formatNumber } from '../../components/format';
import { useLabelsDialog } from '../labels/useLabelsDialog';
import { StockActionDialog, type StockAction } from '../stock-actions/StockActionDialog';
import { stockRowAlerts, type AlertDates, type InventoryLine } from './inventoryLines';

interface ItemStockPanelProps {
  line: InventoryLine;
  dates: AlertDates;
  onClose(): void;
  /** Fresh stock rows of the item arrived (on opening, or after a posting from here). */
  onStock(itemId: string, rows: StockRow[]): void;
}

type Loaded = { status: 'loading' } | { status: 'ok'; rows: StockRow[] } | { status: 'error'; error: AppError };

interface Acting {
  action: StockAction;
  row: StockRow;
}

const actionKeys = {
  transfer: { text: 'inventory.detail.actions.transfer', label: 'inventory.detail.actions.transferLabel' },
  adjustment: { text: 'inventory.detail.actions.adjustment', label: 'inventory.detail.actions.adjustmentLabel' },
  'write-off': { text: 'inventory.detail.actions.writeOff', label: 'inventory.detail.actions.writeOffLabel' },
} as const;
const stockActions = ['transfer', 'adjustment', 'write-off'] as const;

/**
 * The drill-down under the grid: where an item's stock lies — batch, dates, location, source — with
 * transfer, adjust and write-off per row. After a posting only this item is read again.
 */
export function ItemStockPanel({ line, dates, onClose, onStock }: ItemStockPanelProps) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [acting, setActing] = useState<Acting | null>(null);
  const labels = useLabelsDialog();
  const [posted, setPosted] = useState<string | null>(null);
  /** Counts readings of the item's stock: one on opening, one more after each posting from here. */
  const [reading, setReading] = useState(0);
  const itemId = line.itemId;
  const latestOnStock = useRef(onStock);
  useEffect(() => {
    latestOnStock.current = onStock;
  });

  // The panel is keyed by item, so a new item starts a new panel.
  useEffect(() => {
    let live = true;
    void call('stock:on-hand', { itemId }).then((result) => {
      if (!live) return;
      if (result.ok) {
        setLoaded({ status: 'ok', rows: result.value });
        latestOnStock.current(itemId, result.value);
      } else {
        setLoaded({ status: 'error', error: result.error });
      }
    });
    return () => {
      live = false;
    };
  }, [itemId, reading]);

  function onPosted(result: Posted) {
    setActing(null);
    setPosted(result.number);
    setReading((n) => n + 1);
  }

  const item = { code: line.code, name: line.name, baseUnit: line.baseUnit, packSize: line.packSize };
  const label = t('inventory.detail.label', { code: line.code, name: line.name });

  return (
    <section className="stock-panel" aria-label={label}>
      <header className="stock-panel-header">
        <h2 className="stock-panel-title">
          {t('inventory.detail.title')}
          <span className="stock-panel-item">
            {line.code} {line.name}
            {line.spec && <span className="stock-panel-spec">{line.spec}</span>}
          </span>
        </h2>
        <span className="stock-panel-total">
          {t('inventory.detail.onHand', {
            quantity: `${formatNumber(line.onHand)} ${line.baseUnit}`,
          })}
          {line.packSize > 1 && ` (${formatCartons(t, line.onHand, line.packSize, line.baseUnit)})`}
        </span>
        {posted && (
          <span className="stock-panel-posted" role="status">
            {t('inventory.detail.posted', { number: posted })}
          </span>
        )}
        <span className="stock-panel-actions">
          <button type="button" className="button button-quiet" onClick={() => goTo('ledger', line.itemId)}>
            {t('inventory.detail.openCard')}
          </button>
          <button type="button" className="button button-quiet" onClick={onClose}>
            {t('inventory.detail.close')}
          </button>
        </span>
      </header>
      {loaded.status === 'loading' && <p className="stock-panel-note">{t('inventory.detail.loading')}</p>}
      {loaded.status === 'error' && (
        <p className="notice-error" role="alert">
          {t('inventory.detail.loadFailed', { reason: errorText(t, loaded.error) })}
        </p>
      )}
      {loaded.status === 'ok' && loaded.rows.length === 0 && (
        <p className="stock-panel-note">{t('inventory.detail.none')}</p>
      )}
      {loaded.status === 'ok' && loaded.rows.length > 0 && (
        <div className="stock-panel-scroll">
          <table className="stock-table" aria-label={t('inventory.detail.tableLabel')}>
            <thead>
              <tr>
                <th scope="col">{t('inventory.detail.columns.batch')}</th>
                <th scope="col">{t('inventory.detail.columns.productionDate')}</th>
                <th scope="col">{t('inventory.detail.columns.expiryDate')}</th>
                <th scope="col">{t('inventory.detail.columns.receiptDate')}</th>
                <th scope="col">{t('inventory.detail.columns.location')}</th>
                <th scope="col">{t('inventory.detail.columns.source')}</th>
                <th scope="col" className="stock-table-number">
                  {t('inventory.detail.columns.quantity')}
                </th>
                <th scope="col" className="stock-table-number">
                  {t('inventory.detail.columns.cartons')}
                </th>
                <th scope="col">{t('inventory.detail.columns.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {loaded.rows.map((row) => {
                const alerts = stockRowAlerts(row, dates);
                const names = { batch: row.batchNo, location: row.locationCode, source: row.sourceName };
                return (
                  <tr key={`${row.batchId}|${row.locationId}|${row.sourceId}`}>
                    <th scope="row" className="stock-table-batch">
                      {row.batchNo}
                    </th>
                    <td>{row.productionDate ?? ''}</td>
                    <td>
                      {row.expiryDate ?? ''}
                      {alerts.includes('expired') && <Marker alert="expired" />}
                      {alerts.includes('expiring') && <Marker alert="expiring" />}
                    </td>
                    <td>
                      {row.receiptDate}
                      {alerts.includes('aged') && <Marker alert="aged" />}
                    </td>
                    <td>{row.locationCode}</td>
                    <td>{row.sourceName}</td>
                    <td className="stock-table-number">
                      {formatNumber(row.quantity)} {line.baseUnit}
                    </td>
                    <td className="stock-table-number">
                      {line.packSize > 1 ? formatCartons(t, row.quantity, line.packSize, line.baseUnit) : ''}
                    </td>
                    <td className="stock-table-actions">
                      {stockActions.map((action) => (
                        <button
                          key={action}
                          type="button"
                          className="button button-quiet stock-table-action"
                          aria-label={t(actionKeys[action].label, names)}
                          onClick={() => {
                            setPosted(null);
                            setActing({ action, row });
                          }}
                        >
                          {t(actionKeys[action].text)}
                        </button>
                      ))}
                      <button
                        type="button"
                        className="button button-quiet stock-table-action"
                        aria-label={t('labels.actions.batchLabelsOf', names)}
                        onClick={() =>
                          labels.show({
                            kind: 'batches',
                            entries: [{ id: row.batchId, sourceId: row.sourceId }],
                            unit: line.baseUnit,
                          })
                        }
                      >
                        {t('labels.actions.batchLabels')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {labels.dialog}
      {acting && (
        <StockActionDialog
          action={acting.action}
          row={acting.row}
          item={item}
          open
          onClose={() => setActing(null)}
          onPosted={onPosted}
        />
      )}
    </section>
  );
}

function Marker({ alert }: { alert: 'expired' | 'expiring' | 'aged' }) {
  const { t } = useTranslation();
  return <span className={`inventory-marker inventory-marker-${alert}`}>{t(`inventory.markers.${alert}`)}</span>;
}
