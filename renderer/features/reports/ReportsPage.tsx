import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportJob, ExportKind, ExportRequest } from '../../../shared/contract';
import { exportKinds } from '../../../shared/schemas/exports';
import { roleMay } from '../../../shared/permissions';
import { call, errorText } from '../../api/client';
import { useDepot } from '../../app/depot';
import { Field } from '../../components/Field';
import { formatNumber, today } from '../../components/format';
import './reports.css';

/** How often the running export is asked how far it is. */
const pollMs = 250;

const datePattern = /^\d{4}-\d{2}-\d{2}$/;
const periodKinds: readonly ExportKind[] = ['ledger', 'documents', 'emergency', 'audit'];

function firstOfMonth(date: string): string {
  return `${date.slice(0, 8)}01`;
}

/** The January 10 report is about the year before; later in the year the current year is the likelier choice. */
function defaultYear(date: string): string {
  const year = Number(date.slice(0, 4));
  return String(date.slice(5, 7) === '01' ? year - 1 : year);
}

/** The exports folder the backend uses when none is given, in the data folder's own path style. */
function defaultFolder(dataPath: string): string {
  return `${dataPath}${dataPath.includes('\\') ? '\\' : '/'}exports`;
}

type Outcome = { kind: 'done'; files: string[] } | { kind: 'cancelled' } | { kind: 'failed'; text: string };

