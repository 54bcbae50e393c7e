/**
 * Stats as `docker stats` prints them (cli/command/container/formatter_stats.go): CPU % and MEM % with
 * Go's `strconv.FormatFloat(v, 'f', 2)`, memory with go-units `BytesSize` (binary, 4 significant digits),
 * NET I/O and BLOCK I/O with `HumanSizeWithPrecision(v, 3)` (decimal, 3 significant digits).
 */
import type { StatsOs, StatsSampleDTO } from '../dto-stats.js';
import { bytesSize, humanSize } from './size.js';

/**
 * Go's `strconv.FormatFloat(value, 'f', digits, 64)`: correctly rounded from the exact binary value, an
 * exact tie rounded half to even (0.125 → "0.12", where JS `toFixed` gives "0.13").
 */
export function formatGoFixed(value: number, digits: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf';
  const negative = value < 0 || Object.is(value, -0);
  const abs = Math.abs(value);
  if (abs >= 1e21) return (negative ? '-' : '') + abs.toFixed(0);
  // 30 more places than asked is enough to tell a tie from a near-tie for every double this size.
  const exact = abs.toFixed(Math.min(100, digits + 30));
  const [intPart = '0', frac = ''] = exact.split('.');
  const kept = (intPart + frac.slice(0, digits)).split('').map(Number);
  const rest = frac.slice(digits);
  const first = rest.charCodeAt(0) - 48;
  const tail = /[1-9]/.test(rest.slice(1));
  const odd = (kept[kept.length - 1] ?? 0) % 2 === 1;
  if (first > 5 || (first === 5 && (tail || odd))) {
    let i = kept.length - 1;
    for (; i >= 0; i--) {
      const d = (kept[i] ?? 0) + 1;
      if (d < 10) {
        kept[i] = d;
        break;
      }
      kept[i] = 0;
    }
    if (i < 0) kept.unshift(1);
  }
  const all = kept.join('');
  const intDigits = all.length - digits;
  const out = digits > 0 ? `${all.slice(0, intDigits)}.${all.slice(intDigits)}` : all;
  return (negative ? '-' : '') + out;
}

/** CPU % and MEM %: "50.71%". */
export function percentText(value: number): string {
  return `${formatGoFixed(value, 2)}%`;
}

/** MEM USAGE / LIMIT: "64.84MiB / 23.54GiB"; Windows prints the private working set alone. */
export function memUsageText(s: Pick<StatsSampleDTO, 'memUsed' | 'memLimit'>, os: StatsOs = 'linux'): string {
  return os === 'windows' ? bytesSize(s.memUsed) : `${bytesSize(s.memUsed)} / ${bytesSize(s.memLimit)}`;
}

/** MEM %: "0.27%"; "--" on Windows, which has no limit to compare with. */
export function memPercentText(s: Pick<StatsSampleDTO, 'memPercent'>, os: StatsOs = 'linux'): string {
  return os === 'windows' ? '--' : percentText(s.memPercent);
}

/** NET I/O: "1.92kB / 0B". */
export function netIOText(s: Pick<StatsSampleDTO, 'netRx' | 'netTx'>): string {
  return `${humanSize(s.netRx)} / ${humanSize(s.netTx)}`;
}

/** BLOCK I/O: "4.1MB / 0B". */
export function blockIOText(s: Pick<StatsSampleDTO, 'blkRead' | 'blkWrite'>): string {
  return `${humanSize(s.blkRead)} / ${humanSize(s.blkWrite)}`;
}

/** PIDS: "3"; "--" on Windows. */
export function pidsText(s: Pick<StatsSampleDTO, 'pids'>, os: StatsOs = 'linux'): string {
  return os === 'windows' ? '--' : String(Math.trunc(s.pids));
}

/** A rate in the units of NET I/O, per second: "1.2kB/s". */
export function rateText(bytesPerSecond: number): string {
  return `${humanSize(bytesPerSecond)}/s`;
}

/** The list's Memory column: the used bytes as MEM USAGE prints them. */
export function memUsedText(bytes: number): string {
  return bytesSize(bytes);
}
