import type { z } from 'zod';
import type { paperworkFilingInputSchema, Posted, reversalInputSchema } from '../../../shared/contract';
import type { BackendContext } from '../context';
import { transactional } from '../db/database';
import { DomainError } from '../errors';
import { uuidv7 } from '../ids';
import type { DocumentLine, Movement, Posting } from './posting';
import type { StockRules } from './rules';

/**
 * Corrections without erasing: a reversal (冲销) posts the exact opposite of every ledger entry of
 * a document and points at it; filing the order number of an emergency dispatch is recorded beside
 * the posting, never written into it.
 */
export function createReversals(ctx: BackendContext, rules: StockRules, posting: Posting) {
  const { db } = ctx;
  const documentById = db.prepare<
    [string],
    { id: string; kind: string; number: string; emergency: number; order_no: string; paperwork_due: string | null }
  >('SELECT id, kind, number, emergency, order_no, paperwork_due FROM documents WHERE id = ?');
  const reversalOf = db
    .prepare<[string], string>("SELECT number FROM documents WHERE kind = 'reversal' AND related_id = ?")
    .pluck();
  const liveReturnsOf = db
    .prepare<[string], string>(
      `SELECT number FROM documents d WHERE d.kind = 'receipt' AND d.subkind = 'return' AND d.related_id = ?
         AND NOT EXISTS (SELECT 1 FROM documents r WHERE r.kind = 'reversal' AND r.related_id = d.id)`,
    )
    .pluck();
  const linesOf = db.prepare<
    [string],
    { id: string; item_id: string; quantity: number; quantity_ordered: number | null }
  >('SELECT id, item_id, quantity, quantity_ordered FROM document_lines WHERE document_id = ? ORDER BY line_no');
  const entriesOf = db.prepare<
    [string],
    { line_id: string; item_id: string; batch_id: string; location_id: string; source_id: string; quantity: number }
  >(
    'SELECT line_id, item_id, batch_id, location_id, source_id, quantity FROM ledger_entries WHERE document_id = ? ORDER BY seq',
  );
  const filingOf = db.prepare<[string], string>('SELECT filed_at FROM paperwork_filings WHERE document_id = ?').pluck();
  const insertFiling = db.prepare(
    `INSERT INTO paperwork_filings (id, site_code, document_id, order_no, order_issuer, remarks, operator, filed_at)
     VALUES (@id, @siteCode, @documentId, @orderNo, @orderIssuer, @remarks, @operator, @filedAt)`,
  );

  function requireDocument(id: string) {
    const doc = documentById.get(id);
    if (!doc) throw new DomainError('not-found', `no document ${id}`, { entity: 'document', id });
    return doc;
  }

  function reverse(input: z.output<typeof reversalInputSchema>): Posted {
    const docDate = rules.documentDate(input.docDate);
    const original = requireDocument(input.documentId);
    if (original.kind === 'reversal') {
      throw new DomainError('cannot-reverse', `${original.number} is itself a reversal`, { number: original.number });
    }
    const reversedBy = reversalOf.get(original.id);
    if (reversedBy) {
      throw new DomainError('already-reversed', `${original.number} was already reversed by ${reversedBy}`, {
        number: original.number,
        reversedBy,
      });
    }
    const returns = liveReturnsOf.all(original.id);
    if (returns.length > 0) {
      throw new DomainError(
        'has-returns',
        `returns ${returns.join(', ')} were posted against ${original.number}: reverse them first`,
        {
          number: original.number,
          returns,
        },
      );
    }
    const lineIds = new Map<string, string>();
    const lines: DocumentLine[] = linesOf.all(original.id).map((l) => {
      const id = uuidv7();
      lineIds.set(l.id, id);
      return { id, itemId: l.item_id, quantity: l.quantity, quantityOrdered: l.quantity_ordered, remarks: '' };
    });
    const movements: Movement[] = entriesOf.all(original.id).map((e) => ({
      lineId: lineIds.get(e.line_id)!,
      itemId: e.item_id,
      batchId: e.batch_id,
      locationId: e.location_id,
      sourceId: e.source_id,
      quantity: -e.quantity,
    }));
    return posting.post(
      { kind: 'reversal', subkind: original.kind, docDate, remarks: '', reason: input.reason, relatedId: original.id },
      lines,
      movements,
    );
  }

  function filePaperwork(input: z.output<typeof paperworkFilingInputSchema>) {
    const doc = requireDocument(input.documentId);
    const pending =
      doc.kind === 'dispatch' && doc.paperwork_due !== null && !filingOf.get(doc.id) && !reversalOf.get(doc.id);
    if (!pending) {
      throw new DomainError('paperwork-not-pending', `${doc.number} is not waiting for an allocation order number`, {
        number: doc.number,
      });
    }
    const filedAt = ctx.now().toISOString();
    insertFiling.run({
      id: uuidv7(),
      siteCode: ctx.siteCode(),
      documentId: doc.id,
      orderNo: input.orderNo,
      orderIssuer: input.orderIssuer,
      remarks: input.remarks,
      operator: ctx.operator(),
      filedAt,
    });
    return { documentId: doc.id, filedAt };
  }

  return {
    reverse: transactional(db, (input: z.output<typeof reversalInputSchema>) => reverse(input)),
    filePaperwork: transactional(db, (input: z.output<typeof paperworkFilingInputSchema>) => filePaperwork(input)),
  };
}
