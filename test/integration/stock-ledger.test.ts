import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend/index';
import { uuidv7Pattern } from '../../electron/backend/ids';
import { call, refusal, seedDepot, type Depot } from '../fixtures/depot';
import { dumpContent, expectLedgerInvariants } from '../fixtures/ledger-invariants';
import { makeTempDir } from '../fixtures/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
let backend: Backend;
let depot: Depot;
/** The backend's clock, pinned: Thursday 2026-11-26 09:00 local time unless a test moves it. */
let clock: Date;

beforeEach(async () => {
  tmp = makeTempDir();
  clock = new Date(2026, 10, 26, 9, 0, 0);
  backend = openBackend({ role: 'admin', dbPath: tmp.dbPath, now: () => new Date(clock), operator: () => '张保管' });
  depot = await seedDepot(backend);
});
afterEach(() => {
  backend.close();
  tmp.cleanup();
});

function advanceDays(days: number) {
  clock = new Date(clock.getFullYear(), clock.getMonth(), clock.getDate() + days, 9, 0, 0);
}

async function onHand(itemId: string, filter: { sourceId?: string; locationId?: string } = {}) {
  const rows = await call(backend, 'stock:on-hand', { itemId, ...filter });
  return rows.reduce((s, r) => s + r.quantity, 0);
}

/** Receives goods into one source and location; returns the posting. */
async function receive(
  sourceKey: keyof Depot['sources'],
  lines: {
    item: keyof Depot['items'];
    units?: number;
    cartons?: number;
    batchNo?: string;
    productionDate?: string;
    expiryDate?: string;
    location?: 'a01' | 'a02';
  }[],
) {
  return call(backend, 'stock:post-receipt', {
    kind: sourceKey === 'donation' ? 'donation' : 'allocation',
    sourceId: depot.sources[sourceKey].id,
    partyId: sourceKey === 'donation' ? depot.parties.donor.id : depot.parties.bureau.id,
    lines: lines.map((l) => ({
      itemId: depot.items[l.item].id,
      units: l.units ?? 0,
      cartons: l.cartons ?? 0,
      batchNo: l.batchNo ?? '',
      productionDate: l.productionDate ?? null,
      expiryDate: l.expiryDate ?? null,
      locationId: depot.locations[l.location ?? 'a01'].id,
    })),
  });
}

function dispatchInput(lines: { item: keyof Depot['items']; units?: number; cartons?: number; sourceId?: string }[]) {
  return {
    kind: 'allocation' as const,
    receivingUnitId: depot.parties.town.id,
    orderNo: '市应急调〔2026〕15号',
    orderIssuer: '市应急管理局',
    incidentName: '11·26 洪涝',
    responseLevel: 'III' as const,
    transport: {
      mode: '公路',
      carrier: '市运输公司',
      plateNo: '苏E·12345',
      driver: '李师傅',
      driverPhone: '13900002222',
    },
    lines: lines.map((l) => ({
      itemId: depot.items[l.item].id,
      units: l.units ?? 0,
      cartons: l.cartons ?? 0,
      sourceId: l.sourceId ?? null,
    })),
  };
}

