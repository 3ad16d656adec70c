import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format';
import type { ReceiptDraft } from './ReceiptEditor';

interface OtherDraftsProps {
  drafts: ReceiptDraft[];
  onResume(draft: ReceiptDraft): void;
  onDiscard(draft: ReceiptDraft): void;
}

/** Receipts started and left unfinished besides the one on screen: continue one, or discard it. */
export function OtherDrafts({ drafts, onResume, onDiscard }: OtherDraftsProps) {
  const { t } = useTranslation();
  return (
    <section className="receive-drafts" aria-labelledby="receive-drafts-title">
      <h2 id="receive-drafts-title" className="receive-drafts-title">
        {t('receive.drafts.others')}
      </h2>
      <ul>
        {drafts.map((draft) => {
          const title = draft.title || t('receive.drafts.untitled');
          return (
            <li key={draft.id}>
              <span className="receive-drafts-name">{title}</span>
              <span className="receive-muted">
                {t('receive.drafts.savedAt', { time: formatDateTime(draft.updatedAt) })}
              </span>
              <button
                type="button"
                className="button button-quiet receive-small"
                aria-label={t('receive.drafts.resumeNamed', { title })}
                onClick={() => onResume(draft)}
              >
                {t('receive.drafts.resume')}
              </button>
              <button
                type="button"
                className="button button-quiet receive-small"
                aria-label={t('receive.drafts.discardNamed', { title })}
                onClick={() => onDiscard(draft)}
              >
                {t('receive.drafts.discard')}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
