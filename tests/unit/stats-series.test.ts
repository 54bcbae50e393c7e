import { describe, expect, it } from 'vitest';
import type { StatsSampleDTO } from '../../shared/dto-stats.js';
import { appendBounded, HISTORY_MAX_SAMPLES, HISTORY_WINDOW_MS } from '../../shared/stats/history.js';
import {
  binaryUnitFor,
  decimalRateUnitFor,
  niceAxis,
  secondsAgoTick,
  statsSeries,
  timeTicks,
  valueTick,
} from '../../shared/stats/series.js';
import { zeroSample } from '../../shared/stats/compute.js';

function sample(time: number, over: Partial<StatsSampleDTO> = {}): StatsSampleDTO {
  return { ...zeroSample(time, true), ...over };
}

describe('bounded history', () => {
  it('keeps 5 minutes at 1 s and drops older samples', () => {
    let h: StatsSampleDTO[] = [];
    for (let i = 0; i <= 600; i++) h = appendBounded(h, sample(i * 1000));
    expect(h[h.length - 1]?.time).toBe(600_000);
    expect(h[0]?.time).toBe(600_000 - HISTORY_WINDOW_MS);
    expect(h).toHaveLength(301);
  });

  it('never holds more than the count bound, even with samples closer than 1 s', () => {
    let h: StatsSampleDTO[] = [];
    for (let i = 0; i < 2000; i++) h = appendBounded(h, sample(i * 10));
    expect(h).toHaveLength(HISTORY_MAX_SAMPLES);
  });

  it('drops a sample older than the newest one', () => {
    const h = appendBounded([sample(5000)], sample(4000));
    expect(h.map((s) => s.time)).toEqual([5000]);
  });
});

describe('chart series', () => {
  it('time in seconds before the newest sample, memory in one binary unit, rates in one decimal unit', () => {
    const s = statsSeries([
      sample(1000, { cpuPercent: 50, memUsed: 32 * 2 ** 20, netRxRate: 1500 }),
      sample(2000, { cpuPercent: 49, memUsed: 64 * 2 ** 20, netRxRate: 500, blkWriteRate: 2_000_000 }),
    ]);
    expect(s.memUnit).toEqual({ symbol: 'MiB', divisor: 2 ** 20 });
    expect(s.netUnit).toEqual({ symbol: 'kB/s', divisor: 1000 });
    expect(s.blkUnit).toEqual({ symbol: 'MB/s', divisor: 1e6 });
    expect(s.points.map((p) => [p.t, p.cpu, p.mem, p.netRx, p.blkWrite])).toEqual([
      [-1, 50, 32, 1.5, 0],
      [0, 49, 64, 0.5, 2],
    ]);
    expect(s.cpuAxis).toEqual({ max: 100, ticks: [0, 25, 50, 75, 100] });
    expect(s.memAxis).toEqual({ max: 80, ticks: [0, 20, 40, 60, 80] });
    expect(s.netAxis).toEqual({ max: 1.5, ticks: [0, 0.5, 1, 1.5] });
    expect(s.windowSeconds).toBe(300);
  });

  it('a gap of more than 3 s breaks the lines', () => {
    const s = statsSeries([sample(0), sample(1000), sample(20_000)]);
    expect(s.points).toHaveLength(4);
    expect(s.points[2]?.cpu).toBeNull();
  });

  it('the CPU axis grows past 100 % for multi-core use', () => {
    expect(statsSeries([sample(0, { cpuPercent: 180 })]).cpuAxis).toEqual({ max: 200, ticks: [0, 50, 100, 150, 200] });
    expect(statsSeries([]).points).toEqual([]);
  });

  it('value axes have round ticks', () => {
    expect(niceAxis(1.97)).toEqual({ max: 2, ticks: [0, 0.5, 1, 1.5, 2] });
    // 2.2 / 4 = 0.55: the next round step is 1.
    expect(niceAxis(2.2)).toEqual({ max: 3, ticks: [0, 1, 2, 3] });
    expect(niceAxis(980)).toEqual({ max: 1000, ticks: [0, 250, 500, 750, 1000] });
    expect(niceAxis(0.3)).toEqual({ max: 0.3, ticks: [0, 0.1, 0.2, 0.3] });
    expect(niceAxis(0)).toEqual({ max: 1, ticks: [0, 0.5, 1] });
  });

  it('units and ticks', () => {
    expect(binaryUnitFor(0).symbol).toBe('B');
    expect(binaryUnitFor(1023).symbol).toBe('B');
    expect(binaryUnitFor(1024).symbol).toBe('KiB');
    expect(binaryUnitFor(3 * 2 ** 30).symbol).toBe('GiB');
    expect(decimalRateUnitFor(999).symbol).toBe('B/s');
    expect(decimalRateUnitFor(1000).symbol).toBe('kB/s');
    expect(timeTicks(300)).toEqual([-300, -240, -180, -120, -60, 0]);
    expect(secondsAgoTick(-120)).toBe('120');
    expect(secondsAgoTick(0)).toBe('0');
    expect(valueTick(1000)).toBe('1000');
    expect(valueTick(0.25)).toBe('0.25');
  });
});
