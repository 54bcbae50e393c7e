/**
 * A hand-made Engine with the few methods the handler table calls, for shell tests: they test the
 * IPC adapter and the tray, not Docker, so the engine only records calls and lets tests push events.
 */
import { vi } from 'vitest';
import type { Engine } from '../../electron/engine/index.js';
import type { ContainerDTO, ContainersEvent, EngineStatusDTO } from '../../shared/dto.js';

const endpoint = { kind: 'unix', url: 'unix:///var/run/docker.sock', source: 'default' } as const;

export const connectedStatus: Extract<EngineStatusDTO, { state: 'connected' }> = {
  state: 'connected',
  endpoint,
  info: {
    version: '27.3.1',
    apiVersion: '1.47',
    os: 'Ubuntu 24.04',
    osType: 'linux',
    arch: 'x86_64',
    cpus: 4,
    memoryBytes: 8e9,
  },
};

export const unreachableStatus: EngineStatusDTO = {
  state: 'unreachable',
  endpoint,
  reason: 'connection refused',
  hints: ['Start the engine'],
  code: 'ENGINE_UNREACHABLE',
};

/** A container row with only the fields that matter to the tests filled in. */
export function container(id: string, state: string): ContainerDTO {
  return {
    id,
    name: id,
    image: 'nginx',
    imageId: 'sha256:1',
    command: '',
    state,
    status: '',
    ports: [],
    created: 0,
    labels: {},
  };
}

/** A fake engine plus handles to drive it. */
export function fakeEngine(initial: EngineStatusDTO = connectedStatus) {
  const statusListeners = new Set<(s: EngineStatusDTO) => void>();
  const containerWatchers = new Set<(e: ContainersEvent) => void>();
  const connection = {
    status: initial,
    onStatus(listener: (s: EngineStatusDTO) => void) {
      statusListeners.add(listener);
      return () => void statusListeners.delete(listener);
    },
    reconnectNow: vi.fn(async () => connection.status),
  };
  const containers = {
    list: vi.fn(async (): Promise<ContainerDTO[]> => []),
    start: vi.fn(async (_id: string) => null),
    stop: vi.fn(async () => null),
    restart: vi.fn(async () => null),
    remove: vi.fn(async () => null),
    watch(listener: (e: ContainersEvent) => void) {
      containerWatchers.add(listener);
      return () => void containerWatchers.delete(listener);
    },
  };
  const images = {
    list: vi.fn(async () => []),
    remove: vi.fn(async () => null),
    watch: () => () => undefined,
  };
  const engine = { connection, containers, images, dispose: vi.fn() } as unknown as Engine;
  return {
    engine,
    connection,
    containers,
    statusListeners,
    containerWatchers,
    setStatus(s: EngineStatusDTO) {
      connection.status = s;
      for (const l of [...statusListeners]) l(s);
    },
    pushContainers(e: ContainersEvent) {
      for (const l of [...containerWatchers]) l(e);
    },
  };
}
