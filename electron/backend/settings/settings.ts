import { randomBytes } from 'node:crypto';
import { defaultScannerSettings, type Language, type PrintDefaults, type Settings } from '../../../shared/contract';
import { defaultPrintSettings, type PrintSettings } from '../../../shared/print/depotPrintSettings';
import type { BackendContext, HandlersFor } from '../context';
import { DomainError } from '../errors';

const defaults = {
  depotName: '',
  language: 'zh-CN' as Language,
  backupFolder: '',
  backupKeepDaily: 14,
  backupKeepMonthly: 12,
  idleLockMinutes: 10,
  singlePerson: false,
};

/** A fresh site code until the admin sets the official one: random, so two new depots never collide. */
function newSiteCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(6);
  return 'D-' + Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

/** The depot settings store: a local key/value table holding JSON values. */
export interface SettingsStore {
  all(): Settings;
  siteCode(): string;
  /** Minutes before an idle session locks; asked on every call, so kept like the site code. */
  idleLockMinutes(): number;
  /** Reads the cached values again: after a rolled-back write, what the database holds is the truth. */
  reload(): void;
  /** Applies a patch in one transaction; refuses to change a site code that owns records. */
  update(patch: Partial<Settings>): Settings;
}

export function createSettings(ctx: BackendContext): SettingsStore {
  const { db } = ctx;
  const getOne = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const put = db.prepare<[string, string]>(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  // Any fact row stamped with the current site code locks it: changing it would orphan those rows.
  const ownsRecords = db
    .prepare(
      `SELECT EXISTS (SELECT 1 FROM items) OR EXISTS (SELECT 1 FROM documents) OR EXISTS (SELECT 1 FROM sources)
         OR EXISTS (SELECT 1 FROM parties) OR EXISTS (SELECT 1 FROM locations) OR EXISTS (SELECT 1 FROM categories)`,
    )
    .pluck();

  function read<T>(key: string, fallback: T): T {
    const row = getOne.get(key);
    return row ? (JSON.parse(row.value) as T) : fallback;
  }

  if (!getOne.get('siteCode')) put.run('siteCode', JSON.stringify(newSiteCode()));

  function all(): Settings {
    return {
      depotName: read('depotName', defaults.depotName),
      siteCode: read('siteCode', ''),
      language: read('language', defaults.language),
      backupFolder: read('backupFolder', defaults.backupFolder),
      backupKeepDaily: read('backupKeepDaily', defaults.backupKeepDaily),
      backupKeepMonthly: read('backupKeepMonthly', defaults.backupKeepMonthly),
      printDefaults: read<PrintDefaults>('printDefaults', {}),
      // Stored whole; merged over the defaults so a later added print setting reads its default.
      printing: { ...defaultPrintSettings, ...read<Partial<PrintSettings>>('printing', {}) },
      scanner: { ...defaultScannerSettings, ...read('scanner', defaultScannerSettings) },
      idleLockMinutes: read('idleLockMinutes', defaults.idleLockMinutes),
      singlePerson: read('singlePerson', defaults.singlePerson),
      approvalQuantityLimit: read<number | null>('approvalQuantityLimit', null),
      approvalValueLimitFen: read<number | null>('approvalValueLimitFen', null),
    };
  }

  const update = db.transaction((patch: Partial<Settings>): Settings => {
    const current = all();
    if (patch.siteCode !== undefined && patch.siteCode !== current.siteCode && ownsRecords.get()) {
      throw new DomainError(
        'site-code-locked',
        `the site code ${current.siteCode} already owns records and cannot change`,
        { siteCode: current.siteCode },
      );
    }
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      // Print defaults are saved kind by kind: saving the dispatch slip's keeps the receipt slip's.
      const merged = key === 'printDefaults' ? { ...current.printDefaults, ...(value as PrintDefaults) } : value;
      put.run(key, JSON.stringify(merged));
    }
    return all();
  });

  // Every posting stamps the site code on several rows; it changes only through `update` (and only
  // before the depot owns records), so it is read once and refreshed after each committed update.
  // The idle lock is checked on every call from the window: kept the same way.
  let siteCode = read('siteCode', '');
  let idleLockMinutes = read('idleLockMinutes', defaults.idleLockMinutes);
  return {
    all,
    siteCode: () => siteCode,
    idleLockMinutes: () => idleLockMinutes,
    reload: () => {
      siteCode = read('siteCode', '');
      idleLockMinutes = read('idleLockMinutes', defaults.idleLockMinutes);
    },
    update: (patch) => {
      const settings = update(patch);
      siteCode = settings.siteCode;
      idleLockMinutes = settings.idleLockMinutes;
      return settings;
    },
  };
}

export function settingsHandlers(settings: SettingsStore): HandlersFor<'settings:get' | 'settings:update'> {
  return {
    'settings:get': () => settings.all(),
    'settings:update': (patch) => settings.update(patch),
  };
}
