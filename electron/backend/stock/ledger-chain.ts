import { createHash } from 'node:crypto';
import type { Db } from '../db/database';

/** The hash the first entry of a site's chain links to. */
export const genesisHash = '0'.repeat(64);

export interface EntryContent {
  id: string;
  siteCode: string;
  seq: number;
  documentId: string;
  lineId: string;
  itemId: string;
  batchId: string;
  locationId: string;
  sourceId: string;
  quantity: number;
  balanceAfter: number;
  operator: string;
  postedAt: string;
}

/**
 * An entry's hash covers every field of the entry, the hash of its document's content (header and
 * lines), and the previous entry's hash: changing any posted fact, or removing or reordering an
 * entry, breaks the chain from that point on.
 */
export function entryHash(e: EntryContent, documentHash: string, prevHash: string): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        e.siteCode,
        e.seq,
        e.id,
        e.documentId,
        e.lineId,
        e.itemId,
        e.batchId,
        e.locationId,
        e.sourceId,
        e.quantity,
        e.balanceAfter,
        e.operator,
        e.postedAt,
        documentHash,
        prevHash,
      ]),
    )
    .digest('hex');
}

/**
 * Reads a document's header and lines exactly as stored and hashes them in a fixed order. Used at
 * posting (after the rows are written) and at verification, so both see the same bytes.
 */
export function createDocumentHasher(db: Db): (documentId: string) => string {
  const header = db.prepare<[string], Record<string, unknown>>(
    `SELECT id, site_code, kind, subkind, number, doc_date, posted_at, operator, remarks, source_id, party_id,
       related_id, reason, order_no, order_issuer, order_date, incident_name, response_level, transport_mode,
       carrier, plate_no, driver, driver_phone, emergency, paperwork_due
     FROM documents WHERE id = ?`,
  );
  const lines = db.prepare<[string], Record<string, unknown>>(
    `SELECT id, line_no, item_id, quantity, quantity_ordered, remarks
     FROM document_lines WHERE document_id = ? ORDER BY line_no`,
  );
  return (documentId) => {
    const head = header.get(documentId);
    const body = lines.all(documentId);
    return createHash('sha256')
      .update(JSON.stringify([head ? Object.values(head) : null, body.map((l) => Object.values(l))]))
      .digest('hex');
  };
}

export interface ChainReport {
  ok: boolean;
  siteCode: string;
  entries: number;
  headSeq: number;
  headHash: string;
  firstBroken: { seq: number; id: string; reason: 'hash-mismatch' | 'link-broken' | 'sequence-gap' } | null;
}

interface StoredEntry {
  id: string;
  site_code: string;
  seq: number;
  document_id: string;
  line_id: string;
  item_id: string;
  batch_id: string;
  location_id: string;
  source_id: string;
  quantity: number;
  balance_after: number;
  operator: string;
  posted_at: string;
  prev_hash: string;
  hash: string;
}

/** Recomputes a site's chain from its first entry and reports the first entry that does not hold. */
export function verifyChain(db: Db, siteCode: string): ChainReport {
  const hashDocument = createDocumentHasher(db);
  const entries = db.prepare<[string], StoredEntry>(
    `SELECT id, site_code, seq, document_id, line_id, item_id, batch_id, location_id, source_id, quantity,
       balance_after, operator, posted_at, prev_hash, hash
     FROM ledger_entries WHERE site_code = ? ORDER BY seq`,
  );
  let expectedSeq = 1;
  let prevHash = genesisHash;
  let count = 0;
  let cachedDocument = { id: '', hash: '' };
  const report = (firstBroken: ChainReport['firstBroken']): ChainReport => ({
    ok: firstBroken === null,
    siteCode,
    entries: count,
    headSeq: expectedSeq - 1,
    headHash: prevHash,
    firstBroken,
  });
  for (const e of entries.iterate(siteCode)) {
    if (e.seq !== expectedSeq) return report({ seq: e.seq, id: e.id, reason: 'sequence-gap' });
    if (e.prev_hash !== prevHash) return report({ seq: e.seq, id: e.id, reason: 'link-broken' });
    if (cachedDocument.id !== e.document_id) cachedDocument = { id: e.document_id, hash: hashDocument(e.document_id) };
    const recomputed = entryHash(
      {
        id: e.id,
        siteCode: e.site_code,
        seq: e.seq,
        documentId: e.document_id,
        lineId: e.line_id,
        itemId: e.item_id,
        batchId: e.batch_id,
        locationId: e.location_id,
        sourceId: e.source_id,
        quantity: e.quantity,
        balanceAfter: e.balance_after,
        operator: e.operator,
        postedAt: e.posted_at,
      },
      cachedDocument.hash,
      e.prev_hash,
    );
    if (recomputed !== e.hash) return report({ seq: e.seq, id: e.id, reason: 'hash-mismatch' });
    prevHash = e.hash;
    expectedSeq++;
    count++;
  }
  return report(null);
}
