import type { KapalFacade } from '../../../shared/contract/facade.js';
import { isCallName, isStreamName } from '../../../shared/contract/index.js';
import type { Result } from '../../../shared/result.js';
import type { Transport } from './transport.js';

type AnyCall = (args: unknown) => Promise<Result<unknown>>;
type AnyStream = (args: unknown, onEvent: (e: unknown) => void) => () => void;

/** Electron: wraps the preload's facade (one method per contract channel). */
export function createIpcTransport(facade: KapalFacade): Transport {
  return {
    invoke(channel, args) {
      if (!isCallName(channel)) throw new Error(`unknown call ${channel}`);
      return (facade[channel] as unknown as AnyCall)(args);
    },
    subscribe(channel, args, onEvent) {
      if (!isStreamName(channel)) throw new Error(`unknown stream ${channel}`);
      return (facade[channel] as unknown as AnyStream)(args, onEvent);
    },
    onLink(listener) {
      listener('up');
      return () => undefined;
    },
  };
}
