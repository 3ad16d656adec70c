import { useTranslation } from 'react-i18next';
import { areaHref } from '../../app/areas';

/** ag-grid's no-rows overlay for an empty catalog: says why nothing is listed and where items come from. */
export function EmptyCatalogOverlay() {
  const { t } = useTranslation();
  return (
    <div className="empty-catalog">
      <h2 className="empty-catalog-title">{t('inventory.empty.title')}</h2>
      <p className="empty-catalog-body">{t('inventory.empty.body')}</p>
      <a className="button button-quiet" href={areaHref('catalog')}>
        {t('inventory.empty.action')}
      </a>
    </div>
  );
}
