/**
 * Depots with documents worth printing: a dispatch with every field of the slip filled in, an
 * emergency dispatch, a 70-line dispatch. Arranged through the real backend, as the keeper's postings would be.
 */
import type { Backend } from '../../electron/backend/index';
import { seedDepot, type Depot } from '../fixtures/depot';
import { backendCall } from './fixtures';

/** A local calendar date N days from today, as the backend counts days. */
export function daysFromToday(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export const fullDispatchFacts = {
  unit: { name: '青山镇第二安置点', contact: '李明', phone: '13912345678', address: '青山镇人民路 18 号' },
  orderNo: '市应急调〔2026〕88号',
  orderIssuer: '市应急管理局',
  incidentName: '青山镇洪涝灾害',
  transport: {
    mode: '公路运输',
    carrier: '市交通运输集团',
    plateNo: '苏E·12345',
    driver: '赵师傅',
    driverPhone: '13700001234',
  },
  tentRemark: '先发 10 顶，余 2 顶次日补发',
};

/** Tents, quilts (cartons of 10), water in two batches, and donated quilts, all received into stock. */
export async function stockedDepot(backend: Backend): Promise<Depot> {
  const depot = await seedDepot(backend);
  await backendCall(backend, 'stock:post-receipt', {
    kind: 'allocation',
    sourceId: depot.sources.city.id,
    partyId: depot.parties.bureau.id,
    lines: [
      { itemId: depot.items.tent.id, units: 40, locationId: depot.locations.a01.id, batchNo: 'ZP2026A' },
      { itemId: depot.items.quilt.id, cartons: 20, locationId: depot.locations.a02.id, batchNo: 'MB2026A' },
      {
        itemId: depot.items.water.id,
        cartons: 2,
        locationId: depot.locations.a01.id,
        batchNo: 'EARLY',
        productionDate: daysFromToday(-335),
      },
      {
        itemId: depot.items.water.id,
        cartons: 5,
        locationId: depot.locations.a02.id,
        batchNo: 'LATE',
        productionDate: daysFromToday(-165),
      },
    ],
  });
  await backendCall(backend, 'stock:post-receipt', {
    kind: 'donation',
    sourceId: depot.sources.donation.id,
    partyId: depot.parties.donor.id,
    lines: [{ itemId: depot.items.quilt.id, cartons: 3, locationId: depot.locations.a01.id, batchNo: 'JZ-01' }],
  });
  return depot;
}

/** A dispatch on an allocation order with every header field, four lines, one drawn from two batches. */
export async function postFullDispatch(backend: Backend, depot: Depot) {
  const f = fullDispatchFacts;
  const unit = await backendCall(backend, 'catalog:save-party', { kind: 'receiving_unit', ...f.unit });
  const posted = await backendCall(backend, 'stock:post-dispatch', {
    kind: 'allocation',
    receivingUnitId: unit.id,
    orderNo: f.orderNo,
    orderIssuer: f.orderIssuer,
    orderDate: daysFromToday(-1),
    incidentName: f.incidentName,
    responseLevel: 'II',
    transport: f.transport,
    lines: [
      { itemId: depot.items.tent.id, units: 10, quantityOrdered: 12, remarks: f.tentRemark },
      { itemId: depot.items.quilt.id, cartons: 5, units: 3, quantityOrdered: 53, sourceId: depot.sources.city.id },
      { itemId: depot.items.water.id, units: 60, quantityOrdered: 60 },
      { itemId: depot.items.quilt.id, cartons: 2, sourceId: depot.sources.donation.id },
    ],
  });
  return { posted, unit, doc: await backendCall(backend, 'documents:get', { id: posted.id }) };
}

/** An emergency dispatch on a phone order: no order number yet, paperwork due in two working days. */
export async function postEmergencyDispatch(backend: Backend, depot: Depot) {
  const posted = await backendCall(backend, 'stock:post-dispatch', {
    kind: 'allocation',
    emergency: true,
    receivingUnitId: depot.parties.town.id,
    incidentName: '青山镇洪涝灾害',
    responseLevel: 'I',
    lines: [{ itemId: depot.items.tent.id, units: 5 }],
  });
  return backendCall(backend, 'documents:get', { id: posted.id });
}

/** 70 items T-001…T-070 received and dispatched on one slip; every 7th line has a remark that wraps. */
export async function postLongDispatch(backend: Backend) {
  const depot = await seedDepot(backend);
  const items = [];
  for (let n = 1; n <= 70; n++) {
    const code = `T-${String(n).padStart(3, '0')}`;
    items.push(
      await backendCall(backend, 'catalog:create-item', {
        code,
        name: `救灾物资${n}号`,
        spec: n % 5 === 0 ? '加厚型 200×150 cm 防水' : '标准',
        baseUnit: n % 2 === 0 ? '件' : '箱',
        packSize: n % 3 === 0 ? 12 : 1,
      }),
    );
  }
  await backendCall(backend, 'stock:post-receipt', {
    kind: 'purchase',
    sourceId: depot.sources.city.id,
    partyId: depot.parties.supplier.id,
    lines: items.map((item) => ({ itemId: item.id, units: 100, locationId: depot.locations.a01.id })),
  });
  const posted = await backendCall(backend, 'stock:post-dispatch', {
    kind: 'distribution',
    receivingUnitId: depot.parties.shelter.id,
    orderNo: '市应急调〔2026〕90号',
    lines: items.map((item, i) => ({
      itemId: item.id,
      units: 10 + i,
      remarks:
        (i + 1) % 7 === 0
          ? '按安置点实际人数分发，剩余部分由镇政府统一保管，待下一批转移群众到达后再行分发，不得挪作他用。'
          : '',
    })),
  });
  return { depot, items, posted };
}
