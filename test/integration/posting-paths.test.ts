import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend/index';
import { call, refusal, seedDepot, type Depot } from '../fixtures/depot';
import { dumpContent } from '../fixtures/ledger-invariants';
import { makeTempDir } from '../fixtures/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
let backend: Backend;
let depot: Depot;
const clock = new Date(2026, 10, 26, 9, 0, 0);

beforeEach(async () => {
  tmp = makeTempDir();
  backend = openBackend({
    role: 'admin',
    dbPath: tmp.dbPath,
    now: () => new Date(clock),
    operator: () => '张保管 "夜班"',
  });
  depot = await seedDepot(backend);
});
afterEach(() => {
  backend.close();
  tmp.cleanup();
});

function receive(sourceId: string, lines: { itemId: string; units: number; batchNo?: string; expiryDate?: string }[]) {
  return call(backend, 'stock:post-receipt', {
    kind: 'allocation',
    sourceId,
    partyId: depot.parties.bureau.id,
    remarks: '省厅调拨 "第一批"\n备注：含换行',
    lines: lines.map((l) => ({
      itemId: l.itemId,
      units: l.units,
      batchNo: l.batchNo ?? '',
      expiryDate: l.expiryDate ?? null,
      locationId: depot.locations.a01.id,
    })),
  });
}

function dispatch(lines: { itemId: string; units: number; sourceId?: string }[], extra: Record<string, unknown> = {}) {
  return {
    kind: 'allocation' as const,
    receivingUnitId: depot.parties.town.id,
    orderNo: '市应急调〔2026〕15号',
    orderIssuer: '市应急管理局',
    incidentName: '11·26 洪涝',
    responseLevel: 'III' as const,
    transport: { mode: '公路', carrier: '市运输公司', plateNo: '苏E·12345', driver: '李师傅', driverPhone: '139' },
    lines: lines.map((l) => ({ itemId: l.itemId, units: l.units, sourceId: l.sourceId ?? null, quantityOrdered: 99 })),
    ...extra,
  };
}

/**
 * The chain as it was defined before posting stopped reading the document back: each document's
 * header and lines selected from the file and hashed as JSON of their values, each entry hashed over
 * its fields, the document hash and the previous hash. Written out here independently of the backend.
 */
function recomputeChainFromFile(dbPath: string): { seq: number; stored: string; recomputed: string }[] {
  const db = new Database(dbPath, { readonly: true });
  const sha = (text: string) => createHash('sha256').update(text).digest('hex');
  const header = db.prepare(
    `SELECT id, site_code, kind, subkind, number, doc_date, posted_at, operator, remarks, source_id, party_id,
       related_id, reason, order_no, order_issuer, order_date, incident_name, response_level, transport_mode,
       carrier, plate_no, driver, driver_phone, emergency, paperwork_due FROM documents WHERE id = ?`,
  );
  const lines = db.prepare(
    'SELECT id, line_no, item_id, quantity, quantity_ordered, remarks FROM document_lines WHERE document_id = ? ORDER BY line_no',
  );
  const entries = db.prepare('SELECT * FROM ledger_entries ORDER BY seq').all() as {
    [column: string]: string;
  }[];
  const out = entries.map((e) => {
    const documentHash = sha(
      JSON.stringify([
        Object.values(header.get(e.document_id) as object),
        (lines.all(e.document_id) as object[]).map((l) => Object.values(l)),
      ]),
    );
    const recomputed = sha(
      JSON.stringify([
        e.site_code,
        e.seq,
        e.id,
        e.document_id,
        e.line_id,
        e.item_id,
        e.batch_id,
        e.location_id,
        e.source_id,
        e.quantity,
        e.balance_after,
        e.operator,
        e.posted_at,
        documentHash,
        e.prev_hash,
      ]),
    );
    return { seq: Number(e.seq), stored: e.hash!, recomputed };
  });
  db.close();
  return out;
}

