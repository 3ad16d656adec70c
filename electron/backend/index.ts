/**
 * The whole backend behind one function: `openBackend({ dbPath })` gives `invoke(channel, input)`.
 * It imports nothing from Electron: the app's IPC and the UI tests' page binding call the same
 * `invoke`, so every test runs the real thing on a real SQLite file.
 */
import os from 'node:os';
import path from 'node:path';
import { contract, isChannel, type AppInfo, type Channel, type ChannelOutput, type Role } from '../../shared/contract';
import { isLoggedChannel, permissionFor, roleMay } from '../../shared/permissions';
import type { ErrorCode, Result } from '../../shared/errors';
import type { BackendContext, Handler, Handlers, PdfRenderer } from './context';
import { openDatabase, type Db } from './db/database';
import { latestSchemaVersion } from './db/migrations';
import { DatabaseOpenError, DomainError } from './errors';
import { createItems } from './catalog/items';
import { createLabels } from './catalog/labels';
import { createMasterData } from './catalog/master-data';
import { createDashboard } from './dashboard/dashboard';
import { createApprovals } from './approvals/approvals';
import { createDocuments } from './documents/documents';
import { createDrafts } from './drafts/drafts';
import { createIncidents } from './emergency/incidents';
import { createKits } from './emergency/kits';
import { createAccounts, newSession, type Session } from './accounts/accounts';
import { createActivityLog, type ActivityLog } from './accounts/activity';
import { createBackups, defaultBackupFolder, requireAbsolute, type Restorer } from './backup/backups';
import { inspectBackup, listBackups, swapInBackup, undoSwap } from './backup/files';
import { createPrintLog } from './print/print-log';
import { createExports } from './exports/jobs';
import { createSettings, settingsHandlers, type SettingsStore } from './settings/settings';
import { importItems } from './catalog/import';
import { createAllocation } from './stock/allocation';
import { createDispatches } from './stock/dispatches';
import { createLedgerMaintenance } from './stock/ledger-maintenance';
import { createStockMovements } from './stock/movements';
import { createPosting } from './stock/posting';
import { createStockQueries } from './stock/queries';
import { createScanResolver } from './scan/resolve';
import { createReceipts } from './stock/receipts';
import { createReversals } from './stock/reversals';
import { createStockRules } from './stock/rules';
import { createStocktake } from './stocktake/stocktake';

export { DatabaseOpenError, DomainError } from './errors';
export type { PdfRenderer } from './context';

export interface BackendOptions {
  dbPath: string;
  /** Shown in app info; Electron passes app.getVersion(). */
  appVersion?: string;
  /** Pins the clock (tests). */
  now?: () => Date;
  /** The name a tool acting with `role` posts under (default: the OS user). Signed-in users post under their username. */
  operator?: () => string;
  /**
   * Tools that drive the backend directly (the data generator, benchmarks, tests of other features) act
   * as a fixed identity: `operator()` with this role, permissions checked as for a user with it. The app
   * never sets it: its users sign in.
   */
  role?: Role;
  /** log2 of scrypt's N for password hashes; the OWASP cost (17) unless a test lowers it. */
  passwordCost?: number;
  /** Draws print views as PDF, for the audit package's summary; without it the package is refused. */
  renderPdf?: PdfRenderer;
}

export interface Backend {
  /** Parses `input` with the channel's schema and runs its handler. Never throws. */
  invoke<C extends Channel>(channel: C, input: unknown): Promise<Result<ChannelOutput<C>>>;
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
  close(): void;
}

const appName = 'Relief Reserve';

function osUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
}

/** The OS user, asked once: `os.userInfo()` reads the user database on every call, once per posting. */
function osUserOnce(): () => string {
  let user: string | undefined;
  return () => (user ??= osUser());
}

/** Runs a handler and turns every outcome into a Result; the one place errors become values. */
async function dispatch(handlers: Handlers, channel: string, input: unknown): Promise<Result<unknown>> {
  if (!isChannel(channel)) {
    return { ok: false, error: { code: 'unknown-channel', message: `no channel named ${String(channel)}` } };
  }
  const parsed = contract[channel].input.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'invalid-input',
        message: `invalid input for ${channel}`,
        details: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
      },
    };
  }
  try {
    const handler = handlers[channel] as Handler<typeof channel>;
    return { ok: true, value: await handler(parsed.data as never) };
  } catch (err) {
    if (err instanceof DomainError) return { ok: false, error: err.toAppError() };
    console.error(`[backend] ${channel} failed`, err);
    return { ok: false, error: { code: 'internal', message: `${channel} failed: ${(err as Error)?.message ?? err}` } };
  }
}

