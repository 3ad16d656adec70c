/**
 * The whole backend behind one function: `openBackend({ dbPath })` gives `invoke(channel, input)`.
 * It imports nothing from Electron: the app's IPC and the UI tests' page binding call the same
 * `invoke`, so every test runs the real thing on a real SQLite file.
 */
import os from 'node:os';
import path from 'node:path';
import { contract, isChannel, type AppInfo, type Channel, type ChannelOutput } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import type { BackendContext, Handler, Handlers } from './context';
import { openDatabase, type Db } from './db/database';
import { latestSchemaVersion } from './db/migrations';
import { DatabaseOpenError, DomainError } from './errors';
import { createItems } from './catalog/items';
import { createMasterData } from './catalog/master-data';
import { createDocuments } from './documents/documents';
import { createDrafts } from './drafts/drafts';
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

export { DatabaseOpenError, DomainError } from './errors';

export interface BackendOptions {
  dbPath: string;
  /** Shown in app info; Electron passes app.getVersion(). */
  appVersion?: string;
  /** Pins the clock (tests). */
  now?: () => Date;
  /** Who is operating; defaults to the OS user until accounts exist. */
  operator?: () => string;
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
export function createContext(db: Db, options: BackendOptions): { ctx: BackendContext; settings: SettingsStore } {
  // The site code lives in the settings, which need the context to exist first.
  const store: { settings?: SettingsStore } = {};
  const ctx: BackendContext = {
    db,
    dbPath: options.dbPath,
    appVersion: options.appVersion ?? '0.0.0',
    now: options.now ?? (() => new Date()),
    operator: options.operator ?? osUser,
    siteCode: () => store.settings!.siteCode(),
  };
  const settings = createSettings(ctx);
  store.settings = settings;
  return { ctx, settings };
}

/** Every channel's handler, wired to the services over one context. */
export function createHandlers(ctx: BackendContext, settings: SettingsStore): Handlers {
  const { db } = ctx;
  const items = createItems(ctx);
  const master = createMasterData(ctx);
  const rules = createStockRules(ctx, items);
  const posting = createPosting(ctx);
  const allocation = createAllocation(ctx);
  const receipts = createReceipts(ctx, master, rules, posting);
  const dispatches = createDispatches(ctx, master, rules, allocation, posting);
  const movements = createStockMovements(ctx, master, rules, posting);
  const reversals = createReversals(ctx, rules, posting);
  const documents = createDocuments(ctx);
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
    'catalog:import-items': (input) => importItems(ctx, items, input),
    'stock:post-receipt': (input) => receipts.postReceipt(input),
    'stock:post-dispatch': (input) => dispatches.postDispatch(input),
    'stock:post-transfer': (input) => movements.postTransfer(input),
    'stock:post-adjustment': (input) => movements.postAdjustment(input),
    'stock:post-write-off': (input) => movements.postWriteOff(input),
    'stock:reverse': (input) => reversals.reverse(input),
    'stock:file-paperwork': (input) => reversals.filePaperwork(input),
    'stock:allocate': (input) => allocation.allocate(input),
    ...createStockQueries(ctx, items).handlers,
    ...documents.handlers,
    ...scan.handlers,
    ...createLedgerMaintenance(ctx).handlers,
    ...createDrafts(ctx).handlers,
  };
}

/** Opens the database (checking, migrating) and returns the backend. Throws DatabaseOpenError. */
export function openBackend(options: BackendOptions): Backend {
  const db = openDatabase(options.dbPath);
  try {
    const { ctx, settings } = createContext(db, options);
    const handlers = createHandlers(ctx, settings);
    let closed = false;
    return {
      invoke: ((channel: string, input: unknown) =>
        closed
          ? Promise.resolve({ ok: false, error: { code: 'database-unavailable', message: 'the backend is closed' } })
          : dispatch(handlers, channel, input)) as Backend['invoke'],
      close() {
        if (closed) return;
        closed = true;
        db.close();
      },
    };
  } catch (err) {
    db.close();
    throw err;
  }
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
  return {
    invoke: (async (channel: string, input: unknown): Promise<Result<unknown>> => {
      if (channel === 'app:get-info') {
        const parsed = contract['app:get-info'].input.safeParse(input);
        if (parsed.success) return { ok: true, value: info };
      }
      if (!isChannel(channel)) {
        return { ok: false, error: { code: 'unknown-channel', message: `no channel named ${String(channel)}` } };
      }
      return {
        ok: false,
        error: { code: 'database-unavailable', message: cause.message, details: { cause: cause.code } },
      };
    }) as Backend['invoke'],
    close() {},
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
