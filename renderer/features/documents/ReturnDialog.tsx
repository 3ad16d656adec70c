import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentDetail, Posted } from '../../../shared/contract';
import type { AppError } from '../../../shared/errors';
import { call, errorText } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { formatNumber } from '../../components/format';
import { LocationSelect } from '../stock-actions/LocationSelect';
import { QuantityFields } from '../stock-actions/QuantityFields';
import { checkQuantity, emptyQuantity, parseCount, type QuantityText } from '../stock-actions/quantityText';
import { findReturns } from './relatedDocuments';

interface ReturnDialogProps {
  open: boolean;
  dispatch: DocumentDetail;
  onClose(): void;
  onPosted(posted: Posted): void;
}

/** What can come back of one item, batch and source the dispatch issued. */
interface Returnable {
  key: string;
  itemId: string;
  batchId: string;
  sourceId: string;
  itemCode: string;
  itemName: string;
  baseUnit: string;
  packSize: number;
  batchNo: string;
  sourceName: string;
  issued: number;
  returned: number;
}

const keyOf = (e: { itemId: string; batchId: string; sourceId: string }) => `${e.itemId}|${e.batchId}|${e.sourceId}`;

/** The dispatch's entries by item, batch and source, less what unreversed returns brought back already. */
function returnables(dispatch: DocumentDetail, returns: DocumentDetail[]): Returnable[] {
  const lines = new Map(dispatch.lines.map((l) => [l.itemId, l]));
  const byKey = new Map<string, Returnable>();
  for (const e of dispatch.entries) {
    const key = keyOf(e);
    const line = lines.get(e.itemId);
    const known = byKey.get(key);
    if (known) known.issued += -e.quantity;
    else
      byKey.set(key, {
        key,
        itemId: e.itemId,
        batchId: e.batchId,
        sourceId: e.sourceId,
        itemCode: line?.itemCode ?? '',
        itemName: line?.itemName ?? '',
        baseUnit: line?.baseUnit ?? '',
        packSize: line?.packSize ?? 1,
        batchNo: e.batchNo,
        sourceName: e.sourceName,
        issued: -e.quantity,
        returned: 0,
      });
  }
  for (const r of returns) {
    for (const e of r.entries) {
      const known = byKey.get(keyOf(e));
      if (known) known.returned += e.quantity;
    }
  }
  return [...byKey.values()];
}

/** 回收: goods coming back against a dispatch slip, into the sources they left from. */
export function ReturnDialog({ open, dispatch, onClose, onPosted }: ReturnDialogProps) {
  const { t } = useTranslation();
  const formId = useId();
  const [busy, setBusy] = useState(false);
  const [ready, setReady] = useState(false);
  return (
    <Dialog
      title={t('documents.return.title', { number: dispatch.number })}
      open={open}
      wide
      onClose={() => {
        if (!busy) onClose();
      }}
      actions={
        <>
          <button type="button" className="button button-quiet" disabled={busy} onClick={onClose}>
            {t('common.actions.cancel')}
          </button>
          <button type="submit" form={formId} className="button button-primary" disabled={busy || !ready}>
            {busy ? t('documents.return.posting') : t('documents.return.submit')}
          </button>
        </>
      }
    >
      <ReturnForm formId={formId} dispatch={dispatch} onBusy={setBusy} onReady={setReady} onPosted={onPosted} />
    </Dialog>
  );
}

interface ReturnFormProps {
  formId: string;
  dispatch: DocumentDetail;
  onBusy(busy: boolean): void;
  /** Whether there is something to return (the post button is useless otherwise). */
  onReady(ready: boolean): void;
  onPosted(posted: Posted): void;
}

type Loaded = { status: 'loading' } | { status: 'error'; error: AppError } | { status: 'ok'; rows: Returnable[] };

