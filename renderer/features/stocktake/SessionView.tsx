import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StocktakeDetail } from '../../../shared/contract';
import { roleMay } from '../../../shared/permissions';
import { call, errorText, useChannel } from '../../api/client';
import { areaHref, goTo } from '../../app/areas';
import { useDepot } from '../../app/depot';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { formatDateTime } from '../../components/format';
import { PrintButton } from '../../print/PrintButton';
import { ExportButton } from '../reports/ExportJob';
import { scopeText } from '../../print/stocktake/CountSheet';
import { CountPanel } from './CountPanel';
import { VariancePanel } from './VariancePanel';

type Tab = 'count' | 'variance';

/** One count session: its facts, the count sheets, and the two views — entering counts and the variance report. */
export function SessionView({ id }: { id: string }) {
  const { t } = useTranslation();
  const { user } = useDepot();
  const session = useChannel('stocktake:get', { stocktakeId: id });
  const [tab, setTab] = useState<Tab | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const detail =
    session.state.status === 'ok'
      ? session.state.value
      : session.state.status === 'loading'
        ? session.state.stale
        : undefined;

  if (session.state.status === 'error') {
    return (
      <div className="stocktake-session">
        <a href={areaHref('stocktake')}>{t('stocktake.session.back')}</a>
        <p className="notice-error" role="alert">
          {t('stocktake.session.loadFailed', { reason: errorText(t, session.state.error) })}
        </p>
      </div>
    );
  }
  if (!detail) return null;
  const open = detail.status === 'counting';
  // A blind count stays blind for the counters: book quantities are for those who review the count.
  const seesBook = !open || roleMay(user.role, 'approve');
  const shown: Tab = tab ?? (open ? 'count' : 'variance');
  const tabs: Tab[] = ['count', 'variance'];

  return (
    <div className="stocktake-session">
      <div className="stocktake-session-top">
        <a className="stocktake-back" href={areaHref('stocktake')}>
          {t('stocktake.session.back')}
        </a>
        <SessionFacts detail={detail} />
        <div className="stocktake-actions">
          <PrintButton
            kind="count-sheet-blind"
            target={detail.id}
            number={detail.number}
            label={t('stocktake.session.printBlind')}
          />
          {seesBook && (
            <PrintButton
              kind="count-sheet"
              target={detail.id}
              number={detail.number}
              label={t('stocktake.session.printSheet')}
            />
          )}
          {seesBook && (
            <ExportButton
              request={{ kind: 'stocktake', stocktakeId: detail.id }}
              label={t('reports.quick.stocktake')}
              what={`${t('reports.kinds.stocktake')} ${detail.number}`}
            />
          )}
          {open && (
            <button type="button" className="button button-quiet" onClick={() => setCancelling(true)}>
              {t('stocktake.session.cancelAction')}
            </button>
          )}
        </div>
      </div>
      <div className="stocktake-tabs" role="tablist" aria-label={t('stocktake.session.tabs')}>
        {tabs.map((name) => (
          <button
            key={name}
            id={`stocktake-tab-${name}`}
            type="button"
            role="tab"
            className="stocktake-tab"
            aria-selected={shown === name}
            aria-controls="stocktake-panel"
            tabIndex={shown === name ? 0 : -1}
            onClick={() => setTab(name)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
                e.preventDefault();
                const next = shown === 'count' ? 'variance' : 'count';
                setTab(next);
                document.getElementById(`stocktake-tab-${next}`)?.focus();
              }
            }}
          >
            {t(name === 'count' ? 'stocktake.session.countTab' : 'stocktake.session.varianceTab')}
          </button>
        ))}
      </div>
      <div id="stocktake-panel" className="stocktake-panel" role="tabpanel" aria-labelledby={`stocktake-tab-${shown}`}>
        {shown === 'count' ? (
          <CountPanel detail={detail} onChanged={session.reload} />
        ) : seesBook ? (
          <VariancePanel detail={detail} onChanged={session.reload} />
        ) : (
          <p className="stocktake-note">{t('stocktake.variance.blindWhileCounting')}</p>
        )}
      </div>
      <CancelDialog
        detail={detail}
        open={cancelling}
        onClose={() => setCancelling(false)}
        onCancelled={() => {
          setCancelling(false);
          session.reload();
        }}
      />
    </div>
  );
}

