import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InventoryRow, Posted, StockRow } from '../../../shared/contract';
import { call, errorText, useChannel } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { StockActionDialog, type StockAction, type StockActionItem } from './StockActionDialog';
import { describeQuantity } from './quantityText';
import './stock-actions.css';

interface StockRowChooserProps {
  open: boolean;
  onClose(): void;
  /** A transfer, adjustment or write-off was posted from here; the chooser has closed itself. */
  onPosted(posted: Posted, action: StockAction): void;
}

/** The most rows the table shows at once; typing narrows the rest down. */
const shownLimit = 200;
/** How long typing must pause before the catalog search (pinyin initials, barcodes) goes out. */
const searchPauseMs = 200;
const noSearch = { text: '', ids: new Set<string>() } as const;

const actionKeys = {
  transfer: 'stock.chooser.actions.transfer',
  adjustment: 'stock.chooser.actions.adjustment',
  'write-off': 'stock.chooser.actions.writeOff',
} as const;
const stockActions = ['transfer', 'adjustment', 'write-off'] as const;

interface Chosen {
  row: StockRow;
  item: StockActionItem;
}

/**
 * 新建移库 / 调整 / 报废: choose the action, find the stock row (by item code, name, pinyin initials,
 * a scanned barcode, batch, location or source), then act on it in the StockActionDialog.
 */
export function StockRowChooser({ open, onClose, onPosted }: StockRowChooserProps) {
  const { t } = useTranslation();
  const [action, setAction] = useState<StockAction>('transfer');
  const [chosen, setChosen] = useState<Chosen | null>(null);

  return (
    <>
      <Dialog
        title={t('stock.chooser.title', { action: t(actionKeys[action]) })}
        open={open}
        onClose={onClose}
        wide
        actions={
          <button type="button" className="button button-quiet" onClick={onClose}>
            {t('common.actions.close')}
          </button>
        }
      >
        <ChooserBody action={action} onAction={setAction} onChoose={setChosen} />
      </Dialog>
      {chosen && (
        <StockActionDialog
          action={action}
          row={chosen.row}
          item={chosen.item}
          open={open}
          onClose={() => setChosen(null)}
          onPosted={(posted) => {
            setChosen(null);
            onPosted(posted, action);
          }}
        />
      )}
    </>
  );
}

interface ChooserBodyProps {
  action: StockAction;
  onAction(action: StockAction): void;
  onChoose(chosen: Chosen): void;
}

