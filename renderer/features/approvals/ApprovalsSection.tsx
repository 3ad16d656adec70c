import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApprovalRequest } from '../../../shared/contract';
import { roleMay } from '../../../shared/permissions';
import { errorText } from '../../api/client';
import { areaHref } from '../../app/areas';
import { useDepot } from '../../app/depot';
import { formatDateTime, formatFen } from '../../components/format';
import { linesText, requestKindText } from './approvalText';
import { announceApprovalsChanged } from './approvalEvents';
import { ApproveDialog, RejectDialog } from './DecisionDialogs';
import { useApprovals } from './usePendingApprovals';
import './approvals.css';

type Deciding = { request: ApprovalRequest; action: 'approve' | 'reject' } | null;

/**
 * 待审批, above the documents: what keepers applied for (write-offs, reversals, dispatches above the
 * limit). A supervisor approves — the posting happens then — or rejects with a reason; everyone sees
 * what waits and, on request, what was decided.
 */
export function ApprovalsSection() {
  const { t } = useTranslation();
  const { user } = useDepot();
  const approver = roleMay(user.role, 'approve');
  const [showDecided, setShowDecided] = useState(false);
  const { state } = useApprovals(showDecided ? undefined : 'pending', 100);
  const [deciding, setDeciding] = useState<Deciding>(null);
  const [outcome, setOutcome] = useState<{ text: string; link?: { id: string; number: string } } | null>(null);
  const outcomeRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  const list = state.status === 'ok' ? state.value : state.status === 'loading' ? state.stale : undefined;
  const rows = list?.rows ?? [];
  const pendingCount = rows.filter((r) => r.status === 'pending').length;

  function decided(text: string, link?: { id: string; number: string }) {
    setDeciding(null);
    setOutcome({ text, link });
    announceApprovalsChanged();
  }

  return (
    <section className="approvals" aria-labelledby="approvals-title">
      <div className="approvals-head">
        <h2 id="approvals-title">
          {pendingCount > 0 ? t('approvals.section.titleCount', { count: pendingCount }) : t('approvals.section.title')}
        </h2>
        <p className="approvals-intro">
          {approver ? t('approvals.section.introApprover') : t('approvals.section.introKeeper')}
        </p>
        <label className="approvals-toggle">
          <input type="checkbox" checked={showDecided} onChange={(e) => setShowDecided(e.target.checked)} />
          {t('approvals.section.showDecided')}
        </label>
      </div>
      {outcome && (
        <p ref={outcomeRef} className="approvals-outcome" role="status" tabIndex={-1}>
          {outcome.text}{' '}
          {outcome.link && (
            <a href={areaHref('documents', outcome.link.id)}>
              {t('approvals.outcome.open', { number: outcome.link.number })}
            </a>
          )}
        </p>
      )}
      {state.status === 'error' && (
        <p className="notice-error" role="alert">
          {t('approvals.section.loadFailed', { reason: errorText(t, state.error) })}
        </p>
      )}
      {!list && state.status === 'loading' && <p className="approvals-note">{t('approvals.section.loading')}</p>}
      {list && rows.length === 0 && <p className="approvals-note">{t('approvals.section.none')}</p>}
      {rows.length > 0 && (
        <div className="approvals-scroll">
          <table className="approvals-table" aria-label={t('approvals.section.tableLabel')}>
            <thead>
              <tr>
                <th scope="col">{t('approvals.columns.requestedAt')}</th>
                <th scope="col">{t('approvals.columns.kind')}</th>
                <th scope="col">{t('approvals.columns.what')}</th>
                <th scope="col" className="numeric">
                  {t('approvals.columns.value')}
                </th>
                <th scope="col">{t('approvals.columns.reason')}</th>
                <th scope="col">{t('approvals.columns.requestedBy')}</th>
                <th scope="col">{t('approvals.columns.status')}</th>
                {approver && <th scope="col">{t('approvals.columns.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const kind = requestKindText(t, r);
                const names = { name: r.requestedByName, kind };
                return (
                  <tr key={r.id}>
                    <td className="approvals-nowrap">{formatDateTime(r.requestedAt)}</td>
                    <td className="approvals-nowrap">{kind}</td>
                    <td>{linesText(t, r)}</td>
                    <td className="numeric">{formatFen(r.totalValueFen)}</td>
                    <td className="approvals-reason">{r.reason}</td>
                    <td className="approvals-nowrap">{r.requestedByName}</td>
                    <td>
                      <span className={`approvals-status-${r.status}`}>{t(`approvals.statuses.${r.status}`)}</span>
                      {r.status === 'approved' && r.documentId && r.documentNumber && (
                        <>
                          {' · '}
                          <a href={areaHref('documents', r.documentId)}>{r.documentNumber}</a>
                        </>
                      )}
                      {r.status === 'rejected' && (
                        <div className="approvals-own">
                          {t('approvals.decidedRejected', { name: r.decidedByName ?? '', reason: r.rejectReason })}
                        </div>
                      )}
                    </td>
                    {approver && (
                      <td>
                        {r.status === 'pending' && (
                          <div className="approvals-actions">
                            <button
                              type="button"
                              className="button button-primary"
                              aria-label={t('approvals.actions.approveLabel', names)}
                              onClick={() => {
                                setOutcome(null);
                                setDeciding({ request: r, action: 'approve' });
                              }}
                            >
                              {t('approvals.actions.approve')}
                            </button>
                            <button
                              type="button"
                              className="button button-quiet"
                              aria-label={t('approvals.actions.rejectLabel', names)}
                              onClick={() => {
                                setOutcome(null);
                                setDeciding({ request: r, action: 'reject' });
                              }}
                            >
                              {t('approvals.actions.reject')}
                            </button>
                          </div>
                        )}
                        {r.status === 'pending' && r.requestedBy === user.username && (
                          <div className="approvals-own">{t('approvals.actions.ownRequest')}</div>
                        )}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {deciding?.action === 'approve' && (
        <ApproveDialog
          request={deciding.request}
          onClose={() => setDeciding(null)}
          onApproved={(posted) =>
            decided(t('approvals.outcome.approved', { number: posted.number }), {
              id: posted.id,
              number: posted.number,
            })
          }
        />
      )}
      {deciding?.action === 'reject' && (
        <RejectDialog
          request={deciding.request}
          onClose={() => setDeciding(null)}
          onRejected={(request) => decided(t('approvals.outcome.rejected', { name: request.requestedByName }))}
        />
      )}
    </section>
  );
}
