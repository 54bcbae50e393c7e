import { beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./electron-fake.js'));

import { callNames, IPC, streamNames } from '../../shared/contract/index.js';
import { FACADE_GLOBAL, type KapalFacade } from '../../shared/contract/facade.js';
import { contextBridge, ipcRenderer } from './electron-fake.js';

let facade: KapalFacade;

beforeAll(async () => {
  // Importing the preload runs it: it exposes the facade once.
  await import('../../electron/main/preload.js');
  expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  const [name, value] = contextBridge.exposeInMainWorld.mock.calls[0] as [string, KapalFacade];
  expect(name).toBe(FACADE_GLOBAL);
  facade = value;
});

describe('preload facade', () => {
  it('exposes exactly one function per contract call and stream, and nothing else', () => {
    expect(Object.keys(facade).sort()).toEqual([...callNames, ...streamNames].sort());
    for (const value of Object.values(facade)) expect(typeof value).toBe('function');
    expect(Object.isFrozen(facade)).toBe(true);
    const exposed = facade as unknown as Record<string, unknown>;
    for (const forbidden of ['ipcRenderer', 'send', 'invoke', 'on', 'env', 'process']) {
      expect(exposed[forbidden]).toBeUndefined();
    }
  });

  it('turns a call into one invoke on the call channel and returns its envelope', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: null });
    await expect(facade['containers:start']({ id: 'web' })).resolves.toEqual({ ok: true, value: null });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(IPC.call, 'containers:start', { id: 'web' });
  });

  it('turns an IPC failure into an INTERNAL envelope instead of a rejection', async () => {
    ipcRenderer.invoke.mockRejectedValueOnce(new Error('No handler registered'));
    const result = await facade['containers:list']({});
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'INTERNAL' }) });
  });

  it('subscribes with an id, gives the callback the payload alone, and unsubscribes once', () => {
    const onEvent = vi.fn();
    const unsubscribe = facade['engine:status']({}, onEvent);
    const subscribe = ipcRenderer.send.mock.calls.find((c) => c[0] === IPC.subscribe);
    expect(subscribe).toEqual([IPC.subscribe, expect.stringMatching(/^[A-Za-z0-9_-]{1,64}$/), 'engine:status', {}]);
    const subId = subscribe?.[1] as string;
    expect(ipcRenderer.listeners.get(IPC.event)?.size).toBe(1);

    const payload = { state: 'connecting' };
    ipcRenderer.emit(IPC.event, subId, payload);
    ipcRenderer.emit(IPC.event, 'someone-else', { state: 'connected' });
    expect(onEvent).toHaveBeenCalledTimes(1);
    // The payload, and only the payload: never the IPC event, which carries `sender`.
    expect(onEvent.mock.calls[0]).toEqual([payload]);

    unsubscribe();
    unsubscribe();
    expect(ipcRenderer.send.mock.calls.filter((c) => c[0] === IPC.unsubscribe)).toEqual([[IPC.unsubscribe, subId]]);
    expect(ipcRenderer.listeners.get(IPC.event)?.size).toBe(0);
    ipcRenderer.emit(IPC.event, subId, payload);
    expect(onEvent).toHaveBeenCalledTimes(1);
  });

  it('keeps streams apart and removes the IPC listener only when the last one closes', () => {
    const a = vi.fn();
    const b = vi.fn();
    const offA = facade['containers:changed']({}, a);
    const offB = facade['images:changed']({}, b);
    const ids = ipcRenderer.send.mock.calls.filter((c) => c[0] === IPC.subscribe).map((c) => c[1] as string);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ipcRenderer.listeners.get(IPC.event)?.size).toBe(1);
    ipcRenderer.emit(IPC.event, ids.at(-1), { kind: 'snapshot', items: [] });
    expect(a).not.toHaveBeenCalled();
    expect(b).toHaveBeenCalledWith({ kind: 'snapshot', items: [] });
    offA();
    expect(ipcRenderer.listeners.get(IPC.event)?.size).toBe(1);
    offB();
    expect(ipcRenderer.listeners.get(IPC.event)?.size).toBe(0);
  });

  it('refuses a stream without a callback', () => {
    const stream = facade['engine:status'] as unknown as (args: unknown, cb: unknown) => unknown;
    expect(() => stream({}, 'not a function')).toThrow(TypeError);
  });
});
