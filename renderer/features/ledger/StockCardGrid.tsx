import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { AgGridReact } from 'ag-grid-react';
import {
  ModuleRegistry,
  PinnedRowModule,
  TooltipModule,
  type CellKeyDownEvent,
  type ColDef,
  type GetRowIdParams,
  type ValueFormatterParams,
} from 'ag-grid-community';
import {
  adjustmentReasons,
  dispatchKinds,
  documentKinds,
  receiptKinds,
  type StockCardRow,
} from '../../../shared/contract';
import { goTo } from '../../app/areas';
import { formatDateTime, formatNumber } from '../../components/format';
import { useGridLocaleText } from '../../grid/localeText';
import { gridTheme } from '../../grid/theme';
import { balance, entryLines, quantityIn, quantityOut, type CardLine } from './cardLines';
import { DocumentLinkCell } from './DocumentLinkCell';

// The opening balance and the totals stay at the top and bottom of the card as pinned rows; a cell too
// narrow for its text shows it whole in a tooltip.
ModuleRegistry.registerModules([PinnedRowModule, TooltipModule]);

export interface StockCard {
  opening: number;
  rows: StockCardRow[];
  totalIn: number;
  totalOut: number;
  closing: number;
}

interface StockCardGridProps {
  card: StockCard;
  /** The window's first and last day, shown on the opening and closing lines. */
  from: string | null;
  to: string | null;
}

const getRowId = (params: GetRowIdParams<CardLine>) => params.data.id;

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

/** What a movement was, in the keeper's words: 入库单 · 社会捐赠, 出库单 · 调拨, 冲销（出库单）… */
export function movementText(t: TFunction, entry: Pick<StockCardRow, 'kind' | 'subkind'>): string {
  const kind = t(`common.documentKinds.${entry.kind}`);
  const { subkind } = entry;
  switch (entry.kind) {
    case 'receipt':
      return isOneOf(receiptKinds, subkind) ? `${kind} · ${t(`common.receiptKinds.${subkind}`)}` : kind;
    case 'dispatch':
      return isOneOf(dispatchKinds, subkind) ? `${kind} · ${t(`common.dispatchKinds.${subkind}`)}` : kind;
    case 'adjustment':
      return isOneOf(adjustmentReasons, subkind) ? `${kind} · ${t(`common.adjustmentReasons.${subkind}`)}` : kind;
    case 'reversal':
      return isOneOf(documentKinds, subkind)
        ? t('ledger.reversalOf', { kind: t(`common.documentKinds.${subkind}`) })
        : kind;
    default:
      return kind;
  }
}

/**
 * The stock card (台账/货位卡): opening balance, each movement with its document, in, out and running
 * balance, then the totals and closing balance. Chronological by nature, so not sortable.
 */
