import type { ApprovalStamp, DocumentDetail, DocumentSummary } from '../../../shared/contract';
import type { BackendContext, HandlersFor } from '../context';
import { DomainError } from '../errors';
import { likePattern } from '../catalog/items';

interface SummaryRecord {
  id: string;
  number: string;
  kind: DocumentSummary['kind'];
  subkind: string;
  doc_date: string;
  posted_at: string;
  operator: string;
  party_name: string | null;
  source_name: string | null;
  related_id: string | null;
  related_number: string | null;
  reversed_by: string | null;
  emergency: number;
  order_no: string;
  filed_order_no: string | null;
  paperwork_due: string | null;
  line_count: number;
  total_quantity: number;
}

const summarySelect = `
  SELECT d.id, d.number, d.kind, d.subkind, d.doc_date, d.posted_at, d.operator, p.name AS party_name,
         s.name AS source_name, d.related_id, rel.number AS related_number,
         (SELECT r.number FROM documents r WHERE r.kind = 'reversal' AND r.related_id = d.id) AS reversed_by,
         d.emergency, d.order_no, f.order_no AS filed_order_no, d.paperwork_due,
         (SELECT count(*) FROM document_lines l WHERE l.document_id = d.id) AS line_count,
         (SELECT coalesce(sum(abs(l.quantity)), 0) FROM document_lines l WHERE l.document_id = d.id) AS total_quantity
  FROM documents d
  LEFT JOIN document_parties p ON p.document_id = d.id
  LEFT JOIN sources s ON s.id = d.source_id
  LEFT JOIN documents rel ON rel.id = d.related_id
  LEFT JOIN paperwork_filings f ON f.document_id = d.id`;

function summaryFromRecord(r: SummaryRecord): DocumentSummary {
  return {
    id: r.id,
    number: r.number,
    kind: r.kind,
    subkind: r.subkind,
    docDate: r.doc_date,
    postedAt: r.posted_at,
    operator: r.operator,
    partyName: r.party_name,
    sourceName: r.source_name,
    relatedId: r.related_id,
    relatedNumber: r.related_number,
    reversedBy: r.reversed_by,
    emergency: r.emergency === 1,
    // The order number filed afterwards stands beside the posting; the slip shows whichever exists.
    orderNo: r.order_no || r.filed_order_no || '',
    paperworkDue: r.paperwork_due,
    paperworkFiled: r.filed_order_no !== null,
    lineCount: r.line_count,
    totalQuantity: r.total_quantity,
  };
}

