import { z } from 'zod';
import type { ContainerDTO, ContainersEvent } from '../dto.js';
import { call, stream } from './define.js';
import { containerRef, noArgs } from './common.js';

export const containersContract = {
  calls: {
    /** Every container, running and stopped (`docker ps -a`). */
    'containers:list': call<ContainerDTO[]>()(noArgs),
    /** Start a stopped container. Errors: NOT_FOUND, PORT_IN_USE, ENGINE_ERROR. */
    'containers:start': call<null>()(z.object({ id: containerRef }).strict()),
    /** Stop a running container; the engine kills it after `timeoutSeconds` (default 10). */
    'containers:stop': call<null>()(
      z.object({ id: containerRef, timeoutSeconds: z.number().int().min(0).max(600).optional() }).strict(),
    ),
    /** Restart a container. */
    'containers:restart': call<null>()(z.object({ id: containerRef }).strict()),
    /**
     * Remove a container. A running one needs `force: true`, which the UI sends only after asking.
     * Anonymous volumes are kept unless `volumes: true`.
     */
    'containers:remove': call<null>()(
      z.object({ id: containerRef, force: z.boolean().default(false), volumes: z.boolean().default(false) }).strict(),
    ),
  },
  streams: {
    /** A snapshot on subscribe and on every reconnect, then deltas from the engine's `/events`. */
    'containers:changed': stream<ContainersEvent>()(noArgs),
  },
} as const;
