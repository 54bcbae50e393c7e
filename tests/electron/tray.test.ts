import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./electron-fake.js'));

import type { NativeImage } from 'electron';
import { createTray } from '../../electron/main/tray.js';
import { applyContainersEvent, trayStateFrom, trayTemplate, trayTooltip, type TrayState } from '../../shared/tray.js';
import { fakeImage, Menu, resetFakes, Tray } from './electron-fake.js';
import { connectedStatus, container, fakeEngine, unreachableStatus } from './fake-engine.js';

const summary = (state: TrayState) =>
  trayTemplate(state).map((i) =>
    i.type === 'separator' ? '---' : `${i.id}:${i.label}${i.enabled ? '' : ' (disabled)'}`,
  );

describe('tray template', () => {
  it.each<[string, TrayState, string[]]>([
    [
      'connected',
      { engine: 'connected', version: '27.3.1', running: 3 },
      ['show:Show Kapal', '---', 'status:Docker Engine 27.3.1 · 3 running (disabled)', '---', 'quit:Quit Kapal'],
    ],
    [
      'connected, nothing running',
      { engine: 'connected', version: '27.3.1', running: 0 },
      ['show:Show Kapal', '---', 'status:Docker Engine 27.3.1 · 0 running (disabled)', '---', 'quit:Quit Kapal'],
    ],
    [
      'connecting',
      { engine: 'connecting', running: 0 },
      ['show:Show Kapal', '---', 'status:Connecting to the Docker Engine… (disabled)', '---', 'quit:Quit Kapal'],
    ],
    [
      'unreachable',
      { engine: 'unreachable', running: 2 },
      [
        'show:Show Kapal',
        '---',
        'status:Docker Engine unreachable (disabled)',
        'reconnect:Reconnect to engine',
        '---',
        'quit:Quit Kapal',
      ],
    ],
  ])('%s', (_name, state, expected) => {
    expect(summary(state)).toEqual(expected);
  });

  it('derives the state from the engine status', () => {
    expect(trayStateFrom(connectedStatus, 4)).toEqual({ engine: 'connected', version: '27.3.1', running: 4 });
    expect(trayStateFrom(unreachableStatus, 4)).toEqual({ engine: 'unreachable', running: 4 });
    expect(trayTooltip(trayStateFrom(unreachableStatus, 0))).toBe('Kapal: Docker Engine unreachable');
  });

  it('keeps separator ids unique, as Electron menus need', () => {
    const ids = trayTemplate({ engine: 'unreachable', running: 0 }).map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('counts running containers from snapshots and deltas', () => {
    let running = applyContainersEvent(new Set(), {
      kind: 'snapshot',
      items: [container('a', 'running'), container('b', 'exited'), container('c', 'running')],
    });
    expect([...running].sort()).toEqual(['a', 'c']);
    running = applyContainersEvent(running, {
      kind: 'delta',
      upserts: [container('b', 'running'), container('a', 'exited')],
      removed: ['c'],
    });
    expect([...running]).toEqual(['b']);
  });
});

describe('tray icon', () => {
  beforeEach(() => resetFakes());

  function setup(platform: NodeJS.Platform = 'linux') {
    const fake = fakeEngine();
    const actions = { show: vi.fn(), reconnect: vi.fn(), quit: vi.fn() };
    const handle = createTray({
      icon: fakeImage() as unknown as NativeImage,
      connection: fake.connection,
      containers: fake.containers,
      actions,
      platform,
    });
    const tray = Tray.instances[0];
    if (!tray) throw new Error('no tray');
    const labels = () => tray.menu?.template.map((i) => i.label ?? '---');
    const item = (id: string) => tray.menu?.template.find((i) => i.id === id);
    return { fake, actions, handle, tray, labels, item };
  }

  it('shows the status and the running count, and follows changes', () => {
    const s = setup();
    expect(s.labels()).toContain('Docker Engine 27.3.1 · 0 running');
    s.fake.pushContainers({ kind: 'snapshot', items: [container('a', 'running'), container('b', 'running')] });
    expect(s.labels()).toContain('Docker Engine 27.3.1 · 2 running');
    expect(s.tray.tooltip).toBe('Kapal: Docker Engine 27.3.1 · 2 running');

    s.fake.setStatus(unreachableStatus);
    expect(s.labels()).toEqual([
      'Show Kapal',
      '---',
      'Docker Engine unreachable',
      'Reconnect to engine',
      '---',
      'Quit Kapal',
    ]);
    expect(s.item('status')?.enabled).toBe(false);
  });

  it('wires each item to its action', () => {
    const s = setup();
    s.fake.setStatus(unreachableStatus);
    s.item('show')?.click?.();
    s.item('reconnect')?.click?.();
    s.item('quit')?.click?.();
    expect(s.actions.show).toHaveBeenCalledTimes(1);
    expect(s.actions.reconnect).toHaveBeenCalledTimes(1);
    expect(s.actions.quit).toHaveBeenCalledTimes(1);
    expect(s.item('status')?.click).toBeUndefined();
  });

  it('rebuilds the menu only when something visible changed', () => {
    const s = setup();
    const builds = Menu.buildFromTemplate.mock.calls.length;
    s.fake.pushContainers({ kind: 'delta', upserts: [container('x', 'exited')], removed: [] });
    s.fake.setStatus(connectedStatus);
    expect(Menu.buildFromTemplate.mock.calls.length).toBe(builds);
  });

  it('shows the window on a click, except on macOS where a click opens the menu', () => {
    const linux = setup('linux');
    linux.tray.emit('click');
    expect(linux.actions.show).toHaveBeenCalledTimes(1);
    resetFakes();
    const mac = setup('darwin');
    mac.tray.emit('click');
    expect(mac.actions.show).not.toHaveBeenCalled();
  });

  it('stops listening and removes the icon on dispose', () => {
    const s = setup();
    s.handle.dispose();
    expect(s.tray.destroyed).toBe(true);
    expect(s.fake.statusListeners.size + s.fake.containerWatchers.size).toBe(0);
  });
});
