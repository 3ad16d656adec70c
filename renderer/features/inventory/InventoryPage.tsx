import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GridApi } from 'ag-grid-community';
import type { Source, StockRow } from '../../../shared/contract';
import type { AppError } from '../../../shared/errors';
import { call, errorText } from '../../api/client';
import { useRoute } from '../../app/areas';
import { today } from '../../components/format';
import { goTo } from '../../app/areas';
import { beep } from '../../scan/beep';
import { useScanHandler } from '../../scan/ScanCapture';
import { printable, scanErrorText, type Feedback } from '../../scan/useScanSession';
import '../../scan/scan.css';
import { ColumnSettingsDialog } from './ColumnSettingsDialog';
import { InventoryGrid } from './InventoryGrid';
import { ItemStockPanel } from './ItemStockPanel';
import {
  alertDates,
  stockAlerts,
  inventoryLine,
  isListed,
  summarize,
  withStock,
  type InventoryLine,
  type InventorySummary,
} from './inventoryLines';
import { forgetSavedColumns } from './savedColumns';
import './inventory.css';

type Loaded =
  | { status: 'loading' }
  | { status: 'error'; error: AppError }
  | { status: 'ok'; lines: InventoryLine[]; sources: Source[] };

const legendAlerts = ['below', 'expiring', 'expired', 'aged'] as const satisfies readonly (keyof InventorySummary)[];

/** Two stock pictures of an item are the same when quantities and dates agree. */
function sameStock(a: InventoryLine, b: InventoryLine): boolean {
  return (
    a.onHand === b.onHand &&
    a.nearestExpiry === b.nearestExpiry &&
    a.oldestReceipt === b.oldestReceipt &&
    JSON.stringify(a.bySource) === JSON.stringify(b.bySource)
  );
}

/**
 * 库存: every item's stock in one grid — by source, against quota, with expiry and age markers — and
 * the selected item's batches and locations underneath, where it can be moved, adjusted or written off.
 */
