/**
 * The staff the account and approval stories start from, set up through the backend as an admin would:
 * one depot, three people, some stock — and then nobody signed in.
 */
import type { Backend } from '../../electron/backend/index';
import { seedDepot } from '../fixtures/depot';
import { backendCall } from './fixtures';

/** An admin, a keeper and a supervisor; 53 quilts (5 cartons + 3) in A-01; nobody signed in. */
export async function depotWithStaff(backend: Backend) {
  await backendCall(backend, 'auth:setup-admin', {
    username: 'admin',
    displayName: '系统管理员',
    password: 'admin-password-1',
  });
  const depot = await seedDepot(backend);
  await backendCall(backend, 'users:save', {
    username: 'zhang',
    displayName: '张保管',
    role: 'keeper',
    password: 'zhang-password',
  });
  await backendCall(backend, 'users:save', {
    username: 'li',
    displayName: '李主管',
    role: 'supervisor',
    password: 'li-password',
  });
  await backendCall(backend, 'stock:post-receipt', {
    kind: 'purchase',
    sourceId: depot.sources.city.id,
    partyId: depot.parties.supplier.id,
    lines: [{ itemId: depot.items.quilt.id, cartons: 5, units: 3, locationId: depot.locations.a01.id }],
  });
  await backendCall(backend, 'auth:sign-out');
  return depot;
}
