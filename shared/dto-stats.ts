/**
 * Stats shapes that cross from the engine layer to the renderer: already computed as `docker stats`
 * computes them, so the renderer only shows numbers. Never NaN: a stopped container reads 0.
 */
import type { KapalError } from './result.js';
import type { StatsOs } from './stats/raw.js';

export type { StatsOs };

/** One computed sample of one container, about once a second. */
export interface StatsSampleDTO {
  /** When Kapal received it, ms since epoch (Kapal's clock, so a remote engine's clock skew does not matter). */
  time: number;
  /** False for the engine's empty frames of a stopped container; every number is then 0. */
  running: boolean;
  /** Percent of one CPU: 100 is one busy core, 200 two (`docker stats` CPU %). */
  cpuPercent: number;
  /** Bytes in use without inactive page cache (`docker stats` MEM USAGE); the private working set on Windows. */
  memUsed: number;
  /** Bytes the container may use (its limit, else the host's memory); 0 on Windows. */
  memLimit: number;
  /** memUsed / memLimit × 100; 0 when the limit is 0. */
  memPercent: number;
  /** Bytes received and sent since the container started, summed over its interfaces. */
  netRx: number;
  netTx: number;
  /** Bytes per second since the previous sample; 0 for the first one. */
  netRxRate: number;
  netTxRate: number;
  /** Bytes read from and written to block devices since the container started. */
  blkRead: number;
  blkWrite: number;
  /** Bytes per second since the previous sample. */
  blkReadRate: number;
  blkWriteRate: number;
  /** Processes and threads in the container (0 on Windows). */
  pids: number;
}

/** Pushed on `stats:container`. */
export type ContainerStatsEvent =
  /** First, on subscribe: what Kapal already holds (up to 5 minutes at 1 s), oldest first. */
  | { kind: 'history'; os: StatsOs; samples: StatsSampleDTO[] }
  /** Then one per engine frame. */
  | { kind: 'sample'; sample: StatsSampleDTO }
  /** The engine refused (NOT_FOUND when the container was removed, ENGINE_UNREACHABLE, …); the stream stays open and resumes by itself. */
  | { kind: 'error'; error: KapalError };

/** The list's CPU and memory columns for one container. */
export interface StatsSummaryDTO {
  id: string;
  /** ms since epoch of the sample these numbers come from. */
  time: number;
  running: boolean;
  /** As {@link StatsSampleDTO.cpuPercent}. */
  cpuPercent: number;
  /** Bytes, as {@link StatsSampleDTO.memUsed}. */
  memUsed: number;
  /** Bytes, as {@link StatsSampleDTO.memLimit}. */
  memLimit: number;
}

/** Pushed on `stats:summary`: the containers whose numbers changed since the last push (at most once a second). */
export interface StatsSummaryEvent {
  os: StatsOs;
  items: StatsSummaryDTO[];
}
