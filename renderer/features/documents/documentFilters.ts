/** The documents list's filters: what the keeper set, and the documents:list query they make. */
import type { ChannelInput, DocumentKind, DocumentSummary } from '../../../shared/contract';
import { normalizeDate } from './documentText';

/** documents:list cannot filter on reversal, so this one is applied in the window (see DocumentList). */
export type ReversalStatus = 'all' | 'notReversed' | 'reversed';

export interface DocumentFilters {
  search: string;
  kind: DocumentKind | '';
  /** Dates as typed; applied once they are real dates. */
  from: string;
  to: string;
  status: ReversalStatus;
  partyId: string;
  sourceId: string;
  emergency: boolean;
  pending: boolean;
}

export const noFilters: DocumentFilters = {
  search: '',
  kind: '',
  from: '',
  to: '',
  status: 'all',
  partyId: '',
  sourceId: '',
  emergency: false,
  pending: false,
};

export function hasFilters(filters: DocumentFilters): boolean {
  return (Object.keys(noFilters) as (keyof DocumentFilters)[]).some((key) => filters[key] !== noFilters[key]);
}

export type DateProblem = 'invalid' | 'order';

/** A typed date that is not (yet) a date; the query leaves it out. */
export function dateProblems(filters: DocumentFilters): { from: DateProblem | null; to: DateProblem | null } {
  const from = filters.from.trim() ? normalizeDate(filters.from) : '';
  const to = filters.to.trim() ? normalizeDate(filters.to) : '';
  return {
    from: from === null ? 'invalid' : null,
    to: to === null ? 'invalid' : from && to && from > to ? 'order' : null,
  };
}

export type ListQuery = Omit<ChannelInput<'documents:list'>, 'offset' | 'limit'>;

/** The server-side part of the filters; `search` is the debounced text. */
export function listQuery(filters: DocumentFilters, search: string): ListQuery {
  const query: ListQuery = { search: search.trim().slice(0, 64) };
  if (filters.kind) query.kind = filters.kind;
  const problems = dateProblems(filters);
  const from = normalizeDate(filters.from);
  const to = normalizeDate(filters.to);
  if (from && !problems.from && problems.to !== 'order') query.from = from;
  if (to && !problems.to) query.to = to;
  if (filters.partyId) query.partyId = filters.partyId;
  if (filters.sourceId) query.sourceId = filters.sourceId;
  if (filters.emergency) query.emergency = true;
  if (filters.pending) query.pendingPaperwork = true;
  return query;
}

/** The reversal filter, applied to each row the backend returns. */
export function keepsRow(status: ReversalStatus, row: DocumentSummary): boolean {
  if (status === 'reversed') return row.reversedBy !== null;
  if (status === 'notReversed') return row.reversedBy === null;
  return true;
}
