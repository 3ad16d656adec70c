/**
 * Accounts, roles and the activity log on a real file: the first start creates the admin (no default
 * password), every channel refuses every role that lacks its permission (in the backend, logged),
 * failed sign-ins are throttled, an idle session locks, postings carry the signed-in user, and the
 * activity log is append-only and hash-chained.
 */
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { channels, type Channel, type Role } from '../../shared/contract';
import { channelPermissions, roleMay, roles as allRoles } from './accounts-roles';
import { hashPassword, verifyPassword } from '../../electron/backend/accounts/passwords';
import { openBackend, type Backend } from '../../electron/backend/index';
import { call, refusal, seedDepot } from '../fixtures/depot';
import { makeTempDir } from '../fixtures/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
let clock: Date;
let backend: Backend;

/** Tests hash at a lower scrypt cost: the cost is a parameter stored with each hash, not a code path. */
const open = () => openBackend({ dbPath: tmp.dbPath, now: () => clock, passwordCost: 10 });

async function asAdminWithStaff() {
  await call(backend, 'auth:setup-admin', {
    username: 'Admin',
    displayName: '系统管理员',
    password: 'correct horse 1',
  });
  await seedDepot(backend);
  const staff: Record<Role, string> = { admin: 'admin', supervisor: 'li', keeper: 'zhang', auditor: 'wang' };
  await call(backend, 'users:save', {
    username: 'li',
    displayName: '李主管',
    role: 'supervisor',
    password: 'li-password',
  });
  await call(backend, 'users:save', {
    username: 'zhang',
    displayName: '张保管',
    role: 'keeper',
    password: 'zhang-password',
  });
  await call(backend, 'users:save', {
    username: 'wang',
    displayName: '王审计',
    role: 'auditor',
    password: 'wang-password',
  });
  return staff;
}

const passwordOf = (username: string) => (username === 'admin' ? 'correct horse 1' : `${username}-password`);

async function signIn(username: string) {
  return call(backend, 'auth:sign-in', { username, password: passwordOf(username) });
}

beforeEach(() => {
  tmp = makeTempDir('relief-reserve-accounts-');
  clock = new Date('2026-11-28T08:00:00Z');
  backend = open();
});
afterEach(() => {
  backend.close();
  tmp.cleanup();
});

