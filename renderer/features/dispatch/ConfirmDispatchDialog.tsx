import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Item, Party, StockRow } from '../../../shared/contract';
import { Dialog } from '../../components/Dialog';
import { formatCartons, formatNumber } from '../../components/format';
import type { DispatchForm } from './dispatchForm';

export interface ConfirmLine {
  key: string;
  item: Item;
  quantity: number;
  picks: StockRow[];
  manual: boolean;
}

export interface ConfirmSummary {
  form: DispatchForm;
  unit: Party | null;
  /** The date the slip will carry. */
  docDate: string;
  lines: ConfirmLine[];
  totals: { lines: number; units: number; cartons: number; loose: number };
}

interface ConfirmDispatchDialogProps {
  summary: ConfirmSummary | null;
  posting: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/** The slip as it will post: receiving unit, order number or the emergency note, every pick, totals. */
export function ConfirmDispatchDialog({ summary, posting, onConfirm, onCancel }: ConfirmDispatchDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog
      wide
      open={summary !== null}
      onClose={() => {
        if (!posting) onCancel();
      }}
      title={t('dispatch.confirm.title')}
      actions={
        summary && (
          <>
            <button type="button" className="button button-quiet" onClick={onCancel} disabled={posting}>
              {t('common.actions.back')}
            </button>
            <ConfirmButton posting={posting} onConfirm={onConfirm} />
          </>
        )
      }
    >
      {summary && <SummaryBody summary={summary} />}
    </Dialog>
  );
}

/** Focused as the dialog opens, so Enter confirms; disabled while the posting is in flight. */
function ConfirmButton({ posting, onConfirm }: { posting: boolean; onConfirm(): void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // The dialog opens (showModal) in its own effect, after this one: focus once it is open.
    const timer = window.setTimeout(() => ref.current?.focus(), 0);
    return () => window.clearTimeout(timer);
  }, []);
  return (
    <button
      ref={ref}
      type="button"
      className="button button-primary"
      disabled={posting}
      aria-keyshortcuts="Enter"
      onClick={onConfirm}
    >
      {posting ? t('dispatch.actions.posting') : t('dispatch.confirm.confirm')}
    </button>
  );
}

function SummaryBody({ summary }: { summary: ConfirmSummary }) {
  const { t } = useTranslation();
  const { form, unit, lines, totals } = summary;
  const transport = [
    form.transport.mode,
    form.transport.carrier,
    form.transport.plateNo,
    form.transport.driver,
    form.transport.driverPhone,
  ]
    .map((v) => v.trim())
    .filter(Boolean)
    .join(' · ');
  const pending = form.emergency && form.orderNo.trim() === '';
  return (
    <div className="dispatch-confirm">
      <p className="dispatch-dialog-intro">{t('dispatch.confirm.intro')}</p>
      <dl className="dispatch-confirm-facts">
        <div>
          <dt>{t('dispatch.confirm.receivingUnit')}</dt>
          <dd>
            {unit?.name}
            {unit && (unit.contact || unit.phone) && (
              <span className="dispatch-muted"> （{[unit.contact, unit.phone].filter(Boolean).join(' ')}）</span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('dispatch.confirm.kind')}</dt>
          <dd>{t(`common.dispatchKinds.${form.kind}`)}</dd>
        </div>
        <div>
          <dt>{t('dispatch.confirm.orderNo')}</dt>
          <dd>{form.orderNo.trim() || '—'}</dd>
        </div>
        <div>
          <dt>{t('dispatch.confirm.docDate')}</dt>
          <dd>{summary.docDate}</dd>
        </div>
        {(form.incidentName.trim() || form.responseLevel) && (
          <div>
            <dt>{t('dispatch.confirm.incident')}</dt>
            <dd>
              {[form.incidentName.trim(), form.responseLevel && t(`common.responseLevels.${form.responseLevel}`)]
                .filter(Boolean)
                .join(' · ')}
            </dd>
          </div>
        )}
        {transport && (
          <div>
            <dt>{t('dispatch.confirm.transport')}</dt>
            <dd>{transport}</dd>
          </div>
        )}
      </dl>
      {pending && (
        <p className="dispatch-emergency" role="note">
          {t('dispatch.header.emergencyNotice')}
        </p>
      )}
      <table className="dispatch-table dispatch-confirm-table">
        <thead>
          <tr>
            <th scope="col" className="dispatch-number">
              {t('dispatch.confirm.number')}
            </th>
            <th scope="col">{t('dispatch.confirm.item')}</th>
            <th scope="col" className="dispatch-number">
              {t('dispatch.confirm.issued')}
            </th>
            <th scope="col">{t('dispatch.confirm.batch')}</th>
            <th scope="col">{t('dispatch.confirm.expiry')}</th>
            <th scope="col">{t('dispatch.confirm.location')}</th>
            <th scope="col">{t('dispatch.confirm.source')}</th>
            <th scope="col" className="dispatch-number">
              {t('dispatch.confirm.quantity')}
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line, index) =>
            line.picks.map((p, pickIndex) => (
              <tr key={`${line.key}|${p.batchId}|${p.locationId}|${p.sourceId}`}>
                {pickIndex === 0 && (
                  <>
                    <td rowSpan={line.picks.length} className="dispatch-number">
                      {index + 1}
                    </td>
                    <td rowSpan={line.picks.length}>
                      <span className="dispatch-code">{line.item.code}</span> {line.item.name}
                      {line.manual && <span className="dispatch-picks-manual"> {t('dispatch.lines.manual')}</span>}
                    </td>
                    <td rowSpan={line.picks.length} className="dispatch-number">
                      {formatCartons(t, line.quantity, line.item.packSize, line.item.baseUnit)}
                    </td>
                  </>
                )}
                <td className="dispatch-code">{p.batchNo}</td>
                <td>{p.expiryDate ?? ''}</td>
                <td className="dispatch-code">{p.locationCode}</td>
                <td>{p.sourceName}</td>
                <td className="dispatch-number">
                  {formatNumber(p.quantity)} {line.item.baseUnit}
                </td>
              </tr>
            )),
          )}
        </tbody>
      </table>
      <p className="dispatch-confirm-totals">
        {t('dispatch.confirm.totals', {
          lines: totals.lines,
          units: formatNumber(totals.units),
          cartons: formatNumber(totals.cartons),
          loose: formatNumber(totals.loose),
        })}
      </p>
    </div>
  );
}
