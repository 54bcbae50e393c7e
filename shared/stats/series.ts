/**
 * Ready-to-draw chart series from stats samples: time as seconds before the newest sample, memory in one
 * binary unit and rates in one decimal unit picked from the data, so axis ticks are plain numbers and the
 * unit sits in the axis label. Pure, so the renderer only draws.
 */
import type { StatsSampleDTO } from '../dto-stats.js';
import { formatGoG } from '../format/go-float.js';
import { HISTORY_WINDOW_MS } from './history.js';

/** A unit for an axis: its symbol and how many bytes (or bytes per second) one of it is. */
export interface AxisUnit {
  symbol: string;
  divisor: number;
}

/** One point of every chart; null values break the line (a gap in the samples). */
export interface ChartPoint {
  /** Seconds relative to the newest sample: -300 … 0. */
  t: number;
  cpu: number | null;
  mem: number | null;
  netRx: number | null;
  netTx: number | null;
  blkRead: number | null;
  blkWrite: number | null;
}

/** A value axis from 0: its top and round ticks (steps of 1, 2, 2.5 or 5 × 10ⁿ). */
export interface ValueAxis {
  max: number;
  ticks: number[];
}

export interface StatsSeries {
  points: ChartPoint[];
  /** The x axis runs from -windowSeconds to 0. */
  windowSeconds: number;
  /** Up to 100 (one core) at least, more when a container uses more than one core. */
  cpuAxis: ValueAxis;
  memAxis: ValueAxis;
  netAxis: ValueAxis;
  blkAxis: ValueAxis;
  memUnit: AxisUnit;
  netUnit: AxisUnit;
  blkUnit: AxisUnit;
}

/** An axis from 0 to at least `max` with about `count` round steps; 0 to 1 when there is nothing yet. */
export function niceAxis(max: number, count = 4): ValueAxis {
  if (!(max > 0) || !Number.isFinite(max)) return { max: 1, ticks: [0, 0.5, 1] };
  const rough = max / count;
  const pow = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * pow).find((st) => st >= rough * (1 - 1e-12)) ?? 10 * pow;
  const steps = Math.ceil(max / step - 1e-9);
  const ticks = Array.from({ length: steps + 1 }, (_, i) => Number((i * step).toPrecision(12)));
  return { max: ticks[ticks.length - 1] ?? max, ticks };
}

const BINARY = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
const DECIMAL_RATE = ['B/s', 'kB/s', 'MB/s', 'GB/s', 'TB/s'];

function unitFor(max: number, base: number, symbols: string[]): AxisUnit {
  let i = 0;
  let divisor = 1;
  while (max >= divisor * base && i < symbols.length - 1) {
    divisor *= base;
    i++;
  }
  return { symbol: symbols[i] ?? symbols[0] ?? '', divisor };
}

/** The binary unit (as `docker stats` prints memory) in which `maxBytes` is at least 1. */
export function binaryUnitFor(maxBytes: number): AxisUnit {
  return unitFor(maxBytes, 1024, BINARY);
}

/** The decimal rate unit (as `docker stats` prints NET and BLOCK I/O) in which `max` is at least 1. */
export function decimalRateUnitFor(maxBytesPerSecond: number): AxisUnit {
  return unitFor(maxBytesPerSecond, 1000, DECIMAL_RATE);
}

/** Samples further apart than this are a gap (the stream was closed or the engine was away). */
const GAP_MS = 3_000;

export function statsSeries(samples: readonly StatsSampleDTO[], windowMs = HISTORY_WINDOW_MS): StatsSeries {
  const newest = samples[samples.length - 1]?.time ?? 0;
  const inWindow = samples.filter((s) => s.time >= newest - windowMs);
  let maxCpu = 0;
  let maxMem = 0;
  let maxNet = 0;
  let maxBlk = 0;
  for (const s of inWindow) {
    maxCpu = Math.max(maxCpu, s.cpuPercent);
    maxMem = Math.max(maxMem, s.memUsed);
    maxNet = Math.max(maxNet, s.netRxRate, s.netTxRate);
    maxBlk = Math.max(maxBlk, s.blkReadRate, s.blkWriteRate);
  }
  const memUnit = binaryUnitFor(maxMem);
  const netUnit = decimalRateUnitFor(maxNet);
  const blkUnit = decimalRateUnitFor(maxBlk);
  const points: ChartPoint[] = [];
  let last: StatsSampleDTO | undefined;
  for (const s of inWindow) {
    if (last && s.time - last.time > GAP_MS) {
      points.push({
        t: ((last.time + s.time) / 2 - newest) / 1000,
        cpu: null,
        mem: null,
        netRx: null,
        netTx: null,
        blkRead: null,
        blkWrite: null,
      });
    }
    points.push({
      t: (s.time - newest) / 1000,
      cpu: s.cpuPercent,
      mem: s.memUsed / memUnit.divisor,
      netRx: s.netRxRate / netUnit.divisor,
      netTx: s.netTxRate / netUnit.divisor,
      blkRead: s.blkReadRate / blkUnit.divisor,
      blkWrite: s.blkWriteRate / blkUnit.divisor,
    });
    last = s;
  }
  return {
    points,
    windowSeconds: windowMs / 1000,
    cpuAxis: niceAxis(Math.max(100, maxCpu)),
    memAxis: niceAxis(maxMem / memUnit.divisor),
    netAxis: niceAxis(maxNet / netUnit.divisor),
    blkAxis: niceAxis(maxBlk / blkUnit.divisor),
    memUnit,
    netUnit,
    blkUnit,
  };
}

/** Ticks of the time axis: every minute of the window. */
export function timeTicks(windowSeconds: number): number[] {
  const ticks: number[] = [];
  for (let t = -windowSeconds; t <= 0; t += 60) ticks.push(t);
  return ticks;
}

/** A time tick as seconds ago: -120 → "120", 0 → "0". */
export function secondsAgoTick(t: number): string {
  return String(Math.round(-t) || 0);
}

/** A value tick: up to 4 significant digits (axes stay below 10,000 in their unit, so no exponent). */
export function valueTick(v: number): string {
  return formatGoG(v, 4);
}
