/**
 * The fields of the Engine's `GET /containers/{id}/stats` payload that `docker stats` reads, as the engine
 * sends them (snake_case JSON). Everything is optional: a stopped container's frame has empty objects,
 * cgroup v2 hosts leave out `percpu_usage`, Windows daemons send `num_procs` and `storage_stats` instead.
 */
export interface RawCpuStats {
  cpu_usage?: {
    /** Nanoseconds of CPU time (Linux); 100 ns intervals (Windows). */
    total_usage?: number;
    /** Per-CPU nanoseconds; cgroup v1 only. */
    percpu_usage?: number[] | null;
  };
  /** Host CPU time in nanoseconds, summed over all CPUs (Linux only). */
  system_cpu_usage?: number;
  online_cpus?: number;
}

export interface RawMemoryStats {
  /** Bytes, page cache included. */
  usage?: number;
  /** Bytes; the host's memory when the container has no limit. */
  limit?: number;
  /** cgroup v1 keys (`total_inactive_file`, …) or cgroup v2 keys (`inactive_file`, `anon`, …). */
  stats?: Record<string, number>;
  /** Windows only. */
  privateworkingset?: number;
}

export interface RawBlkioEntry {
  major?: number;
  minor?: number;
  /** cgroup v1: "Read", "Write", "Sync", "Async", "Discard", "Total"; cgroup v2: "read", "write". */
  op?: string;
  value?: number;
}

export interface RawNetworkStats {
  rx_bytes?: number;
  tx_bytes?: number;
}

export interface RawStats {
  /** RFC 3339 with nanoseconds; `0001-01-01T00:00:00Z` when the container is not running. */
  read?: string;
  preread?: string;
  name?: string;
  id?: string;
  /** Windows only: the number of processors the container may use. */
  num_procs?: number;
  pids_stats?: { current?: number };
  cpu_stats?: RawCpuStats;
  precpu_stats?: RawCpuStats;
  memory_stats?: RawMemoryStats;
  blkio_stats?: { io_service_bytes_recursive?: RawBlkioEntry[] | null };
  /** Windows only. */
  storage_stats?: { read_size_bytes?: number; write_size_bytes?: number };
  /** Per interface; absent with `--network none`. */
  networks?: Record<string, RawNetworkStats>;
}

/** The daemon's OS, which decides the formulas (`docker stats` takes it from the server, not the payload). */
export type StatsOs = 'linux' | 'windows';
