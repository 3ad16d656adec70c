/**
 * Restoring a backup: inspect it first (what it holds, whose it is), say plainly what happens to the
 * data in use (kept, not deleted), ask again for another depot's backup, then restore and reload the
 * window so every screen reads the restored data.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupFacts } from '../../../shared/contract';
import type { AppError } from '../../../shared/errors';
import { call, errorText } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { formatDateTime } from '../../components/format';
import { formatTakenAt } from './backup-format';

interface Pending {
  path: string;
  facts: BackupFacts;
  takenAt: string;
  otherDepot: { backupSite: string; currentSite: string } | null;
}

export function useRestore() {
  const [pending, setPending] = useState<Pending | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [running, setRunning] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  async function ask(path: string) {
    setError(null);
    setDone(null);
    const inspected = await call('backup:inspect', { path });
    if (!inspected.ok) {
      setPending(null);
      setError(inspected.error);
      return;
    }
    const settings = await call('settings:get');
    const currentSite = settings.ok ? settings.value.siteCode : null;
    const backupSite = inspected.value.siteCode;
    const name = path.split(/[\\/]/).pop() ?? path;
    const stamp = /-(\d{8})-(\d{6})/.exec(name);
    const takenAt = stamp
      ? `${stamp[1]!.slice(0, 4)}-${stamp[1]!.slice(4, 6)}-${stamp[1]!.slice(6, 8)}T${stamp[2]!.slice(0, 2)}:${stamp[2]!.slice(2, 4)}:00`
      : '';
    setPending({
      path,
      facts: inspected.value,
      takenAt,
      otherDepot: backupSite && currentSite && backupSite !== currentSite ? { backupSite, currentSite } : null,
    });
  }

  async function confirm() {
    if (!pending || running) return;
    setRunning(true);
    const result = await call('backup:restore', { path: pending.path, acceptOtherDepot: pending.otherDepot !== null });
    setRunning(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setPending(null);
    setDone(result.value.setAside);
    // Every screen holds data from the replaced database: start the window afresh on the restored one.
    window.setTimeout(() => window.location.reload(), 1200);
  }

  return { pending, error, running, done, ask, confirm, cancel: () => setPending(null) };
}

export function RestoreDialog({ restore }: { restore: ReturnType<typeof useRestore> }) {
  const { t } = useTranslation();
  const { pending } = restore;
  return (
    <>
      {restore.error && !pending && (
        <p className="notice-error" role="alert">
          {errorText(t, restore.error)}
        </p>
      )}
      {restore.done && (
        <p className="backup-outcome" role="status">
          {t('backup.restored', { path: restore.done })}
        </p>
      )}
      <Dialog
        title={t('backup.confirmTitle')}
        open={pending !== null}
        onClose={restore.cancel}
        actions={
          <>
            <button type="button" className="button" onClick={restore.cancel} disabled={restore.running}>
              {t('common.actions.cancel')}
            </button>
            <button
              type="button"
              className="button button-primary"
              disabled={restore.running}
              onClick={() => void restore.confirm()}
            >
              {restore.running
                ? t('backup.restoring')
                : pending?.otherDepot
                  ? t('backup.confirmOtherRestore')
                  : t('backup.confirmRestore')}
            </button>
          </>
        }
      >
        {pending && (
          <>
            <p>
              {t('backup.confirmBody', {
                time: pending.takenAt ? formatTakenAt(pending.takenAt) : pending.path,
                documents: pending.facts.documents,
                entries: pending.facts.ledgerEntries,
                last: pending.facts.lastPostedAt ? formatDateTime(pending.facts.lastPostedAt) : t('backup.noPostings'),
              })}
            </p>
            <p>{t('backup.confirmKeep')}</p>
            <p>{t('backup.confirmAfter')}</p>
            {pending.otherDepot && (
              <p className="notice-error" role="alert">
                {t('backup.confirmOtherDepot', pending.otherDepot)}
              </p>
            )}
            {restore.error && (
              <p className="notice-error" role="alert">
                {errorText(t, restore.error)}
              </p>
            )}
          </>
        )}
      </Dialog>
    </>
  );
}
