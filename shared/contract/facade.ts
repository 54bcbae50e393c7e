import type { Result } from '../result.js';
import type { CallArgs, CallName, CallResult, StreamArgs, StreamEvent, StreamName } from './index.js';

/**
 * What the Electron preload exposes as `window.kapal`: exactly one method per contract call and one
 * per stream, named by the channel. A stream method returns its own unsubscribe.
 */
export type KapalFacade = {
  [C in CallName]: (args: CallArgs<C>) => Promise<Result<CallResult<C>>>;
} & {
  [S in StreamName]: (args: StreamArgs<S>, onEvent: (event: StreamEvent<S>) => void) => () => void;
};

/** The global name of the facade in the renderer. */
export const FACADE_GLOBAL = 'kapal';
