import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../shared/errors';
import { call } from '../../api/client';
import { toDraftPayload, type ReceiptForm } from './receiptForm';

/** How long the form must rest before it is saved: a burst of typing makes one save, not twenty. */
const restMs = 700;

export type DraftStatus =
  { state: 'idle' } | { state: 'saving' } | { state: 'saved'; at: string } | { state: 'failed'; error: AppError };

export interface DraftKeeper {
  /** The draft this form is saved under, once the first save created it. */
  draftId: string | null;
  status: DraftStatus;
  /** Saves this state of the form a moment after the last change. */
  schedule(form: ReceiptForm, title: string): void;
  /** Saves a waiting change now; resolves when every save has landed. */
  flush(): Promise<void>;
  /** Drops a waiting change and resolves when a save in flight has landed. */
  settle(): Promise<void>;
  /** From now on the form is saved under this draft (a resumed one), or under a new one (null). */
  adopt(id: string | null): void;
  /** The draft id as of now, for the posting input (state may lag by one render). */
  currentId(): string | null;
}

/**
 * Keeps the receipt form in a draft (`drafts:save`, kind receipt) while the keeper works: saves one
 * at a time, in order, so the first save's new id is used by the next; saves what is waiting when
 * the screen closes, so switching areas or quitting loses nothing.
 */
export function useDraftKeeper(initialId: string | null): DraftKeeper {
  const [draftId, setDraftId] = useState<string | null>(initialId);
  const [status, setStatus] = useState<DraftStatus>({ state: 'idle' });
  const idRef = useRef<string | null>(initialId);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const waiting = useRef<{ form: ReceiptForm; title: string } | null>(null);
  const timer = useRef<number | undefined>(undefined);
  /** Bumped by adopt(): a save queued for the previous draft is dropped. */
  const generation = useRef(0);

  const save = useCallback((form: ReceiptForm, title: string) => {
    const gen = generation.current;
    chain.current = chain.current.then(async () => {
      if (gen !== generation.current) return;
      setStatus({ state: 'saving' });
      const result = await call('drafts:save', {
        ...(idRef.current ? { id: idRef.current } : {}),
        kind: 'receipt',
        title: title.slice(0, 100),
        payload: toDraftPayload(form),
      });
      if (gen !== generation.current) return;
      if (result.ok) {
        idRef.current = result.value.id;
        setDraftId(result.value.id);
        setStatus({ state: 'saved', at: result.value.updatedAt });
      } else {
        setStatus({ state: 'failed', error: result.error });
      }
    });
  }, []);

  const flush = useCallback(() => {
    window.clearTimeout(timer.current);
    const next = waiting.current;
    waiting.current = null;
    if (next) save(next.form, next.title);
    return chain.current;
  }, [save]);

  const settle = useCallback(() => {
    window.clearTimeout(timer.current);
    waiting.current = null;
    return chain.current;
  }, []);

  const schedule = useCallback(
    (form: ReceiptForm, title: string) => {
      waiting.current = { form, title };
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void flush(), restMs);
    },
    [flush],
  );

  const adopt = useCallback((id: string | null) => {
    window.clearTimeout(timer.current);
    waiting.current = null;
    generation.current += 1;
    idRef.current = id;
    setDraftId(id);
    setStatus({ state: 'idle' });
  }, []);

  const currentId = useCallback(() => idRef.current, []);

  // Leaving the area, reloading or closing the window saves what is waiting instead of dropping it.
  useEffect(() => {
    const leave = () => void flush();
    window.addEventListener('pagehide', leave);
    return () => {
      window.removeEventListener('pagehide', leave);
      leave();
    };
  }, [flush]);

  return { draftId, status, schedule, flush, settle, adopt, currentId };
}
