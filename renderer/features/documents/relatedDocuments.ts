/** Documents that point at a document: its reversal, and the returns posted against a dispatch. */
import { useEffect, useState } from 'react';
import type { DocumentDetail, DocumentSummary } from '../../../shared/contract';
import type { AppError } from '../../../shared/errors';
import { call } from '../../api/client';

/** Receipts read per request while looking for returns. */
const page = 200;

/**
 * The return receipts (回收) posted against a dispatch, newest first, reversed ones included.
 * documents:list has no filter on the related document, so this reads receipts newest first and stops
 * at the first one posted before the dispatch: a return is always posted after its dispatch.
 */
export async function findReturns(
  dispatch: Pick<DocumentSummary, 'id' | 'postedAt'>,
): Promise<{ ok: true; value: DocumentSummary[] } | { ok: false; error: AppError }> {
  const found: DocumentSummary[] = [];
  for (let offset = 0; ; offset += page) {
    const result = await call('documents:list', { kind: 'receipt', offset, limit: page });
    if (!result.ok) return result;
    for (const row of result.value.rows) {
      if (row.postedAt < dispatch.postedAt) return { ok: true, value: found };
      if (row.subkind === 'return' && row.relatedId === dispatch.id) found.push(row);
    }
    if (offset + result.value.rows.length >= result.value.total || result.value.rows.length === 0) {
      return { ok: true, value: found };
    }
  }
}

export interface Related {
  /** The reversal of this document, once its id is known. */
  reversal: { id: string; number: string } | null;
  /** Returns against this dispatch (empty for other documents). */
  returns: DocumentSummary[];
  error: AppError | null;
}

const nothing: Related = { reversal: null, returns: [], error: null };

/** Loads the documents related to `doc` whenever it (re)loads. */
export function useRelated(doc: DocumentDetail | null): Related {
  const [related, setRelated] = useState<{ forDoc: DocumentDetail | null; value: Related }>({
    forDoc: null,
    value: nothing,
  });

  useEffect(() => {
    if (!doc) return;
    let live = true;
    void (async () => {
      let reversal: Related['reversal'] = null;
      let error: AppError | null = null;
      if (doc.reversedBy) {
        const found = await call('documents:find-by-number', { number: doc.reversedBy });
        if (found.ok && found.value) reversal = { id: found.value.id, number: found.value.number };
        else if (!found.ok) error = found.error;
      }
      let returns: DocumentSummary[] = [];
      if (doc.kind === 'dispatch') {
        const found = await findReturns(doc);
        if (found.ok) returns = found.value;
        else error = found.error;
      }
      if (live) setRelated({ forDoc: doc, value: { reversal, returns, error } });
    })();
    return () => {
      live = false;
    };
  }, [doc]);

  // While a reloaded document looks again, the last answer for it stays on screen.
  return doc && related.forDoc?.id === doc.id ? related.value : nothing;
}
