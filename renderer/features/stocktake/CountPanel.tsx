import { useEffect, useLayoutEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AgGridReact } from 'ag-grid-react';
import { ModuleRegistry, RowStyleModule, ScrollApiModule, type ColDef, type GetRowIdParams } from 'ag-grid-community';
import type { StocktakeDetail, StocktakeLine } from '../../../shared/contract';
import { call, errorText } from '../../api/client';
import { useDepot } from '../../app/depot';
import { Field } from '../../components/Field';
import { formatNumber } from '../../components/format';
import { useGridLocaleText } from '../../grid/localeText';
import { gridTheme } from '../../grid/theme';
import { AssignBarcodeDialog } from '../../scan/AssignBarcodeDialog';
import { ScanBar } from '../../scan/ScanBar';
import { useScanSession, type ScanScreen } from '../../scan/useScanSession';
import { planCountScan } from '../../../shared/stocktake/count-scan';
import { wholeNumber } from './StartDialog';

// The selected line is marked with a row class, and a scanned line is scrolled into view.
ModuleRegistry.registerModules([RowStyleModule, ScrollApiModule]);

const getRowId = (p: GetRowIdParams<StocktakeLine>) => p.data.id;

/** What undoing a scan puts back: this counter's own count of the line before it, or the current location. */
type CountUndo = { type: 'count'; lineId: string; before: number } | { type: 'location'; before: string | null };

/**
 * Entering counts (blind: no book quantities here). A scan adds 1 (a carton barcode its pack size) to
 * the line it names, under the signed-in counter; typing sets the counter's own count of the selected
 * line. Several counters' counts are summed by the backend.
 */
