import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportJob, ExportRequest } from '../../../shared/contract';
import { roleMay } from '../../../shared/permissions';
import { call, errorText } from '../../api/client';
import { useDepot } from '../../app/depot';
import { Dialog } from '../../components/Dialog';
import { formatNumber } from '../../components/format';
import './reports.css';

/** How often the running export is asked how far it is. */
const pollMs = 250;

/** The exports folder the backend uses when none is given, in the data folder's own path style. */
export function defaultFolder(dataPath: string): string {
  return `${dataPath}${dataPath.includes('\\') ? '\\' : '/'}exports`;
}

type Outcome = { kind: 'done'; files: string[] } | { kind: 'cancelled' } | { kind: 'failed'; text: string };

/**
 * One export job as the window follows it: start it, poll `exports:progress` until it ends, cancel it.
 * The Reports page and the export buttons of the stocktake and incident screens all run exports through this.
 */
export function useExportJob() {
  const { t } = useTranslation();
  const [job, setJob] = useState<ExportJob | null>(null);
  const [starting, setStarting] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const running = job?.state === 'running';

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

  async function start(request: ExportRequest) {
    if (running || starting) return;
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

  return { job, running, starting, cancelling, outcome, start, cancel };
}

export type ExportJobState = ReturnType<typeof useExportJob>;

/** The job's progress bar with its cancel button, then how it ended and the files it wrote. */
export function ExportJobStatus({ state }: { state: ExportJobState }) {
  const { t } = useTranslation();
  const { job, running, cancelling, outcome } = state;
  const end = useRef<HTMLDivElement>(null);
  // On a 768-pixel screen the Reports page's list of kinds pushes the result below the fold: bring it into view.
  useEffect(() => {
    if (outcome) end.current?.scrollIntoView({ block: 'nearest' });
  }, [outcome]);
  const total = job?.rowsTotal ?? 0;
  const done = Math.min(job?.rowsDone ?? 0, total);
  return (
    <>
      {/* Stays after the end: a finished export shows its full count, a cancelled one where it stopped. */}
      {job && (
        <section className="reports-progress" aria-label={t('reports.progress.label')}>
          <progress max={Math.max(total, 1)} value={done} aria-label={t('reports.progress.label')} />
          <span className="reports-progress-rows" role="status">
            {t('reports.progress.rows', { done: formatNumber(done), total: formatNumber(total) })}
          </span>
          {running && (
            <button
              type="button"
              className="button button-quiet"
              disabled={cancelling}
              onClick={() => void state.cancel()}
            >
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
      <div ref={end} />
    </>
  );
}

/**
 * "导出结果" / "导出" on a stocktake session or an incident report: the same export job as the Reports
 * page, to the default exports folder, followed in a dialog. Hidden from those who may not export.
 */
export function ExportButton({
  request,
  label,
  what,
}: {
  request: { kind: 'stocktake'; stocktakeId: string } | { kind: 'incident'; incidentId: string };
  label: string;
  /** What is exported, for the dialog's title ("盘点结果 PD-2026-00001"). */
  what: string;
}) {
  const { t } = useTranslation();
  const { user, info } = useDepot();
  const [open, setOpen] = useState(false);
  const state = useExportJob();
  if (!roleMay(user.role, 'export')) return null;
  const busy = state.running || state.starting;
  return (
    <>
      <button type="button" className="button button-quiet" onClick={() => setOpen(true)}>
        {label}
      </button>
      <Dialog
        title={t('reports.quick.title', { what })}
        open={open}
        onClose={() => setOpen(false)}
        actions={
          <>
            <button type="button" className="button button-quiet" onClick={() => setOpen(false)}>
              {t('reports.quick.close')}
            </button>
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => void state.start({ ...request, format: 'csv' })}
            >
              {t('reports.quick.startCsv')}
            </button>
            <button
              type="button"
              className="button button-primary"
              disabled={busy}
              onClick={() => void state.start({ ...request, format: 'xlsx' })}
            >
              {t('reports.quick.start')}
            </button>
          </>
        }
      >
        <div className="reports-quick">
          <p className="reports-note">{t('reports.quick.hint', { folder: defaultFolder(info.dataPath) })}</p>
          <ExportJobStatus state={state} />
        </div>
      </Dialog>
    </>
  );
}
