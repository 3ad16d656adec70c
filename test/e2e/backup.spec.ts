/**
 * Backups as the keeper and the admin meet them: today's backup shown in the status bar, a backup on
 * demand, a restore that says what it will do and keeps the replaced data, and a damaged database
 * recovered from the start-up screen.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { backupClosedDatabase, listBackups } from '../../electron/backend/backup/files';
import { migrate } from '../../electron/backend/db/database';
import type { Backend } from '../../electron/backend/index';
import { call, seedDepot, type Depot } from '../fixtures/depot';
import { backendCall, expect, test } from './fixtures';

async function receiveTents(backend: Backend, depot: Depot, units: number) {
  return backendCall(backend, 'stock:post-receipt', {
    kind: 'allocation',
    sourceId: depot.sources.city.id,
    partyId: depot.parties.bureau.id,
    lines: [{ itemId: depot.items.tent.id, units, cartons: 0, locationId: depot.locations.a01.id }],
  });
}

async function tentsOnHand(backend: Backend, depot: Depot): Promise<number> {
  const rows = await call(backend, 'stock:on-hand', { itemId: depot.items.tent.id });
  return rows.reduce((sum, r) => sum + r.quantity, 0);
}

test.describe('backups', () => {
  test('the day starts with a verified backup, shown in the status bar; a backup now adds one', async ({
    app,
    page,
    backend,
    dataDir,
  }) => {
    await seedDepot(backend);
    await app.open('settings');
    await expect(app.statusBar).toContainText(/今日已备份 \d\d:\d\d/);
    const daily = listBackups(path.join(dataDir, 'backups'));
    expect(daily.map((b) => b.kind)).toEqual(['daily']);

    const section = page.getByRole('region', { name: '备份与恢复' });
    await section.getByRole('button', { name: '立即备份' }).click();
    await expect(section.getByRole('status').filter({ hasText: '已备份并通过检查' })).toContainText(
      path.join(dataDir, 'backups'),
    );
    await expect(section.getByRole('table').getByRole('row')).toHaveCount(3);
    await expect(section.getByRole('table')).toContainText('手动');
    await expect(section.getByRole('table')).toContainText('每日自动');
    expect(
      listBackups(path.join(dataDir, 'backups'))
        .map((b) => b.kind)
        .sort(),
    ).toEqual(['daily', 'manual']);

    // A folder that is not a full path is refused in words, and nothing is written.
    await section.getByLabel('目标文件夹（例如 U 盘）').fill('U盘/备份');
    await section.getByRole('button', { name: '备份到此文件夹' }).click();
    await expect(section.getByText('请填写完整的路径')).toBeVisible();
    expect(listBackups(path.join(dataDir, 'backups'))).toHaveLength(2);

    // To a USB stick: any absolute folder.
    const usb = path.join(dataDir, 'usb');
    await section.getByLabel('目标文件夹（例如 U 盘）').fill(usb);
    await section.getByRole('button', { name: '备份到此文件夹' }).click();
    await expect(section.getByRole('status').filter({ hasText: '已备份并通过检查' })).toContainText(usb);
    expect(listBackups(usb)).toHaveLength(1);
    await section.scrollIntoViewIfNeeded();
    await app.screenshot('backup-settings');
  });

  test('restore says what it will do, keeps the replaced data, and the window shows the restored stock', async ({
    app,
    page,
    backend,
    dataDir,
  }) => {
    const depot = await seedDepot(backend);
    await receiveTents(backend, depot, 40);
    const backup = await backendCall(backend, 'backup:create', {});
    await receiveTents(backend, depot, 2);
    expect(await tentsOnHand(backend, depot)).toBe(42);

    await app.open('settings');
    const section = page.getByRole('region', { name: '备份与恢复' });
    const manualRow = section.getByRole('row').filter({ hasText: '手动' });
    await manualRow.getByRole('button', { name: /^恢复 / }).click();

    const dialog = page.getByRole('dialog', { name: '用备份替换当前数据？' });
    await expect(dialog).toContainText('1 张单据');
    await expect(dialog).toContainText('当前数据不会删除');
    await app.screenshot('backup-restore-confirm');
    // Cancel first: nothing changes.
    await dialog.getByRole('button', { name: '取消' }).click();
    expect(await tentsOnHand(backend, depot)).toBe(42);

    await manualRow.getByRole('button', { name: /^恢复 / }).click();
    const reloaded = page.waitForEvent('load');
    await dialog.getByRole('button', { name: '确认恢复' }).click();
    await expect(section.getByRole('status').filter({ hasText: '已恢复' })).toBeVisible();
    // The window starts afresh on the restored data.
    await reloaded;
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 20_000 });
    expect(await tentsOnHand(backend, depot)).toBe(40);
    const kept = listBackups(path.join(dataDir, 'backups')).filter((b) => b.kind === 'pre-restore');
    expect(kept).toHaveLength(1);
    const replaced = new Database(kept[0]!.path, { readonly: true });
    expect(replaced.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(2);
    replaced.close();
    expect(fs.existsSync(backup.path)).toBe(true);

    await app.goTo('库存');
    await expect(app.gridRows.filter({ hasText: '单帐篷' })).toContainText('40');
  });
});

test.describe('a damaged database at start', () => {
  // A depot with one daily backup, whose main file is then damaged past its header.
  test.use({
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from an object pattern.
    prepareDatabase: async ({}, use) =>
      use((dbPath: string) => {
        const db = new Database(dbPath);
        db.pragma('journal_mode = WAL');
        migrate(db);
        db.prepare("INSERT INTO settings (key, value) VALUES ('depotName', ?)").run(JSON.stringify('江城储备库'));
        db.close();
        backupClosedDatabase(dbPath, path.join(path.dirname(dbPath), 'backups'), 'daily', new Date(2026, 10, 27, 8, 0));
        const fd = fs.openSync(dbPath, 'r+');
        fs.writeSync(fd, Buffer.alloc(8192, 0xa5), 0, 8192, 4096);
        fs.closeSync(fd);
      }),
  });

  test('is refused calmly and recovered from the latest backup, the damaged file kept', async ({
    app,
    page,
    backend,
    dataDir,
  }) => {
    await app.open();
    await expect(page.getByRole('heading', { level: 1, name: '无法打开数据库' })).toBeVisible();
    const recovery = page.getByRole('region', { name: '从备份恢复' });
    await expect(recovery.getByRole('table')).toContainText('2026-11-27 08:00');
    await app.screenshot('backup-recovery');

    await recovery.getByRole('button', { name: '恢复最近的备份' }).click();
    const dialog = page.getByRole('dialog', { name: '用备份替换当前数据？' });
    await dialog.getByRole('button', { name: '确认恢复' }).click();

    // The window reopens on the restored database: the application, not the problem screen.
    await expect(page.getByRole('navigation')).toBeVisible({ timeout: 20_000 });
    await expect(app.statusBar).toContainText('江城储备库');
    expect((await backendCall(backend, 'app:get-info')).database.status).toBe('ok');
    const kept = listBackups(path.join(dataDir, 'backups')).filter((b) => b.kind === 'pre-restore');
    expect(kept).toHaveLength(1);
  });
});
