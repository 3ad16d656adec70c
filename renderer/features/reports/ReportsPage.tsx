import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportKind, ExportRequest, ReportTableQuery } from '../../../shared/contract';
import { exportKinds } from '../../../shared/schemas/exports';
import { roleMay } from '../../../shared/permissions';
import { errorText, useChannel } from '../../api/client';
import { useDepot } from '../../app/depot';
import { Field } from '../../components/Field';
import { formatDateTime, today } from '../../components/format';
import { defaultFolder, ExportJobStatus, useExportJob } from './ExportJob';
import { ReportPrintButtons } from './ReportPrintButtons';
import './reports.css';

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
  const [stocktakeId, setStocktakeId] = useState('');
  const [incidentId, setIncidentId] = useState('');
  const [fieldErrors, setFieldErrors] = useState<
    Partial<Record<'from' | 'to' | 'date' | 'year' | 'stocktake' | 'incident', string>>
  >({});
  const exportJob = useExportJob();

  if (!roleMay(user.role, 'export')) {
    return (
      <div className="reports-page">
        <p className="notice-error">{t('reports.notPermitted')}</p>
      </div>
    );
  }

  const { running, starting } = exportJob;

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
    if (kind === 'stocktake' && !stocktakeId) {
      errors.stocktake = t('reports.form.chooseRequired', { what: t('reports.form.stocktake') });
    }
    if (kind === 'incident' && !incidentId) {
      errors.incident = t('reports.form.chooseRequired', { what: t('reports.form.incident') });
    }
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return null;
    const common = { format, ...(folder.trim() ? { folder: folder.trim() } : {}) };
    if (kind === 'inventory') return { kind, date, ...common };
    if (kind === 'annual') return { kind, year: Number(year), ...common };
    if (kind === 'stocktake') return { kind, stocktakeId, ...common };
    if (kind === 'incident') return { kind, incidentId, ...common };
    return { kind: kind as 'ledger', from, to, ...common };
  }

  /** The printed report the current choice names (ledger summary or inventory), once its dates are valid. */
  function printedReport(): ReportTableQuery | null {
    const request = validate();
    if (request?.kind === 'ledger') return { report: 'ledger-summary', from: request.from, to: request.to };
    if (request?.kind === 'inventory') return { report: 'inventory', date: request.date };
    return null;
  }

  function start(event: FormEvent) {
    event.preventDefault();
    if (running || starting) return;
    const request = validate();
    if (request) void exportJob.start(request);
  }

  return (
    <div className="reports-page">
      <form className="reports-form" noValidate onSubmit={start}>
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
            {kind === 'stocktake' && (
              <SessionChooser value={stocktakeId} onChange={setStocktakeId} error={fieldErrors.stocktake} />
            )}
            {kind === 'incident' && (
              <IncidentChooser value={incidentId} onChange={setIncidentId} error={fieldErrors.incident} />
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
            {(kind === 'ledger' || kind === 'inventory') && <ReportPrintButtons report={printedReport} />}
          </div>
          {(kind === 'ledger' || kind === 'inventory') && <p className="reports-note">{t('reports.print.hint')}</p>}
        </div>
      </form>

      <ExportJobStatus state={exportJob} />
    </div>
  );
}

/** The count sessions, newest first, to choose the one whose result to export. */
function SessionChooser({ value, onChange, error }: { value: string; onChange(id: string): void; error?: string }) {
  const { t } = useTranslation();
  const { state } = useChannel('stocktake:list', undefined);
  const sessions = state.status === 'ok' ? state.value : [];
  return (
    <Field
      label={t('reports.form.stocktake')}
      error={
        error ??
        (state.status === 'error' ? t('reports.form.listFailed', { reason: errorText(t, state.error) }) : undefined)
      }
      hint={state.status === 'ok' && sessions.length === 0 ? t('reports.form.noStocktakes') : undefined}
    >
      <select className="input reports-choice" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('reports.form.choose')}</option>
        {sessions.map((s) => (
          <option key={s.id} value={s.id}>
            {`${s.number} · ${t(`stocktake.status.${s.status}`)} · ${formatDateTime(s.startedAt)}`}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** The incidents, the open one first, to choose the one whose dispatch report to export. */
function IncidentChooser({ value, onChange, error }: { value: string; onChange(id: string): void; error?: string }) {
  const { t } = useTranslation();
  const { state } = useChannel('incidents:list', undefined);
  const incidents = state.status === 'ok' ? state.value : [];
  return (
    <Field
      label={t('reports.form.incident')}
      error={
        error ??
        (state.status === 'error' ? t('reports.form.listFailed', { reason: errorText(t, state.error) }) : undefined)
      }
      hint={state.status === 'ok' && incidents.length === 0 ? t('reports.form.noIncidents') : undefined}
    >
      <select className="input reports-choice" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('reports.form.choose')}</option>
        {incidents.map((i) => (
          <option key={i.id} value={i.id}>
            {`${i.name} · ${formatDateTime(i.startedAt)}`}
          </option>
        ))}
      </select>
    </Field>
  );
}
