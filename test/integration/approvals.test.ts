/**
 * Supervisor approval on a real file, with real accounts: a keeper's application is stored pending
 * and posts nothing; a supervisor's approval posts it once, through the posting path, with stock
 * checked again; nobody approves their own request unless the depot is single-person; a dispatch
 * above the depot's quantity or value limit needs approval when a keeper posts it. And every logged
 * write is one transaction with its activity entry.
 */
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Role } from '../../shared/contract';
import { roleMay } from '../../shared/permissions';
import { roles } from '../../shared/schemas/accounts';
import { openBackend, type Backend } from '../../electron/backend/index';
import { call, refusal, seedDepot, type Depot } from '../fixtures/depot';
import { makeTempDir } from '../fixtures/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
let backend: Backend;
let depot: Depot;

const passwordOf = (username: string) => `${username}-password`;
const signIn = (username: string) => call(backend, 'auth:sign-in', { username, password: passwordOf(username) });

beforeEach(async () => {
  tmp = makeTempDir('relief-reserve-approvals-');
  backend = openBackend({ dbPath: tmp.dbPath, now: () => new Date('2026-11-28T08:00:00Z'), passwordCost: 10 });
  await call(backend, 'auth:setup-admin', { username: 'admin', displayName: '系统管理员', password: 'admin-password' });
  depot = await seedDepot(backend);
  const accounts: [string, string, Role][] = [
    ['li', '李主管', 'supervisor'],
    ['zhou', '周主管', 'supervisor'],
    ['zhang', '张保管', 'keeper'],
    ['wang', '王审计', 'auditor'],
  ];
  for (const [username, displayName, role] of accounts) {
    await call(backend, 'users:save', { username, displayName, role, password: passwordOf(username) });
  }
  // 10 tents (1 500 元 each) on A-01, received by the keeper.
  await signIn('zhang');
  await call(backend, 'stock:post-receipt', {
    kind: 'purchase',
    sourceId: depot.sources.city.id,
    lines: [{ itemId: depot.items.tent.id, units: 10, locationId: depot.locations.a01.id }],
  });
});
afterEach(() => {
  backend.close();
  tmp.cleanup();
});

async function tentsOnHand(): Promise<number> {
  return (await call(backend, 'stock:on-hand', { itemId: depot.items.tent.id })).reduce((s, r) => s + r.quantity, 0);
}

async function documentsOf(kind: 'write_off' | 'dispatch' | 'reversal') {
  return (await call(backend, 'documents:list', { kind })).rows;
}

async function writeOffOf(units: number) {
  const [row] = await call(backend, 'stock:on-hand', { itemId: depot.items.tent.id });
  return {
    reason: '水浸霉变，无法使用',
    lines: [
      {
        itemId: depot.items.tent.id,
        batchId: row!.batchId,
        sourceId: depot.sources.city.id,
        locationId: depot.locations.a01.id,
        units,
      },
    ],
  };
}

const dispatchOf = (units: number) => ({
  kind: 'distribution' as const,
  receivingUnitId: depot.parties.town.id,
  orderNo: '市应急调〔2026〕21号',
  lines: [{ itemId: depot.items.tent.id, units }],
});

