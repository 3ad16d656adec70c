import Database from 'better-sqlite3';
import { expect, test } from './fixtures';

/** A data file as a future version of the app would leave it: a schema version this build does not know. */
function writeFutureDatabase(dbPath: string): void {
  const db = new Database(dbPath);
  db.pragma('user_version = 999');
  db.close();
}

test.describe('a database the app must not open', () => {
  // A function-valued option is given through a fixture function (Playwright calls plain functions as fixtures).
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from an object pattern.
  test.use({ prepareDatabase: async ({}, use) => use(writeFutureDatabase) });

  test('shows a calm explanation with the data folder instead of the application', async ({ app, page, dataDir }) => {
    await app.open();

    await expect(page.getByRole('heading', { level: 1, name: '无法打开数据库' })).toBeVisible();
    await expect(page.getByText('这个数据文件由更新版本的“救灾物资储备管理”写入')).toBeVisible();
    await expect(page.getByText('请安装最新版本后再打开。')).toBeVisible();
    await expect(page.getByText('软件没有对这个数据文件做任何修改')).toBeVisible();
    await expect(page.getByRole('main')).toContainText(dataDir);
    // Nothing of the application behind it: no navigation, no status bar pretending all is well.
    await expect(page.getByRole('navigation')).toHaveCount(0);
    await expect(page.getByRole('contentinfo')).toHaveCount(0);

    await app.screenshot('database-error');

    // The explanation can be read in English too.
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'The database cannot be opened' })).toBeVisible();
    await expect(page.getByText('Install the newest version, then open it again.')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-US');
  });
});