export function InventoryPage() {
  const { t } = useTranslation();
  const dates = useMemo(() => alertDates(today()), []);
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  // A link may open the inventory filtered (`#/inventory/below` from the home screen's alerts, or an item's
  // code): a marker key becomes its word in the current language, anything else is filter text as it is.
  const { target } = useRoute();
  const filterFor = (linked: string | null): string =>
    linked !== null && (stockAlerts as readonly string[]).includes(linked)
      ? t(`inventory.markers.${linked as (typeof stockAlerts)[number]}`)
      : (linked ?? '');
  const [quickFilter, setQuickFilter] = useState(() => filterFor(target));
  const [linkedTarget, setLinkedTarget] = useState(target);
  if (target !== linkedTarget) {
    setLinkedTarget(target);
    setQuickFilter(filterFor(target));
  }
  const [displayed, setDisplayed] = useState<number | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [columnsOpen, setColumnsOpen] = useState(false);
  const [gridApi, setGridApi] = useState<GridApi<InventoryLine> | null>(null);
  const apiRef = useRef<GridApi<InventoryLine> | null>(null);
  const [scanned, setScanned] = useState<Feedback | null>(null);
  const scanSeq = useRef(0);
  /** The item a scan found, selected once the grid has filtered down to it. */
  const [scannedItem, setScannedItem] = useState<{ id: string; seq: number } | null>(null);

  useEffect(() => {
    let live = true;
    void Promise.all([call('stock:inventory', { includeInactive: true }), call('catalog:list-sources')]).then(
      ([inventory, sources]) => {
        if (!live) return;
        if (!inventory.ok) return setLoaded({ status: 'error', error: inventory.error });
        if (!sources.ok) return setLoaded({ status: 'error', error: sources.error });
        const lines = inventory.value.filter(isListed).map((row) => inventoryLine(row, dates));
        // Every active source has a column; a deactivated one only while it still holds stock.
        const held = new Set(lines.flatMap((l) => l.bySource.map((s) => s.sourceId)));
        setLoaded({
          status: 'ok',
          lines,
          sources: sources.value.filter((s) => s.active || held.has(s.id)),
        });
      },
    );
    return () => {
      live = false;
    };
  }, [generation, dates]);

  const lines = loaded.status === 'ok' ? loaded.lines : undefined;
  const sources = useMemo(() => (loaded.status === 'ok' ? loaded.sources : []), [loaded]);
  const summary = useMemo(() => summarize(lines ?? []), [lines]);
  const selected = useMemo(
    () => (selectedId ? (lines?.find((l) => l.itemId === selectedId) ?? null) : null),
    [lines, selectedId],
  );

  const onApi = useCallback((api: GridApi<InventoryLine> | null) => {
    apiRef.current = api;
    setGridApi(api);
  }, []);

  /** One item's stock was read again: its row changes in place (the grid applies it as a delta). */
  const onStock = useCallback(
    (itemId: string, rows: StockRow[]) => {
      setLoaded((state) => {
        if (state.status !== 'ok') return state;
        const index = state.lines.findIndex((l) => l.itemId === itemId);
        const current = state.lines[index];
        if (!current) return state;
        const next = inventoryLine(withStock(current, rows), dates);
        if (sameStock(current, next)) return state;
        const copy = state.lines.slice();
        copy[index] = next;
        return { ...state, lines: copy };
      });
    },
    [dates],
  );

  // — Scanning: wherever the cursor is, a scanned item is looked up as if its code had been typed into
  // the search box, and its batches and locations open underneath; a document number opens the document.
  const tell = useCallback((tone: Feedback['tone'], text: string) => {
    scanSeq.current += 1;
    setScanned({ tone, text, seq: scanSeq.current });
    beep(tone);
  }, []);
  useScanHandler((scan) => {
    void call('scan:resolve', { code: scan.code }).then((result) => {
      if (!result.ok) return tell('problem', scanErrorText(t, result.error));
      const found = result.value;
      if (found.kind === 'document') {
        tell('found', t('scan.found.document', { number: found.document.number }));
        goTo('documents', found.document.id);
        return;
      }
      if (found.kind === 'location') {
        return tell('problem', t('scan.problem.locationOnInventory', { location: found.location.code }));
      }
      const item = found.kind === 'unknown' ? null : found.item;
      if (!item) {
        const code = found.kind === 'gs1' && found.gtin ? found.gtin : found.code;
        return tell('problem', t('scan.problem.unknownOnInventory', { code: printable(code) }));
      }
      setQuickFilter(item.code);
      setScannedItem({ id: item.id, seq: scanSeq.current + 1 });
      tell('found', t('scan.found.inventoryItem', { name: item.name }));
    });
  });
  useEffect(() => {
    if (!scannedItem || !gridApi) return;
    const node = gridApi.getRowNode(scannedItem.id);
    if (!node) return;
    node.setSelected(true, true);
    gridApi.ensureNodeVisible(node, 'middle');
  }, [scannedItem, gridApi, quickFilter, lines]);

  function closePanel() {
    setSelectedId(null);
    apiRef.current?.deselectAll();
  }

  function resetColumns() {
    apiRef.current?.resetColumnState();
    forgetSavedColumns();
  }

  function retry() {
    setLoaded({ status: 'loading' });
    setGeneration((g) => g + 1);
  }

  let count = '';
  if (lines) {
    count =
      displayed !== null && displayed !== lines.length
        ? t('inventory.shown', { shown: displayed, total: lines.length })
        : t('inventory.total', { total: lines.length });
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
        <button type="button" className="button button-quiet" disabled={!gridApi} onClick={() => setColumnsOpen(true)}>
          {t('inventory.columnsButton')}
        </button>
        <button type="button" className="button button-quiet" disabled={!gridApi} onClick={resetColumns}>
          {t('inventory.resetColumns')}
        </button>
        {scanned && (
          <span
            key={scanned.seq}
            className={`inventory-scan scan-feedback scan-feedback-${scanned.tone}`}
            role={scanned.tone === 'problem' ? 'alert' : 'status'}
            aria-live={scanned.tone === 'problem' ? 'assertive' : 'polite'}
          >
            {scanned.text}
          </span>
        )}
        <span className="inventory-count" role="status">
          {count}
        </span>
      </div>
      {lines && (
        <ul className="inventory-legend" aria-label={t('inventory.legend.label')}>
          {legendAlerts.map((alert) => (
            <li key={alert} className="inventory-legend-entry">
              <span className={`inventory-marker inventory-marker-${alert}`}>{t(`inventory.markers.${alert}`)}</span>
              <span className="inventory-legend-text">{t(`inventory.legend.${alert}`)}</span>
              <span className="inventory-legend-count">{t('inventory.legend.count', { count: summary[alert] })}</span>
            </li>
          ))}
        </ul>
      )}
      {loaded.status === 'error' && (
        <div className="inventory-problem">
          <p className="notice-error" role="alert">
            {t('inventory.loadFailed', { reason: errorText(t, loaded.error) })}
          </p>
          <button type="button" className="button button-quiet" onClick={retry}>
            {t('inventory.retry')}
          </button>
        </div>
      )}
      {loaded.status === 'loading' && <p className="inventory-loading">{t('grid.loadingOoo')}</p>}
      {/* The grid starts once the sources are known, so their columns take their saved places. */}
      {loaded.status === 'ok' && (
        <InventoryGrid
          lines={lines}
          sources={sources}
          quickFilterText={quickFilter}
          onDisplayedCountChange={setDisplayed}
          onSelect={setSelectedId}
          selectedItemId={selectedId}
          onApi={onApi}
        />
      )}
      {selected && (
        <ItemStockPanel key={selected.itemId} line={selected} dates={dates} onClose={closePanel} onStock={onStock} />
      )}
      <ColumnSettingsDialog api={gridApi} open={columnsOpen} onClose={() => setColumnsOpen(false)} />
    </div>
  );
}
