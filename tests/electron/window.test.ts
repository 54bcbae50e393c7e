import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./electron-fake.js'));

import { createAppOrigin, resolveRendererFile, serveRenderer } from '../../electron/main/protocol.js';
import { RENDERER_CSP } from '../../shared/csp.js';
import { createMainWindow } from '../../electron/main/window.js';
import { BrowserWindow, protocol, resetFakes, shell } from './electron-fake.js';

const origin = createAppOrigin();

function openWindow() {
  createMainWindow({ origin });
  const win = BrowserWindow.instances.at(-1);
  if (!win) throw new Error('no window');
  return win;
}

describe('main window', () => {
  beforeEach(() => resetFakes());

  it('sets every security flag explicitly and uses the bundled preload', () => {
    const win = openWindow();
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(prefs.preload).toBe(path.join('/opt/kapal/resources/app.asar', 'dist-electron', 'preload.cjs'));
  });

  it('loads the renderer from the app origin', () => {
    const win = openWindow();
    expect(win.loadURL).toHaveBeenCalledWith('app://kapal/index.html');
  });

  it('denies every window.open, and sends allowed links to the browser', () => {
    const wc = openWindow().webContents;
    expect(wc.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(wc.windowOpenHandler?.({ url: 'app://kapal/index.html' })).toEqual({ action: 'deny' });
    expect(shell.openExternal).not.toHaveBeenCalled();
    expect(wc.windowOpenHandler?.({ url: 'http://localhost:8080' })).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledWith('http://localhost:8080/');
  });

  it('prevents navigation to a foreign URL and allows its own origin', () => {
    const wc = openWindow().webContents;
    expect(wc.navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(wc.navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(wc.navigate('will-navigate', 'app://other/index.html')).toBe(true);
    expect(wc.navigate('will-frame-navigate', 'https://evil.example/', false)).toBe(true);
    expect(wc.navigate('will-navigate', 'app://kapal/index.html#/images')).toBe(false);
    expect(wc.navigate('will-frame-navigate', 'app://kapal/index.html', false)).toBe(false);
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('opens an allowed link in the browser once, instead of navigating to it', () => {
    const wc = openWindow().webContents;
    expect(wc.navigate('will-navigate', 'http://localhost:9090/')).toBe(true);
    expect(wc.navigate('will-frame-navigate', 'http://localhost:9090/')).toBe(true);
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
  });

  it('refuses to attach a <webview>', () => {
    const wc = openWindow().webContents;
    let prevented = false;
    wc.emit('will-attach-webview', { preventDefault: () => (prevented = true) }, {}, {});
    expect(prevented).toBe(true);
  });

  it('denies permission requests and checks by default', () => {
    const ses = openWindow().webContents.session;
    const ask = (permission: string, requestingUrl = 'app://kapal/index.html') =>
      new Promise<boolean>((resolve) => ses.permissionRequest?.(null, permission, resolve, { requestingUrl }));
    return Promise.all([
      expect(ask('media')).resolves.toBe(false),
      expect(ask('notifications')).resolves.toBe(false),
      expect(ask('geolocation')).resolves.toBe(false),
      expect(ask('openExternal')).resolves.toBe(false),
      expect(ask('clipboard-read')).resolves.toBe(false),
      // The one thing the page may do: put text on the clipboard, and only from our origin.
      expect(ask('clipboard-sanitized-write')).resolves.toBe(true),
      expect(ask('clipboard-sanitized-write', 'https://evil.example/')).resolves.toBe(false),
    ]).then(() => {
      expect(ses.permissionCheck?.(null, 'media', 'app://kapal', {})).toBe(false);
      expect(ses.permissionCheck?.(null, 'clipboard-sanitized-write', 'https://evil.example', {})).toBe(false);
      expect(ses.devicePermission?.({})).toBe(false);
    });
  });
});

describe('app origin', () => {
  it('accepts its own scheme and host only', () => {
    expect(origin.isAppUrl('app://kapal/index.html')).toBe(true);
    expect(origin.isAppUrl('app://kapal/assets/x.js?v=1')).toBe(true);
    expect(origin.isAppUrl('app://kapal.evil/index.html')).toBe(false);
    expect(origin.isAppUrl('file:///opt/kapal/dist/renderer/index.html')).toBe(false);
    expect(origin.isAppUrl('http://localhost:5173/')).toBe(false);
    expect(origin.isAppUrl('not a url')).toBe(false);
  });

  it('takes a loopback dev server instead, and refuses anything else', () => {
    const dev = createAppOrigin('http://localhost:5173/');
    expect(dev.startUrl).toBe('http://localhost:5173/');
    expect(dev.isAppUrl('http://localhost:5173/src/main.tsx')).toBe(true);
    expect(dev.isAppUrl('http://localhost:5174/')).toBe(false);
    expect(dev.isAppUrl('app://kapal/index.html')).toBe(false);
    expect(() => createAppOrigin('http://192.168.1.2:5173/')).toThrow();
    expect(() => createAppOrigin('https://example.com/')).toThrow();
  });
});

describe('renderer protocol', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'kapal-renderer-'));
  mkdirSync(path.join(root, 'assets'));
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Kapal</title>');
  writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it.each([
    ['app://kapal/', 'index.html'],
    ['app://kapal/index.html', 'index.html'],
    ['app://kapal/assets/app.js', 'assets/app.js'],
    ['app://kapal/containers', 'index.html'],
    ['app://kapal/assets/../index.html', 'index.html'],
  ])('%s → %s under the root', (url, rel) => {
    expect(resolveRendererFile(root, url)).toBe(path.join(root, rel));
  });

  it.each([
    'app://kapal/..%2f..%2fetc%2fpasswd',
    'app://kapal/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
    'app://kapal/assets/../../../../etc/passwd',
  ])('never leaves the root for %s', (url) => {
    const file = resolveRendererFile(root, url);
    expect(file === null || file.startsWith(root + path.sep)).toBe(true);
  });

  it.each([
    'app://other/index.html',
    'file:///etc/passwd',
    'app://kapal/..%5c..%5cwindows%5cwin.ini',
    'app://kapal/%00.js',
    'app://kapal/%E0%A4%A',
  ])('refuses %s', (url) => {
    expect(resolveRendererFile(root, url)).toBeNull();
  });

  it('serves files with the CSP and 404s what it does not have', async () => {
    serveRenderer(root);
    const [scheme, handler] = protocol.handle.mock.calls[0] as [string, (r: Request) => Promise<Response>];
    expect(scheme).toBe('app');
    const ok = await handler(new Request('app://kapal/assets/app.js'));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(ok.headers.get('content-security-policy')).toBe(RENDERER_CSP);
    expect(RENDERER_CSP).toContain("script-src 'self'");
    expect(RENDERER_CSP).not.toContain('unsafe-eval');
    expect(await ok.text()).toBe('console.log(1)');
    expect((await handler(new Request('app://kapal/assets/missing.js'))).status).toBe(404);
    expect((await handler(new Request('app://kapal/x', { method: 'POST', body: 'x' }))).status).toBe(404);
  });
});
