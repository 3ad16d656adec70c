/**
 * A small recording stand-in for the `electron` module, for `vi.mock('electron', () => import('./electron-fakes'))`.
 * The real package cannot be loaded in Node (it tries to download Electron), and the tests want to
 * look at what main did: handlers registered, window options, guards, menu.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

type Listener = (...args: never[]) => unknown;

class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  once(event: string, listener: Listener): this {
    const wrapper = ((...args: never[]) => {
      this.off(event, wrapper);
      return listener(...args);
    }) as Listener;
    return this.on(event, wrapper);
  }

  off(event: string, listener: Listener): this {
    this.listeners.set(
      event,
      (this.listeners.get(event) ?? []).filter((l) => l !== listener),
    );
    return this;
  }

  /** Calls the listeners like Electron does; returns how many there were. */
  emit(event: string, ...args: unknown[]): number {
    const listeners = this.listeners.get(event) ?? [];
    for (const listener of listeners) (listener as (...a: unknown[]) => unknown)(...args);
    return listeners.length;
  }

  listenerCount(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }
}

/** A navigation-like event whose cancellation the test can read. */
export function preventableEvent<T extends object>(
  fields: T,
): T & { defaultPrevented: boolean; preventDefault(): void } {
  const event = {
    ...fields,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

let nextProcessId = 1;

/** A stand-in for WebFrameMain: what the IPC sender check reads. */
export class FakeFrame {
  constructor(
    public url: string,
    readonly processId = nextProcessId++,
    readonly routingId = 1,
    readonly parent: FakeFrame | null = null,
  ) {}
}

export type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

/**
 * What the hidden print pages and the printers do, set by a test before it prints: the state the
 * print route announces, the system's printers, what print() and printToPDF() answer.
 */
export const printing = {
  pageState: { state: 'ready', reason: '' } as { state: string; reason: string | null },
  printers: [] as { name: string; displayName: string; description: string; options: Record<string, string> }[],
  printAnswer: [true, ''] as [boolean, string],
  pdfBytes: Buffer.from('%PDF-1.7 fake'),
  /** printToPDF rejects with this when set. */
  pdfError: null as Error | null,
  /** executeJavaScript rejects with this when set (a page that crashed). */
  scriptError: null as Error | null,
};

export class FakeWebContents extends FakeEmitter {
  readonly mainFrame = new FakeFrame('about:blank');
  windowOpenHandler: WindowOpenHandler | null = null;
  readonly printCalls: unknown[] = [];
  readonly pdfCalls: unknown[] = [];
  readonly scripts: string[] = [];

  print(options: unknown, callback: (success: boolean, failureReason: string) => void): void {
    this.printCalls.push(options);
    const [success, reason] = printing.printAnswer;
    setTimeout(() => callback(success, reason), 0);
  }

  printToPDF(options: unknown): Promise<Buffer> {
    this.pdfCalls.push(options);
    return printing.pdfError ? Promise.reject(printing.pdfError) : Promise.resolve(printing.pdfBytes);
  }

  executeJavaScript(code: string): Promise<unknown> {
    this.scripts.push(code);
    if (printing.scriptError) return Promise.reject(printing.scriptError);
    return Promise.resolve({ ...printing.pageState });
  }

  getPrintersAsync(): Promise<unknown[]> {
    return Promise.resolve(printing.printers.map((p) => ({ ...p })));
  }

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }

  /** A child frame of this page (an iframe). */
  subframe(url: string): FakeFrame {
    return new FakeFrame(url, this.mainFrame.processId, 2, this.mainFrame);
  }
}

export class BrowserWindow extends FakeEmitter {
  static created: BrowserWindow[] = [];

  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.created.filter((w) => !w.destroyed);
  }

  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  shown = false;
  focused = false;
  minimized = false;
  destroyed = false;

  constructor(readonly options: Record<string, unknown>) {
    super();
    BrowserWindow.created.push(this);
    // Electron emits web-contents-created for every page, including a window's own.
    app.emit('web-contents-created', {}, this.webContents);
  }

  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    this.webContents.mainFrame.url = url;
    return Promise.resolve();
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  destroy(): void {
    this.destroyed = true;
  }

  static fromWebContents(contents: FakeWebContents): BrowserWindow | null {
    return BrowserWindow.created.find((w) => w.webContents === contents) ?? null;
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  restore(): void {
    this.minimized = false;
  }

  show(): void {
    this.shown = true;
  }

  focus(): void {
    this.focused = true;
  }
}

class FakeApp extends FakeEmitter {
  isPackaged = false;
  hasSingleInstanceLock = true;
  quitCount = 0;
  exitCode: number | null = null;
  sandboxEnabled = false;
  aboutPanelOptions: Record<string, unknown> | null = null;
  readonly paths = new Map<string, string>();
  private markReady: () => void = () => {};
  private ready = new Promise<void>((resolve) => (this.markReady = resolve));

  getPath(name: string): string {
    const value = this.paths.get(name);
    if (value === undefined) throw new Error(`no fake path for ${name}`);
    return value;
  }

  setPath(name: string, value: string): void {
    this.paths.set(name, value);
  }

  getVersion(): string {
    return '0.1.0-test';
  }

  enableSandbox(): void {
    this.sandboxEnabled = true;
  }

  requestSingleInstanceLock(): boolean {
    return this.hasSingleInstanceLock;
  }

  quit(): void {
    this.quitCount += 1;
  }

  exit(code: number): void {
    this.exitCode = code;
  }

  whenReady(): Promise<void> {
    return this.ready;
  }

  setAboutPanelOptions(options: Record<string, unknown>): void {
    this.aboutPanelOptions = options;
  }

  /** Lets a test fire `ready`. */
  becomeReady(): void {
    this.markReady();
  }

  reset(): void {
    this.listeners.clear();
    this.paths.clear();
    this.isPackaged = false;
    this.hasSingleInstanceLock = true;
    this.quitCount = 0;
    this.exitCode = null;
    this.sandboxEnabled = false;
    this.aboutPanelOptions = null;
    this.ready = new Promise<void>((resolve) => (this.markReady = resolve));
  }
}

export const app = new FakeApp();

export type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

export const ipcMain = {
  /** Channel names in the order handle() was called, duplicates kept. */
  handledChannels: [] as string[],
  handlers: new Map<string, InvokeHandler>(),
  handle(channel: string, handler: InvokeHandler): void {
    this.handledChannels.push(channel);
    this.handlers.set(channel, handler);
  },
};

export type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: unknown,
) => void;
export type PermissionCheckHandler = (
  contents: unknown,
  permission: string,
  origin: string,
  details: unknown,
) => boolean;