/** The documents register: lists with filters, one document with its lines and ledger effect. */
/** `approvalOf` names who applied and who approved a document (the approvals service); none by default. */
export function createDocuments(
  ctx: BackendContext,
  approvalOf: (documentId: string) => ApprovalStamp | null = () => null,
) {
  const { db } = ctx;
  const filter = `
    WHERE (@kind IS NULL OR d.kind = @kind)
      AND (@from IS NULL OR d.doc_date >= @from) AND (@to IS NULL OR d.doc_date <= @to)
      AND (@partyId IS NULL OR d.party_id = @partyId)
      AND (@sourceId IS NULL OR d.source_id = @sourceId
           OR EXISTS (SELECT 1 FROM ledger_entries e WHERE e.document_id = d.id AND e.source_id = @sourceId))
      AND (@emergency IS NULL OR d.emergency = @emergency)
      AND (@reversed IS NULL OR (@reversed = 1) = EXISTS (SELECT 1 FROM documents r WHERE r.kind = 'reversal' AND r.related_id = d.id))
      AND (@relatedId IS NULL OR d.related_id = @relatedId)
      AND (@pending IS NULL OR (@pending = 1) = (d.paperwork_due IS NOT NULL AND f.id IS NULL
           AND NOT EXISTS (SELECT 1 FROM documents r WHERE r.kind = 'reversal' AND r.related_id = d.id)))
      AND (@pattern IS NULL OR d.number LIKE @pattern ESCAPE '\\' OR d.order_no LIKE @pattern ESCAPE '\\'
           OR d.incident_name LIKE @pattern ESCAPE '\\' OR p.name LIKE @pattern ESCAPE '\\')`;
  type Filter = {
    kind: string | null;
    from: string | null;
    to: string | null;
    partyId: string | null;
    sourceId: string | null;
    emergency: number | null;
    reversed: number | null;
    relatedId: string | null;
    pending: number | null;
    pattern: string | null;
  };
  const list = db.prepare<Filter & { limit: number; offset: number }, SummaryRecord>(
    `${summarySelect} ${filter} ORDER BY d.posted_at DESC, d.id DESC LIMIT @limit OFFSET @offset`,
  );
  const count = db
    .prepare<Filter, number>(
      `SELECT count(*) FROM documents d LEFT JOIN document_parties p ON p.document_id = d.id
       LEFT JOIN paperwork_filings f ON f.document_id = d.id ${filter}`,
    )
    .pluck();
  const byId = db.prepare<[string], SummaryRecord>(`${summarySelect} WHERE d.id = ?`);
  const byNumber = db.prepare<[string, string], SummaryRecord>(
    `${summarySelect} WHERE d.site_code = ? AND d.number = ?`,
  );
  const header = db.prepare<
    [string],
    {
      remarks: string;
      reason: string;
      order_issuer: string;
      order_date: string | null;
      incident_name: string;
      response_level: DocumentDetail['responseLevel'];
      transport_mode: string;
      carrier: string;
      plate_no: string;
      driver: string;
      driver_phone: string;
      party_id: string | null;
      party_contact: string | null;
      party_phone: string | null;
      party_address: string | null;
      source_id: string | null;
    }
  >(
    `SELECT d.remarks, d.reason, d.order_issuer, d.order_date, d.incident_name, d.response_level, d.transport_mode,
            d.carrier, d.plate_no, d.driver, d.driver_phone, d.party_id, p.contact AS party_contact,
            p.phone AS party_phone, p.address AS party_address, d.source_id
     FROM documents d LEFT JOIN document_parties p ON p.document_id = d.id WHERE d.id = ?`,
  );
  const filing = db.prepare<
    [string],
    { order_no: string; order_issuer: string; remarks: string; operator: string; filed_at: string }
  >('SELECT order_no, order_issuer, remarks, operator, filed_at FROM paperwork_filings WHERE document_id = ?');
  const lines = db.prepare<
    [string],
    {
      id: string;
      line_no: number;
      item_id: string;
      code: string;
      name: string;
      spec: string;
      base_unit: string;
      pack_size: number;
      unit_value_fen: number;
      quantity: number;
      quantity_ordered: number | null;
      remarks: string;
    }
  >(
    `SELECT l.id, l.line_no, l.item_id, i.code, i.name, i.spec, i.base_unit, i.pack_size, i.unit_value_fen, l.quantity,
            l.quantity_ordered, l.remarks
     FROM document_lines l JOIN items i ON i.id = l.item_id WHERE l.document_id = ? ORDER BY l.line_no`,
  );
  const entries = db.prepare<
    [string],
    {
      id: string;
      seq: number;
      line_id: string;
      item_id: string;
      batch_id: string;
      batch_no: string;
      production_date: string | null;
      expiry_date: string | null;
      location_id: string;
      location_code: string;
      source_id: string;
      source_name: string;
      donor_name: string | null;
      quantity: number;
      balance_after: number;
    }
  >(
    `SELECT e.id, e.seq, e.line_id, e.item_id, e.batch_id, b.batch_no, b.production_date, b.expiry_date, e.location_id,
            l.code AS location_code, e.source_id, s.name AS source_name, dn.name AS donor_name, e.quantity, e.balance_after
     FROM ledger_entries e
     JOIN batches b ON b.id = e.batch_id
     JOIN locations l ON l.id = e.location_id
     JOIN sources s ON s.id = e.source_id
     LEFT JOIN parties dn ON dn.id = s.donor_id
     WHERE e.document_id = ? ORDER BY e.seq`,
  );

  function detail(id: string): DocumentDetail {
    const summary = byId.get(id);
    const h = header.get(id);
    if (!summary || !h) throw new DomainError('not-found', `no document ${id}`, { entity: 'document', id });
    const f = filing.get(id);
    return {
      ...summaryFromRecord(summary),
      remarks: h.remarks,
      reason: h.reason,
      orderIssuer: h.order_issuer || f?.order_issuer || '',
      orderDate: h.order_date,
      incidentName: h.incident_name,
      responseLevel: h.response_level,
      transport: {
        mode: h.transport_mode,
        carrier: h.carrier,
        plateNo: h.plate_no,
        driver: h.driver,
        driverPhone: h.driver_phone,
      },
      partyId: h.party_id,
      partyContact: h.party_contact ?? '',
      partyPhone: h.party_phone ?? '',
      partyAddress: h.party_address ?? '',
      sourceId: h.source_id,
      approval: approvalOf(id),
      filing: f
        ? {
            orderNo: f.order_no,
            orderIssuer: f.order_issuer,
            remarks: f.remarks,
            operator: f.operator,
            filedAt: f.filed_at,
          }
        : null,
      lines: lines.all(id).map((l) => ({
        id: l.id,
        lineNo: l.line_no,
        itemId: l.item_id,
        itemCode: l.code,
        itemName: l.name,
        spec: l.spec,
        baseUnit: l.base_unit,
        packSize: l.pack_size,
        unitValueFen: l.unit_value_fen,
        quantity: l.quantity,
        quantityOrdered: l.quantity_ordered,
        remarks: l.remarks,
      })),
      entries: entries.all(id).map((e) => ({
        id: e.id,
        seq: e.seq,
        lineId: e.line_id,
        itemId: e.item_id,
        batchId: e.batch_id,
        batchNo: e.batch_no,
        productionDate: e.production_date,
        expiryDate: e.expiry_date,
        locationId: e.location_id,
        locationCode: e.location_code,
        sourceId: e.source_id,
        sourceName: e.source_name,
        donorName: e.donor_name,
        quantity: e.quantity,
        balanceAfter: e.balance_after,
      })),
    };
  }

  const handlers: HandlersFor<'documents:list' | 'documents:get' | 'documents:find-by-number'> = {
    'documents:list': (q) => {
      const params: Filter = {
        kind: q.kind ?? null,
        from: q.from ?? null,
        to: q.to ?? null,
        partyId: q.partyId ?? null,
        sourceId: q.sourceId ?? null,
        emergency: q.emergency === undefined ? null : q.emergency ? 1 : 0,
        reversed: q.reversed === undefined ? null : q.reversed ? 1 : 0,
        relatedId: q.relatedId ?? null,
        pending: q.pendingPaperwork === undefined ? null : q.pendingPaperwork ? 1 : 0,
        pattern: q.search ? likePattern(q.search) : null,
      };
      return {
        rows: list.all({ ...params, limit: q.limit, offset: q.offset }).map(summaryFromRecord),
        total: count.get(params)!,
      };
    },
    'documents:get': ({ id }) => detail(id),
    'documents:find-by-number': ({ number }) => {
      const r = byNumber.get(ctx.siteCode(), number.toUpperCase());
      return r ? summaryFromRecord(r) : null;
    },
  };
  return { handlers };
}
