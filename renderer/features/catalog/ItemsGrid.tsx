import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { AgGridReact, type CustomCellRendererProps } from 'ag-grid-react';
import type {
  CellKeyDownEvent,
  ColDef,
  GetRowIdParams,
  RowDoubleClickedEvent,
  ValueFormatterParams,
} from 'ag-grid-community';
import type { Item } from '../../../shared/contract';
import { formatFen, formatNumber } from '../../components/format';
import { useGridLocaleText } from '../../grid/localeText';
import { gridTheme } from '../../grid/theme';

interface ItemsGridProps {
  /**
   * The rows loaded so far, replaced immutably on every change: with getRowId the grid updates only
   * the rows that changed (a delta, like a transaction) and keeps scroll, sort and focus.
   */
  rows: Item[] | undefined;
  loading: boolean;
  categoryNames: ReadonlyMap<string, string>;
  /** What the grid says when it has no rows (an empty catalog, or nothing matching the search). */
  emptyText: string;
  onOpen(itemId: string): void;
  /** Opens the labels dialog for the item. */
  onLabels(item: Item): void;
}

const getRowId = (params: GetRowIdParams<Item>) => params.data.id;

function EditButton({
  data,
  onOpen,
  onLabels,
}: CustomCellRendererProps<Item> & { onOpen(itemId: string): void; onLabels(item: Item): void }) {
  const { t } = useTranslation();
  if (!data) return null;
  return (
    <>
      <button
        type="button"
        className="button button-quiet catalog-grid-button"
        aria-label={t('catalog.items.editLabel', { name: data.name, code: data.code })}
        onClick={() => onOpen(data.id)}
      >
        {t('catalog.edit')}
      </button>
      <button
        type="button"
        className="button button-quiet catalog-grid-button"
        aria-label={t('labels.actions.itemLabelsOf', { name: data.name })}
        onClick={() => onLabels(data)}
      >
        {t('labels.actions.itemLabels')}
      </button>
    </>
  );
}

function NoRows({ text }: { text: string }) {
  return <p className="catalog-grid-empty">{text}</p>;
}

/** The catalog's items: every field a keeper maintains, numbers grouped and right-aligned. */
export function ItemsGrid({ rows, loading, categoryNames, emptyText, onOpen, onLabels }: ItemsGridProps) {
  const { t, i18n } = useTranslation();
  const localeText = useGridLocaleText();

  const columnDefs = useMemo((): ColDef<Item>[] => {
    const count = (p: ValueFormatterParams<Item, number>) => (typeof p.value === 'number' ? formatNumber(p.value) : '');
    // Zero means "not stated" for persons per unit and unit value, not "nobody" or "free".
    const stated = (p: ValueFormatterParams<Item, number>) => (p.value ? formatNumber(p.value) : '');
    const number = {
      cellDataType: 'number',
      type: 'rightAligned',
      valueFormatter: count,
      flex: 0.8,
      minWidth: 84,
    } satisfies ColDef<Item, number>;
    const text = { cellDataType: 'text', flex: 1, minWidth: 80 } satisfies ColDef<Item, string>;
    return [
      { ...text, field: 'code', headerName: t('catalog.items.columns.code'), initialSort: 'asc', minWidth: 90 },
      { ...text, field: 'name', headerName: t('catalog.items.columns.name'), flex: 1.3, minWidth: 104 },
      { ...text, field: 'spec', headerName: t('catalog.items.columns.spec'), flex: 1.3, minWidth: 96 },
      {
        ...text,
        colId: 'category',
        headerName: t('catalog.items.columns.category'),
        valueGetter: (p) => (p.data?.categoryId ? (categoryNames.get(p.data.categoryId) ?? '') : ''),
        minWidth: 84,
      },
      { ...text, field: 'baseUnit', headerName: t('catalog.items.columns.unit'), flex: 0.5, minWidth: 56 },
      { ...number, field: 'packSize', headerName: t('catalog.items.columns.packSize'), minWidth: 78 },
      {
        ...number,
        colId: 'shelfLife',
        headerName: t('catalog.items.columns.shelfLife'),
        valueGetter: (p) => (p.data?.hasShelfLife ? p.data.shelfLifeDays : null),
        valueFormatter: (p: ValueFormatterParams<Item, number | null>) =>
          typeof p.value === 'number' ? t('catalog.items.days', { days: formatNumber(p.value) }) : '',
        minWidth: 78,
      },
      { ...number, field: 'minStock', headerName: t('catalog.items.columns.minStock') },
      { ...number, field: 'reserveQuota', headerName: t('catalog.items.columns.reserveQuota') },
      {
        ...number,
        field: 'personsPerUnit',
        headerName: t('catalog.items.columns.personsPerUnit'),
        valueFormatter: stated,
        minWidth: 96,
      },
      {
        ...number,
        field: 'unitValueFen',
        headerName: t('catalog.items.columns.unitValue'),
        valueFormatter: (p: ValueFormatterParams<Item, number>) => (p.value ? formatFen(p.value) : ''),
        minWidth: 96,
      },
      {
        ...text,
        colId: 'active',
        headerName: t('catalog.items.columns.active'),
        valueGetter: (p) => (p.data?.active ? t('catalog.active') : t('catalog.inactive')),
        cellClassRules: { 'catalog-inactive': (p) => p.data?.active === false },
        flex: 0.5,
        minWidth: 76,
      },
      {
        colId: 'edit',
        headerName: t('catalog.actions'),
        cellRenderer: EditButton,
        cellRendererParams: { onOpen, onLabels },
        sortable: false,
        resizable: false,
        width: 150,
        minWidth: 150,
        maxWidth: 150,
      },
    ];
  }, [t, categoryNames, onOpen, onLabels]);

  // Long English headers ("Reserve quota") wrap onto a second line instead of being cut off.
  const defaultColDef = useMemo(
    (): ColDef<Item> => ({ sortable: true, resizable: true, wrapHeaderText: true, autoHeaderHeight: true }),
    [],
  );
  const overlayParams = useMemo(() => ({ text: emptyText }), [emptyText]);

  return (
    <section className="catalog-grid" aria-label={t('catalog.items.gridLabel')}>
      <AgGridReact<Item>
        // localeText is read once when the grid starts: a new language starts a new grid.
        key={i18n.language}
        theme={gridTheme}
        rowData={rows}
        columnDefs={columnDefs}
        defaultColDef={defaultColDef}
        getRowId={getRowId}
        localeText={localeText}
        loading={loading}
        noRowsOverlayComponent={NoRows}
        noRowsOverlayComponentParams={overlayParams}
        onRowDoubleClicked={(e: RowDoubleClickedEvent<Item>) => e.data && onOpen(e.data.id)}
        onCellKeyDown={(e: CellKeyDownEvent<Item>) => {
          const key = e.event as KeyboardEvent | null | undefined;
          // Enter on a row opens it; on the edit button the button's own click does.
          if (key?.key === 'Enter' && e.data && !(key.target instanceof HTMLButtonElement)) onOpen(e.data.id);
        }}
      />
    </section>
  );
}
