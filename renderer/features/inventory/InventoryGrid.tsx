import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { AgGridReact } from 'ag-grid-react';
import {
  ClientSideRowModelApiModule,
  ColumnApiModule,
  DateFilterModule,
  ModuleRegistry,
  NumberFilterModule,
  RowSelectionModule,
  TooltipModule,
  type CellKeyDownEvent,
  type ColDef,
  type GetRowIdParams,
  type GridApi,
  type GridReadyEvent,
  type ITooltipParams,
  type RowSelectionOptions,
  type ValueFormatterParams,
} from 'ag-grid-community';
import type { Source } from '../../../shared/contract';
import { formatCartons, formatNumber } from '../../components/format';
import { useGridLocaleText } from '../../grid/localeText';
import { gridTheme } from '../../grid/theme';
import { AlertMarkersCell, type AlertMarkersParams } from './AlertMarkersCell';
import { EmptyCatalogOverlay } from './EmptyCatalogOverlay';
import { stockAlerts, type InventoryLine, type StockAlert } from './inventoryLines';
import { loadSavedColumns, saveColumns } from './savedColumns';

// What this grid uses beyond the app's shared set: column state, number and date filters, row selection,
// row-model updates and header tooltips (the full source name).
ModuleRegistry.registerModules([
  ColumnApiModule,
  NumberFilterModule,
  DateFilterModule,
  RowSelectionModule,
  ClientSideRowModelApiModule,
  TooltipModule,
]);

interface InventoryGridProps {
  lines: InventoryLine[] | undefined;
  /** Sources in column order; each gets a column of the quantity held for it. */
  sources: readonly Source[];
  quickFilterText: string;
  /** How many rows the grid shows after filtering. */
  onDisplayedCountChange(count: number): void;
  /** The item chosen for the drill-down (click or Enter), or null when the selection is cleared. */
  onSelect(itemId: string | null): void;
  selectedItemId: string | null;
  /** The grid's API once it is ready (column settings, selection), null when it goes away. */
  onApi(api: GridApi<InventoryLine> | null): void;
}

const getRowId = (params: GetRowIdParams<InventoryLine>) => params.data.itemId;
const rowSelection: RowSelectionOptions<InventoryLine> = {
  mode: 'singleRow',
  checkboxes: false,
  enableClickSelection: 'enableSelection',
};
const alertRank = (alerts: readonly StockAlert[] | undefined) =>
  (alerts ?? []).reduce((rank, a) => rank + 2 ** (stockAlerts.length - stockAlerts.indexOf(a)), 0);

/** Column ids of the per-source columns. */
export const sourceColumnId = (sourceId: string) => `source:${sourceId}`;

/**
 * 库存: one row per item with its stock, per-source quantities, quota coverage, persons served and
 * markers. Values come from plain fields and value getters (no per-row React work), so 50,000 items
 * scroll smoothly; the keeper's column arrangement is saved as it changes.
 */