export const session = {
  defaultSession: {
    permissionRequestHandler: null as PermissionRequestHandler | null,
    permissionCheckHandler: null as PermissionCheckHandler | null,
    setPermissionRequestHandler(handler: PermissionRequestHandler): void {
      this.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler(handler: PermissionCheckHandler): void {
      this.permissionCheckHandler = handler;
    },
  },
};

export type ProtocolHandler = (request: { url: string }) => Promise<Response>;

export const protocol = {
  privilegedSchemes: [] as unknown[],
  handlers: new Map<string, ProtocolHandler>(),
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    this.privilegedSchemes.push(...schemes);
  },
  handle(scheme: string, handler: ProtocolHandler): void {
    this.handlers.set(scheme, handler);
  },
};

/** net.fetch over the real file system: rejects for a missing file, as Electron's does. */
export const net = {
  fetchedUrls: [] as string[],
  async fetch(url: string): Promise<Response> {
    this.fetchedUrls.push(url);
    return new Response(await readFile(fileURLToPath(url)), { status: 200 });
  },
};

export interface FakeMenu {
  template: unknown[];
}

export const Menu = {
  applicationMenu: null as FakeMenu | null,
  buildFromTemplate(template: unknown[]): FakeMenu {
    return { template };
  },
  setApplicationMenu(menu: FakeMenu): void {
    this.applicationMenu = menu;
  },
};

export const screen = {
  workAreaSize: { width: 1920, height: 1040 },
  getPrimaryDisplay() {
    return { workAreaSize: this.workAreaSize };
  },
};

export const dialog = {
  errorBoxes: [] as { title: string; content: string }[],
  showErrorBox(title: string, content: string): void {
    this.errorBoxes.push({ title, content });
  },
  /** The save dialogs opened: the parent window (or null) and the options. */
  saveDialogs: [] as { parent: unknown; options: Record<string, unknown> }[],
  /** What the keeper picks in the next save dialog. */
  saveAnswer: { canceled: false, filePath: '' } as { canceled: boolean; filePath?: string },
  showSaveDialog(...args: unknown[]): Promise<{ canceled: boolean; filePath?: string }> {
    const [parent, options] = args.length === 2 ? args : [null, args[0]];
    this.saveDialogs.push({ parent, options: options as Record<string, unknown> });
    return Promise.resolve({ ...this.saveAnswer });
  },
};

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(name: string, value: unknown): void {
    this.exposed.set(name, value);
  },
};

export const ipcRenderer = {
  invocations: [] as unknown[][],
  invoke(...args: unknown[]): Promise<unknown> {
    this.invocations.push(args);
    return Promise.resolve({ ok: true, value: { echoed: args[0] } });
  },
};

/** Puts every fake back to a fresh state. */
export function resetFakes(): void {
  app.reset();
  BrowserWindow.created = [];
  ipcMain.handledChannels = [];
  ipcMain.handlers.clear();
  session.defaultSession.permissionRequestHandler = null;
  session.defaultSession.permissionCheckHandler = null;
  protocol.privilegedSchemes = [];
  protocol.handlers.clear();
  net.fetchedUrls = [];
  Menu.applicationMenu = null;
  screen.workAreaSize = { width: 1920, height: 1040 };
  dialog.errorBoxes = [];
  dialog.saveDialogs = [];
  dialog.saveAnswer = { canceled: false, filePath: '' };
  printing.pageState = { state: 'ready', reason: '' };
  printing.printers = [];
  printing.printAnswer = [true, ''];
  printing.pdfError = null;
  printing.scriptError = null;
  contextBridge.exposed.clear();
  ipcRenderer.invocations = [];
}
