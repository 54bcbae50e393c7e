import type {
  CallName,
  CallResult,
  ParsedCallArgs,
  ParsedStreamArgs,
  StreamEvent,
  StreamName,
} from '../../shared/contract/index.js';
import type { Dispose, Engine } from '../engine/index.js';

export type CallHandlers = { [C in CallName]: (args: ParsedCallArgs<C>) => Promise<CallResult<C>> };
export type StreamHandlers = {
  [S in StreamName]: (args: ParsedStreamArgs<S>, emit: (event: StreamEvent<S>) => void) => Dispose;
};

export interface Handlers {
  calls: CallHandlers;
  streams: StreamHandlers;
}

/** The one handler table, shared by the IPC adapter and the browser-mode server. */
export function createHandlers(engine: Engine): Handlers {
  const { connection, containers, images, run, stats } = engine;
  return {
    calls: {
      'engine:getStatus': async () => connection.status,
      'engine:reconnect': () => connection.reconnectNow(),
      'containers:list': () => containers.list(),
      'containers:start': ({ id }) => containers.start(id),
      'containers:stop': ({ id, timeoutSeconds }) => containers.stop(id, timeoutSeconds),
      'containers:restart': ({ id }) => containers.restart(id),
      'containers:remove': ({ id, force, volumes }) => containers.remove(id, force, volumes),
      'images:list': () => images.list(),
      'images:remove': ({ ref, force }) => images.remove(ref, force),
      'containers:check': ({ spec }) => run.check(spec),
      'containers:run': ({ spec }) => run.run(spec),
      'containers:exitReport': ({ id }) => run.exitReport(id),
    },
    streams: {
      'engine:status': (_args, emit) => {
        emit(connection.status);
        return connection.onStatus(emit);
      },
      'containers:changed': (_args, emit) => containers.watch(emit),
      'images:changed': (_args, emit) => images.watch(emit),
      'logs:container': (args, emit) => engine.logs.watch(args, emit),
      'images:pull': ({ ref }, emit) => run.pull(ref, emit),
      'stats:container': ({ id }, emit) => stats.watch(id, emit),
      'stats:summary': ({ ids }, emit) => stats.summarize(ids, emit),
    },
  };
}
