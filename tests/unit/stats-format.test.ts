import { describe, expect, it } from 'vitest';
import {
  blockIOText,
  formatGoFixed,
  memPercentText,
  memUsageText,
  netIOText,
  percentText,
  pidsText,
  rateText,
} from '../../shared/format/stats.js';
import { computeSample } from '../../shared/stats/compute.js';
import { cliStats, rawFixture } from './stats-fixtures.js';

describe("Go's FormatFloat(v, 'f', 2)", () => {
  it('rounds exact ties half to even, everything else from the exact binary value', () => {
    expect(formatGoFixed(0.125, 2)).toBe('0.12');
    expect(formatGoFixed(0.375, 2)).toBe('0.38');
    expect(formatGoFixed(2.5, 0)).toBe('2');
    expect(formatGoFixed(3.5, 0)).toBe('4');
    // 1.005 is stored just below the tie (1.00499999999999989…), 99.995 and 0.005 just above it.
    expect(formatGoFixed(1.005, 2)).toBe('1.00');
    expect(formatGoFixed(99.995, 2)).toBe('100.00');
    expect(formatGoFixed(0.005, 2)).toBe('0.01');
    expect(formatGoFixed(9.999, 2)).toBe('10.00');
    expect(formatGoFixed(0, 2)).toBe('0.00');
    expect(formatGoFixed(199.999999, 2)).toBe('200.00');
  });
});

describe('the columns of docker stats, against the CLI recorded in the same moment', () => {
  // The recorder started `docker stats --no-stream` and the API reads together; the daemon's collector
  // hands one sample per second to every subscriber, so both saw the same frame.
  const cli = cliStats('cli-stats.txt');

  for (const name of ['burner', 'mem64', 'pagecache', 'idle']) {
    it(name, () => {
      const raw = rawFixture(name);
      const s = computeSample(raw, undefined, 'linux', 0);
      const [cpu, memUsage, memPerc, net, block, pids] = cli.get(name) ?? [];
      expect(percentText(s.cpuPercent)).toBe(cpu);
      expect(memUsageText(s)).toBe(memUsage);
      expect(memPercentText(s)).toBe(memPerc);
      expect(netIOText(s)).toBe(net);
      expect(blockIOText(s)).toBe(block);
      expect(pidsText(s)).toBe(pids);
    });
  }

  it('the memory holder really holds about 64 MiB', () => {
    const s = computeSample(rawFixture('mem64'), undefined, 'linux', 0);
    expect(s.memUsed / 2 ** 20).toBeGreaterThan(60);
    expect(s.memUsed / 2 ** 20).toBeLessThan(70);
  });

  it('a stopped container, as the CLI prints it', () => {
    const [cpu, memUsage, memPerc, net, block, pids] = cliStats('cli-stats-stopped.txt').get('stopped') ?? [];
    const s = computeSample(rawFixture('stopped'), undefined, 'linux', 0);
    expect([
      percentText(s.cpuPercent),
      memUsageText(s),
      memPercentText(s),
      netIOText(s),
      blockIOText(s),
      pidsText(s),
    ]).toEqual([cpu, memUsage, memPerc, net, block, pids]);
  });

  it('Windows prints the working set alone and "--" for MEM % and PIDS', () => {
    const s = { memUsed: 52_428_800, memLimit: 0, memPercent: 0, pids: 0 };
    expect(memUsageText(s, 'windows')).toBe('50MiB');
    expect(memPercentText(s, 'windows')).toBe('--');
    expect(pidsText(s, 'windows')).toBe('--');
  });

  it('rates in the decimal units of NET I/O', () => {
    expect(rateText(0)).toBe('0B/s');
    expect(rateText(1918)).toBe('1.92kB/s');
    expect(rateText(12_345_678)).toBe('12.3MB/s');
  });
});
