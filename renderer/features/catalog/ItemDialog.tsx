import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Category, Item, ItemDetail } from '../../../shared/contract';
import { call, errorText } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { BarcodeSection } from './BarcodeSection';
import { categoryLabel } from './categoryLabel';
import {
  explainItemRefusal,
  itemFormFrom,
  itemPatch,
  newItemForm,
  readItemForm,
  type ItemField,
  type ItemFormValues,
} from './itemForm';
import { noRefusal, useFocusFirstInvalid, type Refusal } from './refusal';
import { RemoveItemDialog } from './RemoveItemDialog';
import { useInFlight } from './useInFlight';

interface ItemDialogProps {
  open: boolean;
  /** The item to edit; null to create one. */
  itemId: string | null;
  categories: Category[];
  /** Units offered while typing the base unit. */
  units: readonly string[];
  onClose(): void;
  /** An item was created or changed (including activation). */
  onSaved(item: Item): void;
  onDeleted(item: Item): void;
}

/**
 * Creating or editing one item, with its barcodes. A new item stays open after saving, so its
 * barcodes can be scanned in straight away. Validation is the backend's; its refusals are shown
 * under the fields they concern.
 */
export function ItemDialog({ open, itemId, categories, units, onClose, onSaved, onDeleted }: ItemDialogProps) {
  const { t } = useTranslation();
  const [detail, setDetail] = useState<ItemDetail | null>(null);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  const [values, setValues] = useState<ItemFormValues>(newItemForm);
  const [refusal, setRefusal] = useState<Refusal<ItemField>>(noRefusal);
  const [status, setStatus] = useState('');
  const [removeSession, setRemoveSession] = useState<{ key: number; open: boolean }>({ key: 0, open: false });
  const saving = useInFlight();
  const switching = useInFlight();
  const body = useRef<HTMLDivElement>(null);
  const formId = useId();
  const unitListId = useId();

  useEffect(() => {
    if (!itemId) return;
    let live = true;
    void call('catalog:get-item', { id: itemId }).then((result) => {
      if (!live) return;
      if (result.ok) {
        setDetail(result.value);
        setValues(itemFormFrom(result.value));
      } else {
        setLoadProblem(t('catalog.loadFailed', { reason: errorText(t, result.error) }));
      }
    });
    return () => {
      live = false;
    };
  }, [itemId, t]);

  useFocusFirstInvalid(body, refusal);

  function edit(patch: Partial<ItemFormValues>) {
    setValues((v) => ({ ...v, ...patch }));
    setStatus('');
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await saving.run(async () => {
      const read = readItemForm(t, values);
      if ('errors' in read) {
        setRefusal({ fields: read.errors, form: null });
        setStatus('');
        return;
      }
      if (!detail) {
        const created = await call('catalog:create-item', read.draft);
        if (!created.ok) {
          setRefusal(explainItemRefusal(t, created.error));
          return;
        }
        const item = created.value;
        setDetail({ ...item, barcodes: [], hasMovements: false });
        setValues(itemFormFrom(item));
        setRefusal(noRefusal);
        setStatus(t('catalog.itemForm.created', { code: item.code, name: item.name }));
        onSaved(item);
        return;
      }
      const patch = itemPatch(detail, read.draft);
      if (Object.keys(patch).length === 0) {
        setRefusal(noRefusal);
        setStatus(t('catalog.itemForm.saved'));
        return;
      }
      const updated = await call('catalog:update-item', { id: detail.id, patch });
      if (!updated.ok) {
        setRefusal(explainItemRefusal(t, updated.error, patch));
        return;
      }
      setDetail({ ...detail, ...updated.value });
      setValues(itemFormFrom(updated.value));
      setRefusal(noRefusal);
      setStatus(t('catalog.itemForm.saved'));
      onSaved(updated.value);
    });
  }

  async function setActive(active: boolean) {
    if (!detail) return;
    await switching.run(async () => {
      const result = await call('catalog:update-item', { id: detail.id, patch: { active } });
      if (!result.ok) {
        setRefusal({ fields: {}, form: t('catalog.saveFailed', { reason: errorText(t, result.error) }) });
        return;
      }
      setDetail({ ...detail, ...result.value });
      setStatus(
        active
          ? t('catalog.itemActions.reactivated', { name: result.value.name })
          : t('catalog.itemActions.deactivated', { name: result.value.name }),
      );
      onSaved(result.value);
    });
  }

  const problem = refusal.fields;
  const locked = detail?.hasMovements ?? false;
  const title = detail
    ? t('catalog.itemForm.editTitle', { code: detail.code, name: detail.name })
    : t('catalog.itemForm.createTitle');
  const busy = saving.busy || switching.busy;

  const actions = (
    <>
      {detail && (
        <div className="catalog-dialog-side-actions">
          <button
            type="button"
            className="button button-quiet"
            disabled={busy}
            onClick={() => void setActive(!detail.active)}
          >
            {detail.active ? t('catalog.itemActions.deactivate') : t('catalog.itemActions.reactivate')}
          </button>
          <button
            type="button"
            className="button button-quiet catalog-danger-text"
            disabled={busy}
            onClick={() => setRemoveSession((s) => ({ key: s.key + 1, open: true }))}
          >
            {t('catalog.itemActions.delete')}
          </button>
        </div>
      )}
      <button type="button" className="button button-quiet" onClick={onClose}>
        {detail ? t('common.actions.close') : t('common.actions.cancel')}
      </button>
      <button type="submit" form={formId} className="button button-primary" disabled={busy || (!!itemId && !detail)}>
        {saving.busy ? t('catalog.saving') : t('common.actions.save')}
      </button>
    </>
  );

  return (
    <>
      <Dialog title={title} open={open} onClose={onClose} actions={actions} wide>
        <div ref={body} className="catalog-item-dialog">
          {itemId && !detail ? (
            loadProblem ? (
              <p className="notice-error" role="alert">
                {loadProblem}
              </p>
            ) : (
              <p className="catalog-muted">{t('catalog.loading')}</p>
            )
          ) : (
            <>
              {detail && !detail.active && (
                <p className="catalog-inactive-note">{t('catalog.itemForm.inactiveNote')}</p>
              )}
              <form id={formId} className="catalog-form-grid" noValidate onSubmit={(e) => void submit(e)}>
                <Field
                  label={t('catalog.itemForm.code')}
                  hint={locked ? t('catalog.itemForm.codeLocked') : t('catalog.itemForm.codeHint')}
                  error={problem.code}
                >
                  <input
                    className="input catalog-code-input"
                    type="text"
                    autoComplete="off"
                    spellCheck={false}
                    maxLength={32}
                    readOnly={locked}
                    value={values.code}
                    onChange={(e) => edit({ code: e.target.value })}
                  />
                </Field>
                <Field label={t('catalog.itemForm.name')} error={problem.name}>
                  <input
                    className="input"
                    type="text"
                    autoComplete="off"
                    maxLength={100}
                    value={values.name}
                    onChange={(e) => edit({ name: e.target.value })}
                  />
                </Field>
                <Field label={t('catalog.itemForm.spec')} error={problem.spec}>
                  <input
                    className="input"
                    type="text"
                    autoComplete="off"
                    maxLength={200}
                    value={values.spec}
                    onChange={(e) => edit({ spec: e.target.value })}
                  />
                </Field>
                <Field label={t('catalog.itemForm.category')} error={problem.category}>
                  <select
                    className="input"
                    value={values.categoryId}
                    onChange={(e) => edit({ categoryId: e.target.value })}
                  >
                    <option value="">{t('catalog.itemForm.noCategory')}</option>
                    {categories.map((c) => (
                      <option key={c.id} value={c.id}>
                        {categoryLabel(c)}
                      </option>
                    ))}
                  </select>
                </Field>
                <Field
                  label={t('catalog.itemForm.unit')}
                  hint={locked ? t('catalog.itemForm.unitLocked') : t('catalog.itemForm.unitHint')}
                  error={problem.unit}
                >
                  <input
                    className="input"
                    type="text"
                    autoComplete="off"
                    maxLength={8}
                    list={unitListId}
                    readOnly={locked}
                    value={values.baseUnit}
                    onChange={(e) => edit({ baseUnit: e.target.value })}
                  />
                </Field>
                <datalist id={unitListId}>
                  {units.map((u) => (
                    <option key={u} value={u} />
                  ))}
                </datalist>
                <Field
                  label={t('catalog.itemForm.packSize')}
                  hint={t('catalog.itemForm.packSizeHint')}
                  error={problem.packSize}
                >
                  <input
                    className="input catalog-number-input"
                    type="text"
                    inputMode="numeric"
                    autoComplete="off"
                    value={values.packSize}
                    onChange={(e) => edit({ packSize: e.target.value })}
                  />
                </Field>
                <div className="catalog-check-cell">
                  <label className="catalog-check">
                    <input
                      type="checkbox"
                      checked={values.hasShelfLife}
                      onChange={(e) => edit({ hasShelfLife: e.target.checked })}
                    />
                    {t('catalog.itemForm.hasShelfLife')}
                  </label>
                </div>
                <Field
                  label={t('catalog.itemForm.shelfLifeDays')}
                  hint={values.hasShelfLife ? undefined : t('catalog.itemForm.shelfLifeDaysHint')}
                  error={problem.shelfLifeDays}
                >
                  <input
                    className="input catalog-number-input"
                    type="text"
                    inputMode="numeric"
                    autoComplete="off"
                    disabled={!values.hasShelfLife}
                    value={values.hasShelfLife ? values.shelfLifeDays : ''}
                    onChange={(e) => edit({ shelfLifeDays: e.target.value })}
                  />
                </Field>
                <Field
                  label={t('catalog.itemForm.personsPerUnit')}
                  hint={t('catalog.itemForm.personsPerUnitHint')}
                  error={problem.personsPerUnit}
                >
                  <input
                    className="input catalog-number-input"
                    type="text"
                    inputMode="numeric"
                    autoComplete="off"
                    placeholder="0"
                    value={values.personsPerUnit}
                    onChange={(e) => edit({ personsPerUnit: e.target.value })}
                  />
                </Field>
                <Field label={t('catalog.itemForm.minStock')} error={problem.minStock}>
                  <input
                    className="input catalog-number-input"
                    type="text"
                    inputMode="numeric"
                    autoComplete="off"
                    placeholder="0"
                    value={values.minStock}
                    onChange={(e) => edit({ minStock: e.target.value })}
                  />
                </Field>
                <Field label={t('catalog.itemForm.reserveQuota')} error={problem.reserveQuota}>
                  <input
                    className="input catalog-number-input"
                    type="text"
                    inputMode="numeric"
                    autoComplete="off"
                    placeholder="0"
                    value={values.reserveQuota}
                    onChange={(e) => edit({ reserveQuota: e.target.value })}
                  />
                </Field>
                <Field
                  label={t('catalog.itemForm.unitValue')}
                  hint={t('catalog.itemForm.unitValueHint')}
                  error={problem.unitValue}
                >
                  <input
                    className="input catalog-number-input"
                    type="text"
                    inputMode="decimal"
                    autoComplete="off"
                    placeholder="0.00"
                    value={values.unitValue}
                    onChange={(e) => edit({ unitValue: e.target.value })}
                  />
                </Field>
              </form>
              {refusal.form && (
                <p className="notice-error" role="alert">
                  {refusal.form}
                </p>
              )}
              <p className="catalog-status" role="status">
                {status}
              </p>
              {detail && <BarcodeSection item={detail} onChange={(barcodes) => setDetail({ ...detail, barcodes })} />}
            </>
          )}
        </div>
      </Dialog>
      {/* Beside the item dialog, not inside it: Escape in this one must not close both. */}
      {detail && (
        <RemoveItemDialog
          key={removeSession.key}
          item={detail}
          open={removeSession.open}
          onClose={() => setRemoveSession((s) => ({ ...s, open: false }))}
          onDeleted={() => {
            setRemoveSession((s) => ({ ...s, open: false }));
            onDeleted(detail);
          }}
          onDeactivated={(item) => {
            setRemoveSession((s) => ({ ...s, open: false }));
            setDetail({ ...detail, ...item });
            setStatus(t('catalog.itemActions.deactivated', { name: item.name }));
            onSaved(item);
          }}
        />
      )}
    </>
  );
}
