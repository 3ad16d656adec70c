/**
 * The print preview: the printout drawn by its registered print view — the very component the print
 * route renders for the printer and the PDF — beside the choices of paper, copies and printer. Printing
 * goes through the shell (system dialog, straight to a printer, or a PDF file); a success is logged,
 * which numbers the next print as a reprint (补打 第N次), and its choices become the kind's defaults.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Printer, PrintLogEntry } from '../../shared/contract';
import type { PrintKind, PrintTarget } from '../../shared/print/jobs';
import { papers, type PaperId } from '../../shared/print/papers';
import { factoryPrintDefault, suitedPapers } from '../../shared/print/suited-papers';
import { call, errorText, useChannel } from '../api/client';
import { useDepot } from '../app/depot';
import { loadBarcodeEncoder } from '../components/Barcode';
import { formatDateTime } from '../components/format';
import { printViews } from './registry';
import './print.css';
import './print-preview.css';

export interface PrintPreviewProps {
  kind: PrintKind;
  /** The record printed (a document id for slips). */
  target: string;
  /** What is printed, for the title: "出库单 CK-2026-00042". */
  title: string;
  /** The PDF's suggested file name without extension, e.g. the slip number. */
  fileStem: string;
  onClose(): void;
}

type Outcome = { kind: 'done'; text: string } | { kind: 'error'; text: string } | null;
type Busy = 'dialog' | 'direct' | 'pdf' | null;
type ViewState = { status: 'drawing' } | { status: 'ready' } | { status: 'failed'; reason: string };

/** The print log of a printout: how many prints so far, for the reprint number and the entry buttons. */
export function usePrintHistory(kind: PrintKind, target: string) {
  return useChannel('print:history', { kind, target });
}

