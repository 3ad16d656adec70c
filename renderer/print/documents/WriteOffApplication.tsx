/**
 * 救灾物资报废申请审批表: the write-off as the form a supervisor reviews and approves — items, batches,
 * quantities, value and the reason, then the approval block (申请人, 保管员, 审核, 批准). A name and date
 * stand where the document records them (the applicant: whoever posted it, on its document date); the
 * other roles get blank lines for pen and stamp.
 */
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { DocumentDetail } from '../../../shared/contract';
import { useDepot } from '../../app/depot';
import { formatDateTime } from '../../components/format';
import type { PrintViewProps } from '../registry';
import { documentRows, lineColumns } from './documentLines';
import { LineTotals } from './LineTotals';
import { PagedDocument } from './PagedDocument';
import { SignatureBlock, SlipHeader, type HeaderField, type SignatureRole } from './SlipParts';
import { useDocumentForPrint } from './useDocumentForPrint';
import { useSlipOptions } from './useSlipOptions';

function headerFields(t: TFunction, doc: DocumentDetail, depotName: string): HeaderField[] {
  return [
    { label: t('printForms.writeOff.applyingUnit'), value: depotName },
    { label: t('printForms.writeOff.appliedOn'), value: doc.docDate },
    { label: t('printForms.writeOff.postedAt'), value: formatDateTime(doc.postedAt) },
    { label: t('printForms.writeOff.reason'), value: doc.reason, wide: true },
    ...(doc.reversedBy ? [{ label: t('printDocuments.header.reversedBy'), value: doc.reversedBy }] : []),
    ...(doc.remarks ? [{ label: t('printDocuments.header.remarks'), value: doc.remarks, wide: true }] : []),
  ];
}

/** The approval block: the names and dates the document carries, blank lines for the rest. */
export function approvalRoles(t: TFunction, doc: DocumentDetail): SignatureRole[] {
  const opinion = [t('printForms.writeOff.opinion')];
  // A write-off posted after a supervisor's approval names both people and days; one posted directly by
  // a supervisor names them as applicant (the approval stamp marks it self-approved). 审核 is signed by hand.
  const day = (iso: string) => formatDateTime(iso).slice(0, 10);
  const stamp = doc.approval;
  return [
    // Applied for and approved later: the day of the application; posted directly: the document's date.
    stamp && !stamp.selfApproved
      ? { role: t('printForms.writeOff.applicant'), name: stamp.requestedByName, date: day(stamp.requestedAt) }
      : { role: t('printForms.writeOff.applicant'), name: stamp?.requestedByName ?? doc.operator, date: doc.docDate },
    { role: t('printForms.writeOff.keeper') },
    { role: t('printForms.writeOff.reviewer'), extra: opinion },
    stamp && !stamp.selfApproved
      ? {
          role: t('printForms.writeOff.approver'),
          name: stamp.approvedByName,
          date: day(stamp.approvedAt),
          extra: opinion,
        }
      : { role: t('printForms.writeOff.approver'), extra: opinion },
  ];
}

export function WriteOffApplication({ target, paper, params, ready, failed }: PrintViewProps) {
  const { t } = useTranslation();
  const { settings } = useDepot();
  const doc = useDocumentForPrint(target, 'write_off', failed);
  const { options, printedAt } = useSlipOptions(params, failed);

  if (!doc || !options) return null;
  const rows = documentRows(doc);
  const fields = headerFields(t, doc, settings.depotName);
  return (
    <PagedDocument
      paper={paper}
      copies={['']}
      lines={rows}
      lineKey={(r) => r.id}
      // The value written off is what the approver weighs: its column is always there.
      columns={lineColumns(t, { ordered: false, quantityHeader: t('printForms.writeOff.quantity'), withValue: true })}
      header={(page) => (
        <SlipHeader
          paper={paper}
          title={t('printForms.writeOff.title')}
          copy={page.copy}
          number={doc.number}
          fields={fields}
        />
      )}
      totals={(pageLines, page) => <LineTotals lines={page.last ? rows : pageLines} grand={page.last} withValue />}
      signatures={
        <SignatureBlock paper={paper} statement={t('printForms.writeOff.statement')} roles={approvalRoles(t, doc)} />
      }
      footer={{ printedAt, reprint: options.reprint, note: settings.printing.footerNote }}
      ready={ready}
      failed={failed}
    />
  );
}
