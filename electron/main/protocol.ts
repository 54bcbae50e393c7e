/**
 * The app's own origin: the built renderer is served from `app://kapal/` through `protocol.handle`,
 * from dist/renderer only, never from an arbitrary path. A custom standard scheme gives the page a
 * real origin (unlike `file://`, where every local file is same-origin), so the CSP's `'self'`, the
 * navigation guard and the IPC sender check all have one precise thing to compare against.
 */
import { RENDERER_CSP } from '../../shared/csp.js';
import { MIME_TYPES } from '../../shared/mime.js';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';

/** The scheme the renderer is served from. */
export const APP_SCHEME = 'app';
/** The one host of that scheme. */
export const APP_HOST = 'kapal';
/** Where the window starts. */
export const APP_START_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Decides whether a URL belongs to the app; shared by the navigation guard, permissions and IPC. */
export interface AppOrigin {
  /** The URL the main window loads. */
  readonly startUrl: string;
  /** True for URLs of the app itself (its scheme and host, or the dev server's origin). */
  isAppUrl(url: string): boolean;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The app origin. With `devServerUrl` (only passed by an unpackaged app), the Vite dev server on
 * loopback takes the place of `app://kapal`; anything else there is a configuration error.
 */
export function createAppOrigin(devServerUrl?: string): AppOrigin {
  let dev: URL | undefined;
  if (devServerUrl) {
    dev = new URL(devServerUrl);
    if (dev.protocol !== 'http:' || !LOOPBACK.has(dev.hostname)) {
      throw new Error(`Kapal: the dev server must be http:// on loopback, not ${devServerUrl}`);
    }
  }
  return {
    startUrl: dev ? dev.href : APP_START_URL,
    isAppUrl(url: string): boolean {
      let u: URL;
      try {
        u = new URL(url);
      } catch {
        return false;
      }
      if (dev) return u.protocol === dev.protocol && u.host === dev.host;
      // Compare scheme and host: Node's URL reports `origin === 'null'` for non-special schemes.
      return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
    },
  };
}

/**
 * The file under `root` that an `app://kapal/…` request names, or `null`. Paths without an
 * extension fall back to index.html (client-side routes); anything outside `root` is refused.
 */
export function resolveRendererFile(root: string, requestUrl: string): string | null {
  let u: URL;
  try {
    u = new URL(requestUrl);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null;
  let rel: string;
  try {
    rel = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  // A backslash or NUL has no business in a renderer asset path, and on Windows `\` is a separator.
  if (rel.includes('\\') || rel.includes('\0')) return null;
  const normalized = path.posix.normalize(`/${rel}`);
  const base = path.resolve(root);
  const file = path.resolve(base, `.${normalized === '/' ? '/index.html' : normalized}`);
  if (!file.startsWith(base + path.sep)) return null;
  return path.extname(file) === '' ? path.join(base, 'index.html') : file;
}

/**
 * Register `app:` as a standard, secure scheme. Electron requires this before `ready`. `standard`
 * gives it a real origin and relative URLs; `corsEnabled` lets Vite's `<script type="module"
 * crossorigin>` load from it (our responses carry no CORS headers, so other origins still cannot read them).
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
  ]);
}

/** Serve the built renderer from `root` (dist/renderer) on `app://kapal/`. Call after `ready`. */
export function serveRenderer(root: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveRendererFile(root, request.url);
    if (file === null || (request.method !== 'GET' && request.method !== 'HEAD')) {
      return new Response('Not found', { status: 404 });
    }
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return new Response('Not found', { status: 404 });
    }
    const ext = path.extname(file);
    return new Response(new Uint8Array(body), {
      status: 200,
      headers: {
        'Content-Type': MIME_TYPES[ext] ?? 'application/octet-stream',
        'Content-Security-Policy': RENDERER_CSP,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
      },
    });
  });
}
