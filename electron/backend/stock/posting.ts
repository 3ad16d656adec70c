import { numberPrefixes, type DocumentKind, type Posted } from '../../../shared/contract';
import type { BackendContext } from '../context';
import { DomainError } from '../errors';
import { uuidv7 } from '../ids';
import { createShortageRefusal } from './shortage';
import {
  documentHash,
  documentHashColumns,
  entryHash,
  genesisHash,
  hashValues,
  lineHashColumns,
  type DocumentHashRow,
  type LineHashRow,
} from './ledger-chain';

/** A document's header as it is stored; fields a kind does not use stay empty. */
export interface DocumentHeader {
  kind: DocumentKind;
  subkind: string;
  docDate: string;
  remarks: string;
  sourceId?: string | null;
  partyId?: string | null;
  relatedId?: string | null;
  reason?: string;
  orderNo?: string;
  orderIssuer?: string;
  orderDate?: string | null;
  incidentName?: string;
  responseLevel?: string | null;
  transport?: { mode: string; carrier: string; plateNo: string; driver: string; driverPhone: string };
  emergency?: boolean;
  paperworkDue?: string | null;
}

export interface DocumentLine {
  id: string;
  itemId: string;
  /** As entered: received, issued, moved, or the signed change of an adjustment. */
  quantity: number;
  quantityOrdered?: number | null;
  remarks: string;
}

/** One change to one stock key, written as one ledger entry. */
export interface Movement {
  lineId: string;
  itemId: string;
  batchId: string;
  locationId: string;
  sourceId: string;
  /** Signed, in base units. */
  quantity: number;
}

/** Stock keys are item + batch + location + source: stock of different sources never mixes. */
export function stockKey(m: { itemId: string; batchId: string; locationId: string; sourceId: string }): string {
  return `${m.itemId}|${m.batchId}|${m.locationId}|${m.sourceId}`;
}

/**
 * Writes a posted document: header, lines, one ledger entry per movement (hash-chained, with the
 * balance after), and the balances — all inside the caller's transaction, so a refusal anywhere
 * leaves nothing behind. Numbers are gapless per kind per year because they are taken inside the
 * same write transaction that commits the document.
 */
