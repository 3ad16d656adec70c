/**
 * The doors before the desk: the first start (create the admin — there is no default password),
 * sign-in, and the lock screen after idle time (the same person's password, or someone else signs in).
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthStatus, Language } from '../../shared/contract';
import type { AppError } from '../../shared/errors';
import { call, errorText } from '../api/client';
import { applyLanguage } from '../i18n/i18n';
import { LanguageToggle } from './LanguageToggle';
import './ProblemScreen.css';
import './auth.css';

/** Before sign-in the settings cannot be written: the language changes for this window only. */
async function switchLocally(language: Language): Promise<null> {
  await applyLanguage(language);
  return null;
}

function AuthPanel({ title, intro, children }: { title: string; intro: string; children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <main className="problem-screen auth-screen">
      <section className="problem-panel auth-panel" aria-labelledby="auth-title">
        <div className="problem-heading">
          <div>
            <p className="auth-app-name">{t('app.name')}</p>
            <h1 id="auth-title">{title}</h1>
          </div>
          <LanguageToggle switchTo={switchLocally} />
        </div>
        <p className="auth-intro">{intro}</p>
        {children}
      </section>
    </main>
  );
}

function useSubmit(
  run: () => Promise<{ ok: true; value: AuthStatus } | { ok: false; error: AppError }>,
  done: (s: AuthStatus) => void,
) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    const result = await run();
    setBusy(false);
    if (result.ok) done(result.value);
    else setError(result.error);
  }
  return { busy, error, setError, submit };
}

export function SetupAdminScreen({ onDone }: { onDone: (status: AuthStatus) => void }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('admin');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const mismatch = confirm !== '' && confirm !== password;
  const form = useSubmit(
    () =>
      mismatch
        ? Promise.resolve({ ok: false as const, error: { code: 'invalid-input' as const, message: 'mismatch' } })
        : call('auth:setup-admin', { username, displayName, password }),
    onDone,
  );
  return (
    <AuthPanel title={t('accounts.setup.title')} intro={t('accounts.setup.intro')}>
      <form className="auth-form" noValidate onSubmit={(e) => void form.submit(e)}>
        <label htmlFor="setup-username">{t('accounts.setup.username')}</label>
        <input
          id="setup-username"
          className="input"
          autoComplete="username"
          value={username}
          aria-describedby="setup-username-hint"
          onChange={(e) => setUsername(e.target.value)}
        />
        <p id="setup-username-hint" className="auth-hint">
          {t('accounts.setup.usernameHint')}
        </p>
        <label htmlFor="setup-name">{t('accounts.setup.displayName')}</label>
        <input
          id="setup-name"
          className="input"
          autoComplete="name"
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
        />
        <label htmlFor="setup-password">{t('accounts.setup.password')}</label>
        <input
          id="setup-password"
          className="input"
          type="password"
          autoComplete="new-password"
          value={password}
          aria-describedby="setup-password-hint"
          onChange={(e) => setPassword(e.target.value)}
        />
        <p id="setup-password-hint" className="auth-hint">
          {t('accounts.setup.passwordHint')}
        </p>
        <label htmlFor="setup-confirm">{t('accounts.setup.confirm')}</label>
        <input
          id="setup-confirm"
          className="input"
          type="password"
          autoComplete="new-password"
          value={confirm}
          aria-invalid={mismatch || undefined}
          onChange={(e) => setConfirm(e.target.value)}
        />
        {mismatch && <p className="auth-error">{t('accounts.setup.mismatch')}</p>}
        {form.error && !mismatch && (
          <p className="notice-error" role="alert">
            {form.error.code === 'invalid-input' ? t('accounts.setup.passwordHint') : errorText(t, form.error)}
          </p>
        )}
        <button type="submit" className="button button-primary" disabled={form.busy || mismatch || confirm === ''}>
          {form.busy ? t('accounts.signIn.signingIn') : t('accounts.setup.submit')}
        </button>
      </form>
    </AuthPanel>
  );
}

export function SignInScreen({ onDone }: { onDone: (status: AuthStatus) => void }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const form = useSubmit(() => call('auth:sign-in', { username, password }), onDone);
  return (
    <AuthPanel title={t('accounts.signIn.title')} intro={t('accounts.signIn.intro')}>
      <form className="auth-form" noValidate onSubmit={(e) => void form.submit(e)}>
        <label htmlFor="signin-username">{t('accounts.signIn.username')}</label>
        <input
          id="signin-username"
          className="input"
          autoComplete="username"
          autoFocus
          value={username}
          onChange={(e) => setUsername(e.target.value)}
        />
        <label htmlFor="signin-password">{t('accounts.signIn.password')}</label>
        <input
          id="signin-password"
          className="input"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {form.error && (
          <p className="notice-error" role="alert">
            {errorText(t, form.error)}
          </p>
        )}
        <button type="submit" className="button button-primary" disabled={form.busy || !username || !password}>
          {form.busy ? t('accounts.signIn.signingIn') : t('accounts.signIn.submit')}
        </button>
      </form>
    </AuthPanel>
  );
}

export function LockScreen({ status, onDone }: { status: AuthStatus; onDone: (status: AuthStatus) => void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [switching, setSwitching] = useState(false);
  const form = useSubmit(() => call('auth:unlock', { password }), onDone);
  if (switching || !status.user) return <SignInScreen onDone={onDone} />;
  return (
    <AuthPanel
      title={t('accounts.lock.title')}
      intro={t('accounts.lock.intro', { name: status.user.displayName, role: t(`accounts.roles.${status.user.role}`) })}
    >
      <form className="auth-form" noValidate onSubmit={(e) => void form.submit(e)}>
        <label htmlFor="lock-password">{t('accounts.lock.password')}</label>
        <input
          id="lock-password"
          className="input"
          type="password"
          autoComplete="current-password"
          autoFocus
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {form.error && (
          <p className="notice-error" role="alert">
            {errorText(t, form.error)}
          </p>
        )}
        <div className="auth-actions">
          <button type="submit" className="button button-primary" disabled={form.busy || !password}>
            {t('accounts.lock.unlock')}
          </button>
          <button type="button" className="button" onClick={() => setSwitching(true)}>
            {t('accounts.lock.switchUser')}
          </button>
        </div>
      </form>
    </AuthPanel>
  );
}
