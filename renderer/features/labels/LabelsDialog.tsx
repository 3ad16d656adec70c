/**
 * Choosing label stock and copies, with the labels drawn inline by the print view itself: what the
 * dialog shows is exactly what the printer and the PDF get.
 */
import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  formatLabelSelection,
  maxLabels,
  maxQuantity,
  type LabelEntry,
  type LabelKind,
} from '../../../shared/labels/selection';
import { papers, type PaperId } from '../../../shared/print/papers';
import { call, errorText } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { formatNumber } from '../../components/format';
import { LabelsView, labelsPerSheet } from '../../print/labels/LabelsView';
import '../../print/print.css';
import './labels-dialog.css';

export const labelPapers = ['label-60x40', 'label-100x70', 'a4-label-sheet'] as const satisfies readonly PaperId[];
export type LabelPaper = (typeof labelPapers)[number];

export interface LabelsDialogProps {
  open: boolean;
  kind: LabelKind;
  /** The records; their copies are replaced by the count the keeper chooses. */
  entries: Omit<LabelEntry, 'copies'>[];
  /** Copies of each label to start with (e.g. the quantity received: one label per unit). */
  initialCopies?: number;
  /** For batch labels: the base unit of the quantity that may be printed on the label. */
  unit?: string;
  onClose(): void;
}

type DrawState = { status: 'drawing' | 'ready' } | { status: 'failed'; reason: string };

/** A whole number in range from a text field, or null while it is not one. */
function wholeNumber(text: string, min: number, max: number): number | null {
  if (!/^\d{1,10}$/.test(text.trim())) return null;
  const n = Number(text.trim());
  return n >= min && n <= max ? n : null;
}

