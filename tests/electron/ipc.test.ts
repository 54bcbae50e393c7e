import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./electron-fake.js'));

import { createHandlers } from '../../electron/api/handlers.js';
import { registerIpc, type IpcRegistration } from '../../electron/main/ipc.js';
import { createAppOrigin } from '../../electron/main/protocol.js';
import { IPC } from '../../shared/contract/index.js';
import { FakeFrame, FakeWebContents, ipcMain, resetFakes } from './electron-fake.js';
import { connectedStatus, fakeEngine } from './fake-engine.js';

const origin = createAppOrigin();

function setup() {
  const fake = fakeEngine();
  const ours = new Set<unknown>();
  const onRefused = vi.fn();
  const ipc = registerIpc({
    handlers: createHandlers(fake.engine),
    origin,
    isOurWebContents: (wc) => ours.has(wc),
    onRefused,
  });
  const window = (url = 'app://kapal/index.html') => {
    const wc = new FakeWebContents(new FakeFrame(url));
    ours.add(wc);
    return wc;
  };
  return { fake, ipc, onRefused, window };
}

/** What Electron passes as the event: the web contents and the frame that sent the message. */
const from = (wc: FakeWebContents, frame: FakeFrame | null = wc.mainFrame) => ({ sender: wc, senderFrame: frame });

function invoke(event: unknown, channel: unknown, args?: unknown): Promise<unknown> {
  const handler = ipcMain.handlers.get(IPC.call);
  if (!handler) throw new Error('no call handler');
  return handler(event, channel, args) as Promise<unknown>;
}

const unauthorized = { ok: false, error: expect.objectContaining({ code: 'UNAUTHORIZED' }) };

