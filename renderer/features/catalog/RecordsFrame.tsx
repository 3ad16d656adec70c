import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/errors';
import { errorText } from '../../api/client';

interface RecordsFrameProps {
  /** Shown above the list: the count, what just happened, the create button. */
  toolbar: ReactNode;
  rows: readonly unknown[] | undefined;
  problem: AppError | null;
  emptyText: string;
  onRetry(): void;
  children: ReactNode;
}

/** A master-data list with its toolbar, and plain words while it loads, fails or is empty. */
export function RecordsFrame({ toolbar, rows, problem, emptyText, onRetry, children }: RecordsFrameProps) {
  const { t } = useTranslation();
  let body: ReactNode;
  if (problem) {
    body = (
      <div className="catalog-problem">
        <p className="notice-error" role="alert">
          {t('catalog.loadFailed', { reason: errorText(t, problem) })}
        </p>
        <button type="button" className="button button-quiet" onClick={onRetry}>
          {t('common.actions.retry')}
        </button>
      </div>
    );
  } else if (!rows) body = <p className="catalog-muted">{t('catalog.loading')}</p>;
  else if (rows.length === 0) body = <p className="catalog-empty">{emptyText}</p>;
  else body = <div className="catalog-table-scroll">{children}</div>;
  return (
    <div className="catalog-panel-body">
      <div className="catalog-toolbar">{toolbar}</div>
      {body}
    </div>
  );
}

/** 启用 / 停用, the inactive one greyed. */
export function ActiveCell({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <td className={active ? undefined : 'catalog-inactive'}>{active ? t('catalog.active') : t('catalog.inactive')}</td>
  );
}

/** The button that opens a record's dialog, named after the record for screen readers. */
export function EditCell({ name, onClick }: { name: string; onClick(): void }) {
  const { t } = useTranslation();
  return (
    <td className="catalog-table-action">
      <button
        type="button"
        className="button button-quiet catalog-small-button"
        aria-label={t('catalog.editLabel', { name })}
        onClick={onClick}
      >
        {t('catalog.edit')}
      </button>
    </td>
  );
}
