/**
 * The IPC adapter: the one place that registers IPC handlers. Every message's sender is checked
 * here (our window, its top frame, our origin); arguments are then parsed against the contract by
 * `dispatchCall` / `dispatchStream`, and every call is answered with an envelope.
 */
import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent, type WebContents, type WebFrameMain } from 'electron';
import { IPC } from '../../shared/contract/index.js';
import { t } from '../../shared/i18n/index.js';
import { fail, type Result } from '../../shared/result.js';
import { dispatchCall, dispatchStream } from '../api/dispatch.js';
import type { Handlers } from '../api/handlers.js';
import { DisposableStore, type Dispose } from '../engine/disposable.js';
import type { AppOrigin } from './protocol.js';

/** What {@link registerIpc} needs. */
export interface IpcOptions {
  handlers: Handlers;
  origin: AppOrigin;
  /** True for the web contents of a window Kapal created (not devtools, not anything else). */
  isOurWebContents(wc: WebContents): boolean;
  /** Told about each refused message; by default a warning in the log. */
  onRefused?(channel: string, reason: string): void;
}

/** The registration, for shutdown and for leak checks in tests. */
export interface IpcRegistration {
  /** Live stream subscriptions, over all windows. */
  subscriptionCount(): number;
  /** Remove the handlers and close every subscription. */
  dispose(): void;
}

/** Subscription ids come from our preload (`s1`, `s2`, …); anything else is refused. */
const SUB_ID = /^[A-Za-z0-9_-]{1,64}$/;

type SenderEvent = Pick<IpcMainEvent | IpcMainInvokeEvent, 'sender'> & { senderFrame: WebFrameMain | null };

/**
 * Why a message must be refused, or `undefined` when it comes from the top frame of one of our
 * windows while that frame shows our origin. Checked per message, not per window, because the
 * page in a window can change.
 */
export function senderRefusal(
  event: SenderEvent,
  opts: Pick<IpcOptions, 'origin' | 'isOurWebContents'>,
): string | undefined {
  const frame = event.senderFrame;
  if (frame === null) return 'the sending frame is gone';
  if (event.sender.isDestroyed() || !opts.isOurWebContents(event.sender)) return 'not a Kapal window';
  const top = event.sender.mainFrame;
  if (frame.parent !== null || frame.processId !== top.processId || frame.routingId !== top.routingId) {
    return 'not the top frame';
  }
  if (!opts.origin.isAppUrl(frame.url)) return 'not the Kapal origin';
  return undefined;
}

interface WindowSubscriptions {
  store: DisposableStore;
  byId: Map<string, Dispose>;
}

/** Register the call, subscribe and unsubscribe handlers. Call once, after `ready`. */
export function registerIpc(opts: IpcOptions): IpcRegistration {
  const refused =
    opts.onRefused ?? ((channel, reason) => console.warn(`Kapal: refused an IPC message on ${channel}: ${reason}`));
  const windows = new Map<WebContents, WindowSubscriptions>();
  const watched = new WeakSet<WebContents>();

  /** Close everything a web contents subscribed to: on close, crash and reload alike. */
  function release(wc: WebContents): void {
    const subs = windows.get(wc);
    if (!subs) return;
    windows.delete(wc);
    subs.byId.clear();
    subs.store.dispose();
  }

  function subscriptionsOf(wc: WebContents): WindowSubscriptions {
    let subs = windows.get(wc);
    if (!subs) {
      subs = { store: new DisposableStore(), byId: new Map() };
      windows.set(wc, subs);
    }
    // Listeners are attached once per web contents; a reload releases the store but keeps them.
    if (!watched.has(wc)) {
      watched.add(wc);
      wc.on('destroyed', () => release(wc));
      wc.on('render-process-gone', () => release(wc));
      wc.on('did-start-navigation', (details) => {
        if (details.isMainFrame && !details.isSameDocument) release(wc);
      });
    }
    return subs;
  }

  const onCall = (event: IpcMainInvokeEvent, channel: unknown, args: unknown): Promise<Result<unknown>> => {
    const why = senderRefusal(event, opts);
    if (why !== undefined) {
      refused(IPC.call, why);
      return Promise.resolve(fail({ code: 'UNAUTHORIZED', message: t('err.unauthorized') }));
    }
    return dispatchCall(opts.handlers, channel, args);
  };

  const onSubscribe = (event: IpcMainEvent, subId: unknown, channel: unknown, args: unknown): void => {
    const why = senderRefusal(event, opts) ?? (typeof subId === 'string' && SUB_ID.test(subId) ? undefined : 'bad id');
    if (why !== undefined) return refused(IPC.subscribe, why);
    const id = subId as string;
    const wc = event.sender;
    const subs = subscriptionsOf(wc);
    if (subs.byId.has(id)) return refused(IPC.subscribe, 'duplicate id');
    const opened = dispatchStream(opts.handlers, channel, args, (payload) => {
      if (!wc.isDestroyed()) wc.send(IPC.event, id, payload);
    });
    if (!opened.ok) {
      // IPC has no "end" message: the renderer's callback simply never fires; the log says why.
      return refused(IPC.subscribe, `${opened.error.code}: ${opened.error.message}`);
    }
    subs.byId.set(id, subs.store.add(opened.value));
  };

  const onUnsubscribe = (event: IpcMainEvent, subId: unknown): void => {
    const why = senderRefusal(event, opts);
    if (why !== undefined) return refused(IPC.unsubscribe, why);
    if (typeof subId !== 'string') return;
    const subs = windows.get(event.sender);
    const close = subs?.byId.get(subId);
    if (!subs || !close) return;
    subs.byId.delete(subId);
    close();
  };

  ipcMain.handle(IPC.call, onCall);
  ipcMain.on(IPC.subscribe, onSubscribe);
  ipcMain.on(IPC.unsubscribe, onUnsubscribe);

  return {
    subscriptionCount: () => [...windows.values()].reduce((n, s) => n + s.store.size, 0),
    dispose() {
      ipcMain.removeHandler(IPC.call);
      ipcMain.removeListener(IPC.subscribe, onSubscribe);
      ipcMain.removeListener(IPC.unsubscribe, onUnsubscribe);
      for (const wc of [...windows.keys()]) release(wc);
    },
  };
}
