/**
 * Log timestamps: the engine's per-message prefix (`docker logs -t`), comparing them, and the `since`
 * values the Engine API accepts. Pure; no platform APIs.
 */

/** RFC 3339 with optional fraction (up to nanoseconds) and a zone, as the engine and `--since` write it. */
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/;
/** Unix seconds, optionally with a fraction: what `GET /containers/{id}/logs?since=` parses. */
const UNIX = /^\d{1,12}(?:\.\d{1,9})?$/;
/** The longest prefix the engine writes: `2006-01-02T15:04:05.000000000+07:00` and the space. */
const MAX_PREFIX = 36;

/** Seconds since the epoch and the nanoseconds within that second. */
export interface Instant {
  seconds: number;
  nanos: number;
}

/** Parse an RFC 3339 time; undefined when it is not one. */
export function parseRfc3339(ts: string): Instant | undefined {
  const m = RFC3339.exec(ts);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const date = new Date(Date.UTC(2000, Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)));
  // Date.UTC reads years 0-99 as 19xx; Go's zero time is year 1.
  date.setUTCFullYear(Number(y));
  let seconds = date.getTime() / 1000;
  if (Number.isNaN(seconds)) return undefined;
  if (zone && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    seconds -= sign * (Number(zone.slice(1, 3)) * 3600 + Number(zone.slice(4, 6)) * 60);
  }
  return { seconds, nanos: frac ? Number(frac.padEnd(9, '0')) : 0 };
}

/**
 * Order two engine timestamps. The engine writes UTC with a fixed nine-digit fraction, so equal-length
 * `Z` strings compare as text (the hot path: once per message); anything else is parsed.
 */
export function compareTimestamps(a: string, b: string): number {
  if (a.length === b.length && a.endsWith('Z') && b.endsWith('Z')) return a < b ? -1 : a > b ? 1 : 0;
  const x = parseRfc3339(a);
  const y = parseRfc3339(b);
  if (!x || !y) return a < b ? -1 : a > b ? 1 : 0;
  return x.seconds - y.seconds || x.nanos - y.nanos;
}

/**
 * Split the engine's timestamp off the start of a line (`docker logs -t` writes `TIMESTAMP SPACE TEXT`).
 * Returns the line unchanged, without `ts`, when it does not start with one.
 */
export function splitTimestamp(line: string): { ts?: string; text: string } {
  const sp = line.indexOf(' ');
  if (sp < 20 || sp > MAX_PREFIX - 1) return { text: line };
  const ts = line.slice(0, sp);
  return RFC3339.test(ts) ? { ts, text: line.slice(sp + 1) } : { text: line };
}

const DIGIT_AT = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18];

function digits(p: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const b = p[i] ?? 0;
    if (b < 0x30 || b > 0x39) return false;
  }
  return true;
}

/** `2006-01-02T15:04:05.` in bytes: the positions of the separators and digits, checked without a regex. */
function looksStamped(p: Uint8Array): boolean {
  if (p[4] !== 0x2d || p[7] !== 0x2d || p[10] !== 0x54 || p[13] !== 0x3a || p[16] !== 0x3a) return false;
  for (const i of DIGIT_AT) {
    const b = p[i] ?? 0;
    if (b < 0x30 || b > 0x39) return false;
  }
  return true;
}

/**
 * The same on bytes: the timestamp at the start of a frame's payload, and where the text after it starts
 * (undefined when there is none). The prefix is ASCII, so this is safe before UTF-8 decoding, which
 * matters: the engine's 16 KiB split can leave half a character at the start of the next message.
 */
export function readTimestamp(payload: Uint8Array): { ts: string; textStart: number } | undefined {
  if (payload.length < 21 || !looksStamped(payload)) return undefined;
  const limit = Math.min(payload.length, MAX_PREFIX);
  for (let i = 20; i < limit; i++) {
    if (payload[i] === 0x20) {
      const ts = String.fromCharCode.apply(null, payload.subarray(0, i) as unknown as number[]);
      // The engine's own form (UTC, nine digits) is the hot path; anything else is checked in full.
      if (i === 30 && payload[29] === 0x5a && payload[19] === 0x2e && digits(payload, 20, 29))
        return { ts, textStart: 31 };
      return RFC3339.test(ts) ? { ts, textStart: i + 1 } : undefined;
    }
  }
  return undefined;
}

