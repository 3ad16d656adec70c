/**
 * Feeds the documents grid (ag-grid's infinite row model) block by block from documents:list, so a
 * depot with a hundred thousand documents never loads them all. The reversal filter, which the
 * channel does not offer, is applied here: the source then reads the list in pages and keeps the
 * matching rows, and the total is known only once the end is reached.
 */
import type { IDatasource, IGetRowsParams } from 'ag-grid-community';
import type { DocumentSummary } from '../../../shared/contract';
import type { AppError } from '../../../shared/errors';
import { call } from '../../api/client';
import { keepsRow, type ListQuery, type ReversalStatus } from './documentFilters';

/** How many documents the grid shows; `exact` is false while the end has not been reached. */
export interface DocumentCount {
  count: number;
  exact: boolean;
}

export interface DocumentSourceEvents {
  onCount(count: DocumentCount): void;
  onError(error: AppError | null): void;
}

/** Rows read per request while filtering in the window. */
const scanPage = 500;

export interface DocumentSource extends IDatasource {
  /** Forgets what was read, so a refresh of the grid's cache reads afresh (after a posting). */
  reset(): void;
}

export function createDocumentSource(
  query: ListQuery,
  status: ReversalStatus,
  events: DocumentSourceEvents,
): DocumentSource {
  if (status === 'all') {
    return {
      reset() {},
      getRows(params: IGetRowsParams<DocumentSummary>) {
        void call('documents:list', { ...query, offset: params.startRow, limit: params.endRow - params.startRow }).then(
          (result) => {
            if (!result.ok) {
              events.onError(result.error);
              params.failCallback();
              return;
            }
            events.onError(null);
            events.onCount({ count: result.value.total, exact: true });
            params.successCallback(result.value.rows, result.value.total);
          },
        );
      },
    };
  }

  let matched: DocumentSummary[] = [];
  let scanned = 0;
  let total: number | null = null;
  let exhausted = false;
  // Blocks are answered one after another: each continues the scan where the last one stopped.
  let queue: Promise<void> = Promise.resolve();

  async function answer(params: IGetRowsParams<DocumentSummary>): Promise<void> {
    while (!exhausted && matched.length < params.endRow && (total === null || scanned < total)) {
      const result = await call('documents:list', { ...query, offset: scanned, limit: scanPage });
      if (!result.ok) {
        events.onError(result.error);
        params.failCallback();
        return;
      }
      total = result.value.total;
      scanned += result.value.rows.length;
      matched = matched.concat(result.value.rows.filter((row) => keepsRow(status, row)));
      // A list that shrank meanwhile (a document reversed elsewhere) ends early.
      if (result.value.rows.length === 0) exhausted = true;
    }
    const done = exhausted || (total !== null && scanned >= total);
    events.onError(null);
    events.onCount({ count: matched.length, exact: done });
    params.successCallback(matched.slice(params.startRow, params.endRow), done ? matched.length : undefined);
  }

  return {
    reset() {
      matched = [];
      scanned = 0;
      total = null;
      exhausted = false;
    },
    getRows(params: IGetRowsParams<DocumentSummary>) {
      queue = queue.then(() => answer(params));
    },
  };
}
