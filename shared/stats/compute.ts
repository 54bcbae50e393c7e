/**
 * `docker stats` arithmetic, as the Docker CLI does it (cli/command/container/stats_helpers.go), on the
 * Engine's raw payload. Pure: no clock, no I/O. Every function returns a finite number, 0 when the
 * payload has nothing to say (a stopped container, the first frame of a stream).
 */
import type { StatsSampleDTO } from '../dto-stats.js';
import type { RawBlkioEntry, RawCpuStats, RawMemoryStats, RawNetworkStats, RawStats, StatsOs } from './raw.js';

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** An RFC 3339 time with nanoseconds, split so that differences keep nanosecond precision. */
export interface EngineTime {
  seconds: number;
  nanos: number;
}

const TIME = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/;

/** Parse the engine's `read`/`preread`; undefined for Go's zero time (year 1) and anything unreadable. */
export function parseEngineTime(text: string | undefined): EngineTime | undefined {
  const m = text ? TIME.exec(text) : null;
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac = '', zone = 'Z'] = m;
  if (Number(y) <= 1) return undefined;
  const ms = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}${zone}`);
  if (!Number.isFinite(ms)) return undefined;
  return { seconds: ms / 1000, nanos: Number(frac.slice(0, 9).padEnd(9, '0')) };
}

function nanosBetween(later: EngineTime, earlier: EngineTime): number {
  return (later.seconds - earlier.seconds) * 1e9 + (later.nanos - earlier.nanos);
}

/** A frame from a running container (the engine sends Go's zero time in `read` otherwise). */
export function isRunningFrame(raw: RawStats): boolean {
  return parseEngineTime(raw.read) !== undefined;
}

/**
 * CLI `calculateCPUPercentUnix`: (Δcontainer / Δsystem) × online CPUs × 100, where online CPUs is
 * `online_cpus`, or the length of `percpu_usage` when that is 0 (older daemons). 0 unless both deltas
 * are positive. So one fully busy core reads 100 whatever the host's core count.
 */
export function cpuPercentUnix(previous: RawCpuStats | undefined, current: RawCpuStats | undefined): number {
  const cpuDelta = num(current?.cpu_usage?.total_usage) - num(previous?.cpu_usage?.total_usage);
  const systemDelta = num(current?.system_cpu_usage) - num(previous?.system_cpu_usage);
  let online = num(current?.online_cpus);
  if (online === 0) online = current?.cpu_usage?.percpu_usage?.length ?? 0;
  if (systemDelta > 0 && cpuDelta > 0) return (cpuDelta / systemDelta) * online * 100;
  return 0;
}

/**
 * CLI `calculateCPUPercentWindows`: CPU time (in 100 ns intervals) used between `preread` and `read`,
 * over the intervals `num_procs` processors could have used in that time.
 */
export function cpuPercentWindows(
  read: EngineTime | undefined,
  preread: EngineTime | undefined,
  numProcs: number,
  current: RawCpuStats | undefined,
  previous: RawCpuStats | undefined,
): number {
  if (!read || !preread) return 0;
  const ns = nanosBetween(read, preread);
  if (ns <= 0) return 0;
  const possible = Math.floor(ns / 100) * Math.max(0, Math.floor(num(numProcs)));
  if (possible <= 0) return 0;
  // The CLI subtracts uint64s; a counter that went backwards (a restart) reads 0 here rather than wrap.
  const used = num(current?.cpu_usage?.total_usage) - num(previous?.cpu_usage?.total_usage);
  return used > 0 ? (used / possible) * 100 : 0;
}

/**
 * CLI `calculateMemUsageUnixNoCache`: cgroup v1 `usage - total_inactive_file` (when that is below usage),
 * else cgroup v2 `usage - inactive_file` (when below usage), else `usage`.
 */
export function memUsedUnix(mem: RawMemoryStats | undefined): number {
  const usage = num(mem?.usage);
  const stats = mem?.stats ?? {};
  if (Object.prototype.hasOwnProperty.call(stats, 'total_inactive_file')) {
    const v1 = num(stats.total_inactive_file);
    if (v1 < usage) return usage - v1;
  }
  const v2 = num(stats.inactive_file);
  if (v2 < usage) return usage - v2;
  return usage;
}

/** CLI `calculateMemPercentUnixNoCache`: used / limit × 100, 0 when the limit is 0. */
export function memPercent(used: number, limit: number): number {
  return limit !== 0 ? (used / limit) * 100 : 0;
}

/** CLI `calculateNetwork`: rx and tx bytes summed over every interface. */
export function networkTotals(networks: Record<string, RawNetworkStats> | undefined): { rx: number; tx: number } {
  let rx = 0;
  let tx = 0;
  for (const n of Object.values(networks ?? {})) {
    rx += num(n.rx_bytes);
    tx += num(n.tx_bytes);
  }
  return { rx, tx };
}

/**
 * CLI `calculateBlockIO`: `io_service_bytes_recursive` entries whose op starts with r/R are reads, w/W
 * writes ("Read"/"Write" on cgroup v1, "read"/"write" on v2); Sync, Async, Discard and Total are skipped.
 */
export function blockTotals(entries: RawBlkioEntry[] | null | undefined): { read: number; write: number } {
  let read = 0;
  let write = 0;
  for (const e of entries ?? []) {
    const first = e.op?.[0];
    if (first === 'r' || first === 'R') read += num(e.value);
    else if (first === 'w' || first === 'W') write += num(e.value);
  }
  return { read, write };
}

/** Where a frame's CPU delta starts: the engine's `precpu_stats`, else the previous frame we kept. */
function cpuBase(
  cur: RawStats,
  prev: RawStats | undefined,
  os: StatsOs,
): { cpu: RawCpuStats; at?: EngineTime } | undefined {
  const preread = parseEngineTime(cur.preread);
  const fromEngine = os === 'windows' ? preread !== undefined : num(cur.precpu_stats?.system_cpu_usage) > 0;
  if (fromEngine && cur.precpu_stats) return { cpu: cur.precpu_stats, ...(preread ? { at: preread } : {}) };
  if (!prev) return undefined;
  const at = parseEngineTime(prev.read);
  if (!at || !prev.cpu_stats) return undefined;
  if (os !== 'windows' && num(prev.cpu_stats.system_cpu_usage) <= 0) return undefined;
  return { cpu: prev.cpu_stats, at };
}

/**
 * Whether this frame can give a CPU % at all. The first frame of an engine stream has empty
 * `precpu_stats`; the CLI then divides lifetime totals (a meaningless near-0 figure), Kapal waits a frame.
 */
export function hasCpuBase(cur: RawStats, prev: RawStats | undefined, os: StatsOs): boolean {
  return isRunningFrame(cur) && cpuBase(cur, prev, os) !== undefined;
}

/** The byte totals of a frame, by the daemon's OS. */
function totals(raw: RawStats, os: StatsOs) {
  const net = networkTotals(raw.networks);
  const blk =
    os === 'windows'
      ? { read: num(raw.storage_stats?.read_size_bytes), write: num(raw.storage_stats?.write_size_bytes) }
      : blockTotals(raw.blkio_stats?.io_service_bytes_recursive);
  return { net, blk };
}

const rate = (now: number, before: number, seconds: number) =>
  seconds > 0 && now >= before ? (now - before) / seconds : 0;

/**
 * One frame → one sample. `prev` is the frame before it in the same engine stream, if any: it supplies
 * the CPU base when the engine's precpu is empty, and the byte rates (over the engine's own read times).
 * `now` (ms, when Kapal received the frame) dates the sample: one clock for running and stopped frames
 * alike, and the right one for "the last 5 minutes" when a remote engine's clock is off.
 */
export function computeSample(cur: RawStats, prev: RawStats | undefined, os: StatsOs, now: number): StatsSampleDTO {
  const read = parseEngineTime(cur.read);
  if (!read) return zeroSample(now, false);
  const base = cpuBase(cur, prev, os);
  let cpuPercent = 0;
  if (base && os === 'windows')
    cpuPercent = cpuPercentWindows(read, base.at, num(cur.num_procs), cur.cpu_stats, base.cpu);
  else if (base) cpuPercent = cpuPercentUnix(base.cpu, cur.cpu_stats);

  const memUsed = os === 'windows' ? num(cur.memory_stats?.privateworkingset) : memUsedUnix(cur.memory_stats);
  const memLimit = os === 'windows' ? 0 : num(cur.memory_stats?.limit);
  const { net, blk } = totals(cur, os);

  let seconds = 0;
  let before = { net: { rx: 0, tx: 0 }, blk: { read: 0, write: 0 } };
  const prevRead = prev ? parseEngineTime(prev.read) : undefined;
  if (prev && prevRead) {
    seconds = nanosBetween(read, prevRead) / 1e9;
    before = totals(prev, os);
  }
  return {
    time: now,
    running: true,
    cpuPercent,
    memUsed,
    memLimit,
    memPercent: memPercent(memUsed, memLimit),
    netRx: net.rx,
    netTx: net.tx,
    netRxRate: rate(net.rx, before.net.rx, seconds),
    netTxRate: rate(net.tx, before.net.tx, seconds),
    blkRead: blk.read,
    blkWrite: blk.write,
    blkReadRate: rate(blk.read, before.blk.read, seconds),
    blkWriteRate: rate(blk.write, before.blk.write, seconds),
    pids: num(cur.pids_stats?.current),
  };
}

/** A sample with every figure 0 (a stopped container reads 0, never NaN). */
export function zeroSample(time: number, running: boolean): StatsSampleDTO {
  return {
    time,
    running,
    cpuPercent: 0,
    memUsed: 0,
    memLimit: 0,
    memPercent: 0,
    netRx: 0,
    netTx: 0,
    netRxRate: 0,
    netTxRate: 0,
    blkRead: 0,
    blkWrite: 0,
    blkReadRate: 0,
    blkWriteRate: 0,
    pids: 0,
  };
}
