import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Item } from '../../shared/contract';
import { call } from '../api/client';
import { Dialog } from '../components/Dialog';
import { ItemPicker } from '../components/ItemPicker';
import { printable, scanErrorText, type PendingAssignment } from './useScanSession';

interface AssignBarcodeDialogProps {
  pending: PendingAssignment | null;
  /** The barcode now stands for an item: the scan is applied again. */
  onAssigned(): void;
  onCancel(): void;
}

/**
 * "Assign to item" for a barcode nobody knows (donated goods often carry one the catalog lacks):
 * find the item, say whether the code is on a unit or a carton, and it is stored for every later scan.
 */
export function AssignBarcodeDialog({ pending, onAssigned, onCancel }: AssignBarcodeDialogProps) {
  return pending ? (
    <AssignForm key={pending.barcode} pending={pending} onAssigned={onAssigned} onCancel={onCancel} />
  ) : null;
}

function AssignForm({ pending, onAssigned, onCancel }: AssignBarcodeDialogProps & { pending: PendingAssignment }) {
  const { t } = useTranslation();
  const [item, setItem] = useState<Item | null>(null);
  const [per, setPer] = useState<'unit' | 'carton'>('unit');
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const cartonPossible = (item?.packSize ?? 1) > 1;

  async function save() {
    if (!item) {
      setProblem(t('scan.assign.chooseItem'));
      return;
    }
    setSaving(true);
    const quantity = per === 'carton' && cartonPossible ? item.packSize : 1;
    const result = await call('catalog:add-barcode', { itemId: item.id, barcode: pending.barcode, quantity });
    setSaving(false);
    if (!result.ok) {
      setProblem(t('scan.assign.failed', { reason: scanErrorText(t, result.error) }));
      return;
    }
    onAssigned();
  }

  return (
    <Dialog
      title={t('scan.assign.title')}
      open
      onClose={onCancel}
      actions={
        <>
          <button type="button" className="button button-quiet" onClick={onCancel}>
            {t('common.actions.cancel')}
          </button>
          <button type="button" className="button button-primary" disabled={saving} onClick={() => void save()}>
            {saving ? t('scan.assign.saving') : t('scan.assign.save')}
          </button>
        </>
      }
    >
      <p className="scan-assign-intro">{t('scan.assign.intro', { code: printable(pending.barcode) })}</p>
      <div className="field">
        <span className="field-label" aria-hidden="true">
          {t('scan.assign.item')}
        </span>
        <ItemPicker
          label={t('scan.assign.item')}
          value={item}
          autoFocus
          onPick={(hit) => {
            setItem(hit.item);
            setProblem(null);
            if (hit.item.packSize <= 1) setPer('unit');
          }}
          onClear={() => setItem(null)}
        />
      </div>
      <fieldset className="scan-assign-per">
        <legend>{t('scan.assign.per')}</legend>
        <label>
          <input type="radio" name="scan-assign-per" checked={per === 'unit'} onChange={() => setPer('unit')} />
          {t('scan.assign.unit', { unit: item?.baseUnit ?? '' })}
        </label>
        <label>
          <input
            type="radio"
            name="scan-assign-per"
            checked={per === 'carton'}
            disabled={!cartonPossible}
            onChange={() => setPer('carton')}
          />
          {cartonPossible
            ? t('scan.assign.carton', { packSize: item!.packSize, unit: item!.baseUnit })
            : t('scan.assign.cartonNone')}
        </label>
      </fieldset>
      {problem && (
        <p className="notice-error" role="alert">
          {problem}
        </p>
      )}
    </Dialog>
  );
}