describe('a keeper applies, a supervisor approves', () => {
  test('the application is pending and posts nothing; the approval posts it once and names both people', async () => {
    await signIn('zhang');
    const request = await call(backend, 'approvals:submit', { kind: 'write_off', input: await writeOffOf(2) });
    expect(request).toMatchObject({
      status: 'pending',
      kind: 'write_off',
      requestedBy: 'zhang',
      requestedByName: '张保管',
      reason: '水浸霉变，无法使用',
      totalQuantity: 2,
      totalValueFen: 300_000,
      documentId: null,
    });
    expect(request.lines).toEqual([
      { itemCode: 'ZP-12', itemName: '单帐篷', baseUnit: '顶', quantity: 2, valueFen: 300_000 },
    ]);
    expect(await tentsOnHand()).toBe(10);
    expect(await documentsOf('write_off')).toEqual([]);
    // The keeper cannot decide it, and may not post the write-off directly either.
    expect((await refusal(backend, 'approvals:approve', { id: request.id })).code).toBe('not-permitted');
    expect((await refusal(backend, 'stock:post-write-off', await writeOffOf(2))).code).toBe('not-permitted');

    await signIn('li');
    expect((await call(backend, 'approvals:list', { status: 'pending' })).rows.map((r) => r.id)).toEqual([request.id]);
    const approved = await call(backend, 'approvals:approve', { id: request.id });
    expect(approved.number).toBe('BF-2026-00001');
    expect(approved.request).toMatchObject({
      status: 'approved',
      decidedBy: 'li',
      decidedByName: '李主管',
      decidedAt: '2026-11-28T08:00:00.000Z',
      selfApproved: false,
      documentNumber: 'BF-2026-00001',
    });
    expect(await tentsOnHand()).toBe(8);
    const doc = await call(backend, 'documents:get', { id: approved.id });
    expect(doc.operator).toBe('li');
    expect(doc.approval).toEqual({
      requestedBy: 'zhang',
      requestedByName: '张保管',
      requestedAt: '2026-11-28T08:00:00.000Z',
      approvedBy: 'li',
      approvedByName: '李主管',
      approvedAt: '2026-11-28T08:00:00.000Z',
      selfApproved: false,
    });

    // Approving again posts nothing more.
    await signIn('zhou');
    expect(await refusal(backend, 'approvals:approve', { id: request.id })).toMatchObject({
      code: 'approval-not-pending',
      details: { status: 'approved', decidedBy: 'li' },
    });
    expect(await tentsOnHand()).toBe(8);
    expect(await documentsOf('write_off')).toHaveLength(1);
    expect((await call(backend, 'approvals:list', { status: 'pending' })).total).toBe(0);

    await signIn('admin');
    const log = (await call(backend, 'activity:list', { limit: 100 })).rows;
    expect(log.filter((e) => e.action === 'approvals:submit' && e.outcome === 'ok').map((e) => e.actor)).toEqual([
      'zhang',
    ]);
    expect(log.filter((e) => e.action === 'approvals:approve' && e.outcome === 'ok')).toMatchObject([
      { actor: 'li', target: 'BF-2026-00001' },
    ]);
  });

  test('an approver cannot approve their own request; a single-person depot allows it, recorded as self-approved', async () => {
    await signIn('li');
    const request = await call(backend, 'approvals:submit', { kind: 'write_off', input: await writeOffOf(1) });
    expect(await refusal(backend, 'approvals:approve', { id: request.id })).toMatchObject({
      code: 'approval-own-document',
      details: { requestedBy: 'li' },
    });
    expect(await documentsOf('write_off')).toEqual([]);
    expect(await tentsOnHand()).toBe(10);

    // Only the admin may make the depot single-person.
    expect((await refusal(backend, 'settings:update', { singlePerson: true })).code).toBe('not-permitted');
    await signIn('admin');
    expect((await call(backend, 'settings:get')).singlePerson).toBe(false);
    expect((await call(backend, 'settings:update', { singlePerson: true })).singlePerson).toBe(true);

    await signIn('li');
    const approved = await call(backend, 'approvals:approve', { id: request.id });
    expect(approved.request).toMatchObject({ status: 'approved', decidedBy: 'li', selfApproved: true });
    expect((await call(backend, 'documents:get', { id: approved.id })).approval).toMatchObject({
      requestedBy: 'li',
      approvedBy: 'li',
      selfApproved: true,
    });
    expect(await tentsOnHand()).toBe(9);
  });

  test('a supervisor posting a write-off directly is recorded as approved by themselves', async () => {
    await signIn('li');
    const posted = await call(backend, 'stock:post-write-off', await writeOffOf(1));
    expect((await call(backend, 'documents:get', { id: posted.id })).approval).toMatchObject({
      requestedBy: 'li',
      approvedBy: 'li',
      approvedByName: '李主管',
      selfApproved: true,
    });
    // A receipt needs no approval and shows none.
    const [receipt] = (await call(backend, 'documents:list', { kind: 'receipt' })).rows;
    expect((await call(backend, 'documents:get', { id: receipt!.id })).approval).toBeNull();
  });

  test('a rejected request posts nothing, keeps its reason, and cannot be approved afterwards', async () => {
    const [receipt] = (await call(backend, 'documents:list', { kind: 'receipt' })).rows;
    await signIn('zhang');
    const request = await call(backend, 'approvals:submit', {
      kind: 'reversal',
      input: { documentId: receipt!.id, reason: '数量录错' },
    });
    expect(request).toMatchObject({ kind: 'reversal', targetNumber: receipt!.number, totalQuantity: 10 });

    await signIn('li');
    expect((await refusal(backend, 'approvals:reject', { id: request.id, reason: '  ' })).code).toBe('invalid-input');
    const rejected = await call(backend, 'approvals:reject', { id: request.id, reason: '请先核对入库单原件' });
    expect(rejected).toMatchObject({ status: 'rejected', decidedBy: 'li', rejectReason: '请先核对入库单原件' });
    expect((await refusal(backend, 'approvals:approve', { id: request.id })).code).toBe('approval-not-pending');
    expect(await documentsOf('reversal')).toEqual([]);
    expect(await tentsOnHand()).toBe(10);
    expect((await call(backend, 'documents:get', { id: receipt!.id })).reversedBy).toBeNull();
  });

  test('an approved reversal request reverses the document', async () => {
    const [receipt] = (await call(backend, 'documents:list', { kind: 'receipt' })).rows;
    await signIn('zhang');
    const request = await call(backend, 'approvals:submit', {
      kind: 'reversal',
      input: { documentId: receipt!.id, reason: '数量录错' },
    });
    await signIn('zhou');
    const approved = await call(backend, 'approvals:approve', { id: request.id });
    expect(approved.number).toBe('CX-2026-00001');
    expect(await tentsOnHand()).toBe(0);
    expect((await call(backend, 'documents:get', { id: approved.id })).approval).toMatchObject({
      requestedByName: '张保管',
      approvedByName: '周主管',
    });
  });

  test('an application that could not be posted now is refused at once and stored nowhere', async () => {
    await signIn('zhang');
    expect((await refusal(backend, 'approvals:submit', { kind: 'write_off', input: await writeOffOf(11) })).code).toBe(
      'insufficient-stock',
    );
    expect((await call(backend, 'approvals:list', {})).total).toBe(0);
  });

  test('stock gone by approval time: the approval is refused with the shortage, nothing is posted, the request waits', async () => {
    await signIn('zhang');
    const request = await call(backend, 'approvals:submit', { kind: 'write_off', input: await writeOffOf(8) });
    await signIn('li');
    await call(backend, 'stock:post-dispatch', dispatchOf(5));
    await signIn('zhou');
    expect(await refusal(backend, 'approvals:approve', { id: request.id })).toMatchObject({
      code: 'insufficient-stock',
      details: { available: 5, requested: 8 },
    });
    expect(await documentsOf('write_off')).toEqual([]);
    expect(await tentsOnHand()).toBe(5);
    expect((await call(backend, 'approvals:list', { status: 'pending' })).rows.map((r) => r.id)).toEqual([request.id]);
  });
});

