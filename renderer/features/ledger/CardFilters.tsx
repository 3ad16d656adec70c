import { useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Source, StockRow } from '../../../shared/contract';
import { Field } from '../../components/Field';
import { formatNumber } from '../../components/format';

/** The filters the stock card is read with (stock:card's query without the item). */
export interface AppliedFilter {
  from: string | null;
  to: string | null;
  sourceId: string | null;
  batchId: string | null;
}

export const noFilter: AppliedFilter = { from: null, to: null, sourceId: null, batchId: null };

interface CardFiltersProps {
  sources: readonly Source[];
  /** The item's stock rows: the batches it holds now. */
  stock: readonly StockRow[];
  applied: AppliedFilter;
  onApply(filter: AppliedFilter): void;
  /** Movements in the card as shown, or null while none is loaded. */
  count: number | null;
}

/** A real calendar date written YYYY-MM-DD. */
function isDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

type DateField = 'from' | 'to';

/**
 * Date window, source and batch of the stock card. Choices apply at once; a date applies when the
 * keeper leaves the field or presses Enter, and only when it is a real date in order — otherwise the
 * field says what is wrong and the card stays as it was.
 */
export function CardFilters({ sources, stock, applied, onApply, count }: CardFiltersProps) {
  const { t } = useTranslation();
  const [dates, setDates] = useState({ from: applied.from ?? '', to: applied.to ?? '' });
  const [errors, setErrors] = useState<Record<DateField, string | null>>({ from: null, to: null });

  const batches = useMemo(() => {
    const byId = new Map<string, { batchNo: string; quantity: number }>();
    for (const row of stock) {
      const known = byId.get(row.batchId);
      byId.set(row.batchId, { batchNo: row.batchNo, quantity: (known?.quantity ?? 0) + row.quantity });
    }
    return [...byId].sort(([, a], [, b]) => a.batchNo.localeCompare(b.batchNo, 'en'));
  }, [stock]);

  function commitDates(next: { from: string; to: string }, field: DateField) {
    const text = next[field].trim();
    if (text !== '' && !isDate(text)) {
      setErrors((e) => ({ ...e, [field]: t('ledger.filters.dateInvalid') }));
      return;
    }
    const from = field === 'from' ? text || null : applied.from;
    const to = field === 'to' ? text || null : applied.to;
    if (from !== null && to !== null && to < from) {
      setErrors((e) => ({ ...e, [field]: t('ledger.filters.rangeInvalid') }));
      return;
    }
    setErrors({ from: null, to: null });
    if (from !== applied.from || to !== applied.to) onApply({ ...applied, from, to });
  }

  function dateInput(field: DateField) {
    const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        commitDates(dates, field);
      }
    };
    return (
      <Field
        label={t(field === 'from' ? 'ledger.filters.from' : 'ledger.filters.to')}
        hint={t('ledger.filters.dateHint')}
        error={errors[field]}
        className="ledger-filter-date"
      >
        <input
          className="input"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          maxLength={10}
          placeholder="YYYY-MM-DD"
          value={dates[field]}
          onChange={(e) => {
            setDates((d) => ({ ...d, [field]: e.target.value }));
            setErrors((er) => ({ ...er, [field]: null }));
          }}
          onBlur={() => commitDates(dates, field)}
          onKeyDown={onKeyDown}
        />
      </Field>
    );
  }

  function clear() {
    setDates({ from: '', to: '' });
    setErrors({ from: null, to: null });
    onApply(noFilter);
  }

  const filtered = applied.from || applied.to || applied.sourceId || applied.batchId;

  return (
    <form
      className="ledger-filters"
      aria-label={t('ledger.filters.label')}
      onSubmit={(e) => {
        e.preventDefault();
      }}
    >
      {dateInput('from')}
      {dateInput('to')}
      <Field label={t('ledger.filters.source')} className="ledger-filter-source">
        <select
          className="input"
          value={applied.sourceId ?? ''}
          onChange={(e) => onApply({ ...applied, sourceId: e.target.value || null })}
        >
          <option value="">{t('ledger.filters.allSources')}</option>
          {sources.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('ledger.filters.batch')} hint={t('ledger.filters.batchHint')} className="ledger-filter-batch">
        <select
          className="input"
          value={applied.batchId ?? ''}
          onChange={(e) => onApply({ ...applied, batchId: e.target.value || null })}
        >
          <option value="">{t('ledger.filters.allBatches')}</option>
          {batches.map(([id, b]) => (
            <option key={id} value={id}>
              {t('ledger.filters.batchOption', { batch: b.batchNo, quantity: formatNumber(b.quantity) })}
            </option>
          ))}
        </select>
      </Field>
      <button type="button" className="button button-quiet ledger-filter-clear" disabled={!filtered} onClick={clear}>
        {t('ledger.filters.clear')}
      </button>
      <span className="ledger-count" role="status">
        {count === null ? '' : t('ledger.count', { count })}
      </span>
    </form>
  );
}
