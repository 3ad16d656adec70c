/**
 * 储备定额满足情况: one row per category with its stock, the reserve quota of its items, how much of the
 * quota the stock meets and the people it can serve; beside it the people served by each source.
 */
import { useTranslation } from 'react-i18next';
import type { CategoryCoverage, Coverage } from '../../../shared/contract';
import { areaHref } from '../../app/areas';
import { formatNumber } from '../../components/format';
import { categoryName } from './chartOptions';

/** A quantity with its unit when the category counts in one unit; a plain sum (marked) when units differ. */
function Quantity({ value, units }: { value: number; units: string[] }) {
  const { t } = useTranslation();
  return (
    <>
      {formatNumber(value)}
      {units.length === 1
        ? ` ${units[0]}`
        : units.length > 1 && <span className="home-muted"> ({t('home.coverage.mixedUnits')})</span>}
    </>
  );
}

function QuotaCell({ category }: { category: CategoryCoverage }) {
  const { t } = useTranslation();
  if (category.quotaPercent === null) return <span className="home-muted">{t('home.coverage.noQuota')}</span>;
  const percent = category.quotaPercent;
  const tone = percent >= 100 ? 'ok' : percent >= 60 ? 'warning' : 'danger';
  return (
    <span className="home-quota">
      <span className="home-quota-bar" aria-hidden="true">
        <span className={`home-quota-fill home-quota-${tone}`} style={{ width: `${Math.min(100, percent)}%` }} />
      </span>
      <span className="home-quota-text">{percent}%</span>
    </span>
  );
}

export function CoverageTable({ coverage }: { coverage: Coverage }) {
  const { t } = useTranslation();
  const sourceById = new Map(coverage.sources.map((s) => [s.sourceId, s]));
  const sources = coverage.totals.bySource.filter((s) => s.onHand > 0);

  if (coverage.categories.length === 0) {
    return (
      <p className="home-empty">
        {t('home.coverage.empty')} <a href={areaHref('catalog')}>{t('home.coverage.toCatalog')}</a>
      </p>
    );
  }
  return (
    <div className="home-coverage">
      <div className="home-table-scroll">
        <table className="home-table" aria-labelledby="home-coverage-title" aria-describedby="home-coverage-caption">
          <thead>
            <tr>
              <th scope="col">{t('home.coverage.columns.category')}</th>
              <th scope="col" className="num">
                {t('home.coverage.columns.items')}
              </th>
              <th scope="col" className="num">
                {t('home.coverage.columns.onHand')}
              </th>
              <th scope="col" className="num">
                {t('home.coverage.columns.reserveQuota')}
              </th>
              <th scope="col">{t('home.coverage.columns.quotaPercent')}</th>
              <th scope="col" className="num">
                {t('home.coverage.columns.personsServed')}
              </th>
              <th scope="col" className="num">
                {t('home.coverage.columns.personsQuota')}
              </th>
            </tr>
          </thead>
          <tbody>
            {coverage.categories.map((c) => (
              <tr key={c.categoryId ?? 'none'}>
                <th scope="row">
                  {c.code && <span className="home-code">{c.code}</span>}
                  {categoryName(t, c)}
                </th>
                <td className="num">{formatNumber(c.itemCount)}</td>
                <td className="num">
                  <Quantity value={c.onHand} units={c.units} />
                </td>
                <td className="num">
                  {c.reserveQuota > 0 ? <Quantity value={c.reserveQuota} units={c.units} /> : '—'}
                </td>
                <td>
                  <QuotaCell category={c} />
                </td>
                <td className="num">{formatNumber(c.personsServed)}</td>
                <td className="num">{c.personsQuota > 0 ? formatNumber(c.personsQuota) : '—'}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('home.coverage.total')}</th>
              <td className="num">{formatNumber(coverage.totals.itemCount)}</td>
              <td />
              <td />
              <td />
              <td className="num">{formatNumber(coverage.totals.personsServed)}</td>
              <td className="num">
                {coverage.totals.personsQuota > 0 ? formatNumber(coverage.totals.personsQuota) : '—'}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      <section className="home-sources" aria-labelledby="home-sources-title">
        <h3 id="home-sources-title" className="home-subheading">
          {t('home.sources.title')}
        </h3>
        {sources.length === 0 && <p className="home-muted">{t('home.sources.none')}</p>}
        <table
          className="home-table home-sources-table"
          aria-labelledby="home-sources-title"
          hidden={sources.length === 0}
        >
          <tbody>
            {sources.map((s) => {
              const source = sourceById.get(s.sourceId);
              return (
                <tr key={s.sourceId}>
                  <th scope="row">
                    {source?.name}
                    {source?.donorName && (
                      <span className="home-muted home-donor">
                        {t('home.sources.donor', { name: source.donorName })}
                      </span>
                    )}
                  </th>
                  <td className="num">{formatNumber(s.personsServed)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </div>
  );
}
