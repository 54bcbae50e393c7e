import type { ServerMessage } from '../../../shared/contract/index.js';
import type { Result } from '../../../shared/result.js';
import { t } from '../../../shared/i18n/index.js';
import type { Transport } from './transport.js';

interface Sub {
  channel: string;
  args: unknown;
  onEvent: (payload: unknown) => void;
}

/**
 * Browser mode: one WebSocket to the Kapal server, authenticated by the cookie the server set when
 * the page was opened with `?token=`. Reconnects on its own and re-opens every live subscription.
 */
function lost(): Result<unknown> {
  return {
    ok: false,
    error: {
      code: 'ENGINE_UNREACHABLE',
      message: t('link.lost'),
      hint: t('link.lost.hint'),
    },
  };
}

export function createWsTransport(url: string): Transport {
  let ws: WebSocket | undefined;
  let nextId = 1;
  let up = false;
  let delay = 250;
  const pending = new Map<number, (r: Result<unknown>) => void>();
  /** Calls made while the socket was down, sent when it opens. */
  let queue: string[] = [];
  const subs = new Map<number, Sub>();
  const linkListeners = new Set<(up: boolean) => void>();

  const setUp = (v: boolean) => {
    if (up === v) return;
    up = v;
    for (const l of linkListeners) l(v);
  };

  const send = (m: unknown) => {
    if (ws?.readyState === WebSocket.OPEN) ws.send(JSON.stringify(m));
  };

  function connect(): void {
    const sock = new WebSocket(url);
    ws = sock;
    sock.onopen = () => {
      delay = 250;
      setUp(true);
      for (const [id, s] of subs) send({ type: 'subscribe', id, channel: s.channel, args: s.args });
      for (const m of queue) sock.send(m);
      queue = [];
    };
    sock.onmessage = (ev) => {
      let msg: ServerMessage;
      try {
        msg = JSON.parse(String(ev.data)) as ServerMessage;
      } catch {
        return;
      }
      if (msg.type === 'result') {
        const resolve = pending.get(msg.id);
        pending.delete(msg.id);
        resolve?.(msg.result as Result<unknown>);
      } else if (msg.type === 'event') {
        subs.get(msg.id)?.onEvent(msg.payload);
      } else if (msg.type === 'end') {
        subs.delete(msg.id);
      }
    };
    sock.onclose = () => {
      if (ws !== sock) return;
      setUp(false);
      // A call in flight may or may not have run: say so rather than send it twice.
      for (const resolve of pending.values()) resolve(lost());
      pending.clear();
      queue = [];
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 3000);
    };
  }

  connect();

  return {
    invoke(channel, args) {
      const id = nextId++;
      const message = JSON.stringify({ type: 'call', id, channel, args });
      return new Promise((resolve) => {
        pending.set(id, resolve);
        if (ws?.readyState === WebSocket.OPEN) ws.send(message);
        else queue.push(message);
      });
    },
    subscribe(channel, args, onEvent) {
      const id = nextId++;
      subs.set(id, { channel, args, onEvent });
      send({ type: 'subscribe', id, channel, args });
      return () => {
        if (subs.delete(id)) send({ type: 'unsubscribe', id });
      };
    },
    onLink(listener) {
      linkListeners.add(listener);
      listener(up);
      return () => linkListeners.delete(listener);
    },
  };
}
