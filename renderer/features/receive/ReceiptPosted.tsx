import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { areaHref } from '../../app/areas';
import { ReceiptLabels } from '../labels/ReceiptLabels';
import { PrintButton } from '../../print/PrintButton';

export interface PostedReceipt {
  id: string;
  number: string;
  lines: number;
  /** "50 顶、53 床、240 瓶". */
  quantities: string;
}

interface ReceiptPostedProps {
  posted: PostedReceipt;
  onNewReceipt(): void;
}

/**
 * The calm end of a receipt: its number, what went in, a link to the document and a fresh form.
 * Focus lands on the heading, not on a button, so a stray second Enter starts nothing.
 */
export function ReceiptPosted({ posted, onNewReceipt }: ReceiptPostedProps) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  // After the confirmation dialog has closed (and handed focus back), so the heading keeps it.
  useEffect(() => {
    const frame = requestAnimationFrame(() => heading.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, []);

  return (
    <section className="receive-posted" aria-labelledby="receive-posted-title">
      <h2 id="receive-posted-title" ref={heading} tabIndex={-1}>
        {t('receive.posted.title')}
      </h2>
      <p className="receive-posted-number">
        <span className="receive-posted-label">{t('receive.posted.number')}</span>
        <strong className="receive-code">{posted.number}</strong>
      </p>
      <p>{t('receive.posted.summary', { lines: posted.lines, quantities: posted.quantities })}</p>
      <ReceiptLabels documentId={posted.id} />
      <p className="receive-posted-actions">
        <PrintButton
          kind="receipt-slip"
          target={posted.id}
          number={posted.number}
          label={t('print.open.printReceiptSlip')}
        />
        <a className="button button-quiet" href={areaHref('documents', posted.id)}>
          {t('receive.posted.open', { number: posted.number })}
        </a>
        <button type="button" className="button button-primary" onClick={onNewReceipt}>
          {t('receive.actions.newReceipt')}
        </button>
      </p>
    </section>
  );
}
