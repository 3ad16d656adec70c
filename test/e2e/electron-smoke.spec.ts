/**
 * Smoke test of the real Electron app: the built main, preload and renderer, the app:// protocol and
 * the IPC door, on a fresh data folder. It needs Electron's binary, which `npm install` downloads on
 * a user's machine but cannot download on the build machines; without it the test is reported as
 * skipped with the reason. Presence is read from the electron package's files, never by requiring
 * the package (that would start a download).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

const projectRoot = path.resolve(__dirname, '..', '..');
const builtMain = path.join(projectRoot, 'out', 'main', 'index.js');

/** Why Electron cannot run here, or null when its binary is installed. */
function electronUnavailable(): string | null {
  const packageDir = path.join(projectRoot, 'node_modules', 'electron');
  const missing = 'Electron binary not installed: node_modules/electron/path.txt / dist missing';
  const pathFile = path.join(packageDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return missing;
  const binary = path.join(packageDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  if (!fs.existsSync(binary)) return missing;
  const headless = process.platform === 'linux' && !process.env['DISPLAY'] && !process.env['WAYLAND_DISPLAY'];
  return headless ? 'No display for Electron: run the UI tests under xvfb-run' : null;
}

/** The environment of the launched app: a fresh data folder, and nothing pointing it at a dev server. */
function appEnvironment(dataDir: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && name !== 'ELECTRON_RENDERER_URL' && name !== 'ELECTRON_RUN_AS_NODE') env[name] = value;
  }
  env['RELIEF_RESERVE_DATA_DIR'] = dataDir;
  return env;
}

test.describe('the desktop app', () => {
  const unavailable = electronUnavailable();
  test.skip(unavailable !== null, unavailable ?? '');

  let dataDir: string;

  test.beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rr-electron-smoke-'));
  });

  test.afterEach(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('opens its window on a fresh depot with the stock screen in the navigation', async () => {
    expect(fs.existsSync(builtMain), `${builtMain} is missing: run electron-vite build first`).toBe(true);
    // The project folder, not the script: Electron then reads package.json (name, version, main).
    const app = await electron.launch({ args: [projectRoot], env: appEnvironment(dataDir) });
    try {
      const window = await app.firstWindow();
      const title = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle());
      expect(title).toBe('救灾物资储备管理 Relief Reserve');
      expect(window.url()).toBe('app://renderer/index.html');
      await expect(window.getByRole('navigation')).toContainText('库存');
      expect(fs.existsSync(path.join(dataDir, 'relief-reserve.db'))).toBe(true);
    } finally {
      await app.close();
    }
  });
});
