/**
 * The main window and the guards on its web contents and session: the Electron security checklist
 * (STYLE.md) items 1, 3 and 9, in one place.
 */
import path from 'node:path';
import { app, BrowserWindow, type NativeImage, type Session, type WebContents } from 'electron';
import { t } from '../../shared/i18n/index.js';
import { openExternal } from './external.js';
import type { AppOrigin } from './protocol.js';

/** Permissions the app's own page may use: writing text to the clipboard ("copy container id"). */
const ALLOWED_PERMISSIONS = new Set(['clipboard-sanitized-write']);

/** The sandboxed preload bundle, built by scripts/build-node.mjs next to main.js. */
export function preloadPath(appPath: string = app.getAppPath()): string {
  return path.join(appPath, 'dist-electron', 'preload.cjs');
}

/**
 * Keep a web contents on the app's origin: every navigation elsewhere is prevented (an allowed
 * link, such as a published port, opens in the user's browser instead), every `window.open` is
 * denied, and `<webview>` cannot be attached.
 */
export function hardenWebContents(wc: WebContents, origin: AppOrigin): void {
  wc.setWindowOpenHandler(({ url }) => {
    openExternal(url);
    return { action: 'deny' };
  });
  wc.on('will-navigate', (event) => {
    if (origin.isAppUrl(event.url)) return;
    event.preventDefault();
    openExternal(event.url);
  });
  // Fires for subframes too (and again for the main frame): only prevent here, so a link opens once.
  wc.on('will-frame-navigate', (event) => {
    if (!origin.isAppUrl(event.url)) event.preventDefault();
  });
  wc.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * Deny permission requests and checks by default. Only the app's own page may get the few
 * {@link ALLOWED_PERMISSIONS}; camera, notifications from the page, geolocation and the rest are refused.
 */
export function hardenSession(ses: Session, origin: AppOrigin): void {
  ses.setPermissionRequestHandler((_wc, permission, callback, details) => {
    callback(ALLOWED_PERMISSIONS.has(permission) && origin.isAppUrl(details.requestingUrl));
  });
  ses.setPermissionCheckHandler((_wc, permission, requestingOrigin) => {
    return ALLOWED_PERMISSIONS.has(permission) && origin.isAppUrl(requestingOrigin);
  });
  ses.setDevicePermissionHandler(() => false);
}

/** Options for {@link createMainWindow}. */
export interface MainWindowOptions {
  origin: AppOrigin;
  /** The window icon (Linux and Windows taskbars); macOS takes it from the bundle. */
  icon?: NativeImage;
}

/**
 * Create the main window with every security flag set explicitly (not left to defaults that a
 * later Electron could change), harden it, and load the renderer from the app origin.
 */
export function createMainWindow(opts: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 800,
    minHeight: 500,
    show: false,
    title: t('app.title'),
    ...(opts.icon ? { icon: opts.icon } : {}),
    webPreferences: {
      preload: preloadPath(),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  hardenWebContents(win.webContents, opts.origin);
  hardenSession(win.webContents.session, opts.origin);
  // Shown once painted, so the window never flashes white before the first frame.
  win.once('ready-to-show', () => win.show());
  win.loadURL(opts.origin.startUrl).catch((err: unknown) => {
    console.error(`Kapal: could not load ${opts.origin.startUrl}: ${err instanceof Error ? err.message : String(err)}`);
  });
  return win;
}