export function StockCardGrid({ card, from, to }: StockCardGridProps) {
  const { t, i18n } = useTranslation();
  const sharedLocaleText = useGridLocaleText();
  const localeText = useMemo(
    () => ({ ...sharedLocaleText, ...t('ledger.gridText', { returnObjects: true }) }),
    [sharedLocaleText, t],
  );

  const rows = useMemo(() => entryLines(card.rows), [card.rows]);
  const pinnedTop = useMemo(
    (): CardLine[] => [{ role: 'opening', id: 'opening', date: from ?? '', balance: card.opening }],
    [card.opening, from],
  );
  const pinnedBottom = useMemo(
    (): CardLine[] => [
      {
        role: 'totals',
        id: 'totals',
        date: to ?? '',
        totalIn: card.totalIn,
        totalOut: card.totalOut,
        balance: card.closing,
      },
    ],
    [card.totalIn, card.totalOut, card.closing, to],
  );

  const columnDefs = useMemo((): ColDef<CardLine>[] => {
    const quantity = (p: ValueFormatterParams<CardLine, number | null>) =>
      typeof p.value === 'number' ? formatNumber(p.value) : '';
    const number = { type: 'rightAligned', valueFormatter: quantity, width: 80, minWidth: 72 } satisfies ColDef<
      CardLine,
      number | null
    >;
    const entryText = (pick: (e: StockCardRow) => string | null) => (p: { data?: CardLine }) =>
      p.data?.role === 'entry' ? (pick(p.data.entry) ?? '') : '';
    return [
      {
        colId: 'docDate',
        headerName: t('ledger.columns.docDate'),
        valueGetter: (p) => (p.data?.role === 'entry' ? p.data.entry.docDate : (p.data?.date ?? '')),
        width: 100,
        minWidth: 96,
      },
      {
        colId: 'postedAt',
        headerName: t('ledger.columns.postedAt'),
        valueGetter: entryText((e) => formatDateTime(e.postedAt)),
        width: 128,
        minWidth: 124,
      },
      {
        colId: 'number',
        headerName: t('ledger.columns.number'),
        valueGetter: entryText((e) => e.number),
        cellRenderer: DocumentLinkCell,
        width: 128,
        minWidth: 120,
      },
      {
        colId: 'kind',
        headerName: t('ledger.columns.kind'),
        valueGetter: (p) => {
          if (!p.data) return '';
          if (p.data.role === 'opening') return t('ledger.rows.opening');
          if (p.data.role === 'totals') return t('ledger.rows.totals');
          return movementText(t, p.data.entry);
        },
        flex: 1.7,
        minWidth: 140,
      },
      {
        colId: 'party',
        headerName: t('ledger.columns.party'),
        valueGetter: entryText((e) => e.partyName),
        flex: 1.3,
        minWidth: 100,
      },
      {
        colId: 'batch',
        headerName: t('ledger.columns.batch'),
        valueGetter: entryText((e) => e.batchNo),
        flex: 1,
        minWidth: 90,
      },
      {
        colId: 'location',
        headerName: t('ledger.columns.location'),
        valueGetter: entryText((e) => e.locationCode),
        width: 84,
        minWidth: 72,
      },
      {
        colId: 'source',
        headerName: t('ledger.columns.source'),
        valueGetter: entryText((e) => e.sourceName),
        flex: 1.2,
        minWidth: 100,
      },
      {
        ...number,
        colId: 'in',
        headerName: t('ledger.columns.in'),
        valueGetter: (p) => (p.data ? quantityIn(p.data) : null),
      },
      {
        ...number,
        colId: 'out',
        headerName: t('ledger.columns.out'),
        valueGetter: (p) => (p.data ? quantityOut(p.data) : null),
      },
      {
        ...number,
        colId: 'balance',
        headerName: t('ledger.columns.balance'),
        valueGetter: (p) => (p.data ? balance(p.data) : null),
        // (A cellClass replaces the right-aligned type's own class, so it is named again.)
        cellClass: ['ag-right-aligned-cell', 'stock-card-balance'],
        width: 88,
      },
    ];
  }, [t]);

  const defaultColDef = useMemo(
    (): ColDef<CardLine> => ({
      sortable: false,
      resizable: true,
      tooltipValueGetter: (p) => (typeof p.value === 'string' ? p.value : null),
    }),
    [],
  );

  function onCellKeyDown(e: CellKeyDownEvent<CardLine>) {
    const key = (e.event as KeyboardEvent | undefined)?.key;
    if (key === 'Enter' && e.data?.role === 'entry') goTo('documents', e.data.entry.documentId);
  }

  return (
    <section className="stock-card-grid" aria-label={t('ledger.gridLabel')}>
      <AgGridReact<CardLine>
        // localeText is read once when the grid starts: a new language starts a new grid.
        key={i18n.language}
        theme={gridTheme}
        rowData={rows}
        pinnedTopRowData={pinnedTop}
        pinnedBottomRowData={pinnedBottom}
        columnDefs={columnDefs}
        defaultColDef={defaultColDef}
        getRowId={getRowId}
        localeText={localeText}
        suppressMovableColumns
        tooltipShowMode="whenTruncated"
        tooltipShowDelay={400}
        onCellKeyDown={onCellKeyDown}
      />
    </section>
  );
}
