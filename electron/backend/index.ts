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
import { createLabels } from './catalog/labels';
import { createMasterData } from './catalog/master-data';
import { createDocuments } from './documents/documents';
import { createDrafts } from './drafts/drafts';
import { createBackups, defaultBackupFolder, requireAbsolute, type Restorer } from './backup/backups';
import { inspectBackup, listBackups, swapInBackup, undoSwap } from './backup/files';
import { createPrintLog } from './print/print-log';
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
export function createContext(db: Db, options: BackendOptions): { ctx: BackendContext; settings: SettingsStore } {
  // The site code lives in the settings, which need the context to exist first.
  const store: { settings?: SettingsStore } = {};
  const ctx: BackendContext = {
    db,
    dbPath: options.dbPath,
    appVersion: options.appVersion ?? '0.0.0',
    now: options.now ?? (() => new Date()),
    operator: options.operator ?? osUserOnce(),
    siteCode: () => store.settings!.siteCode(),
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

/** Every channel's handler, wired to the services over one context. */
export function createHandlers(ctx: BackendContext, settings: SettingsStore, restorer: Restorer = noRestore): Handlers {
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
    ...createLabels(ctx, items).handlers,
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
    ...createBackups(ctx, settings, restorer).handlers,
    ...createPrintLog(ctx).handlers,
  };
}

/** Opens the database (checking, migrating) and returns the backend. Throws DatabaseOpenError. */
export function openBackend(options: BackendOptions): Backend {
  const now = options.now ?? (() => new Date());
  const build = (db: Db): Handlers => {
    try {
      const { ctx, settings } = createContext(db, options);
      return createHandlers(ctx, settings, restorer);
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
      return aside;
    },
  };
  const open = () => {
    const db = openDatabase(options.dbPath, { now });
    return { db, handlers: build(db) };
  };
  let live = open();
  let closed = false;
  return {
    invoke: ((channel: string, input: unknown) =>
      closed
        ? Promise.resolve({ ok: false, error: { code: 'database-unavailable', message: 'the backend is closed' } })
        : dispatch(live.handlers, channel, input)) as Backend['invoke'],
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
