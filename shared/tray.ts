/**
 * The tray menu as plain data, computed from engine state. Pure, so the Electron side only turns it
 * into a `Menu` and wires clicks, and the choice of items has a table test.
 */
import type { ContainersEvent, EngineStatusDTO } from './dto.js';
import { t } from './i18n/index.js';

/** What a clickable tray item does; the Electron side maps each to one function. */
export type TrayAction = 'show' | 'reconnect' | 'quit';

/** One tray menu entry: an action, the disabled status line, or a separator. */
export type TrayItem =
  | { type: 'normal'; id: TrayAction; label: string; enabled: true }
  | { type: 'normal'; id: 'status'; label: string; enabled: false }
  | { type: 'separator'; id: string };

/** The little the tray shows. */
export interface TrayState {
  engine: EngineStatusDTO['state'];
  /** Engine version, while connected. */
  version?: string;
  /** Containers in the `running` state. */
  running: number;
}

/** Reduce the engine status and the running count to what the tray shows. */
export function trayStateFrom(status: EngineStatusDTO, running: number): TrayState {
  return status.state === 'connected'
    ? { engine: 'connected', version: status.info.version, running }
    : { engine: status.state, running };
}

/** The status line, also used for the tooltip. */
export function trayStatusText(state: TrayState): string {
  switch (state.engine) {
    case 'connected':
      return t('tray.status.connected', { version: state.version ?? '?', running: state.running });
    case 'connecting':
      return t('tray.status.connecting');
    case 'unreachable':
      return t('tray.status.unreachable');
  }
}

/** The tooltip of the tray icon. */
export function trayTooltip(state: TrayState): string {
  return t('tray.tooltip', { status: trayStatusText(state) });
}

/**
 * The menu: Show Kapal, the status line (disabled), Reconnect while the engine is unreachable, Quit.
 * Kept short on purpose: container actions belong in the window, where their errors can be shown.
 */
export function trayTemplate(state: TrayState): TrayItem[] {
  const items: TrayItem[] = [
    { type: 'normal', id: 'show', label: t('tray.show'), enabled: true },
    { type: 'separator', id: 'sep-status' },
    { type: 'normal', id: 'status', label: trayStatusText(state), enabled: false },
  ];
  if (state.engine === 'unreachable') {
    items.push({ type: 'normal', id: 'reconnect', label: t('tray.reconnect'), enabled: true });
  }
  items.push(
    { type: 'separator', id: 'sep-quit' },
    { type: 'normal', id: 'quit', label: t('tray.quit'), enabled: true },
  );
  return items;
}

/**
 * Fold one `containers:changed` event into the set of running container ids. A snapshot replaces
 * the set; a delta updates the rows it names.
 */
export function applyContainersEvent(running: ReadonlySet<string>, event: ContainersEvent): Set<string> {
  if (event.kind === 'snapshot') {
    return new Set(event.items.filter((c) => c.state === 'running').map((c) => c.id));
  }
  const next = new Set(running);
  for (const id of event.removed) next.delete(id);
  for (const c of event.upserts) {
    if (c.state === 'running') next.add(c.id);
    else next.delete(c.id);
  }
  return next;
}
