import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Location as StorageLocation, Party, Source } from '../../../shared/contract';
import { Dialog } from '../../components/Dialog';
import { formatCartons, formatNumber } from '../../components/format';
import { derivedExpiry, effectiveExpiry, isBlankLine, parseDate, quantityOf, type ReceiptForm } from './receiptForm';
import { quantitiesByUnit } from './receiptSummary';

interface ConfirmReceiptDialogProps {
  open: boolean;
  /** The posting is on its way: the buttons stay disabled until the answer comes. */
  posting: boolean;
  form: ReceiptForm;
  source: Source | null;
  parties: Party[];
  locations: StorageLocation[];
  onConfirm(): void;
  onCancel(): void;
}

/**
 * What is about to be posted, read back before it becomes permanent: header, every line with its
 * quantity in units and in cartons, batch, expiry and location, and the totals. Enter confirms.
 */
export function ConfirmReceiptDialog({
  open,
  posting,
  form,
  source,
  parties,
  locations,
  onConfirm,
  onCancel,
}: ConfirmReceiptDialogProps) {
  const { t } = useTranslation();
  const confirmButton = useRef<HTMLButtonElement>(null);

  // The dialog opens on its confirm button, so Enter posts and Escape goes back to editing.
  useEffect(() => {
    if (open) confirmButton.current?.focus();
  }, [open]);

  const { header } = form;
  const lines = form.lines.filter((l) => !isBlankLine(l) && l.item);
  const party = header.kind === 'donation' ? source?.donorName : parties.find((p) => p.id === header.partyId)?.name;
  const locationName = (id: string) => {
    const location = locations.find((l) => l.id === id);
    return location ? `${location.code} ${location.name}` : '';
  };
  const none = t('receive.confirm.none');

  return (
    <Dialog
      title={t('receive.confirm.title')}
      open={open}
      wide
      onClose={() => {
        if (!posting) onCancel();
      }}
      actions={
        <>
          <button type="button" className="button button-quiet" disabled={posting} onClick={onCancel}>
            {t('receive.confirm.back')}
          </button>
          <button
            ref={confirmButton}
            type="button"
            className="button button-primary"
            disabled={posting}
            aria-busy={posting || undefined}
            onClick={onConfirm}
          >
            {posting ? t('receive.confirm.posting') : t('receive.confirm.confirm')}
          </button>
        </>
      }
    >
      <p className="receive-confirm-intro">{t('receive.confirm.intro')}</p>
      <dl className="receive-confirm-header">
        <div>
          <dt>{t('receive.confirm.kind')}</dt>
          <dd>{t(`common.receiptKinds.${header.kind}`)}</dd>
        </div>
        <div>
          <dt>{t('receive.confirm.source')}</dt>
          <dd>{source?.name ?? none}</dd>
        </div>
        <div>
          <dt>{header.kind === 'donation' ? t('receive.header.donor') : t('receive.confirm.party')}</dt>
          <dd>{party || none}</dd>
        </div>
        <div>
          <dt>{t('receive.confirm.docDate')}</dt>
          <dd>{parseDate(header.docDate) ?? header.docDate}</dd>
        </div>
        {header.remarks.trim() && (
          <div className="receive-confirm-remarks">
            <dt>{t('receive.confirm.remarks')}</dt>
            <dd>{header.remarks.trim()}</dd>
          </div>
        )}
      </dl>
      <table className="receive-confirm-lines">
        <thead>
          <tr>
            <th scope="col" className="receive-num">
              {t('receive.confirm.no')}
            </th>
            <th scope="col">{t('receive.confirm.item')}</th>
            <th scope="col" className="receive-num">
              {t('receive.confirm.quantity')}
            </th>
            <th scope="col" className="receive-num">
              {t('receive.confirm.cartons')}
            </th>
            <th scope="col">{t('receive.confirm.batchNo')}</th>
            <th scope="col">{t('receive.confirm.expiryDate')}</th>
            <th scope="col">{t('receive.confirm.location')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line, index) => {
            const item = line.item!;
            const quantity = quantityOf(line);
            const expiry = effectiveExpiry(line);
            return (
              <tr key={line.key}>
                <td className="receive-num">{index + 1}</td>
                <td>
                  <span className="receive-code">{item.code}</span> {item.name}
                  {item.spec && <span className="receive-spec"> {item.spec}</span>}
                </td>
                <td className="receive-num">
                  {formatNumber(quantity)} {item.baseUnit}
                </td>
                <td className="receive-num">
                  {item.packSize > 1 ? formatCartons(t, quantity, item.packSize, item.baseUnit) : none}
                </td>
                <td>
                  {line.batchNo.trim() || <span className="receive-muted">{t('receive.confirm.batchFromNumber')}</span>}
                </td>
                <td>
                  {expiry ?? none}
                  {expiry && derivedExpiry(line) && (
                    <span className="receive-muted">{t('receive.confirm.derived')}</span>
                  )}
                </td>
                <td>{locationName(line.locationId)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="receive-confirm-totals">
        {t('receive.confirm.totals', { lines: lines.length, quantities: quantitiesByUnit(t, lines) })}
      </p>
    </Dialog>
  );
}
