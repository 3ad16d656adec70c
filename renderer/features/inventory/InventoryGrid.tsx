import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef, GetRowIdParams, ModelUpdatedEvent, ValueFormatterParams } from 'ag-grid-community';
import type { Item } from '../../../shared/contract';
import { useGridLocaleText } from '../../grid/localeText';
import { gridTheme } from '../../grid/theme';
import { EmptyCatalogOverlay } from './EmptyCatalogOverlay';

interface InventoryGridProps {
  rows: Item[] | undefined;
  loading: boolean;
  quickFilterText: string;
  /** How many rows the grid shows after filtering. */
  onDisplayedCountChange(count: number): void;
}

const getRowId = (params: GetRowIdParams<Item>) => params.data.id;

/** The catalog's items as a dense, sortable, filterable grid. */
export function InventoryGrid({ rows, loading, quickFilterText, onDisplayedCountChange }: InventoryGridProps) {
  const { t, i18n } = useTranslation();
  const localeText = useGridLocaleText();

  const columnDefs = useMemo((): ColDef<Item>[] => {
    const grouped = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 0 });
    const quantity = (p: ValueFormatterParams<Item, number>) =>
      typeof p.value === 'number' ? grouped.format(p.value) : '';
    // 0 persons per unit means "not stated", not "shelters nobody".
    const statedQuantity = (p: ValueFormatterParams<Item, number>) => (p.value ? grouped.format(p.value) : '');
    // Text columns filter (the quick filter covers them all at once); numbers sort. A filter button in
    // a right-aligned header would also squeeze the header text.
    const text = { cellDataType: 'text', filter: 'agTextColumnFilter' } satisfies ColDef<Item, string>;
    const number = {
      cellDataType: 'number',
      type: 'rightAligned',
      filter: false,
      valueFormatter: quantity,
      flex: 1,
      minWidth: 92,
    } satisfies ColDef<Item, number>;
    return [
      { ...text, field: 'code', headerName: t('inventory.columns.code'), flex: 1.1, minWidth: 100 },
      { ...text, field: 'name', headerName: t('inventory.columns.name'), flex: 1.6, minWidth: 130 },
      { ...text, field: 'spec', headerName: t('inventory.columns.spec'), flex: 1.8, minWidth: 130 },
      { ...text, field: 'baseUnit', headerName: t('inventory.columns.unit'), flex: 0.7, minWidth: 64 },
      { ...number, field: 'packSize', headerName: t('inventory.columns.packSize') },
      { ...number, field: 'reserveQuota', headerName: t('inventory.columns.reserveQuota'), minWidth: 106 },
      { ...number, field: 'minStock', headerName: t('inventory.columns.minStock') },
      {
        ...number,
        field: 'personsPerUnit',
        headerName: t('inventory.columns.personsPerUnit'),
        valueFormatter: statedQuantity,
        minWidth: 110,
      },
      {
        ...text,
        colId: 'active',
        headerName: t('inventory.columns.active'),
        valueGetter: (p) => (p.data?.active ? t('inventory.active') : t('inventory.inactive')),
        cellClassRules: { 'inventory-inactive': (p) => p.data?.active === false },
        flex: 0.8,
        minWidth: 76,
      },
    ];
  }, [t, i18n.language]);

  const defaultColDef = useMemo((): ColDef<Item> => ({ sortable: true, resizable: true }), []);

  return (
    <section className="inventory-grid" aria-label={t('inventory.gridLabel')}>
      <AgGridReact<Item>
        // localeText is read once when the grid starts: a new language starts a new grid.
        key={i18n.language}
        theme={gridTheme}
        rowData={rows}
        columnDefs={columnDefs}
        defaultColDef={defaultColDef}
        getRowId={getRowId}
        quickFilterText={quickFilterText}
        localeText={localeText}
        loading={loading}
        noRowsOverlayComponent={EmptyCatalogOverlay}
        onModelUpdated={(e: ModelUpdatedEvent<Item>) => onDisplayedCountChange(e.api.getDisplayedRowCount())}
      />
    </section>
  );
}
