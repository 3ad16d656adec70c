import { useTranslation } from 'react-i18next';
import { errorText, useChannel } from '../../api/client';
import { areaHref } from '../../app/areas';
import { formatDateTime, formatFen, formatNumber } from '../../components/format';
import { PrintButton } from '../../print/PrintButton';
import { ExportButton } from '../reports/ExportJob';

/**
 * An incident's report on screen: what each receiving unit got, item by item, the totals per item, and
 * every dispatch. The numbers are `incidents:report`'s, the same the printout (and any export) shows.
 */
export function IncidentReportView({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const { state } = useChannel('incidents:report', { incidentId });
  if (state.status === 'error') {
    return (
      <p className="notice-error" role="alert">
        {errorText(t, state.error)}
      </p>
    );
  }
  const report = state.status === 'ok' ? state.value : state.stale;
  if (!report) return <p className="emergency-empty">{t('emergency.report.loading')}</p>;
  const { incident } = report;
  return (
    <section className="incident-report" aria-label={t('emergency.report.title', { name: incident.name })}>
      <header className="incident-report-header">
        <h2 className="emergency-heading">{t('emergency.report.title', { name: incident.name })}</h2>
        <div className="incident-report-actions">
          <PrintButton
            kind="incident-report"
            target={incident.id}
            number={incident.name}
            label={t('emergency.report.print')}
          />
          <ExportButton
            request={{ kind: 'incident', incidentId: incident.id }}
            label={t('reports.quick.incident')}
            what={`${t('reports.kinds.incident')} ${incident.name}`}
          />
        </div>
      </header>
      {report.dispatches.length === 0 ? (
        <p className="emergency-empty">{t('emergency.report.nothing')}</p>
      ) : (
        <div className="incident-report-body">
          <table className="emergency-table" aria-label={t('emergency.report.byUnit')}>
            <caption>{t('emergency.report.byUnit')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('emergency.report.col.unit')}</th>
                <th scope="col">{t('emergency.report.col.item')}</th>
                <th scope="col" className="num">
                  {t('emergency.report.col.quantity')}
                </th>
                <th scope="col" className="num">
                  {t('emergency.report.col.value')}
                </th>
              </tr>
            </thead>
            <tbody>
              {report.rows.map((r, i) => (
                <tr key={`${r.unitId}-${r.itemId}`}>
                  <td>{i === 0 || report.rows[i - 1]!.unitId !== r.unitId ? r.unitName : ''}</td>
                  <td>
                    {r.itemCode} {r.itemName} <span className="quick-spec">{r.spec}</span>
                  </td>
                  <td className="num">
                    {formatNumber(r.quantity)} {r.baseUnit}
                  </td>
                  <td className="num">{formatFen(r.valueFen)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="incident-report-side">
            <table className="emergency-table" aria-label={t('emergency.report.byItem')}>
              <caption>{t('emergency.report.byItem')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('emergency.report.col.item')}</th>
                  <th scope="col" className="num">
                    {t('emergency.report.col.quantity')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.items.map((r) => (
                  <tr key={r.itemId}>
                    <td>
                      {r.itemCode} {r.itemName}
                    </td>
                    <td className="num">
                      {formatNumber(r.quantity)} {r.baseUnit}
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('emergency.report.totalValue')}</th>
                  <td className="num">{formatFen(report.totalValueFen)}</td>
                </tr>
              </tfoot>
            </table>
            <table className="emergency-table" aria-label={t('emergency.report.dispatches')}>
              <caption>{t('emergency.report.dispatches')}</caption>
              <tbody>
                {report.dispatches.map((d) => (
                  <tr key={d.documentId} className={d.reversed ? 'incident-report-reversed' : undefined}>
                    <td>
                      <a href={areaHref('documents', d.documentId)}>{d.number}</a>
                    </td>
                    <td>{formatDateTime(d.postedAt)}</td>
                    <td>{d.unitName}</td>
                    <td>
                      {d.reversed
                        ? t('emergency.report.reversed')
                        : d.paperworkPending
                          ? t('emergency.report.pending')
                          : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </section>
  );
}
