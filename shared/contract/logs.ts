import { z } from 'zod';
import type { LogsEvent } from '../dto-logs.js';
import { isSinceValue } from '../logs/timestamp.js';
import { stream } from './define.js';
import { containerRef } from './common.js';

/** How many lines `tail` may ask for; beyond this, ask for `'all'`. */
export const MAX_TAIL = 10_000_000;

/** `since`: Unix seconds (a number, or digits with an optional fraction) or RFC 3339 with a zone. */
const since = z.union([
  z.number().finite().nonnegative(),
  z.string().max(40).refine(isSinceValue, 'not Unix seconds or an RFC 3339 time with a zone'),
]);

export const logsContract = {
  calls: {},
  streams: {
    /**
     * `docker logs` for one container: the last `tail` lines (default 1000, or `'all'`) logged at or after
     * `since`, then, when `follow` (default true), new lines as the container writes them, across restarts
     * of the container and reconnects of the engine, with no line sent twice. `timestamps` (default false)
     * adds each line's engine timestamp (`docker logs -t`). The first event is `reset`; then `lines`
     * batches, `ended` / `resumed`, and `error` (NOT_FOUND, ENGINE_UNREACHABLE, ENGINE_ERROR).
     */
    'logs:container': stream<LogsEvent>()(
      z
        .object({
          id: containerRef,
          tail: z.union([z.number().int().min(0).max(MAX_TAIL), z.literal('all')]).default(1000),
          timestamps: z.boolean().default(false),
          since: since.optional(),
          follow: z.boolean().default(true),
        })
        .strict(),
    ),
  },
} as const;
