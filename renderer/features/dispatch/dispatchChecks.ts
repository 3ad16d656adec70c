/**
 * What keeps a dispatch from posting, said where it applies: on a header field, on a line, or above
 * the post button. The screen checks what it can before posting; the backend's refusal lands the same way.
 */
import type { TFunction } from 'i18next';
import type { Allocation, Source } from '../../../shared/contract';
import type { AppError, Result } from '../../../shared/errors';
import { errorText } from '../../api/client';
import { formatNumber } from '../../components/format';
import {
  filledLines,
  isCalendarDate,
  issuedQuantity,
  phonePattern,
  type DispatchForm,
  type HeaderField,
} from './dispatchForm';

export interface Problems {
  fields: Partial<Record<HeaderField, string>>;
  /** By line key. */
  lines: Record<string, string>;
  form: string | null;
}

export const noProblems: Problems = { fields: {}, lines: {}, form: null };

export function hasProblems(p: Problems): boolean {
  return Object.keys(p.fields).length > 0 || Object.keys(p.lines).length > 0 || p.form !== null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The backend's sentence with its numbers grouped and in the item's unit, and "any source" where a
 * refusal names none.
 */
export function refusalText(t: TFunction, error: AppError): string {
  if (!isRecord(error.details)) return errorText(t, error);
  const d = error.details;
  const unit = typeof d.unit === 'string' ? ` ${d.unit}` : '';
  const amount = (v: unknown) => (typeof v === 'number' ? `${formatNumber(v)}${unit}` : v);
  return errorText(t, {
    code: error.code,
    details: {
      ...d,
      sourceName: typeof d.sourceName === 'string' ? d.sourceName : t('dispatch.lines.anySource'),
      available: amount(d.available),
      requested: amount(d.requested),
    },
  });
}

/** A line short of stock, said exactly as the backend's refusal would say it. */
function shortageText(
  t: TFunction,
  line: { item: { id: string; code: string; name: string; baseUnit: string } },
  allocation: Allocation,
  sources: Source[],
): string {
  const source = sources.find((s) => s.id === allocation.sourceId);
  return refusalText(t, {
    code: 'insufficient-stock',
    message: '',
    details: {
      itemName: line.item.name,
      sourceName: source?.name ?? null,
      unit: line.item.baseUnit,
      available: allocation.available,
      requested: allocation.requested,
    },
  });
}

/** The checks the screen can make on its own, before asking the backend. */
export function checkForm(
  t: TFunction,
  form: DispatchForm,
  todayDate: string,
  proposals?: Map<string, Result<Allocation>>,
  sources: Source[] = [],
): Problems {
  const fields: Problems['fields'] = {};
  const lines: Problems['lines'] = {};
  if (!form.receivingUnitId) fields.receivingUnitId = t('dispatch.check.receivingUnitRequired');
  if (!form.emergency && form.orderNo.trim() === '') fields.orderNo = t('errors.order-number-required');
  if (form.docDate !== null) {
    if (!isCalendarDate(form.docDate)) fields.docDate = t('dispatch.check.invalidDate', { example: todayDate });
    else if (form.docDate > todayDate) fields.docDate = t('dispatch.check.futureDate', { today: todayDate });
  }
  if (form.orderDate !== '' && !isCalendarDate(form.orderDate)) {
    fields.orderDate = t('dispatch.check.invalidDate', { example: todayDate });
  }
  if (!phonePattern.test(form.transport.driverPhone)) fields.driverPhone = t('dispatch.check.invalidPhone');

  const filled = filledLines(form);
  for (const line of filled) {
    if (issuedQuantity(line) <= 0) {
      lines[line.key] = t('errors.zero-quantity');
      continue;
    }
    const answer = proposals?.get(line.key);
    if (!line.picks && answer?.ok && answer.value.shortBy > 0 && line.item) {
      lines[line.key] = shortageText(t, { item: line.item }, answer.value, sources);
    } else if (!line.picks && answer && !answer.ok) {
      lines[line.key] = t('dispatch.lines.allocationFailed', { reason: errorText(t, answer.error) });
    }
  }
  let formProblem: string | null = null;
  if (filled.length === 0) formProblem = t('dispatch.check.noLines');
  else if (Object.keys(lines).length > 0) {
    formProblem = t('dispatch.check.lineProblems', { count: Object.keys(lines).length });
  }
  return { fields, lines, form: formProblem };
}

/** Where the backend's refusal belongs: the line it names, the header field it concerns, or the form. */
export function explainRefusal(t: TFunction, error: AppError, lineKeys: string[]): Problems {
  const message = refusalText(t, error);
  const details = isRecord(error.details) ? error.details : null;
  const lineNo = typeof details?.line === 'number' ? details.line : null;
  const lineKey = lineNo !== null ? lineKeys[lineNo - 1] : undefined;
  if (lineKey) return { fields: {}, lines: { [lineKey]: message }, form: null };

  if (error.code === 'order-number-required') return { fields: { orderNo: message }, lines: {}, form: null };
  if (error.code === 'invalid-date' && details?.field === 'docDate') {
    return { fields: { docDate: message }, lines: {}, form: null };
  }
  if (error.code === 'wrong-party-kind' || (error.code === 'not-found' && details?.entity === 'party')) {
    return { fields: { receivingUnitId: message }, lines: {}, form: null };
  }
  if (error.code === 'invalid-input' && Array.isArray(error.details)) {
    const problems: Problems = { fields: {}, lines: {}, form: null };
    const headerPaths: Record<string, HeaderField> = {
      receivingUnitId: 'receivingUnitId',
      orderNo: 'orderNo',
      orderIssuer: 'orderIssuer',
      orderDate: 'orderDate',
      docDate: 'docDate',
      incidentName: 'incidentName',
    };
    for (const issue of error.details as { path?: unknown[] }[]) {
      const [first, second, third] = issue.path ?? [];
      if (first === 'lines' && (typeof second === 'number' || typeof second === 'string')) {
        const key = lineKeys[Number(second)];
        if (key) problems.lines[key] = message;
      } else if (first === 'transport' && third === undefined && second === 'driverPhone') {
        problems.fields.driverPhone = t('dispatch.check.invalidPhone');
      } else if (typeof first === 'string' && headerPaths[first]) {
        problems.fields[headerPaths[first]] = message;
      }
    }
    if (hasProblems(problems)) return problems;
  }
  return { fields: {}, lines: {}, form: t('dispatch.refused', { reason: message }) };
}
