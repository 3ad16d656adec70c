import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannel } from '../../api/client';
import { areaHref } from '../../app/areas';
import { formatNumber } from '../../components/format';
import { PrintButton } from '../../print/PrintButton';

export interface PostedDispatch {
  id: string;
  number: string;
  unitName: string;
  totals: { lines: number; units: number; cartons: number; loose: number };
  /** Emergency without an order number: the paperwork deadline is shown. */
  paperworkPending: boolean;
}

interface DispatchPostedProps {
  posted: PostedDispatch;
  onNew(): void;
}

/** After posting: the slip's number, a link to it, and for an emergency dispatch its paperwork deadline. */
export function DispatchPosted({ posted, onNew }: DispatchPostedProps) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);

  // The heading takes focus (not the "new" button): a second Enter from the confirmation does nothing here.
  useEffect(() => heading.current?.focus(), []);

  return (
    <section className="dispatch-posted" aria-labelledby="dispatch-posted-title">
      <h2 id="dispatch-posted-title" ref={heading} tabIndex={-1}>
        {t('dispatch.posted.title', { number: posted.number })}
      </h2>
      <p>
        {t('dispatch.posted.summary', {
          unit: posted.unitName,
          lines: posted.totals.lines,
          units: formatNumber(posted.totals.units),
          cartons: formatNumber(posted.totals.cartons),
          loose: formatNumber(posted.totals.loose),
        })}
      </p>
      {posted.paperworkPending && <PaperworkDeadline documentId={posted.id} />}
      <div className="dispatch-posted-actions">
        <PrintButton
          kind="dispatch-slip"
          target={posted.id}
          number={posted.number}
          label={t('print.open.printDispatchSlip')}
        />
        <a className="button button-quiet" href={areaHref('documents', posted.id)}>
          {t('dispatch.posted.openDocument', { number: posted.number })}
        </a>
        <button type="button" className="button button-primary" onClick={onNew}>
          {t('dispatch.posted.newDispatch')}
        </button>
      </div>
    </section>
  );
}

function PaperworkDeadline({ documentId }: { documentId: string }) {
  const { t } = useTranslation();
  const { state } = useChannel('documents:get', { id: documentId });
  const due = state.status === 'ok' ? state.value.paperworkDue : null;
  return (
    <p className="dispatch-emergency" role="status">
      {due ? t('dispatch.posted.emergency', { due }) : t('dispatch.posted.emergencyLoading')}
    </p>
  );
}