/**
 * The context every handler shares, over an open database. Exported for tools that drive the
 * services directly (the benchmark's data generator); the app goes through `openBackend`.
 */
export function createContext(
  db: Db,
  options: BackendOptions,
  session: Session = newSession(),
): { ctx: BackendContext; settings: SettingsStore } {
  // The site code lives in the settings, which need the context to exist first.
  const store: { settings?: SettingsStore } = {};
  const toolOperator = options.operator ?? osUserOnce();
  const ctx: BackendContext = {
    db,
    dbPath: options.dbPath,
    appVersion: options.appVersion ?? '0.0.0',
    now: options.now ?? (() => new Date()),
    // The signed-in user posts under their username; a tool (options.role) under its configured name.
    operator: () => (options.role ? toolOperator() : (session.user?.username ?? toolOperator())),
    role: () => options.role ?? session.user?.role ?? null,
    siteCode: () => store.settings!.siteCode(),
    ...(options.renderPdf ? { renderPdf: options.renderPdf } : {}),
  };
  const settings = createSettings(ctx);
  store.settings = settings;
  return { ctx, settings };
}

/** Restore is only possible through a backend that can reopen its database; tools that drive the services have none. */
const noRestore: Restorer = {
  restore() {
    throw new DomainError('restore-failed', 'this backend cannot replace its database', { reason: 'not-supported' });
  },
};

/** Every channel's handler, wired to the services over one context; with the activity log and accounts beside them. */
export function buildServices(
  ctx: BackendContext,
  settings: SettingsStore,
  restorer: Restorer = noRestore,
  session: Session = newSession(),
  options: Pick<BackendOptions, 'passwordCost'> = {},
): { handlers: Handlers; activity: ActivityLog; accounts: ReturnType<typeof createAccounts> } {
  const activity = createActivityLog(ctx);
  const accounts = createAccounts(ctx, settings, session, activity, { passwordCost: options.passwordCost });
  const handlers = createHandlers(ctx, settings, restorer, { ...activity.handlers, ...accounts.handlers });
  return { handlers, activity, accounts };
}

/** Every channel's handler, wired to the services over one context. */
export function createHandlers(
  ctx: BackendContext,
  settings: SettingsStore,
  restorer: Restorer = noRestore,
  accountHandlers?: Pick<Handlers, AccountChannel>,
): Handlers {
  const { db } = ctx;
  const items = createItems(ctx);
  const master = createMasterData(ctx);
  const rules = createStockRules(ctx, items);
  const posting = createPosting(ctx);
  const allocation = createAllocation(ctx);
  const receipts = createReceipts(ctx, master, rules, posting);
  const kits = createKits(ctx);
  const incidents = createIncidents(ctx);
  const dispatches = createDispatches(ctx, master, rules, allocation, posting, { kits, incidents });
  const movements = createStockMovements(ctx, master, rules, posting);
  const reversals = createReversals(ctx, rules, posting);
  const approvals = createApprovals(ctx, settings, {
    postWriteOff: movements.postWriteOff,
    reverse: reversals.reverse,
    postDispatch: dispatches.postDispatch,
  });
  const documents = createDocuments(ctx, approvals.stampOf);
  const scan = createScanResolver(ctx, {
    requireLocation: master.requireLocation,
    findDocument: (number) => documents.handlers['documents:find-by-number']({ number }),
  });
  const sqliteVersion = db.prepare('SELECT sqlite_version()').pluck().get() as string;
  return {
    'app:get-info': (): AppInfo => ({
      appName,
      appVersion: ctx.appVersion,
      schemaVersion: latestSchemaVersion,
      databaseSchemaVersion: db.pragma('user_version', { simple: true }) as number,
      dataPath: path.dirname(ctx.dbPath),
      dbPath: ctx.dbPath,
      sqliteVersion,
      database: { status: 'ok' },
    }),
    ...settingsHandlers(settings),
    ...items.handlers,
    ...master.handlers,
    ...createLabels(ctx, items).handlers,
    'catalog:import-items': (input) => importItems(ctx, items, input),
    'stock:post-receipt': (input) => receipts.postReceipt(input),
    'stock:post-transfer': (input) => movements.postTransfer(input),
    'stock:post-adjustment': (input) => movements.postAdjustment(input),
    // Write-offs, reversals and dispatches go through approvals: it records who approved them.
    ...approvals.handlers,
    'stock:file-paperwork': (input) => reversals.filePaperwork(input),
    'stock:allocate': (input) => allocation.allocate(input),
    ...createStockQueries(ctx, items).handlers,
    ...documents.handlers,
    ...createDashboard(ctx).handlers,
    ...scan.handlers,
    ...createLedgerMaintenance(ctx).handlers,
    ...createDrafts(ctx).handlers,
    ...createBackups(ctx, settings, restorer).handlers,
    ...createPrintLog(ctx).handlers,
    ...kits.handlers,
    ...incidents.handlers,
    ...createStocktake(ctx, master, rules, posting, settings).handlers,
    ...createExports(ctx, settings).handlers,
    ...(accountHandlers ?? buildAccountHandlers(ctx, settings)),
  };
}

