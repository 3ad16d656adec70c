import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../shared/contract';
import { call, errorText, useChannel } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { formatDateTime } from '../../components/format';

export type Draft = ChannelOutput<'drafts:list'>[number];

interface DraftsDialogProps {
  open: boolean;
  currentId: string | null;
  onOpenDraft(draft: Draft): void;
  /** A draft was discarded (the screen starts afresh when it was the one being edited). */
  onDiscarded(id: string): void;
  onClose(): void;
}

/** The saved dispatch drafts: open one to go on with it, or discard it. */
export function DraftsDialog({ open, currentId, onOpenDraft, onDiscarded, onClose }: DraftsDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t('dispatch.draft.listTitle')}
      wide
      actions={
        <button type="button" className="button button-quiet" onClick={onClose}>
          {t('common.actions.close')}
        </button>
      }
    >
      {open && <DraftList currentId={currentId} onOpenDraft={onOpenDraft} onDiscarded={onDiscarded} />}
    </Dialog>
  );
}

function DraftList({ currentId, onOpenDraft, onDiscarded }: Omit<DraftsDialogProps, 'open' | 'onClose'>) {
  const { t } = useTranslation();
  const { state, reload } = useChannel('drafts:list', { kind: 'dispatch' });
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function discard(draft: Draft) {
    if (busy) return;
    setBusy(true);
    const result = await call('drafts:delete', { id: draft.id });
    setBusy(false);
    if (!result.ok) {
      setProblem(t('dispatch.draft.discardFailed', { reason: errorText(t, result.error) }));
      return;
    }
    setProblem(null);
    onDiscarded(draft.id);
    reload();
  }

  if (state.status === 'error') {
    return (
      <p className="notice-error" role="alert">
        {t('dispatch.draft.loadFailed', { reason: errorText(t, state.error) })}
      </p>
    );
  }
  const drafts = state.status === 'ok' ? state.value : (state.stale ?? []);
  if (state.status === 'ok' && drafts.length === 0) return <p className="dispatch-muted">{t('dispatch.draft.none')}</p>;
  return (
    <>
      <ul className="dispatch-draft-list">
        {drafts.map((draft) => {
          const title = draft.title || t('dispatch.draft.untitled');
          return (
            <li key={draft.id} className="dispatch-draft">
              <span className="dispatch-draft-title">{title}</span>
              <span className="dispatch-muted">
                {draft.id === currentId
                  ? t('dispatch.draft.current')
                  : t('dispatch.draft.updated', { time: formatDateTime(draft.updatedAt) })}
              </span>
              <span className="dispatch-draft-actions">
                <button
                  type="button"
                  className="button button-quiet"
                  aria-label={t('dispatch.draft.openLabel', { title })}
                  disabled={draft.id === currentId}
                  onClick={() => onOpenDraft(draft)}
                >
                  {t('dispatch.draft.open')}
                </button>
                <button
                  type="button"
                  className="button button-quiet dispatch-danger"
                  aria-label={t('dispatch.draft.discardLabel', { title })}
                  disabled={busy}
                  onClick={() => void discard(draft)}
                >
                  {t('dispatch.draft.discard')}
                </button>
              </span>
            </li>
          );
        })}
      </ul>
      {problem && (
        <p className="notice-error" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}
