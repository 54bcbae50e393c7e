import { describe, expect, it } from 'vitest';
import {
  compareTimestamps,
  isSinceValue,
  LogCursor,
  parseRfc3339,
  parseSinceInput,
  sinceParam,
  splitTimestamp,
  readTimestamp,
} from '../../shared/logs/timestamp.js';

const enc = (s: string) => new TextEncoder().encode(s);

describe('engine timestamps', () => {
  it('splits the docker logs -t prefix off a line, and leaves other lines alone', () => {
    expect(splitTimestamp('2026-12-03T19:53:01.050581647Z hello world')).toEqual({
      ts: '2026-12-03T19:53:01.050581647Z',
      text: 'hello world',
    });
    expect(splitTimestamp('2026-12-03T19:53:01.050581647Z ')).toEqual({
      ts: '2026-12-03T19:53:01.050581647Z',
      text: '',
    });
    expect(splitTimestamp('not a timestamp here')).toEqual({ text: 'not a timestamp here' });
    expect(splitTimestamp('2026-12-03 19:53:01 local')).toEqual({ text: '2026-12-03 19:53:01 local' });
  });

  it('finds the prefix on bytes, so the text after it can be decoded on its own', () => {
    const halfChar = new Uint8Array([...enc('2026-12-03T19:53:01.050581647Z '), 0xa9]);
    expect(readTimestamp(halfChar)).toEqual({ ts: '2026-12-03T19:53:01.050581647Z', textStart: 31 });
    expect(readTimestamp(enc('2026-12-03T19:53:01.050581647+07:00 x'))).toEqual({
      ts: '2026-12-03T19:53:01.050581647+07:00',
      textStart: 36,
    });
    expect(readTimestamp(enc('2026-12-03T19:53:01Z x'))).toEqual({ ts: '2026-12-03T19:53:01Z', textStart: 21 });
    expect(readTimestamp(enc('hello world, this is a line'))).toBeUndefined();
    expect(readTimestamp(enc('2026-12-03T19:53:01.0505X1647Z x'))).toBeUndefined();
    expect(readTimestamp(enc('2026-12-03T19:53:01.050581647Z'))).toBeUndefined();
  });

  it('orders timestamps, across zones and fraction lengths', () => {
    expect(compareTimestamps('2026-12-03T19:53:01.050581647Z', '2026-12-03T19:53:01.050581648Z')).toBeLessThan(0);
    expect(compareTimestamps('2026-12-03T19:53:01.1Z', '2026-12-03T19:53:01.050581648Z')).toBeGreaterThan(0);
    expect(compareTimestamps('2026-12-03T20:53:01.000000000+01:00', '2026-12-03T19:53:01.000000000Z')).toBe(0);
    expect(parseRfc3339('0001-01-01T00:00:00Z')?.seconds).toBe(-62135596800);
  });

  it('builds the since query value the engine parses (SECONDS.NANOS), as the CLI does', () => {
    expect(sinceParam('2026-12-03T19:53:01.050581647Z')).toBe('1796327581.050581647');
    expect(sinceParam('2026-12-03T20:53:01.5+01:00')).toBe('1796327581.500000000');
    expect(sinceParam(1796327581.25)).toBe('1796327581.250000000');
    expect(sinceParam('1796327581')).toBe('1796327581.000000000');
    expect(sinceParam('0001-01-01T00:00:00Z')).toBeUndefined();
    expect(sinceParam('yesterday')).toBeUndefined();
    expect(isSinceValue('2026-12-03T19:53:01Z')).toBe(true);
    expect(isSinceValue('2026-12-03T19:53:01')).toBe(false);
    expect(isSinceValue('12.5')).toBe(true);
  });

  it('reads what a person types as since: durations, Unix seconds, RFC 3339, local dates', () => {
    const now = Date.UTC(2026, 11, 3, 12, 0, 0);
    expect(parseSinceInput('10m', now)).toBe(now / 1000 - 600);
    expect(parseSinceInput('1h30m', now)).toBe(now / 1000 - 5400);
    expect(parseSinceInput('1.5h', now)).toBe(now / 1000 - 5400);
    expect(parseSinceInput(' 1700000000 ', now)).toBe(1700000000);
    expect(parseSinceInput('2026-12-03T11:00:00Z', now)).toBe(now / 1000 - 3600);
    expect(parseSinceInput('2026-12-03', now)).toBe(new Date(2026, 11, 3).getTime() / 1000);
    expect(parseSinceInput('2026-12-03 10:15', now)).toBe(new Date(2026, 11, 3, 10, 15).getTime() / 1000);
    expect(parseSinceInput('2026-02-30', now)).toBeUndefined();
    expect(parseSinceInput('last tuesday', now)).toBeUndefined();
    expect(parseSinceInput('', now)).toBeUndefined();
  });
});

describe('LogCursor: reopening a follow stream repeats nothing', () => {
  const T = (n: number) => `2026-12-03T19:53:01.${String(n).padStart(9, '0')}Z`;

  it('drops what the reopened stream (since = latest, inclusive) sends again, keeps what is new', () => {
    const c = new LogCursor();
    expect([T(1), T(2), T(3)].map((t) => c.accept(t))).toEqual([true, true, true]);
    expect(c.latest).toBe(T(3));
    c.beginReplay();
    // The engine answers since=T(3) with T(3) again, then new messages.
    expect([T(3), T(4), T(5)].map((t) => c.accept(t))).toEqual([false, true, true]);
  });

  it('counts messages sharing the latest timestamp (the pieces of one long line)', () => {
    const c = new LogCursor();
    expect([T(1), T(2), T(2)].map((t) => c.accept(t))).toEqual([true, true, true]);
    c.beginReplay();
    // Two pieces at T(2) were delivered; a third one at T(2) is new.
    expect([T(2), T(2), T(2), T(3)].map((t) => c.accept(t))).toEqual([false, false, true, true]);
  });

  it('keeps slightly out-of-order stdout/stderr messages in a normal read, and replays nothing when empty', () => {
    const c = new LogCursor();
    expect([T(5), T(4), T(6)].map((t) => c.accept(t))).toEqual([true, true, true]);
    expect(c.latest).toBe(T(6));
    const empty = new LogCursor();
    empty.beginReplay();
    expect(empty.accept(T(1))).toBe(true);
  });

  it('after a replay passes the old position, it is a normal read again', () => {
    const c = new LogCursor();
    c.accept(T(3));
    c.beginReplay();
    expect([T(2), T(3), T(4), T(4)].map((t) => c.accept(t))).toEqual([false, false, true, true]);
    c.beginReplay();
    expect([T(4), T(4), T(5)].map((t) => c.accept(t))).toEqual([false, false, true]);
  });
});