/** What the chooser shows while open: it loads the stock afresh each time it opens. */
function ChooserBody({ action, onAction, onChoose }: ChooserBodyProps) {
  const { t } = useTranslation();
  const stock = useChannel('stock:on-hand', {});
  const inventory = useChannel('stock:inventory', { includeInactive: true });
  const [filter, setFilter] = useState('');
  const [searched, setSearched] = useState<{ text: string; ids: ReadonlySet<string> }>(noSearch);
  const text = filter.trim();

  // Pinyin initials (dzp → 单帐篷) and barcodes are the catalog's to match, once typing pauses.
  useEffect(() => {
    if (!text) return;
    let live = true;
    const timer = window.setTimeout(() => {
      void call('catalog:search-items', { text: text.slice(0, 80), limit: 100, includeInactive: true }).then((r) => {
        if (live && r.ok) setSearched({ text, ids: new Set(r.value.map((hit) => hit.item.id)) });
      });
    }, searchPauseMs);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [text]);
  const searchedIds = searched.text === text ? searched.ids : noSearch.ids;

  const items = useMemo(() => {
    const map = new Map<string, InventoryRow>();
    if (inventory.state.status === 'ok') for (const row of inventory.state.value) map.set(row.itemId, row);
    return map;
  }, [inventory.state]);

  const rows = useMemo(() => {
    if (stock.state.status !== 'ok') return [];
    const needle = text.toLowerCase();
    const matches = (row: StockRow) => {
      if (!needle) return true;
      const item = items.get(row.itemId);
      return (
        searchedIds.has(row.itemId) ||
        [item?.code, item?.name, row.batchNo, row.locationCode, row.sourceName].some((v) =>
          v?.toLowerCase().includes(needle),
        )
      );
    };
    return stock.state.value
      .filter((row) => row.quantity > 0 && items.has(row.itemId) && matches(row))
      .sort(
        (a, b) =>
          items.get(a.itemId)!.code.localeCompare(items.get(b.itemId)!.code, 'en') ||
          (a.expiryDate ?? '9999').localeCompare(b.expiryDate ?? '9999') ||
          a.batchNo.localeCompare(b.batchNo, 'en') ||
          a.locationCode.localeCompare(b.locationCode, 'en') ||
          a.sourceName.localeCompare(b.sourceName, 'zh'),
      );
  }, [stock.state, items, text, searchedIds]);

  const failed =
    stock.state.status === 'error'
      ? stock.state.error
      : inventory.state.status === 'error'
        ? inventory.state.error
        : null;
  const loading = stock.state.status === 'loading' || inventory.state.status === 'loading';
  const shown = rows.slice(0, shownLimit);

  let note = '';
  if (!loading && !failed) {
    if (rows.length === 0) note = text ? t('stock.chooser.noMatch', { filter: text }) : t('stock.chooser.empty');
    else if (rows.length > shownLimit) note = t('stock.chooser.limited', { shown: shownLimit, total: rows.length });
    else note = t('stock.chooser.shown', { total: rows.length });
  }

  return (
    <div className="chooser">
      <div className="chooser-toolbar">
        <fieldset className="chooser-actions">
          <legend className="chooser-legend">{t('stock.chooser.actionLabel')}</legend>
          {stockActions.map((a) => (
            <label key={a} className={a === action ? 'chooser-action chooser-action-current' : 'chooser-action'}>
              <input type="radio" name="stock-action" value={a} checked={a === action} onChange={() => onAction(a)} />
              {t(actionKeys[a])}
            </label>
          ))}
        </fieldset>
        <label className="chooser-filter">
          <span className="chooser-legend">{t('stock.chooser.filter')}</span>
          <input
            className="input"
            type="search"
            autoComplete="off"
            spellCheck={false}
            maxLength={80}
            placeholder={t('stock.chooser.filterPlaceholder')}
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            autoFocus
          />
        </label>
      </div>
      {failed && (
        <p className="notice-error" role="alert">
          {t('stock.chooser.loadFailed', { reason: errorText(t, failed) })}
        </p>
      )}
      <p className="chooser-note" role="status">
        {loading ? t('stock.chooser.loading') : note}
      </p>
      {shown.length > 0 && (
        <div className="chooser-table-wrap">
          <table className="chooser-table" aria-label={t('stock.chooser.tableLabel')}>
            <thead>
              <tr>
                <th scope="col">{t('stock.chooser.columns.code')}</th>
                <th scope="col">{t('stock.chooser.columns.name')}</th>
                <th scope="col">{t('stock.chooser.columns.batch')}</th>
                <th scope="col">{t('stock.chooser.columns.expiry')}</th>
                <th scope="col">{t('stock.chooser.columns.location')}</th>
                <th scope="col">{t('stock.chooser.columns.source')}</th>
                <th scope="col" className="numeric">
                  {t('stock.chooser.columns.onHand')}
                </th>
                <th scope="col">
                  <span className="stock-sr-only">{t('stock.chooser.columns.choose')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((row) => {
                const item = items.get(row.itemId)!;
                return (
                  <tr key={`${row.itemId}|${row.batchId}|${row.locationId}|${row.sourceId}`}>
                    <td>{item.code}</td>
                    <td>{item.name}</td>
                    <td>{row.batchNo}</td>
                    <td>{row.expiryDate ?? ''}</td>
                    <td>{row.locationCode}</td>
                    <td>{row.sourceName}</td>
                    <td className="numeric">{describeQuantity(t, row.quantity, item.packSize, item.baseUnit)}</td>
                    <td>
                      <button
                        type="button"
                        className="button button-quiet chooser-choose"
                        aria-label={t('stock.chooser.chooseRow', {
                          code: item.code,
                          name: item.name,
                          batch: row.batchNo,
                          location: row.locationCode,
                          source: row.sourceName,
                        })}
                        onClick={() =>
                          onChoose({
                            row,
                            item: {
                              code: item.code,
                              name: item.name,
                              baseUnit: item.baseUnit,
                              packSize: item.packSize,
                            },
                          })
                        }
                      >
                        {t('stock.chooser.choose')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
