import type { EndpointDTO } from '../../shared/dto.js';
import { EngineConnection } from './connection.js';
import { ContainerService } from './containers.js';
import { resolveFromEnvironment } from './endpoint-node.js';
import { ImageService } from './images.js';

export { EngineConnection } from './connection.js';
export { DisposableStore, type Dispose } from './disposable.js';

/** Everything the handler table needs from the engine: plain Node, no Electron. */
export interface Engine {
  connection: EngineConnection;
  containers: ContainerService;
  images: ImageService;
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
      endpoint = {
        kind: 'unix',
        url: 'unix:///var/run/docker.sock',
        source: 'default',
        socketPath: '/var/run/docker.sock',
      };
    }
  }
  if (resolveError) process.emitWarning(`Kapal: ${resolveError}; falling back to ${endpoint.url}`);
  const connection = new EngineConnection({ endpoint, ...(opts.backoff ? { backoff: opts.backoff } : {}) });
  const engine: Engine = {
    connection,
    containers: new ContainerService(connection),
    images: new ImageService(connection),
    dispose: () => connection.stop(),
  };
  connection.start();
  return engine;
}