export function LabelsDialog({ open, kind, entries, initialCopies = 1, unit, onClose }: LabelsDialogProps) {
  const { t } = useTranslation();
  const [paper, setPaper] = useState<LabelPaper>('label-60x40');
  const [copiesText, setCopiesText] = useState(String(Math.min(initialCopies, maxLabels)));
  const [quantityText, setQuantityText] = useState('');
  const previewId = useId();

  const maxCopies = Math.max(1, Math.floor(maxLabels / Math.max(1, entries.length)));
  const copies = wholeNumber(copiesText, 1, maxCopies);
  const quantity = quantityText.trim() === '' ? undefined : wholeNumber(quantityText, 1, maxQuantity);
  const valid = copies !== null && quantity !== null;
  // The last valid selection stays on screen while a field is being retyped.
  const nextTarget =
    valid && entries.length > 0
      ? formatLabelSelection({
          kind,
          entries: entries.map((e) => ({ ...e, copies, ...(quantity !== undefined ? { quantity } : {}) })),
        })
      : null;
  const [target, setTarget] = useState(nextTarget ?? '');
  if (nextTarget !== null && nextTarget !== target) setTarget(nextTarget);

  const viewKey = `${target}|${paper}`;
  const [drawState, setDrawState] = useState<{ viewKey: string; state: DrawState }>({
    viewKey,
    state: { status: 'drawing' },
  });
  const state: DrawState = drawState.viewKey === viewKey ? drawState.state : { status: 'drawing' };
  const ready = useCallback(() => setDrawState({ viewKey, state: { status: 'ready' } }), [viewKey]);
  const failed = useCallback(
    (reason: string) => setDrawState({ viewKey, state: { status: 'failed', reason } }),
    [viewKey],
  );

  const [busy, setBusy] = useState<'dialog' | 'pdf' | null>(null);
  const [outcome, setOutcome] = useState<{ kind: 'done' | 'error'; text: string } | null>(null);
  // Label copies live in the selection itself, so the printout is always one copy of it.
  const job = { kind: 'labels' as const, target, paper };
  const canPrint = state.status === 'ready' && valid && busy === null;

  async function print() {
    setBusy('dialog');
    setOutcome(null);
    const result = await call('print:print', { job, copies: 1, silent: false, printer: null });
    setOutcome(
      result.ok
        ? { kind: 'done', text: t('print.preview.printed') }
        : { kind: 'error', text: errorText(t, result.error) },
    );
    setBusy(null);
  }

  async function savePdf() {
    setBusy('pdf');
    setOutcome(null);
    const result = await call('print:save-pdf', { job, fileName: t('labels.dialog.fileName') });
    if (!result.ok) setOutcome({ kind: 'error', text: errorText(t, result.error) });
    else if (result.value.path !== null)
      setOutcome({ kind: 'done', text: t('print.preview.savedPdf', { path: result.value.path }) });
    setBusy(null);
  }

  const total = (copies ?? 0) * entries.length;
  const title =
    kind === 'items'
      ? t('labels.dialog.titleItems')
      : kind === 'batches'
        ? t('labels.dialog.titleBatches')
        : t('labels.dialog.titleLocations');
  return (
    <Dialog
      title={title}
      open={open}
      onClose={onClose}
      wide
      actions={
        <>
          {outcome && (
            <p
              className={outcome.kind === 'error' ? 'notice-error labels-dialog-outcome' : 'labels-dialog-outcome'}
              role={outcome.kind === 'error' ? 'alert' : 'status'}
            >
              {outcome.text}
            </p>
          )}
          <button type="button" className="button button-quiet" onClick={onClose}>
            {t('labels.dialog.close')}
          </button>
          <button type="button" className="button button-quiet" disabled={!canPrint} onClick={() => void savePdf()}>
            {busy === 'pdf' ? t('print.preview.saving') : t('print.preview.savePdf')}
          </button>
          <button type="button" className="button button-primary" disabled={!canPrint} onClick={() => void print()}>
            {busy === 'dialog' ? t('print.preview.printing') : t('print.preview.printDialog')}
          </button>
        </>
      }
    >
      <div className="labels-dialog-options">
        <Field label={t('labels.dialog.paper')}>
          <select className="input" value={paper} onChange={(e) => setPaper(e.target.value as LabelPaper)}>
            {labelPapers.map((p) => (
              <option key={p} value={p}>
                {t(`labels.dialog.papers.${p}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label={t('labels.dialog.copies')}
          error={copies === null ? t('labels.dialog.copiesInvalid', { max: formatNumber(maxCopies) }) : null}
        >
          <input
            className="input labels-dialog-number"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            value={copiesText}
            onChange={(e) => setCopiesText(e.target.value)}
          />
        </Field>
        {kind === 'batches' && (
          <Field
            label={t('labels.dialog.quantity')}
            error={quantity === null ? t('labels.dialog.quantityInvalid') : null}
          >
            <input
              className="input labels-dialog-number"
              type="text"
              inputMode="numeric"
              autoComplete="off"
              placeholder={unit}
              value={quantityText}
              onChange={(e) => setQuantityText(e.target.value)}
            />
          </Field>
        )}
        <p className="labels-dialog-count" role="status">
          {paper === 'a4-label-sheet'
            ? t('labels.dialog.sheets', {
                n: formatNumber(total),
                sheets: formatNumber(Math.ceil(total / labelsPerSheet)),
              })
            : t('labels.dialog.count', { n: formatNumber(total) })}
        </p>
      </div>
      {state.status === 'failed' && (
        <p className="notice-error" role="alert">
          {state.reason}
        </p>
      )}
      <div
        id={previewId}
        className={`labels-preview labels-preview-${paper}`}
        role="region"
        aria-label={t('labels.dialog.preview')}
        aria-busy={state.status === 'drawing'}
        data-ready={state.status === 'ready' ? 'true' : 'false'}
      >
        {state.status === 'drawing' && <p className="labels-preview-loading">{t('labels.dialog.loading')}</p>}
        {target !== '' && (
          <div className="print-root">
            <LabelsView key={viewKey} target={target} paper={papers[paper]} params={{}} ready={ready} failed={failed} />
          </div>
        )}
      </div>
    </Dialog>
  );
}
