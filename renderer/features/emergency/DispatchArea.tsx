import { useTranslation } from 'react-i18next';
import { areaHref, useRoute } from '../../app/areas';
import { DispatchPage } from '../dispatch/DispatchPage';
import { IncidentsPage } from './IncidentsPage';
import { PaperworkBoard } from './PaperworkBoard';
import { QuickDispatch } from './QuickDispatch';
import { quickDispatchKey } from './incidentEvents';
import './emergency.css';

const views = ['slip', 'quick', 'paperwork', 'incidents'] as const;
type View = (typeof views)[number];

/** Which part of the dispatch area the address names: the slip editor keeps every other target (its draft ids). */
function viewOf(target: string | null): View {
  return target === 'quick' || target === 'paperwork' || target === 'incidents' ? target : 'slip';
}

/**
 * 出库 with its emergency tools beside the slip: quick dispatch (#/dispatch/quick), the paperwork-to-follow
 * board (#/dispatch/paperwork) and incidents with their reports (#/dispatch/incidents).
 */
export function DispatchArea() {
  const { t } = useTranslation();
  const { target } = useRoute();
  const view = viewOf(target);
  return (
    <div className="dispatch-area">
      <nav className="dispatch-area-tabs" aria-label={t('emergency.tabs.label')}>
        {views.map((v) => (
          <a
            key={v}
            href={v === 'slip' ? areaHref('dispatch') : areaHref('dispatch', v)}
            className={v === 'quick' ? 'dispatch-area-tab dispatch-area-tab-quick' : 'dispatch-area-tab'}
            aria-current={v === view ? 'page' : undefined}
            aria-keyshortcuts={v === 'quick' ? quickDispatchKey : undefined}
          >
            {t(`emergency.tabs.${v}`)}
            {v === 'quick' && <kbd className="dispatch-area-key">{quickDispatchKey}</kbd>}
          </a>
        ))}
      </nav>
      {view === 'slip' && <DispatchPage />}
      {view === 'quick' && <QuickDispatch />}
      {view === 'paperwork' && <PaperworkBoard />}
      {view === 'incidents' && <IncidentsPage />}
    </div>
  );
}