describe('IPC adapter', () => {
  let ipc: IpcRegistration | undefined;
  beforeEach(() => resetFakes());
  afterEach(() => ipc?.dispose());

  it('registers one call handler and the two stream listeners, and removes them on dispose', () => {
    const s = setup();
    expect([...ipcMain.handlers.keys()]).toEqual([IPC.call]);
    expect(ipcMain.listeners.get(IPC.subscribe)?.size).toBe(1);
    expect(ipcMain.listeners.get(IPC.unsubscribe)?.size).toBe(1);
    s.ipc.dispose();
    expect(ipcMain.handlers.size).toBe(0);
    expect(ipcMain.listeners.get(IPC.subscribe)?.size).toBe(0);
  });

  it('dispatches a call from our top frame and answers with an envelope', async () => {
    const s = setup();
    ipc = s.ipc;
    const wc = s.window();
    await expect(invoke(from(wc), 'containers:start', { id: 'web' })).resolves.toEqual({ ok: true, value: null });
    expect(s.fake.containers.start).toHaveBeenCalledWith('web');
    await expect(invoke(from(wc), 'engine:getStatus', {})).resolves.toEqual({ ok: true, value: connectedStatus });
  });

  it('validates arguments with the contract schema before any handler runs', async () => {
    const s = setup();
    ipc = s.ipc;
    const wc = s.window();
    const result = await invoke(from(wc), 'containers:start', { id: 'bad id!' });
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'INVALID_INPUT' }) });
    expect(s.fake.containers.start).not.toHaveBeenCalled();
    await expect(invoke(from(wc), 'docker:raw', { path: '/containers/json' })).resolves.toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'INVALID_INPUT' }),
    });
  });

  it.each([
    ['a frame inside our page', (wc: FakeWebContents) => from(wc, new FakeFrame(wc.mainFrame.url, wc.mainFrame, 1, 7))],
    ['a frame that is gone', (wc: FakeWebContents) => from(wc, null)],
    [
      'our top frame showing a foreign page',
      (wc: FakeWebContents) => {
        wc.mainFrame.url = 'https://evil.example/';
        return from(wc);
      },
    ],
    ['a web contents that is not our window', () => from(new FakeWebContents())],
    [
      'the right frame after it navigated to a file',
      (wc: FakeWebContents) => from(wc, new FakeFrame('file:///etc/passwd')),
    ],
  ])('refuses a call from %s with UNAUTHORIZED and runs nothing', async (_name, makeEvent) => {
    const s = setup();
    ipc = s.ipc;
    const wc = s.window();
    await expect(invoke(makeEvent(wc), 'containers:start', { id: 'web' })).resolves.toEqual(unauthorized);
    expect(s.fake.containers.start).not.toHaveBeenCalled();
    expect(s.onRefused).toHaveBeenCalledWith(IPC.call, expect.any(String));
  });

  it('ignores subscribe and unsubscribe from a foreign sender', () => {
    const s = setup();
    ipc = s.ipc;
    const stranger = new FakeWebContents();
    ipcMain.deliver(IPC.subscribe, from(stranger), 's1', 'engine:status', {});
    expect(s.ipc.subscriptionCount()).toBe(0);
    expect(stranger.send).not.toHaveBeenCalled();
    expect(s.onRefused).toHaveBeenCalledWith(IPC.subscribe, 'not a Kapal window');
  });

  it('streams payloads to the subscribing window, tagged with its id, until unsubscribed', () => {
    const s = setup();
    ipc = s.ipc;
    const wc = s.window();
    ipcMain.deliver(IPC.subscribe, from(wc), 's1', 'engine:status', {});
    expect(wc.send).toHaveBeenLastCalledWith(IPC.event, 's1', connectedStatus);
    expect(s.ipc.subscriptionCount()).toBe(1);

    s.fake.setStatus({ ...connectedStatus, info: { ...connectedStatus.info, version: '28.0.0' } });
    expect(wc.send).toHaveBeenCalledTimes(2);

    ipcMain.deliver(IPC.unsubscribe, from(wc), 's1');
    expect(s.ipc.subscriptionCount()).toBe(0);
    expect(s.fake.statusListeners.size).toBe(0);
  });

  it('refuses bad subscription ids, duplicates and unknown or invalid streams', () => {
    const s = setup();
    ipc = s.ipc;
    const wc = s.window();
    ipcMain.deliver(IPC.subscribe, from(wc), 'x'.repeat(65), 'engine:status', {});
    ipcMain.deliver(IPC.subscribe, from(wc), 42, 'engine:status', {});
    ipcMain.deliver(IPC.subscribe, from(wc), 's1', 'docker:events', {});
    ipcMain.deliver(IPC.subscribe, from(wc), 's2', 'engine:status', { extra: true });
    expect(s.ipc.subscriptionCount()).toBe(0);
    ipcMain.deliver(IPC.subscribe, from(wc), 's3', 'engine:status', {});
    ipcMain.deliver(IPC.subscribe, from(wc), 's3', 'engine:status', {});
    expect(s.ipc.subscriptionCount()).toBe(1);
    expect(s.onRefused).toHaveBeenCalledTimes(5);
  });

  it.each([
    ['destroyed', (wc: FakeWebContents) => wc.destroy()],
    ['render-process-gone', (wc: FakeWebContents) => wc.emit('render-process-gone', {}, { reason: 'crashed' })],
    [
      'did-start-navigation (reload)',
      (wc: FakeWebContents) => wc.emit('did-start-navigation', { isMainFrame: true, isSameDocument: false }),
    ],
  ])('disposes every subscription of a window on %s', (_name, end) => {
    const s = setup();
    ipc = s.ipc;
    const wc = s.window();
    const other = s.window();
    ipcMain.deliver(IPC.subscribe, from(wc), 's1', 'engine:status', {});
    ipcMain.deliver(IPC.subscribe, from(wc), 's2', 'containers:changed', {});
    ipcMain.deliver(IPC.subscribe, from(other), 's1', 'engine:status', {});
    expect(s.ipc.subscriptionCount()).toBe(3);

    end(wc);
    expect(s.ipc.subscriptionCount()).toBe(1);
    expect(s.fake.statusListeners.size).toBe(1);
    expect(s.fake.containerWatchers.size).toBe(0);
  });

  it('keeps subscriptions on in-page and subframe navigations, and accepts new ones after a reload', () => {
    const s = setup();
    ipc = s.ipc;
    const wc = s.window();
    ipcMain.deliver(IPC.subscribe, from(wc), 's1', 'engine:status', {});
    wc.emit('did-start-navigation', { isMainFrame: true, isSameDocument: true });
    wc.emit('did-start-navigation', { isMainFrame: false, isSameDocument: false });
    expect(s.ipc.subscriptionCount()).toBe(1);

    wc.emit('did-start-navigation', { isMainFrame: true, isSameDocument: false });
    ipcMain.deliver(IPC.subscribe, from(wc), 's1', 'engine:status', {});
    expect(s.ipc.subscriptionCount()).toBe(1);
    // One set of lifecycle listeners per web contents, however often the page reloads.
    expect(wc.listenerCount('did-start-navigation')).toBe(1);
  });

  it('closes every subscription on dispose', () => {
    const s = setup();
    const wc = s.window();
    ipcMain.deliver(IPC.subscribe, from(wc), 's1', 'engine:status', {});
    ipcMain.deliver(IPC.subscribe, from(wc), 's2', 'containers:changed', {});
    s.ipc.dispose();
    expect(s.ipc.subscriptionCount()).toBe(0);
    expect(s.fake.statusListeners.size + s.fake.containerWatchers.size).toBe(0);
  });

  it('does not send to a destroyed web contents', () => {
    const s = setup();
    ipc = s.ipc;
    const wc = s.window();
    ipcMain.deliver(IPC.subscribe, from(wc), 's1', 'containers:changed', {});
    vi.spyOn(wc, 'isDestroyed').mockReturnValue(true);
    s.fake.pushContainers({ kind: 'snapshot', items: [] });
    expect(wc.send).not.toHaveBeenCalled();
  });
});
