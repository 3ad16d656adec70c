import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AgGridReact } from 'ag-grid-react';
import { ModuleRegistry, RowStyleModule, TooltipModule, type ColDef, type GetRowIdParams } from 'ag-grid-community';
import {
  adjustmentReasons,
  type StocktakeDetail,
  type StocktakeReportRow,
  type VarianceThreshold,
} from '../../../shared/contract';
import { roleMay } from '../../../shared/permissions';
import { call, errorText, useChannel } from '../../api/client';
import { areaHref } from '../../app/areas';
import { useDepot } from '../../app/depot';
import { Field } from '../../components/Field';
import { formatNumber } from '../../components/format';
import { useGridLocaleText } from '../../grid/localeText';
import { gridTheme } from '../../grid/theme';
import { ThresholdFields, wholeNumber } from './StartDialog';

// Selected rows are marked with a row class; moved-during-count cells show their documents in a tooltip.
ModuleRegistry.registerModules([RowStyleModule, TooltipModule]);

type Reason = (typeof adjustmentReasons)[number];

const getRowId = (p: GetRowIdParams<StocktakeReportRow>) => p.data.id;

/** The reasons that fit a variance's direction: goods found add, lost/damaged/expired take away, a count correction either. */
export function reasonsFor(variance: number): Reason[] {
  return adjustmentReasons.filter((r) => (variance > 0 ? r === 'found' || r === 'count_correction' : r !== 'found'));
}

function signed(n: number): string {
  return n > 0 ? `+${formatNumber(n)}` : formatNumber(n);
}