describe('receipts (入库单)', () => {
  test('receiving 3 items, one by carton count, posts RK-2026-00001 with exact base units per source and location', async () => {
    const posted = await receive('city', [
      { item: 'tent', units: 50 },
      { item: 'quilt', cartons: 5, units: 3 },
      { item: 'water', cartons: 10, productionDate: '2026-10-01', batchNo: 'W2610' },
    ]);
    expect(posted.number).toBe('RK-2026-00001');
    expect(posted.entries).toBe(3);
    expect(await onHand(depot.items.tent.id)).toBe(50);
    expect(await onHand(depot.items.quilt.id)).toBe(53);
    const water = await call(backend, 'stock:on-hand', { itemId: depot.items.water.id });
    expect(water).toEqual([
      expect.objectContaining({
        quantity: 240,
        batchNo: 'W2610',
        productionDate: '2026-10-01',
        expiryDate: '2027-10-01', // derived from the 365-day shelf life
        receiptDate: '2026-11-26',
        sourceName: '市级储备',
        locationCode: 'A-01',
      }),
    ]);
    const doc = await call(backend, 'documents:get', { id: posted.id });
    expect(doc).toMatchObject({
      kind: 'receipt',
      subkind: 'allocation',
      operator: '张保管',
      partyName: '省应急管理厅',
    });
    expect(doc.lines.map((l) => [l.itemName, l.quantity])).toEqual([
      ['单帐篷', 50],
      ['棉被', 53],
      ['矿泉水', 240],
    ]);
    // Without a batch number, the goods' batch is the receipt's number.
    expect(doc.entries[0]!.batchNo).toBe('RK-2026-00001');
    expectLedgerInvariants(tmp.dbPath);
  });

  test('every document and ledger entry carries a UUIDv7 id and the depot site code', async () => {
    await receive('city', [{ item: 'tent', units: 5 }]);
    const db = new Database(tmp.dbPath, { readonly: true });
    for (const table of [
      'documents',
      'document_lines',
      'ledger_entries',
      'batches',
      'items',
      'sources',
      'parties',
      'locations',
    ]) {
      const rows = db.prepare(`SELECT id, site_code FROM ${table}`).all() as { id: string; site_code: string }[];
      expect(rows.length, table).toBeGreaterThan(0);
      for (const r of rows) {
        expect(r.id, table).toMatch(uuidv7Pattern);
        expect(r.site_code, table).toBe('SZ-01');
      }
    }
    db.close();
  });

  test('numbers are gapless per kind per year: a refused posting takes no number, a new year starts at 00001', async () => {
    await receive('city', [{ item: 'tent', units: 5 }]);
    await refusal(backend, 'stock:post-receipt', {
      kind: 'purchase',
      sourceId: depot.sources.city.id,
      lines: [{ itemId: depot.items.tent.id, units: 0, locationId: depot.locations.a01.id }],
    });
    expect((await receive('city', [{ item: 'tent', units: 5 }])).number).toBe('RK-2026-00002');
    expect((await call(backend, 'stock:post-dispatch', dispatchInput([{ item: 'tent', units: 1 }]))).number).toBe(
      'CK-2026-00001',
    );
    clock = new Date(2027, 0, 2, 8, 0, 0);
    expect((await receive('city', [{ item: 'tent', units: 5 }])).number).toBe('RK-2027-00001');
  });

  test.each([
    ['an unknown item', { itemId: '01900000-0000-7000-8000-000000000000' }, 'not-found'],
    ['nothing to receive', { units: 0, cartons: 0 }, 'zero-quantity'],
    ['water without production or expiry date', { item: 'water' }, 'expiry-required'],
    [
      'expiry before production',
      { item: 'water', productionDate: '2026-10-01', expiryDate: '2026-09-01' },
      'invalid-date',
    ],
    ['a production date in the future', { productionDate: '2026-12-01' }, 'invalid-date'],
    ['an unknown location', { locationId: '01900000-0000-7000-8000-000000000001' }, 'not-found'],
    ['a fractional quantity', { units: 2.5 }, 'invalid-input'],
    ['a negative carton count', { cartons: -1 }, 'invalid-input'],
  ])('a receipt line with %s is refused and nothing is written', async (_name, change, code) => {
    const before = dumpContent(tmp.dbPath);
    const { item = 'tent', ...rest } = change as { item?: keyof Depot['items'] } & Record<string, unknown>;
    const error = await refusal(backend, 'stock:post-receipt', {
      kind: 'allocation',
      sourceId: depot.sources.city.id,
      lines: [
        { itemId: depot.items.tent.id, units: 1, locationId: depot.locations.a01.id },
        { itemId: depot.items[item].id, units: 3, locationId: depot.locations.a01.id, ...rest },
      ],
    });
    expect(error.code).toBe(code);
    expect(dumpContent(tmp.dbPath)).toBe(before);
  });

  test('a document dated after today is refused; one dated back is accepted', async () => {
    const input = {
      kind: 'allocation',
      sourceId: depot.sources.city.id,
      lines: [{ itemId: depot.items.tent.id, units: 1, locationId: depot.locations.a01.id }],
    };
    expect((await refusal(backend, 'stock:post-receipt', { ...input, docDate: '2026-11-27' })).code).toBe(
      'invalid-date',
    );
    const posted = await call(backend, 'stock:post-receipt', { ...input, kind: 'allocation', docDate: '2026-11-20' });
    expect((await call(backend, 'documents:get', { id: posted.id })).docDate).toBe('2026-11-20');
  });

  test('a donation must name a donor, and a known batch must not arrive with other dates', async () => {
    const wrongParty = await refusal(backend, 'stock:post-receipt', {
      kind: 'donation',
      sourceId: depot.sources.donation.id,
      partyId: depot.parties.supplier.id,
      lines: [{ itemId: depot.items.tent.id, units: 1, locationId: depot.locations.a01.id }],
    });
    expect(wrongParty.code).toBe('wrong-party-kind');
    await receive('city', [{ item: 'water', units: 24, batchNo: 'B1', productionDate: '2026-10-01' }]);
    await receive('city', [{ item: 'water', units: 24, batchNo: 'B1' }]); // same batch, dates known
    const clash = await refusal(backend, 'stock:post-receipt', {
      kind: 'allocation',
      sourceId: depot.sources.city.id,
      lines: [
        {
          itemId: depot.items.water.id,
          units: 24,
          batchNo: 'B1',
          productionDate: '2026-09-01',
          locationId: depot.locations.a01.id,
        },
      ],
    });
    expect(clash.code).toBe('batch-mismatch');
    expect(await onHand(depot.items.water.id)).toBe(48);
  });

  test('a deactivated item or source takes no new stock', async () => {
    await call(backend, 'catalog:update-item', { id: depot.items.tent.id, patch: { active: false } });
    expect(
      (
        await refusal(backend, 'stock:post-receipt', {
          kind: 'allocation',
          sourceId: depot.sources.city.id,
          lines: [{ itemId: depot.items.tent.id, units: 1, locationId: depot.locations.a01.id }],
        })
      ).code,
    ).toBe('inactive');
    await call(backend, 'catalog:save-source', {
      id: depot.sources.province.id,
      code: 'PROV',
      name: '省级储备',
      kind: 'provincial',
      active: false,
    });
    expect(
      (
        await refusal(backend, 'stock:post-receipt', {
          kind: 'allocation',
          sourceId: depot.sources.province.id,
          lines: [{ itemId: depot.items.quilt.id, units: 1, locationId: depot.locations.a01.id }],
        })
      ).code,
    ).toBe('inactive');
  });
});

