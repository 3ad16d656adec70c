import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, AuthStatus, Settings, User } from '../../shared/contract';
import type { AppError } from '../../shared/errors';
import { call, errorText, hasApi, sessionLostEvent } from '../api/client';
import { applyLanguage, currentLanguage } from '../i18n/i18n';
import { printTargetFromHash } from '../../shared/print/jobs';
import { PrintRoute } from '../print/PrintRoute';
import { AppFrame } from './AppFrame';
import { LockScreen, SetupAdminScreen, SignInScreen } from './AuthScreens';
import { DatabaseErrorPanel, StartupProblem, type DatabaseError } from './DatabaseErrorPanel';
import { DepotContext, type Depot } from './depot';
import { ScanCaptureProvider } from '../scan/ScanCapture';

type Start =
  | { status: 'opening' }
  | { status: 'no-api' }
  | { status: 'failed'; error: AppError }
  | { status: 'database-error'; info: AppInfo; database: DatabaseError }
  | { status: 'door'; info: AppInfo; auth: AuthStatus; settings: Settings }
  | { status: 'ready'; info: AppInfo; settings: Settings; auth: AuthStatus & { user: User } };

/** Where a session leads: the desk when someone is signed in and unlocked, else the door (setup, sign-in, lock). */
function afterAuth(info: AppInfo, settings: Settings, auth: AuthStatus): Start {
  return auth.user && !auth.locked
    ? { status: 'ready', info, settings, auth: { ...auth, user: auth.user } }
    : { status: 'door', info, settings, auth };
}

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
  const auth = await call('auth:status');
  if (!auth.ok) return { status: 'failed', error: auth.error };
  return afterAuth(info.value, settings.value, auth.value);
}

/** Locks the session after the configured minutes without a key, click or wheel in this window. */
function useIdleLock(minutes: number | null, lock: () => void) {
  useEffect(() => {
    if (minutes === null) return;
    let last = Date.now();
    const touch = () => {
      last = Date.now();
    };
    const events = ['keydown', 'pointerdown', 'wheel'] as const;
    for (const e of events) window.addEventListener(e, touch, { capture: true, passive: true });
    const timer = window.setInterval(() => {
      if (Date.now() - last > minutes * 60_000) lock();
    }, 15_000);
    return () => {
      for (const e of events) window.removeEventListener(e, touch, { capture: true });
      window.clearInterval(timer);
    };
  }, [minutes, lock]);
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
    setState((s) => (s.status === 'ready' || s.status === 'door' ? { ...s, settings } : s));
    if (settings.language !== currentLanguage()) void applyLanguage(settings.language);
  }, []);

  const authChanged = useCallback((auth: AuthStatus) => {
    setState((s) => (s.status === 'ready' || s.status === 'door' ? afterAuth(s.info, s.settings, auth) : s));
  }, []);

  // A call refused as locked or signed out (the backend's idle lock): show the door.
  useEffect(() => {
    const lost = () => void call('auth:status').then((r) => r.ok && authChanged(r.value));
    window.addEventListener(sessionLostEvent, lost);
    return () => window.removeEventListener(sessionLostEvent, lost);
  }, [authChanged]);

  const lock = useCallback(() => void call('auth:lock').then((r) => r.ok && authChanged(r.value)), [authChanged]);
  useIdleLock(state.status === 'ready' ? state.auth.idleLockMinutes : null, lock);

  const depot = useMemo<Depot | null>(
    () =>
      state.status === 'ready'
        ? { info: state.info, settings: state.settings, settingsChanged, user: state.auth.user, authChanged }
        : null,
    [state, settingsChanged, authChanged],
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
    case 'door':
      if (!state.auth.hasUsers) return <SetupAdminScreen onDone={authChanged} />;
      if (state.auth.user && state.auth.locked) return <LockScreen status={state.auth} onDone={authChanged} />;
      return <SignInScreen onDone={authChanged} />;
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