/** True for a `since` the Engine API can be given: Unix seconds or RFC 3339 with a zone. */
export function isSinceValue(value: string): boolean {
  return UNIX.test(value) || RFC3339.test(value);
}

function fixed(seconds: number, nanos: number): string {
  return `${seconds}.${String(nanos).padStart(9, '0')}`;
}

/**
 * The `since` query value (`SECONDS.NANOSECONDS`) for Unix seconds or an RFC 3339 time, as the CLI sends it;
 * undefined when the value is neither. The engine parses only the Unix form, so RFC 3339 is converted here.
 */
export function sinceParam(value: number | string): string | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) return undefined;
    const seconds = Math.floor(value);
    return fixed(seconds, Math.round((value - seconds) * 1e9));
  }
  if (UNIX.test(value)) {
    const [s = '0', frac = ''] = value.split('.');
    return fixed(Number(s), Number(frac.padEnd(9, '0')));
  }
  const t = parseRfc3339(value);
  return t && t.seconds >= 0 ? fixed(t.seconds, t.nanos) : undefined;
}

/** Go duration units, as `docker logs --since 1h30m` takes them. */
const UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const DURATION = /^(?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h))+$/;

/**
 * What a person may type as "since", parsed to Unix seconds the way `docker logs --since` does:
 * a Go duration before `nowMs` (`10m`, `1h30m`, `90s`), Unix seconds (`1700000000`), RFC 3339
 * (`2024-01-02T15:04:05Z`, with an offset, or a fraction), or a local date and time
 * (`2024-01-02`, `2024-01-02T15:04`, `2024-01-02 15:04:05`, read in this machine's time zone as the CLI
 * does). Undefined when it is none of these.
 */
export function parseSinceInput(input: string, nowMs: number): number | undefined {
  const v = input.trim();
  if (!v) return undefined;
  if (DURATION.test(v)) {
    let ms = 0;
    for (const m of v.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)) ms += Number(m[1]) * (UNIT_MS[m[2] ?? 's'] ?? 0);
    return Math.max(0, (nowMs - ms) / 1000);
  }
  if (UNIX.test(v)) return Number(v);
  const t = parseRfc3339(v);
  if (t) return t.seconds + t.nanos / 1e9;
  const local = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(v);
  if (!local) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = local;
  const date = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const ms = date.getTime();
  return Number.isNaN(ms) || date.getMonth() !== Number(mo) - 1 ? undefined : ms / 1000;
}

/**
 * Where a follow stream stands, so that reopening it (after the container restarts, or the engine
 * reconnects) sends no line twice. It keeps the latest message timestamp seen and how many messages
 * carried exactly that timestamp (the engine gives the pieces of one long line the same timestamp).
 * A reopened stream asks for `since` that timestamp, which the engine answers inclusively, so
 * messages before it, and the first `count` at it, are ones already delivered.
 */
export class LogCursor {
  private last: string | undefined;
  private countAtLast = 0;
  private skipAtLast = 0;
  private replaying = false;

  /** The latest timestamp seen, if any. */
  get latest(): string | undefined {
    return this.last;
  }

  /** Call before reading a reopened stream that asked for `since` {@link latest}. */
  beginReplay(): void {
    this.replaying = this.last !== undefined;
    this.skipAtLast = this.countAtLast;
  }

  /** Whether the message with this timestamp is new (and record it), or one already delivered. */
  accept(ts: string): boolean {
    const last = this.last;
    if (last === undefined) {
      this.last = ts;
      this.countAtLast = 1;
      return true;
    }
    const c = compareTimestamps(ts, last);
    if (this.replaying) {
      if (c < 0) return false;
      if (c === 0 && this.skipAtLast > 0) {
        this.skipAtLast--;
        return false;
      }
      this.replaying = false;
    }
    // Outside a replay, stdout and stderr may interleave a few microseconds out of order: keep those.
    if (c > 0) {
      this.last = ts;
      this.countAtLast = 1;
    } else if (c === 0) this.countAtLast++;
    return true;
  }
}
