import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/errors';
import { call, errorText } from '../../api/client';
import { useRoute } from '../../app/areas';
import { today } from '../../components/format';
import { blankForm, formFromDraft, type DispatchForm } from './dispatchForm';
import { DispatchRequested } from '../approvals/DispatchRequested';
import { DispatchEditor } from './DispatchEditor';
import { DispatchPosted, type PostedDispatch } from './DispatchPosted';
import type { Draft } from './DraftsDialog';
import './dispatch.css';

type Session =
  | { status: 'loading' }
  | { status: 'failed'; error: AppError }
  | {
      status: 'editing';
      /** A new key remounts the editor: each slip has its own form, proposals and draft. */
      key: number;
      form: DispatchForm;
      draftId: string | null;
      savedAt: string | null;
      otherDrafts: number;
    }
  | { status: 'posted'; posted: PostedDispatch }
  | { status: 'requested'; unitName: string };

let sessions = 0;

function newSlip(otherDrafts: number): Session {
  sessions += 1;
  return { status: 'editing', key: sessions, form: blankForm(), draftId: null, savedAt: null, otherDrafts };
}

function fromDraft(draft: Draft, otherDrafts: number): Session {
  sessions += 1;
  return {
    status: 'editing',
    key: sessions,
    form: formFromDraft(draft.payload),
    draftId: draft.id,
    savedAt: draft.updatedAt,
    otherDrafts,
  };
}

/**
 * 出库 Dispatch: writes a dispatch slip (出库单) and posts it. The slip being written is a draft that
 * survives leaving the screen and restarting: coming back resumes the latest one (or the draft the
 * address names); the others are a click away.
 */
export function DispatchPage() {
  const { t } = useTranslation();
  const { target } = useRoute();
  const [todayDate] = useState(today);
  const [session, setSession] = useState<Session>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    void call('drafts:list', { kind: 'dispatch' }).then((result) => {
      if (!live) return;
      if (!result.ok) {
        setSession({ status: 'failed', error: result.error });
        return;
      }
      const drafts = result.value;
      const chosen = drafts.find((d) => d.id === target) ?? drafts[0];
      setSession(chosen ? fromDraft(chosen, drafts.length - 1) : newSlip(0));
    });
    return () => {
      live = false;
    };
  }, [target, attempt]);

  switch (session.status) {
    case 'loading':
      return <p className="dispatch-loading">{t('dispatch.loading')}</p>;
    case 'failed':
      return (
        <div className="dispatch-problem">
          <p className="notice-error" role="alert">
            {t('dispatch.loadFailed', { reason: errorText(t, session.error) })}
          </p>
          <button type="button" className="button button-quiet" onClick={() => setAttempt((a) => a + 1)}>
            {t('dispatch.retry')}
          </button>
        </div>
      );
    case 'posted':
      return <DispatchPosted posted={session.posted} onNew={() => setSession(newSlip(0))} />;
    case 'requested':
      return <DispatchRequested unitName={session.unitName} onNew={() => setSession(newSlip(0))} />;
    case 'editing':
      return (
        <DispatchEditor
          key={session.key}
          initialForm={session.form}
          draftId={session.draftId}
          savedAt={session.savedAt}
          otherDrafts={session.otherDrafts}
          todayDate={todayDate}
          onPosted={(posted) => setSession({ status: 'posted', posted })}
          onRequested={(unitName) => setSession({ status: 'requested', unitName })}
          onNew={() => setSession(newSlip(0))}
          onOpenDraft={(draft) => setSession(fromDraft(draft, 0))}
        />
      );
  }
}
