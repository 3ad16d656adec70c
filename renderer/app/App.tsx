import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, Settings } from '../../shared/contract';
import type { AppError } from '../../shared/errors';
import { call, errorText, hasApi } from '../api/client';
import { applyLanguage, currentLanguage } from '../i18n/i18n';
import { printTargetFromHash } from '../../shared/print/jobs';
import { PrintRoute } from '../print/PrintRoute';
import { AppFrame } from './AppFrame';
import { DatabaseErrorPanel, StartupProblem, type DatabaseError } from './DatabaseErrorPanel';
import { DepotContext, type Depot } from './depot';
import { ScanCaptureProvider } from '../scan/ScanCapture';

type Start =
  | { status: 'opening' }
  | { status: 'no-api' }
  | { status: 'failed'; error: AppError }
  | { status: 'database-error'; info: AppInfo; database: DatabaseError }
  | { status: 'ready'; info: AppInfo; settings: Settings };

/** Asks the backend what it has, and applies the remembered language before anything is drawn. */
async function start(): Promise<Start> {
  if (!hasApi()) return { status: 'no-api' };
  const info = await call('app:get-info');
  if (!info.ok) return { status: 'failed', error: info.error };
  const database = info.value.database;
  if (database.status === 'error') return { status: 'database-error', info: info.value, database };
  const settings = await call('settings:get');
  if (!settings.ok) return { status: 'failed', error: settings.error };
  await applyLanguage(settings.value.language);
  return { status: 'ready', info: info.value, settings: settings.value };
}

export function App() {
  const { t } = useTranslation();
  const [state, setState] = useState<Start>({ status: 'opening' });

  useEffect(() => {
    let live = true;
    void start().then((next) => {
      if (live) setState(next);
    });
    return () => {
      live = false;
    };
  }, []);

  const settingsChanged = useCallback((settings: Settings) => {
    setState((s) => (s.status === 'ready' ? { ...s, settings } : s));
    if (settings.language !== currentLanguage()) void applyLanguage(settings.language);
  }, []);

  const depot = useMemo<Depot | null>(
    () => (state.status === 'ready' ? { info: state.info, settings: state.settings, settingsChanged } : null),
    [state, settingsChanged],
  );

  const depotName = state.status === 'ready' ? state.settings.depotName : '';
  useEffect(() => {
    document.title = depotName ? `${depotName} — ${t('app.name')}` : t('app.name');
  }, [depotName, t]);

  switch (state.status) {
    case 'opening':
      return <p className="window-message">{t('app.opening')}</p>;
    case 'no-api':
      return <StartupProblem reason={t('startup.noApi')} />;
    case 'failed':
      return <StartupProblem reason={t('startup.failedBody', { reason: errorText(t, state.error) })} />;
    case 'database-error':
      return <DatabaseErrorPanel info={state.info} database={state.database} />;
    case 'ready': {
      // A print route is a page of its own (loaded by the print glue or a PDF test), never inside the frame.
      const printJob = printTargetFromHash(window.location.hash);
      return (
        <DepotContext value={depot}>
          {printJob ? (
            <PrintRoute job={printJob} />
          ) : (
            <ScanCaptureProvider settings={state.settings.scanner}>
              <AppFrame />
            </ScanCaptureProvider>
          )}
        </DepotContext>
      );
    }
  }
}
