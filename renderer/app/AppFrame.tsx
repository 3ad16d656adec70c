import { useEffect, useRef, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/contract';
import { call, errorText } from '../api/client';
import { CatalogPage } from '../features/catalog/CatalogPage';
import { DispatchArea } from '../features/emergency/DispatchArea';
import { IncidentBanner } from '../features/emergency/IncidentBanner';
import { DocumentsPage } from '../features/documents/DocumentsPage';
import { HomePage } from '../features/home/HomePage';
import { PendingBadge } from '../features/approvals/PendingBadge';
import { InventoryPage } from '../features/inventory/InventoryPage';
import { LedgerPage } from '../features/ledger/LedgerPage';
import { ReceivePage } from '../features/receive/ReceivePage';
import { ReportsPage } from '../features/reports/ReportsPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { StocktakePage } from '../features/stocktake/StocktakePage';
import { areaHref, areas, useCurrentArea, type Area } from './areas';
import { useDepot } from './depot';
import { LanguageToggle } from './LanguageToggle';
import { StatusBar } from './StatusBar';
import { UserBox } from './UserBox';
import './AppFrame.css';

const pages: Record<Area, ComponentType> = {
  home: HomePage,
  inventory: InventoryPage,
  receive: ReceivePage,
  dispatch: DispatchArea,
  documents: DocumentsPage,
  stocktake: StocktakePage,
  ledger: LedgerPage,
  catalog: CatalogPage,
  reports: ReportsPage,
  settings: SettingsPage,
};

/** The window: navigation on the left, the current area in the middle, the status bar below. */
export function AppFrame() {
  const { t } = useTranslation();
  const { settingsChanged } = useDepot();
  const area = useCurrentArea();
  const Page = pages[area];
  const heading = useRef<HTMLHeadingElement>(null);
  const shownArea = useRef(area);

  // After a move to another area, focus its heading so keyboard and screen-reader users land there.
  useEffect(() => {
    if (shownArea.current === area) return;
    shownArea.current = area;
    heading.current?.focus();
  }, [area]);

  async function switchLanguage(language: Language): Promise<string | null> {
    const result = await call('settings:update', { language });
    if (!result.ok) return errorText(t, result.error);
    settingsChanged(result.value);
    return null;
  }

  const subtitle = t(`${area}.subtitle`);

  return (
    <div className="app-frame">
      <aside className="app-sidebar">
        <div className="app-brand">{t('app.name')}</div>
        <nav className="app-nav" aria-label={t('nav.label')}>
          <ul>
            {areas.map((a) => (
              <li key={a}>
                <a href={areaHref(a)} aria-current={a === area ? 'page' : undefined} data-area={a}>
                  {t(`nav.${a}`)}
                </a>
                {a === 'documents' && <PendingBadge />}
              </li>
            ))}
          </ul>
        </nav>
        <UserBox />
      </aside>
      <main className="app-main">
        <IncidentBanner />
        <header className="page-header">
          <div className="page-heading">
            <h1 ref={heading} tabIndex={-1}>
              {t(`nav.${area}`)}
            </h1>
            <p className="page-subtitle">{subtitle}</p>
          </div>
          <LanguageToggle switchTo={switchLanguage} />
        </header>
        <div className="page-body">
          <Page />
        </div>
      </main>
      <StatusBar />
    </div>
  );
}
