import { useId, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call, errorText } from '../api/client';
import { Dialog } from '../components/Dialog';
import { Field } from '../components/Field';
import './password.css';

/** The backend's minimum (shared/schemas/accounts.ts passwordSchema), said before the call is made. */
const minLength = 8;

type Problem = 'current' | 'next' | 'confirm';

/**
 * 修改密码, from the user box: the current password proves it is the same person at the desk (a
 * keeper who stepped away left the session open); the new one is typed twice. Wrong current password
 * and too short a new one are said beside the field; nothing changes until the backend accepts.
 */
export function ChangePasswordDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const formId = useId();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [shown, setShown] = useState<Partial<Record<Problem, string>>>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const inFlight = useRef(false);
  const form = useRef<HTMLFormElement>(null);

  function check(): Partial<Record<Problem, string>> {
    const problems: Partial<Record<Problem, string>> = {};
    if (current === '') problems.current = t('password.currentRequired');
    if (next.length < minLength) problems.next = t('password.tooShort');
    else if (confirm !== next) problems.confirm = t('password.mismatch');
    return problems;
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (inFlight.current || done) return;
    const problems = check();
    setShown(problems);
    setRefusal(null);
    const first = (['current', 'next', 'confirm'] as const).find((p) => problems[p]);
    if (first) {
      form.current?.querySelector<HTMLInputElement>(`[data-field="${first}"] input`)?.focus();
      return;
    }
    inFlight.current = true;
    setBusy(true);
    const result = await call('auth:change-password', { currentPassword: current, newPassword: next });
    inFlight.current = false;
    setBusy(false);
    if (result.ok) {
      setDone(true);
      return;
    }
    if (result.error.code === 'wrong-password') {
      setShown({ current: errorText(t, result.error) });
      form.current?.querySelector<HTMLInputElement>('[data-field="current"] input')?.focus();
    } else {
      setRefusal(t('password.refused', { reason: errorText(t, result.error) }));
    }
  }

  const edited = (set: (v: string) => void) => (e: ChangeEvent<HTMLInputElement>) => {
    set(e.target.value);
    setRefusal(null);
  };

  return (
    <Dialog
      title={t('password.title')}
      open
      onClose={() => {
        if (!inFlight.current) onClose();
      }}
      actions={
        done ? (
          <button type="button" className="button button-primary" onClick={onClose} autoFocus>
            {t('common.actions.close')}
          </button>
        ) : (
          <>
            <button type="button" className="button button-quiet" disabled={busy} onClick={onClose}>
              {t('common.actions.cancel')}
            </button>
            <button type="submit" form={formId} className="button button-primary" disabled={busy}>
              {busy ? t('password.saving') : t('password.submit')}
            </button>
          </>
        )
      }
    >
      {done ? (
        <p role="status">{t('password.done')}</p>
      ) : (
        <form ref={form} id={formId} className="password-form" noValidate onSubmit={(e) => void onSubmit(e)}>
          <div data-field="current">
            <Field label={t('password.current')} error={shown.current}>
              <input
                className="input"
                type="password"
                autoComplete="current-password"
                maxLength={128}
                value={current}
                onChange={edited(setCurrent)}
                autoFocus
              />
            </Field>
          </div>
          <div data-field="next">
            <Field label={t('password.next')} hint={t('password.nextHint')} error={shown.next}>
              <input
                className="input"
                type="password"
                autoComplete="new-password"
                maxLength={128}
                value={next}
                onChange={edited(setNext)}
              />
            </Field>
          </div>
          <div data-field="confirm">
            <Field label={t('password.confirm')} error={shown.confirm}>
              <input
                className="input"
                type="password"
                autoComplete="new-password"
                maxLength={128}
                value={confirm}
                onChange={edited(setConfirm)}
              />
            </Field>
          </div>
          {refusal && (
            <p className="notice-error" role="alert">
              {refusal}
            </p>
          )}
        </form>
      )}
    </Dialog>
  );
}
