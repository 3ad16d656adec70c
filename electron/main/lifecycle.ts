/**
 * The app's life: one instance per data folder, the backend opened once the app is ready and closed
 * on quit, IPC doors, guards, menu and the main window wired together.
 */
import path from 'node:path';
import { app, dialog, screen, session } from 'electron';
import type { BrowserWindow } from 'electron';
import { openBackendOrExplain } from '../backend/index';
import { devServerUrl, rendererEntryUrl, trustedOrigins } from './app-origin';
import { profileDirFor, resolveDataLocation, type DataLocation } from './data-path';
import { isTrustedSender, registerIpc } from './ipc';
import { installApplicationMenu } from './menu';
import { createPdfRenderer, createPrinting } from './printing';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { denyAllPermissions, guardWebContents } from './web-security';
import { createMainWindow, focusMainWindow, mainWindowTitle } from './window';

export interface StartOptions {
  /** Folder of the built main script (out/main); out/preload and out/renderer sit beside it. */
  mainDir: string;
  env: NodeJS.ProcessEnv;
}

interface ReadyContext {
  mainDir: string;
  devUrl: string | null;
  origins: ReadonlySet<string>;
  location: DataLocation;
}

/** Everything that needs a ready app: backend, IPC, session guards, protocol, menu, window. */
function openApp({ mainDir, devUrl, origins, location }: ReadyContext): BrowserWindow {
  const preloadPath = path.join(mainDir, '..', 'preload', 'index.cjs');
  const url = devUrl ?? rendererEntryUrl;
  // Printouts are drawn by the same renderer, in hidden windows with the same preload; the backend
  // draws its PDFs (the audit package's summary) the same way.
  const printOptions = { preloadPath, entryUrl: url };
  const printing = createPrinting(printOptions);
  // A refused database still gives a backend: app info explains why, in the keeper's language.
  const backend = openBackendOrExplain({
    dbPath: location.dbPath,
    appVersion: app.getVersion(),
    renderPdf: createPdfRenderer(printOptions),
  });
  app.on('will-quit', () => backend.close());
  registerIpc(backend, (event) => isTrustedSender(event, origins), printing);
  denyAllPermissions(session.defaultSession);
  handleAppProtocol(path.join(mainDir, '..', 'renderer'));
  installApplicationMenu(devUrl !== null);
  return createMainWindow({
    preloadPath,
    url,
    allowDevTools: devUrl !== null,
    workArea: screen.getPrimaryDisplay().workAreaSize,
  });
}

function reportStartupFailure(err: unknown): void {
  console.error('[main] startup failed', err);
  const detail = err instanceof Error ? err.message : String(err);
  dialog.showErrorBox(mainWindowTitle, `程序无法启动 The application could not start.\n\n${detail}`);
  app.exit(1);
}

/**
 * Starts the app. Resolves to the main window, or to null when another instance already runs on
 * the same data (that instance comes to the front and this one quits) or startup failed.
 */
export async function startApp({ mainDir, env }: StartOptions): Promise<BrowserWindow | null> {
  const devUrl = devServerUrl(env, app.isPackaged);
  const origins = trustedOrigins(devUrl);
  const location = resolveDataLocation(app.getPath('userData'), env);
  // Before the lock: the lock lives in the profile, so it then guards exactly this data folder.
  if (location.chosenByEnvironment) app.setPath('userData', profileDirFor(location));
  app.enableSandbox();
  registerAppScheme();

  // One writer per ledger: a second launch hands over to the running instance.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  app.on('second-instance', focusMainWindow);
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, origins));
  app.on('window-all-closed', () => app.quit());

  try {
    await app.whenReady();
    return openApp({ mainDir, devUrl, origins, location });
  } catch (err) {
    reportStartupFailure(err);
    return null;
  }
}
