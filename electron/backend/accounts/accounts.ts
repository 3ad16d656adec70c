/**
 * Accounts and the session of this window. The first start creates the admin (no default password
 * anywhere); sign-in checks the scrypt hash, throttles repeated failures per account, and logs both
 * outcomes; an idle session locks and only its user's password unlocks it; switching user is a new
 * sign-in. The backend holds the session: permissions are checked against it on every call.
 */
import type { AuthStatus, Role, User } from '../../../shared/contract';
import type { BackendContext, HandlersFor } from '../context';
import { DomainError } from '../errors';
import { uuidv7 } from '../ids';
import type { SettingsStore } from '../settings/settings';
import type { ActivityLog } from './activity';
import { hashPassword, verifyPassword } from './passwords';

/** Who is signed in to this backend, and since when nothing happened. */
export interface Session {
  user: User | null;
  locked: boolean;
  lastActivity: number;
}

export function newSession(): Session {
  return { user: null, locked: false, lastActivity: 0 };
}

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  active: number;
  created_at: string;
  last_sign_in_at: string | null;
  failed_attempts: number;
  throttled_until: string | null;
}

const toUser = (r: UserRow): User => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  active: r.active === 1,
  createdAt: r.created_at,
  lastSignInAt: r.last_sign_in_at,
});

/** Failures allowed before an account is throttled; each further failure doubles the wait, up to 15 minutes. */
export const freeAttempts = 5;
const firstWaitSeconds = 30;
const longestWaitSeconds = 15 * 60;

export function throttleSeconds(failedAttempts: number): number {
  if (failedAttempts < freeAttempts) return 0;
  return Math.min(longestWaitSeconds, firstWaitSeconds * 2 ** (failedAttempts - freeAttempts));
}

export interface AccountsOptions {
  /** log2 of scrypt's N; the OWASP cost unless a test lowers it. */
  passwordCost?: number;
}