describe('posting without reading the document back', () => {
  test('every kind of document gets exactly the hashes the chain defined before: old ledgers still verify', async () => {
    await receive(depot.sources.city.id, [
      { itemId: depot.items.tent.id, units: 40 },
      { itemId: depot.items.water.id, units: 48, batchNo: 'W-1', expiryDate: '2027-06-30' },
    ]);
    await receive(depot.sources.province.id, [{ itemId: depot.items.quilt.id, units: 30 }]);
    const sent = await call(backend, 'stock:post-dispatch', dispatch([{ itemId: depot.items.tent.id, units: 12 }]));
    await call(
      backend,
      'stock:post-dispatch',
      dispatch([{ itemId: depot.items.quilt.id, units: 3 }], { orderNo: '', emergency: true }),
    );
    const [entry] = (await call(backend, 'documents:get', { id: sent.id })).entries;
    await call(backend, 'stock:post-receipt', {
      kind: 'return',
      dispatchId: sent.id,
      lines: [
        {
          itemId: entry!.itemId,
          batchId: entry!.batchId,
          sourceId: entry!.sourceId,
          locationId: depot.locations.a02.id,
          units: 2,
        },
      ],
    });
    await call(backend, 'stock:post-transfer', {
      lines: [
        {
          itemId: depot.items.tent.id,
          batchId: entry!.batchId,
          sourceId: depot.sources.city.id,
          fromLocationId: depot.locations.a01.id,
          toLocationId: depot.locations.a02.id,
          units: 5,
        },
      ],
    });
    await call(backend, 'stock:post-adjustment', {
      reason: 'found',
      remarks: '盘点发现多出一顶',
      lines: [
        {
          itemId: depot.items.tent.id,
          batchId: entry!.batchId,
          sourceId: depot.sources.city.id,
          locationId: depot.locations.a01.id,
          delta: 1,
        },
      ],
    });
    const other = await receive(depot.sources.city.id, [{ itemId: depot.items.quilt.id, units: 7 }]);
    await call(backend, 'stock:reverse', { documentId: other.id, reason: '录错了' });

    const chain = recomputeChainFromFile(tmp.dbPath);
    expect(chain.length).toBeGreaterThanOrEqual(10);
    for (const e of chain) expect(e.recomputed, `entry ${e.seq}`).toBe(e.stored);
    expect(await call(backend, 'ledger:verify-chain')).toMatchObject({ ok: true, entries: chain.length });
  });

  test('verification still names the first broken entry when a line of a document is changed outside the app', async () => {
    await receive(depot.sources.city.id, [{ itemId: depot.items.tent.id, units: 10 }]);
    const second = await receive(depot.sources.city.id, [
      { itemId: depot.items.quilt.id, units: 5 },
      { itemId: depot.items.tent.id, units: 5 },
    ]);
    const db = new Database(tmp.dbPath);
    db.exec('DROP TRIGGER document_lines_no_update');
    db.prepare("UPDATE document_lines SET remarks = '改过' WHERE document_id = ? AND line_no = 2").run(second.id);
    db.close();
    const firstOfSecond = (await call(backend, 'documents:get', { id: second.id })).entries[0]!;
    expect(await call(backend, 'ledger:verify-chain')).toMatchObject({
      ok: false,
      entries: 1,
      firstBroken: { seq: firstOfSecond.seq, reason: 'hash-mismatch' },
    });
  });
});

