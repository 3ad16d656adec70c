/**
 * 备份与恢复 in Settings: where automatic backups go and how many are kept, a backup now (also to a
 * USB stick), the backups in the folder, and restore — always after saying what will happen and that
 * the data in use is kept, never deleted.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupFileInfo, ChannelOutput } from '../../../shared/contract';
import type { AppError } from '../../../shared/errors';
import { call, errorText } from '../../api/client';
import { useDepot } from '../../app/depot';
import { RestoreDialog, useRestore } from './RestoreDialog';
import { formatBytes, formatTakenAt } from './backup-format';

type Status = ChannelOutput<'backup:status'>;

export function BackupSection() {
  const { t } = useTranslation();
  const { settings, settingsChanged } = useDepot();
  const [status, setStatus] = useState<Status | null>(null);
  const [statusError, setStatusError] = useState<AppError | null>(null);
  const [folder, setFolder] = useState(settings.backupFolder);
  const [keepDaily, setKeepDaily] = useState(String(settings.backupKeepDaily));
  const [keepMonthly, setKeepMonthly] = useState(String(settings.backupKeepMonthly));
  const [settingsMessage, setSettingsMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [target, setTarget] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [restoreFile, setRestoreFile] = useState('');
  const restore = useRestore();

  // Bumped after each change so the list below is read again.
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    let live = true;
    void call('backup:status').then((result) => {
      if (!live) return;
      if (result.ok) {
        setStatus(result.value);
        setStatusError(null);
      } else setStatusError(result.error);
    });
    return () => {
      live = false;
    };
  }, [version]);

  async function saveSettings(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const daily = Number(keepDaily);
    const monthly = Number(keepMonthly);
    if (
      !Number.isInteger(daily) ||
      daily < 1 ||
      daily > 366 ||
      !Number.isInteger(monthly) ||
      monthly < 0 ||
      monthly > 120
    ) {
      setSettingsMessage({ ok: false, text: t('backup.keepInvalid') });
      return;
    }
    const result = await call('settings:update', {
      backupFolder: folder.trim(),
      backupKeepDaily: daily,
      backupKeepMonthly: monthly,
    });
    if (!result.ok) {
      setSettingsMessage({ ok: false, text: errorText(t, result.error) });
      return;
    }
    settingsChanged(result.value);
    setSettingsMessage({ ok: true, text: t('backup.settingsSaved') });
    reload();
  }

  async function backUp(to?: string) {
    if (busy) return;
    setBusy(true);
    setOutcome(null);
    const result = await call('backup:create', to ? { folder: to } : {});
    setBusy(false);
    if (!result.ok) {
      setOutcome({ ok: false, text: t('backup.failed', { reason: errorText(t, result.error) }) });
      return;
    }
    setOutcome({
      ok: true,
      text: t('backup.written', {
        path: result.value.path,
        documents: result.value.facts.documents,
        entries: result.value.facts.ledgerEntries,
      }),
    });
    reload();
  }

  return (
    <section className="settings-section settings-backup" aria-labelledby="backup-heading">
      <h2 id="backup-heading" className="settings-section-title">
        {t('backup.section')}
      </h2>
      <p className="settings-hint">{t('backup.intro')}</p>

      <form className="backup-settings" noValidate onSubmit={(e) => void saveSettings(e)}>
        <div className="settings-field">
          <label htmlFor="backup-folder">{t('backup.folder')}</label>
          <input
            id="backup-folder"
            className="input"
            type="text"
            spellCheck={false}
            autoComplete="off"
            value={folder}
            placeholder={status?.defaultFolder ?? ''}
            aria-describedby="backup-folder-hint"
            onChange={(e) => setFolder(e.target.value)}
          />
          <p id="backup-folder-hint" className="settings-hint">
            {t('backup.folderHint', { folder: status?.defaultFolder ?? '' })}
          </p>
        </div>
        <div className="backup-keep">
          <div className="settings-field">
            <label htmlFor="backup-keep-daily">{t('backup.keepDaily')}</label>
            <input
              id="backup-keep-daily"
              className="input backup-number"
              inputMode="numeric"
              value={keepDaily}
              aria-describedby="backup-keep-hint"
              onChange={(e) => setKeepDaily(e.target.value)}
            />
          </div>
          <div className="settings-field">
            <label htmlFor="backup-keep-monthly">{t('backup.keepMonthly')}</label>
            <input
              id="backup-keep-monthly"
              className="input backup-number"
              inputMode="numeric"
              value={keepMonthly}
              aria-describedby="backup-keep-hint"
              onChange={(e) => setKeepMonthly(e.target.value)}
            />
          </div>
        </div>
        <p id="backup-keep-hint" className="settings-hint">
          {t('backup.keepHint')}
        </p>
        <div className="settings-actions">
          <button type="submit" className="button">
            {t('backup.saveSettings')}
          </button>
          {settingsMessage && (
            <span className={settingsMessage.ok ? 'settings-outcome' : 'settings-field-error'} role="status">
              {settingsMessage.text}
            </span>
          )}
        </div>
      </form>

      <div className="backup-actions">
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void backUp()}>
          {busy ? t('backup.backingUp') : t('backup.backupNow')}
        </button>
      </div>
      <form
        className="backup-to"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (target.trim()) void backUp(target.trim());
        }}
      >
        <div className="settings-field">
          <label htmlFor="backup-target">{t('backup.backupToLabel')}</label>
          <div className="backup-inline">
            <input
              id="backup-target"
              className="input"
              type="text"
              spellCheck={false}
              autoComplete="off"
              value={target}
              aria-describedby="backup-target-hint"
              onChange={(e) => setTarget(e.target.value)}
            />
            <button type="submit" className="button" disabled={busy || !target.trim()}>
              {t('backup.backupToButton')}
            </button>
          </div>
          <p id="backup-target-hint" className="settings-hint">
            {t('backup.backupToHint')}
          </p>
        </div>
      </form>
      <p className={outcome?.ok === false ? 'notice-error' : 'backup-outcome'} role="status">
        {outcome?.text ?? ''}
      </p>

      <h3 className="backup-list-title">{t('backup.list')}</h3>
      {statusError && (
        <p className="notice-error" role="alert">
          {errorText(t, statusError)}
        </p>
      )}
      {status && status.backups.length === 0 && <p className="settings-hint">{t('backup.none')}</p>}
      {status && status.backups.length > 0 && (
        <BackupTable backups={status.backups.slice(0, 30)} onRestore={(b) => void restore.ask(b.path)} />
      )}

      <form
        className="backup-to"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (restoreFile.trim()) void restore.ask(restoreFile.trim());
        }}
      >
        <div className="settings-field">
          <label htmlFor="backup-restore-file">{t('backup.restoreFileLabel')}</label>
          <div className="backup-inline">
            <input
              id="backup-restore-file"
              className="input"
              type="text"
              spellCheck={false}
              autoComplete="off"
              value={restoreFile}
              onChange={(e) => setRestoreFile(e.target.value)}
            />
            <button type="submit" className="button" disabled={!restoreFile.trim()}>
              {t('backup.restoreFileButton')}
            </button>
          </div>
        </div>
      </form>
      <RestoreDialog restore={restore} />
    </section>
  );
}

export function BackupTable({
  backups,
  onRestore,
}: {
  backups: readonly BackupFileInfo[];
  onRestore: (backup: BackupFileInfo) => void;
}) {
  const { t } = useTranslation();
  return (
    <table className="backup-table">
      <thead>
        <tr>
          <th scope="col">{t('backup.columns.takenAt')}</th>
          <th scope="col">{t('backup.columns.kind')}</th>
          <th scope="col" className="numeric">
            {t('backup.columns.size')}
          </th>
          <th scope="col">{t('backup.columns.action')}</th>
        </tr>
      </thead>
      <tbody>
        {backups.map((b) => (
          <tr key={b.path} title={b.path}>
            <td>{formatTakenAt(b.takenAt)}</td>
            <td>{t(`backup.kinds.${b.kind}`)}</td>
            <td className="numeric">{formatBytes(b.sizeBytes)}</td>
            <td>
              <button
                type="button"
                className="button button-quiet"
                aria-label={t('backup.restoreLabel', { time: formatTakenAt(b.takenAt) })}
                onClick={() => onRestore(b)}
              >
                {t('backup.restore')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