export function InventoryGrid({
  lines,
  sources,
  quickFilterText,
  onDisplayedCountChange,
  onSelect,
  selectedItemId,
  onApi,
}: InventoryGridProps) {
  const { t, i18n } = useTranslation();
  const sharedLocaleText = useGridLocaleText();
  const localeText = useMemo(
    () => ({ ...sharedLocaleText, ...t('inventory.gridText', { returnObjects: true }) }),
    [sharedLocaleText, t],
  );
  /** True while the grid's columns are set from saved or default state, so that is not saved again. */
  const restoring = useRef(false);
  const selectedRef = useRef(selectedItemId);
  useEffect(() => {
    selectedRef.current = selectedItemId;
  }, [selectedItemId]);

  const columnDefs = useMemo((): ColDef<InventoryLine>[] => {
    const quantity = (p: ValueFormatterParams<InventoryLine, number | null>) =>
      typeof p.value === 'number' ? formatNumber(p.value) : '';
    // A name, specification, set of markers or date too long for its column shows whole on hover. Only the
    // text and date columns carry a tooltip: each carrying cell watches the pointer, and numbers fit.
    const tooltipValueGetter = (p: ITooltipParams<InventoryLine>) => (typeof p.value === 'string' ? p.value : null);
    const text = {
      cellDataType: 'text',
      filter: 'agTextColumnFilter',
      tooltipValueGetter,
    } satisfies ColDef<InventoryLine, string>;
    const number = {
      cellDataType: 'number',
      type: 'rightAligned',
      filter: 'agNumberColumnFilter',
      valueFormatter: quantity,
      width: 104,
      minWidth: 72,
    } satisfies ColDef<InventoryLine, number | null>;
    const date = {
      cellDataType: 'dateString',
      filter: 'agDateColumnFilter',
      tooltipValueGetter,
      valueFormatter: (p: ValueFormatterParams<InventoryLine, string | null>) => p.value ?? '',
      width: 112,
      minWidth: 96,
    } satisfies ColDef<InventoryLine, string | null>;
    const has = (alert: StockAlert) => (p: { data?: InventoryLine }) => p.data?.alerts.includes(alert) ?? false;

    const markerParams: AlertMarkersParams = { label: (alert) => t(`inventory.markers.${alert}`) };
    return [
      {
        ...text,
        field: 'code',
        headerName: t('inventory.columns.code'),
        width: 100,
        pinned: 'left',
        lockPosition: 'left',
        lockVisible: true,
        lockPinned: true,
        cellClassRules: {
          'inventory-flag-expired': has('expired'),
          'inventory-flag-alert': (p) => (p.data?.alerts.length ?? 0) > 0 && !p.data?.alerts.includes('expired'),
        },
      },
      {
        ...text,
        field: 'name',
        headerName: t('inventory.columns.name'),
        width: 124,
        pinned: 'left',
        lockPosition: 'left',
        lockVisible: true,
        lockPinned: true,
        cellClassRules: { 'inventory-inactive': (p) => p.data?.active === false },
      },
      {
        ...text,
        colId: 'alerts',
        headerName: t('inventory.columns.alerts'),
        // The words are what the quick filter and the text filter search: typing 临期 finds those items.
        valueGetter: (p) => (p.data?.alerts ?? []).map((a) => t(`inventory.markers.${a}`)).join(' '),
        comparator: (_a, _b, nodeA, nodeB) => alertRank(nodeA.data?.alerts) - alertRank(nodeB.data?.alerts),
        cellRenderer: AlertMarkersCell,
        cellRendererParams: markerParams,
        width: 150,
      },
      { ...text, field: 'spec', headerName: t('inventory.columns.spec'), width: 112 },
      { ...text, field: 'baseUnit', headerName: t('inventory.columns.unit'), width: 68, minWidth: 56 },
      {
        ...number,
        field: 'onHand',
        headerName: t('inventory.columns.onHand'),
        width: 108,
        cellClassRules: { 'inventory-value-below': has('below') },
      },
      {
        ...number,
        colId: 'cartons',
        headerName: t('inventory.columns.cartons'),
        valueGetter: (p) => p.data?.onHand ?? null,
        valueFormatter: (p) => {
          if (!p.data) return '';
          // Nothing on hand is just 0, not "0 cartons + 0 units".
          return p.data.onHand === 0 ? '0' : formatCartons(t, p.data.onHand, p.data.packSize, p.data.baseUnit);
        },
        getQuickFilterText: () => '',
        width: 128,
      },
      ...sources.map((source): ColDef<InventoryLine> => ({
        ...number,
        colId: sourceColumnId(source.id),
        headerName: source.name,
        headerTooltip: t('inventory.columns.sourceTooltip', { source: source.name }),
        valueGetter: (p) => p.data?.bySourceId[source.id] ?? 0,
        cellClassRules: { 'inventory-zero': (p) => p.value === 0 },
        getQuickFilterText: () => '',
        width: 128,
      })),
      { ...number, field: 'reserveQuota', headerName: t('inventory.columns.reserveQuota'), width: 108 },
      {
        ...number,
        field: 'coverage',
        headerName: t('inventory.columns.coverage'),
        valueFormatter: (p) => (typeof p.value === 'number' ? `${formatNumber(p.value)}%` : ''),
        // A thin bar under the percentage, in steps of a tenth: a class per step, no per-row renderer.
        // (A cellClass replaces the right-aligned type's own class, so it is named again.)
        cellClass: (p) =>
          typeof p.value === 'number'
            ? [
                'ag-right-aligned-cell',
                'inventory-coverage',
                `inventory-coverage-${Math.min(10, Math.floor(p.value / 10))}`,
              ]
            : 'ag-right-aligned-cell',
        width: 116,
      },
      {
        ...number,
        field: 'personsServed',
        headerName: t('inventory.columns.personsServed'),
        width: 116,
      },
      { ...number, field: 'minStock', headerName: t('inventory.columns.minStock'), width: 104 },
      {
        ...date,
        field: 'nearestExpiry',
        headerName: t('inventory.columns.nearestExpiry'),
        width: 120,
        cellClassRules: { 'inventory-value-expired': has('expired'), 'inventory-value-expiring': has('expiring') },
      },
      {
        ...date,
        field: 'oldestReceipt',
        headerName: t('inventory.columns.oldestReceipt'),
        cellClassRules: { 'inventory-value-aged': has('aged') },
      },
    ];
  }, [t, sources]);

  const defaultColDef = useMemo(
    (): ColDef<InventoryLine> => ({
      sortable: true,
      resizable: true,
    }),
    [],
  );

  function saveArrangement(api: GridApi<InventoryLine>) {
    if (!restoring.current && !api.isDestroyed()) saveColumns(api.getColumnState());
  }

  function onGridReady(e: GridReadyEvent<InventoryLine>) {
    const saved = loadSavedColumns();
    if (saved) {
      restoring.current = true;
      e.api.applyColumnState({ state: saved, applyOrder: true });
      restoring.current = false;
    }
    onApi(e.api);
  }

  function onCellKeyDown(e: CellKeyDownEvent<InventoryLine>) {
    if ((e.event as KeyboardEvent | undefined)?.key === 'Enter') e.node.setSelected(true);
  }

  return (
    <section className="inventory-grid" aria-label={t('inventory.gridLabel')}>
      <AgGridReact<InventoryLine>
        // localeText is read once when the grid starts: a new language starts a new grid.
        key={i18n.language}
        theme={gridTheme}
        rowData={lines}
        columnDefs={columnDefs}
        defaultColDef={defaultColDef}
        getRowId={getRowId}
        rowSelection={rowSelection}
        quickFilterText={quickFilterText}
        localeText={localeText}
        noRowsOverlayComponent={EmptyCatalogOverlay}
        tooltipShowDelay={400}
        tooltipShowMode="whenTruncated"
        // Every column of the few rows on screen is drawn: cheap, and a row always reads whole.
        suppressColumnVirtualisation
        // Filter buttons show on hover (and stay on a filtered column), so headers keep their words.
        suppressMenuHide={false}
        onGridReady={onGridReady}
        onGridPreDestroyed={() => onApi(null)}
        onFirstDataRendered={(e) => {
          // A new grid (another language) picks the drill-down's item up again.
          if (selectedRef.current) e.api.getRowNode(selectedRef.current)?.setSelected(true);
        }}
        onModelUpdated={(e) => onDisplayedCountChange(e.api.getDisplayedRowCount())}
        onSelectionChanged={(e) => onSelect(e.api.getSelectedRows()[0]?.itemId ?? null)}
        onCellKeyDown={onCellKeyDown}
        onColumnMoved={(e) => {
          if (e.finished) saveArrangement(e.api);
        }}
        onColumnResized={(e) => {
          if (e.finished) saveArrangement(e.api);
        }}
        onSortChanged={(e) => saveArrangement(e.api)}
        onColumnVisible={(e) => saveArrangement(e.api)}
      />
    </section>
  );
}
