/**
 * On the "database refused" screen: the way back. The backups beside the data file, the latest first,
 * each restorable after the same confirmation as in Settings; the damaged file is kept, not deleted.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../shared/contract';
import { call } from '../api/client';
import { BackupTable } from '../features/settings/BackupSection';
import { RestoreDialog, useRestore } from '../features/settings/RestoreDialog';
import '../features/settings/settings.css';

export function RecoverySection() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<ChannelOutput<'backup:status'> | null>(null);
  const restore = useRestore();

  useEffect(() => {
    void call('backup:status').then((result) => {
      if (result.ok) setStatus(result.value);
    });
  }, []);

  if (!status) return null;
  const latest = status.backups[0];
  return (
    <section className="problem-recovery" aria-labelledby="recovery-title">
      <h2 id="recovery-title">{t('backup.recovery.title')}</h2>
      {latest ? (
        <>
          <p>{t('backup.recovery.intro')}</p>
          <button type="button" className="button button-primary" onClick={() => void restore.ask(latest.path)}>
            {t('backup.recovery.latest')}
          </button>
          <BackupTable backups={status.backups.slice(0, 10)} onRestore={(b) => void restore.ask(b.path)} />
        </>
      ) : (
        <p>{t('backup.recovery.none', { folder: status.folder })}</p>
      )}
      <RestoreDialog restore={restore} />
    </section>
  );
}
