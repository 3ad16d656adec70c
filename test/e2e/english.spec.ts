/**
 * The inventory and the stock card in English, switched with the header's language toggle: column
 * headers, markers, legend, quantities and movement descriptions all in English.
 */
import { seedDepot } from '../fixtures/depot';
import { backendCall, expect, test } from './fixtures';

/** A local calendar date `days` from today (negative: in the past), as YYYY-MM-DD. */
function day(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

test('the inventory and the stock card read in English', async ({ app, page, backend }) => {
  // Stock to post and two full windows to draw on a busy two-core machine: more than the default time.
  test.slow();
  const { sources, locations, items, parties } = await seedDepot(backend);
  const received = day(-3);
  await backendCall(backend, 'stock:post-receipt', {
    kind: 'purchase',
    docDate: '2022-01-10',
    sourceId: sources.city.id,
    partyId: parties.supplier.id,
    lines: [{ itemId: items.tent.id, units: 120, locationId: locations.a01.id, batchNo: 'ZP-2022-01' }],
  });
  await backendCall(backend, 'stock:post-receipt', {
    kind: 'donation',
    docDate: received,
    sourceId: sources.donation.id,
    partyId: parties.donor.id,
    lines: [
      { itemId: items.quilt.id, cartons: 4, units: 5, locationId: locations.a02.id, batchNo: 'MB-D1' },
      { itemId: items.water.id, cartons: 3, locationId: locations.a02.id, batchNo: 'KS-D1', expiryDate: day(45) },
    ],
  });
  const dispatch = await backendCall(backend, 'stock:post-dispatch', {
    kind: 'distribution',
    receivingUnitId: parties.shelter.id,
    orderNo: 'EM-2026-03',
    lines: [{ itemId: items.tent.id, units: 20 }],
  });

  await app.open('inventory');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(app.heading).toHaveText('Inventory');

  const grid = page.getByRole('grid');
  await expect(grid.getByRole('columnheader')).toHaveText([
    'Code',
    'Name',
    'Markers',
    'Specification',
    'Unit',
    'On hand',
    'In cartons',
    '市级储备',
    '社会捐赠-爱心企业',
    '省级储备',
    'Reserve quota',
    'Quota covered',
    'Persons served',
    'Min. stock',
    'Nearest expiry',
    'Oldest receipt',
  ]);
  const quilt = grid.getByRole('row').filter({ hasText: 'MB-01' }).getByRole('gridcell');
  await expect(quilt.nth(2)).toHaveText('Low');
  await expect(quilt.nth(5)).toHaveText('45');
  await expect(quilt.nth(6)).toHaveText('4 cartons + 5 床');
  const tent = grid.getByRole('row').filter({ hasText: 'ZP-12' }).getByRole('gridcell');
  await expect(tent.nth(2)).toHaveText('Test due');
  await expect(tent.nth(5)).toHaveText('100');
  await expect(tent.nth(11)).toHaveText('50%');
  await expect(tent.nth(12)).toHaveText('500');
  const water = grid.getByRole('row').filter({ hasText: 'KS-550' }).getByRole('gridcell');
  await expect(water.nth(2)).toHaveText('Expiring');
  await expect(water.nth(6)).toHaveText('3 cartons + 0 瓶');
  await expect(page.getByRole('list', { name: 'Markers and counts' }).getByRole('listitem')).toHaveText([
    'LowBelow minimum stock1',
    'ExpiringExpires within 90 days1',
    'ExpiredHas expired batches0',
    'Test dueStored 3 years or more: quality test before write-off1',
  ]);
  await expect(page.getByRole('status').filter({ hasText: 'Items: 3' })).toBeVisible();

  // The drill-down, in English too.
  await grid.getByRole('gridcell', { name: '单帐篷' }).click();
  const panel = page.getByRole('region', { name: 'Stock of ZP-12 单帐篷' });
  await expect(panel.getByRole('columnheader')).toHaveText([
    'Batch',
    'Produced',
    'Expires',
    'Received',
    'Location',
    'Source',
    'Quantity',
    'In cartons',
    'Actions',
  ]);
  await expect(panel.getByRole('button', { name: 'Adjust: batch ZP-2022-01, A-01, 市级储备' })).toBeVisible();
  await expect.poll(() => page.evaluate('document.documentElement.scrollWidth - window.innerWidth')).toBe(0);
  await app.screenshot('english-inventory');

  // The stock card of the tent, in English.
  await panel.getByRole('button', { name: 'Open stock card' }).click();
  await expect(app.heading).toHaveText('Ledger');
  await expect(page.getByRole('main').getByRole('term')).toHaveText([
    'Code',
    'Name',
    'Specification',
    'Unit',
    'Pack size',
    'On hand',
  ]);
  await expect(page.getByRole('main').getByRole('definition').last()).toHaveText('100 顶');
  const card = page.getByRole('grid');
  await expect(card.getByRole('columnheader')).toHaveText([
    'Doc. date',
    'Posted',
    'Document',
    'Movement',
    'Party',
    'Batch',
    'Location',
    'Source',
    'In',
    'Out',
    'Balance',
  ]);
  const rows = card.getByRole('row').filter({ has: page.getByRole('gridcell') });
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(0).getByRole('gridcell').nth(3)).toHaveText('Opening balance');
  await expect(rows.nth(1).getByRole('gridcell').nth(3)).toHaveText('Receipt · Purchase');
  await expect(rows.nth(1).getByRole('gridcell').nth(0)).toHaveText('2022-01-10');
  await expect(rows.nth(2).getByRole('gridcell').nth(2)).toHaveText(dispatch.number);
  await expect(rows.nth(2).getByRole('gridcell').nth(3)).toHaveText('Dispatch · Distribution');
  await expect(rows.nth(2).getByRole('gridcell').nth(9)).toHaveText('20');
  await expect(rows.nth(3).getByRole('gridcell').nth(3)).toHaveText('Totals · closing');
  await expect(rows.nth(3).getByRole('gridcell').nth(10)).toHaveText('100');
  await expect(page.getByRole('status').filter({ hasText: 'Movements: 2' })).toBeVisible();
  await expect(page.getByLabel('From')).toHaveAccessibleDescription('YYYY-MM-DD, by posting date');

  expect((await backendCall(backend, 'settings:get')).language).toBe('en-US');
  await expect.poll(() => page.evaluate('document.documentElement.scrollWidth - window.innerWidth')).toBe(0);
  await app.screenshot('english-stock-card');
});
