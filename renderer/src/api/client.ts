import { FACADE_GLOBAL, type KapalFacade } from '../../../shared/contract/facade.js';
import type {
  CallArgs,
  CallName,
  CallResult,
  StreamArgs,
  StreamEvent,
  StreamName,
} from '../../../shared/contract/index.js';
import type { Result } from '../../../shared/result.js';
import { createIpcTransport } from './ipc-transport.js';
import type { LinkState, Transport } from './transport.js';
import { createWsTransport } from './ws-transport.js';

/** The typed client every feature uses; channel names and shapes come from the contract. */
export interface Client {
  call<C extends CallName>(channel: C, args: CallArgs<C>): Promise<Result<CallResult<C>>>;
  subscribe<S extends StreamName>(channel: S, args: StreamArgs<S>, onEvent: (e: StreamEvent<S>) => void): () => void;
  onLink(listener: (state: LinkState) => void): () => void;
}

export function createClient(transport: Transport): Client {
  return {
    call: (channel, args) => transport.invoke(channel, args) as Promise<Result<never>>,
    subscribe: (channel, args, onEvent) => transport.subscribe(channel, args, (p) => onEvent(p as never)),
    onLink: (l) => transport.onLink(l),
  };
}

/** Electron if the preload put the facade there, else browser mode over the page's own origin. */
export function defaultClient(): Client {
  const facade = (window as unknown as Record<string, KapalFacade | undefined>)[FACADE_GLOBAL];
  if (facade) return createClient(createIpcTransport(facade));
  const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return createClient(createWsTransport(`${proto}//${location.host}/ws`));
}
