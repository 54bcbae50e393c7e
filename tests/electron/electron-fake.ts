/**
 * A stand-in for the 'electron' module, for tests of the shell without an Electron binary. Each
 * test file does `vi.mock('electron', () => import('./electron-fake.js'))` and then inspects the
 * recorders exported here. Only what electron/main uses is faked.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

/** A frame, as `WebFrameMain` shows it to an IPC handler. */
export class FakeFrame {
  constructor(
    public url: string,
    public parent: FakeFrame | null = null,
    public processId = 1,
    public routingId = 1,
  ) {}
}

/** What `session.set*Handler` received, so tests can call the handlers. */
export class FakeSession {
  permissionRequest?: (wc: unknown, permission: string, cb: (granted: boolean) => void, details: object) => void;
  permissionCheck?: (wc: unknown, permission: string, origin: string, details: object) => boolean;
  devicePermission?: (details: object) => boolean;
  setPermissionRequestHandler(h: FakeSession['permissionRequest']): void {
    this.permissionRequest = h;
  }
  setPermissionCheckHandler(h: FakeSession['permissionCheck']): void {
    this.permissionCheck = h;
  }
  setDevicePermissionHandler(h: FakeSession['devicePermission']): void {
    this.devicePermission = h;
  }
}

let nextWebContentsId = 1;

/** A web contents: an emitter with a main frame, `send` recorded, and `destroy()` to simulate closing. */
export class FakeWebContents extends EventEmitter {
  readonly id = nextWebContentsId++;
  readonly session = new FakeSession();
  readonly send = vi.fn();
  windowOpenHandler?: (details: { url: string }) => { action: string };
  private destroyed = false;

  constructor(public mainFrame: FakeFrame = new FakeFrame('app://kapal/index.html')) {
    super();
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }

  /** Emit a navigation-style event and say whether a listener prevented it. */
  navigate(event: 'will-navigate' | 'will-frame-navigate', url: string, isMainFrame = true): boolean {
    let prevented = false;
    this.emit(event, {
      url,
      isMainFrame,
      isSameDocument: false,
      frame: null,
      preventDefault: () => (prevented = true),
    });
    return prevented;
  }
}

/** BrowserWindow: records its options and every instance. */
export class BrowserWindow extends EventEmitter {
  static instances: BrowserWindow[] = [];
  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.instances;
  }
  readonly webContents = new FakeWebContents();
  readonly loadURL = vi.fn(async (_url: string) => undefined);
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  constructor(public options: Record<string, unknown>) {
    super();
    BrowserWindow.instances.push(this);
  }
  isDestroyed(): boolean {
    return false;
  }
  isMinimized(): boolean {
    return false;
  }
}

/** ipcMain: keeps the registered handlers so tests can invoke them as Electron would. */
export const ipcMain = {
  handlers: new Map<string, Listener>(),
  listeners: new Map<string, Set<Listener>>(),
  handle(channel: string, fn: Listener): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, fn);
  },
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  },
  on(channel: string, fn: Listener): void {
    const set = this.listeners.get(channel) ?? new Set();
    set.add(fn);
    this.listeners.set(channel, set);
  },
  removeListener(channel: string, fn: Listener): void {
    this.listeners.get(channel)?.delete(fn);
  },
  /** Deliver one `send` message to every listener of `channel`. */
  deliver(channel: string, event: unknown, ...args: unknown[]): void {
    for (const fn of this.listeners.get(channel) ?? []) fn(event, ...args);
  },
};

/** ipcRenderer: records what the preload sends and lets tests push events to it. */
export const ipcRenderer = {
  invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, value: null })),
  send: vi.fn(),
  listeners: new Map<string, Set<Listener>>(),
  on(channel: string, fn: Listener) {
    const set = this.listeners.get(channel) ?? new Set();
    set.add(fn);
    this.listeners.set(channel, set);
    return this;
  },
  removeListener(channel: string, fn: Listener) {
    this.listeners.get(channel)?.delete(fn);
    return this;
  },
  /** Simulate main sending `channel` with `args` to this renderer. */
  emit(channel: string, ...args: unknown[]): void {
    const event = { sender: this, senderId: 0, ports: [] };
    for (const fn of [...(this.listeners.get(channel) ?? [])]) fn(event, ...args);
  },
};

export const contextBridge = { exposeInMainWorld: vi.fn() };

export const shell = { openExternal: vi.fn(async (_url: string) => undefined) };

/** app: an emitter for lifecycle events; `lock` decides whether this is the first instance. */
class FakeApp extends EventEmitter {
  isPackaged = true;
  lock = true;
  ready = false;
  readonly quit = vi.fn();
  readonly exit = vi.fn();
  getAppPath(): string {
    return '/opt/kapal/resources/app.asar';
  }
  requestSingleInstanceLock(): boolean {
    return this.lock;
  }
  isReady(): boolean {
    return this.ready;
  }
  whenReady(): Promise<void> {
    this.ready = true;
    return Promise.resolve();
  }
}

export const app = new FakeApp();

export const protocol = { handle: vi.fn(), registerSchemesAsPrivileged: vi.fn() };

/** A NativeImage with just the methods the tray uses. */
export function fakeImage(empty = false) {
  return { isEmpty: () => empty, resize: vi.fn(() => fakeImage(empty)) };
}

export const nativeImage = {
  createFromBuffer: vi.fn(() => fakeImage()),
  createEmpty: vi.fn(() => fakeImage(true)),
};

export const Menu = {
  buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
};

/** Tray: records the last menu and tooltip; `click()` simulates a click on the icon. */
export class Tray extends EventEmitter {
  static instances: Tray[] = [];
  menu?: { template: Array<{ id?: string; label?: string; enabled?: boolean; click?: () => void }> };
  tooltip = '';
  destroyed = false;
  constructor(public image: unknown) {
    super();
    Tray.instances.push(this);
  }
  setContextMenu(menu: Tray['menu']): void {
    this.menu = menu;
  }
  setToolTip(text: string): void {
    this.tooltip = text;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

/** Clear every recorder between tests. */
export function resetFakes(): void {
  app.removeAllListeners();
  app.lock = true;
  app.ready = false;
  BrowserWindow.instances = [];
  Tray.instances = [];
  ipcMain.handlers.clear();
  ipcMain.listeners.clear();
  ipcRenderer.listeners.clear();
  vi.clearAllMocks();
}
