/**
 * What a scan does to a receipt, as pure functions of the form, so the rules are plain to read and
 * the same whether twenty scans arrive in a second or one:
 *
 * - An item (unit or carton barcode) adds its quantity × the multiplier to the line already holding
 *   that item — the line the previous scan went to when it holds the item, else the first one without
 *   a batch, else the first — never to a second row. Two barcodes of one item meet on one line.
 * - A GS1 string or batch label goes to the line of that item and batch; a line of the item still
 *   without a batch takes the batch; the batch number and dates are filled in (the stored dates
 *   when the depot already holds the batch, so the posting agrees with them).
 * - A location label sets the location of the line the last scan went to.
 * - A new line takes the first blank line, else is added after the last with the previous location.
 *
 * Every change comes with an undo record that takes back exactly that change.
 */
import type { ScanResult } from '../../../shared/contract';
import { toCartons } from '../../components/format';
import { emptyLine, isBlankLine, quantityOf, type ReceiptForm, type ReceiptLine } from './receiptForm';

type Applicable = Exclude<ScanResult, { kind: 'unknown' | 'document' }>;

export interface ReceiveScanUndo {
  key: string;
  /** The scan added this line (it goes again when the undo leaves it empty); a blank line it filled is left blank. */
  created: boolean;
  /** Base units the scan added. */
  added: number;
  /** The line's fields the scan changed, as they were before it. */
  before: Partial<Pick<ReceiptLine, 'item' | 'batchNo' | 'productionDate' | 'expiryDate' | 'locationId'>>;
}

export type ReceiveScanPlan =
  | {
      ok: true;
      form: ReceiptForm;
      undo: ReceiveScanUndo;
      /** 1-based line number and the line's quantity after the scan. */
      lineNo: number;
      total: number;
      added: number;
      usedMultiplier: boolean;
    }
  | { ok: false; problem: 'noLineForLocation' };

function withQuantity(line: ReceiptLine, total: number): ReceiptLine {
  const packSize = line.item?.packSize ?? 1;
  return { ...line, ...toCartons(total, packSize) };
}

/** The line an item scan counts on, or null for a new one. */
function targetFor(form: ReceiptForm, result: Applicable, current: string | null): ReceiptLine | null {
  if (result.kind === 'location') return null;
  const itemId = result.item!.id;
  const ofItem = form.lines.filter((l) => l.item?.id === itemId);
  if (result.kind === 'item' || !result.batchNo) {
    return ofItem.find((l) => l.key === current) ?? ofItem.find((l) => !l.batchNo.trim()) ?? ofItem[0] ?? null;
  }
  return ofItem.find((l) => l.batchNo.trim() === result.batchNo) ?? ofItem.find((l) => !l.batchNo.trim()) ?? null;
}

/**
 * The receipt after `result`, scanned with `multiplier`. `current` is the line the previous scan
 * went to; `newKey` the key a new line gets (given, so planning twice gives the same answer).
 */
export function planReceiveScan(
  form: ReceiptForm,
  result: Applicable,
  multiplier: number,
  current: string | null,
  newKey: string,
): ReceiveScanPlan {
  if (result.kind === 'location') {
    const line = form.lines.find((l) => l.key === current && l.item) ?? [...form.lines].reverse().find((l) => l.item);
    if (!line) return { ok: false, problem: 'noLineForLocation' };
    const next = { ...line, locationId: result.location.id };
    return {
      ok: true,
      form: { ...form, lines: form.lines.map((l) => (l.key === line.key ? next : l)) },
      undo: { key: line.key, created: false, added: 0, before: { locationId: line.locationId } },
      lineNo: form.lines.indexOf(line) + 1,
      total: quantityOf(line),
      added: 0,
      usedMultiplier: false,
    };
  }

  const item = result.item!;
  const added = result.quantity * multiplier;
  let lines = form.lines;
  let target = targetFor(form, result, current);
  let created = false;
  if (!target) {
    const blank = lines.find((l) => isBlankLine(l));
    if (blank) {
      target = blank;
    } else {
      const previous = lines[lines.length - 1];
      target = { ...emptyLine(previous?.locationId ?? ''), key: newKey };
      lines = [...lines, target];
      created = true;
    }
  }

  const before: ReceiveScanUndo['before'] = {};
  let next: ReceiptLine = target;
  if (target.item?.id !== item.id) {
    before.item = target.item;
    next = { ...next, item };
  }
  if (result.kind !== 'item') {
    const batchNo = result.batch?.batchNo ?? result.batchNo;
    const productionDate = result.batch ? result.batch.productionDate : result.productionDate;
    const expiryDate = result.batch ? result.batch.expiryDate : result.expiryDate;
    if (batchNo && !next.batchNo.trim()) {
      before.batchNo = next.batchNo;
      next = { ...next, batchNo };
    }
    if (productionDate && !next.productionDate.trim()) {
      before.productionDate = next.productionDate;
      next = { ...next, productionDate };
    }
    if (expiryDate && !next.expiryDate.trim()) {
      before.expiryDate = next.expiryDate;
      next = { ...next, expiryDate };
    }
  }
  const total = quantityOf({ ...target, item }) + added;
  next = withQuantity(next, total);
  return {
    ok: true,
    form: { ...form, lines: lines.map((l) => (l.key === target.key ? next : l)) },
    undo: { key: target.key, created, added, before },
    lineNo: lines.findIndex((l) => l.key === target.key) + 1,
    total,
    added,
    usedMultiplier: true,
  };
}

/** The receipt with one scan taken back: its quantity and the fields it filled; its new line gone when bare. */
export function undoReceiveScan(form: ReceiptForm, undo: ReceiveScanUndo): ReceiptForm {
  const line = form.lines.find((l) => l.key === undo.key);
  if (!line) return form;
  let next: ReceiptLine = withQuantity(line, Math.max(0, quantityOf(line) - undo.added));
  next = { ...next, ...undo.before };
  if (undo.created && quantityOf(next) === 0) {
    const rest = form.lines.filter((l) => l.key !== undo.key);
    return { ...form, lines: rest.length > 0 ? rest : [emptyLine(line.locationId)] };
  }
  return { ...form, lines: form.lines.map((l) => (l.key === undo.key ? next : l)) };
}
