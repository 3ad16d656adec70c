import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, useChannel } from '../../api/client';
import { InventoryGrid } from './InventoryGrid';
import './inventory.css';

/** The most a single listing loads; the grid filters and sorts these in the window. */
const listLimit = 5000;

/** 库存: every catalog item in one grid, with a quick filter over code, name and specification. */
export function InventoryPage() {
  const { t } = useTranslation();
  const { state, reload } = useChannel('catalog:list-items', { includeInactive: true, limit: listLimit });
  const [quickFilter, setQuickFilter] = useState('');
  const [displayed, setDisplayed] = useState<number | null>(null);

  const list = state.status === 'ok' ? state.value : state.status === 'loading' ? state.stale : undefined;
  let count = '';
  if (list) {
    count =
      quickFilter.trim() && displayed !== null
        ? t('inventory.shown', { shown: displayed, total: list.rows.length })
        : t('inventory.total', { total: list.total });
  }

  return (
    <div className="inventory">
      <div className="inventory-toolbar">
        <label className="inventory-filter-label" htmlFor="inventory-quick-filter">
          {t('inventory.quickFilter')}
        </label>
        <input
          id="inventory-quick-filter"
          className="input inventory-filter"
          type="search"
          autoComplete="off"
          spellCheck={false}
          placeholder={t('inventory.quickFilterPlaceholder')}
          value={quickFilter}
          onChange={(e) => setQuickFilter(e.target.value)}
        />
        <span className="inventory-count" role="status">
          {count}
        </span>
      </div>
      {list && list.total > list.rows.length && (
        <p className="inventory-truncated">
          {t('inventory.truncated', { loaded: list.rows.length, total: list.total })}
        </p>
      )}
      {state.status === 'error' ? (
        <div className="inventory-problem">
          <p className="notice-error" role="alert">
            {t('inventory.loadFailed', { reason: errorText(t, state.error) })}
          </p>
          <button type="button" className="button button-quiet" onClick={reload}>
            {t('inventory.retry')}
          </button>
        </div>
      ) : (
        <InventoryGrid
          rows={list?.rows}
          loading={state.status === 'loading' && !list}
          quickFilterText={quickFilter}
          onDisplayedCountChange={setDisplayed}
        />
      )}
    </div>
  );
}