describe('dispatches (出库单) and FEFO', () => {
  test('FEFO takes the earliest expiry first across two batches, and the slip shows both', async () => {
    await receive('city', [
      { item: 'water', units: 200, batchNo: 'LATE', expiryDate: '2027-12-31', location: 'a02' },
      { item: 'water', units: 100, batchNo: 'EARLY', expiryDate: '2027-03-31' },
    ]);
    const proposal = await call(backend, 'stock:allocate', { itemId: depot.items.water.id, quantity: 150 });
    expect(proposal.picks.map((p) => [p.batchNo, p.quantity])).toEqual([
      ['EARLY', 100],
      ['LATE', 50],
    ]);
    const posted = await call(backend, 'stock:post-dispatch', dispatchInput([{ item: 'water', units: 150 }]));
    const slip = await call(backend, 'documents:get', { id: posted.id });
    expect(slip.number).toBe('CK-2026-00001');
    expect(slip.entries.map((e) => [e.batchNo, e.locationCode, e.quantity])).toEqual([
      ['EARLY', 'A-01', -100],
      ['LATE', 'A-02', -50],
    ]);
    expect(slip).toMatchObject({
      orderNo: '市应急调〔2026〕15号',
      partyName: '青山镇人民政府',
      incidentName: '11·26 洪涝',
      responseLevel: 'III',
      transport: { plateNo: '苏E·12345', driver: '李师傅' },
    });
    expect(await onHand(depot.items.water.id)).toBe(150);
    expectLedgerInvariants(tmp.dbPath);
  });

  test('FEFO leaves expired stock out and says how much', async () => {
    await receive('city', [
      { item: 'water', units: 50, batchNo: 'OLD', expiryDate: '2026-11-30' },
      { item: 'water', units: 70, batchNo: 'NEW', expiryDate: '2027-11-30' },
    ]);
    advanceDays(10); // OLD has now expired
    const proposal = await call(backend, 'stock:allocate', { itemId: depot.items.water.id, quantity: 60 });
    expect(proposal).toMatchObject({ available: 70, shortBy: 0, expiredExcluded: 50 });
    expect(proposal.picks.map((p) => p.batchNo)).toEqual(['NEW']);
  });

  test('a proposal never mixes sources: it takes the first source that covers the whole quantity', async () => {
    await receive('city', [{ item: 'tent', units: 30 }]);
    await receive('province', [{ item: 'tent', units: 100 }]);
    const proposal = await call(backend, 'stock:allocate', { itemId: depot.items.tent.id, quantity: 50 });
    expect(proposal.sourceId).toBe(depot.sources.province.id);
    expect(new Set(proposal.picks.map((p) => p.sourceId)).size).toBe(1);
    const posted = await call(backend, 'stock:post-dispatch', dispatchInput([{ item: 'tent', units: 50 }]));
    const slip = await call(backend, 'documents:get', { id: posted.id });
    expect(slip.entries.every((e) => e.sourceName === '省级储备')).toBe(true);
  });

  test('dispatching beyond the stock of a named source is refused with item, source, available and requested; nothing is written', async () => {
    await receive('city', [{ item: 'tent', units: 30 }]);
    await receive('province', [{ item: 'tent', units: 100 }]);
    const before = dumpContent(tmp.dbPath);
    const error = await refusal(
      backend,
      'stock:post-dispatch',
      dispatchInput([{ item: 'tent', units: 50, sourceId: depot.sources.city.id }]),
    );
    expect(error.code).toBe('insufficient-stock');
    expect(error.details).toMatchObject({
      itemCode: 'ZP-12',
      itemName: '单帐篷',
      sourceName: '市级储备',
      available: 30,
      requested: 50,
      line: 1,
    });
    expect(dumpContent(tmp.dbPath)).toBe(before);
  });

  test('two lines of the same item never count the same stock twice', async () => {
    await receive('city', [{ item: 'tent', units: 40 }]);
    const error = await refusal(
      backend,
      'stock:post-dispatch',
      dispatchInput([
        { item: 'tent', units: 30 },
        { item: 'tent', units: 20 },
      ]),
    );
    expect(error.code).toBe('insufficient-stock');
    expect(error.details).toMatchObject({ line: 2, available: 10, requested: 20 });
    await call(
      backend,
      'stock:post-dispatch',
      dispatchInput([
        { item: 'tent', units: 30 },
        { item: 'tent', units: 10 },
      ]),
    );
    expect(await onHand(depot.items.tent.id)).toBe(0);
    expectLedgerInvariants(tmp.dbPath);
  });

  test('explicit picks are honoured and must add up to the line and exist in stock', async () => {
    await receive('city', [
      { item: 'quilt', units: 20, batchNo: 'Q1', location: 'a01' },
      { item: 'quilt', units: 20, batchNo: 'Q2', location: 'a02' },
    ]);
    const rows = await call(backend, 'stock:on-hand', { itemId: depot.items.quilt.id });
    const q2 = rows.find((r) => r.batchNo === 'Q2')!;
    const pick = { batchId: q2.batchId, locationId: q2.locationId, sourceId: q2.sourceId };
    const input = dispatchInput([{ item: 'quilt', units: 15 }]);
    const mismatch = await refusal(backend, 'stock:post-dispatch', {
      ...input,
      lines: [{ ...input.lines[0]!, picks: [{ ...pick, quantity: 10 }] }],
    });
    expect(mismatch.code).toBe('picks-mismatch');
    const tooMuch = await refusal(backend, 'stock:post-dispatch', {
      ...input,
      lines: [{ ...input.lines[0]!, units: 25, picks: [{ ...pick, quantity: 25 }] }],
    });
    expect(tooMuch.code).toBe('insufficient-stock');
    await call(backend, 'stock:post-dispatch', {
      ...input,
      lines: [{ ...input.lines[0]!, picks: [{ ...pick, quantity: 15 }] }],
    });
    expect(await onHand(depot.items.quilt.id, { locationId: depot.locations.a02.id })).toBe(5);
    expect(await onHand(depot.items.quilt.id, { locationId: depot.locations.a01.id })).toBe(20);
  });

  test('a dispatch needs its allocation order number unless it is an emergency (no IOUs)', async () => {
    await receive('city', [{ item: 'tent', units: 10 }]);
    const error = await refusal(backend, 'stock:post-dispatch', {
      ...dispatchInput([{ item: 'tent', units: 1 }]),
      orderNo: '',
    });
    expect(error.code).toBe('order-number-required');
    const wrongUnit = await refusal(backend, 'stock:post-dispatch', {
      ...dispatchInput([{ item: 'tent', units: 1 }]),
      receivingUnitId: depot.parties.supplier.id,
    });
    expect(wrongUnit.code).toBe('wrong-party-kind');
  });

  test('an emergency dispatch leaves without an order number, is pending for 2 working days, and filing it clears it', async () => {
    await receive('city', [{ item: 'tent', units: 10 }]);
    // Thursday 26 November: two working days later is Monday 30 November.
    const posted = await call(backend, 'stock:post-dispatch', {
      ...dispatchInput([{ item: 'tent', units: 4 }]),
      orderNo: '',
      emergency: true,
    });
    const pending = await call(backend, 'stock:pending-paperwork');
    expect(pending).toEqual([
      expect.objectContaining({
        documentId: posted.id,
        due: '2026-11-30',
        overdue: false,
        receivingUnit: '青山镇人民政府',
      }),
    ]);
    expect((await call(backend, 'documents:list', { pendingPaperwork: true })).total).toBe(1);
    advanceDays(5);
    expect((await call(backend, 'stock:pending-paperwork'))[0]!.overdue).toBe(true);

    await call(backend, 'stock:file-paperwork', {
      documentId: posted.id,
      orderNo: '市应急调〔2026〕16号',
      orderIssuer: '市应急管理局',
    });
    expect(await call(backend, 'stock:pending-paperwork')).toEqual([]);
    const slip = await call(backend, 'documents:get', { id: posted.id });
    expect(slip).toMatchObject({
      orderNo: '市应急调〔2026〕16号',
      paperworkFiled: true,
      emergency: true,
      paperworkDue: '2026-11-30',
    });
    expect(slip.filing).toMatchObject({ operator: '张保管' });
    expect((await refusal(backend, 'stock:file-paperwork', { documentId: posted.id, orderNo: 'again' })).code).toBe(
      'paperwork-not-pending',
    );
    // Filing is recorded beside the posting: the posted document itself is unchanged, the chain holds.
    expect((await call(backend, 'ledger:verify-chain')).ok).toBe(true);
  });
});