describe('first start', () => {
  test('there is no account and no way in until the admin is created; then setup is closed', async () => {
    expect(await call(backend, 'auth:status')).toMatchObject({ hasUsers: false, user: null });
    expect((await refusal(backend, 'stock:inventory', {})).code).toBe('not-signed-in');
    expect((await refusal(backend, 'auth:sign-in', { username: 'admin', password: 'admin' })).code).toBe(
      'sign-in-failed',
    );
    expect(
      (await refusal(backend, 'auth:setup-admin', { username: 'admin', displayName: '管理员', password: 'short' }))
        .code,
    ).toBe('invalid-input');
    const status = await call(backend, 'auth:setup-admin', {
      username: 'Admin',
      displayName: '系统管理员',
      password: 'correct horse 1',
    });
    expect(status).toMatchObject({ hasUsers: true, locked: false, user: { username: 'admin', role: 'admin' } });
    expect((await call(backend, 'settings:get')).language).toBe('zh-CN');
    expect(
      (await refusal(backend, 'auth:setup-admin', { username: 'eve', displayName: 'Eve', password: 'eve-password' }))
        .code,
    ).toBe('already-set-up');

    // Stored as a salted scrypt hash with its parameters; the password itself is nowhere in the file.
    const db = new Database(tmp.dbPath, { readonly: true });
    const stored = db.prepare('SELECT password_hash FROM users').pluck().get() as string;
    db.close();
    expect(stored).toMatch(/^scrypt\$10\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    backend.close();
    const raw = (await import('node:fs')).readFileSync(tmp.dbPath);
    expect(raw.includes(Buffer.from('correct horse 1'))).toBe(false);
    backend = open();
  });

  test('the product cost is OWASP scrypt N=2^17, r=8, p=1; only the right password verifies; salts differ per hash', async () => {
    const hash = await hashPassword('救灾物资 2026');
    expect(hash.startsWith('scrypt$17$8$1$')).toBe(true);
    expect(await verifyPassword('救灾物资 2026', hash)).toBe(true);
    expect(await verifyPassword('救灾物资 2025', hash)).toBe(false);
    expect(await verifyPassword('anything', 'md5$abc')).toBe(false);
    // Two users with the same password get different hashes (per-user salt).
    expect(await hashPassword('same-password', 10)).not.toBe(await hashPassword('same-password', 10));
    // Two full-cost hashes take ~1 s on an idle PC; far longer on a loaded two-core test machine.
  }, 180_000);
});

describe('permissions, in the backend, on every channel', () => {
  test('each role × each channel: refused exactly when the role lacks the permission, and the refusal is logged', async () => {
    const staff = await asAdminWithStaff();
    for (const role of allRoles) {
      await signIn(staff[role]);
      for (const channel of channels) {
        const permission = channelPermissions[channel];
        if (permission === 'public' || channel === 'auth:sign-out' || channel === 'auth:lock') continue;
        const result = await backend.invoke(channel, {});
        const refused = !result.ok && result.error.code === 'not-permitted';
        expect(refused, `${role} → ${channel} (${permission})`).toBe(!roleMay(role, permission));
      }
      const log = await signInAndList('admin');
      const refusedHere = log.filter((e) => e.actor === staff[role] && e.outcome === 'refused');
      expect(refusedHere.length).toBe(channels.filter((c) => !roleMay(role, channelPermissions[c as Channel])).length);
    }
  });

  async function signInAndList(username: string) {
    await signIn(username);
    return (await call(backend, 'activity:list', { limit: 1000 })).rows;
  }

  test('a keeper is refused a write-off; a supervisor posts it, and the ledger names who', async () => {
    await asAdminWithStaff();
    const depot = await call(backend, 'catalog:list-sources');
    const [items, locations] = [
      await call(backend, 'catalog:list-items', {}),
      await call(backend, 'catalog:list-locations'),
    ];
    const tent = items.rows.find((i) => i.code === 'ZP-12')!;
    const slot = locations.find((l) => l.code === 'A-01')!;
    const city = depot.find((s) => s.code === 'CITY')!;
    await signIn('zhang');
    const receipt = await call(backend, 'stock:post-receipt', {
      kind: 'purchase',
      sourceId: city.id,
      lines: [{ itemId: tent.id, units: 10, cartons: 0, locationId: slot.id }],
    });
    const [row] = await call(backend, 'stock:on-hand', { itemId: tent.id });
    const writeOff = {
      reason: 'damaged',
      remarks: '水浸霉变',
      lines: [{ itemId: tent.id, batchId: row!.batchId, sourceId: city.id, locationId: slot.id, units: 2 }],
    };
    const refused = await refusal(backend, 'stock:post-write-off', writeOff);
    expect(refused).toMatchObject({ code: 'not-permitted', details: { permission: 'approve', role: 'keeper' } });
    expect((await call(backend, 'stock:on-hand', { itemId: tent.id })).reduce((s, r) => s + r.quantity, 0)).toBe(10);

    await signIn('li');
    const posted = await call(backend, 'stock:post-write-off', writeOff);
    const doc = await call(backend, 'documents:get', { id: posted.id });
    expect(doc.operator).toBe('li');
    expect((await call(backend, 'documents:get', { id: receipt.id })).operator).toBe('zhang');

    await signIn('admin');
    const log = (await call(backend, 'activity:list', { limit: 100 })).rows;
    expect(log.find((e) => e.action === 'stock:post-write-off' && e.outcome === 'refused')?.actor).toBe('zhang');
    expect(log.find((e) => e.action === 'stock:post-write-off' && e.outcome === 'ok')).toMatchObject({
      actor: 'li',
      target: posted.number,
    });
  });

  test('a keeper may switch the interface language but not rename the depot; settings changes log the old value', async () => {
    await asAdminWithStaff();
    await signIn('zhang');
    expect((await call(backend, 'settings:update', { language: 'en-US' })).language).toBe('en-US');
    expect((await refusal(backend, 'settings:update', { depotName: '别的名字' })).code).toBe('not-permitted');
    expect((await refusal(backend, 'settings:update', { language: 'zh-CN', depotName: 'x' })).code).toBe(
      'not-permitted',
    );
    await signIn('admin');
    await call(backend, 'settings:update', { depotName: '江城储备库' });
    const change = (await call(backend, 'activity:list', { action: 'settings:update' })).rows[0]!;
    expect(change.actor).toBe('admin');
    expect(change.detail).toMatchObject({
      input: { depotName: '江城储备库' },
      before: { depotName: '市救灾物资储备中心' },
    });
  });

  test('the last active admin cannot be demoted or deactivated; usernames never change', async () => {
    await asAdminWithStaff();
    const users = await call(backend, 'users:list');
    const admin = users.find((u) => u.username === 'admin')!;
    expect(
      (await refusal(backend, 'users:save', { id: admin.id, username: 'admin', displayName: '管理员', role: 'keeper' }))
        .code,
    ).toBe('last-admin');
    expect(
      (
        await refusal(backend, 'users:save', {
          id: admin.id,
          username: 'admin',
          displayName: '管理员',
          role: 'admin',
          active: false,
        })
      ).code,
    ).toBe('last-admin');
    const keeper = users.find((u) => u.username === 'zhang')!;
    expect(
      (await refusal(backend, 'users:save', { id: keeper.id, username: 'zhang2', displayName: '张', role: 'keeper' }))
        .code,
    ).toBe('username-fixed');
    // Deactivated, the keeper can no longer sign in.
    await call(backend, 'users:save', {
      id: keeper.id,
      username: 'zhang',
      displayName: '张保管',
      role: 'keeper',
      active: false,
    });
    expect((await refusal(backend, 'auth:sign-in', { username: 'zhang', password: 'zhang-password' })).code).toBe(
      'sign-in-failed',
    );
  });
});

describe('sign-in throttling and idle lock', () => {
  test('five wrong passwords throttle the account — even the right one waits — then it signs in again', async () => {
    await asAdminWithStaff();
    await call(backend, 'auth:sign-out');
    for (let i = 0; i < 5; i++) {
      expect((await refusal(backend, 'auth:sign-in', { username: 'zhang', password: `guess-${i}` })).code).toBe(
        'sign-in-failed',
      );
    }
    const throttled = await refusal(backend, 'auth:sign-in', { username: 'zhang', password: 'zhang-password' });
    expect(throttled).toMatchObject({ code: 'sign-in-throttled', details: { retryAfterSeconds: 30 } });
    clock = new Date(clock.getTime() + 31_000);
    expect((await signIn('zhang')).user?.username).toBe('zhang');
    // The counter starts again after a success.
    await call(backend, 'auth:sign-out');
    expect((await refusal(backend, 'auth:sign-in', { username: 'zhang', password: 'nope-nope' })).code).toBe(
      'sign-in-failed',
    );
    expect((await signIn('zhang')).user?.username).toBe('zhang');
    // An unknown name gets the same answer as a wrong password.
    expect((await refusal(backend, 'auth:sign-in', { username: 'nobody', password: 'whatever1' })).code).toBe(
      'sign-in-failed',
    );
  });

  test('a settings change undone because its activity entry could not be written does not live on in memory', async () => {
    await asAdminWithStaff();
    await call(backend, 'settings:update', { idleLockMinutes: 30 });
    const raw = new Database(tmp.dbPath);
    raw.exec(`CREATE TRIGGER test_refuse_entry BEFORE INSERT ON activity_log WHEN NEW.action = 'settings:update'
              BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    raw.close();
    expect((await refusal(backend, 'settings:update', { idleLockMinutes: 1 })).code).toBe('internal');
    expect((await call(backend, 'settings:get')).idleLockMinutes).toBe(30);
    // The idle lock goes by the 30 minutes the file holds, not the 1 minute that was rolled back.
    await signIn('zhang');
    clock = new Date(clock.getTime() + 5 * 60_000);
    await call(backend, 'stock:inventory', {});
  });

  test("after the idle time the session locks; only its user's password unlocks it", async () => {
    await asAdminWithStaff();
    await call(backend, 'settings:update', { idleLockMinutes: 5 });
    await signIn('zhang');
    clock = new Date(clock.getTime() + 4 * 60_000);
    await call(backend, 'stock:inventory', {});
    clock = new Date(clock.getTime() + 6 * 60_000);
    expect((await refusal(backend, 'stock:inventory', {})).code).toBe('session-locked');
    expect(await call(backend, 'auth:status')).toMatchObject({ locked: true, user: { username: 'zhang' } });
    expect((await refusal(backend, 'auth:unlock', { password: 'li-password' })).code).toBe('sign-in-failed');
    await call(backend, 'auth:unlock', { password: 'zhang-password' });
    await call(backend, 'stock:inventory', {});
    // Switching user from the lock screen is a sign-in.
    await call(backend, 'auth:lock');
    expect((await signIn('li')).user).toMatchObject({ username: 'li', role: 'supervisor' });
  });
});

describe('the activity log', () => {
  test('is append-only, hash-chained, and a rewrite is detected', async () => {
    await asAdminWithStaff();
    await signIn('zhang');
    await refusal(backend, 'auth:sign-in', { username: 'li', password: 'bad guess 42' });
    await signIn('admin');
    const chain = await call(backend, 'activity:verify-chain');
    expect(chain.ok).toBe(true);
    expect(chain.entries).toBeGreaterThan(8);
    const rows = (await call(backend, 'activity:list', { limit: 1000 })).rows;
    expect(rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['auth:setup-admin', 'users:save', 'catalog:create-item']),
    );
    expect(rows.find((r) => r.action === 'auth:sign-in' && r.outcome === 'refused')?.actor).toBe('li');
    // No password ever reaches the log.
    const text = JSON.stringify(rows);
    for (const secret of [
      'correct horse 1',
      'li-password',
      'zhang-password',
      'wang-password',
      'bad guess 42',
      'scrypt$',
    ]) {
      expect(text).not.toContain(secret);
    }

    const other = new Database(tmp.dbPath);
    expect(() => other.prepare("UPDATE activity_log SET actor = 'nobody' WHERE seq = 2").run()).toThrow(/immutable/);
    expect(() => other.prepare('DELETE FROM activity_log WHERE seq = 2').run()).toThrow(/immutable/);
    other.exec('DROP TRIGGER activity_log_no_update');
    other.prepare("UPDATE activity_log SET actor = 'nobody' WHERE seq = 3").run();
    other.close();
    expect(await call(backend, 'activity:verify-chain')).toMatchObject({ ok: false, firstBadSeq: 3 });
  });
});