function SessionFacts({ detail }: { detail: StocktakeDetail }) {
  const { t } = useTranslation();
  const threshold = t(`stocktake.threshold.${detail.threshold.kind}`, { value: detail.threshold.value });
  return (
    <dl className="stocktake-facts" aria-label={t('stocktake.session.facts')}>
      <div>
        <dt>{t('stocktake.session.number')}</dt>
        <dd className="stocktake-number">{detail.number}</dd>
      </div>
      <div>
        <dt>{t('stocktake.session.scope')}</dt>
        <dd>{scopeText(t, detail)}</dd>
      </div>
      <div>
        <dt>{t('stocktake.session.status')}</dt>
        <dd className={`stocktake-status stocktake-status-${detail.status}`}>
          {t(`stocktake.status.${detail.status}`)}
        </dd>
      </div>
      <div>
        <dt>{t('stocktake.session.frozenAt')}</dt>
        <dd>{formatDateTime(detail.startedAt)}</dd>
      </div>
      <div>
        <dt>{t('stocktake.session.startedBy')}</dt>
        <dd>{detail.startedBy}</dd>
      </div>
      <div>
        <dt>{t('stocktake.session.round')}</dt>
        <dd>{t('stocktake.session.roundValue', { round: detail.round })}</dd>
      </div>
      <div>
        <dt>{t('stocktake.session.thresholdLabel')}</dt>
        <dd>{threshold}</dd>
      </div>
      {detail.status === 'approved' && (
        <div className="stocktake-facts-wide">
          <dt>{t('stocktake.session.document')}</dt>
          <dd>
            {t('stocktake.session.approved', {
              approvedBy: detail.approvedBy ?? '',
              approvedAt: formatDateTime(detail.approvedAt ?? ''),
            })}
            {detail.documentId && (
              <>
                {' · '}
                <a href={areaHref('documents', detail.documentId)}>{detail.documentNumber}</a>
              </>
            )}
          </dd>
        </div>
      )}
      {detail.status === 'cancelled' && (
        <div className="stocktake-facts-wide">
          <dt>{t('stocktake.session.status')}</dt>
          <dd>
            {t('stocktake.session.cancelled', {
              cancelledBy: detail.cancelledBy ?? '',
              cancelledAt: formatDateTime(detail.cancelledAt ?? ''),
              reason: detail.cancelReason,
            })}
          </dd>
        </div>
      )}
    </dl>
  );
}

function CancelDialog({
  detail,
  open,
  onClose,
  onCancelled,
}: {
  detail: StocktakeDetail;
  open: boolean;
  onClose(): void;
  onCancelled(): void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function cancel() {
    if (!reason.trim()) {
      setProblem(t('errors.invalid-input'));
      return;
    }
    setBusy(true);
    const result = await call('stocktake:cancel', { stocktakeId: detail.id, reason });
    setBusy(false);
    if (!result.ok) {
      setProblem(t('stocktake.session.cancelFailed', { reason: errorText(t, result.error) }));
      return;
    }
    onCancelled();
    goTo('stocktake', detail.id);
  }
  return (
    <Dialog
      title={t('stocktake.session.cancelTitle', { number: detail.number })}
      open={open}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button button-quiet" onClick={onClose}>
            {t('stocktake.session.cancelKeep')}
          </button>
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void cancel()}>
            {t('stocktake.session.cancelConfirm')}
          </button>
        </>
      }
    >
      <p>{t('stocktake.session.cancelNote')}</p>
      <Field label={t('stocktake.session.cancelReason')} error={problem ?? undefined}>
        <input className="input" maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
    </Dialog>
  );
}
