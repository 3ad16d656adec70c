/**
 * The main window: secure web preferences, a size that fits the depot PC's screen, shown only once
 * its first paint is ready.
 */
import { BrowserWindow } from 'electron';
import type { BrowserWindowConstructorOptions, Size, WebPreferences } from 'electron';

/** The window title; pages cannot change it. */
export const mainWindowTitle = '救灾物资储备管理 Relief Reserve';

/** Smallest size at which the grids and the dispatch form stay usable. */
export const minimumWindowSize: Size = { width: 1280, height: 720 };

/** Size on a screen with room for it. */
export const defaultWindowSize: Size = { width: 1440, height: 900 };

/**
 * Electron's security checklist for the renderer: isolated context, OS sandbox, no Node, same-origin
 * policy on, no webviews; the preload is the page's only door. DevTools open only while developing.
 */
export function secureWebPreferences(preloadPath: string, allowDevTools: boolean): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    // Chromium's spellchecker fetches dictionaries from Google; the depot PC is offline.
    spellcheck: false,
    devTools: allowDevTools,
  };
}

/** The default size, shrunk to the screen's work area (a 1366×768 laptop) but never below the minimum. */
export function initialWindowSize(workArea: Size | null): Size {
  if (workArea === null) return defaultWindowSize;
  return {
    width: Math.max(minimumWindowSize.width, Math.min(defaultWindowSize.width, workArea.width)),
    height: Math.max(minimumWindowSize.height, Math.min(defaultWindowSize.height, workArea.height)),
  };
}

export interface MainWindowOptions {
  preloadPath: string;
  /** The page to open: app://renderer/index.html, or the dev server's URL. */
  url: string;
  allowDevTools: boolean;
  /** The primary screen's work area, when known. */
  workArea: Size | null;
}

/** The BrowserWindow options of the main window. */
export function mainWindowOptions(options: MainWindowOptions): BrowserWindowConstructorOptions {
  return {
    ...initialWindowSize(options.workArea),
    minWidth: minimumWindowSize.width,
    minHeight: minimumWindowSize.height,
    title: mainWindowTitle,
    // Shown on ready-to-show, so the keeper never sees an empty white frame.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(options.preloadPath, options.allowDevTools),
  };
}

/** Creates the main window, loads the renderer and shows the window when its first paint is ready. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(options));
  // The title names the product in both languages; a page's <title> must not replace it.
  window.on('page-title-updated', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  window.loadURL(options.url).catch((err: unknown) => {
    console.error(`[main] cannot load ${options.url}`, err);
    // Without a first paint ready-to-show never comes; an empty window beats an invisible process.
    if (!window.isDestroyed()) window.show();
  });
  return window;
}

/** Brings the main window to the front (a second launch of the app lands here). */
export function focusMainWindow(): void {
  const window = BrowserWindow.getAllWindows().find((w) => !w.isDestroyed());
  if (window === undefined) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
