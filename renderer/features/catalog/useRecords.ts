import { useCallback, useMemo, useState } from 'react';
import type { ChannelOutput } from '../../../shared/contract';
import type { AppError } from '../../../shared/errors';
import { useChannel } from '../../api/client';

type ListChannel =
  'catalog:list-categories' | 'catalog:list-sources' | 'catalog:list-parties' | 'catalog:list-locations';
type RecordOf<C extends ListChannel> = ChannelOutput<C>[number];

interface Records<R> {
  rows: R[] | undefined;
  problem: AppError | null;
  reload(): void;
  /** A record was created or changed: its row is replaced (or added) without reading the list again. */
  put(record: R): void;
}

/**
 * A master-data list loaded once, then kept current record by record: a save replaces one row
 * immutably, in the backend's order, so the table re-renders only that row.
 */
export function useRecords<C extends ListChannel>(
  channel: C,
  order: (a: RecordOf<C>, b: RecordOf<C>) => number,
): Records<RecordOf<C>> {
  const { state, reload } = useChannel(channel);
  const loaded = state.status === 'ok' ? (state.value as RecordOf<C>[]) : undefined;
  // Local changes apply to the list they were made on; a reload brings them from the backend anyway.
  const [changed, setChanged] = useState<{ base: RecordOf<C>[]; rows: RecordOf<C>[] } | null>(null);

  const rows = useMemo(() => (changed && changed.base === loaded ? changed.rows : loaded), [changed, loaded]);

  const put = useCallback(
    (record: RecordOf<C>) => {
      if (!loaded) return;
      setChanged((c) => {
        const current = c && c.base === loaded ? c.rows : loaded;
        const next = current.some((r) => r.id === record.id)
          ? current.map((r) => (r.id === record.id ? record : r))
          : [...current, record];
        return { base: loaded, rows: next.toSorted(order) };
      });
    },
    [loaded, order],
  );

  return { rows, problem: state.status === 'error' ? state.error : null, reload, put };
}

/** Text in the backend's order (SQLite compares code units, not locale collation). */
export function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
