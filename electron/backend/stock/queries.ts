import type { InventoryRow, StockCardRow } from '../../../shared/contract';
import { addDays, addYears, endOfLocalDay, localDate, startOfLocalDay } from '../clock';
import type { BackendContext, HandlersFor } from '../context';
import type { Items } from '../catalog/items';
import { fefoOrder, stockRowFromRecord, stockRowSelect, type StockRowRecord } from './stock-rows';

/** Read-only questions about stock, answered from the balances or, for the past, from the ledger. */
export function createStockQueries(ctx: BackendContext, items: Items) {
  const { db } = ctx;
  const onHand = db.prepare<
    { itemId: string | null; sourceId: string | null; locationId: string | null; batchId: string | null },
    StockRowRecord
  >(
    `${stockRowSelect}
     WHERE sb.quantity > 0
       AND (@itemId IS NULL OR sb.item_id = @itemId) AND (@sourceId IS NULL OR sb.source_id = @sourceId)
       AND (@locationId IS NULL OR sb.location_id = @locationId) AND (@batchId IS NULL OR sb.batch_id = @batchId)
     ${fefoOrder}`,
  );
  // The same question for one item, the common case (a keeper picking stock of an item): with the item
  // as a plain equality SQLite seeks the balances' primary key instead of scanning every balance, which
  // `@itemId IS NULL OR ...` does not let it do.
  const onHandOfItem = db.prepare<
    { itemId: string; sourceId: string | null; locationId: string | null; batchId: string | null },
    StockRowRecord
  >(
    `${stockRowSelect}
     WHERE sb.item_id = @itemId AND sb.quantity > 0
       AND (@sourceId IS NULL OR sb.source_id = @sourceId)
       AND (@locationId IS NULL OR sb.location_id = @locationId) AND (@batchId IS NULL OR sb.batch_id = @batchId)
     ${fefoOrder}`,
  );
  const inventory = db.prepare<
    { includeInactive: number },
    {
      id: string;
      code: string;
      name: string;
      spec: string;
      category_id: string | null;
      base_unit: string;
      pack_size: number;
      reserve_quota: number;
      min_stock: number;
      persons_per_unit: number;
      unit_value_fen: number;
      active: number;
      on_hand: number;
      nearest_expiry: string | null;
      oldest_receipt: string | null;
    }
  >(
    `SELECT i.id, i.code, i.name, i.spec, i.category_id, i.base_unit, i.pack_size, i.reserve_quota, i.min_stock,
            i.persons_per_unit, i.unit_value_fen, i.active,
            coalesce(t.on_hand, 0) AS on_hand, t.nearest_expiry, t.oldest_receipt
     FROM items i LEFT JOIN (
       SELECT sb.item_id, sum(sb.quantity) AS on_hand, min(b.expiry_date) AS nearest_expiry,
              min(b.receipt_date) AS oldest_receipt
       FROM stock_balances sb JOIN batches b ON b.id = sb.batch_id
       WHERE sb.quantity > 0 GROUP BY sb.item_id
     ) t ON t.item_id = i.id
     WHERE @includeInactive = 1 OR i.active = 1
     ORDER BY i.code`,
  );
  const bySource = db.prepare<[], { item_id: string; source_id: string; quantity: number }>(
    `SELECT item_id, source_id, sum(quantity) AS quantity FROM stock_balances
     WHERE quantity > 0 GROUP BY item_id, source_id ORDER BY item_id, source_id`,
  );
  const asOfByItem = db.prepare<{ end: string; itemId: string | null }, { item_id: string; quantity: number }>(
    `SELECT item_id, sum(quantity) AS quantity FROM ledger_entries
     WHERE posted_at < @end AND (@itemId IS NULL OR item_id = @itemId)
     GROUP BY item_id HAVING sum(quantity) <> 0 ORDER BY item_id`,
  );
  const asOfBySource = db.prepare<
    { end: string; itemId: string | null },
    { item_id: string; source_id: string; quantity: number }
  >(
    `SELECT item_id, source_id, sum(quantity) AS quantity FROM ledger_entries
     WHERE posted_at < @end AND (@itemId IS NULL OR item_id = @itemId)
     GROUP BY item_id, source_id HAVING sum(quantity) <> 0 ORDER BY item_id, source_id`,
  );
  type CardRecord = {
    entry_id: string;
    seq: number;
    posted_at: string;
    doc_date: string;
    document_id: string;
    number: string;
    kind: StockCardRow['kind'];
    subkind: string;
    batch_no: string;
    location_code: string;
    source_name: string;
    party_name: string | null;
    quantity: number;
    balance: number;
  };
  // The running balance runs over the whole filtered history, then the date window is cut out of it,
  // so the first row of a window continues from the opening balance.
  const card = db.prepare<
    { itemId: string; sourceId: string | null; batchId: string | null; start: string | null; end: string | null },
    CardRecord
  >(
    `SELECT * FROM (
       SELECT e.id AS entry_id, e.seq, e.posted_at, d.doc_date, d.id AS document_id, d.number, d.kind, d.subkind,
              b.batch_no, l.code AS location_code, s.name AS source_name, p.name AS party_name, e.quantity,
              sum(e.quantity) OVER (ORDER BY e.seq ROWS UNBOUNDED PRECEDING) AS balance
       FROM ledger_entries e
       JOIN documents d ON d.id = e.document_id
       JOIN batches b ON b.id = e.batch_id
       JOIN locations l ON l.id = e.location_id
       JOIN sources s ON s.id = e.source_id
       LEFT JOIN document_parties p ON p.document_id = d.id
       WHERE e.item_id = @itemId AND (@sourceId IS NULL OR e.source_id = @sourceId)
         AND (@batchId IS NULL OR e.batch_id = @batchId)
     )
     WHERE (@start IS NULL OR posted_at >= @start) AND (@end IS NULL OR posted_at < @end)
     ORDER BY seq`,
  );
  const openingBalance = db
    .prepare<{ itemId: string; sourceId: string | null; batchId: string | null; start: string }, number>(
      `SELECT coalesce(sum(quantity), 0) FROM ledger_entries
       WHERE item_id = @itemId AND posted_at < @start
         AND (@sourceId IS NULL OR source_id = @sourceId) AND (@batchId IS NULL OR batch_id = @batchId)`,
    )
    .pluck();
  const expiring = db.prepare<{ until: string }, StockRowRecord>(
    `${stockRowSelect} WHERE sb.quantity > 0 AND b.expiry_date IS NOT NULL AND b.expiry_date <= @until ${fefoOrder}`,
  );
  const aged = db.prepare<{ receivedBy: string }, StockRowRecord>(
    `${stockRowSelect} WHERE sb.quantity > 0 AND b.receipt_date <= @receivedBy
     ORDER BY b.receipt_date, b.batch_no, l.code`,
  );
  const belowMinimum = db.prepare<
    [],
    { item_id: string; code: string; name: string; on_hand: number; min_stock: number }
  >(
    `SELECT i.id AS item_id, i.code, i.name, coalesce(sum(sb.quantity), 0) AS on_hand, i.min_stock
     FROM items i LEFT JOIN stock_balances sb ON sb.item_id = i.id
     WHERE i.active = 1 AND i.min_stock > 0
     GROUP BY i.id HAVING coalesce(sum(sb.quantity), 0) < i.min_stock ORDER BY i.code`,
  );
  const pendingPaperwork = db.prepare<
    [],
    {
      id: string;
      number: string;
      doc_date: string;
      posted_at: string;
      receiving_unit: string | null;
      incident_name: string;
      paperwork_due: string;
    }
  >(
    `SELECT d.id, d.number, d.doc_date, d.posted_at, p.name AS receiving_unit, d.incident_name, d.paperwork_due
     FROM documents d LEFT JOIN document_parties p ON p.document_id = d.id
     WHERE d.paperwork_due IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM paperwork_filings f WHERE f.document_id = d.id)
       AND NOT EXISTS (SELECT 1 FROM documents r WHERE r.kind = 'reversal' AND r.related_id = d.id)
     ORDER BY d.paperwork_due, d.number`,
  );

  function inventoryRows(includeInactive: boolean): InventoryRow[] {
    const sources = new Map<string, { sourceId: string; quantity: number }[]>();
    for (const r of bySource.all()) {
      const list = sources.get(r.item_id) ?? [];
      list.push({ sourceId: r.source_id, quantity: r.quantity });
      sources.set(r.item_id, list);
    }
    return inventory.all({ includeInactive: includeInactive ? 1 : 0 }).map((r) => ({
      itemId: r.id,
      code: r.code,
      name: r.name,
      spec: r.spec,
      categoryId: r.category_id,
      baseUnit: r.base_unit,
      packSize: r.pack_size,
      onHand: r.on_hand,
      bySource: sources.get(r.id) ?? [],
      reserveQuota: r.reserve_quota,
      minStock: r.min_stock,
      personsPerUnit: r.persons_per_unit,
      unitValueFen: r.unit_value_fen,
      nearestExpiry: r.nearest_expiry,
      oldestReceipt: r.oldest_receipt,
      active: r.active === 1,
    }));
  }

  const handlers: HandlersFor<
    | 'stock:on-hand'
    | 'stock:inventory'
    | 'stock:as-of'
    | 'stock:card'
    | 'stock:expiring'
    | 'stock:aged'
    | 'stock:below-minimum'
    | 'stock:pending-paperwork'
  > = {
    'stock:on-hand': (q) => {
      const filter = { sourceId: q.sourceId ?? null, locationId: q.locationId ?? null, batchId: q.batchId ?? null };
      const rows = q.itemId
        ? onHandOfItem.all({ ...filter, itemId: q.itemId })
        : onHand.all({ ...filter, itemId: null });
      return rows.map(stockRowFromRecord);
    },
    'stock:inventory': (q) => inventoryRows(q?.includeInactive ?? false),
    'stock:as-of': (q) => {
      const params = { end: endOfLocalDay(q.date), itemId: q.itemId ?? null };
      return q.bySource
        ? asOfBySource.all(params).map((r) => ({ itemId: r.item_id, sourceId: r.source_id, quantity: r.quantity }))
        : asOfByItem.all(params).map((r) => ({ itemId: r.item_id, sourceId: null, quantity: r.quantity }));
    },
    'stock:card': (q) => {
      items.get(q.itemId);
      const filter = { itemId: q.itemId, sourceId: q.sourceId, batchId: q.batchId };
      const start = q.from ? startOfLocalDay(q.from) : null;
      const rows = card.all({ ...filter, start, end: q.to ? endOfLocalDay(q.to) : null }).map((r): StockCardRow => ({
        entryId: r.entry_id,
        seq: r.seq,
        postedAt: r.posted_at,
        docDate: r.doc_date,
        documentId: r.document_id,
        number: r.number,
        kind: r.kind,
        subkind: r.subkind,
        batchNo: r.batch_no,
        locationCode: r.location_code,
        sourceName: r.source_name,
        partyName: r.party_name,
        quantityIn: r.quantity > 0 ? r.quantity : 0,
        quantityOut: r.quantity < 0 ? -r.quantity : 0,
        balance: r.balance,
      }));
      const opening = start ? openingBalance.get({ ...filter, start })! : 0;
      const totalIn = rows.reduce((s, r) => s + r.quantityIn, 0);
      const totalOut = rows.reduce((s, r) => s + r.quantityOut, 0);
      return { itemId: q.itemId, opening, rows, totalIn, totalOut, closing: opening + totalIn - totalOut };
    },
    'stock:expiring': (q) =>
      expiring.all({ until: addDays(localDate(ctx.now()), q.withinDays) }).map(stockRowFromRecord),
    'stock:aged': (q) => aged.all({ receivedBy: addYears(localDate(ctx.now()), -q.years) }).map(stockRowFromRecord),
    'stock:below-minimum': () =>
      belowMinimum
        .all()
        .map((r) => ({ itemId: r.item_id, code: r.code, name: r.name, onHand: r.on_hand, minStock: r.min_stock })),
    'stock:pending-paperwork': () => {
      const today = localDate(ctx.now());
      return pendingPaperwork.all().map((r) => ({
        documentId: r.id,
        number: r.number,
        docDate: r.doc_date,
        postedAt: r.posted_at,
        receivingUnit: r.receiving_unit ?? '',
        incidentName: r.incident_name,
        due: r.paperwork_due,
        overdue: r.paperwork_due < today,
      }));
    },
  };
  return { handlers };
}
