import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { EngineConnection, EngineEvent } from '../../electron/engine/connection.js';
import { Emitter } from '../../electron/engine/disposable.js';
import { StatsFeed, JsonLines, type FeedEvent } from '../../electron/engine/stats-feed.js';
import { StatsService } from '../../electron/engine/stats.js';
import type { ContainerStatsEvent, StatsSummaryEvent } from '../../shared/dto-stats.js';
import { streamFixture, streamFixtureText } from './stats-fixtures.js';

/** A connection whose engine answers every stats request with a stream the test writes into. */
function fakeConnection(statusCode?: number) {
  const opened: Array<{ id: string; stream: PassThrough; signal: AbortSignal }> = [];
  const resync = new Emitter<void>();
  const engineEvent = new Emitter<EngineEvent>();
  const conn = {
    endpoint: { kind: 'unix', url: 'unix:///var/run/docker.sock', source: 'default' },
    status: { state: 'connected', info: { osType: 'linux' } },
    connected: true,
    resync,
    engineEvent,
    docker: {
      getContainer: (id: string) => ({
        stats: async (opts: { stream: boolean; abortSignal: AbortSignal }) => {
          if (statusCode)
            throw Object.assign(new Error('no such container'), {
              statusCode,
              json: { message: `No such container: ${id}` },
            });
          const stream = new PassThrough();
          opts.abortSignal.addEventListener('abort', () => stream.destroy());
          opened.push({ id, stream, signal: opts.abortSignal });
          return stream;
        },
      }),
    },
  };
  const live = () => opened.filter((o) => !o.signal.aborted);
  return { conn: conn as unknown as EngineConnection, opened, live, engineEvent };
}

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

/** Write text in chunks of `size` bytes, so JSON lines (and UTF-8) are split across chunks. */
function writeChunked(stream: PassThrough, text: string, size: number): void {
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += size) stream.write(bytes.subarray(i, i + size));
}

const disposers: Array<() => void> = [];
afterEach(() => {
  for (const d of disposers.splice(0)) d();
});

describe('JsonLines', () => {
  it('gives the same frames whether a line arrives whole or one byte at a time, UTF-8 included', () => {
    const text = '{"name":"/caf\u00e9 \u{1F433}","a":1}\n{"b":2}\n{"c":';
    const whole = new JsonLines().push(text);
    const split = new JsonLines();
    const bytes = Buffer.from(text);
    const got: unknown[] = [];
    for (const b of bytes) got.push(...split.push(Uint8Array.of(b)));
    expect(got).toEqual(whole);
    expect(got).toEqual([{ name: '/caf\u00e9 \u{1F433}', a: 1 }, { b: 2 }]);
    expect(split.push('3}\n')).toEqual([{ c: 3 }]);
  });
});

describe('StatsFeed on the recorded stream of a container that was killed and started again', () => {
  it('skips the frame without a CPU base, reads 0 while stopped, resumes in the same stream', async () => {
    const { conn, opened } = fakeConnection();
    const feed = new StatsFeed(conn, 'cycle', () => undefined);
    const events: FeedEvent[] = [];
    disposers.push(feed.subscribe((e) => events.push(e)));
    await tick();
    expect(opened).toHaveLength(1);
    writeChunked(opened[0]!.stream, streamFixtureText('cycle-stream'), 97);
    await tick(10);
    const frames = streamFixture('cycle-stream');
    const running = frames.map((f) => !f.read?.startsWith('0001-'));
    // Recorded: 3 running frames, 4 empty frames while stopped, then running frames again.
    expect(running.slice(0, 8)).toEqual([true, true, true, false, false, false, false, true]);
    const samples = events.flatMap((e) => (e.kind === 'sample' ? [e.sample] : []));
    // The first frame of the stream and the first after the restart have no CPU base: no sample for them.
    expect(samples).toHaveLength(frames.length - 2);
    expect(samples.map((s) => s.running)).toEqual([...running.slice(1, 7), ...running.slice(8)]);
    for (const s of samples) {
      for (const v of Object.values(s)) if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
      if (!s.running) expect(s.memUsed + s.cpuPercent + s.pids).toBe(0);
      else expect(s.memUsed).toBeGreaterThan(0);
    }
    expect(feed.history).toHaveLength(samples.length);
  });
});

