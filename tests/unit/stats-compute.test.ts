import { describe, expect, it } from 'vitest';
import {
  blockTotals,
  computeSample,
  cpuPercentUnix,
  cpuPercentWindows,
  hasCpuBase,
  memPercent,
  memUsedUnix,
  networkTotals,
  parseEngineTime,
} from '../../shared/stats/compute.js';
import type { RawStats } from '../../shared/stats/raw.js';
import { rawFixture, streamFixture } from './stats-fixtures.js';

describe('CPU % as docker stats computes it (calculateCPUPercentUnix)', () => {
  it('samples (container 100, system 1000) then (300, 3000) with 2 online CPUs give 20 %', () => {
    const pre = { cpu_usage: { total_usage: 100 }, system_cpu_usage: 1000, online_cpus: 2 };
    const cur = { cpu_usage: { total_usage: 300 }, system_cpu_usage: 3000, online_cpus: 2 };
    expect(cpuPercentUnix(pre, cur)).toBeCloseTo(20, 10);
  });

  it('one fully busy core reads 100 %, not 100 divided by the core count', () => {
    // 4 CPUs for 1 s: the host's counter moves 4 × 1e9 ns; the container used one core for that second.
    const pre = { cpu_usage: { total_usage: 5e9 }, system_cpu_usage: 1_000e9, online_cpus: 4 };
    const cur = { cpu_usage: { total_usage: 6e9 }, system_cpu_usage: 1_004e9, online_cpus: 4 };
    expect(cpuPercentUnix(pre, cur)).toBeCloseTo(100, 10);
  });

  it('uses the length of percpu_usage when online_cpus is 0 (older daemons)', () => {
    const pre = { cpu_usage: { total_usage: 0, percpu_usage: [0, 0, 0] }, system_cpu_usage: 0 };
    const cur = { cpu_usage: { total_usage: 1e9, percpu_usage: [1e9, 0, 0] }, system_cpu_usage: 3e9, online_cpus: 0 };
    expect(cpuPercentUnix(pre, cur)).toBeCloseTo(100, 10);
  });

  it('reads 0 when either delta is not positive, never NaN', () => {
    const a = { cpu_usage: { total_usage: 500 }, system_cpu_usage: 1000, online_cpus: 2 };
    expect(cpuPercentUnix(a, a)).toBe(0);
    expect(cpuPercentUnix(a, { ...a, cpu_usage: { total_usage: 400 }, system_cpu_usage: 2000 })).toBe(0);
    expect(cpuPercentUnix(a, { ...a, cpu_usage: { total_usage: 900 }, system_cpu_usage: 900 })).toBe(0);
    expect(cpuPercentUnix(undefined, undefined)).toBe(0);
  });

  it('the recorded --cpus 0.5 burner reads about 50 % in every frame of its stream, from precpu_stats', () => {
    const frames = streamFixture('burner-stream');
    expect(frames.length).toBeGreaterThanOrEqual(4);
    // The first frame of a stream has empty precpu_stats: no base to compute from.
    expect(hasCpuBase(frames[0] as RawStats, undefined, 'linux')).toBe(false);
    for (let i = 1; i < frames.length; i++) {
      const f = frames[i] as RawStats;
      // The engine's precpu_stats is the previous frame's cpu_stats.
      expect(f.precpu_stats?.cpu_usage?.total_usage).toBe(frames[i - 1]?.cpu_stats?.cpu_usage?.total_usage);
      const pct = computeSample(f, frames[i - 1], 'linux', 0).cpuPercent;
      expect(pct).toBeGreaterThan(40);
      expect(pct).toBeLessThan(60);
    }
  });

  it('falls back to the previous frame we kept when precpu_stats is empty', () => {
    const [a, b] = streamFixture('burner-stream') as [RawStats, RawStats];
    const withoutPre: RawStats = { ...b, precpu_stats: {} };
    expect(hasCpuBase(withoutPre, a, 'linux')).toBe(true);
    expect(computeSample(withoutPre, a, 'linux', 0).cpuPercent).toBeCloseTo(
      computeSample(b, a, 'linux', 0).cpuPercent,
      10,
    );
    expect(computeSample(withoutPre, undefined, 'linux', 0).cpuPercent).toBe(0);
  });
});

