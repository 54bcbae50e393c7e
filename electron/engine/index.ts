import type { EndpointDTO } from '../../shared/dto.js';
import { EngineConnection } from './connection.js';
import { ContainerService } from './containers.js';
import { resolveFromEnvironment } from './endpoint-node.js';
import { ImageService } from './images.js';
import { LogService } from './logs.js';
import { RunService } from './run.js';
import { StatsService } from './stats.js';

export { EngineConnection } from './connection.js';
export { DisposableStore, type Dispose } from './disposable.js';

/** Everything the handler table needs from the engine: plain Node, no Electron. */
export interface Engine {
  connection: EngineConnection;
  containers: ContainerService;
  images: ImageService;
  logs: LogService;
  run: RunService;
  stats: StatsService;
  dispose(): void;
}

export interface EngineOptions {
  endpoint?: EndpointDTO;
  backoff?: number[];
}

/** Resolve the endpoint (as the CLI would), connect, and build the domain services. */
export function createEngine(opts: EngineOptions = {}): Engine {
  let endpoint = opts.endpoint;
  let resolveError: string | undefined;
  if (!endpoint) {
    const r = resolveFromEnvironment();
    if (r.ok) endpoint = r.endpoint;
    else {
      resolveError = r.error;
      // Nothing is dialled: the status shows the setting's error until it is fixed.
      const setting = process.env.DOCKER_HOST ? 'DOCKER_HOST' : 'docker context';
      endpoint = { kind: 'unix', url: process.env.DOCKER_HOST || '(none)', source: `${setting}, not usable` };
    }
  }
  const connection = new EngineConnection({
    endpoint,
    ...(opts.backoff ? { backoff: opts.backoff } : {}),
    ...(resolveError ? { configError: resolveError } : {}),
  });
  const containers = new ContainerService(connection);
  const stats = new StatsService(connection);
  const engine: Engine = {
    connection,
    containers,
    images: new ImageService(connection),
    logs: new LogService(connection),
    run: new RunService(connection, containers),
    stats,
    dispose: () => {
      stats.dispose();
      connection.stop();
    },
  };
  connection.start();
  return engine;
}
