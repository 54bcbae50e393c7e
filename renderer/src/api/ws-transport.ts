import type { ServerMessage } from '../../../shared/contract/index.js';
import type { Result } from '../../../shared/result.js';
import { t } from '../../../shared/i18n/index.js';
import type { LinkState, Transport } from './transport.js';

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
  let link: LinkState = 'down';
  let delay = 250;
  const pending = new Map<number, (r: Result<unknown>) => void>();
  /** Calls made while the socket was down, sent when it opens. */
  let queue: string[] = [];
  const subs = new Map<number, Sub>();
  const linkListeners = new Set<(state: LinkState) => void>();

  const setLink = (v: LinkState) => {
    if (link === v) return;
    link = v;
    for (const l of linkListeners) l(v);
  };

  /** A socket refused before it opened: is it our token? The page itself answers 401 then. */
  async function refusedWhy(): Promise<LinkState> {
    try {
      const res = await fetch(location.pathname, { cache: 'no-store', credentials: 'same-origin' });
      return res.status === 401 ? 'unauthorized' : 'down';
    } catch {
      return 'down';
    }
  }

  const send = (m: unknown) => {
    if (ws?.readyState === WebSocket.OPEN) ws.send(JSON.stringify(m));
  };

  function connect(): void {
    const sock = new WebSocket(url);
    let opened = false;
    ws = sock;
    sock.onopen = () => {
      opened = true;
      delay = 250;
      setLink('up');
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
      if (opened) setLink('down');
      else void refusedWhy().then(setLink);
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
      listener(link);
      return () => linkListeners.delete(listener);
    },
  };
}
