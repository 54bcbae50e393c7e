/**
 * The Electron main process: lifecycle only. One instance, one engine, one handler table, one IPC
 * registration, one window, one tray. Everything with a decision in it lives in its own module.
 */
import path from 'node:path';
import { app, BrowserWindow } from 'electron';
import { createHandlers } from '../api/handlers.js';
import { createEngine } from '../engine/index.js';
import { registerIpc } from './ipc.js';
import { createAppOrigin, registerAppScheme, serveRenderer } from './protocol.js';
import { createTray, loadIcon } from './tray.js';
import { createMainWindow } from './window.js';

// Privileged schemes must be registered before `ready`.
registerAppScheme();

function fatal(err: unknown): void {
  console.error('Kapal failed to start:', err);
  app.exit(1);
}

function main(): void {
  // A second launch only brings the first one's window forward (see 'second-instance').
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  // The Vite dev server is honoured only when running from source, never in a packaged app.
  const origin = createAppOrigin(app.isPackaged ? undefined : process.env.KAPAL_DEV_SERVER_URL || undefined);
  const appPath = app.getAppPath();
  const icon = loadIcon(path.join(appPath, 'assets', 'icon.png'));
  let win: BrowserWindow | undefined;

  const showWindow = (): void => {
    if (!app.isReady()) return;
    if (!win || win.isDestroyed()) {
      const created = createMainWindow({ origin, icon });
      created.on('closed', () => {
        if (win === created) win = undefined;
      });
      win = created;
      return;
    }
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  };

  app.on('second-instance', showWindow);
  // The tray stays on macOS, where apps live on without windows; elsewhere closing the window quits.
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app
    .whenReady()
    .then(() => {
      serveRenderer(path.join(appPath, 'dist', 'renderer'));
      const engine = createEngine();
      const ipc = registerIpc({
        handlers: createHandlers(engine),
        origin,
        isOurWebContents: (wc) => win !== undefined && !win.isDestroyed() && win.webContents === wc,
      });
      let tray: { dispose(): void } | undefined;
      try {
        tray = createTray({
          icon,
          connection: engine.connection,
          containers: engine.containers,
          actions: {
            show: showWindow,
            reconnect: () => void engine.connection.reconnectNow().catch(() => undefined),
            quit: () => app.quit(),
          },
        });
      } catch (err) {
        // Some Linux desktops have no tray; the app works without it.
        console.warn('Kapal: no tray icon:', err);
      }
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) showWindow();
      });
      app.on('will-quit', () => {
        tray?.dispose();
        ipc.dispose();
        engine.dispose();
      });
      showWindow();
    })
    .catch(fatal);
}

main();
