/**
 * 首页, the reserve dashboard: the alerts first (they always show, whatever else fails to load), then
 * what the stock covers against the reserve quotas, then three charts — stock by category and source,
 * in and out per month, the expiry timeline.
 */
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/errors';
import { dailyBackupSettledEvent } from '../../app/useDailyBackup';
import { errorText, useChannel, type Loaded } from '../../api/client';
import { today } from '../../components/format';
import { AlertsPanel, type AlertsData } from './AlertsPanel';
import { Chart } from './Chart';
import { expiryChart, movementsChart, stockByCategory } from './chartOptions';
import { CoverageTable } from './CoverageTable';
import { backupState, expiryAlerts, farExpiryDays, itemEntries } from '../../../shared/dashboard/alerts';
import './home.css';

function valueOf<T>(state: Loaded<T>): T | undefined {
  return state.status === 'ok' ? state.value : state.status === 'loading' ? state.stale : undefined;
}

/** A section's load failure, said where the section would be, with a way to try again. */
function Problem({ error, retry }: { error: AppError; retry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="home-problem">
      <p className="notice-error" role="alert">
        {t('home.loadFailed', { reason: errorText(t, error) })}
      </p>
      <button type="button" className="button button-quiet" onClick={retry}>
        {t('home.retry')}
      </button>
    </div>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  const day = useMemo(() => today(), []);
  const inventory = useChannel('stock:inventory', { includeInactive: true });
  const below = useChannel('stock:below-minimum');
  const expiring = useChannel('stock:expiring', { withinDays: farExpiryDays });
  const aged = useChannel('stock:aged', { years: 3 });
  const paperwork = useChannel('stock:pending-paperwork');
  const backup = useChannel('backup:status');
  const coverage = useChannel('dashboard:coverage');
  const movements = useChannel('dashboard:movements', { months: 12 });
  const timeline = useChannel('dashboard:expiry-timeline', { months: 12 });

  // The window takes the day's backup as it opens: read the backup state again once that has run.
  const reloadBackup = backup.reload;
  useEffect(() => {
    window.addEventListener(dailyBackupSettledEvent, reloadBackup);
    return () => window.removeEventListener(dailyBackupSettledEvent, reloadBackup);
  }, [reloadBackup]);

  const alertSources = [inventory, below, expiring, aged, paperwork, backup];
  const alertError = alertSources.map((s) => s.state).find((s) => s.status === 'error');
  const alerts = useMemo<AlertsData | null>(() => {
    const rows = valueOf(inventory.state);
    const belowRows = valueOf(below.state);
    const expiringRows = valueOf(expiring.state);
    const agedRows = valueOf(aged.state);
    const pending = valueOf(paperwork.state);
    const backupStatus = valueOf(backup.state);
    if (!rows || !belowRows || !expiringRows || !agedRows || !pending || !backupStatus) return null;
    const items = new Map(rows.map((r) => [r.itemId, r]));
    return {
      below: belowRows.map((r) => ({
        itemId: r.itemId,
        code: r.code,
        name: r.name,
        unit: items.get(r.itemId)?.baseUnit ?? '',
        quantity: r.onHand,
        minStock: r.minStock,
        date: '',
      })),
      ...(({ expired, within90, within180 }) => ({ expired, expiring90: within90, expiring180: within180 }))(
        expiryAlerts(expiringRows, items, day),
      ),
      aged: itemEntries(agedRows, items, (r) => r.receiptDate),
      paperwork: pending,
      backup: backupState(backupStatus, new Date()),
    };
  }, [inventory.state, below.state, expiring.state, aged.state, paperwork.state, backup.state, day]);

  const coverageValue = valueOf(coverage.state);
  const movementsValue = valueOf(movements.state);
  const timelineValue = valueOf(timeline.state);
  const charts = useMemo(
    () => ({
      stock: coverageValue ? stockByCategory(t, coverageValue) : null,
      movements: movementsValue ? movementsChart(t, movementsValue.months) : null,
      expiry: timelineValue ? expiryChart(t, timelineValue) : null,
    }),
    [t, coverageValue, movementsValue, timelineValue],
  );

  return (
    <div className="home">
      {alertError?.status === 'error' && (
        <Problem error={alertError.error} retry={() => alertSources.forEach((s) => s.reload())} />
      )}
      <AlertsPanel data={alerts} />

      <section className="home-section" aria-labelledby="home-coverage-title">
        <div className="home-section-head">
          <h2 id="home-coverage-title">{t('home.coverage.title')}</h2>
          <p id="home-coverage-caption" className="home-caption">
            {t('home.coverage.caption')} {t('home.coverage.editHint')}
          </p>
        </div>
        {coverage.state.status === 'error' && <Problem error={coverage.state.error} retry={coverage.reload} />}
        {coverageValue ? (
          <CoverageTable coverage={coverageValue} />
        ) : (
          coverage.state.status === 'loading' && <p className="home-muted">{t('home.loading')}</p>
        )}
      </section>

      <div className="home-charts">
        {(
          [
            ['stock', t('home.charts.stockByCategory.title'), charts.stock, coverage],
            ['movements', t('home.charts.movements.title'), charts.movements, movements],
            ['expiry', t('home.charts.expiry.title'), charts.expiry, timeline],
          ] as const
        ).map(([key, title, chart, source]) => (
          <figure key={key} className="home-chart" aria-labelledby={`home-chart-${key}`}>
            <figcaption id={`home-chart-${key}`} className="home-subheading">
              {title}
            </figcaption>
            {source.state.status === 'error' && <Problem error={source.state.error} retry={source.reload} />}
            {chart?.empty && <p className="home-chart-empty">{t('home.charts.empty')}</p>}
            {chart && !chart.empty && <Chart option={chart.option} summary={chart.summary} />}
            {!chart && <div className="home-chart-canvas" />}
          </figure>
        ))}
      </div>
    </div>
  );
}