/** Mounted each time the dialog opens: what has come back is read afresh, the form starts empty. */
function ReturnForm({ formId, dispatch, onBusy, onReady, onPosted }: ReturnFormProps) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [quantities, setQuantities] = useState<Record<string, QuantityText>>({});
  const [locationId, setLocationId] = useState(dispatch.entries[0]?.locationId ?? '');
  const [remarks, setRemarks] = useState('');
  const [checked, setChecked] = useState(false);
  const [refusal, setRefusal] = useState<{ text: string; key: string | null } | null>(null);
  const inFlight = useRef(false);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    let live = true;
    void (async () => {
      const found = await findReturns(dispatch);
      if (!found.ok) {
        if (live) setLoaded({ status: 'error', error: found.error });
        return;
      }
      const details: DocumentDetail[] = [];
      for (const r of found.value.filter((r) => r.reversedBy === null)) {
        const detail = await call('documents:get', { id: r.id });
        if (!detail.ok) {
          if (live) setLoaded({ status: 'error', error: detail.error });
          return;
        }
        details.push(detail.value);
      }
      if (!live) return;
      const rows = returnables(dispatch, details);
      setLoaded({ status: 'ok', rows });
      onReady(rows.some((r) => r.issued > r.returned));
    })();
    return () => {
      live = false;
      onReady(false);
    };
  }, [dispatch, onReady]);

  const rows = loaded.status === 'ok' ? loaded.rows : [];
  const open = rows.filter((r) => r.issued > r.returned);
  const results = new Map(
    open.map((r) => [
      r.key,
      checkQuantity(
        t,
        quantities[r.key] ?? emptyQuantity,
        r,
        {
          max: r.issued - r.returned,
          beyond: (max) => t('documents.return.beyond', { max }),
        },
        true,
      ),
    ]),
  );
  const entered = open.filter((r) => (results.get(r.key)?.quantity ?? 0) > 0);
  const rowErrors = [...results.values()].some((r) => r.error !== null);
  const nothing = entered.length === 0 && !rowErrors;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (inFlight.current || loaded.status !== 'ok') return;
    setChecked(true);
    if (rowErrors || nothing || !locationId) {
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    inFlight.current = true;
    onBusy(true);
    setRefusal(null);
    const result = await call('stock:post-receipt', {
      kind: 'return',
      dispatchId: dispatch.id,
      remarks: remarks.trim(),
      lines: entered.map((r) => {
        const q = quantities[r.key] ?? emptyQuantity;
        return {
          itemId: r.itemId,
          batchId: r.batchId,
          sourceId: r.sourceId,
          locationId,
          cartons: r.packSize > 1 ? (parseCount(q.cartons) ?? 0) : 0,
          units: parseCount(q.units) ?? 0,
        };
      }),
    });
    inFlight.current = false;
    onBusy(false);
    if (result.ok) {
      onPosted(result.value);
      return;
    }
    // A refusal about one line is said on that line.
    const details = result.error.details as { line?: unknown } | undefined;
    const line = typeof details?.line === 'number' ? entered[details.line - 1] : undefined;
    setRefusal({ text: t('documents.return.refused', { reason: errorText(t, result.error) }), key: line?.key ?? null });
  }

  if (loaded.status === 'loading') {
    return (
      <p className="document-loading" role="status">
        {t('documents.return.loading')}
      </p>
    );
  }
  if (loaded.status === 'error') {
    return (
      <p className="notice-error" role="alert">
        {t('documents.return.loadFailed', { reason: errorText(t, loaded.error) })}
      </p>
    );
  }

  return (
    <form ref={formRef} id={formId} className="document-dialog-form" onSubmit={onSubmit} noValidate>
      <p className="document-dialog-explain">{t('documents.return.explain', { party: dispatch.partyName ?? '' })}</p>
      {open.length === 0 ? (
        <p className="document-dialog-explain" role="status">
          {t('documents.return.nothingLeft')}
        </p>
      ) : (
        <div className="document-table-wrap">
          <table className="document-table return-table" aria-label={t('documents.return.tableLabel')}>
            <thead>
              <tr>
                <th scope="col">{t('documents.return.columns.item')}</th>
                <th scope="col">{t('documents.return.columns.batch')}</th>
                <th scope="col">{t('documents.return.columns.source')}</th>
                <th scope="col" className="numeric">
                  {t('documents.return.columns.issued')}
                </th>
                <th scope="col" className="numeric">
                  {t('documents.return.columns.returned')}
                </th>
                <th scope="col" className="numeric">
                  {t('documents.return.columns.left')}
                </th>
                <th scope="col">{t('documents.return.columns.quantity')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const left = r.issued - r.returned;
                const result = results.get(r.key);
                const typed = !!(quantities[r.key]?.units.trim() || quantities[r.key]?.cartons.trim());
                const error =
                  ((checked || typed) && result?.error ? result.error : null) ??
                  (refusal?.key === r.key ? refusal.text : null);
                return (
                  <tr key={r.key}>
                    <td>
                      {r.itemCode} {r.itemName}
                    </td>
                    <td>{r.batchNo}</td>
                    <td>{r.sourceName}</td>
                    <td className="numeric">{formatNumber(r.issued)}</td>
                    <td className="numeric">{formatNumber(r.returned)}</td>
                    <td className="numeric">{formatNumber(left)}</td>
                    <td>
                      {left > 0 && (
                        <QuantityFields
                          compact
                          label={t('documents.return.quantityOf', {
                            item: r.itemName,
                            batch: r.batchNo,
                            source: r.sourceName,
                          })}
                          packSize={r.packSize}
                          unit={r.baseUnit}
                          value={quantities[r.key] ?? emptyQuantity}
                          onChange={(q) => {
                            setQuantities((all) => ({ ...all, [r.key]: q }));
                            setRefusal(null);
                          }}
                          error={error}
                        />
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {checked && nothing && open.length > 0 && (
        <p className="field-error" role="alert">
          {t('documents.return.nothingEntered')}
        </p>
      )}
      {open.length > 0 && (
        <div className="document-dialog-row">
          <LocationSelect
            label={t('documents.return.location')}
            value={locationId}
            onChange={(id) => setLocationId(id)}
            error={checked && !locationId ? t('documents.return.locationRequired') : null}
          />
          <Field label={t('documents.return.remarks')} className="document-dialog-grow">
            <input className="input" maxLength={500} value={remarks} onChange={(e) => setRemarks(e.target.value)} />
          </Field>
        </div>
      )}
      {refusal && refusal.key === null && (
        <p className="notice-error" role="alert">
          {refusal.text}
        </p>
      )}
    </form>
  );
}