describe('transfers, adjustments and write-offs', () => {
  test('a transfer moves stock between locations and keeps the total', async () => {
    await receive('city', [{ item: 'quilt', units: 30 }]);
    const [row] = await call(backend, 'stock:on-hand', { itemId: depot.items.quilt.id });
    const line = {
      itemId: row!.itemId,
      batchId: row!.batchId,
      sourceId: row!.sourceId,
      fromLocationId: depot.locations.a01.id,
    };
    expect(
      (
        await refusal(backend, 'stock:post-transfer', {
          lines: [{ ...line, toLocationId: depot.locations.a01.id, units: 5 }],
        })
      ).code,
    ).toBe('invalid-input');
    expect(
      (
        await refusal(backend, 'stock:post-transfer', {
          lines: [{ ...line, toLocationId: depot.locations.a02.id, units: 31 }],
        })
      ).code,
    ).toBe('insufficient-stock');
    const posted = await call(backend, 'stock:post-transfer', {
      lines: [{ ...line, toLocationId: depot.locations.a02.id, cartons: 1, units: 2 }],
    });
    expect(posted.number).toBe('YK-2026-00001');
    expect(await onHand(depot.items.quilt.id, { locationId: depot.locations.a02.id })).toBe(12);
    expect(await onHand(depot.items.quilt.id)).toBe(30);
    expectLedgerInvariants(tmp.dbPath);
  });

  test('an adjustment follows its reason: lost takes away, found adds, a count correction cannot go below zero', async () => {
    await receive('city', [{ item: 'tent', units: 10 }]);
    const [row] = await call(backend, 'stock:on-hand', { itemId: depot.items.tent.id });
    const key = { itemId: row!.itemId, batchId: row!.batchId, sourceId: row!.sourceId, locationId: row!.locationId };
    expect(
      (
        await refusal(backend, 'stock:post-adjustment', {
          reason: 'lost',
          remarks: '丢失',
          lines: [{ ...key, delta: 2 }],
        })
      ).code,
    ).toBe('wrong-sign');
    expect(
      (
        await refusal(backend, 'stock:post-adjustment', {
          reason: 'found',
          remarks: '盘盈',
          lines: [{ ...key, delta: -2 }],
        })
      ).code,
    ).toBe('wrong-sign');
    expect(
      (
        await refusal(backend, 'stock:post-adjustment', {
          reason: 'count_correction',
          remarks: '',
          lines: [{ ...key, delta: -2 }],
        })
      ).code,
    ).toBe('invalid-input');
    expect(
      (
        await refusal(backend, 'stock:post-adjustment', {
          reason: 'count_correction',
          remarks: '复核',
          lines: [{ ...key, delta: -11 }],
        })
      ).code,
    ).toBe('insufficient-stock');
    await call(backend, 'stock:post-adjustment', {
      reason: 'damaged',
      remarks: '雨淋损坏',
      lines: [{ ...key, delta: -3 }],
    });
    await call(backend, 'stock:post-adjustment', { reason: 'found', remarks: '盘盈', lines: [{ ...key, delta: 1 }] });
    expect(await onHand(depot.items.tent.id)).toBe(8);
    expectLedgerInvariants(tmp.dbPath);
  });

  test('a write-off beyond stock is refused; within stock it posts BF-2026-00001', async () => {
    await receive('city', [{ item: 'water', units: 48, expiryDate: '2027-01-01' }]);
    const [row] = await call(backend, 'stock:on-hand', { itemId: depot.items.water.id });
    const line = { itemId: row!.itemId, batchId: row!.batchId, sourceId: row!.sourceId, locationId: row!.locationId };
    const error = await refusal(backend, 'stock:post-write-off', { reason: '过期', lines: [{ ...line, cartons: 3 }] });
    expect(error).toMatchObject({ code: 'insufficient-stock', details: { available: 48, requested: 72 } });
    expect(
      (await call(backend, 'stock:post-write-off', { reason: '包装破损', lines: [{ ...line, cartons: 1 }] })).number,
    ).toBe('BF-2026-00001');
    expect(await onHand(depot.items.water.id)).toBe(24);
  });
});

