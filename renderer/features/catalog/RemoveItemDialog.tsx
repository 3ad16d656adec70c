import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Item, ItemDetail } from '../../../shared/contract';
import { call, errorText } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { useInFlight } from './useInFlight';

interface RemoveItemDialogProps {
  item: ItemDetail;
  open: boolean;
  onClose(): void;
  onDeleted(): void;
  onDeactivated(item: Item): void;
}

/**
 * Deleting an item is for a typo that never moved. An item with movements is refused (the ledger
 * must stay whole): the dialog says why and offers to deactivate it instead.
 */
export function RemoveItemDialog({ item, open, onClose, onDeleted, onDeactivated }: RemoveItemDialogProps) {
  const { t } = useTranslation();
  const [refused, setRefused] = useState(item.hasMovements);
  const [problem, setProblem] = useState<string | null>(null);
  const { busy, run } = useInFlight();
  const names = { code: item.code, name: item.name };

  async function remove() {
    await run(async () => {
      const result = await call('catalog:delete-item', { id: item.id });
      if (result.ok) onDeleted();
      else if (result.error.code === 'has-movements') setRefused(true);
      else setProblem(errorText(t, result.error));
    });
  }

  async function deactivate() {
    await run(async () => {
      const result = await call('catalog:update-item', { id: item.id, patch: { active: false } });
      if (result.ok) onDeactivated(result.value);
      else setProblem(errorText(t, result.error));
    });
  }

  const actions = refused ? (
    <>
      <button type="button" className="button button-quiet" onClick={onClose}>
        {t('common.actions.cancel')}
      </button>
      {item.active && (
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void deactivate()}>
          {t('catalog.itemActions.deactivateInstead')}
        </button>
      )}
    </>
  ) : (
    <>
      <button type="button" className="button button-quiet" onClick={onClose}>
        {t('common.actions.cancel')}
      </button>
      <button type="button" className="button catalog-button-danger" disabled={busy} onClick={() => void remove()}>
        {busy ? t('catalog.itemActions.deleting') : t('catalog.itemActions.confirmDeleteAction')}
      </button>
    </>
  );

  return (
    <Dialog
      title={refused ? t('catalog.itemActions.cannotDeleteTitle') : t('catalog.itemActions.confirmDeleteTitle')}
      open={open}
      onClose={onClose}
      actions={actions}
    >
      {refused ? (
        <>
          <p className="catalog-refusal">{t('catalog.itemActions.cannotDelete', names)}</p>
          <p className="catalog-muted">
            {item.active ? t('catalog.itemActions.deactivateInsteadHint') : t('catalog.itemForm.inactiveNote')}
          </p>
        </>
      ) : (
        <p>{t('catalog.itemActions.confirmDelete', names)}</p>
      )}
      {problem && (
        <p className="notice-error" role="alert">
          {problem}
        </p>
      )}
    </Dialog>
  );
}
