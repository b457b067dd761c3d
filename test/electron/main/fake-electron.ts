// A stand-in for the 'electron' module (the real binary cannot be downloaded here). Tests load
// it with `vi.mock('electron', () => import('./fake-electron'))`; it records what the main
// process asks of Electron so the tests can assert on it, and lets them fire Electron's events.
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

export const fakeState = { userData: '', isPackaged: false };

export class FakeWebFrame {
  constructor(
    public url: string,
    public parent: FakeWebFrame | null = null,
    public processId = 1,
    public routingId = 1,
  ) {}
}

export class FakeWebContents extends EventEmitter {
  mainFrame = new FakeWebFrame('about:blank');
  windowOpenHandler?: (details: { url: string }) => { action: string };
  sent: [string, unknown][] = [];
  destroyed = false;
  executeJavaScript = vi.fn(async (_code: string) => undefined);
  setWindowOpenHandler(h: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = h;
  }
  getURL() {
    return this.mainFrame.url;
  }
  isDestroyed() {
    return this.destroyed;
  }
  send(channel: string, payload: unknown) {
    this.sent.push([channel, payload]);
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static all: FakeBrowserWindow[] = [];
  webContents = new FakeWebContents();
  title = '';
  destroyed = false;
  minimized = false;
  restore = vi.fn();
  show = vi.fn();
  focus = vi.fn();
  maximize = vi.fn();
  loadURL = vi.fn(async (url: string) => {
    this.webContents.mainFrame.url = url;
  });
  constructor(public options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.all.push(this);
  }
  setTitle(t: string) {
    this.title = t;
  }
  isDestroyed() {
    return this.destroyed;
  }
  isMinimized() {
    return this.minimized;
  }
  isMaximized() {
    return false;
  }
  getNormalBounds() {
    return { x: 10, y: 20, width: 1000, height: 700 };
  }
}

export class FakeNotification extends EventEmitter {
  static all: FakeNotification[] = [];
  static supported = true;
  static isSupported() {
    return FakeNotification.supported;
  }
  show = vi.fn();
  constructor(public options: { title: string; body: string }) {
    super();
    FakeNotification.all.push(this);
  }
}

class FakeApp extends EventEmitter {
  readyCalls = 0;
  get isPackaged() {
    return fakeState.isPackaged;
  }
  whenReady = vi.fn(async () => undefined);
  isReady = vi.fn(() => true);
  requestSingleInstanceLock = vi.fn((_data?: unknown) => true);
  enableSandbox = vi.fn();
  quit = vi.fn();
  exit = vi.fn();
  getPath = vi.fn((name: string) => (name === 'userData' ? fakeState.userData : '/tmp'));
  setAppUserModelId = vi.fn();
  setAboutPanelOptions = vi.fn();
  showAboutPanel = vi.fn();
  setBadgeCount = vi.fn((_n?: number) => true);
  setPath = vi.fn((name: string, value: string) => {
    if (name === 'userData') fakeState.userData = value;
  });
}

export const app = new FakeApp();

export class FakeSession extends EventEmitter {
  permissionRequestHandler?: (wc: unknown, permission: string, cb: (ok: boolean) => void, details: { requestingUrl?: string }) => void;
  permissionCheckHandler?: (wc: unknown, permission: string, origin: string, details: unknown) => boolean;
  deviceHandler?: (details: unknown) => boolean;
  setPermissionRequestHandler(h: FakeSession['permissionRequestHandler']) {
    this.permissionRequestHandler = h;
  }
  setPermissionCheckHandler(h: FakeSession['permissionCheckHandler']) {
    this.permissionCheckHandler = h;
  }
  setDevicePermissionHandler(h: FakeSession['deviceHandler']) {
    this.deviceHandler = h;
  }
}

export const session = { defaultSession: new FakeSession() };

export const protocol = {
  registerSchemesAsPrivileged: vi.fn(),
  handlers: new Map<string, (req: Request) => Promise<Response>>(),
  handle: vi.fn((scheme: string, h: (req: Request) => Promise<Response>) => {
    protocol.handlers.set(scheme, h);
  }),
};

type InvokeHandler = (event: unknown, ...args: unknown[]) => Promise<unknown>;
export const ipcMain = {
  handlers: new Map<string, InvokeHandler>(),
  handle: vi.fn((channel: string, h: InvokeHandler) => {
    if (ipcMain.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    ipcMain.handlers.set(channel, h);
  }),
  removeHandler: vi.fn((channel: string) => {
    ipcMain.handlers.delete(channel);
  }),
};

export const Menu = {
  current: null as unknown,
  buildFromTemplate: vi.fn((t: unknown) => t),
  setApplicationMenu: vi.fn((m: unknown) => {
    Menu.current = m;
  }),
};

export const dialog = {
  showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] as string[] })),
  showErrorBox: vi.fn(),
  showMessageBox: vi.fn(async () => ({ response: 0 })),
};

export const nativeTheme = { themeSource: 'system', shouldUseDarkColors: false };
export const screen = { getAllDisplays: vi.fn(() => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }]) };
export const shell = {
  openExternal: vi.fn(async () => undefined),
  openPath: vi.fn(async () => ''),
  showItemInFolder: vi.fn(),
};

export const BrowserWindow = FakeBrowserWindow;
export const Notification = FakeNotification;
export default { app, BrowserWindow, Notification, session, protocol, ipcMain, Menu, dialog, nativeTheme, screen, shell };