describe('reversals (冲销) and returns (回收)', () => {
  test('a reversal undoes a receipt exactly, points at it, and can happen only once', async () => {
    const receipt = await receive('city', [
      { item: 'tent', units: 10 },
      { item: 'quilt', units: 7 },
    ]);
    const reversal = await call(backend, 'stock:reverse', { documentId: receipt.id, reason: '数量录错' });
    expect(reversal.number).toBe('CX-2026-00001');
    expect(await onHand(depot.items.tent.id)).toBe(0);
    expect(await onHand(depot.items.quilt.id)).toBe(0);
    const original = await call(backend, 'documents:get', { id: receipt.id });
    expect(original.reversedBy).toBe('CX-2026-00001');
    const rev = await call(backend, 'documents:get', { id: reversal.id });
    expect(rev).toMatchObject({
      kind: 'reversal',
      subkind: 'receipt',
      relatedNumber: 'RK-2026-00001',
      reason: '数量录错',
    });
    expect((await refusal(backend, 'stock:reverse', { documentId: receipt.id, reason: '再次' })).code).toBe(
      'already-reversed',
    );
    expect((await refusal(backend, 'stock:reverse', { documentId: reversal.id, reason: '冲销冲销' })).code).toBe(
      'cannot-reverse',
    );
    expect((await refusal(backend, 'stock:reverse', { documentId: receipt.id, reason: '' })).code).toBe(
      'invalid-input',
    );
    expectLedgerInvariants(tmp.dbPath);
  });

  test('a receipt whose goods already left cannot be reversed (stock would go negative)', async () => {
    const receipt = await receive('city', [{ item: 'tent', units: 10 }]);
    await call(backend, 'stock:post-dispatch', dispatchInput([{ item: 'tent', units: 6 }]));
    const error = await refusal(backend, 'stock:reverse', { documentId: receipt.id, reason: '错误' });
    expect(error).toMatchObject({ code: 'insufficient-stock', details: { available: 4, requested: 10 } });
  });

  test('goods come back against their dispatch slip, never more than it issued; a dispatch with returns is not reversed', async () => {
    await receive('city', [{ item: 'tent', units: 20 }]);
    const dispatch = await call(backend, 'stock:post-dispatch', dispatchInput([{ item: 'tent', units: 12 }]));
    const [entry] = (await call(backend, 'documents:get', { id: dispatch.id })).entries;
    const line = {
      itemId: entry!.itemId,
      batchId: entry!.batchId,
      sourceId: entry!.sourceId,
      locationId: depot.locations.a02.id,
    };
    const ret = await call(backend, 'stock:post-receipt', {
      kind: 'return',
      dispatchId: dispatch.id,
      lines: [{ ...line, units: 5 }],
    });
    expect(ret.number).toBe('RK-2026-00002');
    const tooMany = await refusal(backend, 'stock:post-receipt', {
      kind: 'return',
      dispatchId: dispatch.id,
      lines: [
        { ...line, units: 4 },
        { ...line, units: 4 },
      ],
    });
    expect(tooMany).toMatchObject({
      code: 'return-exceeds-dispatch',
      details: { line: 2, issued: 12, returned: 9, requested: 4 },
    });
    expect((await refusal(backend, 'stock:reverse', { documentId: dispatch.id, reason: '撤销' })).code).toBe(
      'has-returns',
    );
    await call(backend, 'stock:reverse', { documentId: ret.id, reason: '回收录错' });
    await call(backend, 'stock:reverse', { documentId: dispatch.id, reason: '撤销' });
    expect(await onHand(depot.items.tent.id)).toBe(20);
    expect(
      (
        await refusal(backend, 'stock:post-receipt', {
          kind: 'return',
          dispatchId: dispatch.id,
          lines: [{ ...line, units: 1 }],
        })
      ).code,
    ).toBe('already-reversed');
    expectLedgerInvariants(tmp.dbPath);
  });
});