/** Counted against the frozen book quantity, what moved meanwhile, reasons, recount and approval. */
export function VariancePanel({ detail, onChanged }: { detail: StocktakeDetail; onChanged(): void }) {
  const { t, i18n } = useTranslation();
  const { user } = useDepot();
  const localeText = useGridLocaleText();
  const report = useChannel('stocktake:report', { stocktakeId: detail.id });
  const open = detail.status === 'counting';
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [approvedDoc, setApprovedDoc] = useState<{ id: string; number: string } | null>(null);
  const gridRef = useRef<AgGridReact<StocktakeReportRow>>(null);
  const value =
    report.state.status === 'ok'
      ? report.state.value
      : report.state.status === 'loading'
        ? report.state.stale
        : undefined;
  const rows = value?.rows ?? [];
  const selected = rows.find((r) => r.id === selectedId) ?? null;

  // The report follows the session: a count, reason or recount elsewhere reloads both.
  const detailKey = `${detail.round}|${detail.status}|${detail.countedLines}`;
  const reloadReport = report.reload;
  useEffect(() => {
    reloadReport();
  }, [detailKey, reloadReport]);
  useEffect(() => {
    gridRef.current?.api?.redrawRows();
  }, [selectedId]);

  const columnDefs = useMemo((): ColDef<StocktakeReportRow>[] => {
    const col = (key: string) => t(`stocktake.count.columns.${key}` as 'stocktake.count.columns.code');
    const vcol = (key: string) => t(`stocktake.variance.columns.${key}` as 'stocktake.variance.columns.system');
    const num = { type: 'rightAligned' } satisfies ColDef<StocktakeReportRow>;
    return [
      { ...num, field: 'lineNo', headerName: col('lineNo'), width: 60 },
      { field: 'locationCode', headerName: col('location'), minWidth: 70, flex: 0.6 },
      {
        colId: 'item',
        headerName: col('name'),
        valueGetter: (p) => (p.data ? `${p.data.itemCode} ${p.data.itemName}` : ''),
        minWidth: 120,
        flex: 1.2,
      },
      { field: 'batchNo', headerName: col('batch'), minWidth: 90, flex: 0.8 },
      { field: 'sourceName', headerName: col('source'), minWidth: 80, flex: 0.7 },
      {
        ...num,
        field: 'systemQuantity',
        headerName: vcol('system'),
        valueFormatter: (p) => formatNumber(p.value as number),
        minWidth: 118,
        flex: 0.7,
      },
      {
        ...num,
        field: 'counted',
        headerName: vcol('counted'),
        valueFormatter: (p) => (p.value === null ? t('stocktake.count.notCounted') : formatNumber(p.value as number)),
        cellClassRules: { 'stocktake-uncounted': (p) => p.value === null },
        minWidth: 80,
        flex: 0.6,
      },
      {
        ...num,
        field: 'variance',
        headerName: vcol('variance'),
        valueFormatter: (p) => (p.value === null ? '' : signed(p.value as number)),
        cellClassRules: {
          'stocktake-surplus': (p) => (p.value as number | null) !== null && (p.value as number) > 0,
          'stocktake-shortage': (p) => (p.value as number | null) !== null && (p.value as number) < 0,
        },
        minWidth: 70,
        flex: 0.5,
      },
      {
        colId: 'kind',
        headerName: vcol('kind'),
        valueGetter: (p) => {
          const v = p.data?.variance;
          if (v === null || v === undefined) return '';
          return v > 0
            ? t('stocktake.variance.surplus')
            : v < 0
              ? t('stocktake.variance.shortage')
              : t('stocktake.variance.even');
        },
        minWidth: 96,
        flex: 0.5,
      },
      {
        colId: 'moved',
        headerName: vcol('moved'),
        valueGetter: (p) =>
          p.data && p.data.movedBy.length > 0
            ? t('stocktake.variance.movedBy', {
                quantity: signed(p.data.movedDuringCount),
                documents: p.data.movedBy.join('、'),
              })
            : '',
        cellClassRules: { 'stocktake-moved': (p) => !!p.data && p.data.movedBy.length > 0 },
        tooltipValueGetter: (p) => (typeof p.value === 'string' && p.value ? p.value : null),
        minWidth: 130,
        flex: 1.1,
      },
      {
        colId: 'reason',
        headerName: vcol('reason'),
        valueGetter: (p) => (p.data?.reason ? t(`common.adjustmentReasons.${p.data.reason}`) : ''),
        minWidth: 80,
        flex: 0.7,
      },
    ];
  }, [t]);

  async function recount(threshold: VarianceThreshold) {
    setBusy(true);
    const result = await call('stocktake:recount', { stocktakeId: detail.id, threshold });
    setBusy(false);
    if (!result.ok) {
      setMessage({
        tone: 'error',
        text: t('stocktake.variance.recountFailed', { reason: errorText(t, result.error) }),
      });
      return;
    }
    setMessage({
      tone: 'ok',
      text:
        result.value.lines === 0
          ? t('stocktake.variance.recountNone')
          : t('stocktake.variance.recountStarted', { round: result.value.round, lines: result.value.lines }),
    });
    onChanged();
  }

  async function approve() {
    setBusy(true);
    const result = await call('stocktake:approve', { stocktakeId: detail.id });
    setBusy(false);
    if (!result.ok) {
      setMessage({
        tone: 'error',
        text: t('stocktake.variance.approveFailed', { reason: errorText(t, result.error) }),
      });
      return;
    }
    const s = result.value;
    setApprovedDoc(s.documentId && s.documentNumber ? { id: s.documentId, number: s.documentNumber } : null);
    setMessage({
      tone: 'ok',
      text: s.documentNumber
        ? t('stocktake.variance.approved', { number: s.documentNumber })
        : t('stocktake.variance.approvedNoVariance'),
    });
    onChanged();
  }

  const totals = value?.totals;
  return (
    <div className="stocktake-variance">
      {totals && (
        <p className="stocktake-totals" role="status">
          {t('stocktake.variance.totals', {
            lines: formatNumber(totals.lines),
            surplusLines: formatNumber(totals.surplusLines),
            surplus: formatNumber(totals.surplus),
            shortageLines: formatNumber(totals.shortageLines),
            shortage: formatNumber(totals.shortage),
            movedLines: formatNumber(totals.movedLines),
          })}
          {totals.movedLines > 0 && <span className="stocktake-moved-note"> {t('stocktake.variance.movedNote')}</span>}
        </p>
      )}
      {report.state.status === 'error' && (
        <p className="notice-error" role="alert">
          {errorText(t, report.state.error)}
        </p>
      )}
      <section className="stocktake-grid" aria-label={t('stocktake.variance.gridLabel')}>
        <AgGridReact<StocktakeReportRow>
          ref={gridRef}
          key={i18n.language}
          theme={gridTheme}
          rowData={rows}
          columnDefs={columnDefs}
          defaultColDef={{ sortable: false, resizable: true }}
          getRowId={getRowId}
          localeText={localeText}
          suppressMovableColumns
          tooltipShowMode="whenTruncated"
          rowClassRules={{ 'stocktake-row-selected': (p) => p.data?.id === selectedId }}
          onRowClicked={(e) => e.data && setSelectedId(e.data.id)}
          onCellFocused={(e) => {
            if (e.rowIndex === null || e.rowPinned) return;
            const node = e.api.getDisplayedRowAtIndex(e.rowIndex);
            if (node?.data) setSelectedId(node.data.id);
          }}
        />
      </section>
      {message && (
        <p
          className={message.tone === 'ok' ? 'stocktake-done' : 'notice-error'}
          role={message.tone === 'ok' ? 'status' : 'alert'}
        >
          {message.text}
          {approvedDoc && (
            <>
              {' '}
              <a href={areaHref('documents', approvedDoc.id)}>
                {t('stocktake.variance.openDocument', { number: approvedDoc.number })}
              </a>
            </>
          )}
        </p>
      )}
      {open && (
        <div className="stocktake-variance-forms">
          <ReasonForm
            key={selected?.id ?? 'none'}
            stocktakeId={detail.id}
            row={selected}
            onSaved={(text) => {
              setMessage({ tone: 'ok', text });
              report.reload();
              onChanged();
            }}
            onFailed={(text) => setMessage({ tone: 'error', text })}
          />
          <RecountForm threshold={detail.threshold} busy={busy} onRecount={(th) => void recount(th)} />
          <section className="stocktake-box" aria-labelledby="stocktake-approve-title">
            <h2 id="stocktake-approve-title" className="stocktake-box-title">
              {t('stocktake.variance.approveTitle')}
            </h2>
            <p className="stocktake-hint">{t('stocktake.variance.approveNote')}</p>
            {!roleMay(user.role, 'approve') && (
              <p className="stocktake-hint">{t('stocktake.variance.noApprovePermission')}</p>
            )}
            <button
              type="button"
              className="button button-primary"
              disabled={busy || !roleMay(user.role, 'approve')}
              onClick={() => void approve()}
            >
              {busy ? t('stocktake.variance.approving') : t('stocktake.variance.approveAction')}
            </button>
          </section>
        </div>
      )}
    </div>
  );
}

