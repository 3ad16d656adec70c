import type { z } from 'zod';
import type { dispatchInputSchema, Posted } from '../../../shared/contract';
import { addWorkingDays, localDate } from '../clock';
import type { BackendContext } from '../context';
import { transactional } from '../db/database';
import type { MasterData } from '../catalog/master-data';
import { DomainError } from '../errors';
import { uuidv7 } from '../ids';
import type { Incidents } from '../emergency/incidents';
import type { Kits } from '../emergency/kits';
import type { AllocationService } from './allocation';
import { stockKey, type DocumentLine, type Movement, type Posting } from './posting';
import type { StockRules } from './rules';
import { createShortageRefusal } from './shortage';

type DispatchInput = z.output<typeof dispatchInputSchema>;

/** Working days an emergency dispatch has to get its allocation order number filed. */
export const paperworkWorkingDays = 2;

/**
 * Dispatches (出库单) on the strength of an allocation order; an emergency dispatch may leave first
 * and file the order number within two working days (先调拨，后补办手续). Lines without picks take
 * the FEFO proposal; anything beyond stock is refused naming item, source, available and requested.
 */
export function createDispatches(
  ctx: BackendContext,
  master: MasterData,
  rules: StockRules,
  allocation: AllocationService,
  posting: Posting,
  emergency: { kits: Kits; incidents: Incidents },
) {
  const { db } = ctx;
  const balanceOf = db
    .prepare<[string, string, string, string], number>(
      'SELECT quantity FROM stock_balances WHERE item_id = ? AND batch_id = ? AND location_id = ? AND source_id = ?',
    )
    .pluck();
  const refuseShortage = createShortageRefusal(db);

  function postDispatch(input: DispatchInput): Posted {
    const docDate = rules.documentDate(input.docDate);
    master.requireParty(input.receivingUnitId, ['receiving_unit']);
    if (!input.emergency && input.orderNo === '') {
      throw new DomainError(
        'order-number-required',
        'a dispatch needs its allocation order number; only an emergency dispatch may file it afterwards',
        { field: 'orderNo' },
      );
    }
    const taken = new Map<string, number>();
    const lines: DocumentLine[] = [];
    const movements: Movement[] = [];
    // Kits leave as the goods they hold: one FEFO line per item, after the lines entered item by item.
    const kitLines = emergency.kits.expand(input.kits).map((k) => ({
      itemId: k.itemId,
      cartons: 0,
      units: k.quantity,
      quantityOrdered: null,
      sourceId: null,
      batchId: null,
      picks: null,
      remarks: k.from.join('、').slice(0, 500),
    }));
    [...input.lines, ...kitLines].forEach((line, i) => {
      const lineNo = i + 1;
      const item = rules.activeItem(line.itemId, lineNo);
      const quantity = rules.quantityOf(item, line, lineNo);
      if (line.sourceId) master.requireSource(line.sourceId, false);
      if (line.batchId) rules.batchOf(item.id, line.batchId, lineNo);
      const lineId = uuidv7();
      let picks = line.picks;
      if (picks) {
        const sum = picks.reduce((s, p) => s + p.quantity, 0);
        const offLine = (p: { batchId: string; sourceId: string }) =>
          (line.sourceId !== null && p.sourceId !== line.sourceId) ||
          (line.batchId !== null && p.batchId !== line.batchId);
        if (sum !== quantity || picks.some(offLine)) {
          throw new DomainError(
            'picks-mismatch',
            `line ${lineNo}: picks add up to ${sum}, the line issues ${quantity}`,
            {
              line: lineNo,
              picked: sum,
              quantity,
            },
          );
        }
        for (const p of picks) {
          rules.batchOf(item.id, p.batchId, lineNo);
          master.requireLocation(p.locationId, false);
          master.requireSource(p.sourceId, false);
          const key = stockKey({ itemId: item.id, ...p });
          const available = (balanceOf.get(item.id, p.batchId, p.locationId, p.sourceId) ?? 0) - (taken.get(key) ?? 0);
          if (p.quantity > available) {
            refuseShortage({
              itemId: item.id,
              sourceId: p.sourceId,
              batchId: p.batchId,
              locationId: p.locationId,
              available,
              requested: p.quantity,
              line: lineNo,
            });
          }
        }
      } else {
        const proposal = allocation.allocate(
          { itemId: item.id, quantity, sourceId: line.sourceId, locationId: null, batchId: line.batchId },
          taken,
        );
        if (proposal.shortBy > 0) {
          refuseShortage({
            itemId: item.id,
            sourceId: proposal.sourceId,
            ...(line.batchId ? { batchId: line.batchId } : {}),
            available: proposal.available,
            requested: quantity,
            line: lineNo,
            expiredExcluded: proposal.expiredExcluded,
          });
        }
        picks = proposal.picks.map((p) => ({
          batchId: p.batchId,
          locationId: p.locationId,
          sourceId: p.sourceId,
          quantity: p.quantity,
        }));
      }
      for (const p of picks) {
        const key = stockKey({ itemId: item.id, ...p });
        taken.set(key, (taken.get(key) ?? 0) + p.quantity);
        movements.push({
          lineId,
          itemId: item.id,
          batchId: p.batchId,
          locationId: p.locationId,
          sourceId: p.sourceId,
          quantity: -p.quantity,
        });
      }
      lines.push({
        id: lineId,
        itemId: item.id,
        quantity,
        quantityOrdered: line.quantityOrdered,
        remarks: line.remarks,
      });
    });
    const pending = input.emergency && input.orderNo === '';
    // While an incident is open every dispatch belongs to it; the slip names it when the keeper did not.
    const incident = emergency.incidents.current();
    const posted = posting.post(
      {
        kind: 'dispatch',
        subkind: input.kind,
        docDate,
        remarks: input.remarks,
        partyId: input.receivingUnitId,
        orderNo: input.orderNo,
        orderIssuer: input.orderIssuer,
        orderDate: input.orderDate,
        incidentName: input.incidentName || (incident?.name ?? ''),
        responseLevel: input.responseLevel ?? (input.incidentName ? null : (incident?.responseLevel ?? null)),
        transport: input.transport,
        emergency: input.emergency,
        paperworkDue: pending ? addWorkingDays(localDate(ctx.now()), paperworkWorkingDays) : null,
      },
      lines,
      movements,
      { draftId: input.draftId },
    );
    if (incident) emergency.incidents.linkDispatch(posted.id, incident.id);
    return posted;
  }

  return { postDispatch: transactional(db, (input: DispatchInput) => postDispatch(input)) };
}
