import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentSummary, Posted } from '../../../shared/contract';
import { call, errorText } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';

interface ReverseDialogProps {
  open: boolean;
  doc: Pick<DocumentSummary, 'id' | 'number'>;
  onClose(): void;
  onPosted(posted: Posted): void;
  /** The user may not reverse at once: the dialog submits a reversal request for a supervisor instead. */
  asRequest?: boolean;
  onRequested?(): void;
}

/**
 * 冲销: reverses a whole document with a reason. What the backend refuses (already reversed, a
 * reversal itself, returns posted against the dispatch, stock already gone) is said here, and nothing
 * is written.
 */
export function ReverseDialog({ open, doc, onClose, onPosted, asRequest, onRequested }: ReverseDialogProps) {
  const { t } = useTranslation();
  const formId = useId();
  const [busy, setBusy] = useState(false);
  return (
    <Dialog
      title={t('documents.reverse.title', { number: doc.number })}
      open={open}
      onClose={() => {
        if (!busy) onClose();
      }}
      actions={
        <>
          <button type="button" className="button button-quiet" disabled={busy} onClick={onClose}>
            {t('common.actions.cancel')}
          </button>
          <button type="submit" form={formId} className="button button-primary" disabled={busy}>
            {busy
              ? asRequest
                ? t('approvals.request.submitting')
                : t('documents.reverse.posting')
              : asRequest
                ? t('approvals.request.reversalSubmit')
                : t('documents.reverse.submit')}
          </button>
        </>
      }
    >
      <ReverseForm
        formId={formId}
        doc={doc}
        onBusy={setBusy}
        onPosted={onPosted}
        asRequest={asRequest ?? false}
        onRequested={() => onRequested?.()}
      />
    </Dialog>
  );
}

interface ReverseFormProps {
  formId: string;
  doc: Pick<DocumentSummary, 'id' | 'number'>;
  onBusy(busy: boolean): void;
  onPosted(posted: Posted): void;
  asRequest: boolean;
  onRequested(): void;
}

/** Mounted each time the dialog opens, so every reversal starts from an empty reason. */
function ReverseForm({ formId, doc, onBusy, onPosted, asRequest, onRequested }: ReverseFormProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const inFlight = useRef(false);
  const reasonRef = useRef<HTMLTextAreaElement>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (inFlight.current) return;
    if (!reason.trim()) {
      setMissing(true);
      reasonRef.current?.focus();
      return;
    }
    inFlight.current = true;
    onBusy(true);
    setRefusal(null);
    const input = { documentId: doc.id, reason: reason.trim() };
    const result = asRequest
      ? await call('approvals:submit', { kind: 'reversal', input })
      : await call('stock:reverse', input);
    inFlight.current = false;
    onBusy(false);
    if (!result.ok) setRefusal(t('documents.reverse.refused', { reason: errorText(t, result.error) }));
    else if ('number' in result.value) onPosted(result.value);
    else onRequested();
  }

  return (
    <form id={formId} className="document-dialog-form" onSubmit={onSubmit} noValidate>
      <p className="document-dialog-explain">{t('documents.reverse.explain')}</p>
      {asRequest && <p className="document-dialog-explain">{t('approvals.request.reversalNote')}</p>}
      <Field
        label={t('documents.reverse.reason')}
        hint={t('documents.reverse.reasonHint')}
        error={missing && !reason.trim() ? t('documents.reverse.reasonRequired') : null}
      >
        <textarea
          ref={reasonRef}
          className="input document-dialog-text"
          rows={3}
          maxLength={500}
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
            setRefusal(null);
          }}
          autoFocus
        />
      </Field>
      {refusal && (
        <p className="notice-error" role="alert">
          {refusal}
        </p>
      )}
    </form>
  );
}
