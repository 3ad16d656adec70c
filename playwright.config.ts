import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './test/e2e/harness';

/**
 * UI tests drive Chromium against the built renderer (out/renderer) with the real backend behind a
 * page binding (test/e2e/fixtures.ts). Debian's Chromium is used where it is installed (these build
 * machines cannot download Playwright's); elsewhere Playwright's own browser.
 */
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  reporter: 'list',
  // Two cores: two workers keep the machine responsive; each test still gets its own data folder.
  workers: 2,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    ...devices['Desktop Chrome'],
    viewport: { width: 1366, height: 768 },
    deviceScaleFactor: 1,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: chromiumLaunchOptions(),
  },
});