/** 报表 Reports: choose an export, its period and format and where to save it; watch it run, cancel it. */
export function ReportsPage() {
  const { t } = useTranslation();
  const { user, info } = useDepot();
  const now = today();
  const [kind, setKind] = useState<ExportKind>('ledger');
  const [from, setFrom] = useState(firstOfMonth(now));
  const [to, setTo] = useState(now);
  const [date, setDate] = useState(now);
  const [year, setYear] = useState(defaultYear(now));
  const [format, setFormat] = useState<'xlsx' | 'csv'>('xlsx');
  const [folder, setFolder] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<'from' | 'to' | 'date' | 'year', string>>>({});
  const [job, setJob] = useState<ExportJob | null>(null);
  const [starting, setStarting] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  if (!roleMay(user.role, 'export')) {
    return (
      <div className="reports-page">
        <p className="notice-error">{t('reports.notPermitted')}</p>
      </div>
    );
  }

  const running = job?.state === 'running';

  function validate(): ExportRequest | null {
    const errors: typeof fieldErrors = {};
    const dateError = t('reports.form.dateInvalid');
    if (periodKinds.includes(kind)) {
      if (!datePattern.test(from)) errors.from = dateError;
      if (!datePattern.test(to)) errors.to = dateError;
      else if (!errors.from && from > to) errors.to = t('reports.form.dateOrder');
    }
    if (kind === 'inventory' && !datePattern.test(date)) errors.date = dateError;
    if (kind === 'annual' && !/^\d{4}$/.test(year)) errors.year = t('reports.form.yearInvalid');
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return null;
    const common = { format, ...(folder.trim() ? { folder: folder.trim() } : {}) };
    if (kind === 'inventory') return { kind, date, ...common };
    if (kind === 'annual') return { kind, year: Number(year), ...common };
    return { kind: kind as 'ledger', from, to, ...common };
  }

  function follow(jobId: string) {
    timer.current = window.setTimeout(async () => {
      const result = await call('exports:progress', { jobId });
      if (!result.ok) {
        setJob(null);
        setOutcome({ kind: 'failed', text: errorText(t, result.error) });
        return;
      }
      setJob(result.value);
      finish(result.value);
    }, pollMs);
  }

  /** Shows how a job ended, or keeps following it while it runs. */
  function finish(current: ExportJob) {
    if (current.state === 'running') {
      follow(current.jobId);
      return;
    }
    setCancelling(false);
    if (current.state === 'done') setOutcome({ kind: 'done', files: current.files });
    else if (current.state === 'cancelled') setOutcome({ kind: 'cancelled' });
    else setOutcome({ kind: 'failed', text: errorText(t, current.error ?? { code: 'export-failed' }) });
  }

  async function start(event: FormEvent) {
    event.preventDefault();
    if (running || starting) return;
    const request = validate();
    if (!request) return;
    setOutcome(null);
    setStarting(true);
    const result = await call('exports:start', request);
    setStarting(false);
    if (!result.ok) {
      setOutcome({ kind: 'failed', text: errorText(t, result.error) });
      return;
    }
    setJob(result.value);
    finish(result.value);
  }

  async function cancel() {
    if (!job || !running) return;
    setCancelling(true);
    const result = await call('exports:cancel', { jobId: job.jobId });
    if (!result.ok) {
      setCancelling(false);
      setOutcome({ kind: 'failed', text: errorText(t, result.error) });
    }
  }

  const total = job?.rowsTotal ?? 0;
  const done = Math.min(job?.rowsDone ?? 0, total);

  return (
    <div className="reports-page">
      <form className="reports-form" noValidate onSubmit={(e) => void start(e)}>
        <fieldset className="reports-kinds" disabled={running}>
          <legend>{t('reports.form.legend')}</legend>
          {exportKinds.map((k) => (
            <label key={k} className={k === kind ? 'reports-kind reports-kind-current' : 'reports-kind'}>
              <input
                type="radio"
                name="export-kind"
                value={k}
                checked={k === kind}
                onChange={() => setKind(k)}
                aria-describedby={`export-kind-${k}-hint`}
              />
              <span className="reports-kind-name">{t(`reports.kinds.${k}`)}</span>
              <span id={`export-kind-${k}-hint`} className="reports-kind-hint">
                {t(`reports.kindHints.${k}`)}
              </span>
            </label>
          ))}
        </fieldset>

        <div className="reports-options">
          <div className="reports-scope">
            {periodKinds.includes(kind) && (
              <>
                <Field label={t('reports.form.from')} error={fieldErrors.from}>
                  <input className="input reports-date" value={from} onChange={(e) => setFrom(e.target.value)} />
                </Field>
                <Field label={t('reports.form.to')} error={fieldErrors.to}>
                  <input className="input reports-date" value={to} onChange={(e) => setTo(e.target.value)} />
                </Field>
              </>
            )}
            {kind === 'inventory' && (
              <Field label={t('reports.form.date')} error={fieldErrors.date}>
                <input className="input reports-date" value={date} onChange={(e) => setDate(e.target.value)} />
              </Field>
            )}
            {kind === 'annual' && (
              <Field label={t('reports.form.year')} error={fieldErrors.year}>
                <input
                  className="input reports-year"
                  inputMode="numeric"
                  value={year}
                  onChange={(e) => setYear(e.target.value)}
                />
              </Field>
            )}
          </div>

          {kind === 'audit' ? (
            <p className="reports-note">{t('reports.form.formatZip')}</p>
          ) : (
            <fieldset className="reports-formats">
              <legend>{t('reports.form.format')}</legend>
              {(['xlsx', 'csv'] as const).map((f) => (
                <label key={f} className="reports-format">
                  <input
                    type="radio"
                    name="export-format"
                    value={f}
                    checked={format === f}
                    onChange={() => setFormat(f)}
                  />
                  {f === 'xlsx' ? t('reports.form.formatXlsx') : t('reports.form.formatCsv')}
                </label>
              ))}
            </fieldset>
          )}

          <Field
            label={t('reports.form.folder')}
            hint={t('reports.form.folderHint', { folder: defaultFolder(info.dataPath) })}
            className="reports-folder"
          >
            <input
              className="input"
              type="text"
              spellCheck={false}
              autoComplete="off"
              value={folder}
              placeholder={defaultFolder(info.dataPath)}
              onChange={(e) => setFolder(e.target.value)}
            />
          </Field>

          <div className="reports-actions">
            <button type="submit" className="button button-primary" disabled={running || starting}>
              {t('reports.form.start')}
            </button>
          </div>
        </div>
      </form>

      {/* Stays after the end: a finished export shows its full count, a cancelled one where it stopped. */}
      {job && (
        <section className="reports-progress" aria-label={t('reports.progress.label')}>
          <progress max={Math.max(total, 1)} value={done} aria-label={t('reports.progress.label')} />
          <span className="reports-progress-rows" role="status">
            {t('reports.progress.rows', { done: formatNumber(done), total: formatNumber(total) })}
          </span>
          {running && (
            <button type="button" className="button button-quiet" disabled={cancelling} onClick={() => void cancel()}>
              {cancelling ? t('reports.progress.cancelling') : t('reports.progress.cancel')}
            </button>
          )}
        </section>
      )}

      {outcome?.kind === 'done' && (
        <div className="reports-result" role="status">
          <p>{t('reports.result.done')}</p>
          <ul>
            {outcome.files.map((f) => (
              <li key={f}>
                <code>{f}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      {outcome?.kind === 'cancelled' && (
        <p className="reports-result" role="status">
          {t('reports.result.cancelled')}
        </p>
      )}
      {outcome?.kind === 'failed' && (
        <p className="notice-error" role="alert">
          {t('reports.result.failed', { reason: outcome.text })}
        </p>
      )}
    </div>
  );
}
