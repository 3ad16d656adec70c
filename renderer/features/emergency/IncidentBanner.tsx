import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannel } from '../../api/client';
import { areaHref, goTo } from '../../app/areas';
import { formatDateTime } from '../../components/format';
import { incidentChangedEvent, quickDispatchKey } from './incidentEvents';
import './emergency.css';

/**
 * The open incident, on every screen while it lasts: its name, response level and since when, how many
 * dispatches it has, and the way to quick dispatch. F2 opens quick dispatch from anywhere, incident or not.
 */
export function IncidentBanner() {
  const { t } = useTranslation();
  const { state, reload } = useChannel('incidents:current');

  useEffect(() => {
    window.addEventListener(incidentChangedEvent, reload);
    return () => window.removeEventListener(incidentChangedEvent, reload);
  }, [reload]);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== quickDispatchKey || event.defaultPrevented || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      goTo('dispatch', 'quick');
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const incident = state.status === 'ok' ? state.value : state.status === 'loading' ? (state.stale ?? null) : null;
  if (!incident) return null;
  return (
    <section className="incident-banner" role="region" aria-label={t('emergency.banner.label')}>
      <span className="incident-banner-level">{t('emergency.level', { level: incident.responseLevel })}</span>
      <strong className="incident-banner-name">{incident.name}</strong>
      <span className="incident-banner-facts">
        {t('emergency.banner.facts', {
          type: t(`emergency.types.${incident.type}`),
          since: formatDateTime(incident.startedAt),
          count: incident.dispatchCount,
        })}
      </span>
      <a className="incident-banner-action" href={areaHref('dispatch', 'quick')} aria-keyshortcuts={quickDispatchKey}>
        {t('emergency.banner.quick', { key: quickDispatchKey })}
      </a>
      <a className="incident-banner-link" href={areaHref('dispatch', 'incidents')}>
        {t('emergency.banner.report')}
      </a>
    </section>
  );
}
