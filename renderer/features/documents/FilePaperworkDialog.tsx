import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '../../../shared/contract';
import { call, errorText } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';

interface FilePaperworkDialogProps {
  open: boolean;
  doc: Pick<DocumentSummary, 'id' | 'number' | 'paperworkDue'>;
  onClose(): void;
  /** The order number was filed. */
  onFiled(orderNo: string): void;
}

/** 补办手续: files the allocation order number of an emergency dispatch that left on a phone order. */
export function FilePaperworkDialog({ open, doc, onClose, onFiled }: FilePaperworkDialogProps) {
  const { t } = useTranslation();
  const formId = useId();
  const [busy, setBusy] = useState(false);
  return (
    <Dialog
      title={t('documents.file.title', { number: doc.number })}
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
            {busy ? t('documents.file.saving') : t('documents.file.submit')}
          </button>
        </>
      }
    >
      <FilePaperworkForm formId={formId} doc={doc} onBusy={setBusy} onFiled={onFiled} />
    </Dialog>
  );
}

interface FilePaperworkFormProps {
  formId: string;
  doc: FilePaperworkDialogProps['doc'];
  onBusy(busy: boolean): void;
  onFiled(orderNo: string): void;
}

function FilePaperworkForm({ formId, doc, onBusy, onFiled }: FilePaperworkFormProps) {
  const { t } = useTranslation();
  const [orderNo, setOrderNo] = useState('');
  const [orderIssuer, setOrderIssuer] = useState('');
  const [remarks, setRemarks] = useState('');
  const [missing, setMissing] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const inFlight = useRef(false);
  const orderNoRef = useRef<HTMLInputElement>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (inFlight.current) return;
    if (!orderNo.trim()) {
      setMissing(true);
      orderNoRef.current?.focus();
      return;
    }
    inFlight.current = true;
    onBusy(true);
    setRefusal(null);
    const result = await call('stock:file-paperwork', {
      documentId: doc.id,
      orderNo: orderNo.trim(),
      orderIssuer: orderIssuer.trim(),
      remarks: remarks.trim(),
    });
    inFlight.current = false;
    onBusy(false);
    if (result.ok) onFiled(orderNo.trim());
    else setRefusal(t('documents.file.refused', { reason: errorText(t, result.error) }));
  }

  return (
    <form id={formId} className="document-dialog-form" onSubmit={onSubmit} noValidate>
      <p className="document-dialog-explain">
        {t('documents.file.explain')}
        {doc.paperworkDue && (
          <>
            {' '}
            <strong>{t('documents.file.due', { due: doc.paperworkDue })}</strong>
          </>
        )}
      </p>
      <Field
        label={t('documents.file.orderNo')}
        error={missing && !orderNo.trim() ? t('documents.file.orderNoRequired') : null}
      >
        <input
          ref={orderNoRef}
          className="input"
          maxLength={64}
          autoComplete="off"
          spellCheck={false}
          value={orderNo}
          onChange={(e) => {
            setOrderNo(e.target.value);
            setRefusal(null);
          }}
          autoFocus
        />
      </Field>
      <Field label={t('documents.file.orderIssuer')}>
        <input className="input" maxLength={100} value={orderIssuer} onChange={(e) => setOrderIssuer(e.target.value)} />
      </Field>
      <Field label={t('documents.file.remarks')}>
        <input className="input" maxLength={500} value={remarks} onChange={(e) => setRemarks(e.target.value)} />
      </Field>
      {refusal && (
        <p className="notice-error" role="alert">
          {refusal}
        </p>
      )}
    </form>
  );
}
