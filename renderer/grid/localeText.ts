import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** ag-grid's own strings in the interface language (the `grid.*` keys are ag-grid's localeText keys). */
export function useGridLocaleText(): Record<string, string> {
  // `t` is a new function whenever the language changes, so the memo follows the language.
  const { t } = useTranslation();
  return useMemo(() => ({ ...t('grid', { returnObjects: true }) }), [t]);
}
