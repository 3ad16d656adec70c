import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemSearchHit, Location as StorageLocation } from '../../../shared/contract';
import { ItemPicker } from '../../components/ItemPicker';
import { QuantityInput } from '../../components/QuantityInput';
import { moveOnEnter } from './keyboardFlow';
import {
  derivedExpiry,
  lineFieldId,
  lineFields,
  maxLength,
  tidyDate,
  type LineField,
  type LineProblem,
  type ReceiptLine,
} from './receiptForm';

interface ReceiptLinesTableProps {
  lines: ReceiptLine[];
  /** Active locations the goods may be put in. */
  locations: StorageLocation[];
  /** Problems found before posting, per line key. */
  problems: Record<string, LineProblem[]>;
  /** A refusal by the backend that names one of the lines. */
  refusal: { key: string; field: LineField | null; message: string } | null;
  onChange(key: string, patch: Partial<ReceiptLine>): void;
  onPick(key: string, hit: ItemSearchHit): void;
  onClearItem(key: string): void;
  onRemove(key: string): void;
  /** Enter in the last field of a line. */
  onPastEnd(key: string): void;
}

/** Which column header names each field in a line's accessible names. */
const fieldLabelKey = {
  item: 'receive.lines.item',
  quantity: 'receive.lines.quantity',
  batchNo: 'receive.lines.batchNo',
  productionDate: 'receive.lines.productionDate',
  expiryDate: 'receive.lines.expiryDate',
  origin: 'receive.lines.origin',
  locationId: 'receive.lines.location',
  remarks: 'receive.lines.remarks',
} as const satisfies Record<LineField, string>;

/**
 * The receipt's lines as a table of inputs: Tab and Enter walk through a line in order, Enter in
 * the last field goes on to the next line (adding one at the end). Problems show under their line.
 */
export function ReceiptLinesTable({
  lines,
  locations,
  problems,
  refusal,
  onChange,
  onPick,
  onClearItem,
  onRemove,
  onPastEnd,
}: ReceiptLinesTableProps) {
  const { t } = useTranslation();
  return (
    <div className="receive-lines-wrap">
      <table className="receive-lines">
        <caption className="receive-sr-only">{t('receive.lines.caption')}</caption>
        <colgroup>
          <col className="receive-col-no" />
          <col className="receive-col-item" />
          <col className="receive-col-quantity" />
          <col className="receive-col-batch" />
          <col className="receive-col-date" />
          <col className="receive-col-date" />
          <col className="receive-col-origin" />
          <col className="receive-col-location" />
          <col className="receive-col-remarks" />
          <col className="receive-col-actions" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col" className="receive-num">
              {t('receive.lines.no')}
            </th>
            {lineFields.map((field) => (
              <th key={field} scope="col" className={field === 'quantity' ? 'receive-num' : undefined}>
                {t(fieldLabelKey[field])}
              </th>
            ))}
            <th scope="col">
              <span className="receive-sr-only">{t('receive.lines.actions')}</span>
            </th>
          </tr>
        </thead>
        {lines.map((line, index) => (
          <ReceiptLineRow
            key={line.key}
            line={line}
            lineNo={index + 1}
            locations={locations}
            problems={problems[line.key] ?? []}
            refusal={refusal?.key === line.key ? refusal : null}
            onChange={(patch) => onChange(line.key, patch)}
            onPick={(hit) => onPick(line.key, hit)}
            onClearItem={() => onClearItem(line.key)}
            onRemove={() => onRemove(line.key)}
            onPastEnd={() => onPastEnd(line.key)}
          />
        ))}
      </table>
    </div>
  );
}

interface ReceiptLineRowProps {
  line: ReceiptLine;
  lineNo: number;
  locations: StorageLocation[];
  problems: LineProblem[];
  refusal: { field: LineField | null; message: string } | null;
  onChange(patch: Partial<ReceiptLine>): void;
  onPick(hit: ItemSearchHit): void;
  onClearItem(): void;
  onRemove(): void;
  onPastEnd(): void;
}

