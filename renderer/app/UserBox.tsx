/** Who is signed in, at the foot of the navigation, with lock, switch user (sign out) and change password. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { ChangePasswordDialog } from './ChangePasswordDialog';
import { useDepot } from './depot';
import './auth.css';

export function UserBox() {
  const { t } = useTranslation();
  const { user, authChanged } = useDepot();
  const [changingPassword, setChangingPassword] = useState(false);
  const run = (channel: 'auth:lock' | 'auth:sign-out') =>
    void call(channel).then((result) => {
      if (result.ok) authChanged(result.value);
    });
  return (
    <section className="user-box" aria-label={t('accounts.userBox.label')}>
      <div className="user-box-name">{user.displayName}</div>
      <div className="user-box-role">
        {user.username} · {t(`accounts.roles.${user.role}`)}
      </div>
      <div className="user-box-actions">
        <button type="button" onClick={() => run('auth:lock')}>
          {t('accounts.userBox.lock')}
        </button>
        <button type="button" onClick={() => run('auth:sign-out')}>
          {t('accounts.userBox.switchUser')}
        </button>
        <button type="button" onClick={() => setChangingPassword(true)}>
          {t('password.open')}
        </button>
      </div>
      {changingPassword && <ChangePasswordDialog onClose={() => setChangingPassword(false)} />}
    </section>
  );
}
