/**
 * 救灾物资出库单: the slip that travels with the truck, is signed, and comes back as proof. Every field
 * DOMAIN.md names — header, lines, totals, signatures, footer — printed in each copy of the set.
 * One printed line per dispatch line; the batches it was drawn from stand stacked inside its cells.
 */
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { DocumentDetail } from '../../../shared/contract';
import { useDepot } from '../../app/depot';
import { formatDateTime, today } from '../../components/format';
import { paperworkState, subkindText } from '../../features/documents/documentText';
import type { PrintViewProps } from '../registry';
import { PagedDocument } from './PagedDocument';
import { documentRows, lineColumns } from './documentLines';
import { SignatureBlock, SlipHeader, type HeaderField } from './SlipParts';
import { LineTotals } from './LineTotals';
import { useDocumentForPrint } from './useDocumentForPrint';
import { useSlipOptions } from './useSlipOptions';

function EmergencyMark({ doc }: { doc: DocumentDetail }) {
  const { t } = useTranslation();
  const state = paperworkState(doc, today());
  if (state === null) return null;
  if (state === 'filed' && doc.filing) {
    return (
      <div className="slip-emergency slip-emergency--filed">
        <strong>{t('printDocuments.emergency.filed')}</strong>
        <span>
          {t('printDocuments.emergency.filedDetail', {
            orderNo: doc.filing.orderNo,
            filedAt: formatDateTime(doc.filing.filedAt),
          })}
        </span>
      </div>
    );
  }
  if (state === 'withOrder') {
    return (
      <div className="slip-emergency slip-emergency--filed">
        <strong>{t('printDocuments.emergency.withOrder')}</strong>
      </div>
    );
  }
  if (state === 'reversed') {
    return (
      <div className="slip-emergency slip-emergency--filed">
        <strong>{t('printDocuments.emergency.reversed')}</strong>
      </div>
    );
  }
  return (
    <div className="slip-emergency">
      <strong>{t('printDocuments.emergency.pending')}</strong>
      <span>{t('printDocuments.emergency.deadline', { due: doc.paperworkDue ?? '' })}</span>
    </div>
  );
}

function headerFields(t: TFunction, doc: DocumentDetail, depotName: string): HeaderField[] {
  const { transport } = doc;
  return [
    { label: t('printDocuments.header.kind'), value: subkindText(t, 'dispatch', doc.subkind) },
    { label: t('printDocuments.header.orderNo'), value: doc.orderNo },
    { label: t('printDocuments.header.orderIssuer'), value: doc.orderIssuer },
    { label: t('printDocuments.header.orderDate'), value: doc.orderDate ?? '' },
    { label: t('printDocuments.header.incident'), value: doc.incidentName },
    {
      label: t('printDocuments.header.responseLevel'),
      value: doc.responseLevel ? t(`common.responseLevels.${doc.responseLevel}`) : '',
    },
    { label: t('printDocuments.header.depot'), value: depotName },
    { label: t('printDocuments.header.docDate'), value: doc.docDate },
    { label: t('printDocuments.header.dispatchedAt'), value: formatDateTime(doc.postedAt) },
    { label: t('printDocuments.header.receivingUnit'), value: doc.partyName ?? '' },
    { label: t('printDocuments.header.contact'), value: doc.partyContact },
    { label: t('printDocuments.header.phone'), value: doc.partyPhone },
    { label: t('printDocuments.header.address'), value: doc.partyAddress, wide: true },
    { label: t('printDocuments.header.transportMode'), value: transport.mode },
    { label: t('printDocuments.header.carrier'), value: transport.carrier },
    { label: t('printDocuments.header.plateNo'), value: transport.plateNo },
    { label: t('printDocuments.header.driver'), value: transport.driver },
    { label: t('printDocuments.header.driverPhone'), value: transport.driverPhone },
    ...(doc.reversedBy ? [{ label: t('printDocuments.header.reversedBy'), value: doc.reversedBy }] : []),
    ...(doc.remarks ? [{ label: t('printDocuments.header.remarks'), value: doc.remarks, wide: true }] : []),
  ];
}

export function DispatchSlip({ target, paper, params, ready, failed }: PrintViewProps) {
  const { t } = useTranslation();
  const { settings } = useDepot();
  const doc = useDocumentForPrint(target, 'dispatch', failed);
  const { options, printedAt } = useSlipOptions(params, failed);

  if (!doc || !options) return null;
  const rows = documentRows(doc);
  const withValue = rows.some((r) => r.valueFen > 0);
  const title = settings.printing.titles.dispatch || t('printDocuments.titles.dispatch');
  const fields = headerFields(t, doc, settings.depotName);
  return (
    <PagedDocument
      paper={paper}
      copies={options.copies}
      lines={rows}
      lineKey={(r) => r.id}
      columns={lineColumns(t, {
        ordered: true,
        quantityHeader: t('printDocuments.columns.quantityIssued'),
        withValue,
      })}
      header={(page) => (
        <SlipHeader
          paper={paper}
          title={title}
          copy={page.copy}
          number={doc.number}
          marks={<EmergencyMark doc={doc} />}
          fields={fields}
        />
      )}
      totals={(pageLines, page) => (
        <LineTotals lines={page.last ? rows : pageLines} grand={page.last} withValue={withValue} />
      )}
      signatures={
        <SignatureBlock
          paper={paper}
          statement={t('printDocuments.signatures.jointCount')}
          roles={[
            { role: t('printDocuments.signatures.preparedBy'), name: doc.operator },
            { role: t('printDocuments.signatures.reviewedBy') },
            { role: t('printDocuments.signatures.approvedBy') },
            { role: t('printDocuments.signatures.keeper') },
            { role: t('printDocuments.signatures.collector') },
            {
              role: t('printDocuments.signatures.receiver'),
              extra: [t('printDocuments.signatures.arrivalTime'), t('printDocuments.signatures.condition')],
            },
          ]}
        />
      }
      footer={{ printedAt, reprint: options.reprint, note: settings.printing.footerNote }}
      ready={ready}
      failed={failed}
    />
  );
}
