import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { RENDERER_CSP } from '../../shared/csp.js';
import { clientMessage, type ServerMessage } from '../../shared/contract/index.js';
import { dispatchCall, dispatchStream } from '../api/dispatch.js';
import type { Handlers } from '../api/handlers.js';
import { DisposableStore, type Dispose } from '../engine/index.js';
import { allowedHostSet, cookieName, originAllowed, requestToken, tokenMatches } from './auth.js';
import { serveStatic } from './static-files.js';

export interface WebServerOptions {
  handlers: Handlers;
  token: string;
  host: string;
  port: number;
  /** Folder of the built renderer (dist/renderer). */
  root: string;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
  /** Open WebSocket connections and their live subscriptions, for leak checks. */
  stats(): { sockets: number; subscriptions: number };
}

function refuse(res: http.ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

/** Browser mode: the built renderer and the handler table over one token-guarded WebSocket. */
export async function startWebServer(opts: WebServerOptions): Promise<RunningServer> {
  const server = http.createServer();
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  const sockets = new Map<WebSocket, DisposableStore>();
  let port = opts.port;
  let hosts = allowedHostSet(opts.host, port);

  server.on('request', (req, res) => {
    const url = new URL(req.url ?? '/', 'http://placeholder');
    if (!originAllowed(req, hosts))
      return refuse(res, 403, 'Forbidden: this page may only be opened from its own origin.\n');
    const { token, fromQuery } = requestToken(req, url, port);
    if (!tokenMatches(token, opts.token)) {
      return refuse(
        res,
        401,
        'Unauthorized: open the URL with ?token=… that Kapal printed when `npm run serve` started (or set KAPAL_TOKEN).\n',
      );
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed\n');
    if (fromQuery) {
      res.setHeader(
        'Set-Cookie',
        `${cookieName(port)}=${encodeURIComponent(opts.token)}; HttpOnly; SameSite=Strict; Path=/`,
      );
    }
    serveStatic(opts.root, url.pathname, res, RENDERER_CSP);
  });

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://placeholder');
    const deny = (status: string) => {
      socket.write(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      socket.destroy();
    };
    if (url.pathname !== '/ws') return deny('404 Not Found');
    if (!originAllowed(req, hosts) || req.headers.origin === undefined) return deny('403 Forbidden');
    if (!tokenMatches(requestToken(req, url, port).token, opts.token)) return deny('401 Unauthorized');
    wss.handleUpgrade(req, socket, head, (ws) => onSocket(ws));
  });

  function onSocket(ws: WebSocket): void {
    const store = new DisposableStore();
    const subs = new Map<number, Dispose>();
    sockets.set(ws, store);
    const send = (m: ServerMessage) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(m));
    };
    ws.on('message', (data, isBinary) => {
      if (isBinary) return;
      let json: unknown;
      try {
        json = JSON.parse(data.toString());
      } catch {
        return;
      }
      const parsed = clientMessage.safeParse(json);
      if (!parsed.success) return;
      const msg = parsed.data;
      if (msg.type === 'call') {
        void dispatchCall(opts.handlers, msg.channel, msg.args).then((result) =>
          send({ type: 'result', id: msg.id, result }),
        );
      } else if (msg.type === 'subscribe') {
        if (subs.has(msg.id)) return;
        const r = dispatchStream(opts.handlers, msg.channel, msg.args, (payload) =>
          send({ type: 'event', id: msg.id, payload }),
        );
        if (!r.ok) return send({ type: 'end', id: msg.id, error: r.error });
        const release = store.add(r.value);
        subs.set(msg.id, release);
      } else {
        subs.get(msg.id)?.();
        subs.delete(msg.id);
      }
    });
    ws.on('close', () => {
      store.dispose();
      subs.clear();
      sockets.delete(ws);
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  hosts = allowedHostSet(opts.host, port);
  const shownHost = opts.host === '0.0.0.0' || opts.host === '::' ? '127.0.0.1' : opts.host;
  const hostPart = shownHost.includes(':') ? `[${shownHost}]` : shownHost;
  return {
    url: `http://${hostPart}:${port}/?token=${opts.token}`,
    port,
    stats: () => ({
      sockets: sockets.size,
      subscriptions: [...sockets.values()].reduce((n, s) => n + s.size, 0),
    }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const [ws, store] of sockets) {
          store.dispose();
          ws.terminate();
        }
        sockets.clear();
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
