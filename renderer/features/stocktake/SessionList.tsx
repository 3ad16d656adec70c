import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AgGridReact } from 'ag-grid-react';
import type { ColDef, GetRowIdParams, ICellRendererParams } from 'ag-grid-community';
import type { StocktakeSummary } from '../../../shared/contract';
import { errorText, useChannel } from '../../api/client';
import { areaHref, goTo } from '../../app/areas';
import { formatDateTime, formatNumber } from '../../components/format';
import { useGridLocaleText } from '../../grid/localeText';
import { gridTheme } from '../../grid/theme';
import { scopeText } from '../../print/stocktake/CountSheet';
import { StartDialog } from './StartDialog';

const getRowId = (p: GetRowIdParams<StocktakeSummary>) => p.data.id;

function NumberLink({ data }: ICellRendererParams<StocktakeSummary>) {
  if (!data) return null;
  return (
    <a className="stocktake-link" href={areaHref('stocktake', data.id)} tabIndex={-1}>
      {data.number}
    </a>
  );
}

/** Every count session, newest first; a row opens its session. */
export function SessionList() {
  const { t, i18n } = useTranslation();
  const localeText = useGridLocaleText();
  const sessions = useChannel('stocktake:list');
  const [starting, setStarting] = useState(false);
  const rows =
    sessions.state.status === 'ok'
      ? sessions.state.value
      : ((sessions.state.status === 'loading' ? sessions.state.stale : undefined) ?? []);

  const columnDefs = useMemo((): ColDef<StocktakeSummary>[] => {
    const col = (key: string) => t(`stocktake.list.columns.${key}` as 'stocktake.list.columns.number');
    return [
      { field: 'number', headerName: col('number'), cellRenderer: NumberLink, minWidth: 130, flex: 1 },
      {
        colId: 'scope',
        headerName: col('scope'),
        valueGetter: (p) => (p.data ? scopeText(t, p.data) : ''),
        minWidth: 150,
        flex: 1.4,
      },
      {
        field: 'status',
        headerName: col('status'),
        valueFormatter: (p) => (p.value ? t(`stocktake.status.${p.value as StocktakeSummary['status']}`) : ''),
        minWidth: 80,
        flex: 0.6,
      },
      { field: 'startedBy', headerName: col('startedBy'), minWidth: 80, flex: 0.7 },
      {
        field: 'startedAt',
        headerName: col('startedAt'),
        valueFormatter: (p) => (p.value ? formatDateTime(p.value as string) : ''),
        minWidth: 140,
        flex: 1,
      },
      {
        colId: 'progress',
        headerName: col('progress'),
        type: 'rightAligned',
        valueGetter: (p) =>
          p.data
            ? t('stocktake.list.progress', {
                counted: formatNumber(p.data.countedLines),
                lines: formatNumber(p.data.lineCount),
              })
            : '',
        minWidth: 90,
        flex: 0.6,
      },
      { field: 'approvedBy', headerName: col('approvedBy'), minWidth: 80, flex: 0.7 },
      { field: 'documentNumber', headerName: col('document'), minWidth: 120, flex: 0.9 },
    ];
  }, [t]);

  return (
    <div className="stocktake-list">
      <div className="stocktake-toolbar">
        <button type="button" className="button button-primary" onClick={() => setStarting(true)}>
          {t('stocktake.list.start')}
        </button>
        {sessions.state.status === 'ok' && rows.length === 0 && (
          <p className="stocktake-hint">{t('stocktake.list.empty')}</p>
        )}
      </div>
      {sessions.state.status === 'error' && (
        <p className="notice-error" role="alert">
          {t('stocktake.list.loadFailed', { reason: errorText(t, sessions.state.error) })}
        </p>
      )}
      <section className="stocktake-grid" aria-label={t('stocktake.list.gridLabel')}>
        <AgGridReact<StocktakeSummary>
          key={i18n.language}
          theme={gridTheme}
          rowData={rows}
          columnDefs={columnDefs}
          defaultColDef={{ sortable: false, resizable: true }}
          getRowId={getRowId}
          localeText={localeText}
          suppressMovableColumns
          onRowDoubleClicked={(e) => e.data && goTo('stocktake', e.data.id)}
          onCellKeyDown={(e) => {
            if ((e.event as KeyboardEvent | undefined)?.key === 'Enter' && e.data) goTo('stocktake', e.data.id);
          }}
        />
      </section>
      <StartDialog open={starting} onClose={() => setStarting(false)} onStarted={(id) => goTo('stocktake', id)} />
    </div>
  );
}
