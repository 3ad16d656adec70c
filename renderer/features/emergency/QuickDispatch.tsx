import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Allocation, ItemSearchHit, Kit, Party } from '../../../shared/contract';
import { dispatchKinds } from '../../../shared/contract';
import { factoryPrintDefault } from '../../../shared/print/suited-papers';
import { call, errorText, useChannel } from '../../api/client';
import { areaHref } from '../../app/areas';
import { useDepot } from '../../app/depot';
import { formatCartons, formatNumber } from '../../components/format';
import { Field } from '../../components/Field';
import { ItemPicker } from '../../components/ItemPicker';
import { PrintButton } from '../../print/PrintButton';
import { AssignBarcodeDialog } from '../../scan/AssignBarcodeDialog';
import { ScanBar } from '../../scan/ScanBar';
import { useLineFlash } from '../../scan/useLineFlash';
import { useScanSession, type ScanScreen } from '../../scan/useScanSession';
import { ReceivingUnitPicker } from '../dispatch/ReceivingUnitPicker';
import { focusNextFrame } from '../receive/keyboardFlow';
import { announceIncidentChange } from './incidentEvents';
import { itemTotals, planQuickScan, undoQuickScan, type QuickLine, type QuickScanUndo } from './quickDispatchScan';

type DispatchKind = (typeof dispatchKinds)[number];

interface Posted {
  id: string;
  number: string;
  /** What became of the print: sent, or the translated reason it was not. */
  print: { ok: true; text: string } | { ok: false; text: string };
}

let lineSeq = 0;
const newKey = () => `q${++lineSeq}`;

/**
 * 快速出库: an emergency dispatch written with the scanner and a few keys. The receiving unit is typed
 * ahead (recent ones first); items and kits are scanned (same item one line, ×N, Ctrl+Z); batches are
 * allocated first-expiry-first-out by the backend; Ctrl+Enter posts it as an emergency dispatch (order
 * number filed later on the board) and sends the slip set to the printer in the same action.
 */
