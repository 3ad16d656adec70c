/** 操作日志 (admin and auditor): the newest entries with filters, and a check of the log's hash chain. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../shared/contract';
import { call, errorText } from '../../api/client';
import { formatDateTime } from '../../components/format';

const shown = 100;

export function ActivitySection() {
  const { t } = useTranslation();
  const [actor, setActor] = useState('');
  const [action, setAction] = useState('');
  const [query, setQuery] = useState({ actor: '', action: '' });
  const [log, setLog] = useState<ChannelOutput<'activity:list'> | null>(null);
  const [verdict, setVerdict] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    let live = true;
    void call('activity:list', {
      limit: shown,
      ...(query.actor ? { actor: query.actor } : {}),
      ...(query.action ? { action: query.action } : {}),
    }).then((r) => {
      if (live && r.ok) setLog(r.value);
    });
    return () => {
      live = false;
    };
  }, [query]);

  async function verify() {
    const r = await call('activity:verify-chain');
    if (!r.ok) setVerdict({ ok: false, text: errorText(t, r.error) });
    else if (r.value.ok) {
      setVerdict({
        ok: true,
        text: t('accounts.activity.verifyOk', {
          entries: r.value.entries,
          head: (r.value.headHash ?? '').slice(0, 16),
        }),
      });
    } else setVerdict({ ok: false, text: t('accounts.activity.verifyBad', { seq: r.value.firstBadSeq ?? 0 }) });
  }

  return (
    <section className="settings-section settings-activity" aria-labelledby="activity-heading">
      <h2 id="activity-heading" className="settings-section-title">
        {t('accounts.activity.section')}
      </h2>
      <p className="settings-hint">{t('accounts.activity.intro')}</p>
      <form
        className="activity-filters"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery({ actor: actor.trim(), action: action.trim() });
        }}
      >
        <label htmlFor="activity-actor">{t('accounts.activity.actor')}</label>
        <input id="activity-actor" className="input" value={actor} onChange={(e) => setActor(e.target.value)} />
        <label htmlFor="activity-action">{t('accounts.activity.action')}</label>
        <input id="activity-action" className="input" value={action} onChange={(e) => setAction(e.target.value)} />
        <button type="submit" className="button">
          {t('accounts.activity.filter')}
        </button>
        <button type="button" className="button" onClick={() => void verify()}>
          {t('accounts.activity.verify')}
        </button>
      </form>
      {verdict && (
        <p className={verdict.ok ? 'backup-outcome' : 'notice-error'} role="status">
          {verdict.text}
        </p>
      )}
      {log && log.rows.length === 0 && <p className="settings-hint">{t('accounts.activity.none')}</p>}
      {log && log.rows.length > 0 && (
        <>
          <p className="settings-hint">{t('accounts.activity.total', { total: log.total, shown: log.rows.length })}</p>
          <table className="backup-table activity-table">
            <thead>
              <tr>
                <th scope="col">{t('accounts.activity.columns.at')}</th>
                <th scope="col">{t('accounts.activity.columns.actor')}</th>
                <th scope="col">{t('accounts.activity.columns.action')}</th>
                <th scope="col">{t('accounts.activity.columns.outcome')}</th>
                <th scope="col">{t('accounts.activity.columns.target')}</th>
              </tr>
            </thead>
            <tbody>
              {log.rows.map((row) => (
                <tr key={row.seq} className={row.outcome === 'refused' ? 'activity-refused' : undefined}>
                  <td>{formatDateTime(row.at)}</td>
                  <td>{row.actor ?? '—'}</td>
                  <td title={row.action}>
                    {t(`accounts.actions.${row.action.replace(':', '.')}` as never, { defaultValue: row.action })}
                  </td>
                  <td>{row.outcome === 'ok' ? t('accounts.activity.ok') : t('accounts.activity.refused')}</td>
                  <td className="activity-target">{row.target ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
