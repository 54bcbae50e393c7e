import { z } from 'zod';
import type { ContainerStatsEvent, StatsSummaryEvent } from '../dto-stats.js';
import { stream } from './define.js';
import { containerRef } from './common.js';

/** At most this many ids per `stats:summary` subscription: the rows a list shows at once. */
export const STATS_SUMMARY_MAX_IDS = 50;

export const statsContract = {
  calls: {},
  streams: {
    /**
     * Live stats of one container, computed in the engine layer exactly as `docker stats` does:
     * first a `history` event (up to 5 minutes at 1 s, oldest first), then one `sample` a second.
     * A stopped container pushes zero samples (`running: false`) and resumes when it starts again.
     * Failures arrive as `error` events (NOT_FOUND, ENGINE_UNREACHABLE, PERMISSION_DENIED); the stream
     * retries when the engine reconnects. One engine stream per container is shared by every
     * subscriber, and closed the moment the last one leaves.
     */
    'stats:container': stream<ContainerStatsEvent>()(z.object({ id: containerRef }).strict()),
    /**
     * CPU % and memory for the list's rows on screen (at most {@link STATS_SUMMARY_MAX_IDS} ids, the
     * running ones): pushes only changed rows, at most once a second. Kapal keeps at most 8 engine stats
     * streams open for this at once; with more ids it visits them in turn, so each row refreshes every few
     * seconds instead of every second.
     */
    'stats:summary': stream<StatsSummaryEvent>()(
      z.object({ ids: z.array(containerRef).max(STATS_SUMMARY_MAX_IDS) }).strict(),
    ),
  },
} as const;
