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

/** The columns of a document's header and of its lines that its hash covers, in hashing order. */
export const documentHashColumns = [
  'id',
  'site_code',
  'kind',
  'subkind',
  'number',
  'doc_date',
  'posted_at',
  'operator',
  'remarks',
  'source_id',
  'party_id',
  'related_id',
  'reason',
  'order_no',
  'order_issuer',
  'order_date',
  'incident_name',
  'response_level',
  'transport_mode',
  'carrier',
  'plate_no',
  'driver',
  'driver_phone',
  'emergency',
  'paperwork_due',
] as const;
export const lineHashColumns = ['id', 'line_no', 'item_id', 'quantity', 'quantity_ordered', 'remarks'] as const;

export type DocumentHashRow = Record<(typeof documentHashColumns)[number], string | number | null>;
export type LineHashRow = Record<(typeof lineHashColumns)[number], string | number | null>;

/**
 * A document's hash: its header and lines in a fixed column order, as stored (TEXT as strings,
 * INTEGER as numbers, NULL as null). Posting hashes the values it has just written; verification
 * hashes what it reads back; both go through here, so both hash the same bytes.
 */
export function documentHash(header: readonly unknown[] | null, lines: readonly (readonly unknown[])[]): string {
  return createHash('sha256')
    .update(JSON.stringify([header, lines]))
    .digest('hex');
}

/** A stored header or line as the values `documentHash` takes, in hashing order. */
export function hashValues<C extends string>(columns: readonly C[], row: Record<C, unknown>): unknown[] {
  return columns.map((c) => row[c]);
}

export interface ChainReport {
  ok: boolean;
  siteCode: string;
  entries: number;
  headSeq: number;
  headHash: string;
  firstBroken: { seq: number; id: string; reason: 'hash-mismatch' | 'link-broken' | 'sequence-gap' } | null;
}

/**
 * Recomputes a site's chain from its first entry and reports the first entry that does not hold.
 * One ordered pass over the entries, each joined to its document's header; a document's lines are
 * read once, at its first entry (its entries are consecutive in the chain). Rows come as arrays, not
 * objects: a million entries make a million rows.
 */
export function verifyChain(db: Db, siteCode: string): ChainReport {
  const entryColumns = [
    'id',
    'site_code',
    'seq',
    'document_id',
    'line_id',
    'item_id',
    'batch_id',
    'location_id',
    'source_id',
    'quantity',
    'balance_after',
    'operator',
    'posted_at',
    'prev_hash',
    'hash',
  ] as const;
  const at = Object.fromEntries(entryColumns.map((c, i) => [c, i])) as Record<(typeof entryColumns)[number], number>;
  const headerAt = entryColumns.length;
  const entries = db
    .prepare<[string], unknown[]>(
      `SELECT ${entryColumns.map((c) => `e.${c}`).join(', ')}, d.id IS NOT NULL AS has_document,
         ${documentHashColumns.map((c) => `d.${c}`).join(', ')}
       FROM ledger_entries e LEFT JOIN documents d ON d.id = e.document_id
       WHERE e.site_code = ? ORDER BY e.seq`,
    )
    .raw();
  const lines = db
    .prepare<[string], unknown[]>(
      `SELECT ${lineHashColumns.join(', ')} FROM document_lines WHERE document_id = ? ORDER BY line_no`,
    )
    .raw();
  let expectedSeq = 1;
  let prevHash = genesisHash;
  let count = 0;
  let documentId = '';
  let docHash = '';
  const report = (firstBroken: ChainReport['firstBroken']): ChainReport => ({
    ok: firstBroken === null,
    siteCode,
    entries: count,
    headSeq: expectedSeq - 1,
    headHash: prevHash,
    firstBroken,
  });
  for (const row of entries.iterate(siteCode)) {
    const seq = row[at.seq] as number;
    const id = row[at.id] as string;
    if (seq !== expectedSeq) return report({ seq, id, reason: 'sequence-gap' });
    if (row[at.prev_hash] !== prevHash) return report({ seq, id, reason: 'link-broken' });
    if (row[at.document_id] !== documentId) {
      documentId = row[at.document_id] as string;
      const header = row[headerAt] === 1 ? row.slice(headerAt + 1) : null;
      docHash = documentHash(header, lines.all(documentId));
    }
    const recomputed = entryHash(
      {
        id,
        siteCode: row[at.site_code] as string,
        seq,
        documentId,
        lineId: row[at.line_id] as string,
        itemId: row[at.item_id] as string,
        batchId: row[at.batch_id] as string,
        locationId: row[at.location_id] as string,
        sourceId: row[at.source_id] as string,
        quantity: row[at.quantity] as number,
        balanceAfter: row[at.balance_after] as number,
        operator: row[at.operator] as string,
        postedAt: row[at.posted_at] as string,
      },
      docHash,
      row[at.prev_hash] as string,
    );
    if (recomputed !== row[at.hash]) return report({ seq, id, reason: 'hash-mismatch' });
    prevHash = row[at.hash] as string;
    expectedSeq++;
    count++;
  }
  return report(null);
}
