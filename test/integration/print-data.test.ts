/**
 * What the printed documents need from the backend: the receiving unit's contact, phone and address and
 * each line's value on documents:get, and the depot's print settings, validated before they are stored.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend/index';
import { defaultPrintSettings, logoMaxBytes } from '../../shared/print/depotPrintSettings';
import { call, refusal, seedDepot, type Depot } from '../fixtures/depot';
import { makeTempDir } from '../fixtures/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
let backend: Backend;
let depot: Depot;

beforeEach(async () => {
  tmp = makeTempDir();
  backend = openBackend({
    role: 'admin',
    dbPath: tmp.dbPath,
    now: () => new Date(2026, 10, 26, 9, 0, 0),
    operator: () => '张保管',
  });
  depot = await seedDepot(backend);
});
afterEach(() => {
  backend.close();
  tmp.cleanup();
});

/** A PNG of `bytes` bytes as a data URL (the content does not matter to the settings store). */
function pngDataUrl(bytes: number): string {
  return `data:image/png;base64,${Buffer.alloc(bytes, 7).toString('base64')}`;
}

describe('a dispatch read for its slip', () => {
  test('carries the receiving unit’s contact, phone and address and each line’s unit value', async () => {
    const unit = await call(backend, 'catalog:save-party', {
      kind: 'receiving_unit',
      name: '青山镇第二安置点',
      contact: '李明',
      phone: '13912345678',
      address: '青山镇人民路 18 号',
    });
    await call(backend, 'stock:post-receipt', {
      kind: 'purchase',
      sourceId: depot.sources.city.id,
      partyId: depot.parties.supplier.id,
      lines: [{ itemId: depot.items.tent.id, units: 20, locationId: depot.locations.a01.id }],
    });
    const posted = await call(backend, 'stock:post-dispatch', {
      kind: 'allocation',
      receivingUnitId: unit.id,
      orderNo: '市应急调〔2026〕88号',
      lines: [{ itemId: depot.items.tent.id, units: 10 }],
    });
    const doc = await call(backend, 'documents:get', { id: posted.id });
    expect(doc).toMatchObject({ partyContact: '李明', partyPhone: '13912345678', partyAddress: '青山镇人民路 18 号' });
    expect(doc.lines[0]).toMatchObject({ itemCode: 'ZP-12', unitValueFen: 150_000 });
  });

  test('a document without a party has empty contact fields, not nulls the slip would print', async () => {
    const posted = await call(backend, 'stock:post-adjustment', {
      reason: 'found',
      remarks: '盘点发现',
      lines: [
        {
          itemId: depot.items.quilt.id,
          batchId: (
            await call(backend, 'stock:post-receipt', {
              kind: 'purchase',
              sourceId: depot.sources.city.id,
              lines: [{ itemId: depot.items.quilt.id, units: 5, locationId: depot.locations.a01.id }],
            }).then(() => call(backend, 'stock:on-hand', { itemId: depot.items.quilt.id }))
          )[0]!.batchId,
          sourceId: depot.sources.city.id,
          locationId: depot.locations.a01.id,
          delta: 1,
        },
      ],
    });
    const doc = await call(backend, 'documents:get', { id: posted.id });
    expect(doc).toMatchObject({ partyId: null, partyContact: '', partyPhone: '', partyAddress: '' });
  });
});

describe('depot print settings', () => {
  test('a new depot prints three copies with the default titles and labels', async () => {
    expect((await call(backend, 'settings:get')).printing).toEqual(defaultPrintSettings);
  });

  test('logo, titles, footer note, copies and labels are stored and read back', async () => {
    const printing = {
      logo: pngDataUrl(1000),
      titles: { dispatch: '某市救灾物资出库单', receipt: '' },
      footerNote: '值班电话 0512-12345678',
      copies: 4 as const,
      copyLabels: ['', '财务联', '', ''] as [string, string, string, string],
    };
    await call(backend, 'settings:update', { printing });
    expect((await call(backend, 'settings:get')).printing).toEqual(printing);
    // Other settings are untouched.
    expect((await call(backend, 'settings:get')).depotName).toBe('市救灾物资储备中心');
  });

  test('a logo over the size limit is refused and nothing is stored', async () => {
    const error = await refusal(backend, 'settings:update', {
      printing: { ...defaultPrintSettings, logo: pngDataUrl(logoMaxBytes + 4096) },
    });
    expect(error.code).toBe('invalid-input');
    expect(error.details).toEqual([{ path: ['printing', 'logo'], message: 'logo-too-large' }]);
    expect((await call(backend, 'settings:get')).printing.logo).toBeNull();
  });

  test.each([
    ['a logo that is not an image', { logo: 'data:text/html;base64,PGI+' }],
    ['two copies', { copies: 2 }],
    ['a copy label too long to print in its box', { copyLabels: ['存根联存根联存根联存根联存根联', '', '', ''] }],
    ['a title longer than a slip line', { titles: { dispatch: '出'.repeat(41), receipt: '' } }],
  ])('refuses %s', async (_case, change) => {
    const error = await refusal(backend, 'settings:update', { printing: { ...defaultPrintSettings, ...change } });
    expect(error.code).toBe('invalid-input');
    expect((await call(backend, 'settings:get')).printing).toEqual(defaultPrintSettings);
  });
});
