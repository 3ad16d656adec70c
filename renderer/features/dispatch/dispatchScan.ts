/**
 * What a scan does to a dispatch slip, as pure functions of the form (the dispatch counterpart of
 * renderer/features/receive/receiveScan.ts):
 *
 * - An item (unit or carton barcode) adds its quantity × the multiplier to the issued quantity of
 *   the line already holding that item and following FEFO — the line the previous scan went to when
 *   it does, else the first such line — never to a second row. Batches stay FEFO's choice.
 * - A GS1 string or batch label of a batch the depot holds counts on the line of that item pinned to
 *   that batch (a new line when there is none): the keeper picked up those cartons, so the slip must
 *   name that batch, not the one FEFO would have chosen. A batch the depot does not hold is refused.
 * - A location label is refused: FEFO chooses the locations of a dispatch.
 * - A new line takes the first blank line, else is added after the last.
 *
 * Lines whose batches were chosen by hand (调整批次) are never counted on: their picks were made for
 * a quantity, and a scan changing it would silently undo them.
 */
import type { ScanResult } from '../../../shared/contract';
import { toCartons } from '../../components/format';
import { blankLine, issuedQuantity, type DispatchForm, type DispatchLine, type PinnedBatch } from './dispatchForm';

type Applicable = Exclude<ScanResult, { kind: 'unknown' | 'document' }>;

export interface DispatchScanUndo {
  key: string;
  /** The scan added this line (it goes again when the undo leaves it empty); a blank line it filled is left blank. */
  created: boolean;
  /** Base units the scan added. */
  added: number;
  /** The line's fields the scan changed, as they were before it. */
  before: Partial<Pick<DispatchLine, 'item' | 'batch'>>;
}

export type DispatchScanProblem = 'locationOnDispatch' | 'batchNotHeld';

export type DispatchScanPlan =
  | {
      ok: true;
      form: DispatchForm;
      undo: DispatchScanUndo;
      /** 1-based line number, the line's issued quantity after the scan, and the batch it is pinned to. */
      lineNo: number;
      total: number;
      added: number;
      batch: PinnedBatch | null;
    }
  | { ok: false; problem: DispatchScanProblem; batchNo?: string };

const isBlank = (line: DispatchLine) => line.item === null && line.picks === null && line.batch === null;

/**
 * The slip after `result`, scanned with `multiplier`. `current` is the line the previous scan went
 * to; `newKey` the key a new line gets (given, so planning twice gives the same answer).
 */
export function planDispatchScan(
  form: DispatchForm,
  result: Applicable,
  multiplier: number,
  current: string | null,
  newKey: string,
): DispatchScanPlan {
  if (result.kind === 'location') return { ok: false, problem: 'locationOnDispatch' };
  const item = result.item!;
  let batch: PinnedBatch | null = null;
  if (result.kind !== 'item' && result.batchNo) {
    // A label naming a batch this depot never received cannot be what the keeper holds in hand.
    if (!result.batch) return { ok: false, problem: 'batchNotHeld', batchNo: result.batchNo };
    batch = { id: result.batch.id, batchNo: result.batch.batchNo };
  }
  const countsOn = (l: DispatchLine) =>
    l.item?.id === item.id && l.picks === null && (l.batch?.id ?? null) === (batch?.id ?? null);
  const added = result.quantity * multiplier;

  let lines = form.lines;
  let target = lines.find((l) => l.key === current && countsOn(l)) ?? lines.find(countsOn) ?? null;
  let created = false;
  if (!target) {
    target = lines.find(isBlank) ?? null;
    if (!target) {
      target = { ...blankLine(), key: newKey };
      lines = [...lines, target];
      created = true;
    }
  }
  const before: DispatchScanUndo['before'] = {};
  if (target.item?.id !== item.id) before.item = target.item;
  if ((target.batch?.id ?? null) !== (batch?.id ?? null)) before.batch = target.batch;
  const total = (target.item?.id === item.id ? issuedQuantity(target) : 0) + added;
  const next: DispatchLine = { ...target, item, batch, issued: toCartons(total, item.packSize) };
  const key = target.key;
  return {
    ok: true,
    form: { ...form, lines: lines.map((l) => (l.key === key ? next : l)) },
    undo: { key, created, added, before },
    lineNo: lines.findIndex((l) => l.key === key) + 1,
    total,
    added,
    batch,
  };
}

/** The slip with one scan taken back: its quantity and the fields it filled; its new line gone when bare. */
export function undoDispatchScan(form: DispatchForm, undo: DispatchScanUndo): DispatchForm {
  const line = form.lines.find((l) => l.key === undo.key);
  if (!line) return form;
  const left = Math.max(0, issuedQuantity(line) - undo.added);
  const next: DispatchLine = {
    ...line,
    issued: line.item ? toCartons(left, line.item.packSize) : line.issued,
    ...undo.before,
  };
  if (undo.created && left === 0) {
    const rest = form.lines.filter((l) => l.key !== undo.key);
    return { ...form, lines: rest.length > 0 ? rest : [blankLine()] };
  }
  return { ...form, lines: form.lines.map((l) => (l.key === undo.key ? next : l)) };
}
