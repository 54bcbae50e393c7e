import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** A fresh random token, URL-safe. */
export function generateToken(): string {
  return crypto.randomBytes(24).toString('base64url');
}

/** Compare in constant time (hashing first makes the lengths equal). */
export function tokenMatches(given: string | undefined | null, expected: string): boolean {
  if (typeof given !== 'string' || given.length === 0) return false;
  const a = crypto.createHash('sha256').update(given).digest();
  const b = crypto.createHash('sha256').update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}

export function cookieName(port: number): string {
  return `kapal_token_${port}`;
}

function readCookie(req: IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/** Where a request may carry the token: `?token=`, the cookie set on first visit, or `Authorization: Bearer`. */
export function requestToken(req: IncomingMessage, url: URL, port: number): { token?: string; fromQuery: boolean } {
  const q = url.searchParams.get('token');
  if (q) return { token: q, fromQuery: true };
  const c = readCookie(req, cookieName(port));
  if (c) return { token: c, fromQuery: false };
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return { token: auth.slice(7), fromQuery: false };
  return { fromQuery: false };
}

/**
 * The `Host` header must name this server on loopback (or the host it was told to bind), which
 * stops DNS-rebinding pages; a present `Origin` must be this same origin.
 */
export function originAllowed(req: IncomingMessage, allowedHosts: ReadonlySet<string>): boolean {
  const host = req.headers.host;
  if (!host || !allowedHosts.has(host.toLowerCase())) return false;
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  return origin.toLowerCase() === `http://${host.toLowerCase()}`;
}

export function allowedHostSet(bindHost: string, port: number): Set<string> {
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
  const h = bindHost.includes(':') && !bindHost.startsWith('[') ? `[${bindHost}]` : bindHost;
  hosts.add(`${h.toLowerCase()}:${port}`);
  return hosts;
}