describe('dispatches above the depot limit', () => {
  test('by quantity: a keeper posts up to the limit; above it is refused, applied for and approved', async () => {
    await signIn('admin');
    expect((await refusal(backend, 'settings:update', { approvalQuantityLimit: 0 })).code).toBe('invalid-input');
    expect((await refusal(backend, 'settings:update', { approvalQuantityLimit: 2.5 })).code).toBe('invalid-input');
    await call(backend, 'settings:update', { approvalQuantityLimit: 3 });
    await signIn('zhang');
    expect((await refusal(backend, 'settings:update', { approvalQuantityLimit: 100 })).code).toBe('not-permitted');
    await call(backend, 'stock:post-dispatch', dispatchOf(3));
    expect(await refusal(backend, 'stock:post-dispatch', dispatchOf(4))).toMatchObject({
      code: 'approval-required',
      details: { quantity: 4, quantityLimit: 3 },
    });
    expect(await documentsOf('dispatch')).toHaveLength(1);
    expect(await tentsOnHand()).toBe(7);

    const request = await call(backend, 'approvals:submit', { kind: 'dispatch', input: dispatchOf(4) });
    expect(request).toMatchObject({ reason: '青山镇人民政府', totalQuantity: 4 });
    expect(await tentsOnHand()).toBe(7);
    await signIn('li');
    const approved = await call(backend, 'approvals:approve', { id: request.id });
    expect(approved.number).toBe('CK-2026-00002');
    expect(await tentsOnHand()).toBe(3);
    // A supervisor's own dispatch above the limit posts, recorded as approved by them.
    await signIn('admin');
    await call(backend, 'settings:update', { approvalQuantityLimit: 1 });
    await signIn('li');
    const own = await call(backend, 'stock:post-dispatch', dispatchOf(2));
    expect((await call(backend, 'documents:get', { id: own.id })).approval).toMatchObject({
      approvedBy: 'li',
      selfApproved: true,
    });
  });

  test('by value: 2 tents (3 000 元) pass a 3 000 元 limit, 3 tents need approval; clearing the limit lifts it', async () => {
    await signIn('admin');
    await call(backend, 'settings:update', { approvalValueLimitFen: 300_000 });
    await signIn('zhang');
    await call(backend, 'stock:post-dispatch', dispatchOf(2));
    expect(await refusal(backend, 'stock:post-dispatch', dispatchOf(3))).toMatchObject({
      code: 'approval-required',
      details: { valueFen: 450_000, valueLimitFen: 300_000 },
    });
    expect(await tentsOnHand()).toBe(8);
    await signIn('admin');
    expect((await call(backend, 'settings:update', { approvalValueLimitFen: null })).approvalValueLimitFen).toBeNull();
    await signIn('zhang');
    await call(backend, 'stock:post-dispatch', dispatchOf(3));
    expect(await tentsOnHand()).toBe(5);
  });
});

