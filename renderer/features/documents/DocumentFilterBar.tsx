import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { documentKinds, partyKinds, type Party } from '../../../shared/contract';
import { useChannel } from '../../api/client';
import { Field } from '../../components/Field';
import { normalizeDate } from './documentText';
import { dateProblems, hasFilters, type DocumentFilters, type ReversalStatus } from './documentFilters';

interface DocumentFilterBarProps {
  filters: DocumentFilters;
  onChange(patch: Partial<DocumentFilters>): void;
  onClear(): void;
  /** Beside the clear button: the count and the new-action button. */
  children?: ReactNode;
}

const statuses: readonly ReversalStatus[] = ['all', 'notReversed', 'reversed'];
const statusKeys = {
  all: 'documents.list.statusAll',
  notReversed: 'documents.list.statusNotReversed',
  reversed: 'documents.list.statusReversed',
} as const;

/** The documents list's filters; dates are checked as typed and tidied to YYYY-MM-DD on leaving the box. */
export function DocumentFilterBar({ filters, onChange, onClear, children }: DocumentFilterBarProps) {
  const { t } = useTranslation();
  const parties = useChannel('catalog:list-parties');
  const sources = useChannel('catalog:list-sources');
  const [touched, setTouched] = useState({ from: false, to: false });
  const problems = dateProblems(filters);

  const partiesByKind = useMemo(() => {
    const groups = new Map<Party['kind'], Party[]>();
    if (parties.state.status === 'ok') {
      for (const party of parties.state.value) {
        groups.set(party.kind, [...(groups.get(party.kind) ?? []), party]);
      }
    }
    return groups;
  }, [parties.state]);

  function dateError(which: 'from' | 'to'): string | null {
    const problem = problems[which];
    if (!problem || !touched[which]) return null;
    return problem === 'order' ? t('documents.list.dateOrder') : t('documents.list.dateInvalid');
  }

  function leaveDate(which: 'from' | 'to') {
    setTouched((s) => ({ ...s, [which]: true }));
    const normalized = normalizeDate(filters[which]);
    if (normalized && normalized !== filters[which]) onChange({ [which]: normalized });
  }

  return (
    <form
      className="documents-filters"
      aria-label={t('documents.list.filters')}
      role="search"
      onSubmit={(e) => e.preventDefault()}
    >
      <div className="documents-filter-row">
        <Field label={t('documents.list.search')} className="documents-filter-search">
          <input
            className="input"
            type="search"
            autoComplete="off"
            spellCheck={false}
            maxLength={64}
            placeholder={t('documents.list.searchPlaceholder')}
            value={filters.search}
            onChange={(e) => onChange({ search: e.target.value })}
          />
        </Field>
        <Field label={t('documents.list.kind')}>
          <select
            className="input"
            value={filters.kind}
            onChange={(e) => onChange({ kind: e.target.value as DocumentFilters['kind'] })}
          >
            <option value="">{t('documents.list.allKinds')}</option>
            {documentKinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`common.documentKinds.${kind}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('documents.list.from')} error={dateError('from')} className="documents-filter-date">
          <input
            className="input"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            maxLength={10}
            placeholder={t('documents.list.datePlaceholder')}
            value={filters.from}
            onChange={(e) => onChange({ from: e.target.value })}
            onBlur={() => leaveDate('from')}
          />
        </Field>
        <Field label={t('documents.list.to')} error={dateError('to')} className="documents-filter-date">
          <input
            className="input"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            maxLength={10}
            placeholder={t('documents.list.datePlaceholder')}
            value={filters.to}
            onChange={(e) => onChange({ to: e.target.value })}
            onBlur={() => leaveDate('to')}
          />
        </Field>
        <Field label={t('documents.list.status')}>
          <select
            className="input"
            value={filters.status}
            onChange={(e) => onChange({ status: e.target.value as ReversalStatus })}
          >
            {statuses.map((s) => (
              <option key={s} value={s}>
                {t(statusKeys[s])}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('documents.list.party')} className="documents-filter-wide">
          <select className="input" value={filters.partyId} onChange={(e) => onChange({ partyId: e.target.value })}>
            <option value="">{t('documents.list.allParties')}</option>
            {partyKinds.map((kind) => {
              const group = partiesByKind.get(kind);
              return group ? (
                <optgroup key={kind} label={t(`common.partyKinds.${kind}`)}>
                  {group.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </optgroup>
              ) : null;
            })}
          </select>
        </Field>
        <Field label={t('documents.list.source')} className="documents-filter-wide">
          <select className="input" value={filters.sourceId} onChange={(e) => onChange({ sourceId: e.target.value })}>
            <option value="">{t('documents.list.allSources')}</option>
            {sources.state.status === 'ok' &&
              sources.state.value.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
          </select>
        </Field>
      </div>
      <div className="documents-filter-row documents-filter-row-second">
        <label className="documents-check">
          <input
            type="checkbox"
            checked={filters.emergency}
            onChange={(e) => onChange({ emergency: e.target.checked })}
          />
          {t('documents.list.emergency')}
        </label>
        <label className="documents-check">
          <input type="checkbox" checked={filters.pending} onChange={(e) => onChange({ pending: e.target.checked })} />
          {t('documents.list.pending')}
        </label>
        <button
          type="button"
          className="button button-quiet documents-clear"
          disabled={!hasFilters(filters)}
          onClick={() => {
            setTouched({ from: false, to: false });
            onClear();
          }}
        >
          {t('documents.list.clear')}
        </button>
        {children}
      </div>
    </form>
  );
}
