import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { areaHref } from '../../app/areas';

interface DispatchRequestedProps {
  unitName: string;
  onNew(): void;
}

/**
 * After a keeper confirmed a dispatch above the depot's limit: it went to a supervisor as a request,
 * nothing left the stock. Said plainly, with the way to the pending list and to the next slip.
 */
export function DispatchRequested({ unitName, onNew }: DispatchRequestedProps) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  // The heading takes focus, not the "new" button: a second Enter from the confirmation does nothing here.
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="dispatch-posted" aria-labelledby="dispatch-requested-title">
      <h2 id="dispatch-requested-title" ref={heading} tabIndex={-1}>
        {t('approvals.requested.dispatch')}
      </h2>
      <p>{t('approvals.requested.dispatchDetail', { unit: unitName })}</p>
      <div className="dispatch-posted-actions">
        <a className="button button-quiet" href={areaHref('documents')}>
          {t('approvals.requested.openPending')}
        </a>
        <button type="button" className="button button-primary" onClick={onNew}>
          {t('dispatch.posted.newDispatch')}
        </button>
      </div>
    </section>
  );
}
