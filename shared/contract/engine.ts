import type { EngineStatusDTO } from '../dto.js';
import { call, stream } from './define.js';
import { noArgs } from './common.js';

export const engineContract = {
  calls: {
    /** The engine status right now. */
    'engine:getStatus': call<EngineStatusDTO>()(noArgs),
    /** Try to connect again at once instead of waiting for the backoff. */
    'engine:reconnect': call<EngineStatusDTO>()(noArgs),
  },
  streams: {
    /** Pushes the status now and on every change (connected, unreachable, reconnecting). */
    'engine:status': stream<EngineStatusDTO>()(noArgs),
  },
} as const;
