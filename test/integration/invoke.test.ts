import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { channels } from '../../shared/contract';
import type { ErrorCode, Result } from '../../shared/errors';
import { DatabaseOpenError, openBackend, openBackendOrExplain, type Backend } from '../../electron/backend/index';
import { uuidv7Pattern } from '../../electron/backend/ids';
import { latestSchemaVersion } from '../../electron/backend/db/migrations';
import { makeTempDir } from '../fixtures/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
let backend: Backend;
beforeEach(() => {
  tmp = makeTempDir();
  backend = openBackend({ role: 'admin', dbPath: tmp.dbPath, appVersion: '1.2.3' });
});
afterEach(() => {
  backend.close();
  tmp.cleanup();
});

function expectError(result: Result<unknown>, code: ErrorCode) {
  expect(result.ok, JSON.stringify(result)).toBe(false);
  if (result.ok) throw new Error('unreachable');
  expect(result.error.code).toBe(code);
  expect(result.error.message.length).toBeGreaterThan(0);
  return result.error;
}

function expectValue<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected a value, got ${JSON.stringify(result.error)}`);
  return result.value;
}

const tent = { code: 'ZP-001', name: '单帐篷', spec: '12 m²', baseUnit: '顶', personsPerUnit: 5 };

describe('invoke: one door, every outcome a value', () => {
  test('app info tells the schema version, where the data lives and that the database is fine', async () => {
    const info = expectValue(await backend.invoke('app:get-info', undefined)) as Record<string, unknown>;
    expect(info).toMatchObject({
      appVersion: '1.2.3',
      dbPath: tmp.dbPath,
      dataPath: tmp.dir,
      schemaVersion: latestSchemaVersion,
      databaseSchemaVersion: latestSchemaVersion,
      database: { status: 'ok' },
    });
  });

  test('an unknown channel, including prototype names, is unknown-channel', async () => {
    for (const name of ['stock:delete-everything', '__proto__', 'constructor', 'toString', '', 42, null]) {
      expectError(await backend.invoke(name as string, {}), 'unknown-channel');
    }
  });

  test('input that fails the schema is invalid-input with the offending fields, and nothing is written', async () => {
    const error = expectError(
      await backend.invoke('catalog:create-item', { code: '', name: 7, baseUnit: '顶', packSize: 1.5 }),
      'invalid-input',
    );
    const paths = (error.details as { path: string[] }[]).map((d) => d.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['code', 'name', 'packSize']));
    expect(expectValue(await backend.invoke('catalog:list-items', {}))).toMatchObject({ total: 0 });
    expectError(await backend.invoke('catalog:create-item', { ...tent, sneaky: 'extra field' }), 'invalid-input');
    expectError(await backend.invoke('app:get-info', { unexpected: true }), 'invalid-input');
  });

  test('an item needs its shelf life when it has one', async () => {
    const error = expectError(
      await backend.invoke('catalog:create-item', { ...tent, code: 'SW-1', hasShelfLife: true }),
      'invalid-input',
    );
    expect(JSON.stringify(error.details)).toContain('shelfLifeDays');
  });

  test('a duplicate item code is refused and the first item stays as it was', async () => {
    const first = expectValue(await backend.invoke('catalog:create-item', tent)) as { id: string };
    expect(first.id).toMatch(uuidv7Pattern);
    const error = expectError(
      await backend.invoke('catalog:create-item', { ...tent, name: '另一个' }),
      'duplicate-code',
    );
    expect(error.details).toEqual({ code: 'ZP-001' });
    const list = expectValue(await backend.invoke('catalog:list-items', {})) as { rows: { name: string }[] };
    expect(list.rows.map((r) => r.name)).toEqual(['单帐篷']);
  });

  test('an unexpected failure inside a handler is internal, not a crash', async () => {
    // Break the schema behind the backend's back, as a damaged or foreign tool might.
    const other = new Database(tmp.dbPath);
    other.exec('DROP TABLE items; CREATE TABLE items (id TEXT PRIMARY KEY)');
    other.close();
    const error = expectError(await backend.invoke('catalog:list-items', {}), 'internal');
    expect(error.message).toContain('catalog:list-items');
  });

  test('the site code can be set until the depot owns records, then it is locked', async () => {
    const settings = expectValue(
      await backend.invoke('settings:update', { siteCode: 'SZ-CITY-01', depotName: '市救灾物资储备中心' }),
    );
    expect(settings).toMatchObject({ siteCode: 'SZ-CITY-01', depotName: '市救灾物资储备中心', language: 'zh-CN' });
    expectError(await backend.invoke('settings:update', { siteCode: 'bad code!' }), 'invalid-input');
    expectValue(await backend.invoke('catalog:create-item', tent));
    const error = expectError(await backend.invoke('settings:update', { siteCode: 'OTHER' }), 'site-code-locked');
    expect(error.details).toEqual({ siteCode: 'SZ-CITY-01' });
    expect(expectValue(await backend.invoke('settings:get', undefined))).toMatchObject({ siteCode: 'SZ-CITY-01' });
  });

  test('a new depot gets its own random site code, never a shared default', async () => {
    const other = makeTempDir();
    const second = openBackend({ role: 'admin', dbPath: other.dbPath });
    const a = expectValue(await backend.invoke('settings:get', undefined)) as { siteCode: string };
    const b = expectValue(await second.invoke('settings:get', undefined)) as { siteCode: string };
    second.close();
    other.cleanup();
    expect(a.siteCode).toMatch(/^D-[A-Z0-9]{6}$/);
    expect(a.siteCode).not.toBe(b.siteCode);
  });

  test('settings and items survive closing and reopening the database', async () => {
    await backend.invoke('settings:update', { depotName: '市储备库', language: 'en-US' });
    await backend.invoke('catalog:create-item', tent);
    backend.close();
    backend = openBackend({ role: 'admin', dbPath: tmp.dbPath });
    expect(expectValue(await backend.invoke('settings:get', undefined))).toMatchObject({
      depotName: '市储备库',
      language: 'en-US',
    });
    expect(expectValue(await backend.invoke('catalog:list-items', {}))).toMatchObject({ total: 1 });
  });

  test('item search matches code, name or spec and treats % and _ literally', async () => {
    for (const item of [
      tent,
      { code: 'MB-002', name: '棉被', spec: '2 kg', baseUnit: '床' },
      { code: 'KS-550', name: '矿泉水', spec: '550ml×24', baseUnit: '瓶', packSize: 24 },
      { code: 'PCT-1', name: '消毒液', spec: '75%', baseUnit: '瓶' },
    ]) {
      expectValue(await backend.invoke('catalog:create-item', item));
    }
    const names = async (search: string) =>
      (expectValue(await backend.invoke('catalog:list-items', { search })) as { rows: { name: string }[] }).rows.map(
        (r) => r.name,
      );
    expect(await names('棉')).toEqual(['棉被']);
    expect(await names('ks-')).toEqual(['矿泉水']);
    expect(await names('550ml')).toEqual(['矿泉水']);
    expect(await names('%')).toEqual(['消毒液']);
    expect(await names('_')).toEqual([]);
    const page = expectValue(await backend.invoke('catalog:list-items', { limit: 2, offset: 1 })) as {
      rows: { code: string }[];
      total: number;
    };
    expect(page.total).toBe(4);
    expect(page.rows.map((r) => r.code)).toEqual(['MB-002', 'PCT-1']);
  });

  test('a closed backend answers database-unavailable instead of throwing', async () => {
    backend.close();
    expectError(await backend.invoke('catalog:list-items', {}), 'database-unavailable');
  });
});

describe('when the database cannot be opened', () => {
  test('app info explains why; every other channel is database-unavailable; unknown stays unknown', async () => {
    const other = makeTempDir();
    const db = new Database(other.dbPath);
    db.pragma('user_version = 999');
    db.close();
    const explained = openBackendOrExplain({ role: 'admin', dbPath: other.dbPath });
    const info = expectValue(await explained.invoke('app:get-info', undefined));
    expect(info).toMatchObject({ database: { status: 'error', code: 'db-newer-version' }, dbPath: other.dbPath });
    for (const channel of channels.filter((c) => c !== 'app:get-info')) {
      const error = expectError(await explained.invoke(channel, {}), 'database-unavailable');
      expect(error.details).toEqual({ cause: 'db-newer-version' });
    }
    expectError(await explained.invoke('nope', {}), 'unknown-channel');
    explained.close();
    other.cleanup();
  });

  test('openBackend itself throws DatabaseOpenError for the app shell to catch', () => {
    const other = makeTempDir();
    const db = new Database(other.dbPath);
    db.pragma('user_version = 999');
    db.close();
    expect(() => openBackend({ role: 'admin', dbPath: other.dbPath })).toThrow(DatabaseOpenError);
    other.cleanup();
  });
});