export function QuickDispatch() {
  const { t } = useTranslation();
  const { settings } = useDepot();
  const unitsState = useChannel('stock:recent-receiving-units');
  const kitsState = useChannel('kits:list');
  const [unitId, setUnitId] = useState<string | null>(null);
  const [kind, setKind] = useState<DispatchKind>('allocation');
  const [orderNo, setOrderNo] = useState('');
  const [plateNo, setPlateNo] = useState('');
  const [lines, setLines] = useState<QuickLine[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<'posting' | 'printing' | null>(null);
  const [posted, setPosted] = useState<Posted | null>(null);
  const unitInput = useRef<HTMLInputElement>(null);
  const linesRegion = useRef<HTMLElement>(null);
  const nextButton = useRef<HTMLButtonElement>(null);

  const units: Party[] = useMemo(
    () =>
      unitsState.state.status === 'ok'
        ? unitsState.state.value.map((u) => ({ ...u, kind: 'receiving_unit' as const, active: true }))
        : [],
    [unitsState.state],
  );
  const kits: Kit[] = useMemo(
    () => (kitsState.state.status === 'ok' ? kitsState.state.value.filter((k) => k.active) : []),
    [kitsState.state],
  );

  const linesNow = useRef(lines);
  useLayoutEffect(() => {
    linesNow.current = lines;
  });

  function applyPlan(what: Parameters<typeof planQuickScan>[1], multiplier: number) {
    const key = newKey();
    const plan = planQuickScan(linesNow.current, what, multiplier, key);
    linesNow.current = plan.lines;
    setLines(plan.lines);
    setProblem(null);
    return plan;
  }

  const scanScreen: ScanScreen<QuickScanUndo> = {
    apply(result, multiplier) {
      if (result.kind === 'location') return { type: 'problem', message: t('scan.problem.locationOnDispatch') };
      const item = result.item!;
      const quantity = result.quantity;
      // A GS1 or batch label names the cartons in hand: the line leaves from that batch, as its slip will say.
      const labelled = result.kind === 'gs1' || result.kind === 'batch-label';
      if (labelled && result.batchNo !== null && !result.batch) {
        return { type: 'problem', message: t('scan.problem.batchNotHeld', { batch: result.batchNo }) };
      }
      const batch = labelled && result.batch ? { id: result.batch.id, batchNo: result.batch.batchNo } : null;
      const plan = applyPlan({ kind: 'item', item, batch, quantity }, multiplier);
      return {
        type: 'applied',
        undo: plan.undo,
        flash: plan.undo.key,
        usedMultiplier: true,
        message: batch
          ? t('scan.found.gs1', {
              name: item.name,
              batch: batch.batchNo,
              quantity: plan.undo.added,
              unit: item.baseUnit,
              line: plan.lineNo,
            })
          : t('scan.found.item', {
              name: item.name,
              quantity: plan.undo.added,
              unit: item.baseUnit,
              line: plan.lineNo,
              total: plan.total,
            }),
      };
    },
    claim(code, multiplier) {
      const kit = kits.find((k) => k.barcode !== '' && k.barcode === code);
      if (!kit) return null;
      const plan = applyPlan({ kind: 'kit', kit }, multiplier);
      return {
        type: 'applied',
        undo: plan.undo,
        flash: plan.undo.key,
        usedMultiplier: true,
        message: t('emergency.quick.kitScanned', {
          name: kit.name,
          count: plan.undo.added,
          line: plan.lineNo,
          total: plan.total,
        }),
      };
    },
    undo(record) {
      linesNow.current = undoQuickScan(linesNow.current, record);
      setLines(linesNow.current);
    },
  };
  const scan = useScanSession(scanScreen, posted === null && busy === null);
  useLineFlash(scan.flash, (key) => document.getElementById(`quick-line-${key}`));

  // — FEFO: what each item's total would draw, asked again whenever the totals change. —
  const totals = useMemo(() => itemTotals(lines), [lines]);
  const totalsKey = totals.map((x) => `${x.item.id}:${x.batch?.id ?? ''}:${x.quantity}`).join(',');
  const [allocations, setAllocations] = useState<Record<string, Allocation | undefined>>({});
  useEffect(() => {
    let live = true;
    const wanted = totalsKey === '' ? [] : totalsKey.split(',').map((p) => p.split(':') as [string, string, string]);
    void Promise.all(
      wanted.map(async ([itemId, batchId, quantity]) => {
        const result = await call('stock:allocate', {
          itemId,
          quantity: Number(quantity),
          ...(batchId ? { batchId } : {}),
        });
        return [`${itemId}:${batchId}:${quantity}`, result.ok ? result.value : undefined] as const;
      }),
    ).then((pairs) => {
      if (live) setAllocations(Object.fromEntries(pairs));
    });
    return () => {
      live = false;
    };
  }, [totalsKey]);

  // A frame later: arriving from another area, the frame focuses the page heading after this screen mounts.
  useEffect(() => focusNextFrame(() => unitInput.current), []);

  const postAndPrint = useCallback(async () => {
    if (busy !== null || posted !== null) return;
    if (!unitId) {
      setProblem(t('emergency.quick.unitRequired'));
      unitInput.current?.focus();
      return;
    }
    const current = linesNow.current.filter((l) => (l.kind === 'item' ? l.quantity > 0 : l.count > 0));
    if (current.length === 0) {
      setProblem(t('emergency.quick.linesRequired'));
      return;
    }
    setBusy('posting');
    setProblem(null);
    const result = await call('stock:post-dispatch', {
      kind,
      receivingUnitId: unitId,
      orderNo: orderNo.trim(),
      emergency: true,
      transport: { mode: '', carrier: '', plateNo: plateNo.trim(), driver: '', driverPhone: '' },
      lines: current.flatMap((l) =>
        l.kind === 'item' ? [{ itemId: l.item.id, units: l.quantity, batchId: l.batch?.id ?? null }] : [],
      ),
      kits: current.flatMap((l) => (l.kind === 'kit' ? [{ kitId: l.kit.id, count: l.count }] : [])),
    });
    if (!result.ok) {
      setBusy(null);
      setProblem(t('emergency.quick.refused', { reason: errorText(t, result.error) }));
      return;
    }
    announceIncidentChange();
    setBusy('printing');
    const defaults = settings.printDefaults['dispatch-slip'] ?? factoryPrintDefault('dispatch-slip');
    // A printer remembered from an earlier print gets the slips at once; otherwise the system dialog asks.
    const silent = defaults.printer !== null;
    const job = { kind: 'dispatch-slip' as const, target: result.value.id, paper: defaults.paper };
    const printed = await call('print:print', { job, copies: defaults.copies, silent, printer: defaults.printer });
    let print: Posted['print'];
    if (printed.ok) {
      await call('print:record', {
        ...job,
        copies: defaults.copies,
        via: silent ? 'direct' : 'dialog',
        printer: silent ? defaults.printer : null,
      });
      print = {
        ok: true,
        text: silent
          ? t('emergency.quick.printedTo', { printer: defaults.printer ?? '', copies: defaults.copies })
          : t('emergency.quick.printed'),
      };
    } else {
      print = { ok: false, text: t('emergency.quick.printFailed', { reason: errorText(t, printed.error) }) };
    }
    setBusy(null);
    setPosted({ id: result.value.id, number: result.value.number, print });
  }, [busy, posted, unitId, kind, orderNo, plateNo, settings.printDefaults, t]);

  // Ctrl+Enter posts and prints from anywhere on the screen.
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || document.querySelector('dialog[open]')) return;
      if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
        event.preventDefault();
        void postAndPrint();
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [postAndPrint]);

  useEffect(() => {
    if (posted) nextButton.current?.focus();
  }, [posted]);

  function startNext() {
    setPosted(null);
    setLines([]);
    linesNow.current = [];
    setUnitId(null);
    setOrderNo('');
    setPlateNo('');
    unitsState.reload();
    focusNextFrame(() => unitInput.current);
  }

  function pickItem(hit: ItemSearchHit) {
    const plan = applyPlan({ kind: 'item', item: hit.item, batch: null, quantity: hit.barcodeQuantity ?? 1 }, 1);
    focusNextFrame(() => document.getElementById(`quick-qty-${plan.undo.key}`));
  }

  function setAmount(key: string, text: string) {
    const amount = text === '' ? 0 : Number(text);
    if (!Number.isSafeInteger(amount) || amount < 0) return;
    const next = linesNow.current.map((l) =>
      l.key !== key ? l : l.kind === 'item' ? { ...l, quantity: amount } : { ...l, count: amount },
    );
    linesNow.current = next;
    setLines(next);
  }

  function removeLine(key: string) {
    const next = linesNow.current.filter((l) => l.key !== key);
    linesNow.current = next;
    setLines(next);
  }

  if (posted) {
    return (
      <section className="quick-posted" aria-label={t('emergency.quick.postedLabel')}>
        <p className="quick-posted-number" role="status">
          {t('emergency.quick.posted', { number: posted.number })}
        </p>
        <p
          className={posted.print.ok ? 'quick-posted-print' : 'notice-error'}
          role={posted.print.ok ? 'status' : 'alert'}
        >
          {posted.print.text}
        </p>
        <p className="quick-posted-paperwork">{t('emergency.quick.paperworkNote')}</p>
        <div className="quick-posted-actions">
          <button ref={nextButton} type="button" className="button button-primary" onClick={startNext}>
            {t('emergency.quick.next')}
          </button>
          <PrintButton
            kind="dispatch-slip"
            target={posted.id}
            number={posted.number}
            label={t('emergency.quick.preview')}
          />
          <a className="button button-quiet" href={areaHref('dispatch', 'paperwork')}>
            {t('emergency.tabs.paperwork')}
          </a>
          <a className="button button-quiet" href={areaHref('documents', posted.id)}>
            {t('emergency.quick.openDocument')}
          </a>
        </div>
      </section>
    );
  }

  const unitsFailed = unitsState.state.status === 'error' ? unitsState.state.error : null;

  return (
    <div className="quick-dispatch">
      <div className="quick-header">
        <Field
          label={t('emergency.quick.unit')}
          className="quick-unit"
          error={unitsFailed ? errorText(t, unitsFailed) : null}
        >
          <ReceivingUnitPicker
            units={units}
            value={unitId}
            inputRef={unitInput}
            onChange={(id) => {
              setUnitId(id);
              setProblem(null);
              // Chosen: the scanner and the * key take over, outside any text field.
              if (id) focusNextFrame(() => linesRegion.current);
            }}
          />
        </Field>
        <Field label={t('emergency.quick.kind')}>
          <select className="input" value={kind} onChange={(e) => setKind(e.target.value as DispatchKind)}>
            {dispatchKinds.map((k) => (
              <option key={k} value={k}>
                {t(`common.dispatchKinds.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('emergency.quick.orderNo')}>
          <input
            className="input"
            maxLength={64}
            autoComplete="off"
            placeholder={t('emergency.quick.orderNoPlaceholder')}
            value={orderNo}
            onChange={(e) => setOrderNo(e.target.value)}
          />
        </Field>
        <Field label={t('emergency.quick.plateNo')}>
          <input
            className="input quick-plate"
            maxLength={20}
            autoComplete="off"
            value={plateNo}
            onChange={(e) => setPlateNo(e.target.value)}
          />
        </Field>
      </div>

      <ScanBar state={scan.bar} />

      <section
        ref={linesRegion}
        className="quick-lines"
        tabIndex={-1}
        aria-label={t('emergency.quick.linesLabel', { count: lines.length })}
      >
        <table className="quick-table">
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('emergency.quick.col.no')}
              </th>
              <th scope="col">{t('emergency.quick.col.code')}</th>
              <th scope="col">{t('emergency.quick.col.name')}</th>
              <th scope="col" className="num">
                {t('emergency.quick.col.quantity')}
              </th>
              <th scope="col">
                <span className="scan-sr-only">{t('emergency.quick.col.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.length === 0 && (
              <tr>
                <td colSpan={5} className="quick-empty">
                  {t('emergency.quick.empty')}
                </td>
              </tr>
            )}
            {lines.map((line, index) => {
              const name = line.kind === 'item' ? line.item.name : line.kit.name;
              return (
                <tr key={line.key} id={`quick-line-${line.key}`}>
                  <td className="num">{index + 1}</td>
                  <td>{line.kind === 'item' ? line.item.code : line.kit.code}</td>
                  <td>
                    {line.kind === 'item' ? (
                      <>
                        {line.item.name} <span className="quick-spec">{line.item.spec}</span>
                        {line.batch && (
                          <span className="quick-pinned">
                            {t('dispatch.lines.pinned', { batch: line.batch.batchNo })}
                          </span>
                        )}
                      </>
                    ) : (
                      <>
                        <span className="quick-kit-badge">{t('emergency.quick.kit')}</span> {line.kit.name}
                        <span className="quick-kit-contents">
                          {t('emergency.quick.perKit', {
                            contents: line.kit.lines
                              .map((k) => `${k.itemName} ${formatNumber(k.quantity)} ${k.baseUnit}`)
                              .join('、'),
                          })}
                        </span>
                      </>
                    )}
                  </td>
                  <td className="num">
                    <input
                      id={`quick-qty-${line.key}`}
                      className="input quick-qty"
                      inputMode="numeric"
                      aria-label={t('emergency.quick.quantityOf', { name })}
                      value={String(line.kind === 'item' ? line.quantity : line.count)}
                      onChange={(e) => setAmount(line.key, e.target.value.replace(/\D/g, ''))}
                      onKeyDown={(e) => {
                        if (e.key === 'Enter' && !e.ctrlKey) linesRegion.current?.focus();
                      }}
                    />{' '}
                    <span className="quick-unit-label">
                      {line.kind === 'item' ? line.item.baseUnit : t('emergency.quick.kitUnit')}
                    </span>
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button-quiet quick-remove"
                      aria-label={t('emergency.quick.remove', { name })}
                      onClick={() => removeLine(line.key)}
                    >
                      ×
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <div className="quick-add">
          <ItemPicker label={t('emergency.quick.addItem')} value={null} onPick={pickItem} />
        </div>
      </section>

      {totals.length > 0 && (
        <section className="quick-allocation" aria-label={t('emergency.quick.allocationLabel')}>
          <h2 className="quick-subheading">{t('emergency.quick.allocationLabel')}</h2>
          <table className="quick-table">
            <thead>
              <tr>
                <th scope="col">{t('emergency.quick.col.name')}</th>
                <th scope="col" className="num">
                  {t('emergency.quick.col.total')}
                </th>
                <th scope="col">{t('emergency.quick.col.batches')}</th>
              </tr>
            </thead>
            <tbody>
              {totals.map(({ item, batch, quantity }) => {
                const allocation = allocations[`${item.id}:${batch?.id ?? ''}:${quantity}`];
                return (
                  <tr
                    key={`${item.id}:${batch?.id ?? ''}`}
                    className={allocation && allocation.shortBy > 0 ? 'quick-short' : undefined}
                  >
                    <td>
                      {item.code} {item.name}
                      {batch && (
                        <span className="quick-pinned">{t('dispatch.lines.pinned', { batch: batch.batchNo })}</span>
                      )}
                    </td>
                    <td className="num">{formatCartons(t, quantity, item.packSize, item.baseUnit)}</td>
                    <td>
                      {!allocation
                        ? t('emergency.quick.allocating')
                        : allocation.shortBy > 0
                          ? t('emergency.quick.short', {
                              available: formatNumber(allocation.available),
                              short: formatNumber(allocation.shortBy),
                              unit: item.baseUnit,
                            })
                          : allocation.picks
                              .map((p) => `${p.batchNo}（${p.locationCode}）${formatNumber(p.quantity)}`)
                              .join('，')}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}

      {problem && (
        <p className="notice-error" role="alert">
          {problem}
        </p>
      )}
      <div className="quick-footer">
        <p className="quick-emergency-note">{t('emergency.quick.emergencyNote')}</p>
        <button
          type="button"
          className="button button-primary quick-post"
          aria-keyshortcuts="Control+Enter"
          disabled={busy !== null}
          onClick={() => void postAndPrint()}
        >
          {busy === 'posting'
            ? t('emergency.quick.posting')
            : busy === 'printing'
              ? t('emergency.quick.printing')
              : t('emergency.quick.postAndPrint')}
        </button>
      </div>
      <AssignBarcodeDialog pending={scan.pending} onAssigned={scan.assigned} onCancel={scan.cancelAssign} />
    </div>
  );
}
