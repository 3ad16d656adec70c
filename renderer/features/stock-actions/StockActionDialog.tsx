import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { adjustmentReasons, type Posted, type StockRow } from '../../../shared/contract';
import type { Result } from '../../../shared/errors';
import { roleMay } from '../../../shared/permissions';
import { call, errorText } from '../../api/client';
import { useDepot } from '../../app/depot';
import { announceApprovalsChanged } from '../approvals/approvalEvents';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { LocationSelect } from './LocationSelect';
import { QuantityFields } from './QuantityFields';
import { checkQuantity, describeQuantity, emptyQuantity, parseCount, type QuantityText } from './quantityText';
import { StockRowFacts } from './StockRowFacts';
import './stock-actions.css';

export type StockAction = 'transfer' | 'adjustment' | 'write-off';
type AdjustmentReason = (typeof adjustmentReasons)[number];

/** What the dialog needs to know about the item of the stock row. */
export interface StockActionItem {
  code: string;
  name: string;
  baseUnit: string;
  packSize: number;
}

export interface StockActionDialogProps {
  action: StockAction;
  /** The stock row acted on: item, batch, location and source, with the quantity on hand. */
  row: StockRow;
  item: StockActionItem;
  open: boolean;
  onClose(): void;
  /** Called once the backend has posted the document; the dialog stays open until `onClose`/`open` says otherwise. */
  onPosted(posted: Posted): void;
}

/** Which way each reason moves stock; a count correction asks. */
const reasonSign: Record<AdjustmentReason, 1 | -1 | 0> = {
  lost: -1,
  found: 1,
  damaged: -1,
  expired: -1,
  count_correction: 0,
};

interface Form {
  quantity: QuantityText;
  toLocationId: string;
  toLocationCode: string;
  reason: AdjustmentReason | '';
  direction: 'increase' | 'decrease' | '';
  remarks: string;
  writeOffReason: string;
}

const blankForm: Form = {
  quantity: emptyQuantity,
  toLocationId: '',
  toLocationCode: '',
  reason: '',
  direction: '',
  remarks: '',
  writeOffReason: '',
};

/** The form's fields in the order they are shown; the first one refused gets the focus. */
const fieldOrder = ['toLocationId', 'reason', 'direction', 'quantity', 'remarks', 'writeOffReason'] as const;
type FormErrors = Partial<Record<(typeof fieldOrder)[number], string>>;

interface Checked {
  errors: FormErrors;
  /** The signed change to the stock row, when the form is complete. */
  change: number | null;
}

function signOf(action: StockAction, form: Form): 1 | -1 | 0 {
  if (action !== 'adjustment') return -1;
  if (form.reason === '') return 0;
  const sign = reasonSign[form.reason];
  if (sign !== 0) return sign;
  return form.direction === 'increase' ? 1 : form.direction === 'decrease' ? -1 : 0;
}

function checkForm(t: TFunction, action: StockAction, row: StockRow, item: StockActionItem, form: Form): Checked {
  const errors: FormErrors = {};
  const sign = signOf(action, form);
  // A decrease cannot take more than the row holds; an increase (found goods) has no such bound, and
  // while a count correction's direction is still open, neither is said.
  const limit = sign === -1 ? { max: row.quantity } : null;
  const { quantity, error } = checkQuantity(t, form.quantity, item, limit);
  if (error) errors.quantity = error;
  if (action === 'transfer' && !form.toLocationId) errors.toLocationId = t('stock.transfer.required');
  if (action === 'adjustment') {
    if (form.reason === '') errors.reason = t('stock.adjustment.reasonRequired');
    else if (reasonSign[form.reason] === 0 && form.direction === '')
      errors.direction = t('stock.adjustment.directionRequired');
    if (!form.remarks.trim()) errors.remarks = t('stock.adjustment.remarksRequired');
  }
  if (action === 'write-off' && !form.writeOffReason.trim()) errors.writeOffReason = t('stock.writeOff.reasonRequired');
  const complete = Object.keys(errors).length === 0 && quantity !== null && sign !== 0;
  return { errors, change: complete ? sign * quantity : null };
}

