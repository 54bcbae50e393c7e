import fs from 'node:fs';
import http from 'node:http';
import type { IncomingMessage } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { createHandlers } from '../../electron/api/handlers.js';
import { createEngine, type Engine } from '../../electron/engine/index.js';
import { parseServeArgs } from '../../electron/server/args.js';
import { allowedHostSet, cookieName, generateToken, originAllowed, tokenMatches } from '../../electron/server/auth.js';
import { startWebServer, type RunningServer } from '../../electron/server/web-server.js';
import { connected, localEndpoint } from './engine.js';

describe('parseServeArgs', () => {
  it.each<[string[], { port: number; host: string; help: boolean }]>([
    [[], { port: 7420, host: '127.0.0.1', help: false }],
    [['--port', '8080'], { port: 8080, host: '127.0.0.1', help: false }],
    [['--port=9000'], { port: 9000, host: '127.0.0.1', help: false }],
    [['--port', '0'], { port: 0, host: '127.0.0.1', help: false }],
    [['--port', '65535'], { port: 65535, host: '127.0.0.1', help: false }],
    [['--host', '0.0.0.0'], { port: 7420, host: '0.0.0.0', help: false }],
    [['--host=::1', '--port=7000'], { port: 7000, host: '::1', help: false }],
    [['--host', 'localhost', '--port', '1'], { port: 1, host: 'localhost', help: false }],
    [['--help'], { port: 7420, host: '127.0.0.1', help: true }],
    [['--port', '8000', '-h'], { port: 8000, host: '127.0.0.1', help: true }],
  ])('%j → %j', (argv, value) => {
    expect(parseServeArgs(argv)).toEqual({ ok: true, value });
  });

  it.each<[string[], string]>([
    [['--port'], 'needs a value'],
    [['--port='], 'needs a value'],
    [['--host'], 'needs a value'],
    [['--port', 'abc'], '0-65535'],
    [['--port', '65536'], '0-65535'],
    [['--port', '-1'], '0-65535'],
    [['--port', '80.5'], '0-65535'],
    [['--port', '--host'], '0-65535'],
    [['--host', 'a b'], 'not an address'],
    [['--host', 'x;rm -rf /'], 'not an address'],
    [['--verbose'], 'unknown argument'],
    [['-p', '80'], 'unknown argument'],
    [['serve'], 'unknown argument'],
  ])('%j → error mentioning "%s"', (argv, why) => {
    const r = parseServeArgs(argv);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toContain(why);
  });
});