describe('permissions of the approval channels', () => {
  test('every role × every approval channel: refused exactly when the role lacks the permission', async () => {
    const channels = {
      'approvals:submit': 'post',
      'approvals:list': 'read',
      'approvals:approve': 'approve',
      'approvals:reject': 'approve',
    } as const;
    const userOf: Record<Role, string> = { admin: 'admin', supervisor: 'li', keeper: 'zhang', auditor: 'wang' };
    const expected: Record<Role, string[]> = {
      admin: ['approvals:submit', 'approvals:list', 'approvals:approve', 'approvals:reject'],
      supervisor: ['approvals:submit', 'approvals:list', 'approvals:approve', 'approvals:reject'],
      keeper: ['approvals:submit', 'approvals:list'],
      auditor: ['approvals:list'],
    };
    for (const role of roles) {
      await signIn(userOf[role]);
      const allowed: string[] = [];
      for (const [channel, permission] of Object.entries(channels)) {
        const result = await backend.invoke(channel, {});
        const refused = !result.ok && result.error.code === 'not-permitted';
        expect(refused, `${role} → ${channel}`).toBe(!roleMay(role, permission));
        if (!refused) allowed.push(channel);
      }
      expect(allowed, role).toEqual(expected[role]);
    }
  });
});

describe('a write and its activity entry are one transaction', () => {
  /** Makes the activity log refuse entries of one action, as a full disk or a failing write would. */
  function breakActivityFor(action: string) {
    const raw = new Database(tmp.dbPath);
    raw.exec(`CREATE TRIGGER test_refuse_entry BEFORE INSERT ON activity_log WHEN NEW.action = '${action}'
              BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    raw.close();
  }

  test('when the entry cannot be written, the posting is not kept either', async () => {
    breakActivityFor('stock:post-receipt');
    await signIn('zhang');
    expect(
      (
        await refusal(backend, 'stock:post-receipt', {
          kind: 'purchase',
          sourceId: depot.sources.city.id,
          lines: [{ itemId: depot.items.tent.id, units: 5, locationId: depot.locations.a01.id }],
        })
      ).code,
    ).toBe('internal');
    expect(await tentsOnHand()).toBe(10);
    expect((await call(backend, 'documents:list', { kind: 'receipt' })).total).toBe(1);
    expect((await call(backend, 'ledger:verify-chain')).ok).toBe(true);
  });

  test('an account change whose handler awaits (password hashing) is not kept without its entry', async () => {
    breakActivityFor('users:save');
    await signIn('admin');
    expect(
      (
        await refusal(backend, 'users:save', {
          username: 'qian',
          displayName: '钱',
          role: 'keeper',
          password: 'qian-password',
        })
      ).code,
    ).toBe('internal');
    expect((await call(backend, 'users:list')).map((u) => u.username)).not.toContain('qian');
  });

  test('a failing write leaves no entry; every write that succeeds has exactly one, even when calls overlap', async () => {
    await signIn('admin');
    const before = (await call(backend, 'activity:list', { limit: 1000 })).rows.length;
    // Refused inside its transaction after checks passed: shortage.
    expect((await refusal(backend, 'stock:post-dispatch', dispatchOf(11))).code).toBe('insufficient-stock');
    const afterFailure = (await call(backend, 'activity:list', { limit: 1000 })).rows;
    expect(afterFailure.filter((e) => e.action === 'stock:post-dispatch')).toEqual([]);
    expect(afterFailure.length).toBe(before);

    // Overlapping calls: an awaiting account change, a dispatch and a settings change at once.
    const results = await Promise.all([
      backend.invoke('users:save', { username: 'qian', displayName: '钱', role: 'keeper', password: 'qian-password' }),
      backend.invoke('stock:post-dispatch', dispatchOf(1)),
      backend.invoke('settings:update', { depotName: '江城储备库' }),
      backend.invoke('stock:post-dispatch', dispatchOf(2)),
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, true, true, true]);
    const log = (await call(backend, 'activity:list', { limit: 1000 })).rows;
    expect(log.filter((e) => e.action === 'users:save' && e.target === 'qian')).toHaveLength(1);
    const dispatches = await documentsOf('dispatch');
    expect(dispatches).toHaveLength(2);
    for (const d of dispatches) {
      expect(log.filter((e) => e.action === 'stock:post-dispatch' && e.target === d.number)).toHaveLength(1);
    }
    expect(log.filter((e) => e.action === 'settings:update' && e.seq > afterFailure[0]!.seq)).toHaveLength(1);
    expect((await call(backend, 'activity:verify-chain')).ok).toBe(true);
  });
});