describe('Windows daemons (calculateCPUPercentWindows, private working set)', () => {
  // No Windows daemon here: the fields are those of the Engine API's ContainerStatsResponse
  // (read, preread, num_procs, cpu_usage.total_usage in 100 ns intervals, memory_stats.privateworkingset,
  // storage_stats.read_size_bytes / write_size_bytes).
  const win: RawStats = {
    read: '2024-05-01T10:00:01.000000000Z',
    preread: '2024-05-01T10:00:00.000000000Z',
    num_procs: 2,
    cpu_stats: { cpu_usage: { total_usage: 30_000_000 } },
    precpu_stats: { cpu_usage: { total_usage: 20_000_000 } },
    memory_stats: { privateworkingset: 52_428_800 },
    storage_stats: { read_size_bytes: 4096, write_size_bytes: 8192 },
  };

  it('one of two processors busy for the second between preread and read is 50 %', () => {
    // 1e7 intervals of 100 ns used; 1 s × 2 processors could have used 2e7.
    const s = computeSample(win, undefined, 'windows', 0);
    expect(s.cpuPercent).toBeCloseTo(50, 10);
    expect(s.memUsed).toBe(52_428_800);
    expect(s.memLimit).toBe(0);
    expect(s.memPercent).toBe(0);
    expect([s.blkRead, s.blkWrite]).toEqual([4096, 8192]);
  });

  it('keeps nanoseconds of read/preread that Date.parse would drop', () => {
    const r = parseEngineTime('2024-05-01T10:00:00.000000900Z');
    const p = parseEngineTime('2024-05-01T10:00:00.000000000Z');
    // 900 ns = 9 intervals possible on 1 processor; 9 used → 100 %.
    const pct = cpuPercentWindows(r, p, 1, { cpu_usage: { total_usage: 9 } }, { cpu_usage: { total_usage: 0 } });
    expect(pct).toBeCloseTo(100, 10);
  });

  it('reads 0 without a preread, with no processors, or when the counter went back', () => {
    const r = parseEngineTime(win.read);
    expect(cpuPercentWindows(r, undefined, 2, win.cpu_stats, win.precpu_stats)).toBe(0);
    expect(cpuPercentWindows(r, parseEngineTime(win.preread), 0, win.cpu_stats, win.precpu_stats)).toBe(0);
    expect(cpuPercentWindows(r, parseEngineTime(win.preread), 2, win.precpu_stats, win.cpu_stats)).toBe(0);
  });
});

describe('memory as docker stats computes it (calculateMemUsageUnixNoCache)', () => {
  it('cgroup v1: usage - total_inactive_file (recorded: a container that wrote 8 MiB of page cache)', () => {
    const raw = rawFixture('pagecache');
    const mem = raw.memory_stats;
    const inactive = mem?.stats?.total_inactive_file ?? 0;
    // The recorded payload really has page cache to remove, so this is not usage - 0.
    expect(inactive).toBeGreaterThan(4 * 1024 * 1024);
    expect(memUsedUnix(mem)).toBe((mem?.usage ?? 0) - inactive);
  });

  it('cgroup v2: usage - inactive_file', () => {
    // No cgroup v2 host here: the field names are those the Engine API documents for cgroup v2
    // (memory_stats.stats has anon, file, inactive_file, active_file, … and no total_* keys).
    const mem = {
      usage: 100_000_000,
      limit: 1_000_000_000,
      stats: { anon: 60_000_000, file: 40_000_000, inactive_file: 30_000_000, active_file: 10_000_000 },
    };
    expect(memUsedUnix(mem)).toBe(70_000_000);
    expect(memPercent(memUsedUnix(mem), mem.limit)).toBeCloseTo(7, 10);
  });

  it('v1 with total_inactive_file not below usage falls to inactive_file, then to usage, as the CLI does', () => {
    expect(memUsedUnix({ usage: 100, stats: { total_inactive_file: 100, inactive_file: 30 } })).toBe(70);
    expect(memUsedUnix({ usage: 100, stats: { total_inactive_file: 200, inactive_file: 200 } })).toBe(100);
    expect(memUsedUnix({ usage: 100 })).toBe(100);
    expect(memUsedUnix(undefined)).toBe(0);
  });

  it('memory % is 0 when the limit is 0 (no NaN)', () => {
    expect(memPercent(123, 0)).toBe(0);
    expect(memPercent(50, 200)).toBe(25);
  });
});

