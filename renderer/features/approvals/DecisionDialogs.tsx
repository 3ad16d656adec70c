import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApprovalRequest, ChannelOutput } from '../../../shared/contract';
import { call, errorText } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { formatDateTime } from '../../components/format';
import { linesText, requestKindText } from './approvalText';

/** What is asked for, as both decision dialogs show it before anything is decided. */
function RequestSummary({ request }: { request: ApprovalRequest }) {
  const { t } = useTranslation();
  return (
    <div className="approvals-dialog-summary">
      <p>
        {t('approvals.approveDialog.requestedBy', {
          name: request.requestedByName,
          at: formatDateTime(request.requestedAt),
        })}
      </p>
      <p>
        {requestKindText(t, request)}：{linesText(t, request)}
      </p>
      {request.reason && <p>{request.reason}</p>}
    </div>
  );
}

interface ApproveDialogProps {
  request: ApprovalRequest;
  onClose(): void;
  onApproved(posted: ChannelOutput<'approvals:approve'>): void;
}

/** 批准: posts the request through its posting; a refusal (own request, stock gone) is said here and nothing is posted. */
export function ApproveDialog({ request, onClose, onApproved }: ApproveDialogProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const inFlight = useRef(false);
  const kind = t(`approvals.kinds.${request.kind}`);

  async function approve() {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setRefusal(null);
    const result = await call('approvals:approve', { id: request.id });
    inFlight.current = false;
    setBusy(false);
    if (result.ok) onApproved(result.value);
    else setRefusal(t('approvals.approveDialog.refused', { reason: errorText(t, result.error) }));
  }

  return (
    <Dialog
      title={t('approvals.approveDialog.title', { kind })}
      open
      onClose={() => {
        if (!inFlight.current) onClose();
      }}
      actions={
        <>
          <button type="button" className="button button-quiet" disabled={busy} onClick={onClose}>
            {t('common.actions.cancel')}
          </button>
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void approve()}>
            {busy ? t('approvals.approveDialog.posting') : t('approvals.approveDialog.submit')}
          </button>
        </>
      }
    >
      <RequestSummary request={request} />
      <p className="approvals-note">{t('approvals.approveDialog.explain')}</p>
      {refusal && (
        <p className="notice-error" role="alert">
          {refusal}
        </p>
      )}
    </Dialog>
  );
}

interface RejectDialogProps {
  request: ApprovalRequest;
  onClose(): void;
  onRejected(request: ApprovalRequest): void;
}

/** 驳回 with a reason the requester will read; nothing is posted. */
export function RejectDialog({ request, onClose, onRejected }: RejectDialogProps) {
  const { t } = useTranslation();
  const formId = useId();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const inFlight = useRef(false);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const kind = t(`approvals.kinds.${request.kind}`);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (inFlight.current) return;
    if (!reason.trim()) {
      setMissing(true);
      reasonRef.current?.focus();
      return;
    }
    inFlight.current = true;
    setBusy(true);
    setRefusal(null);
    const result = await call('approvals:reject', { id: request.id, reason: reason.trim() });
    inFlight.current = false;
    setBusy(false);
    if (result.ok) onRejected(result.value);
    else setRefusal(t('approvals.rejectDialog.refused', { reason: errorText(t, result.error) }));
  }

  return (
    <Dialog
      title={t('approvals.rejectDialog.title', { kind })}
      open
      onClose={() => {
        if (!inFlight.current) onClose();
      }}
      actions={
        <>
          <button type="button" className="button button-quiet" disabled={busy} onClick={onClose}>
            {t('common.actions.cancel')}
          </button>
          <button type="submit" form={formId} className="button button-primary" disabled={busy}>
            {busy ? t('approvals.rejectDialog.saving') : t('approvals.rejectDialog.submit')}
          </button>
        </>
      }
    >
      <form id={formId} onSubmit={(e) => void onSubmit(e)} noValidate>
        <RequestSummary request={request} />
        <Field
          label={t('approvals.rejectDialog.reason')}
          hint={t('approvals.rejectDialog.reasonHint')}
          error={missing && !reason.trim() ? t('approvals.rejectDialog.reasonRequired') : null}
        >
          <textarea
            ref={reasonRef}
            className="input approvals-dialog-text"
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
    </Dialog>
  );
}