function ReceiptLineRow({
  line,
  lineNo,
  locations,
  problems,
  refusal,
  onChange,
  onPick,
  onClearItem,
  onRemove,
  onPastEnd,
}: ReceiptLineRowProps) {
  const { t } = useTranslation();
  const { key, item } = line;
  const label = (field: LineField) => t('receive.lines.fieldLabel', { line: lineNo, field: t(fieldLabelKey[field]) });
  const messageId = (index: number) => `${lineFieldId(key, 'item')}-problem-${index}`;

  const messages: { field: LineField | null; text: string }[] = problems.map((p) => ({
    field: p.field,
    text: t(`receive.problems.${p.problem}`),
  }));
  if (refusal) messages.push({ field: refusal.field, text: refusal.message });

  /** The field's state for assistive technology: invalid, and which sentences explain why. */
  const described = (field: LineField) => {
    const ids = messages.flatMap((m, i) => (m.field === field ? [messageId(i)] : []));
    return ids.length > 0 ? { 'aria-invalid': true, 'aria-describedby': ids.join(' ') } : {};
  };
  // A refusal about the line as a whole (no field named) marks the item, which identifies the line.
  const lineWide = messages.some((m) => m.field === null);

  const derived = derivedExpiry(line);
  const expiryHint =
    derived && item ? t('receive.lines.derivedExpiry', { days: item.shelfLifeDays ?? 0, date: derived }) : '';

  function onRowKeyDown(event: KeyboardEvent<HTMLTableRowElement>) {
    moveOnEnter(event, event.currentTarget, onPastEnd);
  }

  const invalidClass = messages.length > 0 ? ' receive-line-invalid' : '';

  return (
    <tbody className={`receive-line${invalidClass}`}>
      <tr onKeyDown={onRowKeyDown}>
        <th scope="row" className="receive-num receive-line-no">
          {lineNo}
        </th>
        <td>
          <ItemPicker
            id={lineFieldId(key, 'item')}
            label={label('item')}
            value={item}
            onPick={onPick}
            onClear={onClearItem}
            {...(lineWide
              ? { 'aria-invalid': true, 'aria-describedby': messages.map((_, i) => messageId(i)).join(' ') }
              : described('item'))}
          />
        </td>
        <td className="receive-quantity-cell">
          <QuantityInput
            id={lineFieldId(key, 'quantity')}
            label={label('quantity')}
            packSize={item?.packSize ?? 1}
            unit={item?.baseUnit ?? ''}
            value={{ cartons: line.cartons, units: line.units }}
            onChange={(v) => onChange(v)}
            {...described('quantity')}
          />
        </td>
        <td>
          <input
            id={lineFieldId(key, 'batchNo')}
            className="input receive-cell-input"
            type="text"
            autoComplete="off"
            spellCheck={false}
            maxLength={maxLength.batchNo}
            aria-label={label('batchNo')}
            placeholder={t('receive.lines.batchPlaceholder')}
            value={line.batchNo}
            onChange={(e) => onChange({ batchNo: e.target.value })}
            {...described('batchNo')}
          />
        </td>
        <td>
          <input
            id={lineFieldId(key, 'productionDate')}
            className="input receive-cell-input receive-date"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            maxLength={12}
            aria-label={label('productionDate')}
            placeholder="YYYY-MM-DD"
            value={line.productionDate}
            onChange={(e) => onChange({ productionDate: e.target.value })}
            onBlur={(e) =>
              tidyDate(e.target.value) !== e.target.value && onChange({ productionDate: tidyDate(e.target.value) })
            }
            {...described('productionDate')}
          />
        </td>
        <td>
          <input
            id={lineFieldId(key, 'expiryDate')}
            className="input receive-cell-input receive-date"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            maxLength={12}
            aria-label={label('expiryDate')}
            placeholder={derived ?? 'YYYY-MM-DD'}
            title={expiryHint || undefined}
            value={line.expiryDate}
            onChange={(e) => onChange({ expiryDate: e.target.value })}
            onBlur={(e) =>
              tidyDate(e.target.value) !== e.target.value && onChange({ expiryDate: tidyDate(e.target.value) })
            }
            {...described('expiryDate')}
          />
        </td>
        <td>
          <input
            id={lineFieldId(key, 'origin')}
            className="input receive-cell-input"
            type="text"
            autoComplete="off"
            maxLength={maxLength.origin}
            aria-label={label('origin')}
            value={line.origin}
            onChange={(e) => onChange({ origin: e.target.value })}
            {...described('origin')}
          />
        </td>
        <td>
          <select
            id={lineFieldId(key, 'locationId')}
            className="input receive-cell-input"
            aria-label={label('locationId')}
            value={line.locationId}
            onChange={(e) => onChange({ locationId: e.target.value })}
            {...described('locationId')}
          >
            <option value="">{t('receive.lines.locationPlaceholder')}</option>
            <LocationOptions locations={locations} />
          </select>
        </td>
        <td>
          <input
            id={lineFieldId(key, 'remarks')}
            className="input receive-cell-input"
            type="text"
            autoComplete="off"
            maxLength={maxLength.remarks}
            aria-label={label('remarks')}
            value={line.remarks}
            onChange={(e) => onChange({ remarks: e.target.value })}
            {...described('remarks')}
          />
        </td>
        <td className="receive-actions-cell">
          <button
            type="button"
            className="button button-quiet receive-remove"
            aria-label={t('receive.lines.remove', { line: lineNo })}
            title={t('receive.lines.remove', { line: lineNo })}
            onClick={onRemove}
          >
            ×
          </button>
        </td>
      </tr>
      {messages.length > 0 && (
        <tr className="receive-line-problems">
          <td />
          <td colSpan={9}>
            <ul>
              {messages.map((m, i) => (
                <li key={i} id={messageId(i)}>
                  {m.text}
                </li>
              ))}
            </ul>
          </td>
        </tr>
      )}
    </tbody>
  );
}

/**
 * Slots grouped under their zones, so arrow keys walk the slots in order; a zone without slots (or a
 * slot without a zone) is offered on its own.
 */
function LocationOptions({ locations }: { locations: StorageLocation[] }) {
  const zones = locations.filter((l) => l.kind === 'zone');
  const slotsOf = (zoneId: string | null) => locations.filter((l) => l.kind === 'slot' && l.zoneId === zoneId);
  const option = (l: StorageLocation) => (
    <option key={l.id} value={l.id}>
      {l.code} {l.name}
    </option>
  );
  const zoneIds = new Set(zones.map((z) => z.id));
  return (
    <>
      {zones.map((zone) => {
        const slots = slotsOf(zone.id);
        return slots.length > 0 ? (
          <optgroup key={zone.id} label={`${zone.code} ${zone.name}`}>
            {slots.map(option)}
          </optgroup>
        ) : (
          option(zone)
        );
      })}
      {locations.filter((l) => l.kind === 'slot' && (l.zoneId === null || !zoneIds.has(l.zoneId))).map(option)}
    </>
  );
}
