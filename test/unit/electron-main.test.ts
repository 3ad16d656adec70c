/**
 * Electron main, run against a fake `electron` module and the real backend on a temp SQLite file:
 * the doors (IPC channels and their sender check), the window's security settings, the navigation
 * and permission guards, the app:// protocol, the single-instance lock, the data folder and the menu.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';

vi.mock('electron', () => import('./electron-fakes'));

import * as fake from './electron-fakes';
import { openBackend, type Backend } from '../../electron/backend/index';
import { startApp } from '../../electron/main/lifecycle';
import { isTrustedSender, registerIpc } from '../../electron/main/ipc';
import { appOrigin, trustedOrigins } from '../../electron/main/app-origin';
import { apiChannels } from '../../shared/contract';
import { createPrinting } from '../../electron/main/printing';
import type { Result } from '../../shared/errors';

let tmp: string;

beforeEach(() => {
  fake.resetFakes();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rr-electron-main-'));
  fake.app.setPath('userData', path.join(tmp, 'user-data'));
});

afterEach(() => {
  vi.restoreAllMocks();
  // Closes the backend a started app opened, so its SQLite file can go.
  fake.app.emit('will-quit', {});
  fs.rmSync(tmp, { recursive: true, force: true });
});

const mainDir = () => path.join(tmp, 'out', 'main');
const rendererDir = () => path.join(tmp, 'out', 'renderer');

/** Starts the app on the fakes, with its data in a fresh folder unless `env` says otherwise. */
async function launch(env: NodeJS.ProcessEnv = { RELIEF_RESERVE_DATA_DIR: path.join(tmp, 'depot-data') }) {
  const started = startApp({ mainDir: mainDir(), env });
  fake.app.becomeReady();
  const window = (await started) as unknown as fake.BrowserWindow | null;
  return window;
}

async function launchWindow(env?: NodeJS.ProcessEnv): Promise<fake.BrowserWindow> {
  const window = await launch(env);
  if (window === null) throw new Error('the app did not open a window');
  return window;
}

/** An IPC event as Electron gives it to a handler. */
function ipcEvent(contents: fake.FakeWebContents, frame: fake.FakeFrame | null) {
  return { sender: contents, senderFrame: frame };
}

function fromMainFrame(window: fake.BrowserWindow) {
  return ipcEvent(window.webContents, window.webContents.mainFrame);
}

async function call(channel: string, event: unknown, input?: unknown): Promise<Result<unknown>> {
  const handler = fake.ipcMain.handlers.get(channel);
  if (handler === undefined) throw new Error(`no handler for ${channel}`);
  return (await handler(event, input)) as Result<unknown>;
}

const tent = { code: 'TENT-01', name: '单帐篷', baseUnit: '顶', personsPerUnit: 5 };