describe('the ledger is the truth', () => {
  test('posted documents, lines, ledger entries, filings and batches refuse UPDATE and DELETE from any connection', async () => {
    await receive('city', [{ item: 'tent', units: 10 }]);
    const db = new Database(tmp.dbPath);
    for (const sql of [
      "UPDATE documents SET remarks = 'changed'",
      'DELETE FROM documents',
      'UPDATE document_lines SET quantity = 99',
      'DELETE FROM document_lines',
      'UPDATE ledger_entries SET quantity = 99',
      'DELETE FROM ledger_entries',
      "UPDATE batches SET expiry_date = '2099-01-01'",
      'DELETE FROM batches',
    ]) {
      expect(() => db.exec(sql), sql).toThrow(/immutable/);
    }
    db.close();
    expect(await onHand(depot.items.tent.id)).toBe(10);
  });

  test('the hash chain verifies, and tampering with a ledger row, a document or the sequence outside the app is detected', async () => {
    await receive('city', [
      { item: 'tent', units: 10 },
      { item: 'quilt', units: 20 },
    ]);
    await call(backend, 'stock:post-dispatch', dispatchInput([{ item: 'tent', units: 3 }]));
    await receive('province', [{ item: 'tent', units: 5 }]);
    const good = await call(backend, 'ledger:verify-chain');
    expect(good).toMatchObject({ ok: true, entries: 4, headSeq: 4, firstBroken: null, siteCode: 'SZ-01' });
    expect(good.headHash).toMatch(/^[0-9a-f]{64}$/);

    // Someone with the sqlite3 tool drops the guard and edits quantities: dispatch 3 → 1.
    const db = new Database(tmp.dbPath);
    db.exec('DROP TRIGGER ledger_entries_no_update');
    db.exec('UPDATE ledger_entries SET quantity = -1, balance_after = 9 WHERE seq = 3');
    db.close();
    expect(await call(backend, 'ledger:verify-chain')).toMatchObject({
      ok: false,
      firstBroken: { seq: 3, reason: 'hash-mismatch' },
      headSeq: 2,
    });
  });

  test('changing a posted document header outside the app breaks the chain at its first entry', async () => {
    await receive('city', [{ item: 'tent', units: 10 }]);
    const posted = await call(backend, 'stock:post-dispatch', dispatchInput([{ item: 'tent', units: 3 }]));
    const db = new Database(tmp.dbPath);
    db.exec('DROP TRIGGER documents_no_update');
    db.prepare('UPDATE documents SET party_id = ? WHERE id = ?').run(depot.parties.shelter.id, posted.id);
    db.close();
    expect(await call(backend, 'ledger:verify-chain')).toMatchObject({
      ok: false,
      firstBroken: { seq: 2, reason: 'hash-mismatch' },
    });
  });

  test('deleting an entry from the middle of the chain is detected as a gap', async () => {
    await receive('city', [
      { item: 'tent', units: 10 },
      { item: 'quilt', units: 20 },
      { item: 'water', units: 24, expiryDate: '2027-01-01' },
    ]);
    const db = new Database(tmp.dbPath);
    db.pragma('foreign_keys = OFF');
    db.exec('DROP TRIGGER ledger_entries_no_delete');
    db.exec('DELETE FROM ledger_entries WHERE seq = 2');
    db.close();
    expect(await call(backend, 'ledger:verify-chain')).toMatchObject({
      ok: false,
      firstBroken: { seq: 3, reason: 'sequence-gap' },
    });
  });

  test('rebuilding the balances from the ledger reports and repairs a damaged balance table', async () => {
    await receive('city', [
      { item: 'tent', units: 10 },
      { item: 'quilt', units: 20 },
    ]);
    const db = new Database(tmp.dbPath);
    db.exec('UPDATE stock_balances SET quantity = 999 WHERE quantity = 10');
    db.exec("INSERT INTO stock_balances VALUES ('x', 'y', 'z', 'w', 5)");
    db.close();
    const report = await call(backend, 'ledger:rebuild-balances');
    expect(report.keys).toBe(2);
    expect(report.differences).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ itemId: depot.items.tent.id, stored: 999, fromLedger: 10 }),
        expect.objectContaining({ itemId: 'x', stored: 5, fromLedger: 0 }),
      ]),
    );
    expect(await onHand(depot.items.tent.id)).toBe(10);
    expect((await call(backend, 'ledger:rebuild-balances')).differences).toEqual([]);
    expectLedgerInvariants(tmp.dbPath);
  });
});

