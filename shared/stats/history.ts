import type { StatsSampleDTO } from '../dto-stats.js';

/** How far back the charts look: 5 minutes. */
export const HISTORY_WINDOW_MS = 5 * 60_000;
/** One sample a second over the window, with a little slack for jitter in the engine's 1 s ticks. */
export const HISTORY_MAX_SAMPLES = 320;

/**
 * Append a sample and drop what is older than the window (measured from the newest sample, so the
 * result depends on the samples alone) or beyond the count bound. Returns a new array; samples that
 * arrive out of order replace nothing and are dropped.
 */
export function appendBounded(
  history: readonly StatsSampleDTO[],
  sample: StatsSampleDTO,
  windowMs = HISTORY_WINDOW_MS,
  maxSamples = HISTORY_MAX_SAMPLES,
): StatsSampleDTO[] {
  const last = history[history.length - 1];
  if (last && sample.time < last.time) return history.slice();
  const oldest = sample.time - windowMs;
  let start = 0;
  while (start < history.length && (history[start]?.time ?? 0) < oldest) start++;
  const next = history.slice(Math.max(start, history.length + 1 - maxSamples));
  next.push(sample);
  return next;
}
