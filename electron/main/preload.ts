/**
 * The preload bridge: exposes `window.kapal` with exactly one method per contract call and one per
 * stream, and nothing else. No `ipcRenderer`, no generic send, no `process.env`: the renderer can
 * only ask for what the contract declares, and main checks it again. Runs sandboxed, bundled to
 * one CommonJS file that requires only 'electron'.
 */
import { contextBridge, ipcRenderer, type IpcRenderer, type IpcRendererEvent } from 'electron';
import { callNames, IPC, streamNames } from '../../shared/contract/index.js';
import { FACADE_GLOBAL, type KapalFacade } from '../../shared/contract/facade.js';
import { t } from '../../shared/i18n/index.js';
import type { Result } from '../../shared/result.js';

/** The part of `ipcRenderer` the facade uses; a parameter so tests can pass a fake. */
export type FacadeIpc = Pick<IpcRenderer, 'invoke' | 'send' | 'on' | 'removeListener'>;

/** Build the facade over `ipc`. Exported for tests; the preload exposes the one built below. */
export function createFacade(ipc: FacadeIpc): KapalFacade {
  const callbacks = new Map<string, (payload: unknown) => void>();
  let nextId = 0;

  // One listener for every stream, added while at least one is open. The IPC event object stays
  // here: the renderer's callback gets the payload alone.
  const onEvent = (_event: IpcRendererEvent, subId: unknown, payload: unknown): void => {
    if (typeof subId === 'string') callbacks.get(subId)?.(payload);
  };

  const facade: Record<string, unknown> = {};
  for (const name of callNames) {
    facade[name] = (args: unknown): Promise<Result<unknown>> =>
      // Main always answers with an envelope; a rejection here means IPC itself failed.
      (ipc.invoke(IPC.call, name, args) as Promise<Result<unknown>>).catch((err: unknown): Result<unknown> => ({
        ok: false,
        error: {
          code: 'INTERNAL',
          message: t('err.internal', { detail: err instanceof Error ? err.message : String(err) }),
          hint: t('err.internal.hint'),
        },
      }));
  }
  for (const name of streamNames) {
    facade[name] = (args: unknown, onEventCallback: (event: unknown) => void): (() => void) => {
      if (typeof onEventCallback !== 'function') throw new TypeError(`${name}: the second argument must be a function`);
      const subId = `s${++nextId}`;
      if (callbacks.size === 0) ipc.on(IPC.event, onEvent);
      callbacks.set(subId, (payload) => onEventCallback(payload));
      ipc.send(IPC.subscribe, subId, name, args);
      let open = true;
      return () => {
        if (!open) return;
        open = false;
        callbacks.delete(subId);
        ipc.send(IPC.unsubscribe, subId);
        if (callbacks.size === 0) ipc.removeListener(IPC.event, onEvent);
      };
    };
  }
  return Object.freeze(facade) as KapalFacade;
}

contextBridge.exposeInMainWorld(FACADE_GLOBAL, createFacade(ipcRenderer));