describe('stock queries', () => {
  test('the stock card shows each movement with in, out and a running balance, filtered by date', async () => {
    await receive('city', [{ item: 'tent', units: 50 }]);
    advanceDays(1);
    await call(backend, 'stock:post-dispatch', dispatchInput([{ item: 'tent', units: 20 }]));
    advanceDays(1);
    await receive('province', [{ item: 'tent', units: 30 }]);
    const full = await call(backend, 'stock:card', { itemId: depot.items.tent.id });
    expect(full.rows.map((r) => [r.number, r.quantityIn, r.quantityOut, r.balance])).toEqual([
      ['RK-2026-00001', 50, 0, 50],
      ['CK-2026-00001', 0, 20, 30],
      ['RK-2026-00002', 30, 0, 60],
    ]);
    expect(full.rows[1]).toMatchObject({ partyName: '青山镇人民政府', kind: 'dispatch', docDate: '2026-11-27' });
    const window = await call(backend, 'stock:card', {
      itemId: depot.items.tent.id,
      from: '2026-11-27',
      to: '2026-11-27',
    });
    expect(window).toMatchObject({ opening: 50, totalIn: 0, totalOut: 20, closing: 30 });
    expect(window.rows.map((r) => r.balance)).toEqual([30]);
    const province = await call(backend, 'stock:card', {
      itemId: depot.items.tent.id,
      sourceId: depot.sources.province.id,
    });
    expect(province.rows.map((r) => r.balance)).toEqual([30]);
  });

  test('stock as of a past day comes from the ledger', async () => {
    await receive('city', [{ item: 'tent', units: 50 }]);
    advanceDays(2);
    await call(backend, 'stock:post-dispatch', dispatchInput([{ item: 'tent', units: 20 }]));
    const asOf = async (date: string) =>
      (await call(backend, 'stock:as-of', { date })).find((r) => r.itemId === depot.items.tent.id)?.quantity ?? 0;
    expect(await asOf('2026-11-25')).toBe(0);
    expect(await asOf('2026-11-26')).toBe(50);
    expect(await asOf('2026-11-27')).toBe(50);
    expect(await asOf('2026-11-28')).toBe(30);
    const bySource = await call(backend, 'stock:as-of', { date: '2026-11-28', bySource: true });
    expect(bySource).toEqual([{ itemId: depot.items.tent.id, sourceId: depot.sources.city.id, quantity: 30 }]);
  });

  test('expiring, stored three years or more, and below minimum are listed', async () => {
    clock = new Date(2023, 5, 1, 9, 0, 0);
    await receive('city', [{ item: 'quilt', units: 40 }]);
    clock = new Date(2026, 10, 26, 9, 0, 0);
    await receive('city', [
      { item: 'water', units: 24, batchNo: 'SOON', expiryDate: '2027-01-15' },
      { item: 'water', units: 24, batchNo: 'LATER', expiryDate: '2027-09-01' },
      { item: 'tent', units: 5 },
    ]);
    expect((await call(backend, 'stock:expiring', { withinDays: 90 })).map((r) => r.batchNo)).toEqual(['SOON']);
    expect((await call(backend, 'stock:aged', { years: 3 })).map((r) => [r.itemId, r.receiptDate])).toEqual([
      [depot.items.quilt.id, '2023-06-01'],
    ]);
    expect((await call(backend, 'stock:below-minimum')).map((r) => [r.code, r.onHand, r.minStock])).toEqual([
      ['MB-01', 40, 100],
      ['ZP-12', 5, 20],
    ]);
    const inventory = await call(backend, 'stock:inventory');
    expect(inventory.find((r) => r.code === 'KS-550')).toMatchObject({ onHand: 48, nearestExpiry: '2027-01-15' });
  });

  test('documents are listed newest first with filters and found by their number', async () => {
    await receive('city', [{ item: 'tent', units: 50 }]);
    await call(backend, 'stock:post-dispatch', {
      ...dispatchInput([{ item: 'tent', units: 2 }]),
      orderNo: '',
      emergency: true,
    });
    await call(backend, 'stock:post-dispatch', {
      ...dispatchInput([{ item: 'tent', units: 3 }]),
      receivingUnitId: depot.parties.shelter.id,
    });
    const all = await call(backend, 'documents:list', {});
    expect(all.rows.map((d) => d.number)).toEqual(['CK-2026-00002', 'CK-2026-00001', 'RK-2026-00001']);
    expect(
      (await call(backend, 'documents:list', { kind: 'dispatch', emergency: true })).rows.map((d) => d.number),
    ).toEqual(['CK-2026-00001']);
    expect((await call(backend, 'documents:list', { partyId: depot.parties.shelter.id })).total).toBe(1);
    expect((await call(backend, 'documents:list', { sourceId: depot.sources.city.id })).total).toBe(3);
    expect((await call(backend, 'documents:list', { search: '城东' })).rows.map((d) => d.number)).toEqual([
      'CK-2026-00002',
    ]);
    expect(await call(backend, 'documents:find-by-number', { number: 'ck-2026-00002' })).toMatchObject({
      partyName: '城东安置点',
    });
    expect(await call(backend, 'documents:find-by-number', { number: 'CK-2026-09999' })).toBeNull();
  });
});