export function CountPanel({ detail, onChanged }: { detail: StocktakeDetail; onChanged(): void }) {
  const { t, i18n } = useTranslation();
  const { user } = useDepot();
  const localeText = useGridLocaleText();
  const open = detail.status === 'counting';
  const [locationId, setLocationId] = useState<string | null>(null);
  const [recountOnly, setRecountOnly] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [typed, setTyped] = useState('');
  const [entryProblem, setEntryProblem] = useState<string | null>(null);
  const [entryDone, setEntryDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const gridRef = useRef<AgGridReact<StocktakeLine>>(null);

  // This counter's own count per line as the scans leave it, ahead of the backend's answers: undo puts back exactly the count before a scan.
  const mine = useRef(new Map<string, number>());
  const inFlight = useRef(0);
  useEffect(() => {
    if (inFlight.current > 0) return;
    mine.current = new Map(
      detail.lines.map((l) => [l.id, l.counters.find((c) => c.counter === user.username)?.quantity ?? 0]),
    );
  }, [detail, user.username]);

  const locations = useMemo(() => {
    const seen = new Map<string, string>();
    for (const l of detail.lines) seen.set(l.locationId, l.locationCode);
    return [...seen].sort((a, b) => a[1].localeCompare(b[1]));
  }, [detail.lines]);
  const shownLines = useMemo(
    () =>
      detail.lines.filter(
        (l) =>
          (locationId === null || l.locationId === locationId) &&
          (!recountOnly || (detail.round > 1 && l.countRound === detail.round)),
      ),
    [detail.lines, detail.round, locationId, recountOnly],
  );
  const selected = detail.lines.find((l) => l.id === selectedId) ?? null;
  // Row classes are evaluated when rows draw: a new selection redraws them.
  useEffect(() => {
    gridRef.current?.api?.redrawRows();
  }, [selectedId]);

  function send(lineId: string, mode: 'add' | 'set', quantity: number, method: 'scan' | 'typed') {
    inFlight.current += 1;
    return call('stocktake:count', { stocktakeId: detail.id, lineId, mode, quantity, method }).then((result) => {
      inFlight.current -= 1;
      onChanged();
      return result;
    });
  }

  const latest = useRef({ lines: detail.lines, locationId, selectedId });
  useLayoutEffect(() => {
    latest.current = { lines: detail.lines, locationId, selectedId };
  });

  const screen: ScanScreen<CountUndo> = {
    apply(result, multiplier) {
      const now = latest.current;
      const plan = planCountScan(now.lines, result, multiplier, now.locationId, now.selectedId);
      if (plan.type === 'problem') {
        return {
          type: 'problem',
          message:
            plan.problem === 'locationOutOfScope'
              ? t('stocktake.scan.locationOutOfScope', { code: plan.code })
              : t(`stocktake.scan.${plan.problem}`, { name: plan.name }),
        };
      }
      if (plan.type === 'location') {
        const before = now.locationId;
        setLocationId(plan.locationId);
        return {
          type: 'applied',
          undo: { type: 'location', before },
          message: t('stocktake.scan.locationSet', { code: plan.code }),
          flash: null,
          usedMultiplier: false,
        };
      }
      const { line, quantity } = plan;
      const before = mine.current.get(line.id) ?? 0;
      mine.current.set(line.id, before + quantity);
      setSelectedId(line.id);
      void send(line.id, 'add', quantity, 'scan').then((r) => {
        if (!r.ok) {
          mine.current.set(line.id, before);
          setEntryProblem(t('stocktake.scan.failed', { reason: errorText(t, r.error) }));
        }
      });
      const node = gridRef.current?.api?.getRowNode(line.id);
      if (node) gridRef.current?.api.ensureNodeVisible(node);
      return {
        type: 'applied',
        undo: { type: 'count', lineId: line.id, before },
        message: t('stocktake.scan.added', {
          lineNo: line.lineNo,
          name: line.itemName,
          batch: line.batchNo,
          location: line.locationCode,
          quantity: formatNumber(quantity),
        }),
        flash: null,
        usedMultiplier: multiplier !== 1,
      };
    },
    undo(record) {
      if (record.type === 'location') {
        setLocationId(record.before);
        return;
      }
      mine.current.set(record.lineId, record.before);
      void send(record.lineId, 'set', record.before, 'scan');
    },
  };
  const scan = useScanSession(screen, open);

  async function record(event: FormEvent) {
    event.preventDefault();
    if (!selected) return;
    const quantity = wholeNumber(typed);
    setEntryDone(null);
    if (quantity === null) {
      setEntryProblem(t('stocktake.count.countInvalid'));
      return;
    }
    setBusy(true);
    setEntryProblem(null);
    const result = await send(selected.id, 'set', quantity, 'typed');
    setBusy(false);
    if (!result.ok) {
      setEntryProblem(t('stocktake.count.failed', { reason: errorText(t, result.error) }));
      return;
    }
    mine.current.set(selected.id, quantity);
    setTyped('');
    setEntryDone(
      t('stocktake.count.recorded', {
        lineNo: result.value.lineNo,
        name: result.value.itemName,
        quantity: formatNumber(quantity),
        counted: formatNumber(result.value.counted ?? 0),
      }),
    );
  }

  const columnDefs = useMemo((): ColDef<StocktakeLine>[] => {
    const col = (key: string) => t(`stocktake.count.columns.${key}` as 'stocktake.count.columns.code');
    return [
      { field: 'lineNo', headerName: col('lineNo'), type: 'rightAligned', width: 64 },
      { field: 'locationCode', headerName: col('location'), minWidth: 80, flex: 0.7 },
      { field: 'itemCode', headerName: col('code'), minWidth: 90, flex: 0.8 },
      { field: 'itemName', headerName: col('name'), minWidth: 100, flex: 1.1 },
      { field: 'spec', headerName: col('spec'), minWidth: 70, flex: 0.7 },
      { field: 'baseUnit', headerName: col('unit'), width: 64 },
      { field: 'batchNo', headerName: col('batch'), minWidth: 100, flex: 1 },
      { field: 'sourceName', headerName: col('source'), minWidth: 90, flex: 0.9 },
      {
        field: 'counted',
        headerName: col('counted'),
        type: 'rightAligned',
        valueFormatter: (p) =>
          p.value === null || p.value === undefined ? t('stocktake.count.notCounted') : formatNumber(p.value as number),
        cellClassRules: { 'stocktake-uncounted': (p) => p.value === null },
        minWidth: 90,
        flex: 0.7,
      },
      {
        colId: 'counters',
        headerName: col('counters'),
        valueGetter: (p) => p.data?.counters.map((c) => `${c.counter} ${formatNumber(c.quantity)}`).join('、') ?? '',
        minWidth: 110,
        flex: 1,
      },
      {
        colId: 'recount',
        headerName: col('recount'),
        valueGetter: (p) =>
          p.data && p.data.countRound > 1 ? t('stocktake.count.recountMark', { round: p.data.countRound }) : '',
        minWidth: 90,
        flex: 0.7,
      },
    ];
  }, [t]);

  return (
    <div className="stocktake-count">
      {open && <ScanBar state={scan.bar} />}
      <div className="stocktake-toolbar">
        <Field label={t('stocktake.count.location')} className="stocktake-inline-field">
          <select className="input" value={locationId ?? ''} onChange={(e) => setLocationId(e.target.value || null)}>
            <option value="">{t('stocktake.count.allLocations')}</option>
            {locations.map(([id, code]) => (
              <option key={id} value={id}>
                {code}
              </option>
            ))}
          </select>
        </Field>
        {detail.round > 1 && (
          <label className="stocktake-check">
            <input type="checkbox" checked={recountOnly} onChange={(e) => setRecountOnly(e.target.checked)} />
            {t('stocktake.count.recountOnly')}
          </label>
        )}
        <p className="stocktake-hint">{t('stocktake.count.blindNote')}</p>
      </div>
      {open && (
        <form
          className="stocktake-entry"
          onSubmit={(e) => void record(e)}
          noValidate
          aria-label={t('stocktake.count.selected')}
        >
          <div className="stocktake-entry-line">
            <span className="stocktake-entry-label">{t('stocktake.count.selected')}</span>
            <span className="stocktake-entry-value">
              {selected
                ? `${selected.lineNo}. ${selected.locationCode} · ${selected.itemCode} ${selected.itemName} · ${selected.batchNo} · ${selected.sourceName}`
                : t('stocktake.count.noneSelected')}
            </span>
          </div>
          <Field
            label={`${t('stocktake.count.myCount')}${selected ? `（${selected.baseUnit}）` : ''}`}
            className="stocktake-inline-field"
          >
            <input
              className="input stocktake-number-input"
              inputMode="numeric"
              autoComplete="off"
              disabled={!selected}
              value={typed}
              title={t('stocktake.count.myCountHint')}
              onChange={(e) => setTyped(e.target.value)}
            />
          </Field>
          <button type="submit" className="button button-primary" disabled={!selected || busy}>
            {busy ? t('stocktake.count.recording') : t('stocktake.count.record')}
          </button>
        </form>
      )}
      {entryProblem && (
        <p className="notice-error" role="alert">
          {entryProblem}
        </p>
      )}
      {entryDone && (
        <p className="stocktake-done" role="status">
          {entryDone}
        </p>
      )}
      <section className="stocktake-grid" aria-label={t('stocktake.count.gridLabel')}>
        <AgGridReact<StocktakeLine>
          ref={gridRef}
          key={i18n.language}
          theme={gridTheme}
          rowData={shownLines}
          columnDefs={columnDefs}
          defaultColDef={{ sortable: false, resizable: true }}
          getRowId={getRowId}
          localeText={localeText}
          suppressMovableColumns
          rowClassRules={{ 'stocktake-row-selected': (p) => p.data?.id === selectedId }}
          onRowClicked={(e) => {
            if (e.data) setSelectedId(e.data.id);
          }}
          onCellFocused={(e) => {
            if (e.rowIndex === null || e.rowPinned) return;
            const node = e.api.getDisplayedRowAtIndex(e.rowIndex);
            if (node?.data) setSelectedId(node.data.id);
          }}
        />
      </section>
      <AssignBarcodeDialog pending={scan.pending} onAssigned={scan.assigned} onCancel={scan.cancelAssign} />
    </div>
  );
}