function ReasonForm({
  stocktakeId,
  row,
  onSaved,
  onFailed,
}: {
  stocktakeId: string;
  row: StocktakeReportRow | null;
  onSaved(text: string): void;
  onFailed(text: string): void;
}) {
  const { t } = useTranslation();
  const choices = row && row.variance ? reasonsFor(row.variance) : [];
  const [reason, setReason] = useState<Reason>(row?.reason ?? 'count_correction');
  const [note, setNote] = useState(row?.note ?? '');
  const [busy, setBusy] = useState(false);
  async function save() {
    if (!row) return;
    setBusy(true);
    const result = await call('stocktake:set-reason', { stocktakeId, lineId: row.id, reason, note });
    setBusy(false);
    if (!result.ok) onFailed(t('stocktake.variance.reasonFailed', { reason: errorText(t, result.error) }));
    else onSaved(t('stocktake.variance.reasonSaved', { lineNo: row.lineNo }));
  }
  return (
    <section className="stocktake-box" aria-labelledby="stocktake-reason-title">
      <h2 id="stocktake-reason-title" className="stocktake-box-title">
        {row && row.variance
          ? t('stocktake.variance.reasonFor', { lineNo: row.lineNo })
          : t('stocktake.variance.columns.reason')}
      </h2>
      {row && row.variance ? (
        <>
          <Field label={t('stocktake.variance.columns.reason')}>
            <select className="input" value={reason} onChange={(e) => setReason(e.target.value as Reason)}>
              {choices.map((r) => (
                <option key={r} value={r}>
                  {t(`common.adjustmentReasons.${r}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('stocktake.variance.reasonNote')}>
            <input className="input" maxLength={200} value={note} onChange={(e) => setNote(e.target.value)} />
          </Field>
          <button type="button" className="button button-quiet" disabled={busy} onClick={() => void save()}>
            {t('stocktake.variance.saveReason')}
          </button>
        </>
      ) : (
        <p className="stocktake-hint">{t('stocktake.variance.selectLine')}</p>
      )}
      <p className="stocktake-hint">{t('stocktake.variance.defaultReason')}</p>
    </section>
  );
}

function RecountForm({
  threshold,
  busy,
  onRecount,
}: {
  threshold: VarianceThreshold;
  busy: boolean;
  onRecount(threshold: VarianceThreshold): void;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState(threshold.kind);
  const [value, setValue] = useState(String(threshold.value));
  const [tried, setTried] = useState(false);
  const parsed = wholeNumber(value);
  return (
    <section className="stocktake-box" aria-labelledby="stocktake-recount-title">
      <h2 id="stocktake-recount-title" className="stocktake-box-title">
        {t('stocktake.variance.recountTitle')}
      </h2>
      <ThresholdFields
        kind={kind}
        value={value}
        onKind={setKind}
        onValue={setValue}
        error={tried && parsed === null ? t('stocktake.start.thresholdInvalid') : undefined}
        labels={{
          kind: t('stocktake.variance.recountThresholdKind'),
          value: t('stocktake.variance.recountThresholdValue'),
        }}
      />
      <button
        type="button"
        className="button button-quiet"
        disabled={busy}
        onClick={() => {
          setTried(true);
          if (parsed !== null) onRecount({ kind, value: parsed });
        }}
      >
        {t('stocktake.variance.recountAction')}
      </button>
    </section>
  );
}