export function createPosting(ctx: BackendContext) {
  const { db } = ctx;
  const nextNumber = db
    .prepare<[string, string, number], number>(
      `SELECT coalesce(max(number_seq), 0) + 1 FROM documents
       WHERE site_code = ? AND number_prefix = ? AND number_year = ?`,
    )
    .pluck();
  const insertDocument = db.prepare<
    [DocumentHashRow & { number_prefix: string; number_year: number; number_seq: number }]
  >(
    `INSERT INTO documents (id, site_code, kind, subkind, number, number_prefix, number_year, number_seq, doc_date,
       posted_at, operator, remarks, source_id, party_id, related_id, reason, order_no, order_issuer, order_date,
       incident_name, response_level, transport_mode, carrier, plate_no, driver, driver_phone, emergency, paperwork_due)
     VALUES (@id, @site_code, @kind, @subkind, @number, @number_prefix, @number_year, @number_seq, @doc_date,
       @posted_at, @operator, @remarks, @source_id, @party_id, @related_id, @reason, @order_no, @order_issuer,
       @order_date, @incident_name, @response_level, @transport_mode, @carrier, @plate_no, @driver, @driver_phone,
       @emergency, @paperwork_due)`,
  );
  const insertLine = db.prepare<[LineHashRow & { site_code: string; document_id: string }]>(
    `INSERT INTO document_lines (id, site_code, document_id, line_no, item_id, quantity, quantity_ordered, remarks)
     VALUES (@id, @site_code, @document_id, @line_no, @item_id, @quantity, @quantity_ordered, @remarks)`,
  );
  const chainHead = db.prepare<[string], { seq: number; hash: string }>(
    'SELECT seq, hash FROM ledger_entries WHERE site_code = ? ORDER BY seq DESC LIMIT 1',
  );
  const balanceOf = db
    .prepare<[string, string, string, string], number>(
      'SELECT quantity FROM stock_balances WHERE item_id = ? AND batch_id = ? AND location_id = ? AND source_id = ?',
    )
    .pluck();
  const upsertBalance = db.prepare(
    `INSERT INTO stock_balances (item_id, batch_id, location_id, source_id, quantity)
     VALUES (@itemId, @batchId, @locationId, @sourceId, @quantity)
     ON CONFLICT (item_id, batch_id, location_id, source_id) DO UPDATE SET quantity = excluded.quantity`,
  );
  const deleteBalance = db.prepare(
    'DELETE FROM stock_balances WHERE item_id = @itemId AND batch_id = @batchId AND location_id = @locationId AND source_id = @sourceId',
  );
  const insertEntry = db.prepare(
    `INSERT INTO ledger_entries (id, site_code, seq, document_id, line_id, item_id, batch_id, location_id, source_id,
       quantity, balance_after, operator, posted_at, prev_hash, hash)
     VALUES (@id, @siteCode, @seq, @documentId, @lineId, @itemId, @batchId, @locationId, @sourceId, @quantity,
       @balanceAfter, @operator, @postedAt, @prevHash, @hash)`,
  );
  const deleteDraft = db.prepare<[string]>('DELETE FROM document_drafts WHERE id = ?');
  const refuseShortage = createShortageRefusal(db);

  /** The number the next document of this kind and year will get (read inside the transaction). */
  function numberFor(
    kind: DocumentKind,
    docDate: string,
  ): { number: string; prefix: string; year: number; seq: number } {
    const prefix = numberPrefixes[kind];
    const year = Number(docDate.slice(0, 4));
    const seq = nextNumber.get(ctx.siteCode(), prefix, year)!;
    return { number: `${prefix}-${year}-${String(seq).padStart(5, '0')}`, prefix, year, seq };
  }

  function post(
    header: DocumentHeader,
    lines: DocumentLine[],
    movements: Movement[],
    options: { draftId?: string; number?: ReturnType<typeof numberFor> } = {},
  ): Posted {
    const siteCode = ctx.siteCode();
    const postedAt = ctx.now().toISOString();
    const operator = ctx.operator();
    const id = uuidv7();
    const num = options.number ?? numberFor(header.kind, header.docDate);
    const t = header.transport;
    // The header and lines exactly as written: the document's hash is taken from these values, with
    // the same columns, order and types that verification reads back.
    const stored: DocumentHashRow = {
      id,
      site_code: siteCode,
      kind: header.kind,
      subkind: header.subkind,
      number: num.number,
      doc_date: header.docDate,
      posted_at: postedAt,
      operator,
      remarks: header.remarks,
      source_id: header.sourceId ?? null,
      party_id: header.partyId ?? null,
      related_id: header.relatedId ?? null,
      reason: header.reason ?? '',
      order_no: header.orderNo ?? '',
      order_issuer: header.orderIssuer ?? '',
      order_date: header.orderDate ?? null,
      incident_name: header.incidentName ?? '',
      response_level: header.responseLevel ?? null,
      transport_mode: t?.mode ?? '',
      carrier: t?.carrier ?? '',
      plate_no: t?.plateNo ?? '',
      driver: t?.driver ?? '',
      driver_phone: t?.driverPhone ?? '',
      emergency: header.emergency ? 1 : 0,
      paperwork_due: header.paperworkDue ?? null,
    };
    insertDocument.run({ ...stored, number_prefix: num.prefix, number_year: num.year, number_seq: num.seq });
    const storedLines = lines.map((line, i): LineHashRow => ({
      id: line.id,
      line_no: i + 1,
      item_id: line.itemId,
      quantity: line.quantity,
      quantity_ordered: line.quantityOrdered ?? null,
      remarks: line.remarks,
    }));
    for (const line of storedLines) insertLine.run({ ...line, site_code: siteCode, document_id: id });
    const docHash = documentHash(
      hashValues(documentHashColumns, stored),
      storedLines.map((l) => hashValues(lineHashColumns, l)),
    );

    // Additions before removals: a key that gains and loses in one document never dips below zero
    // in between unless it ends below zero.
    const ordered = [...movements].sort((a, b) => Math.sign(b.quantity) - Math.sign(a.quantity));
    const head = chainHead.get(siteCode) ?? { seq: 0, hash: genesisHash };
    let seq = head.seq;
    let prevHash = head.hash;
    for (const m of ordered) {
      if (!Number.isSafeInteger(m.quantity) || m.quantity === 0) {
        throw new DomainError('zero-quantity', 'a movement of zero', { itemId: m.itemId });
      }
      const before = balanceOf.get(m.itemId, m.batchId, m.locationId, m.sourceId) ?? 0;
      const after = before + m.quantity;
      if (after < 0) {
        refuseShortage({
          itemId: m.itemId,
          sourceId: m.sourceId,
          batchId: m.batchId,
          locationId: m.locationId,
          available: before,
          requested: -m.quantity,
          line: lines.findIndex((l) => l.id === m.lineId) + 1 || undefined,
        });
      }
      if (after === 0) deleteBalance.run(m);
      else upsertBalance.run({ ...m, quantity: after });
      seq++;
      const entry = {
        id: uuidv7(),
        siteCode,
        seq,
        documentId: id,
        lineId: m.lineId,
        itemId: m.itemId,
        batchId: m.batchId,
        locationId: m.locationId,
        sourceId: m.sourceId,
        quantity: m.quantity,
        balanceAfter: after,
        operator,
        postedAt,
      };
      const hash = entryHash(entry, docHash, prevHash);
      insertEntry.run({ ...entry, prevHash, hash });
      prevHash = hash;
    }
    if (options.draftId) deleteDraft.run(options.draftId);
    return { id, number: num.number, entries: ordered.length };
  }

  return { post, numberFor, newLineId: () => uuidv7() };
}

export type Posting = ReturnType<typeof createPosting>;
