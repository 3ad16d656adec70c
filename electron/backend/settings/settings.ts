import { randomBytes } from 'node:crypto';
import type { Language, Settings } from '../../../shared/contract';
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
      idleLockMinutes: read('idleLockMinutes', defaults.idleLockMinutes),
      singlePerson: read('singlePerson', defaults.singlePerson),
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
      if (value !== undefined) put.run(key, JSON.stringify(value));
    }
    return all();
  });

  return { all, siteCode: () => read('siteCode', ''), update: (patch) => update(patch) };
}

export function settingsHandlers(settings: SettingsStore): HandlersFor<'settings:get' | 'settings:update'> {
  return {
    'settings:get': () => settings.all(),
    'settings:update': (patch) => settings.update(patch),
  };
}