describe('one description of a shortage', () => {
  test('FEFO short, explicit picks short and a reversal short all name item, unit, source, available and requested', async () => {
    const receipt = await receive(depot.sources.city.id, [{ itemId: depot.items.tent.id, units: 10 }]);
    const batchId = (await call(backend, 'stock:on-hand', { itemId: depot.items.tent.id }))[0]!.batchId;
    const before = dumpContent(tmp.dbPath);

    const fefo = await refusal(
      backend,
      'stock:post-dispatch',
      dispatch([{ itemId: depot.items.tent.id, units: 11, sourceId: depot.sources.city.id }]),
    );
    const named = { itemCode: 'ZP-12', itemName: '单帐篷', unit: '顶', sourceName: '市级储备' };
    expect(fefo).toMatchObject({
      code: 'insufficient-stock',
      details: { ...named, line: 1, available: 10, requested: 11, expiredExcluded: 0 },
    });

    const picks = await refusal(backend, 'stock:post-dispatch', {
      ...dispatch([]),
      lines: [
        {
          itemId: depot.items.tent.id,
          units: 12,
          sourceId: null,
          picks: [{ batchId, locationId: depot.locations.a01.id, sourceId: depot.sources.city.id, quantity: 12 }],
        },
      ],
    });
    expect(picks).toMatchObject({
      code: 'insufficient-stock',
      details: { ...named, line: 1, available: 10, requested: 12, batchNo: 'RK-2026-00001' },
    });

    await call(backend, 'stock:post-dispatch', dispatch([{ itemId: depot.items.tent.id, units: 4 }]));
    const reversal = await refusal(backend, 'stock:reverse', { documentId: receipt.id, reason: '录错' });
    expect(reversal).toMatchObject({
      code: 'insufficient-stock',
      details: { ...named, line: 1, available: 6, requested: 10, batchNo: 'RK-2026-00001' },
    });
    expect(reversal.message).toContain('ZP-12 单帐篷 from 市级储备: available 6, requested 10');
    expect(dumpContent(tmp.dbPath)).not.toBe(before); // the accepted dispatch is there …
    expect((await call(backend, 'documents:list', { kind: 'reversal' })).total).toBe(0); // … the refused reversal is not
  });
});

describe('documents:list by reversal and by related document', () => {
  test('reversed: true lists what a reversal points at; relatedId lists the returns against a dispatch and its reversal', async () => {
    const kept = await receive(depot.sources.city.id, [{ itemId: depot.items.tent.id, units: 20 }]);
    const wrong = await receive(depot.sources.city.id, [{ itemId: depot.items.quilt.id, units: 5 }]);
    const undo = await call(backend, 'stock:reverse', { documentId: wrong.id, reason: '重复录入' });
    const sent = await call(backend, 'stock:post-dispatch', dispatch([{ itemId: depot.items.tent.id, units: 8 }]));
    const [entry] = (await call(backend, 'documents:get', { id: sent.id })).entries;
    const returnLine = {
      itemId: entry!.itemId,
      batchId: entry!.batchId,
      sourceId: entry!.sourceId,
      locationId: depot.locations.a01.id,
    };
    const back1 = await call(backend, 'stock:post-receipt', {
      kind: 'return',
      dispatchId: sent.id,
      lines: [{ ...returnLine, units: 2 }],
    });
    const back2 = await call(backend, 'stock:post-receipt', {
      kind: 'return',
      dispatchId: sent.id,
      lines: [{ ...returnLine, units: 1 }],
    });
    async function numbers(q: { reversed?: boolean; relatedId?: string; kind?: 'receipt' }) {
      const page = await call(backend, 'documents:list', q);
      expect(page.rows).toHaveLength(page.total);
      return page.rows.map((d) => d.number).sort();
    }

    expect(await numbers({ reversed: true })).toEqual([wrong.number]);
    expect(await numbers({ reversed: false })).toEqual(
      [kept.number, undo.number, sent.number, back1.number, back2.number].sort(),
    );
    expect(await numbers({ reversed: false, kind: 'receipt' })).toEqual(
      [kept.number, back1.number, back2.number].sort(),
    );
    expect(await numbers({ relatedId: sent.id })).toEqual([back1.number, back2.number].sort());
    expect(await numbers({ relatedId: wrong.id })).toEqual([undo.number]);
    expect(await numbers({ relatedId: kept.id })).toEqual([]);

    // Reversing one return moves it from "not reversed" to "reversed", and the reversal points at it.
    const undoReturn = await call(backend, 'stock:reverse', { documentId: back2.id, reason: '回收录错' });
    expect(await numbers({ reversed: true })).toEqual([wrong.number, back2.number].sort());
    expect(await numbers({ relatedId: back2.id })).toEqual([undoReturn.number]);
    expect(await numbers({ relatedId: sent.id })).toEqual([back1.number, back2.number].sort());
  });

  test('the new filters refuse what they cannot mean', async () => {
    expect((await refusal(backend, 'documents:list', { reversed: 'yes' })).code).toBe('invalid-input');
    expect((await refusal(backend, 'documents:list', { relatedId: '' })).code).toBe('invalid-input');
  });
});
