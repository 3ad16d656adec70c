/**
 * 救灾物资入库单: goods received (purchase, allocation from above, donation, return against a dispatch),
 * printed in the depot's copies with the same pagination, lines and totals as the dispatch slip.
 */
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { DocumentDetail } from '../../../shared/contract';
import { useDepot } from '../../app/depot';
import { formatDateTime } from '../../components/format';
import { subkindText } from '../../features/documents/documentText';
import type { PrintViewProps } from '../registry';
import { documentRows, lineColumns } from './documentLines';
import { LineTotals } from './LineTotals';
import { PagedDocument } from './PagedDocument';
import { SignatureBlock, SlipHeader, type HeaderField } from './SlipParts';
import { useDocumentForPrint } from './useDocumentForPrint';
import { useSlipOptions } from './useSlipOptions';

/** Who the goods came from, named as the receipt's kind names them. */
function partyLabel(t: TFunction, subkind: string): string {
  if (subkind === 'purchase') return t('printDocuments.header.supplier');
  if (subkind === 'allocation') return t('printDocuments.header.issuingUnit');
  if (subkind === 'donation') return t('printDocuments.header.donor');
  return t('printDocuments.header.receivingUnit');
}

function headerFields(t: TFunction, doc: DocumentDetail, depotName: string): HeaderField[] {
  return [
    { label: t('printDocuments.header.receiptKind'), value: subkindText(t, 'receipt', doc.subkind) },
    { label: t('printDocuments.header.source'), value: doc.sourceName ?? '' },
    { label: partyLabel(t, doc.subkind), value: doc.partyName ?? '' },
    { label: t('printDocuments.header.contact'), value: doc.partyContact },
    { label: t('printDocuments.header.phone'), value: doc.partyPhone },
    { label: t('printDocuments.header.receivingDepot'), value: depotName },
    { label: t('printDocuments.header.docDate'), value: doc.docDate },
    { label: t('printDocuments.header.receivedAt'), value: formatDateTime(doc.postedAt) },
    ...(doc.relatedNumber ? [{ label: t('printDocuments.header.returnOf'), value: doc.relatedNumber }] : []),
    ...(doc.reversedBy ? [{ label: t('printDocuments.header.reversedBy'), value: doc.reversedBy }] : []),
    ...(doc.remarks ? [{ label: t('printDocuments.header.remarks'), value: doc.remarks, wide: true }] : []),
  ];
}

export function ReceiptSlip({ target, paper, params, ready, failed }: PrintViewProps) {
  const { t } = useTranslation();
  const { settings } = useDepot();
  const doc = useDocumentForPrint(target, 'receipt', failed);
  const { options, printedAt } = useSlipOptions(params, failed);

  if (!doc || !options) return null;
  const rows = documentRows(doc);
  const withValue = rows.some((r) => r.valueFen > 0);
  const title = settings.printing.titles.receipt || t('printDocuments.titles.receipt');
  const fields = headerFields(t, doc, settings.depotName);
  return (
    <PagedDocument
      paper={paper}
      copies={options.copies}
      lines={rows}
      lineKey={(r) => r.id}
      columns={lineColumns(t, {
        ordered: false,
        quantityHeader: t('printDocuments.columns.quantityReceived'),
        withValue,
      })}
      header={(page) => <SlipHeader paper={paper} title={title} copy={page.copy} number={doc.number} fields={fields} />}
      totals={(pageLines, page) => (
        <LineTotals lines={page.last ? rows : pageLines} grand={page.last} withValue={withValue} />
      )}
      signatures={
        <SignatureBlock
          paper={paper}
          statement={t('printDocuments.signatures.jointCountReceipt')}
          roles={[
            { role: t('printDocuments.signatures.preparedBy'), name: doc.operator },
            { role: t('printDocuments.signatures.deliverer') },
            { role: t('printDocuments.signatures.inspector') },
            { role: t('printDocuments.signatures.keeper') },
            { role: t('printDocuments.signatures.reviewedBy') },
            { role: t('printDocuments.signatures.approvedBy') },
          ]}
        />
      }
      footer={{ printedAt, reprint: options.reprint, note: settings.printing.footerNote }}
      ready={ready}
      failed={failed}
    />
  );
}
