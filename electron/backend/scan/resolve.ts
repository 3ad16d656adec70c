/**
 * What a scanned code stands for (`scan:resolve`). The order is fixed, so one code always means one
 * thing, and the first rule that recognises a code decides:
 *
 * 1. `RRL-<code>`: one of our location labels → that zone or slot (an unknown code is `unknown`).
 * 2. A barcode registered in the catalog, exactly as stored → that item, 1 or the pack size. A
 *    registered code wins over every reading below, so a keeper's own assignment is never overridden.
 * 3. A plain GS1 element string — parentheses, a symbology identifier (`]C1`…), a GS separator, or
 *    16+ characters starting with AI 00/01/02 — is parsed; a wrong check digit, date or length is
 *    refused with `barcode-check-digit` / `gs1-invalid`. (91) names our item code (a batch label).
 * 4. 8, 12, 13 or 14 digits: a GTIN. A wrong check digit is refused (`barcode-check-digit`); a right
 *    one is looked up in its other lengths (EAN-13 6901234567892 is GTIN-14 06901234567892).
 * 5. A document number (RK-2026-00001…) → that posted document.
 * 6. Anything else that parses completely as a raw GS1 string naming an item (01/02/91) → GS1.
 * 7. Otherwise `unknown`: the keeper may assign it to an item.
 */
import { checkGtin } from '../../../shared/barcode/check-digit';
import { Gs1Error, looksLikeElementString, parseGs1, type Gs1Data } from '../../../shared/barcode/gs1';
import { parseLocationLabel } from '../../../shared/barcode/payloads';
import type { DocumentSummary, Item, Location } from '../../../shared/contract';
import type { BatchFacts, ScanResult } from '../../../shared/schemas/scan';
import { itemColumns, itemFromRow } from '../catalog/items';
import type { BackendContext } from '../context';
import { DomainError } from '../errors';

interface ScanDeps {
  requireLocation(id: string, forNewStock?: boolean): Location;
  findDocument(number: string): DocumentSummary | null | Promise<DocumentSummary | null>;
}

type ItemRow = Parameters<typeof itemFromRow>[0];

export function createScanResolver(ctx: BackendContext, deps: ScanDeps) {
  const { db } = ctx;
  const barcode = db.prepare<[string, string], { id: string; item_id: string; quantity: number }>(
    'SELECT id, item_id, quantity FROM item_barcodes WHERE site_code = ? AND barcode = ?',
  );
  const itemById = db.prepare<[string], ItemRow>(`SELECT ${itemColumns} FROM items WHERE id = ?`);
  const itemByCode = db.prepare<[string, string], ItemRow>(
    `SELECT ${itemColumns} FROM items WHERE site_code = ? AND code = ?`,
  );
  const locationByCode = db.prepare<[string, string], { id: string }>(
    'SELECT id FROM locations WHERE site_code = ? AND code = ?',
  );
  const batchOf = db.prepare<
    [string, string, string],
    { id: string; batch_no: string; production_date: string | null; expiry_date: string | null }
  >(
    `SELECT id, batch_no, production_date, expiry_date FROM batches
      WHERE site_code = ? AND item_id = ? AND batch_no = ?`,
  );

  function registered(code: string): { item: Item; quantity: number; barcodeId: string } | null {
    const hit = barcode.get(ctx.siteCode(), code);
    return hit ? { item: itemFromRow(itemById.get(hit.item_id)!), quantity: hit.quantity, barcodeId: hit.id } : null;
  }

  /** A valid GTIN-14 as registered under any of its lengths (14, 13, 12, 8 digits without leading zeros). */
  function byGtin(gtin14: string): ReturnType<typeof registered> {
    for (const length of [14, 13, 12, 8]) {
      const dropped = gtin14.slice(0, 14 - length);
      if (!/^0*$/.test(dropped)) continue;
      const hit = registered(gtin14.slice(14 - length));
      if (hit) return hit;
    }
    return null;
  }

  /** The GTIN as a keeper would register it: the EAN-13 printed on a unit when the GTIN-14 starts with 0. */
  const registrableGtin = (gtin14: string) => (gtin14.startsWith('0') ? gtin14.slice(1) : gtin14);

  function fromGs1(code: string, parsed: Gs1Data): ScanResult | null {
    const gtin = parsed.gtin ?? parsed.contentGtin;
    let item: Item | null = null;
    let perScan = 1;
    if (gtin) {
      const hit = byGtin(gtin);
      if (hit) ({ item, quantity: perScan } = hit);
    } else if (parsed.internalCode) {
      const row = itemByCode.get(ctx.siteCode(), parsed.internalCode.toUpperCase());
      if (row) item = itemFromRow(row);
    } else {
      return null;
    }
    const row = item && parsed.batchNo ? batchOf.get(ctx.siteCode(), item.id, parsed.batchNo) : undefined;
    const batch: BatchFacts | null = row
      ? { id: row.id, batchNo: row.batch_no, productionDate: row.production_date, expiryDate: row.expiry_date }
      : null;
    return {
      kind: gtin ? 'gs1' : 'batch-label',
      code,
      item,
      gtin: gtin ? registrableGtin(gtin) : null,
      quantity: perScan * (parsed.count ?? 1),
      batchNo: parsed.batchNo,
      productionDate: parsed.productionDate,
      expiryDate: parsed.expiryDate,
      batch,
    };
  }

  function refuseGs1(code: string, err: Gs1Error): never {
    if (err.problem === 'check-digit') {
      throw new DomainError('barcode-check-digit', err.message, { barcode: code, ai: err.ai });
    }
    throw new DomainError('gs1-invalid', err.message, { barcode: code, problem: err.problem, ai: err.ai ?? '' });
  }

  /** Resolves a scan by the rules above. */
  async function resolve(code: string): Promise<ScanResult> {
    const locationCode = parseLocationLabel(code);
    if (locationCode !== null) {
      const row = locationByCode.get(ctx.siteCode(), locationCode.toUpperCase());
      return row
        ? { kind: 'location', code, location: deps.requireLocation(row.id, false) }
        : { kind: 'unknown', code };
    }

    const hit = registered(code);
    if (hit) return { kind: 'item', code, ...hit };

    if (looksLikeElementString(code) || (/^0[012]\d{14}/.test(code) && code.length >= 16)) {
      let parsed: Gs1Data;
      try {
        parsed = parseGs1(code, ctx.now());
      } catch (err) {
        if (err instanceof Gs1Error) refuseGs1(code, err);
        throw err;
      }
      return fromGs1(code, parsed) ?? { kind: 'unknown', code };
    }

    if (/^\d+$/.test(code) && [8, 12, 13, 14].includes(code.length)) {
      const gtin = checkGtin(code);
      if (!gtin.ok) throw new DomainError('barcode-check-digit', `${code} fails its check digit`, { barcode: code });
      const found = byGtin(gtin.gtin14);
      return found ? { kind: 'item', code, ...found } : { kind: 'unknown', code };
    }

    if (code.length <= 40) {
      const document = await deps.findDocument(code);
      if (document) return { kind: 'document', code, document };
    }

    try {
      const gs1 = fromGs1(code, parseGs1(code, ctx.now()));
      if (gs1) return gs1;
    } catch (err) {
      if (!(err instanceof Gs1Error)) throw err;
    }
    return { kind: 'unknown', code };
  }

  return { resolve, handlers: { 'scan:resolve': ({ code }: { code: string }) => resolve(code) } };
}