type AccountChannel = Extract<Channel, `auth:${string}` | `users:${string}` | `activity:${string}`>;

/** For tools that build handlers without a session: accounts over a session of their own. */
function buildAccountHandlers(ctx: BackendContext, settings: SettingsStore): Pick<Handlers, AccountChannel> {
  const activity = createActivityLog(ctx);
  return { ...activity.handlers, ...createAccounts(ctx, settings, newSession(), activity).handlers };
}

/** The identity a tool acts as (options.role): a user that is never stored, never locked. */
function toolSession(options: BackendOptions): Session {
  const session = newSession();
  if (options.role) {
    const name = (options.operator ?? osUser)();
    session.user = {
      id: 'tool',
      username: name,
      displayName: name,
      role: options.role,
      active: true,
      createdAt: '',
      lastSignInAt: null,
    };
  }
  return session;
}

/** Logged calls that do not write the database they would hold a transaction on. */
const outsideTransaction: ReadonlySet<Channel> = new Set<Channel>(['backup:create', 'backup:restore']);

/** Calls made by timers, not by a person: they do not keep an idle session awake. */
const passiveChannels: ReadonlySet<string> = new Set(['backup:ensure-daily', 'backup:status', 'auth:status']);

interface Live {
  db: Db;
  handlers: Handlers;
  activity: ActivityLog;
  settings: SettingsStore;
  accounts: ReturnType<typeof createAccounts>;
}

/** What the activity log keeps as "the value before" a change, for the channels that change one record. */
async function valueBefore(live: Live, channel: Channel, input: unknown): Promise<unknown> {
  const id = input && typeof input === 'object' ? (input as { id?: unknown }).id : undefined;
  try {
    if (channel === 'settings:update') return live.settings.all();
    if (channel === 'users:save' || channel === 'users:reset-password') {
      return typeof id === 'string' ? live.accounts.snapshot(id) : null;
    }
    if (channel === 'catalog:update-item' && typeof id === 'string') {
      return await live.handlers['catalog:get-item']({ id });
    }
  } catch {
    // The value before is a courtesy of the log; a failure to read it must not stop the change.
  }
  return undefined;
}

/** The record a logged call concerned: a document number, an id, a file. */
function targetOf(value: unknown): string | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  for (const key of ['number', 'path', 'code', 'username', 'name', 'id']) {
    if (typeof v[key] === 'string') return v[key];
  }
  return null;
}

