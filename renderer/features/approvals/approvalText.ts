import type { TFunction } from 'i18next';
import type { ApprovalRequest } from '../../../shared/contract';
import { formatNumber } from '../../components/format';

/** What a request moves, in one phrase: "单帐篷 2 顶，棉被 10 床 等 3 种". */
export function linesText(t: TFunction, request: ApprovalRequest): string {
  const shown = request.lines
    .slice(0, 2)
    .map((l) => `${l.itemName} ${formatNumber(l.quantity)} ${l.baseUnit}`)
    .join('，');
  return request.lines.length > 2 ? `${shown} ${t('approvals.moreLines', { count: request.lines.length })}` : shown;
}

/** The kind of a request as the list names it; a reversal names the document it would reverse. */
export function requestKindText(t: TFunction, request: ApprovalRequest): string {
  return request.kind === 'reversal' && request.targetNumber
    ? t('approvals.reversalOf', { number: request.targetNumber })
    : t(`approvals.kinds.${request.kind}`);
}
