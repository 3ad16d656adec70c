/**
 * 救灾物资移库单: goods moved between slots. Each line prints the batch and source it moved, the slot it
 * left and the slot it went to; the keepers of both slots sign. Printed once (no copy set): both slots
 * are in the same depot and the slip stays with its records.
 */
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { DocumentDetail } from '../../../shared/contract';
import { useDepot } from '../../app/depot';
import { formatDateTime } from '../../components/format';
import type { PrintViewProps } from '../registry';
import { lineColumns, transferRows } from './documentLines';
import { LineTotals } from './LineTotals';
import { PagedDocument } from './PagedDocument';
import { SignatureBlock, SlipHeader, type HeaderField } from './SlipParts';
import { useDocumentForPrint } from './useDocumentForPrint';
import { useSlipOptions } from './useSlipOptions';

function headerFields(t: TFunction, doc: DocumentDetail, depotName: string): HeaderField[] {
  return [
    { label: t('printForms.transfer.depot'), value: depotName },
    { label: t('printDocuments.header.docDate'), value: doc.docDate },
    { label: t('printForms.transfer.movedAt'), value: formatDateTime(doc.postedAt) },
    ...(doc.reversedBy ? [{ label: t('printDocuments.header.reversedBy'), value: doc.reversedBy }] : []),
    ...(doc.remarks ? [{ label: t('printDocuments.header.remarks'), value: doc.remarks, wide: true }] : []),
  ];
}

export function TransferSlip({ target, paper, params, ready, failed }: PrintViewProps) {
  const { t } = useTranslation();
  const { settings } = useDepot();
  const doc = useDocumentForPrint(target, 'transfer', failed);
  const { options, printedAt } = useSlipOptions(params, failed);

  if (!doc || !options) return null;
  const rows = transferRows(doc);
  const fields = headerFields(t, doc, settings.depotName);
  return (
    <PagedDocument
      paper={paper}
      copies={['']}
      lines={rows}
      lineKey={(r) => r.id}
      columns={lineColumns(t, {
        ordered: false,
        quantityHeader: t('printForms.transfer.quantity'),
        withValue: false,
        transfer: true,
      })}
      header={(page) => (
        <SlipHeader
          paper={paper}
          title={t('printForms.transfer.title')}
          copy={page.copy}
          number={doc.number}
          fields={fields}
        />
      )}
      totals={(pageLines, page) => (
        <LineTotals lines={page.last ? rows : pageLines} grand={page.last} withValue={false} />
      )}
      signatures={
        <SignatureBlock
          paper={paper}
          statement={t('printForms.transfer.statement')}
          roles={[
            { role: t('printDocuments.signatures.preparedBy'), name: doc.operator },
            { role: t('printForms.transfer.mover') },
            { role: t('printForms.transfer.receiver') },
          ]}
        />
      }
      footer={{ printedAt, reprint: options.reprint, note: settings.printing.footerNote }}
      ready={ready}
      failed={failed}
    />
  );
}
