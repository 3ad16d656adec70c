import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/errors';
import { call, errorText, useChannel } from '../../api/client';
import { useRoute } from '../../app/areas';
import { ReceiptEditor, type ReceiptDraft } from './ReceiptEditor';
import { readDraftPayload } from './receiptForm';
import './receive.css';

type DraftsState =
  { status: 'loading' } | { status: 'ok'; drafts: ReceiptDraft[] } | { status: 'error'; error: AppError };

/** This screen's drafts among the receipt drafts (a return against a dispatch keeps its own). */
async function loadReceiveDrafts(): Promise<DraftsState> {
  const result = await call('drafts:list', { kind: 'receipt' });
  if (!result.ok) return { status: 'error', error: result.error };
  const drafts: ReceiptDraft[] = [];
  for (const draft of result.value) {
    const form = readDraftPayload(draft.payload);
    if (form) drafts.push({ id: draft.id, title: draft.title, updatedAt: draft.updatedAt, form });
  }
  return { status: 'ok', drafts };
}

/**
 * 入库 Receive: a receipt (入库单) for a purchase, an allocation from above or a donation. Opens on
 * the most recent unfinished receipt (or the draft the route names), so nothing typed is lost.
 */
export function ReceivePage() {
  const { t } = useTranslation();
  const { target } = useRoute();
  const sources = useChannel('catalog:list-sources');
  const parties = useChannel('catalog:list-parties');
  const locations = useChannel('catalog:list-locations');
  const [drafts, setDrafts] = useState<DraftsState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    void loadReceiveDrafts().then((state) => {
      if (live) setDrafts(state);
    });
    return () => {
      live = false;
    };
  }, [attempt]);

  function retry() {
    sources.reload();
    parties.reload();
    locations.reload();
    setDrafts({ status: 'loading' });
    setAttempt((a) => a + 1);
  }

  const failure = [sources.state, parties.state, locations.state, drafts].find((s) => s.status === 'error');
  if (failure && failure.status === 'error') {
    return (
      <div className="receive">
        <p className="notice-error" role="alert">
          {t('receive.loadFailed', { reason: errorText(t, failure.error) })}
        </p>
        <p>
          <button type="button" className="button button-quiet" onClick={retry}>
            {t('receive.retry')}
          </button>
        </p>
      </div>
    );
  }
  if (
    sources.state.status !== 'ok' ||
    parties.state.status !== 'ok' ||
    locations.state.status !== 'ok' ||
    drafts.status !== 'ok'
  ) {
    return (
      <div className="receive">
        <p className="receive-loading" role="status">
          {t('receive.loading')}
        </p>
      </div>
    );
  }

  return (
    <ReceiptEditor
      sources={sources.state.value}
      parties={parties.state.value}
      locations={locations.state.value}
      drafts={drafts.drafts}
      openDraftId={target}
      reloadDrafts={async () => {
        const state = await loadReceiveDrafts();
        return state.status === 'ok' ? state.drafts : null;
      }}
    />
  );
}