/** Opens the database (checking, migrating) and returns the backend. Throws DatabaseOpenError. */
export function openBackend(options: BackendOptions): Backend {
  const now = options.now ?? (() => new Date());
  // The session outlives a restore's reopening: it is this window's, not the file's.
  const session = toolSession(options);
  const build = (db: Db): Live => {
    try {
      const { ctx, settings } = createContext(db, options, session);
      const services = buildServices(ctx, settings, restorer, session, options);
      return { db, settings, ...services };
    } catch (err) {
      db.close();
      throw err;
    }
  };
  // A restore swaps the file under the backend: everything after it talks to the restored database.
  const restorer: Restorer = {
    restore(from, asideFolder) {
      live.db.pragma('wal_checkpoint(TRUNCATE)');
      live.db.close();
      let aside: string;
      try {
        aside = swapInBackup(options.dbPath, from, asideFolder, now());
      } catch (err) {
        live = open();
        throw err;
      }
      try {
        live = open();
      } catch (err) {
        undoSwap(options.dbPath, aside);
        live = open();
        throw new DomainError('restore-failed', `the restored database did not open: ${(err as Error).message}`, {
          reason: (err as Error).message,
        });
      }
      live.activity.append({
        actor: session.user?.username ?? null,
        action: 'backup:restore',
        outcome: 'ok',
        target: from,
        detail: { setAside: aside },
      });
      // The restored file has its own accounts: whoever restored signs in again against them.
      if (!options.role) Object.assign(session, newSession());
      return aside;
    },
  };
  const open = () => build(openDatabase(options.dbPath, { now }));
  let live = open();
  let closed = false;

  const refuse = (code: ErrorCode, message: string, details?: unknown): Result<never> => ({
    ok: false,
    error: details === undefined ? { code, message } : { code, message, details },
  });

  /**
   * The logged write in progress. A write and its activity entry are one transaction, which an
   * asynchronous handler (hashing a password, reading a workbook) holds open across its awaits: every
   * other call waits until it ends, so nothing else is committed — or rolled back — with it.
   */
  let writing: Promise<unknown> | null = null;

  /** Runs a logged call and appends its activity entry in one transaction: both are kept, or neither. */
  async function loggedWrite(channel: Channel, input: unknown, actor: string | null): Promise<Result<unknown>> {
    const entryOf = (before: unknown, result: Result<unknown>) => ({
      actor,
      action: channel,
      outcome: 'ok' as const,
      target: result.ok ? targetOf(result.value) : null,
      detail: before === undefined ? { input } : { input, before },
    });
    // A backup writes a file, and a restore replaces the database itself: neither can sit inside a
    // transaction of the file it copies or swaps, nor hold the others up while it copies (a second
    // backup meanwhile is refused as in progress). Their entries follow them.
    if (outsideTransaction.has(channel)) {
      const result = await dispatch(live.handlers, channel, input);
      while (writing) await writing;
      if (result.ok && channel !== 'backup:restore') live.activity.append(entryOf(undefined, result));
      return result;
    }
    while (writing) await writing;
    const run = (async (): Promise<Result<unknown>> => {
      const db = live.db;
      db.exec('BEGIN IMMEDIATE');
      try {
        const before = await valueBefore(live, channel, input);
        const result = await dispatch(live.handlers, channel, input);
        // A check-only import (committed: false) changed nothing: nothing to log.
        const changedNothing = result.ok && (result.value as { committed?: unknown } | null)?.committed === false;
        if (result.ok && !changedNothing) live.activity.append(entryOf(before, result));
        db.exec(result.ok ? 'COMMIT' : 'ROLLBACK');
        // A settings update whose entry could not be written is undone in the file: the cache follows.
        if (!result.ok) live.settings.reload();
        return result;
      } catch (err) {
        if (db.inTransaction) db.exec('ROLLBACK');
        live.settings.reload();
        console.error(`[backend] ${channel} failed`, err);
        return refuse('internal', `${channel} failed: ${(err as Error)?.message ?? err}`);
      }
    })();
    writing = run;
    try {
      return await run;
    } finally {
      if (writing === run) writing = null;
    }
  }

  /** Who may call what, checked on every call; writes and refusals go into the activity log. */
  async function guarded(channel: string, input: unknown): Promise<Result<unknown>> {
    // Nothing runs inside another call's open write transaction.
    while (writing) await writing;
    if (!isChannel(channel)) return dispatch(live.handlers, channel, input);
    const permission = permissionFor(channel, input);
    const user = session.user;
    if (permission !== 'public') {
      if (!user) return refuse('not-signed-in', `${channel} needs a signed-in user`);
      const idleMs = live.settings.idleLockMinutes() * 60_000;
      if (!options.role && !session.locked && now().getTime() - session.lastActivity > idleMs) {
        session.locked = true;
        live.activity.append({ actor: user.username, action: 'auth:lock', outcome: 'ok', detail: { reason: 'idle' } });
      }
      if (session.locked) return refuse('session-locked', 'the session is locked');
      if (!roleMay(user.role, permission)) {
        live.activity.append({
          actor: user.username,
          action: channel,
          outcome: 'refused',
          detail: { permission, role: user.role },
        });
        return refuse('not-permitted', `${user.role} may not ${channel}`, { permission, role: user.role });
      }
      if (!passiveChannels.has(channel)) session.lastActivity = now().getTime();
    }
    const logged = isLoggedChannel(channel);
    const result = logged
      ? await loggedWrite(channel, input, session.user?.username ?? user?.username ?? null)
      : await dispatch(live.handlers, channel, input);
    if (result.ok && channel === 'backup:ensure-daily') {
      const created = (result.value as ChannelOutput<'backup:ensure-daily'>).created;
      if (created) {
        live.activity.append({
          actor: user?.username ?? null,
          action: 'backup:daily',
          outcome: 'ok',
          target: created.path,
        });
      }
    }
    return result;
  }

  return {
    invoke: ((channel: string, input: unknown) =>
      closed
        ? Promise.resolve({ ok: false, error: { code: 'database-unavailable', message: 'the backend is closed' } })
        : guarded(channel, input)) as Backend['invoke'],
    close() {
      if (closed) return;
      closed = true;
      live.db.close();
    },
  };
}