export function createAccounts(
  ctx: BackendContext,
  settings: SettingsStore,
  session: Session,
  activity: ActivityLog,
  options: AccountsOptions = {},
) {
  const { db } = ctx;
  const hash = (password: string) => hashPassword(password, options.passwordCost);
  // By name alone: accounts are this PC's, and the admin is created before the site code is set.
  const byName = db.prepare<[string], UserRow>('SELECT * FROM users WHERE username = ?');
  const byId = db.prepare<[string], UserRow>('SELECT * FROM users WHERE id = ?');
  const count = db.prepare('SELECT count(*) FROM users').pluck();
  const otherActiveAdmins = db
    .prepare<[string]>("SELECT count(*) FROM users WHERE role = 'admin' AND active = 1 AND id <> ?")
    .pluck();
  // A hash to check unknown names against, so a wrong name costs as long as a wrong password.
  let decoy: Promise<string> | null = null;

  function status(): AuthStatus {
    return {
      hasUsers: (count.get() as number) > 0,
      user: session.user,
      locked: session.locked,
      idleLockMinutes: settings.idleLockMinutes(),
    };
  }

  function startSession(row: UserRow) {
    const at = ctx.now().toISOString();
    db.prepare('UPDATE users SET failed_attempts = 0, throttled_until = NULL, last_sign_in_at = ? WHERE id = ?').run(
      at,
      row.id,
    );
    session.user = toUser({ ...row, last_sign_in_at: at });
    session.locked = false;
    session.lastActivity = ctx.now().getTime();
  }

  /** Checks a password for an account, counting failures; throws sign-in-failed / sign-in-throttled. */
  async function check(username: string, password: string, action: string): Promise<UserRow> {
    const name = username.trim().toLowerCase();
    const row = byName.get(name);
    const now = ctx.now();
    if (row?.throttled_until && row.throttled_until > now.toISOString()) {
      const retryAfterSeconds = Math.ceil((Date.parse(row.throttled_until) - now.getTime()) / 1000);
      activity.append({ actor: name, action, outcome: 'refused', detail: { reason: 'throttled', retryAfterSeconds } });
      throw new DomainError('sign-in-throttled', `too many failed sign-ins for ${name}`, { retryAfterSeconds });
    }
    const ok = row
      ? await verifyPassword(password, row.password_hash)
      : await verifyPassword(password, await (decoy ??= hash('decoy-password')));
    if (!ok || !row || row.active !== 1) {
      if (row) {
        const failed = row.failed_attempts + 1;
        const wait = throttleSeconds(failed);
        db.prepare('UPDATE users SET failed_attempts = ?, throttled_until = ? WHERE id = ?').run(
          failed,
          wait ? new Date(now.getTime() + wait * 1000).toISOString() : null,
          row.id,
        );
      }
      activity.append({
        actor: name,
        action,
        outcome: 'refused',
        detail: { reason: row ? 'wrong-password-or-inactive' : 'unknown-user' },
      });
      // The same answer whether the name or the password was wrong: nothing to learn from it.
      throw new DomainError('sign-in-failed', `sign-in failed for ${name}`);
    }
    return row;
  }

  const handlers: HandlersFor<
    | 'auth:status'
    | 'auth:setup-admin'
    | 'auth:sign-in'
    | 'auth:sign-out'
    | 'auth:lock'
    | 'auth:unlock'
    | 'auth:change-password'
    | 'users:list'
    | 'users:save'
    | 'users:reset-password'
  > = {
    'auth:status': () => status(),
    'auth:setup-admin': async (input) => {
      if ((count.get() as number) > 0) throw new DomainError('already-set-up', 'the admin account already exists');
      const passwordHash = await hash(input.password);
      // Checked again after the await: two first-start windows must not both create an admin.
      if ((count.get() as number) > 0) throw new DomainError('already-set-up', 'the admin account already exists');
      const at = ctx.now().toISOString();
      const id = uuidv7(ctx.now().getTime());
      db.prepare(
        `INSERT INTO users (id, site_code, username, display_name, role, password_hash, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'admin', ?, ?, ?)`,
      ).run(id, ctx.siteCode(), input.username, input.displayName, passwordHash, at, at);
      startSession(byId.get(id)!);
      activity.append({ actor: input.username, action: 'auth:setup-admin', outcome: 'ok', target: input.username });
      return status();
    },
    'auth:sign-in': async (input) => {
      const row = await check(input.username, input.password, 'auth:sign-in');
      const previous = session.user?.username ?? null;
      startSession(row);
      activity.append({
        actor: row.username,
        action: 'auth:sign-in',
        outcome: 'ok',
        detail: previous && previous !== row.username ? { switchedFrom: previous } : null,
      });
      return status();
    },
    'auth:sign-out': () => {
      if (session.user) activity.append({ actor: session.user.username, action: 'auth:sign-out', outcome: 'ok' });
      session.user = null;
      session.locked = false;
      return status();
    },
    'auth:lock': () => {
      if (session.user && !session.locked) {
        session.locked = true;
        activity.append({ actor: session.user.username, action: 'auth:lock', outcome: 'ok' });
      }
      return status();
    },
    'auth:unlock': async (input) => {
      if (!session.user) throw new DomainError('not-signed-in', 'nobody is signed in');
      const row = await check(session.user.username, input.password, 'auth:unlock');
      startSession(row);
      activity.append({ actor: row.username, action: 'auth:unlock', outcome: 'ok' });
      return status();
    },
    'auth:change-password': async (input) => {
      if (!session.user) throw new DomainError('not-signed-in', 'nobody is signed in');
      const row = byId.get(session.user.id)!;
      if (!(await verifyPassword(input.currentPassword, row.password_hash))) {
        activity.append({ actor: row.username, action: 'auth:change-password', outcome: 'refused' });
        throw new DomainError('wrong-password', 'the current password is wrong');
      }
      db.prepare('UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?').run(
        await hash(input.newPassword),
        ctx.now().toISOString(),
        row.id,
      );
      activity.append({ actor: row.username, action: 'auth:change-password', outcome: 'ok', target: row.username });
      return status();
    },
    'users:list': () =>
      db.prepare<[], UserRow>('SELECT * FROM users ORDER BY active DESC, role, username').all().map(toUser),
    'users:save': async (input) => {
      const at = ctx.now().toISOString();
      if (!input.id) {
        if (!input.password) throw new DomainError('password-required', 'a new account needs a password');
        if (byName.get(input.username)) {
          throw new DomainError('duplicate-code', `the username ${input.username} is taken`, { code: input.username });
        }
        const id = uuidv7(ctx.now().getTime());
        const passwordHash = await hash(input.password);
        db.prepare(
          `INSERT INTO users (id, site_code, username, display_name, role, password_hash, active, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          id,
          ctx.siteCode(),
          input.username,
          input.displayName,
          input.role,
          passwordHash,
          input.active ? 1 : 0,
          at,
          at,
        );
        return toUser(byId.get(id)!);
      }
      const row = byId.get(input.id);
      if (!row) throw new DomainError('not-found', `no user ${input.id}`, { entity: 'user', id: input.id });
      if (input.username !== row.username) {
        throw new DomainError('username-fixed', 'a username never changes: the ledger names it', {
          username: row.username,
        });
      }
      const losesAdmin = row.role === 'admin' && row.active === 1 && (input.role !== 'admin' || !input.active);
      if (losesAdmin && (otherActiveAdmins.get(row.id) as number) === 0) {
        throw new DomainError('last-admin', 'the depot must keep one active admin');
      }
      db.prepare('UPDATE users SET display_name = ?, role = ?, active = ?, updated_at = ? WHERE id = ?').run(
        input.displayName,
        input.role,
        input.active ? 1 : 0,
        at,
        row.id,
      );
      // A user deactivated or demoted while signed in here loses the session's old powers at once.
      if (session.user?.id === row.id) {
        session.user = input.active ? toUser(byId.get(row.id)!) : null;
      }
      return toUser(byId.get(row.id)!);
    },
    'users:reset-password': async (input) => {
      const row = byId.get(input.id);
      if (!row) throw new DomainError('not-found', `no user ${input.id}`, { entity: 'user', id: input.id });
      db.prepare(
        'UPDATE users SET password_hash = ?, failed_attempts = 0, throttled_until = NULL, updated_at = ? WHERE id = ?',
      ).run(await hash(input.password), ctx.now().toISOString(), row.id);
      return toUser(byId.get(row.id)!);
    },
  };

  /** The user row before a change, for the activity log's "old value". */
  const snapshot = (id: string | undefined) => {
    const row = id ? byId.get(id) : undefined;
    return row ? toUser(row) : null;
  };

  return { handlers, status, snapshot };
}
