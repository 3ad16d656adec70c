import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Item } from '../../../shared/contract';
import type { Result } from '../../../shared/errors';
import { call, errorText, useChannel } from '../../api/client';
import { formatNumber } from '../../components/format';
import { ImportDialog } from './ImportDialog';
import { ItemDialog } from './ItemDialog';
import { ItemsGrid } from './ItemsGrid';
import { useLabelsDialog } from '../labels/useLabelsDialog';
import { commonUnits } from './kinds';
import { useInFlight } from './useInFlight';

/** Items per request: the backend's largest page. Most depots' whole catalog fits in one. */
const pageSize = 5000;
/** Typing pauses this long before the search goes to the backend. */
const searchDelayMs = 250;

interface Listing {
  rows: Item[];
  total: number;
}

interface Settled {
  /** The request this answer belongs to; an answer to an older search is not shown as current. */
  request: string;
  result: Result<Listing>;
}

/**
 * 物资: the catalog's items, searched by the backend (code, name, spec, barcode) and loaded in pages
 * of 5,000 with the total. A created, changed or deleted item changes its one row; only an import
 * reads the list again.
 */
export function ItemsTab() {
  const { t } = useTranslation();
  const [searchText, setSearchText] = useState('');
  const [search, setSearch] = useState('');
  const [includeInactive, setIncludeInactive] = useState(false);
  const [generation, setGeneration] = useState(0);
  const [settled, setSettled] = useState<Settled | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [itemDialog, setItemDialog] = useState<{ key: number; itemId: string | null; open: boolean }>({
    key: 0,
    itemId: null,
    open: false,
  });
  const [importDialog, setImportDialog] = useState({ key: 0, open: false });
  const categories = useChannel('catalog:list-categories');
  const more = useInFlight();

  useEffect(() => {
    const timer = setTimeout(() => setSearch(searchText.trim()), searchDelayMs);
    return () => clearTimeout(timer);
  }, [searchText]);

  const request = JSON.stringify({ search, includeInactive, generation });
  useEffect(() => {
    let live = true;
    void call('catalog:list-items', { search, includeInactive, limit: pageSize }).then((result) => {
      if (live) setSettled({ request, result });
    });
    return () => {
      live = false;
    };
  }, [request, search, includeInactive]);

  const current = settled?.request === request;
  const listing = settled?.result.ok ? settled.result.value : undefined;
  const failure = current && settled && !settled.result.ok ? settled.result.error : null;

  /** Changes the loaded rows in place of a reload: the grid updates only the rows that differ. */
  const changeRows = useCallback((change: (rows: Item[]) => Item[]) => {
    setSettled((s) => {
      if (!s?.result.ok) return s;
      const rows = change(s.result.value.rows);
      const total = s.result.value.total + (rows.length - s.result.value.rows.length);
      return { ...s, result: { ok: true, value: { rows, total } } };
    });
  }, []);

  const itemSaved = useCallback(
    (item: Item) => {
      // A deactivated item leaves a list that shows only active ones.
      const shown = item.active || includeInactive;
      changeRows((rows) => {
        const at = rows.findIndex((r) => r.id === item.id);
        if (at < 0) return shown ? [...rows, item] : rows;
        return shown ? rows.with(at, item) : rows.filter((r) => r.id !== item.id);
      });
    },
    [changeRows, includeInactive],
  );

  const itemDeleted = useCallback(
    (item: Item) => {
      changeRows((rows) => rows.filter((r) => r.id !== item.id));
      setItemDialog((d) => ({ ...d, open: false }));
      setAnnouncement(t('catalog.items.deleted', { code: item.code, name: item.name }));
    },
    [changeRows, t],
  );

  async function loadMore() {
    if (!listing) return;
    const offset = listing.rows.length;
    await more.run(async () => {
      const result = await call('catalog:list-items', { search, includeInactive, offset, limit: pageSize });
      if (!result.ok) {
        setAnnouncement(t('catalog.loadFailed', { reason: errorText(t, result.error) }));
        return;
      }
      setSettled((s) => {
        if (s?.request !== request || !s.result.ok) return s;
        const known = new Set(s.result.value.rows.map((r) => r.id));
        const rows = [...s.result.value.rows, ...result.value.rows.filter((r) => !known.has(r.id))];
        return { ...s, result: { ok: true, value: { rows, total: result.value.total } } };
      });
    });
  }

  const openItem = useCallback((itemId: string | null) => {
    setAnnouncement('');
    setItemDialog((d) => ({ key: d.key + 1, itemId, open: true }));
  }, []);
  const labels = useLabelsDialog();
  const { show: showLabels } = labels;
  const showItemLabels = useCallback(
    (item: Item) => showLabels({ kind: 'items', entries: [{ id: item.id }] }),
    [showLabels],
  );

  // Stable identities: the grid's columns are rebuilt only when the categories really change.
  const loadedCategories = categories.state.status === 'ok' ? categories.state.value : undefined;
  const categoryList = useMemo(() => loadedCategories ?? [], [loadedCategories]);
  const categoryNames = useMemo(() => new Map(categoryList.map((c) => [c.id, c.name])), [categoryList]);
  const units = useMemo(
    () => [...new Set<string>([...commonUnits, ...(listing?.rows.map((r) => r.baseUnit) ?? [])])],
    [listing],
  );

  let count = '';
  if (listing && current) {
    count = search
      ? t('catalog.items.found', { total: formatNumber(listing.total) })
      : t('catalog.items.total', { total: formatNumber(listing.total) });
  }

  return (
    <div className="catalog-panel-body">
      <div className="catalog-toolbar">
        <label className="catalog-toolbar-label" htmlFor="catalog-item-search">
          {t('catalog.items.search')}
        </label>
        <input
          id="catalog-item-search"
          className="input catalog-search"
          type="search"
          autoComplete="off"
          spellCheck={false}
          placeholder={t('catalog.items.searchPlaceholder')}
          value={searchText}
          onChange={(e) => setSearchText(e.target.value)}
        />
        <label className="catalog-check">
          <input type="checkbox" checked={includeInactive} onChange={(e) => setIncludeInactive(e.target.checked)} />
          {t('catalog.items.includeInactive')}
        </label>
        <span className="catalog-count" role="status">
          {count}
        </span>
        <span className="catalog-announcement" role="status">
          {announcement}
        </span>
        <div className="catalog-toolbar-actions">
          <button
            type="button"
            className="button button-quiet"
            onClick={() => setImportDialog((d) => ({ key: d.key + 1, open: true }))}
          >
            {t('catalog.items.import')}
          </button>
          <button type="button" className="button button-primary" onClick={() => openItem(null)}>
            {t('catalog.items.create')}
          </button>
        </div>
      </div>
      {failure ? (
        <div className="catalog-problem">
          <p className="notice-error" role="alert">
            {t('catalog.loadFailed', { reason: errorText(t, failure) })}
          </p>
          <button type="button" className="button button-quiet" onClick={() => setGeneration((g) => g + 1)}>
            {t('common.actions.retry')}
          </button>
        </div>
      ) : (
        <ItemsGrid
          rows={listing?.rows}
          loading={!listing}
          categoryNames={categoryNames}
          emptyText={search ? t('catalog.items.noMatch', { search }) : t('catalog.items.empty')}
          onOpen={openItem}
          onLabels={showItemLabels}
        />
      )}
      {listing && current && listing.total > listing.rows.length && (
        <div className="catalog-more">
          <span className="catalog-muted">
            {t('catalog.items.loaded', {
              loaded: formatNumber(listing.rows.length),
              total: formatNumber(listing.total),
            })}
          </span>
          <button type="button" className="button button-quiet" disabled={more.busy} onClick={() => void loadMore()}>
            {more.busy ? t('catalog.items.loadingMore') : t('catalog.items.loadMore')}
          </button>
        </div>
      )}
      <ItemDialog
        key={itemDialog.key}
        open={itemDialog.open}
        itemId={itemDialog.itemId}
        categories={categoryList}
        units={units}
        onClose={() => setItemDialog((d) => ({ ...d, open: false }))}
        onSaved={itemSaved}
        onDeleted={itemDeleted}
      />
      {labels.dialog}
      <ImportDialog
        key={importDialog.key}
        open={importDialog.open}
        onClose={() => setImportDialog((d) => ({ ...d, open: false }))}
        onImported={(n) => {
          setAnnouncement(t('catalog.items.imported', { n: formatNumber(n) }));
          setGeneration((g) => g + 1);
        }}
      />
    </div>
  );
}
