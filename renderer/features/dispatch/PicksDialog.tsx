import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Item, StockRow } from '../../../shared/contract';
import { errorText, useChannel } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { formatNumber, toCartons } from '../../components/format';
import { QuantityInput } from '../../components/QuantityInput';
import type { CartonsAndUnits } from './dispatchForm';

export interface PicksTarget {
  lineKey: string;
  lineNo: number;
  item: Item;
  sourceId: string | null;
  /** The line's issued quantity in base units: the picks must add up to it. */
  quantity: number;
  /** What the line takes now (chosen by hand, or the FEFO proposal) to start from. */
  current: StockRow[];
}

interface PicksDialogProps {
  target: PicksTarget | null;
  todayDate: string;
  /** New picks for the line, or null to follow the FEFO proposal again. */
  onApply(lineKey: string, picks: StockRow[] | null): void;
  onClose(): void;
}

/** 调整批次: the keeper chooses how much each batch, slot and source gives to one line. */
export function PicksDialog({ target, todayDate, onApply, onClose }: PicksDialogProps) {
  const { t } = useTranslation();
  const formId = useId();
  return (
    <Dialog
      wide
      open={target !== null}
      onClose={onClose}
      title={target ? t('dispatch.picks.title', { line: target.lineNo, item: target.item.name }) : ''}
      actions={
        target && (
          <>
            <button type="button" className="button button-quiet" onClick={() => onApply(target.lineKey, null)}>
              {t('dispatch.picks.useProposal')}
            </button>
            <span className="dispatch-actions-gap" />
            <button type="button" className="button button-quiet" onClick={onClose}>
              {t('common.actions.cancel')}
            </button>
            <button type="submit" form={formId} className="button button-primary">
              {t('dispatch.picks.apply')}
            </button>
          </>
        )
      }
    >
      {target && <PicksForm formId={formId} target={target} todayDate={todayDate} onApply={onApply} />}
    </Dialog>
  );
}

function rowKey(r: { batchId: string; locationId: string; sourceId: string }): string {
  return `${r.batchId}|${r.locationId}|${r.sourceId}`;
}

/** Earliest expiry first, then the oldest receipt: the order the FEFO proposal takes them in. */
function fefo(a: StockRow, b: StockRow): number {
  if (a.expiryDate !== b.expiryDate) {
    if (a.expiryDate === null) return 1;
    if (b.expiryDate === null) return -1;
    return a.expiryDate < b.expiryDate ? -1 : 1;
  }
  if (a.receiptDate !== b.receiptDate) return a.receiptDate < b.receiptDate ? -1 : 1;
  return a.batchNo.localeCompare(b.batchNo);
}

interface PicksFormProps {
  formId: string;
  target: PicksTarget;
  todayDate: string;
  onApply(lineKey: string, picks: StockRow[] | null): void;
}

function PicksForm({ formId, target, todayDate, onApply }: PicksFormProps) {
  const { t } = useTranslation();
  const { item } = target;
  const { state } = useChannel('stock:on-hand', {
    itemId: item.id,
    ...(target.sourceId ? { sourceId: target.sourceId } : {}),
  });
  const [takes, setTakes] = useState<Record<string, CartonsAndUnits>>(() =>
    Object.fromEntries(target.current.map((p) => [rowKey(p), toCartons(p.quantity, item.packSize)])),
  );
  const [problem, setProblem] = useState<string | null>(null);

  const rows = state.status === 'ok' ? [...state.value].sort(fefo) : [];
  const takeOf = (r: StockRow) => {
    const v = takes[rowKey(r)];
    return v ? v.cartons * item.packSize + v.units : 0;
  };
  // Production dates are often not recorded; the column shows only when some batch has one.
  const showProduction = rows.some((r) => r.productionDate !== null);
  const picked = rows.reduce((sum, r) => sum + takeOf(r), 0);
  const unit = item.baseUnit;
  const amount = (q: number) => `${formatNumber(q)} ${unit}`;

  function apply(event: FormEvent) {
    event.preventDefault();
    const over = rows.findIndex((r) => takeOf(r) > r.quantity);
    if (over >= 0) {
      setProblem(t('dispatch.picks.overOnHand', { row: over + 1, onHand: amount(rows[over]!.quantity) }));
      return;
    }
    if (picked !== target.quantity) {
      setProblem(t('dispatch.picks.mismatch', { picked: amount(picked), quantity: amount(target.quantity) }));
      return;
    }
    onApply(
      target.lineKey,
      rows.filter((r) => takeOf(r) > 0).map((r) => ({ ...r, quantity: takeOf(r) })),
    );
  }

  return (
    <form id={formId} className="dispatch-picks-form" noValidate onSubmit={apply}>
      <p className="dispatch-dialog-intro">{t('dispatch.picks.intro', { quantity: amount(target.quantity) })}</p>
      {state.status === 'loading' && <p className="dispatch-muted">{t('dispatch.picks.loading')}</p>}
      {state.status === 'error' && (
        <p className="notice-error" role="alert">
          {t('dispatch.picks.loadFailed', { reason: errorText(t, state.error) })}
        </p>
      )}
      {state.status === 'ok' && rows.length === 0 && <p className="dispatch-muted">{t('dispatch.picks.noStock')}</p>}
      {rows.length > 0 && (
        <table className="dispatch-table dispatch-picks-table">
          <thead>
            <tr>
              <th scope="col">{t('dispatch.picks.batch')}</th>
              {showProduction && <th scope="col">{t('dispatch.picks.productionDate')}</th>}
              <th scope="col">{t('dispatch.picks.expiry')}</th>
              <th scope="col">{t('dispatch.picks.received')}</th>
              <th scope="col">{t('dispatch.picks.location')}</th>
              <th scope="col">{t('dispatch.picks.source')}</th>
              <th scope="col" className="dispatch-number">
                {t('dispatch.picks.onHand')}
              </th>
              <th scope="col">{t('dispatch.picks.take')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const expired = r.expiryDate !== null && r.expiryDate < todayDate;
              const key = rowKey(r);
              return (
                <tr key={key} className={expired ? 'dispatch-picks-expired' : undefined}>
                  <td className="dispatch-code">{r.batchNo}</td>
                  {showProduction && <td>{r.productionDate ?? ''}</td>}
                  <td>{r.expiryDate ?? ''}</td>
                  <td>{r.receiptDate}</td>
                  <td className="dispatch-code">{r.locationCode}</td>
                  <td>{r.sourceName}</td>
                  <td className="dispatch-number">{amount(r.quantity)}</td>
                  <td>
                    {expired ? (
                      <span className="dispatch-expired">{t('dispatch.picks.expired')}</span>
                    ) : (
                      <QuantityInput
                        label={t('dispatch.picks.takeLabel', {
                          batch: r.batchNo,
                          location: r.locationCode,
                          source: r.sourceName,
                        })}
                        packSize={item.packSize}
                        unit={unit}
                        value={takes[key] ?? { cartons: 0, units: 0 }}
                        onChange={(v) => {
                          setProblem(null);
                          setTakes((all) => ({ ...all, [key]: v }));
                        }}
                      />
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <p
        className={picked === target.quantity ? 'dispatch-picks-sum' : 'dispatch-picks-sum dispatch-short'}
        role="status"
      >
        {t('dispatch.picks.sum', { picked: amount(picked), quantity: amount(target.quantity) })}
      </p>
      {problem && (
        <p className="notice-error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
