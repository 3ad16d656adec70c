import type { z } from 'zod';
import type { Item, Posted, receiptInputSchema } from '../../../shared/contract';
import { addDays, localDate } from '../clock';
import type { BackendContext } from '../context';
import { transactional } from '../db/database';
import type { MasterData } from '../catalog/master-data';
import { DomainError } from '../errors';
import { uuidv7 } from '../ids';
import type { DocumentLine, Movement, Posting } from './posting';
import type { StockRules } from './rules';

type ReceiptInput = z.output<typeof receiptInputSchema>;
type SupplyReceipt = Exclude<ReceiptInput, { kind: 'return' }>;
type ReturnReceipt = Extract<ReceiptInput, { kind: 'return' }>;

/** Who the header party of each receipt kind must be. */
const partyKindFor = { purchase: 'supplier', allocation: 'issuing_unit', donation: 'donor' } as const;

/**
 * Receipts (入库单): goods in from a purchase, an allocation from above, a donation — each into a
 * named source — or returned (回收) against a dispatch slip into the source they left from.
 */
export function createReceipts(ctx: BackendContext, master: MasterData, rules: StockRules, posting: Posting) {
  const { db } = ctx;
  const batchByNo = db.prepare<
    [string, string, string],
    { id: string; production_date: string | null; expiry_date: string | null; origin: string }
  >(
    'SELECT id, production_date, expiry_date, origin FROM batches WHERE site_code = ? AND item_id = ? AND batch_no = ?',
  );
  const insertBatch = db.prepare(
    `INSERT INTO batches (id, site_code, item_id, batch_no, production_date, expiry_date, origin, receipt_date, created_at)
     VALUES (@id, @siteCode, @itemId, @batchNo, @productionDate, @expiryDate, @origin, @receiptDate, @now)`,
  );
  const documentById = db.prepare<[string], { id: string; kind: string; number: string; site_code: string }>(
    'SELECT id, kind, number, site_code FROM documents WHERE id = ?',
  );
  const reversalOf = db
    .prepare<[string], string>("SELECT number FROM documents WHERE kind = 'reversal' AND related_id = ?")
    .pluck();
  // What the dispatch issued, and what earlier (unreversed) returns brought back, per item/batch/source.
  const dispatchedByKey = db
    .prepare<[string, string, string, string], number>(
      `SELECT coalesce(-sum(quantity), 0) FROM ledger_entries
       WHERE document_id = ? AND item_id = ? AND batch_id = ? AND source_id = ?`,
    )
    .pluck();
  const returnedByKey = db
    .prepare<[string, string, string, string], number>(
      `SELECT coalesce(sum(e.quantity), 0) FROM ledger_entries e JOIN documents d ON d.id = e.document_id
       WHERE d.kind = 'receipt' AND d.subkind = 'return' AND d.related_id = ?
         AND NOT EXISTS (SELECT 1 FROM documents r WHERE r.kind = 'reversal' AND r.related_id = d.id)
         AND e.item_id = ? AND e.batch_id = ? AND e.source_id = ?`,
    )
    .pluck();

  /** Finds the batch by its number, or creates it; a known batch must not arrive with other dates. */
  function batchFor(
    item: Item,
    line: { batchNo: string; productionDate: string | null; expiryDate: string | null; origin: string },
    receiptDate: string,
    lineNo: number,
  ): string {
    const itemId = item.id;
    const today = localDate(ctx.now());
    if (line.productionDate && line.productionDate > today) {
      throw new DomainError('invalid-date', `line ${lineNo}: production date ${line.productionDate} is in the future`, {
        line: lineNo,
        field: 'productionDate',
      });
    }
    // A batch received before keeps its dates; the same number with other dates is a different batch.
    const existing = batchByNo.get(ctx.siteCode(), itemId, line.batchNo);
    if (existing) {
      const clash =
        (line.productionDate !== null && line.productionDate !== existing.production_date) ||
        (line.expiryDate !== null && line.expiryDate !== existing.expiry_date) ||
        (line.origin !== '' && line.origin !== existing.origin);
      if (clash) {
        throw new DomainError(
          'batch-mismatch',
          `line ${lineNo}: batch ${line.batchNo} was received before with other dates or origin`,
          {
            line: lineNo,
            batchNo: line.batchNo,
            productionDate: existing.production_date,
            expiryDate: existing.expiry_date,
            origin: existing.origin,
          },
        );
      }
      return existing.id;
    }
    let expiry = line.expiryDate;
    if (!expiry && item.hasShelfLife && line.productionDate && item.shelfLifeDays) {
      expiry = addDays(line.productionDate, item.shelfLifeDays);
    }
    if (item.hasShelfLife && !expiry) {
      throw new DomainError(
        'expiry-required',
        `line ${lineNo}: ${item.name} has a shelf life: give its production or expiry date`,
        { line: lineNo, itemId },
      );
    }
    if (expiry && line.productionDate && expiry <= line.productionDate) {
      throw new DomainError(
        'invalid-date',
        `line ${lineNo}: expiry ${expiry} is not after production ${line.productionDate}`,
        { line: lineNo, field: 'expiryDate' },
      );
    }
    const id = uuidv7();
    insertBatch.run({
      id,
      siteCode: ctx.siteCode(),
      itemId,
      batchNo: line.batchNo,
      productionDate: line.productionDate,
      expiryDate: expiry,
      origin: line.origin,
      receiptDate,
      now: ctx.now().toISOString(),
    });
    return id;
  }

  function postSupply(input: SupplyReceipt): Posted {
    const docDate = rules.documentDate(input.docDate);
    const source = master.requireSource(input.sourceId);
    if (input.partyId) master.requireParty(input.partyId, [partyKindFor[input.kind]]);
    const number = posting.numberFor('receipt', docDate);
    const lines: DocumentLine[] = [];
    const movements: Movement[] = [];
    input.lines.forEach((line, i) => {
      const lineNo = i + 1;
      const item = rules.activeItem(line.itemId, lineNo);
      const quantity = rules.quantityOf(item, line, lineNo);
      master.requireLocation(line.locationId);
      const batchId = batchFor(item, { ...line, batchNo: line.batchNo || number.number }, docDate, lineNo);
      const lineId = uuidv7();
      lines.push({ id: lineId, itemId: item.id, quantity, remarks: line.remarks });
      movements.push({ lineId, itemId: item.id, batchId, locationId: line.locationId, sourceId: source.id, quantity });
    });
    return posting.post(
      {
        kind: 'receipt',
        subkind: input.kind,
        docDate,
        remarks: input.remarks,
        sourceId: source.id,
        partyId: input.partyId,
      },
      lines,
      movements,
      { draftId: input.draftId, number },
    );
  }

  function postReturn(input: ReturnReceipt): Posted {
    const docDate = rules.documentDate(input.docDate);
    const dispatch = documentById.get(input.dispatchId);
    if (!dispatch || dispatch.kind !== 'dispatch') {
      throw new DomainError('not-found', `no dispatch ${input.dispatchId}`, {
        entity: 'dispatch',
        id: input.dispatchId,
      });
    }
    const reversedBy = reversalOf.get(dispatch.id);
    if (reversedBy) {
      throw new DomainError('already-reversed', `dispatch ${dispatch.number} was reversed by ${reversedBy}`, {
        number: dispatch.number,
        reversedBy,
      });
    }
    const lines: DocumentLine[] = [];
    const movements: Movement[] = [];
    const returnedHere = new Map<string, number>();
    input.lines.forEach((line, i) => {
      const lineNo = i + 1;
      const item = rules.activeItem(line.itemId, lineNo);
      const quantity = rules.quantityOf(item, line, lineNo);
      rules.batchOf(item.id, line.batchId, lineNo);
      master.requireSource(line.sourceId, false);
      master.requireLocation(line.locationId);
      const key = `${item.id}|${line.batchId}|${line.sourceId}`;
      const issued = dispatchedByKey.get(dispatch.id, item.id, line.batchId, line.sourceId)!;
      const before =
        returnedByKey.get(dispatch.id, item.id, line.batchId, line.sourceId)! + (returnedHere.get(key) ?? 0);
      if (before + quantity > issued) {
        throw new DomainError(
          'return-exceeds-dispatch',
          `line ${lineNo}: ${dispatch.number} issued ${issued} of ${item.name} from this batch and source; ${before} already returned`,
          { line: lineNo, itemId: item.id, issued, returned: before, requested: quantity },
        );
      }
      returnedHere.set(key, (returnedHere.get(key) ?? 0) + quantity);
      const lineId = uuidv7();
      lines.push({ id: lineId, itemId: item.id, quantity, remarks: line.remarks });
      movements.push({
        lineId,
        itemId: item.id,
        batchId: line.batchId,
        locationId: line.locationId,
        sourceId: line.sourceId,
        quantity,
      });
    });
    return posting.post(
      { kind: 'receipt', subkind: 'return', docDate, remarks: input.remarks, relatedId: dispatch.id },
      lines,
      movements,
      { draftId: input.draftId },
    );
  }

  return {
    postReceipt: transactional(db, (input: ReceiptInput): Posted =>
      input.kind === 'return' ? postReturn(input) : postSupply(input),
    ),
  };
}