describe('StatsService', () => {
  it('shares one engine stream between subscribers and closes it when the last leaves', async () => {
    const { conn, opened, live } = fakeConnection();
    const stats = new StatsService(conn);
    const a: ContainerStatsEvent[] = [];
    const b: ContainerStatsEvent[] = [];
    const offA = stats.watch('c1', (e) => a.push(e));
    const offB = stats.watch('c1', (e) => b.push(e));
    await tick();
    expect(opened).toHaveLength(1);
    expect(a[0]).toEqual({ kind: 'history', os: 'linux', samples: [] });
    writeChunked(opened[0]!.stream, streamFixtureText('burner-stream'), 500);
    await tick(10);
    const frames = streamFixture('burner-stream').length;
    expect(a.filter((e) => e.kind === 'sample')).toHaveLength(frames - 1);
    expect(b.filter((e) => e.kind === 'sample')).toHaveLength(frames - 1);
    offA();
    expect(live()).toHaveLength(1);
    offB();
    expect(live()).toHaveLength(0);
    expect(stats.openStreams).toBe(0);

    // Back within the linger time: the history is there at once, and a new engine stream opens.
    const c: ContainerStatsEvent[] = [];
    disposers.push(stats.watch('c1', (e) => c.push(e)));
    const first = c[0];
    expect(first?.kind === 'history' && first.samples.length).toBe(frames - 1);
    await tick();
    expect(live()).toHaveLength(1);
    disposers.push(() => stats.dispose());
  });

  it('a stream the engine ends reads 0 and reopens on the container start event', async () => {
    const { conn, opened, live, engineEvent } = fakeConnection();
    const stats = new StatsService(conn);
    const got: ContainerStatsEvent[] = [];
    disposers.push(stats.watch('c2', (e) => got.push(e)));
    await tick();
    opened[0]!.stream.end();
    await tick(10);
    const last = got[got.length - 1];
    expect(last?.kind === 'sample' && last.sample.running).toBe(false);
    expect(live().length === 0 || opened[0]!.stream.destroyed).toBe(true);
    engineEvent.emit({ Type: 'container', Action: 'start', id: 'other' });
    await tick();
    expect(opened).toHaveLength(1);
    engineEvent.emit({ Type: 'container', Action: 'start', id: 'c2', Actor: { ID: 'c2' } });
    await tick();
    expect(opened).toHaveLength(2);
    disposers.push(() => stats.dispose());
  });

  it('reports NOT_FOUND as an error event', async () => {
    const { conn } = fakeConnection(404);
    const stats = new StatsService(conn);
    const got: ContainerStatsEvent[] = [];
    disposers.push(stats.watch('gone', (e) => got.push(e)));
    await tick(5);
    const err = got.find((e) => e.kind === 'error');
    expect(err?.kind === 'error' && err.error.code).toBe('NOT_FOUND');
    disposers.push(() => stats.dispose());
  });

  it('the summary keeps at most N engine streams open and still reaches every id in turn', async () => {
    const { conn, opened, live } = fakeConnection();
    const stats = new StatsService(conn, { maxSummaryStreams: 2, flushMs: 5, visitTimeoutMs: 1000 });
    const frames = streamFixtureText('burner-stream').split('\n').filter(Boolean);
    let maxLive = 0;
    let answered = 0;
    // Each engine stream answers with two frames (the second has a CPU base), a little later.
    const answer = setInterval(() => {
      maxLive = Math.max(maxLive, live().length);
      for (const o of opened.slice(answered)) o.stream.write(`${frames[0]}\n${frames[1]}\n`);
      answered = opened.length;
    }, 3);
    const events: StatsSummaryEvent[] = [];
    const ids = ['a1', 'a2', 'a3', 'a4', 'a5'];
    const off = stats.summarize(ids, (e) => events.push(e));
    for (let i = 0; i < 100 && new Set(events.flatMap((e) => e.items.map((x) => x.id))).size < ids.length; i++)
      await tick(5);
    clearInterval(answer);
    const seen = new Set(events.flatMap((e) => e.items.map((x) => x.id)));
    expect([...seen].sort()).toEqual(ids);
    expect(maxLive).toBeLessThanOrEqual(2);
    expect(opened.length).toBeGreaterThanOrEqual(ids.length);
    for (const e of events) for (const item of e.items) expect(item.cpuPercent).toBeGreaterThan(40);
    off();
    await tick();
    expect(live()).toHaveLength(0);
    stats.dispose();
  });

  it('with N ids or fewer the summary keeps each stream open, and stops them all on unsubscribe', async () => {
    const { conn, live } = fakeConnection();
    const stats = new StatsService(conn, { maxSummaryStreams: 3, flushMs: 5 });
    const off = stats.summarize(['b1', 'b2'], () => undefined);
    await tick();
    expect(
      live()
        .map((o) => o.id)
        .sort(),
    ).toEqual(['b1', 'b2']);
    // A second subscriber with an overlapping set shares the streams.
    const off2 = stats.summarize(['b2', 'b3'], () => undefined);
    await tick();
    expect(
      live()
        .map((o) => o.id)
        .sort(),
    ).toEqual(['b1', 'b2', 'b3']);
    off();
    await tick();
    expect(
      live()
        .map((o) => o.id)
        .sort(),
    ).toEqual(['b2', 'b3']);
    off2();
    await tick();
    expect(live()).toHaveLength(0);
    stats.dispose();
  });
});
