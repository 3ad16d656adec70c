/** 用户与权限 (admin only): the accounts of this depot, new accounts, role and active changes, password resets. */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { roles, type Role, type User } from '../../../shared/contract';
import type { AppError } from '../../../shared/errors';
import { call, errorText } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { formatDateTime } from '../../components/format';

type Editing = { mode: 'new' } | { mode: 'edit'; user: User } | { mode: 'reset'; user: User } | null;

export function UsersSection() {
  const { t } = useTranslation();
  const [users, setUsers] = useState<User[]>([]);
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState<Editing>(null);
  const [message, setMessage] = useState('');

  useEffect(() => {
    let live = true;
    void call('users:list').then((r) => {
      if (live && r.ok) setUsers(r.value);
    });
    return () => {
      live = false;
    };
  }, [version]);

  return (
    <section className="settings-section settings-users" aria-labelledby="users-heading">
      <h2 id="users-heading" className="settings-section-title">
        {t('accounts.users.section')}
      </h2>
      <p className="settings-hint">{t('accounts.users.intro')}</p>
      <table className="backup-table">
        <thead>
          <tr>
            <th scope="col">{t('accounts.users.columns.username')}</th>
            <th scope="col">{t('accounts.users.columns.displayName')}</th>
            <th scope="col">{t('accounts.users.columns.role')}</th>
            <th scope="col">{t('accounts.users.columns.state')}</th>
            <th scope="col">{t('accounts.users.columns.lastSignIn')}</th>
            <th scope="col">{t('accounts.users.columns.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>{u.username}</td>
              <td>{u.displayName}</td>
              <td>{t(`accounts.roles.${u.role}`)}</td>
              <td>{u.active ? t('accounts.users.active') : t('accounts.users.inactive')}</td>
              <td>{u.lastSignInAt ? formatDateTime(u.lastSignInAt) : t('accounts.users.never')}</td>
              <td className="users-actions">
                <button
                  type="button"
                  className="button button-quiet"
                  aria-label={t('accounts.users.editLabel', { name: u.displayName })}
                  onClick={() => setEditing({ mode: 'edit', user: u })}
                >
                  {t('accounts.users.edit')}
                </button>
                <button
                  type="button"
                  className="button button-quiet"
                  aria-label={t('accounts.users.resetLabel', { name: u.displayName })}
                  onClick={() => setEditing({ mode: 'reset', user: u })}
                >
                  {t('accounts.users.resetPassword')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="settings-actions users-add">
        <button type="button" className="button" onClick={() => setEditing({ mode: 'new' })}>
          {t('accounts.users.add')}
        </button>
        <span className="settings-outcome" role="status">
          {message}
        </span>
      </div>
      {editing && (
        <UserDialog
          editing={editing}
          onClose={() => setEditing(null)}
          onSaved={(text) => {
            setEditing(null);
            setMessage(text);
            setVersion((v) => v + 1);
          }}
        />
      )}
    </section>
  );
}

function UserDialog({
  editing,
  onClose,
  onSaved,
}: {
  editing: Exclude<Editing, null>;
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const existing = editing.mode === 'new' ? null : editing.user;
  const [username, setUsername] = useState(existing?.username ?? '');
  const [displayName, setDisplayName] = useState(existing?.displayName ?? '');
  const [role, setRole] = useState<Role>(existing?.role ?? 'keeper');
  const [active, setActive] = useState(existing?.active ?? true);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const result =
      editing.mode === 'reset'
        ? await call('users:reset-password', { id: editing.user.id, password })
        : await call('users:save', {
            ...(existing ? { id: existing.id } : { password }),
            username,
            displayName,
            role,
            active,
          });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    onSaved(
      editing.mode === 'reset'
        ? t('accounts.users.passwordSet', { name: editing.user.displayName })
        : t('accounts.users.saved'),
    );
  }

  const title =
    editing.mode === 'new'
      ? t('accounts.users.dialogNew')
      : editing.mode === 'edit'
        ? t('accounts.users.dialogEdit')
        : t('accounts.users.dialogReset', { name: editing.user.displayName });

  return (
    <Dialog title={title} open onClose={onClose}>
      <form className="auth-form user-form" noValidate onSubmit={(e) => void submit(e)}>
        {editing.mode !== 'reset' && (
          <>
            <label htmlFor="user-username">{t('accounts.users.username')}</label>
            <input
              id="user-username"
              className="input"
              autoComplete="off"
              value={username}
              disabled={existing !== null}
              aria-describedby={existing ? 'user-username-hint' : undefined}
              onChange={(e) => setUsername(e.target.value)}
            />
            {existing && (
              <p id="user-username-hint" className="auth-hint">
                {t('accounts.users.usernameFixed')}
              </p>
            )}
            <label htmlFor="user-name">{t('accounts.users.displayName')}</label>
            <input
              id="user-name"
              className="input"
              autoComplete="off"
              value={displayName}
              onChange={(e) => setDisplayName(e.target.value)}
            />
            <label htmlFor="user-role">{t('accounts.users.role')}</label>
            <select id="user-role" className="input" value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {roles.map((r) => (
                <option key={r} value={r}>
                  {t(`accounts.roles.${r}`)}
                </option>
              ))}
            </select>
            {existing && (
              <label className="user-active">
                <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />
                {t('accounts.users.activeLabel')}
              </label>
            )}
          </>
        )}
        {(editing.mode === 'new' || editing.mode === 'reset') && (
          <>
            <label htmlFor="user-password">
              {editing.mode === 'new' ? t('accounts.users.password') : t('accounts.users.newPassword')}
            </label>
            <input
              id="user-password"
              className="input"
              type="password"
              autoComplete="new-password"
              value={password}
              aria-describedby="user-password-hint"
              onChange={(e) => setPassword(e.target.value)}
            />
            <p id="user-password-hint" className="auth-hint">
              {t('accounts.setup.passwordHint')}
            </p>
          </>
        )}
        {error && (
          <p className="notice-error" role="alert">
            {errorText(t, error)}
          </p>
        )}
        <div className="auth-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('accounts.users.save')}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('common.actions.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