/**
 * The backend the app runs when the database cannot be opened: app info reports why (so the window
 * can tell the keeper in their language), every other channel answers `database-unavailable`.
 */
export function unavailableBackend(options: BackendOptions, cause: DatabaseOpenError): Backend {
  const info: AppInfo = {
    appName,
    appVersion: options.appVersion ?? '0.0.0',
    schemaVersion: latestSchemaVersion,
    databaseSchemaVersion: null,
    dataPath: path.dirname(options.dbPath),
    dbPath: options.dbPath,
    sqliteVersion: null,
    database: { status: 'error', code: cause.code, message: cause.message },
  };
  // Once a backup has been restored in its place, the real backend answers everything.
  let recovered: Backend | null = null;
  const folder = defaultBackupFolder(options.dbPath);
  const recovery = {
    'backup:status': () => {
      const backups = listBackups(folder);
      return {
        folder,
        defaultFolder: folder,
        backups: backups.slice(0, 200),
        lastBackupAt: backups[0]?.takenAt ?? null,
        dailyDue: false,
      };
    },
    'backup:inspect': (parsed: { path: string }) => inspectBackup(requireAbsolute(parsed.path)),
    'backup:restore': (parsed: { path: string }) => {
      const from = requireAbsolute(parsed.path);
      const facts = inspectBackup(from);
      const setAside = swapInBackup(options.dbPath, from, folder, (options.now ?? (() => new Date()))());
      try {
        recovered = openBackend(options);
      } catch (err) {
        undoSwap(options.dbPath, setAside);
        throw new DomainError('restore-failed', `the restored database did not open: ${(err as Error).message}`, {
          reason: (err as Error).message,
        });
      }
      return { restoredFrom: from, setAside, facts };
    },
  } as const;
  return {
    invoke: (async (channel: string, input: unknown): Promise<Result<unknown>> => {
      if (recovered) return recovered.invoke(channel, input);
      if (channel === 'app:get-info') {
        const parsed = contract['app:get-info'].input.safeParse(input);
        if (parsed.success) return { ok: true, value: info };
      }
      // Only a damaged file is worth replacing by a backup: a newer version's file needs the newer app, and a
      // file that cannot be opened (permissions, full disk) needs the cause fixed, not older data.
      const recoverable = cause.code === 'db-corrupt';
      if (
        recoverable &&
        (channel === 'backup:status' || channel === 'backup:inspect' || channel === 'backup:restore')
      ) {
        // The damaged database is not opened: only the backup folder beside it is read.
        return dispatch({ ...recovery } as unknown as Handlers, channel, input);
      }
      if (!isChannel(channel)) {
        return { ok: false, error: { code: 'unknown-channel', message: `no channel named ${String(channel)}` } };
      }
      return {
        ok: false,
        error: { code: 'database-unavailable', message: cause.message, details: { cause: cause.code } },
      };
    }) as Backend['invoke'],
    close() {
      recovered?.close();
    },
  };
}

/** Opens the backend, or — when the database is refused — the unavailable backend that explains why. */
export function openBackendOrExplain(options: BackendOptions): Backend {
  try {
    return openBackend(options);
  } catch (err) {
    if (err instanceof DatabaseOpenError) return unavailableBackend(options, err);
    return unavailableBackend(options, new DatabaseOpenError('db-open-failed', (err as Error).message));
  }
}