describe('starting the app', () => {
  test('registers every contract channel, the backend’s and the shell’s, exactly once', async () => {
    await launchWindow();
    expect([...fake.ipcMain.handledChannels].sort()).toEqual([...apiChannels].sort());
    expect(fake.ipcMain.handledChannels).toEqual(
      expect.arrayContaining(['print:print', 'print:save-pdf', 'print:printers']),
    );
    expect(new Set(fake.ipcMain.handledChannels).size).toBe(fake.ipcMain.handledChannels.length);
  });

  test('opens app://renderer/index.html in a sandboxed, isolated window without Node', async () => {
    const window = await launchWindow();
    expect(window.loadedUrl).toBe('app://renderer/index.html');
    expect(window.options['webPreferences']).toMatchObject({
      preload: path.join(tmp, 'out', 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    });
    expect(fake.app.sandboxEnabled).toBe(true);
  });

  test('the window is 1440×900 at least 1280×720, titled in both languages, shown when ready to show', async () => {
    const window = await launchWindow();
    expect(window.options).toMatchObject({
      width: 1440,
      height: 900,
      minWidth: 1280,
      minHeight: 720,
      title: '救灾物资储备管理 Relief Reserve',
      show: false,
    });
    expect(window.shown).toBe(false);
    window.emit('ready-to-show');
    expect(window.shown).toBe(true);

    const retitle = fake.preventableEvent({ title: 'index' });
    window.emit('page-title-updated', retitle);
    expect(retitle.defaultPrevented).toBe(true);
  });

  test('on a 1366×768 laptop the window fits the screen', async () => {
    fake.screen.workAreaSize = { width: 1366, height: 728 };
    const window = await launchWindow();
    expect(window.options).toMatchObject({ width: 1366, height: 728 });
  });

  test('keeps the database in RELIEF_RESERVE_DATA_DIR and Chromium’s profile beside it', async () => {
    const dataDir = path.join(tmp, 'portable', 'data');
    const window = await launchWindow({ RELIEF_RESERVE_DATA_DIR: dataDir });
    const info = await call('app:get-info', fromMainFrame(window));
    expect(info).toMatchObject({ ok: true, value: { dbPath: path.join(dataDir, 'relief-reserve.db') } });
    expect(fs.existsSync(path.join(dataDir, 'relief-reserve.db'))).toBe(true);
    expect(fake.app.getPath('userData')).toBe(path.join(dataDir, 'electron-profile'));
  });

  test('without RELIEF_RESERVE_DATA_DIR the database is <userData>/data/relief-reserve.db', async () => {
    const window = await launchWindow({});
    const expected = path.join(tmp, 'user-data', 'data', 'relief-reserve.db');
    const info = await call('app:get-info', fromMainFrame(window));
    expect(info).toMatchObject({ ok: true, value: { dbPath: expected, appVersion: '0.1.0-test' } });
    expect(fs.existsSync(expected)).toBe(true);
  });

  test('closes the database when the app quits', async () => {
    const window = await launchWindow();
    fake.app.emit('will-quit', {});
    const after = await call('settings:get', fromMainFrame(window));
    expect(after).toMatchObject({ ok: false, error: { code: 'database-unavailable' } });
  });

  test('a second instance quits without opening the database or a window', async () => {
    fake.app.hasSingleInstanceLock = false;
    const window = await launch();
    expect(window).toBeNull();
    expect(fake.app.quitCount).toBe(1);
    expect(fake.BrowserWindow.created).toHaveLength(0);
    expect(fake.ipcMain.handledChannels).toHaveLength(0);
    expect(fs.existsSync(path.join(tmp, 'depot-data', 'relief-reserve.db'))).toBe(false);
  });

  test('a second launch brings the running window back to the front', async () => {
    const window = await launchWindow();
    window.minimized = true;
    fake.app.emit('second-instance', {}, [], tmp, {});
    expect(window).toMatchObject({ minimized: false, shown: true, focused: true });
  });

  test('closing the last window quits the app', async () => {
    await launchWindow();
    fake.app.emit('window-all-closed');
    expect(fake.app.quitCount).toBe(1);
  });

  test('a failure while starting is shown to the keeper and the app exits', async () => {
    vi.spyOn(fake.protocol, 'handle').mockImplementation(() => {
      throw new Error('the app scheme is already handled');
    });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const window = await launch();
    expect(logged).toHaveBeenCalled();
    expect(window).toBeNull();
    expect(fake.app.exitCode).toBe(1);
    expect(fake.dialog.errorBoxes[0]?.content).toContain('the app scheme is already handled');
  });
});

describe('development and packaged builds', () => {
  const devEnv = () => ({
    RELIEF_RESERVE_DATA_DIR: path.join(tmp, 'depot-data'),
    ELECTRON_RENDERER_URL: 'http://localhost:5173',
  });

  test('under electron-vite dev the window loads the dev server, which may call the backend', async () => {
    const window = await launchWindow(devEnv());
    expect(window.loadedUrl).toBe('http://localhost:5173');
    expect(window.options['webPreferences']).toMatchObject({ devTools: true });
    // The app's own backend: nobody has signed in yet, so the sign-in screen's call is what it answers.
    expect(await call('auth:status', fromMainFrame(window))).toMatchObject({ ok: true, value: { user: null } });
    expect(await call('stock:inventory', fromMainFrame(window), {})).toMatchObject({
      ok: false,
      error: { code: 'not-signed-in' },
    });
  });

  test('a packaged app ignores ELECTRON_RENDERER_URL', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    fake.app.isPackaged = true;
    const window = await launchWindow(devEnv());
    expect(window.loadedUrl).toBe('app://renderer/index.html');
    window.webContents.mainFrame.url = 'http://localhost:5173/';
    expect(await call('settings:get', fromMainFrame(window))).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
  });
});

