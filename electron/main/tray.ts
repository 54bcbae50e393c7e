/**
 * The tray icon: turns the pure template from `shared/tray.ts` into a `Menu`, wires its clicks, and
 * rebuilds it when the engine status or the number of running containers changes.
 */
import { readFileSync } from 'node:fs';
import { Menu, nativeImage, Tray, type MenuItemConstructorOptions, type NativeImage } from 'electron';
import type { ContainersEvent, EngineStatusDTO } from '../../shared/dto.js';
import {
  applyContainersEvent,
  trayStateFrom,
  trayTemplate,
  trayTooltip,
  type TrayAction,
  type TrayItem,
} from '../../shared/tray.js';
import type { Dispose } from '../engine/disposable.js';

/** What the tray reads from the engine: the status feed and the container feed. */
export interface TraySources {
  connection: { readonly status: EngineStatusDTO; onStatus(listener: (s: EngineStatusDTO) => void): Dispose };
  containers: { watch(listener: (e: ContainersEvent) => void): Dispose };
}

/** Options for {@link createTray}. */
export interface TrayOptions extends TraySources {
  icon: NativeImage;
  /** One function per clickable item. */
  actions: Record<TrayAction, () => void>;
  platform?: NodeJS.Platform;
}

/**
 * Load a PNG into a NativeImage. Read through `fs` because Electron's `fs` reads inside app.asar;
 * a missing icon gives an empty image rather than a crash at startup.
 */
export function loadIcon(file: string): NativeImage {
  try {
    return nativeImage.createFromBuffer(readFileSync(file));
  } catch {
    return nativeImage.createEmpty();
  }
}

/** Turn one template item into Electron's menu item options, with its click wired. */
export function toMenuItem(item: TrayItem, actions: Record<TrayAction, () => void>): MenuItemConstructorOptions {
  if (item.type === 'separator') return { id: item.id, type: 'separator' };
  if (item.id === 'status') return { id: item.id, type: 'normal', label: item.label, enabled: false };
  const action = actions[item.id];
  return { id: item.id, type: 'normal', label: item.label, enabled: true, click: () => action() };
}

/** Create the tray icon and keep its menu current until disposed. */
export function createTray(opts: TrayOptions): { dispose(): void } {
  const platform = opts.platform ?? process.platform;
  // Tray icons are small; Linux panels draw them a little larger than macOS and Windows.
  const size = platform === 'linux' ? 24 : 16;
  const image = opts.icon.isEmpty() ? opts.icon : opts.icon.resize({ width: size, height: size });
  const tray = new Tray(image);
  let status = opts.connection.status;
  let running: Set<string> = new Set();
  let shown = '';

  const render = (): void => {
    const state = trayStateFrom(status, running.size);
    const template = trayTemplate(state);
    // Rebuild only when something visible changed: container events can come in bursts.
    const key = JSON.stringify(template);
    if (key === shown) return;
    shown = key;
    tray.setToolTip(trayTooltip(state));
    tray.setContextMenu(Menu.buildFromTemplate(template.map((item) => toMenuItem(item, opts.actions))));
  };

  // Windows and most Linux panels show the window on a plain click; macOS opens the menu instead.
  if (platform !== 'darwin') tray.on('click', () => opts.actions.show());
  const offStatus = opts.connection.onStatus((s) => {
    status = s;
    render();
  });
  const offContainers = opts.containers.watch((e) => {
    running = applyContainersEvent(running, e);
    render();
  });
  render();

  return {
    dispose() {
      offStatus();
      offContainers();
      tray.destroy();
    },
  };
}
