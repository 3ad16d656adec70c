import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemSearchHit, Source, StockRow } from '../../../shared/contract';
import { errorText } from '../../api/client';
import { formatNumber } from '../../components/format';
import { ItemPicker } from '../../components/ItemPicker';
import { QuantityInput } from '../../components/QuantityInput';
import { issuedQuantity, type DispatchLine } from './dispatchForm';
import type { ProposalState } from './useAllocations';

interface DispatchLineRowProps {
  line: DispatchLine;
  /** 0-based position on the slip. */
  index: number;
  sources: Source[];
  proposal: ProposalState;
  /** Why this line cannot post, if it cannot. */
  problem: string | undefined;
  /** Other line numbers dispatching the same item. */
  sameItemLines: number[];
  onChange(patch: Partial<DispatchLine>): void;
  onPickItem(hit: ItemSearchHit): void;
  onClearItem(): void;
  onRemove(): void;
  onAdjust(): void;
  /** Enter on the line's last field: on to the next line (a new one after the last). */
  onEnterPastLast(): void;
}

export function lineFieldId(key: string, field: 'item' | 'ordered' | 'issued' | 'source'): string {
  return `dispatch-${key}-${field}`;
}

/** The first box of a line's issued quantity (cartons, or units for items not packed in cartons). */
export function focusIssued(key: string): boolean {
  const box = document.getElementById(lineFieldId(key, 'issued'));
  if (!box) return false;
  box.focus();
  return true;
}

/** Base units with grouping and the unit: "1,234 瓶". */
function amount(quantity: number, unit: string): string {
  return `${formatNumber(quantity)} ${unit}`;
}

/**
 * One line of the slip and, beneath it, what the stock says about it: the FEFO proposal (or the
 * batches chosen by hand), what is short, what has expired, and the refusal that concerns the line.
 */
export function DispatchLineRow({
  line,
  index,
  sources,
  proposal,
  problem,
  sameItemLines,
  onChange,
  onPickItem,
  onClearItem,
  onRemove,
  onAdjust,
  onEnterPastLast,
}: DispatchLineRowProps) {
  const { t } = useTranslation();
  const lineNo = index + 1;
  const item = line.item;
  const quantity = issuedQuantity(line);
  const problemId = `${lineFieldId(line.key, 'item')}-problem`;
  const invalid = problem ? true : undefined;
  const describedBy = problem ? problemId : undefined;

  // Enter moves through the line's fields like Tab; on the last one it goes on to the next line.
  function onKeyDown(event: KeyboardEvent<HTMLTableRowElement>) {
    if (event.key !== 'Enter' || event.defaultPrevented || event.nativeEvent.isComposing) return;
    if (event.ctrlKey || event.altKey || event.metaKey || event.shiftKey) return;
    const target = event.target as HTMLElement;
    if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement)) return;
    event.preventDefault();
    const fields = Array.from(
      event.currentTarget.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select'),
    ).filter((f) => !f.disabled);
    const next = fields[fields.indexOf(target) + 1];
    if (next) next.focus();
    else onEnterPastLast();
  }

  const allocation = proposal.status === 'ok' ? proposal.allocation : null;
  const unit = item?.baseUnit ?? '';
  const sourceName = (id: string | null) => sources.find((s) => s.id === id)?.name ?? '';

  return (
    <>
      <tr className={problem ? 'dispatch-line dispatch-line-problem' : 'dispatch-line'} onKeyDown={onKeyDown}>
        <td className="dispatch-line-no">{lineNo}</td>
        <td>
          <ItemPicker
            id={lineFieldId(line.key, 'item')}
            label={t('dispatch.lines.itemLabel', { line: lineNo })}
            value={item}
            onPick={onPickItem}
            onClear={onClearItem}
            aria-invalid={invalid}
            aria-describedby={describedBy}
          />
        </td>
        <td>
          {item && (
            <QuantityInput
              id={lineFieldId(line.key, 'ordered')}
              label={t('dispatch.lines.orderedLabel', { line: lineNo })}
              packSize={item.packSize}
              unit={item.baseUnit}
              value={line.ordered}
              onChange={(ordered) => onChange({ ordered })}
            />
          )}
        </td>
        <td>
          {item && (
            <QuantityInput
              id={lineFieldId(line.key, 'issued')}
              label={t('dispatch.lines.issuedLabel', { line: lineNo })}
              packSize={item.packSize}
              unit={item.baseUnit}
              value={line.issued}
              onChange={(issued) => onChange({ issued })}
              aria-invalid={invalid}
              aria-describedby={describedBy}
            />
          )}
        </td>
        <td>
          <select
            id={lineFieldId(line.key, 'source')}
            className="input dispatch-line-source"
            aria-label={t('dispatch.lines.sourceLabel', { line: lineNo })}
            value={line.sourceId ?? ''}
            onChange={(e) => onChange({ sourceId: e.target.value === '' ? null : e.target.value })}
          >
            <option value="">{t('dispatch.lines.anySource')}</option>
            {sources.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </td>
        <td className="dispatch-number">{allocation ? amount(allocation.available, unit) : ''}</td>
        <td className="dispatch-line-remove">
          <button
            type="button"
            className="button button-quiet dispatch-icon-button"
            aria-label={t('dispatch.lines.remove', { line: lineNo })}
            title={t('dispatch.lines.remove', { line: lineNo })}
            onClick={onRemove}
          >
            ×
          </button>
        </td>
      </tr>
      <tr className={problem ? 'dispatch-line-detail dispatch-line-problem' : 'dispatch-line-detail'}>
        <td />
        <td colSpan={6}>
          <div className="dispatch-proposal">
            <ProposalText
              line={line}
              quantity={quantity}
              proposal={proposal}
              unit={unit}
              sourceName={sourceName}
              lineNo={lineNo}
            />
            {item && quantity > 0 && (
              <button
                type="button"
                className="button button-quiet dispatch-adjust"
                aria-label={t('dispatch.lines.adjustLabel', { line: lineNo })}
                onClick={onAdjust}
              >
                {t('dispatch.lines.adjust')}
              </button>
            )}
          </div>
          {sameItemLines.length > 0 && (
            <p className="dispatch-line-note">{t('dispatch.lines.sameItem', { lines: sameItemLines.join('、') })}</p>
          )}
          {problem && (
            <p id={problemId} className="dispatch-line-error" role="alert">
              {problem}
            </p>
          )}
        </td>
      </tr>
    </>
  );
}

