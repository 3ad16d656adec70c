import type { StockRow } from '../../../shared/contract';

/** The columns every stock listing reads: a balance with its batch, location and source. */
export const stockRowSelect = `
  SELECT sb.item_id, sb.batch_id, b.batch_no, b.production_date, b.expiry_date, b.receipt_date,
         sb.location_id, l.code AS location_code, sb.source_id, s.name AS source_name, sb.quantity
  FROM stock_balances sb
  JOIN batches b ON b.id = sb.batch_id
  JOIN locations l ON l.id = sb.location_id
  JOIN sources s ON s.id = sb.source_id`;

/** First expiry first; goods without expiry after those with one; then oldest receipt. */
export const fefoOrder = `ORDER BY b.expiry_date IS NULL, b.expiry_date, b.receipt_date, b.batch_no, l.code`;

export interface StockRowRecord {
  item_id: string;
  batch_id: string;
  batch_no: string;
  production_date: string | null;
  expiry_date: string | null;
  receipt_date: string;
  location_id: string;
  location_code: string;
  source_id: string;
  source_name: string;
  quantity: number;
}

export function stockRowFromRecord(r: StockRowRecord): StockRow {
  return {
    itemId: r.item_id,
    batchId: r.batch_id,
    batchNo: r.batch_no,
    productionDate: r.production_date,
    expiryDate: r.expiry_date,
    receiptDate: r.receipt_date,
    locationId: r.location_id,
    locationCode: r.location_code,
    sourceId: r.source_id,
    sourceName: r.source_name,
    quantity: r.quantity,
  };
}