describe('drafts', () => {
  test('a draft survives reopening the database and is removed by the posting that uses it, not by a refused one', async () => {
    const draft = await call(backend, 'drafts:save', {
      kind: 'receipt',
      title: '省厅调拨帐篷',
      payload: { lines: [{ itemId: depot.items.tent.id, units: 5 }] },
    });
    backend.close();
    backend = openBackend({ role: 'admin', dbPath: tmp.dbPath, now: () => new Date(clock) });
    expect(await call(backend, 'drafts:list')).toEqual([
      expect.objectContaining({ id: draft.id, title: '省厅调拨帐篷' }),
    ]);
    const input = {
      kind: 'allocation',
      sourceId: depot.sources.city.id,
      draftId: draft.id,
      lines: [{ itemId: depot.items.tent.id, units: 0, locationId: depot.locations.a01.id }],
    };
    await refusal(backend, 'stock:post-receipt', input);
    expect(await call(backend, 'drafts:list')).toHaveLength(1);
    await call(backend, 'stock:post-receipt', {
      ...input,
      kind: 'allocation',
      lines: [{ ...input.lines[0]!, units: 5 }],
    });
    expect(await call(backend, 'drafts:list')).toEqual([]);
  });
});

describe('ready for many depots', () => {
  test('fact tables use UUID text ids, site-scoped unique keys and deferrable foreign keys without cascades', () => {
    const db = new Database(tmp.dbPath, { readonly: true });
    const facts = [
      'items',
      'categories',
      'item_barcodes',
      'parties',
      'sources',
      'locations',
      'batches',
      'documents',
      'document_lines',
      'ledger_entries',
      'paperwork_filings',
    ];
    for (const table of facts) {
      const columns = db.prepare(`PRAGMA table_info(${table})`).all() as { name: string; type: string; pk: number }[];
      expect(
        columns.filter((c) => c.pk > 0).map((c) => [c.name, c.type]),
        table,
      ).toEqual([['id', 'TEXT']]);
      expect(
        columns.some((c) => c.name === 'site_code'),
        table,
      ).toBe(true);
      const uniques = db.prepare(`PRAGMA index_list(${table})`).all() as {
        name: string;
        unique: number;
        origin: string;
      }[];
      for (const index of uniques.filter((i) => i.unique && i.origin !== 'pk')) {
        const cols = (db.prepare(`PRAGMA index_info("${index.name}")`).all() as { name: string }[]).map((c) => c.name);
        expect(cols, `${table} ${index.name}`).toContain('site_code');
      }
      const sql = db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').pluck().get(table) as string;
      expect(sql, table).not.toMatch(/CASCADE|SET NULL|AUTOINCREMENT/i);
      const references = sql.match(/REFERENCES/g)?.length ?? 0;
      const deferrable = sql.match(/DEFERRABLE INITIALLY DEFERRED/g)?.length ?? 0;
      expect(deferrable, table).toBe(references);
    }
    db.close();
  });
});
