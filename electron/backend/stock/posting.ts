import { numberPrefixes, type DocumentKind, type Posted } from '../../../shared/contract';
import type { BackendContext } from '../context';
import { DomainError } from '../errors';
import { uuidv7 } from '../ids';
import { createDocumentHasher, entryHash, genesisHash } from './ledger-chain';

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
  const insertDocument = db.prepare(
    `INSERT INTO documents (id, site_code, kind, subkind, number, number_prefix, number_year, number_seq, doc_date,
       posted_at, operator, remarks, source_id, party_id, related_id, reason, order_no, order_issuer, order_date,
       incident_name, response_level, transport_mode, carrier, plate_no, driver, driver_phone, emergency, paperwork_due)
     VALUES (@id, @siteCode, @kind, @subkind, @number, @prefix, @year, @seq, @docDate, @postedAt, @operator, @remarks,
       @sourceId, @partyId, @relatedId, @reason, @orderNo, @orderIssuer, @orderDate, @incidentName, @responseLevel,
       @mode, @carrier, @plateNo, @driver, @driverPhone, @emergency, @paperworkDue)`,
  );
  const insertLine = db.prepare(
    `INSERT INTO document_lines (id, site_code, document_id, line_no, item_id, quantity, quantity_ordered, remarks)
     VALUES (@id, @siteCode, @documentId, @lineNo, @itemId, @quantity, @quantityOrdered, @remarks)`,
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
  const describeKey = db.prepare<
    [string, string, string],
    { item_code: string; item_name: string; base_unit: string; source_name: string; batch_no: string }
  >(
    `SELECT i.code AS item_code, i.name AS item_name, i.base_unit, s.name AS source_name, b.batch_no
     FROM items i, sources s, batches b WHERE i.id = ? AND s.id = ? AND b.id = ?`,
  );
  const deleteDraft = db.prepare<[string]>('DELETE FROM document_drafts WHERE id = ?');
  const hashDocument = createDocumentHasher(db);

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

  /** Refuses a movement that would take a key below zero, naming what a keeper needs to know. */
  function refuseShortage(m: Movement, available: number): never {
    const d = describeKey.get(m.itemId, m.sourceId, m.batchId);
    throw new DomainError(
      'insufficient-stock',
      `${d?.item_code ?? m.itemId} ${d?.item_name ?? ''} from ${d?.source_name ?? m.sourceId}: available ${available}, requested ${-m.quantity}`,
      {
        itemId: m.itemId,
        itemCode: d?.item_code,
        itemName: d?.item_name,
        unit: d?.base_unit,
        sourceId: m.sourceId,
        sourceName: d?.source_name,
        batchNo: d?.batch_no,
        locationId: m.locationId,
        available,
        requested: -m.quantity,
      },
    );
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
    insertDocument.run({
      id,
      siteCode,
      kind: header.kind,
      subkind: header.subkind,
      number: num.number,
      prefix: num.prefix,
      year: num.year,
      seq: num.seq,
      docDate: header.docDate,
      postedAt,
      operator,
      remarks: header.remarks,
      sourceId: header.sourceId ?? null,
      partyId: header.partyId ?? null,
      relatedId: header.relatedId ?? null,
      reason: header.reason ?? '',
      orderNo: header.orderNo ?? '',
      orderIssuer: header.orderIssuer ?? '',
      orderDate: header.orderDate ?? null,
      incidentName: header.incidentName ?? '',
      responseLevel: header.responseLevel ?? null,
      mode: t?.mode ?? '',
      carrier: t?.carrier ?? '',
      plateNo: t?.plateNo ?? '',
      driver: t?.driver ?? '',
      driverPhone: t?.driverPhone ?? '',
      emergency: header.emergency ? 1 : 0,
      paperworkDue: header.paperworkDue ?? null,
    });
    lines.forEach((line, i) =>
      insertLine.run({
        id: line.id,
        siteCode,
        documentId: id,
        lineNo: i + 1,
        itemId: line.itemId,
        quantity: line.quantity,
        quantityOrdered: line.quantityOrdered ?? null,
        remarks: line.remarks,
      }),
    );
    const documentHash = hashDocument(id);

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
      if (after < 0) refuseShortage(m, before);
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
      const hash = entryHash(entry, documentHash, prevHash);
      insertEntry.run({ ...entry, prevHash, hash });
      prevHash = hash;
    }
    if (options.draftId) deleteDraft.run(options.draftId);
    return { id, number: num.number, entries: ordered.length };
  }

  return { post, numberFor, newLineId: () => uuidv7() };
}

export type Posting = ReturnType<typeof createPosting>;
