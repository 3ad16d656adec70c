import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AgGridReact } from 'ag-grid-react';
import {
  InfiniteRowModelModule,
  ModuleRegistry,
  type CellKeyDownEvent,
  type ColDef,
  type GetRowIdParams,
  type GridApi,
  type ICellRendererParams,
  type RowDoubleClickedEvent,
} from 'ag-grid-community';
import type { DocumentSummary, Posted } from '../../../shared/contract';
import type { AppError } from '../../../shared/errors';
import { call, errorText } from '../../api/client';
import { areaHref, goTo } from '../../app/areas';
import { formatNumber, today } from '../../components/format';
import { useGridLocaleText } from '../../grid/localeText';
import { gridTheme } from '../../grid/theme';
import { StockRowChooser } from '../stock-actions/StockRowChooser';
import { DocumentFilterBar } from './DocumentFilterBar';
import { listQuery, noFilters, type DocumentFilters } from './documentFilters';
import { createDocumentSource, type DocumentCount } from './documentSource';
import { kindText, paperworkShort, paperworkState } from './documentText';

// The documents list reads page by page from the backend: ag-grid's infinite row model.
ModuleRegistry.registerModules([InfiniteRowModelModule]);

interface DocumentListProps {
  filters: DocumentFilters;
  onFiltersChange(filters: DocumentFilters): void;
  /** Changes whenever a posting elsewhere (the document view) changed what the list shows. */
  refreshKey: number;
  /** Whether the list is on screen (it stays mounted behind an open document to keep its place). */
  visible: boolean;
}

/** How long typing in the search box must pause before the list is asked again. */
const searchPauseMs = 300;
/** Rows per request; the grid asks for the next block as the keeper scrolls. */
const blockSize = 100;

const getRowId = (params: GetRowIdParams<DocumentSummary>) => params.data.id;

function NumberLink({ data }: ICellRendererParams<DocumentSummary>) {
  if (!data) return null;
  return (
    <a className="documents-number" href={areaHref('documents', data.id)} tabIndex={-1}>
      {data.number}
    </a>
  );
}

/** A reversal is known to the list by its number: following it looks the document up first. */
function ReversedByLink({ value }: ICellRendererParams<DocumentSummary, string | null>) {
  if (!value) return null;
  return (
    <a
      className="documents-number"
      href={areaHref('documents')}
      tabIndex={-1}
      onClick={(e) => {
        e.preventDefault();
        void call('documents:find-by-number', { number: value }).then((r) => {
          if (r.ok && r.value) goTo('documents', r.value.id);
        });
      }}
    >
      {value}
    </a>
  );
}

