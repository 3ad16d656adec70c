import type { z } from 'zod';
import type { adjustmentInputSchema, Posted, transferInputSchema, writeOffInputSchema } from '../../../shared/contract';
import type { BackendContext } from '../context';
import { transactional } from '../db/database';
import type { MasterData } from '../catalog/master-data';
import { DomainError } from '../errors';
import { uuidv7 } from '../ids';
import type { DocumentLine, Movement, Posting } from './posting';
import type { StockRules } from './rules';

type TransferInput = z.output<typeof transferInputSchema>;
type AdjustmentInput = z.output<typeof adjustmentInputSchema>;
type WriteOffInput = z.output<typeof writeOffInputSchema>;

/** The sign each adjustment reason allows: losses take away, finds add, a count correction either. */
const signOf = { lost: -1, damaged: -1, expired: -1, found: 1, count_correction: 0 } as const;

/** Transfers between locations (移库), adjustments with a reason (调整) and write-offs (报废). */
export function createStockMovements(ctx: BackendContext, master: MasterData, rules: StockRules, posting: Posting) {
  const { db } = ctx;

  function postTransfer(input: TransferInput): Posted {
    const docDate = rules.documentDate(input.docDate);
    const lines: DocumentLine[] = [];
    const movements: Movement[] = [];
    input.lines.forEach((line, i) => {
      const lineNo = i + 1;
      const item = rules.activeItem(line.itemId, lineNo);
      const quantity = rules.quantityOf(item, line, lineNo);
      rules.batchOf(item.id, line.batchId, lineNo);
      master.requireSource(line.sourceId, false);
      master.requireLocation(line.fromLocationId, false);
      master.requireLocation(line.toLocationId);
      const lineId = uuidv7();
      const key = { lineId, itemId: item.id, batchId: line.batchId, sourceId: line.sourceId };
      lines.push({ id: lineId, itemId: item.id, quantity, remarks: line.remarks });
      movements.push({ ...key, locationId: line.fromLocationId, quantity: -quantity });
      movements.push({ ...key, locationId: line.toLocationId, quantity });
    });
    return posting.post({ kind: 'transfer', subkind: '', docDate, remarks: input.remarks }, lines, movements, {
      draftId: input.draftId,
    });
  }

  function postAdjustment(input: AdjustmentInput): Posted {
    const docDate = rules.documentDate(input.docDate);
    const lines: DocumentLine[] = [];
    const movements: Movement[] = [];
    input.lines.forEach((line, i) => {
      const lineNo = i + 1;
      const sign = signOf[input.reason];
      if (sign !== 0 && Math.sign(line.delta) !== sign) {
        throw new DomainError(
          'wrong-sign',
          `line ${lineNo}: "${input.reason}" ${sign < 0 ? 'takes stock away' : 'adds stock'}`,
          {
            line: lineNo,
            reason: input.reason,
            delta: line.delta,
          },
        );
      }
      // Found goods may be of an item since deactivated: an adjustment records what is on the shelf.
      rules.batchOf(line.itemId, line.batchId, lineNo);
      master.requireSource(line.sourceId, false);
      master.requireLocation(line.locationId, line.delta < 0 ? false : true);
      const lineId = uuidv7();
      lines.push({ id: lineId, itemId: line.itemId, quantity: line.delta, remarks: line.remarks });
      movements.push({
        lineId,
        itemId: line.itemId,
        batchId: line.batchId,
        locationId: line.locationId,
        sourceId: line.sourceId,
        quantity: line.delta,
      });
    });
    return posting.post(
      { kind: 'adjustment', subkind: input.reason, docDate, remarks: input.remarks },
      lines,
      movements,
      {
        draftId: input.draftId,
      },
    );
  }

  function postWriteOff(input: WriteOffInput): Posted {
    const docDate = rules.documentDate(input.docDate);
    const lines: DocumentLine[] = [];
    const movements: Movement[] = [];
    input.lines.forEach((line, i) => {
      const lineNo = i + 1;
      rules.batchOf(line.itemId, line.batchId, lineNo);
      const item = rules.activeItem(line.itemId, lineNo);
      const quantity = rules.quantityOf(item, line, lineNo);
      master.requireSource(line.sourceId, false);
      master.requireLocation(line.locationId, false);
      const lineId = uuidv7();
      lines.push({ id: lineId, itemId: line.itemId, quantity, remarks: line.remarks });
      movements.push({
        lineId,
        itemId: line.itemId,
        batchId: line.batchId,
        locationId: line.locationId,
        sourceId: line.sourceId,
        quantity: -quantity,
      });
    });
    return posting.post(
      { kind: 'write_off', subkind: '', docDate, remarks: input.remarks, reason: input.reason },
      lines,
      movements,
      { draftId: input.draftId },
    );
  }

  return {
    postTransfer: transactional(db, (input: TransferInput) => postTransfer(input)),
    postAdjustment: transactional(db, (input: AdjustmentInput) => postAdjustment(input)),
    postWriteOff: transactional(db, (input: WriteOffInput) => postWriteOff(input)),
  };
}
