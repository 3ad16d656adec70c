import { useTranslation } from 'react-i18next';
import { errorText } from '../api/client';
import { areaHref } from './areas';
import { useDepot } from './depot';
import { useDailyBackup } from './useDailyBackup';
import './StatusBar.css';

/** The bottom line: which depot this is, its site code, and the state of the data behind it. */
export function StatusBar() {
  const { t } = useTranslation();
  const { info, settings } = useDepot();
  const database = info.database;
  const schemaVersion = info.databaseSchemaVersion ?? info.schemaVersion;
  const backup = useDailyBackup(database.status === 'ok');

  return (
    <footer className="status-bar" aria-label={t('status.label')}>
      <span className="status-item">
        <span className="status-label">{t('status.depot')}</span>
        {settings.depotName ? (
          <span className="status-value status-depot-name">{settings.depotName}</span>
        ) : (
          <a className="status-value status-prompt" href={areaHref('settings')}>
            {t('status.depotUnset')}
          </a>
        )}
      </span>
      <span className="status-item">
        <span className="status-label">{t('status.siteCode')}</span>
        <span className="status-value status-code">{settings.siteCode}</span>
      </span>
      <span className="status-item">
        <span className="status-label">{t('status.database')}</span>
        {database.status === 'ok' ? (
          <span className="status-value status-ok">{t('status.databaseOk')}</span>
        ) : (
          <span className="status-value status-error">
            {t('status.databaseError', { reason: errorText(t, database) })}
          </span>
        )}
      </span>
      <span className="status-item">
        <span className="status-label">{t('backup.status.label')}</span>
        {backup.state === 'running' && <span className="status-value">{t('backup.status.running')}</span>}
        {backup.state === 'failed' && (
          <a className="status-value status-error" href={areaHref('settings')} title={errorText(t, backup.error)}>
            {t('backup.status.failed')}
          </a>
        )}
        {backup.state === 'ok' && (
          <span className="status-value status-ok">
            {backup.lastBackupAt
              ? t('backup.status.today', { time: backup.lastBackupAt.slice(11, 16) })
              : t('backup.status.never')}
          </span>
        )}
      </span>
      <span className="status-item">
        <span className="status-label">{t('status.schemaVersion')}</span>
        <span className="status-value">{schemaVersion}</span>
      </span>
      <span className="status-item status-item-path">
        <span className="status-label">{t('status.dataPath')}</span>
        <span className="status-value status-path" title={info.dataPath}>
          {info.dataPath}
        </span>
      </span>
    </footer>
  );
}