describe('the IPC door checks who is calling', () => {
  let backend: Backend;
  let backendCalls: string[];

  beforeEach(() => {
    // Refusals are logged; the tests read the refusals themselves.
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    backend = openBackend({ role: 'admin', dbPath: path.join(tmp, 'ipc', 'relief-reserve.db') });
    backendCalls = [];
    const recorded = {
      invoke(channel: string, input: unknown) {
        backendCalls.push(channel);
        return backend.invoke(channel, input);
      },
    };
    const origins = trustedOrigins(null);
    registerIpc(
      recorded,
      (event) => isTrustedSender(event, origins),
      createPrinting({ preloadPath: '/preload.cjs', entryUrl: `${appOrigin}/index.html`, pollMs: 1 }),
    );
  });

  afterEach(() => backend.close());

  function appWindow(): fake.BrowserWindow {
    const window = new fake.BrowserWindow({});
    void window.loadURL(`${appOrigin}/index.html`);
    return window;
  }

  const refused = { ok: false, error: { code: 'forbidden-sender' } };

  test('a call from our window’s app:// page reaches the backend and returns its result', async () => {
    const window = appWindow();
    const created = await call('catalog:create-item', fromMainFrame(window), tent);
    expect(created).toMatchObject({ ok: true, value: { code: 'TENT-01', name: '单帐篷', active: true } });
    const listed = await call('catalog:list-items', fromMainFrame(window), {});
    expect(listed).toMatchObject({ ok: true, value: { total: 1, rows: [{ code: 'TENT-01' }] } });
  });

  test('the backend still validates what a trusted page sends', async () => {
    const window = appWindow();
    const result = await call('catalog:create-item', fromMainFrame(window), { code: '', name: 3 });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  test('a page of another origin in our window is refused and nothing is written', async () => {
    const window = appWindow();
    window.webContents.mainFrame.url = 'https://example.com/';
    expect(await call('catalog:create-item', fromMainFrame(window), tent)).toMatchObject(refused);
    expect(backendCalls).toEqual([]);

    window.webContents.mainFrame.url = `${appOrigin}/index.html`;
    expect(await call('catalog:list-items', fromMainFrame(window), {})).toMatchObject({
      ok: true,
      value: { total: 0 },
    });
  });

  test('an app:// frame that is not one of our windows is refused', async () => {
    const window = appWindow();
    const stranger = new fake.FakeFrame(`${appOrigin}/index.html`);
    expect(await call('settings:get', ipcEvent(window.webContents, stranger))).toMatchObject(refused);
    expect(backendCalls).toEqual([]);
  });

  test('a subframe of our window is refused, even on app://', async () => {
    const window = appWindow();
    const iframe = window.webContents.subframe(`${appOrigin}/index.html`);
    expect(await call('settings:get', ipcEvent(window.webContents, iframe))).toMatchObject(refused);
    expect(backendCalls).toEqual([]);
  });

  test('a frame that is gone, or a destroyed window, is refused', async () => {
    const window = appWindow();
    expect(await call('settings:get', ipcEvent(window.webContents, null))).toMatchObject(refused);
    window.destroyed = true;
    expect(await call('settings:get', fromMainFrame(window))).toMatchObject(refused);
    expect(backendCalls).toEqual([]);
  });

  test('a frame disposed during the call is refused, not thrown at the page', async () => {
    const window = appWindow();
    const disposed = new fake.FakeFrame(`${appOrigin}/index.html`, window.webContents.mainFrame.processId);
    Object.defineProperty(disposed, 'url', {
      get: () => {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    });
    expect(await call('settings:get', ipcEvent(window.webContents, disposed))).toMatchObject(refused);
    expect(backendCalls).toEqual([]);
  });

  test('file:// and look-alike hosts are refused', async () => {
    const window = appWindow();
    for (const url of ['file:///index.html', 'app://renderer.evil/index.html', 'app://other/index.html']) {
      window.webContents.mainFrame.url = url;
      expect(await call('settings:get', fromMainFrame(window))).toMatchObject(refused);
    }
    expect(backendCalls).toEqual([]);
  });
});

describe('pages cannot leave the app or gain permissions', () => {
  test('navigation and redirects to another origin are cancelled; our own pages are not', async () => {
    const { webContents } = await launchWindow();
    const away = fake.preventableEvent({ url: 'https://example.com' });
    webContents.emit('will-navigate', away, away.url);
    expect(away.defaultPrevented).toBe(true);

    const file = fake.preventableEvent({ url: 'file:///etc/passwd' });
    webContents.emit('will-navigate', file, file.url);
    expect(file.defaultPrevented).toBe(true);

    const redirect = fake.preventableEvent({ url: 'https://example.com/login' });
    webContents.emit('will-redirect', redirect, redirect.url);
    expect(redirect.defaultPrevented).toBe(true);

    const home = fake.preventableEvent({ url: 'app://renderer/index.html' });
    webContents.emit('will-navigate', home, home.url);
    expect(home.defaultPrevented).toBe(false);
  });

  test('new windows are denied, whatever they point at', async () => {
    const { webContents } = await launchWindow();
    for (const url of ['https://example.com', 'app://renderer/index.html', 'about:blank']) {
      expect(webContents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    }
  });

  test('every page Electron creates gets the guards, and no webview may attach', async () => {
    await launchWindow();
    const other = new fake.FakeWebContents();
    fake.app.emit('web-contents-created', {}, other);
    expect(other.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    const webview = fake.preventableEvent({});
    other.emit('will-attach-webview', webview, {}, {});
    expect(webview.defaultPrevented).toBe(true);
  });

  test('permission requests and permission checks are denied', async () => {
    await launchWindow();
    const { permissionRequestHandler, permissionCheckHandler } = fake.session.defaultSession;
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'hid']) {
      const answers: boolean[] = [];
      permissionRequestHandler?.({}, permission, (granted) => answers.push(granted), {});
      expect(answers, permission).toEqual([false]);
      expect(permissionCheckHandler?.({}, permission, appOrigin, {}), permission).toBe(false);
    }
  });
});

describe('the app:// protocol serves the renderer folder and nothing else', () => {
  const indexHtml = '<!doctype html><title>库存</title>';

  beforeEach(() => {
    fs.mkdirSync(path.join(rendererDir(), 'assets'), { recursive: true });
    fs.writeFileSync(path.join(rendererDir(), 'index.html'), indexHtml);
    fs.writeFileSync(path.join(rendererDir(), 'assets', 'app.js'), 'console.log(1)');
    // Real files just outside the renderer folder: a 404 for them proves the guard, not a missing file.
    fs.writeFileSync(path.join(tmp, 'out', 'secret.txt'), 'secret');
    fs.mkdirSync(path.join(tmp, 'out', 'renderer-secrets'));
    fs.writeFileSync(path.join(tmp, 'out', 'renderer-secrets', 'key.txt'), 'key');
  });

  async function fetchApp(url: string): Promise<Response> {
    const handler = fake.protocol.handlers.get('app');
    if (handler === undefined) throw new Error('app:// is not handled');
    return handler({ url });
  }

  test('the scheme is registered standard, secure and fetchable', async () => {
    await launchWindow();
    expect(fake.protocol.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  test('serves index.html and assets', async () => {
    await launchWindow();
    const index = await fetchApp('app://renderer/index.html');
    expect(index.status).toBe(200);
    expect(await index.text()).toBe(indexHtml);
    expect(await (await fetchApp('app://renderer/')).text()).toBe(indexHtml);
    expect(await (await fetchApp('app://renderer/assets/app.js?v=1')).text()).toBe('console.log(1)');
  });

  test.each([
    'app://renderer/../../etc/passwd',
    'app://renderer/..%2F..%2F..%2F..%2Fetc%2Fpasswd',
    'app://renderer/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
    'app://renderer/%2E%2E%2F%2E%2E%2Fsecret.txt',
    'app://renderer/..%2Fsecret.txt',
    'app://renderer/..%5Csecret.txt',
    'app://renderer/..%2Frenderer-secrets%2Fkey.txt',
    'app://renderer/%252e%252e%252fsecret.txt',
    'app://renderer/assets%2F..%2F..%2Fsecret.txt',
    'app://renderer/index.html%00.js',
    'app://renderer/%E0%A4%A',
    'app://renderer/assets/',
    'app://renderer/missing.js',
    'app://other/index.html',
    'app://renderer.evil/index.html',
  ])('%s is 404 and no file outside the renderer folder is read', async (url) => {
    await launchWindow();
    const response = await fetchApp(url);
    expect(response.status).toBe(404);
    const root = `${rendererDir()}${path.sep}`;
    for (const fetched of fake.net.fetchedUrls) expect(new URL(fetched).pathname.startsWith(root)).toBe(true);
  });
});

describe('the application menu', () => {
  interface MenuItem {
    role?: string;
    label?: string;
    submenu?: MenuItem[];
  }

  function roles(): string[] {
    const template = (fake.Menu.applicationMenu?.template ?? []) as MenuItem[];
    return template.flatMap((top) => (top.submenu ?? []).flatMap((item) => (item.role ? [item.role] : [])));
  }

  const everyday = [
    'quit',
    'undo',
    'redo',
    'cut',
    'copy',
    'paste',
    'selectAll',
    'resetZoom',
    'zoomIn',
    'zoomOut',
    'togglefullscreen',
    'minimize',
    'close',
    'about',
  ];

  test('has the everyday roles, and no reload or DevTools for the keeper', async () => {
    await launchWindow();
    expect(roles()).toEqual(expect.arrayContaining(everyday));
    expect(roles()).not.toContain('reload');
    expect(roles()).not.toContain('toggleDevTools');
    const labels = ((fake.Menu.applicationMenu?.template ?? []) as MenuItem[]).map((m) => m.label);
    expect(labels).toEqual(['文件 File', '编辑 Edit', '视图 View', '窗口 Window', '帮助 Help']);
    expect(fake.app.aboutPanelOptions).toMatchObject({ applicationName: '救灾物资储备管理 Relief Reserve' });
  });

  test('while developing it also reloads and opens DevTools', async () => {
    await launchWindow({
      RELIEF_RESERVE_DATA_DIR: path.join(tmp, 'dev'),
      ELECTRON_RENDERER_URL: 'http://localhost:5173',
    });
    expect(roles()).toEqual(expect.arrayContaining([...everyday, 'reload', 'toggleDevTools']));
  });
});
