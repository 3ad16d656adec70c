/**
 * 应急事件物资发放报告: what was dispatched for an incident, by receiving unit and item, paged like every
 * printed document (header, column header, totals, signatures and page X/Y on every page). Its numbers
 * are `incidents:report`'s, the same the screen shows.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentReport } from '../../../shared/contract';
import { useDepot } from '../../app/depot';
import { formatDateTime, formatFen, formatNumber } from '../../components/format';
import type { PrintViewProps } from '../registry';
import { usePrintData } from '../usePrintData';
import { PagedDocument, type LineColumn } from './PagedDocument';
import { FieldGrid, SignatureBlock } from './SlipParts';

type Row = IncidentReport['rows'][number];

export function IncidentReportPrint({ target, paper, params, ready, failed }: PrintViewProps) {
  const { t } = useTranslation();
  const { settings } = useDepot();
  const report = usePrintData('incidents:report', { incidentId: target }, failed);
  const [printedAt] = useState(() => formatDateTime(new Date().toISOString()));

  if (!report) return null;
  const { incident } = report;
  const columns: LineColumn<Row>[] = [
    { id: 'unit', header: t('emergency.report.col.unit'), width: 26, cell: (r) => r.unitName, stacked: 'title' },
    { id: 'code', header: t('emergency.report.col.code'), width: 14, cell: (r) => r.itemCode },
    {
      id: 'item',
      header: t('emergency.report.col.item'),
      width: 26,
      cell: (r) => `${r.itemName} ${r.spec}`.trim(),
      stacked: 'title',
    },
    {
      id: 'quantity',
      header: t('emergency.report.col.quantity'),
      width: 16,
      align: 'end',
      cell: (r) => `${formatNumber(r.quantity)} ${r.baseUnit}`,
    },
    {
      id: 'value',
      header: t('emergency.report.col.value'),
      width: 16,
      align: 'end',
      cell: (r) => formatFen(r.valueFen),
    },
  ];
  const reprint = /^\d{1,3}$/.test(params.reprint ?? '') ? Number(params.reprint) : null;
  const dispatches = report.dispatches.filter((d) => !d.reversed).length;
  return (
    <PagedDocument
      paper={paper}
      copies={['']}
      lines={report.rows}
      lineKey={(r) => `${r.unitId}-${r.itemId}`}
      columns={columns}
      header={() => (
        <>
          <div className="incident-print-heading">
            {settings.depotName && <div className="slip-depot">{settings.depotName}</div>}
            <h1 className="slip-title">{t('emergency.report.printTitle')}</h1>
          </div>
          <FieldGrid
            paper={paper}
            fields={[
              { label: t('emergency.incidents.name'), value: incident.name, wide: true },
              { label: t('emergency.incidents.type'), value: t(`emergency.types.${incident.type}`) },
              { label: t('emergency.incidents.level'), value: t('emergency.level', { level: incident.responseLevel }) },
              { label: t('emergency.incidents.startedAt'), value: formatDateTime(incident.startedAt) },
              {
                label: t('emergency.report.closedAt'),
                value: incident.closedAt ? formatDateTime(incident.closedAt) : t('emergency.incidents.ongoing'),
              },
              { label: t('emergency.report.dispatchCount'), value: formatNumber(dispatches) },
              { label: t('emergency.report.unitCount'), value: formatNumber(report.units.length) },
            ]}
          />
        </>
      )}
      totals={(pageLines, page) => (
        <p className="incident-print-totals">
          {page.last
            ? t('emergency.report.grandTotal', {
                items: formatNumber(report.items.length),
                value: formatFen(report.totalValueFen),
              })
            : t('emergency.report.pageTotal', {
                value: formatFen(pageLines.reduce((sum, r) => sum + r.valueFen, 0)),
              })}
        </p>
      )}
      signatures={
        <SignatureBlock
          paper={paper}
          statement={t('emergency.report.statement')}
          roles={[
            { role: t('printDocuments.signatures.preparedBy') },
            { role: t('printDocuments.signatures.reviewedBy') },
            { role: t('printDocuments.signatures.approvedBy') },
          ]}
        />
      }
      footer={{ printedAt, reprint: reprint && reprint > 0 ? reprint : null, note: settings.printing.footerNote }}
      ready={ready}
      failed={failed}
    />
  );
}
