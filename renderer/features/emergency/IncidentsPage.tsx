import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Incident } from '../../../shared/contract';
import { incidentTypes, responseLevels } from '../../../shared/contract';
import { call, errorText, useChannel } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { formatDateTime } from '../../components/format';
import { announceIncidentChange } from './incidentEvents';
import { IncidentReportView } from './IncidentReportView';

type IncidentType = (typeof incidentTypes)[number];
type Level = (typeof responseLevels)[number];

/** Now as the value of a datetime-local field (local time, minutes). */
function localNow(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * 应急事件: declare one (name, kind of disaster, response level, start), close it, and read what was
 * dispatched for any incident, open or closed.
 */
export function IncidentsPage() {
  const { t } = useTranslation();
  const { state, reload } = useChannel('incidents:list');
  const [shown, setShown] = useState<string | null>(null);
  const [closing, setClosing] = useState<Incident | null>(null);
  const incidents = state.status === 'ok' ? state.value : state.status === 'loading' ? (state.stale ?? []) : [];
  const open = incidents.find((i) => i.closedAt === null) ?? null;
  const reportOf = shown ?? open?.id ?? incidents[0]?.id ?? null;

  function changed() {
    reload();
    announceIncidentChange();
  }

  return (
    <div className="incidents">
      <div className="incidents-top">
        {open ? (
          <section className="incident-open" aria-label={t('emergency.incidents.openLabel')}>
            <h2 className="emergency-heading">{t('emergency.incidents.openLabel')}</h2>
            <p className="incident-open-name">
              <span className="incident-banner-level">{t('emergency.level', { level: open.responseLevel })}</span>{' '}
              {open.name}
            </p>
            <p className="emergency-explain">
              {t('emergency.incidents.openFacts', {
                type: t(`emergency.types.${open.type}`),
                since: formatDateTime(open.startedAt),
                by: open.declaredBy,
                count: open.dispatchCount,
              })}
            </p>
            <button type="button" className="button button-quiet" onClick={() => setClosing(open)}>
              {t('emergency.incidents.close')}
            </button>
          </section>
        ) : (
          <DeclareForm onDeclared={changed} />
        )}
        <section className="incidents-list" aria-label={t('emergency.incidents.listLabel')}>
          <h2 className="emergency-heading">{t('emergency.incidents.listLabel')}</h2>
          {state.status === 'error' && (
            <p className="notice-error" role="alert">
              {errorText(t, state.error)}
            </p>
          )}
          {incidents.length === 0 && state.status === 'ok' && (
            <p className="emergency-empty">{t('emergency.incidents.none')}</p>
          )}
          <ul className="incidents-items">
            {incidents.map((i) => (
              <li key={i.id}>
                <button
                  type="button"
                  className="incidents-item"
                  aria-pressed={i.id === reportOf}
                  onClick={() => setShown(i.id)}
                >
                  <span className="incidents-item-name">{i.name}</span>
                  <span className="incidents-item-facts">
                    {t('emergency.level', { level: i.responseLevel })} ·{' '}
                    {i.closedAt
                      ? t('emergency.incidents.closedRange', {
                          from: formatDateTime(i.startedAt),
                          to: formatDateTime(i.closedAt),
                        })
                      : t('emergency.incidents.ongoing')}{' '}
                    · {t('emergency.incidents.dispatches', { count: i.dispatchCount })}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      </div>
      {reportOf && <IncidentReportView incidentId={reportOf} />}
      {closing && (
        <CloseDialog
          incident={closing}
          onClose={() => setClosing(null)}
          onClosed={() => {
            setClosing(null);
            changed();
          }}
        />
      )}
    </div>
  );
}

function DeclareForm({ onDeclared }: { onDeclared(): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [type, setType] = useState<IncidentType>('flood');
  const [level, setLevel] = useState<Level>('IV');
  const [startedAt, setStartedAt] = useState(localNow);
  const [missing, setMissing] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const start = new Date(startedAt);
    if (!name.trim() || Number.isNaN(start.getTime())) {
      setMissing(true);
      return;
    }
    setBusy(true);
    setRefusal(null);
    const result = await call('incidents:declare', {
      name: name.trim(),
      type,
      responseLevel: level,
      startedAt: start.toISOString(),
    });
    setBusy(false);
    if (!result.ok) {
      setRefusal(errorText(t, result.error));
      return;
    }
    setName('');
    setMissing(false);
    onDeclared();
  }

  return (
    <form className="incident-declare" onSubmit={onSubmit} noValidate aria-label={t('emergency.incidents.declare')}>
      <h2 className="emergency-heading">{t('emergency.incidents.declare')}</h2>
      <p className="emergency-explain">{t('emergency.incidents.declareExplain')}</p>
      <div className="incident-declare-fields">
        <Field
          label={t('emergency.incidents.name')}
          error={missing && !name.trim() ? t('emergency.incidents.nameRequired') : null}
          className="incident-declare-name"
        >
          <input
            className="input"
            maxLength={100}
            autoComplete="off"
            placeholder={t('emergency.incidents.namePlaceholder')}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </Field>
        <Field label={t('emergency.incidents.type')}>
          <select className="input" value={type} onChange={(e) => setType(e.target.value as IncidentType)}>
            {incidentTypes.map((k) => (
              <option key={k} value={k}>
                {t(`emergency.types.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('emergency.incidents.level')}>
          <select className="input" value={level} onChange={(e) => setLevel(e.target.value as Level)}>
            {responseLevels.map((l) => (
              <option key={l} value={l}>
                {t('emergency.level', { level: l })}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label={t('emergency.incidents.startedAt')}
          error={missing && Number.isNaN(new Date(startedAt).getTime()) ? t('emergency.incidents.startRequired') : null}
        >
          <input
            className="input"
            type="datetime-local"
            value={startedAt}
            onChange={(e) => setStartedAt(e.target.value)}
          />
        </Field>
      </div>
      {refusal && (
        <p className="notice-error" role="alert">
          {refusal}
        </p>
      )}
      <button type="submit" className="button button-primary" disabled={busy}>
        {t('emergency.incidents.declareSubmit')}
      </button>
    </form>
  );
}

function CloseDialog({ incident, onClose, onClosed }: { incident: Incident; onClose(): void; onClosed(): void }) {
  const { t } = useTranslation();
  const formId = useId();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    const result = await call('incidents:close', { id: incident.id });
    setBusy(false);
    if (result.ok) onClosed();
    else setRefusal(errorText(t, result.error));
  }

  return (
    <Dialog
      title={t('emergency.incidents.closeTitle', { name: incident.name })}
      open
      onClose={() => {
        if (!busy) onClose();
      }}
      actions={
        <>
          <button type="button" className="button button-quiet" disabled={busy} onClick={onClose}>
            {t('common.actions.cancel')}
          </button>
          <button type="submit" form={formId} className="button button-primary" disabled={busy}>
            {t('emergency.incidents.closeConfirm')}
          </button>
        </>
      }
    >
      <form id={formId} onSubmit={onSubmit}>
        <p>{t('emergency.incidents.closeExplain', { count: incident.dispatchCount })}</p>
        {refusal && (
          <p className="notice-error" role="alert">
            {refusal}
          </p>
        )}
      </form>
    </Dialog>
  );
}
