/**
 * Labels: what they print (one query per label set) and the depot's internal item codes for goods
 * that arrive without a usable barcode (donations, bulk).
 */
import type { z } from 'zod';
import type { LabelBatch, LabelData, LabelItem, LabelLocation, labelDataQuerySchema } from '../../../shared/contract';
import { internalGtin, internalGtinPrefix } from '../../../shared/barcode/payloads';
import type { BackendContext, HandlersFor } from '../context';
import { transactional } from '../db/database';
import { DomainError } from '../errors';
import type { Items } from './items';

type LabelQuery = z.output<typeof labelDataQuerySchema>;

export function createLabels(ctx: BackendContext, items: Items) {
  const { db } = ctx;
  const itemById = db.prepare<
    [string],
    { id: string; code: string; name: string; spec: string; base_unit: string; pack_size: number }
  >('SELECT id, code, name, spec, base_unit, pack_size FROM items WHERE id = ?');
  const barcodesOf = db.prepare<[string], { barcode: string; quantity: number }>(
    'SELECT barcode, quantity FROM item_barcodes WHERE item_id = ? ORDER BY quantity, created_at, barcode',
  );
  const batchById = db.prepare<
    [string],
    {
      id: string;
      item_id: string;
      batch_no: string;
      production_date: string | null;
      expiry_date: string | null;
      origin: string;
      receipt_date: string;
    }
  >('SELECT id, item_id, batch_no, production_date, expiry_date, origin, receipt_date FROM batches WHERE id = ?');
  type SourceRow = { name: string; kind: string; donor_name: string | null };
  const sourceById = db.prepare<[string], SourceRow>(
    `SELECT s.name, s.kind, p.name AS donor_name FROM sources s LEFT JOIN parties p ON p.id = s.donor_id WHERE s.id = ?`,
  );
  // Sources in the order they first received the batch.
  const sourcesOfBatch = db.prepare<[string], SourceRow>(
    `SELECT s.name, s.kind, p.name AS donor_name
       FROM (SELECT source_id, min(seq) AS first FROM ledger_entries WHERE batch_id = ? AND quantity > 0 GROUP BY source_id) e
       JOIN sources s ON s.id = e.source_id LEFT JOIN parties p ON p.id = s.donor_id
      ORDER BY e.first`,
  );
  const locationById = db.prepare<
    [string],
    { id: string; code: string; name: string; kind: 'zone' | 'slot'; zone_name: string | null }
  >(
    `SELECT l.id, l.code, l.name, l.kind, z.name AS zone_name FROM locations l LEFT JOIN locations z ON z.id = l.zone_id
      WHERE l.id = ?`,
  );
  const counter = db
    .prepare<[string], number>('SELECT last_number FROM internal_code_counters WHERE site_code = ?')
    .pluck();
  // Internal codes already linked (minted before the counter existed, or typed in by hand).
  const highestLinked = db
    .prepare<[string, string], string | null>(
      `SELECT max(barcode) FROM item_barcodes WHERE site_code = ? AND barcode GLOB ?`,
    )
    .pluck();
  const barcodeTaken = db
    .prepare<[string, string], number>('SELECT 1 FROM item_barcodes WHERE site_code = ? AND barcode = ?')
    .pluck();
  const putCounter = db.prepare<[string, number, string]>(
    `INSERT INTO internal_code_counters (site_code, last_number, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (site_code) DO UPDATE SET last_number = excluded.last_number, updated_at = excluded.updated_at`,
  );

  function notFound(entity: string, id: string): never {
    throw new DomainError('not-found', `no ${entity} ${id}`, { entity, id });
  }

  function labelItem(id: string): LabelItem {
    const row = itemById.get(id) ?? notFound('item', id);
    return {
      id: row.id,
      code: row.code,
      name: row.name,
      spec: row.spec,
      baseUnit: row.base_unit,
      packSize: row.pack_size,
      barcodes: barcodesOf.all(id),
    };
  }

  function labelBatch(id: string, sourceId: string | undefined): LabelBatch {
    const row = batchById.get(id) ?? notFound('batch', id);
    const sources = sourceId ? [sourceById.get(sourceId) ?? notFound('source', sourceId)] : sourcesOfBatch.all(id);
    return {
      id: row.id,
      item: labelItem(row.item_id),
      batchNo: row.batch_no,
      productionDate: row.production_date,
      expiryDate: row.expiry_date,
      origin: row.origin,
      receiptDate: row.receipt_date,
      sources: sources.map((s) => ({ name: s.name, kind: s.kind, donorName: s.donor_name })),
    };
  }

  function labelLocation(id: string): LabelLocation {
    const row = locationById.get(id) ?? notFound('location', id);
    return { id: row.id, code: row.code, name: row.name, kind: row.kind, zoneName: row.zone_name };
  }

  // One read transaction: a label set never mixes two states of the catalog.
  const labelData = transactional(db, (query: LabelQuery): LabelData => {
    switch (query.kind) {
      case 'items':
        return { kind: 'items', items: query.entries.map((e) => labelItem(e.id)) };
      case 'batches':
        return { kind: 'batches', batches: query.entries.map((e) => labelBatch(e.id, e.sourceId)) };
      case 'locations':
        return { kind: 'locations', locations: query.entries.map((e) => labelLocation(e.id)) };
    }
  });

  const assignInternalCode = transactional(db, (itemId: string) => {
    const item = labelItem(itemId);
    const unit = item.barcodes.find((b) => b.quantity === 1);
    if (unit) {
      throw new DomainError('has-unit-barcode', `item ${item.code} already has the unit barcode ${unit.barcode}`, {
        itemId,
        barcode: unit.barcode,
      });
    }
    const site = ctx.siteCode();
    const linked = highestLinked.get(site, internalGtinPrefix + '[0-9]'.repeat(11));
    let n = Math.max(counter.get(site) ?? 0, linked ? Number(linked.slice(2, 12)) : 0) + 1;
    while (barcodeTaken.get(site, internalGtin(n))) n += 1;
    const barcode = internalGtin(n);
    putCounter.run(site, n, ctx.now().toISOString());
    const added = items.addBarcode(itemId, barcode, 1);
    return { itemId, barcode, barcodeId: added.id };
  });

  return {
    handlers: {
      'catalog:get-label-data': (query) => labelData(query),
      'catalog:assign-internal-code': ({ itemId }) => assignInternalCode(itemId),
    } satisfies HandlersFor<'catalog:get-label-data' | 'catalog:assign-internal-code'>,
  };
}