const titleKeys = {
  transfer: 'stock.titles.transfer',
  adjustment: 'stock.titles.adjustment',
  'write-off': 'stock.titles.writeOff',
} as const;
const quantityKeys = {
  transfer: 'stock.quantity.transfer',
  adjustment: 'stock.quantity.adjustment',
  'write-off': 'stock.quantity.writeOff',
} as const;

/**
 * 移库 / 调整 / 报废 of one stock row (item, batch, location, source). The keeper fills the form, checks a
 * summary, then posts; what the backend refuses is said in the dialog and nothing is written. A posting
 * is sent at most once, however often the button or Enter is pressed.
 */
export function StockActionDialog({ action, row, item, open, onClose, onPosted }: StockActionDialogProps) {
  const { t } = useTranslation();
  const formId = useId();
  const [form, setForm] = useState<Form>(blankForm);
  const [stage, setStage] = useState<'edit' | 'confirm'>('edit');
  const [showErrors, setShowErrors] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);
  // Set once this opening has posted: the same form is never posted twice, even if the caller keeps the dialog open.
  const [posted, setPosted] = useState(false);
  const postedRef = useRef(false);
  const summary = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  // A keeper does not write off alone: the write-off becomes a request a supervisor approves.
  const { user } = useDepot();
  const asRequest = action === 'write-off' && !roleMay(user.role, 'approve');
  const [requested, setRequested] = useState(false);

  // Each opening starts with a fresh form (state adjusted while rendering, as React recommends).
  const [shownOpen, setShownOpen] = useState(open);
  if (open !== shownOpen) {
    setShownOpen(open);
    if (open) {
      setForm(blankForm);
      setStage('edit');
      setShowErrors(false);
      setRefusal(null);
      setPosted(false);
      setRequested(false);
    }
  }

  useEffect(() => {
    if (open) postedRef.current = false;
  }, [open]);

  // On the confirmation step focus lands on the summary, not on the post button: a second Enter
  // pressed out of habit must not post what the keeper has not read.
  useEffect(() => {
    if (stage === 'confirm') summary.current?.focus();
  }, [stage]);

  const checked = checkForm(t, action, row, item, form);
  const errors = showErrors ? checked.errors : {};
  const itemLabel = `${item.code} ${item.name}`;
  const quantityText = (q: number) => describeQuantity(t, q, item.packSize, item.baseUnit);

  function edit(patch: Partial<Form>) {
    setForm((f) => ({ ...f, ...patch }));
    setRefusal(null);
  }

  function close() {
    if (!inFlight.current) onClose();
  }

  async function post(change: number) {
    if (inFlight.current || postedRef.current) return;
    inFlight.current = true;
    setBusy(true);
    setRefusal(null);
    const key = { itemId: row.itemId, batchId: row.batchId, sourceId: row.sourceId };
    const cartons = parseCount(form.quantity.cartons) ?? 0;
    const units = parseCount(form.quantity.units) ?? 0;
    if (asRequest) {
      const request = await call('approvals:submit', {
        kind: 'write_off',
        input: {
          reason: form.writeOffReason.trim(),
          remarks: form.remarks.trim(),
          lines: [{ ...key, locationId: row.locationId, cartons: item.packSize > 1 ? cartons : 0, units }],
        },
      });
      inFlight.current = false;
      setBusy(false);
      if (request.ok) {
        postedRef.current = true;
        setPosted(true);
        setRequested(true);
        announceApprovalsChanged();
      } else setRefusal(t('stock.refused', { reason: errorText(t, request.error) }));
      return;
    }
    let result: Result<Posted>;
    if (action === 'transfer') {
      result = await call('stock:post-transfer', {
        lines: [
          {
            ...key,
            fromLocationId: row.locationId,
            toLocationId: form.toLocationId,
            cartons: item.packSize > 1 ? cartons : 0,
            units,
          },
        ],
      });
    } else if (action === 'adjustment') {
      result = await call('stock:post-adjustment', {
        reason: form.reason as AdjustmentReason,
        remarks: form.remarks.trim(),
        lines: [{ ...key, locationId: row.locationId, delta: change }],
      });
    } else {
      result = await call('stock:post-write-off', {
        reason: form.writeOffReason.trim(),
        remarks: form.remarks.trim(),
        lines: [{ ...key, locationId: row.locationId, cartons: item.packSize > 1 ? cartons : 0, units }],
      });
    }
    inFlight.current = false;
    setBusy(false);
    if (result.ok) {
      postedRef.current = true;
      setPosted(true);
      onPosted(result.value);
    } else setRefusal(t('stock.refused', { reason: errorText(t, result.error) }));
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (stage === 'edit') {
      setShowErrors(true);
      if (checked.change === null) {
        const first = fieldOrder.find((field) => checked.errors[field]);
        if (first)
          formRef.current?.querySelector<HTMLElement>(`[data-field="${first}"] :is(input, select, textarea)`)?.focus();
        return;
      }
      setStage('confirm');
      return;
    }
    if (checked.change !== null) void post(checked.change);
  }

  const change = checked.change;
  let confirmation = '';
  if (change !== null) {
    const quantity = quantityText(Math.abs(change));
    if (action === 'transfer') {
      confirmation = t('stock.transfer.confirm', { quantity, from: row.locationCode, to: form.toLocationCode });
    } else if (action === 'adjustment' && form.reason !== '') {
      const reason = t(`common.adjustmentReasons.${form.reason}`);
      confirmation =
        change > 0
          ? t('stock.adjustment.confirmIncrease', { reason, quantity, location: row.locationCode })
          : t('stock.adjustment.confirmDecrease', { reason, quantity, location: row.locationCode });
    } else {
      confirmation = t('stock.writeOff.confirm', { quantity, location: row.locationCode });
    }
  }

  const actions =
    stage === 'edit' ? (
      <>
        <button type="button" className="button button-quiet" onClick={close}>
          {t('common.actions.cancel')}
        </button>
        <button type="submit" form={formId} className="button button-primary">
          {t('stock.actions.review')}
        </button>
      </>
    ) : (
      <>
        <button
          type="button"
          className="button button-quiet"
          disabled={busy || posted}
          onClick={() => setStage('edit')}
        >
          {t('stock.actions.back')}
        </button>
        {requested ? (
          <button type="button" className="button button-primary" onClick={close}>
            {t('common.actions.close')}
          </button>
        ) : (
          <button type="submit" form={formId} className="button button-primary" disabled={busy || posted}>
            {busy
              ? asRequest
                ? t('approvals.request.submitting')
                : t('stock.actions.posting')
              : asRequest
                ? t('approvals.request.writeOff')
                : t('stock.actions.post')}
          </button>
        )}
      </>
    );

  return (
    <Dialog title={t(titleKeys[action], { item: itemLabel })} open={open} onClose={close} actions={actions}>
      <form ref={formRef} id={formId} className="stock-action" onSubmit={onSubmit} noValidate>
        <StockRowFacts row={row} item={item} />
        {stage === 'edit' ? (
          <div className="stock-action-fields">
            {action === 'transfer' && (
              <div data-field="toLocationId">
                <LocationSelect
                  label={t('stock.transfer.to')}
                  value={form.toLocationId}
                  exclude={row.locationId}
                  onChange={(toLocationId, toLocationCode) => edit({ toLocationId, toLocationCode })}
                  error={errors.toLocationId}
                />
              </div>
            )}
            {action === 'adjustment' && (
              <div data-field="reason">
                <Field label={t('stock.adjustment.reason')} error={errors.reason}>
                  <select
                    className="input"
                    value={form.reason}
                    onChange={(e) => edit({ reason: e.target.value as AdjustmentReason | '', direction: '' })}
                  >
                    <option value="">{t('stock.adjustment.choose')}</option>
                    {adjustmentReasons.map((r) => (
                      <option key={r} value={r}>
                        {t(`stock.adjustment.reasons.${r}`)}
                      </option>
                    ))}
                  </select>
                </Field>
              </div>
            )}
            {action === 'adjustment' && form.reason !== '' && reasonSign[form.reason] === 0 && (
              <fieldset className="stock-action-direction" data-field="direction">
                <legend className="quantity-legend">{t('stock.adjustment.direction')}</legend>
                {(['increase', 'decrease'] as const).map((d) => (
                  <label key={d} className="stock-action-radio">
                    <input
                      type="radio"
                      name={`${formId}-direction`}
                      value={d}
                      checked={form.direction === d}
                      onChange={() => edit({ direction: d })}
                    />
                    {t(`stock.adjustment.${d}`)}
                  </label>
                ))}
                {errors.direction && (
                  <p className="field-error" role="alert">
                    {errors.direction}
                  </p>
                )}
              </fieldset>
            )}
            <div data-field="quantity">
              <QuantityFields
                label={t(quantityKeys[action])}
                packSize={item.packSize}
                unit={item.baseUnit}
                value={form.quantity}
                onChange={(quantity) => edit({ quantity })}
                error={errors.quantity}
              />
            </div>
            {action === 'adjustment' && (
              <div data-field="remarks">
                <Field
                  label={t('stock.adjustment.remarks')}
                  hint={t('stock.adjustment.remarksHint')}
                  error={errors.remarks}
                >
                  <textarea
                    className="input stock-action-text"
                    rows={2}
                    maxLength={500}
                    value={form.remarks}
                    onChange={(e) => edit({ remarks: e.target.value })}
                  />
                </Field>
              </div>
            )}
            {action === 'write-off' && (
              <>
                <div data-field="writeOffReason">
                  <Field
                    label={t('stock.writeOff.reason')}
                    hint={t('stock.writeOff.reasonHint')}
                    error={errors.writeOffReason}
                  >
                    <textarea
                      className="input stock-action-text"
                      rows={2}
                      maxLength={500}
                      value={form.writeOffReason}
                      onChange={(e) => edit({ writeOffReason: e.target.value })}
                    />
                  </Field>
                </div>
                <Field label={t('stock.writeOff.remarks')}>
                  <input
                    className="input"
                    maxLength={500}
                    value={form.remarks}
                    onChange={(e) => edit({ remarks: e.target.value })}
                  />
                </Field>
              </>
            )}
          </div>
        ) : (
          <div
            ref={summary}
            className="stock-action-confirm"
            tabIndex={-1}
            role="group"
            aria-label={t('stock.confirm.heading')}
          >
            <p className="stock-action-confirm-heading">{t('stock.confirm.heading')}</p>
            <p className="stock-action-confirm-what">{confirmation}</p>
            {change !== null && action !== 'transfer' && (
              <p>{t('stock.confirm.after', { after: quantityText(row.quantity + change) })}</p>
            )}
            {action === 'adjustment' && <p className="stock-action-confirm-note">{form.remarks.trim()}</p>}
            {action === 'write-off' && <p className="stock-action-confirm-note">{form.writeOffReason.trim()}</p>}
            <p className="stock-action-confirm-warning">
              {asRequest ? t('approvals.request.writeOffNote') : t('stock.confirm.irreversible')}
            </p>
          </div>
        )}
        {requested && (
          <p className="stock-action-requested" role="status">
            {t('approvals.requested.writeOff')}
          </p>
        )}
        {refusal && (
          <p className="notice-error stock-action-refusal" role="alert">
            {refusal}
          </p>
        )}
      </form>
    </Dialog>
  );
}
