import type { ContainerTimingDTO } from '../dto.js';
import { humanDuration } from './duration.js';

/** Go's zero time, which the engine writes for "never started" / "never finished". */
function isZero(ts: string | undefined): boolean {
  return !ts || ts.startsWith('0001-01-01');
}

/**
 * A container's STATUS as `docker ps` prints it, computed from its state and timestamps the way the
 * daemon's State.String() does, so it can stay live on screen: "Up 5 minutes", "Up 2 hours (healthy)",
 * "Up 3 days (Paused)", "Restarting (1) 5 seconds ago", "Exited (137) 2 hours ago", "Created", "Dead",
 * "Removal In Progress".
 */
export function statusText(state: string, t: ContainerTimingDTO, nowMs: number): string {
  const since = (ts: string) => humanDuration(Math.max(0, nowMs - Date.parse(ts)));
  switch (state) {
    case 'running':
      return t.health ? `Up ${since(t.startedAt)} (${healthText(t.health)})` : `Up ${since(t.startedAt)}`;
    case 'paused':
      return `Up ${since(t.startedAt)} (Paused)`;
    case 'restarting':
      return `Restarting (${t.exitCode}) ${since(t.finishedAt)} ago`;
    case 'removing':
      return 'Removal In Progress';
    case 'dead':
      return 'Dead';
    default:
      if (isZero(t.startedAt)) return 'Created';
      if (isZero(t.finishedAt)) return '';
      return `Exited (${t.exitCode}) ${since(t.finishedAt)} ago`;
  }
}

function healthText(h: string): string {
  return h === 'starting' ? 'health: starting' : h;
}

/** The status to show now: live from the timestamps when known, else the engine's text as listed. */
export function liveStatus(c: { state: string; status: string; timing?: ContainerTimingDTO }, nowMs: number): string {
  return c.timing ? statusText(c.state, c.timing, nowMs) || c.status : c.status;
}