interface ProposalTextProps {
  line: DispatchLine;
  quantity: number;
  proposal: ProposalState;
  unit: string;
  sourceName(id: string | null): string;
  lineNo: number;
}

function ProposalText({ line, quantity, proposal, unit, sourceName, lineNo }: ProposalTextProps) {
  const { t } = useTranslation();
  if (!line.item) return <p className="dispatch-muted">{t('dispatch.lines.waitingForItem')}</p>;
  if (quantity <= 0) return <p className="dispatch-muted">{t('dispatch.lines.waitingForQuantity')}</p>;
  if (proposal.status === 'error') {
    return (
      <p className="dispatch-warning">
        {t('dispatch.lines.allocationFailed', { reason: errorText(t, proposal.result.error) })}
      </p>
    );
  }
  const allocation = proposal.status === 'ok' ? proposal.allocation : null;
  if (!line.picks && !allocation) return <p className="dispatch-muted">{t('dispatch.lines.calculating')}</p>;

  const picks: StockRow[] = line.picks ?? allocation?.picks ?? [];
  const label = line.picks
    ? t('dispatch.lines.manual')
    : line.batch
      ? t('dispatch.lines.pinned', { batch: line.batch.batchNo })
      : t('dispatch.lines.proposal');
  const listLabel = line.picks
    ? t('dispatch.lines.manualOf', { line: lineNo })
    : line.batch
      ? t('dispatch.lines.pinnedOf', { line: lineNo })
      : t('dispatch.lines.proposalOf', { line: lineNo });
  return (
    <div className="dispatch-picks">
      <span
        className={line.picks || line.batch ? 'dispatch-picks-label dispatch-picks-manual' : 'dispatch-picks-label'}
      >
        {label}
      </span>
      {picks.length > 0 && (
        <ul className="dispatch-pick-list" aria-label={listLabel}>
          {picks.map((p) => (
            <li key={`${p.batchId}|${p.locationId}|${p.sourceId}`} className="dispatch-pick">
              {t('dispatch.lines.pick', {
                batch: p.batchNo,
                expiry: p.expiryDate
                  ? t('dispatch.lines.expiry', { date: p.expiryDate })
                  : t('dispatch.lines.noExpiry'),
                location: p.locationCode,
                source: p.sourceName || sourceName(p.sourceId),
                quantity: amount(p.quantity, unit),
              })}
            </li>
          ))}
        </ul>
      )}
      {!line.picks && allocation && allocation.shortBy > 0 && (
        <span className="dispatch-short">
          {allocation.available === 0
            ? t('dispatch.lines.noStock')
            : t('dispatch.lines.short', { quantity: amount(allocation.shortBy, unit) })}
        </span>
      )}
      {allocation && allocation.expiredExcluded > 0 && (
        <span className="dispatch-expired">
          {t('dispatch.lines.expiredExcluded', { quantity: amount(allocation.expiredExcluded, unit) })}
        </span>
      )}
    </div>
  );
}