/** 单据: every posted document, filtered on the server and read block by block as the keeper scrolls. */
export function DocumentList({ filters, onFiltersChange, refreshKey, visible }: DocumentListProps) {
  const { t, i18n } = useTranslation();
  const localeText = useGridLocaleText();
  const gridApi = useRef<GridApi<DocumentSummary> | null>(null);
  const [search, setSearch] = useState(filters.search);
  const [count, setCount] = useState<DocumentCount | null>(null);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const [chooserOpen, setChooserOpen] = useState(false);
  const [posted, setPosted] = useState<Posted | null>(null);

  useEffect(() => {
    const timer = window.setTimeout(() => setSearch(filters.search), searchPauseMs);
    return () => window.clearTimeout(timer);
  }, [filters.search]);

  const query = listQuery(filters, search);
  const queryKey = JSON.stringify(query);
  const status = filters.status;
  const source = useMemo(
    () =>
      createDocumentSource(JSON.parse(queryKey) as typeof query, status, {
        onCount: setCount,
        onError: setLoadError,
      }),
    [queryKey, status],
  );

  // After a posting the loaded blocks are read again where they are, keeping the keeper's place.
  const refreshed = useRef(refreshKey);
  useEffect(() => {
    if (refreshed.current === refreshKey) return;
    refreshed.current = refreshKey;
    source.reset();
    gridApi.current?.refreshInfiniteCache();
  }, [refreshKey, source]);

  const todayDate = today();
  const columnDefs = useMemo((): ColDef<DocumentSummary>[] => {
    const number = { type: 'rightAligned' } satisfies ColDef<DocumentSummary>;
    return [
      {
        field: 'number',
        headerName: t('documents.list.columns.number'),
        cellRenderer: NumberLink,
        minWidth: 128,
        flex: 1,
      },
      {
        colId: 'kind',
        headerName: t('documents.list.columns.kind'),
        valueGetter: (p) => (p.data ? kindText(t, p.data.kind, p.data.subkind) : ''),
        minWidth: 110,
        flex: 1,
      },
      { field: 'docDate', headerName: t('documents.list.columns.date'), minWidth: 96, flex: 0.7 },
      { field: 'partyName', headerName: t('documents.list.columns.party'), minWidth: 110, flex: 1.2 },
      { field: 'sourceName', headerName: t('documents.list.columns.source'), minWidth: 90, flex: 0.9 },
      {
        ...number,
        field: 'lineCount',
        headerName: t('documents.list.columns.lines'),
        valueFormatter: (p) => (typeof p.value === 'number' ? formatNumber(p.value) : ''),
        minWidth: 60,
        flex: 0.4,
      },
      {
        ...number,
        field: 'totalQuantity',
        headerName: t('documents.list.columns.total'),
        valueFormatter: (p) => (typeof p.value === 'number' ? formatNumber(p.value) : ''),
        minWidth: 80,
        flex: 0.6,
      },
      {
        colId: 'paperwork',
        headerName: t('documents.list.columns.paperwork'),
        valueGetter: (p) => (p.data ? paperworkShort(t, p.data, todayDate) : ''),
        cellClassRules: {
          'documents-overdue': (p) => !!p.data && paperworkState(p.data, todayDate) === 'overdue',
          'documents-pending': (p) => !!p.data && paperworkState(p.data, todayDate) === 'pending',
          'documents-filed': (p) => !!p.data && paperworkState(p.data, todayDate) === 'filed',
        },
        minWidth: 188,
        flex: 1.5,
      },
      {
        field: 'reversedBy',
        headerName: t('documents.list.columns.reversedBy'),
        cellRenderer: ReversedByLink,
        minWidth: 124,
        flex: 0.9,
      },
      { field: 'operator', headerName: t('documents.list.columns.operator'), minWidth: 72, flex: 0.6 },
    ];
  }, [t, todayDate]);

  const defaultColDef = useMemo((): ColDef<DocumentSummary> => ({ sortable: false, resizable: true }), []);

  function open(row: DocumentSummary | undefined) {
    if (row) goTo('documents', row.id);
  }

  let countText: string = t('documents.list.loading');
  if (loadError) countText = '';
  else if (count && count.exact)
    countText =
      count.count === 0 ? t('documents.list.noMatch') : t('documents.list.total', { total: formatNumber(count.count) });
  else if (count) countText = t('documents.list.foundSoFar', { found: formatNumber(count.count) });

  return (
    <div className={visible ? 'documents-list' : 'documents-list documents-hidden'}>
      <DocumentFilterBar
        filters={filters}
        onChange={(patch) => onFiltersChange({ ...filters, ...patch })}
        onClear={() => {
          setSearch('');
          onFiltersChange(noFilters);
        }}
      >
        <span className="documents-count" role="status">
          {countText}
        </span>
        <button type="button" className="button button-primary" onClick={() => setChooserOpen(true)}>
          {t('documents.list.newAction')}
        </button>
      </DocumentFilterBar>
      {posted && (
        <p className="documents-posted" role="status">
          {t('documents.list.posted', { number: posted.number })}{' '}
          <a href={areaHref('documents', posted.id)}>{t('documents.list.openPosted', { number: posted.number })}</a>
        </p>
      )}
      {loadError && (
        <p className="notice-error" role="alert">
          {t('documents.list.loadFailed', { reason: errorText(t, loadError) })}
        </p>
      )}
      <section className="documents-grid" aria-label={t('documents.list.gridLabel')}>
        <AgGridReact<DocumentSummary>
          // localeText is read once when the grid starts: a new language starts a new grid.
          key={i18n.language}
          theme={gridTheme}
          rowModelType="infinite"
          datasource={source}
          cacheBlockSize={blockSize}
          maxBlocksInCache={50}
          columnDefs={columnDefs}
          defaultColDef={defaultColDef}
          getRowId={getRowId}
          localeText={{ ...localeText, noRowsToShow: t('documents.list.noMatch') }}
          onGridReady={(e) => {
            gridApi.current = e.api;
          }}
          onRowDoubleClicked={(e: RowDoubleClickedEvent<DocumentSummary>) => open(e.data)}
          onCellKeyDown={(e: CellKeyDownEvent<DocumentSummary>) => {
            const key = (e.event as KeyboardEvent | null)?.key;
            if (key === 'Enter') open(e.data);
          }}
        />
      </section>
      <StockRowChooser
        open={chooserOpen}
        onClose={() => setChooserOpen(false)}
        onPosted={(p) => {
          setChooserOpen(false);
          setPosted(p);
          source.reset();
          gridApi.current?.refreshInfiniteCache();
        }}
      />
    </div>
  );
}