/** A file name the save dialog accepts: no folder separators or characters Windows refuses. */
function pdfFileName(stem: string): string {
  const clean = stem.replace(/[/\\:*?"<>|\p{Cc}]+/gu, '-').trim();
  return `${clean || 'printout'}.pdf`;
}

export function PrintPreview({ kind, target, title, fileStem, onClose }: PrintPreviewProps) {
  const { t } = useTranslation();
  const { settings, settingsChanged } = useDepot();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const saved = settings.printDefaults[kind] ?? factoryPrintDefault(kind);
  const [paper, setPaper] = useState<PaperId>(saved.paper);
  const [copies, setCopies] = useState(String(saved.copies));
  const [printer, setPrinter] = useState<string | null>(saved.printer);
  const printers = useChannel('print:printers');
  const { state: history, reload: reloadHistory } = usePrintHistory(kind, target);
  const [busy, setBusy] = useState<Busy>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [drawnView, setView] = useState<ViewState & { key: string }>({ status: 'drawing', key: '' });
  const [encoderLoaded, setEncoderLoaded] = useState(false);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    void loadBarcodeEncoder().then(() => setEncoderLoaded(true));
  }, []);

  const installed: Printer[] = printers.state.status === 'ok' ? printers.state.value : [];
  // The remembered printer if this PC still has it, else the system default, else the first.
  const chosenPrinter =
    installed.find((p) => p.name === printer)?.name ??
    installed.find((p) => p.isDefault)?.name ??
    installed[0]?.name ??
    null;

  const earlier = history.status === 'ok' ? history.value.count : null;
  const copiesNumber = Number(copies);
  const copiesValid = /^\d{1,2}$/.test(copies) && copiesNumber >= 1 && copiesNumber <= 99;
  const params: Record<string, string> = earlier ? { reprint: String(earlier) } : {};
  const job: PrintTarget = { kind, target, paper, params };
  // A new paper or reprint number draws the printout afresh: until its view reports, it is drawing.
  const viewKey = `${paper}|${earlier ?? ''}`;
  const view: ViewState = drawnView.key === viewKey ? drawnView : { status: 'drawing' };
  const drawn = useCallback(() => setView({ status: 'ready', key: viewKey }), [viewKey]);
  const failed = useCallback((reason: string) => setView({ status: 'failed', reason, key: viewKey }), [viewKey]);
  const canPrint = view.status === 'ready' && earlier !== null && copiesValid && busy === null;

  async function afterSuccess(via: 'dialog' | 'direct' | 'pdf', text: string) {
    const logged = await call('print:record', {
      kind,
      target,
      paper,
      copies: via === 'pdf' ? 1 : copiesNumber,
      via,
      printer: via === 'direct' ? chosenPrinter : null,
    });
    reloadHistory();
    if (!logged.ok) {
      setOutcome({ kind: 'error', text: t('print.preview.logFailed', { reason: errorText(t, logged.error) }) });
      return;
    }
    if (via !== 'pdf') {
      const remembered = await call('settings:update', {
        printDefaults: { [kind]: { printer: chosenPrinter, paper, copies: copiesNumber } },
      });
      if (remembered.ok) settingsChanged(remembered.value);
    }
    setOutcome({ kind: 'done', text });
  }

  async function print(silent: boolean) {
    setBusy(silent ? 'direct' : 'dialog');
    setOutcome(null);
    // In the dialog the chosen printer is only preselected; the keeper may pick another there.
    const result = await call('print:print', { job, copies: copiesNumber, silent, printer: chosenPrinter });
    if (result.ok) {
      await afterSuccess(
        silent ? 'direct' : 'dialog',
        silent
          ? t('print.preview.printedTo', { printer: displayName(installed, chosenPrinter), copies: copiesNumber })
          : t('print.preview.printed'),
      );
    } else {
      setOutcome({ kind: 'error', text: errorText(t, result.error) });
    }
    setBusy(null);
  }

  async function savePdf() {
    setBusy('pdf');
    setOutcome(null);
    const result = await call('print:save-pdf', { job, fileName: pdfFileName(fileStem) });
    if (!result.ok) setOutcome({ kind: 'error', text: errorText(t, result.error) });
    else if (result.value.path !== null)
      await afterSuccess('pdf', t('print.preview.savedPdf', { path: result.value.path }));
    setBusy(null);
  }

  const View = printViews[kind];
  const lastPrint: PrintLogEntry | undefined = history.status === 'ok' ? history.value.entries.at(-1) : undefined;

  return (
    <dialog
      ref={dialogRef}
      className="print-preview"
      aria-label={t('print.preview.title', { what: title })}
      onCancel={(e) => {
        e.stopPropagation();
        e.preventDefault();
        if (busy === null) onClose();
      }}
    >
      <div className="print-preview-desk" role="region" aria-label={t('print.preview.pages')}>
        {!View ? (
          <p className="notice-error" role="alert">
            {t('print.unknownKind', { kind })}
          </p>
        ) : view.status === 'failed' ? (
          <p className="notice-error" role="alert">
            {view.reason}
          </p>
        ) : null}
        {View && encoderLoaded && view.status !== 'failed' && (
          <div className="print-root" key={viewKey}>
            <View target={target} paper={papers[paper]} params={params} ready={drawn} failed={failed} />
          </div>
        )}
      </div>

      <aside className="print-preview-panel">
        <h2 className="print-preview-title">
          {t('print.preview.heading')}
          {/* A slip number must not break at its dashes. */}
          <span className="print-preview-what">{title}</span>
        </h2>
        <p className="print-preview-history" role="status">
          {earlier === null
            ? t('print.preview.historyLoading')
            : earlier === 0
              ? t('print.preview.neverPrinted')
              : t('print.preview.printedBefore', {
                  times: earlier,
                  last: lastPrint ? formatDateTime(lastPrint.printedAt) : '',
                })}
        </p>
        {earlier !== null && earlier > 0 && (
          <p className="print-preview-reprint">{t('print.preview.reprintNote', { n: earlier })}</p>
        )}

        <label className="print-preview-field">
          <span>{t('print.preview.paper')}</span>
          <select
            className="input"
            value={paper}
            onChange={(e) => setPaper(e.target.value as PaperId)}
            disabled={busy !== null}
          >
            {suitedPapers[kind].map((id) => (
              <option key={id} value={id}>
                {t(`print.papers.${id}`)}
              </option>
            ))}
          </select>
        </label>

        <label className="print-preview-field">
          <span>{t('print.preview.copies')}</span>
          <input
            className="input print-preview-copies"
            inputMode="numeric"
            value={copies}
            onChange={(e) => setCopies(e.target.value.trim())}
            aria-invalid={copiesValid ? undefined : true}
            disabled={busy !== null}
          />
        </label>
        {!copiesValid && (
          <p className="field-error" role="alert">
            {t('print.preview.copiesInvalid')}
          </p>
        )}

        <label className="print-preview-field">
          <span>{t('print.preview.printer')}</span>
          <select
            className="input"
            value={chosenPrinter ?? ''}
            onChange={(e) => setPrinter(e.target.value)}
            disabled={busy !== null || installed.length === 0}
          >
            {installed.length === 0 && <option value="">{t('print.preview.noPrinters')}</option>}
            {installed.map((p) => (
              <option key={p.name} value={p.name}>
                {p.isDefault ? t('print.preview.systemDefault', { name: p.displayName }) : p.displayName}
              </option>
            ))}
          </select>
        </label>
        {printers.state.status === 'error' && (
          <p className="field-error" role="alert">
            {t('print.preview.printersFailed', { reason: errorText(t, printers.state.error) })}
          </p>
        )}

        <div className="print-preview-actions">
          <button
            type="button"
            className="button button-primary"
            disabled={!canPrint || chosenPrinter === null}
            onClick={() => void print(true)}
          >
            {busy === 'direct' ? t('print.preview.printing') : t('print.preview.printDirect')}
          </button>
          <button type="button" className="button button-quiet" disabled={!canPrint} onClick={() => void print(false)}>
            {busy === 'dialog' ? t('print.preview.printing') : t('print.preview.printDialog')}
          </button>
          <button type="button" className="button button-quiet" disabled={!canPrint} onClick={() => void savePdf()}>
            {busy === 'pdf' ? t('print.preview.saving') : t('print.preview.savePdf')}
          </button>
        </div>
        {view.status === 'drawing' && View && (
          <p className="print-preview-note" role="status">
            {t('print.preview.preparing')}
          </p>
        )}
        {outcome?.kind === 'done' && (
          <p className="print-preview-done" role="status">
            {outcome.text}
          </p>
        )}
        {outcome?.kind === 'error' && (
          <p className="notice-error" role="alert">
            {outcome.text}
          </p>
        )}

        <button
          type="button"
          className="button button-quiet print-preview-close"
          disabled={busy !== null}
          onClick={onClose}
        >
          {t('print.preview.close')}
        </button>
      </aside>
    </dialog>
  );
}

function displayName(printers: Printer[], name: string | null): string {
  return printers.find((p) => p.name === name)?.displayName ?? name ?? '';
}
