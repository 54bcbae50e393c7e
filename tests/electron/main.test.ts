import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./electron-fake.js'));

// The real engine would open a Docker socket; the lifecycle only needs something to dispose.
const engines = vi.hoisted(() => [] as Array<{ dispose: () => void }>);
vi.mock('../../electron/engine/index.js', async () => {
  const { fakeEngine } = await import('./fake-engine.js');
  return {
    createEngine: () => {
      const { engine } = fakeEngine();
      engines.push(engine);
      return engine;
    },
  };
});

import { IPC } from '../../shared/contract/index.js';
import type * as FakeElectron from './electron-fake.js';

type Fake = typeof FakeElectron;

/** Run main.ts afresh (it starts on import) and let `whenReady` settle. */
async function start(setup: (fake: Fake) => void = () => undefined): Promise<Fake> {
  vi.resetModules();
  engines.length = 0;
  // After a reset the mock factory runs again: take the instance main.ts will see.
  const fake = (await import('electron')) as unknown as Fake;
  fake.resetFakes();
  setup(fake);
  await import('../../electron/main/main.js');
  await new Promise((resolve) => setImmediate(resolve));
  return fake;
}

const realPlatform = process.platform;
function setPlatform(platform: NodeJS.Platform): void {
  Object.defineProperty(process, 'platform', { value: platform, configurable: true });
}

describe('main process lifecycle', () => {
  beforeEach(() => setPlatform('linux'));
  afterEach(() => setPlatform(realPlatform));

  it('registers the app scheme, then builds engine, IPC, renderer protocol, tray and one window', async () => {
    const fake = await start();
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
    expect(engines).toHaveLength(1);
    expect(fake.ipcMain.handlers.has(IPC.call)).toBe(true);
    expect(fake.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(fake.Tray.instances).toHaveLength(1);
    expect(fake.BrowserWindow.instances).toHaveLength(1);
    expect(fake.BrowserWindow.instances[0]?.loadURL).toHaveBeenCalledWith('app://kapal/index.html');
  });

  it('quits at once, creating nothing, when another instance holds the lock', async () => {
    const fake = await start((f) => {
      f.app.lock = false;
    });
    expect(fake.app.quit).toHaveBeenCalled();
    expect(engines).toHaveLength(0);
    expect(fake.BrowserWindow.instances).toHaveLength(0);
  });

  it('brings the existing window forward on a second launch', async () => {
    const fake = await start();
    fake.app.emit('second-instance');
    expect(fake.BrowserWindow.instances).toHaveLength(1);
    expect(fake.BrowserWindow.instances[0]?.show).toHaveBeenCalled();
    expect(fake.BrowserWindow.instances[0]?.focus).toHaveBeenCalled();
  });

  it('accepts IPC from its window only', async () => {
    const fake = await start();
    const win = fake.BrowserWindow.instances[0];
    const call = fake.ipcMain.handlers.get(IPC.call);
    const stranger = new fake.FakeWebContents();
    await expect(
      call?.({ sender: stranger, senderFrame: stranger.mainFrame }, 'engine:getStatus', {}),
    ).resolves.toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'UNAUTHORIZED' }),
    });
    const ours = win?.webContents;
    await expect(call?.({ sender: ours, senderFrame: ours?.mainFrame }, 'engine:getStatus', {})).resolves.toEqual({
      ok: true,
      value: expect.objectContaining({ state: 'connected' }),
    });
  });

  it('quits when the last window closes, except on macOS', async () => {
    const fake = await start();
    fake.app.emit('window-all-closed');
    expect(fake.app.quit).toHaveBeenCalledTimes(1);
    setPlatform('darwin');
    fake.app.emit('window-all-closed');
    expect(fake.app.quit).toHaveBeenCalledTimes(1);
  });

  it('disposes the engine, the IPC handlers and the tray on quit', async () => {
    const fake = await start();
    fake.app.emit('will-quit');
    expect(engines[0]?.dispose).toHaveBeenCalled();
    expect(fake.ipcMain.handlers.size).toBe(0);
    expect(fake.Tray.instances[0]?.destroyed).toBe(true);
  });
});