describe('auth helpers', () => {
  it('tokenMatches: only the exact token', () => {
    const token = generateToken();
    expect(tokenMatches(token, token)).toBe(true);
    expect(tokenMatches(`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, token)).toBe(false);
    expect(tokenMatches(`${token}x`, token)).toBe(false);
    expect(tokenMatches(token.slice(1), token)).toBe(false);
    expect(tokenMatches('', token)).toBe(false);
    expect(tokenMatches(undefined, token)).toBe(false);
    expect(tokenMatches(null, token)).toBe(false);
  });

  it('generateToken: URL-safe and different every time', () => {
    const a = generateToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(generateToken()).not.toBe(a);
  });

  it('allowedHostSet: the loopback names and the bind host, with the port', () => {
    expect(allowedHostSet('127.0.0.1', 7420)).toEqual(new Set(['127.0.0.1:7420', 'localhost:7420', '[::1]:7420']));
    expect(allowedHostSet('0.0.0.0', 80)).toContain('0.0.0.0:80');
    expect(allowedHostSet('::', 80)).toContain('[::]:80');
    expect(allowedHostSet('192.168.1.5', 7420)).toContain('192.168.1.5:7420');
    expect(allowedHostSet('Kapal.LAN', 7420)).toContain('kapal.lan:7420');
  });

  const hosts = allowedHostSet('127.0.0.1', 7420);
  const req = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;
  it.each<[Record<string, string>, boolean]>([
    [{ host: '127.0.0.1:7420' }, true],
    [{ host: 'localhost:7420', origin: 'http://localhost:7420' }, true],
    [{ host: '[::1]:7420', origin: 'http://[::1]:7420' }, true],
    [{ host: 'LOCALHOST:7420', origin: 'http://localhost:7420' }, true],
    [{ host: '127.0.0.1:7420', origin: 'http://evil.example' }, false],
    [{ host: '127.0.0.1:7420', origin: 'http://localhost:7420' }, false],
    [{ host: '127.0.0.1:7420', origin: 'https://127.0.0.1:7420' }, false],
    [{ host: '127.0.0.1:7420', origin: 'null' }, false],
    [{ host: 'evil.example:7420' }, false], // DNS rebinding: the page's own name in Host
    [{ host: '127.0.0.1:7421' }, false],
    [{ host: '127.0.0.1' }, false],
    [{}, false],
  ])('originAllowed %j → %s', (headers, allowed) => {
    expect(originAllowed(req(headers), hosts)).toBe(allowed);
  });
});

describe('startWebServer (real engine, port 0)', () => {
  const token = 'kapal-unit-token-0123456789';
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kapal-web-'));
  const root = path.join(tmp, 'root');
  const INDEX = '<!doctype html><title>kapal unit index</title>';
  const SECRET = 'kapal-secret-outside-root';
  let engine: Engine;
  let server: RunningServer;
  let origin: string;

  beforeAll(async () => {
    fs.mkdirSync(root);
    fs.writeFileSync(path.join(root, 'index.html'), INDEX);
    fs.writeFileSync(path.join(root, 'app.js'), 'console.log("app");');
    fs.writeFileSync(path.join(tmp, 'secret.txt'), SECRET);
    engine = createEngine({ endpoint: localEndpoint });
    await connected(engine);
    server = await startWebServer({ handlers: createHandlers(engine), token, host: '127.0.0.1', port: 0, root });
    origin = `http://127.0.0.1:${server.port}`;
  });

  afterAll(async () => {
    await server?.close();
    engine?.dispose();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  /** A raw GET: the path is sent exactly as given, and any Host/Origin header can be set. */
  function get(
    pathAndQuery: string,
    headers: Record<string, string> = {},
    method = 'GET',
  ): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
    return new Promise((resolve, reject) => {
      const r = http.request({ host: '127.0.0.1', port: server.port, path: pathAndQuery, method, headers }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      r.on('error', reject);
      r.end();
    });
  }

  it('prints a URL with the port it got and the token', () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${token}`);
  });

  it('no token → 401', async () => {
    const res = await get('/');
    expect(res.status).toBe(401);
    expect(res.body).not.toContain('kapal unit index');
  });

  it('a wrong token → 401', async () => {
    expect((await get('/?token=nope')).status).toBe(401);
  });

  it('the right ?token → 200, the page, and an HttpOnly SameSite cookie', async () => {
    const res = await get(`/?token=${token}`);
    expect(res.status).toBe(200);
    expect(res.body).toBe(INDEX);
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    const cookie = String(res.headers['set-cookie'] ?? '');
    expect(cookie).toContain(`${cookieName(server.port)}=${token}`);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
  });

  it('the cookie alone → 200, no new cookie', async () => {
    const res = await get('/app.js', { Cookie: `${cookieName(server.port)}=${token}` });
    expect(res.status).toBe(200);
    expect(res.body).toContain('console.log("app")');
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('a cookie for another port does not count', async () => {
    expect((await get('/', { Cookie: `${cookieName(server.port + 1)}=${token}` })).status).toBe(401);
  });

  it('Authorization: Bearer works too', async () => {
    expect((await get('/', { Authorization: `Bearer ${token}` })).status).toBe(200);
  });

  it('a foreign Origin → 403 even with the token', async () => {
    const res = await get(`/?token=${token}`, { Origin: 'http://evil.example' });
    expect(res.status).toBe(403);
  });

  it('a foreign Host header (DNS rebinding) → 403 even with the token', async () => {
    expect((await get(`/?token=${token}`, { Host: `evil.example:${server.port}` })).status).toBe(403);
  });

  it('only GET and HEAD', async () => {
    expect((await get(`/?token=${token}`, {}, 'POST')).status).toBe(405);
  });

  it.each([
    '/../secret.txt',
    '/../../etc/passwd',
    '/..%2fsecret.txt',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '/..\\secret.txt',
    '//etc/passwd',
    '/%00',
    '/%E0%A4%A',
  ])('path traversal %s never serves a file outside the root', async (p) => {
    const res = await get(`${p}?token=${token}`);
    expect(res.body).not.toContain(SECRET);
    expect(res.body).not.toMatch(/root:.*:0:0:/);
    if (res.status === 200) expect(res.body).toBe(INDEX);
  });

  describe('WebSocket', () => {
    type Msg = { type: string; id: number; result?: unknown; payload?: unknown; error?: unknown };

    function open(query: string, headers: Record<string, string> = {}, withOrigin = true): Promise<WebSocket> {
      return new Promise((resolve, reject) => {
        const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws${query}`, {
          headers,
          ...(withOrigin ? { origin } : {}),
        });
        ws.once('open', () => resolve(ws));
        ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
        ws.once('error', reject);
      });
    }

    /** Collect messages; `next(pred)` resolves with the first (past or future) that matches. */
    function inbox(ws: WebSocket) {
      const seen: Msg[] = [];
      const waiters: Array<{ pred: (m: Msg) => boolean; resolve: (m: Msg) => void }> = [];
      ws.on('message', (data: Buffer) => {
        const m = JSON.parse(data.toString()) as Msg;
        seen.push(m);
        for (const w of [...waiters]) {
          if (w.pred(m)) {
            waiters.splice(waiters.indexOf(w), 1);
            w.resolve(m);
          }
        }
      });
      return {
        seen,
        next(pred: (m: Msg) => boolean): Promise<Msg> {
          const found = seen.find(pred);
          if (found) return Promise.resolve(found);
          return new Promise((resolve) => waiters.push({ pred, resolve }));
        },
      };
    }

    const call = (ws: WebSocket, id: number, channel: string, args: unknown = {}) =>
      ws.send(JSON.stringify({ type: 'call', id, channel, args }));

    it('a wrong token is refused with 401', async () => {
      await expect(open('?token=wrong')).rejects.toThrow('HTTP 401');
    });

    it('no Origin, or a foreign one, is refused with 403', async () => {
      await expect(open(`?token=${token}`, {}, false)).rejects.toThrow('HTTP 403');
      await expect(open(`?token=${token}`, { Origin: 'http://evil.example' }, false)).rejects.toThrow('HTTP 403');
    });

    it('the right token and our Origin: a call gets a result envelope', async () => {
      const ws = await open(`?token=${token}`);
      const box = inbox(ws);
      call(ws, 1, 'engine:getStatus');
      const m = await box.next((x) => x.id === 1);
      expect(m).toEqual({
        type: 'result',
        id: 1,
        result: { ok: true, value: expect.objectContaining({ state: 'connected' }) },
      });
      call(ws, 2, 'docker:raw', { path: '/containers/json' });
      expect(await box.next((x) => x.id === 2)).toMatchObject({
        type: 'result',
        result: { ok: false, error: { code: 'INVALID_INPUT' } },
      });
      ws.close();
    });

    it('the cookie authorizes the socket too', async () => {
      const ws = await open('', { Cookie: `${cookieName(server.port)}=${token}` });
      expect(ws.readyState).toBe(WebSocket.OPEN);
      ws.close();
    });

    it('malformed messages are ignored, and the socket stays open', async () => {
      const ws = await open(`?token=${token}`);
      const box = inbox(ws);
      ws.send('not json at all');
      ws.send(JSON.stringify({ type: 'bogus', id: 1 }));
      ws.send(JSON.stringify({ type: 'call', id: -1, channel: 'engine:getStatus' }));
      ws.send(JSON.stringify({ type: 'call', id: 1, channel: 'x'.repeat(65) }));
      ws.send(Buffer.from([1, 2, 3]), { binary: true });
      call(ws, 7, 'engine:getStatus');
      const m = await box.next((x) => x.id === 7);
      expect(m.type).toBe('result');
      expect(box.seen).toHaveLength(1);
      expect(ws.readyState).toBe(WebSocket.OPEN);
      ws.close();
    });

    it('subscribe, unsubscribe, and close leave no subscription behind', async () => {
      const ws = await open(`?token=${token}`);
      const box = inbox(ws);
      ws.send(JSON.stringify({ type: 'subscribe', id: 10, channel: 'engine:status', args: {} }));
      expect(await box.next((x) => x.id === 10)).toMatchObject({ type: 'event', payload: { state: 'connected' } });
      expect(server.stats().subscriptions).toBe(1);

      ws.send(JSON.stringify({ type: 'unsubscribe', id: 10 }));
      call(ws, 11, 'engine:getStatus'); // answered after the unsubscribe was handled
      await box.next((x) => x.id === 11);
      expect(server.stats().subscriptions).toBe(0);

      ws.send(JSON.stringify({ type: 'subscribe', id: 12, channel: 'engine:status', args: {} }));
      ws.send(JSON.stringify({ type: 'subscribe', id: 13, channel: 'containers:changed', args: {} }));
      await box.next((x) => x.id === 12);
      await vi.waitFor(() => expect(server.stats().subscriptions).toBe(2));
      ws.close();
      await vi.waitFor(() => expect(server.stats()).toEqual({ sockets: 0, subscriptions: 0 }), { timeout: 3000 });
    });

    it('a subscription to an unknown stream ends at once with INVALID_INPUT', async () => {
      const ws = await open(`?token=${token}`);
      const box = inbox(ws);
      ws.send(JSON.stringify({ type: 'subscribe', id: 20, channel: 'docker:everything', args: {} }));
      expect(await box.next((x) => x.id === 20)).toMatchObject({ type: 'end', error: { code: 'INVALID_INPUT' } });
      expect(server.stats().subscriptions).toBe(0);
      ws.close();
    });
  });
});