describe('network and block I/O totals', () => {
  it('sums rx and tx over every interface (recorded: the burner on two networks)', () => {
    const nets = rawFixture('burner').networks ?? {};
    expect(Object.keys(nets).sort()).toEqual(['eth0', 'eth1']);
    const { rx, tx } = networkTotals(nets);
    expect(rx).toBe((nets.eth0?.rx_bytes ?? 0) + (nets.eth1?.rx_bytes ?? 0));
    expect(tx).toBe((nets.eth0?.tx_bytes ?? 0) + (nets.eth1?.tx_bytes ?? 0));
    expect(networkTotals(undefined)).toEqual({ rx: 0, tx: 0 });
  });

  it('block I/O by op, case-insensitively: cgroup v1 "Read"/"Write" and v2 "read"/"write"; Sync, Async, Total skipped', () => {
    // This VM's block devices do no blkio accounting (the recorded lists are empty), so the entries
    // follow the Engine API's documented shape: {major, minor, op, value}.
    const v1 = [
      { major: 8, minor: 0, op: 'Read', value: 4096 },
      { major: 8, minor: 0, op: 'Write', value: 8192 },
      { major: 8, minor: 0, op: 'Sync', value: 1 },
      { major: 8, minor: 0, op: 'Async', value: 2 },
      { major: 8, minor: 0, op: 'Total', value: 12288 },
      { major: 8, minor: 16, op: 'Read', value: 1000 },
    ];
    expect(blockTotals(v1)).toEqual({ read: 5096, write: 8192 });
    const v2 = [
      { major: 254, minor: 0, op: 'read', value: 2_000_000 },
      { major: 254, minor: 0, op: 'write', value: 3_000_000 },
    ];
    expect(blockTotals(v2)).toEqual({ read: 2_000_000, write: 3_000_000 });
    expect(blockTotals(rawFixture('idle').blkio_stats?.io_service_bytes_recursive)).toEqual({ read: 0, write: 0 });
    expect(blockTotals(null)).toEqual({ read: 0, write: 0 });
  });

  it('rates are bytes per second between consecutive frames', () => {
    const frames = streamFixture('burner-stream');
    const [a, b] = frames as [RawStats, RawStats];
    const s = computeSample(b, a, 'linux', 0);
    const seconds = (Date.parse(b.read ?? '') - Date.parse(a.read ?? '')) / 1000;
    const drx = networkTotals(b.networks).rx - networkTotals(a.networks).rx;
    expect(s.netRxRate).toBeCloseTo(drx / seconds, 0);
    expect(computeSample(b, undefined, 'linux', 0).netRxRate).toBe(0);
  });
});

describe('a stopped container reads 0, never NaN', () => {
  it('the recorded one-shot stats of a created container', () => {
    const s = computeSample(rawFixture('stopped'), undefined, 'linux', 1234);
    expect(s.running).toBe(false);
    expect(s.time).toBe(1234);
    for (const [k, v] of Object.entries(s)) {
      if (typeof v === 'number' && k !== 'time') expect(v, k).toBe(0);
    }
  });

  it('the empty frames of a stream across docker kill, and the frame after it (counters went to 0)', () => {
    for (const [i, f] of streamFixture('cycle-stream').entries()) {
      const s = computeSample(f, streamFixture('cycle-stream')[i - 1], 'linux', 0);
      for (const v of Object.values(s)) if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
      if (!s.running) expect([s.cpuPercent, s.memUsed, s.netRx, s.pids]).toEqual([0, 0, 0, 0]);
    }
  });
});
