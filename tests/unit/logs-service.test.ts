import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LogLineDTO, LogsEvent } from '../../shared/dto-logs.js';
import { sinceParam } from '../../shared/logs/timestamp.js';
import type { EngineEvent } from '../../electron/engine/connection.js';
import { Emitter } from '../../electron/engine/disposable.js';
import { LogService, type LogsRequest } from '../../electron/engine/logs.js';
import { cliLines, cliOutput, inspectPayload, logBytes } from './logs-fixtures.js';

/** A recorded inspect payload, with the state the scenario needs. */
function inspected(name: 'plain' | 'tty', running: boolean, startedAt = '2026-12-03T19:53:00.000000000Z') {
  const raw = inspectPayload(name);
  return { ...raw, State: { ...(raw.State as object), Running: running, StartedAt: startedAt } };
}

function frame(stream: 1 | 2, ts: string, text: string): Buffer {
  const body = Buffer.from(`${ts} ${text}`);
  const head = Buffer.alloc(8);
  head[0] = stream;
  head.writeUInt32BE(body.length, 4);
  return Buffer.concat([head, body]);
}

const T = (n: number) => `2026-12-03T19:53:01.${String(n).padStart(9, '0')}Z`;

interface LogsCall {
  opts: Record<string, unknown> & { abortSignal: AbortSignal };
  body: PassThrough | Buffer;
}

function fakeEngine(name: 'plain' | 'tty' = 'plain') {
  const state = { inspect: (): Promise<unknown> => Promise.resolve(inspected(name, true)) };
  const calls: LogsCall[] = [];
  let nextBody: (opts: LogsCall['opts']) => Promise<PassThrough | Buffer> = async () => new PassThrough();
  const container = (id: string) => ({
    id,
    modem: {},
    inspect: () => state.inspect(),
    logs: async (opts: LogsCall['opts']) => {
      const body = await nextBody(opts);
      calls.push({ opts, body });
      return body;
    },
  });
  const conn = {
    docker: { getContainer: container },
    endpoint: {
      kind: 'unix',
      url: 'unix:///var/run/docker.sock',
      source: 'default',
      socketPath: '/var/run/docker.sock',
    },
    engineEvent: new Emitter<EngineEvent>(),
    resync: new Emitter<void>(),
  };
  const events: LogsEvent[] = [];
  const service = new LogService(conn as unknown as ConstructorParameters<typeof LogService>[0]);
  const watch = (req: Partial<LogsRequest> = {}) =>
    service.watch({ id: 'web', tail: 1000, timestamps: false, follow: true, ...req }, (e) => events.push(e));
  return {
    state,
    calls,
    conn,
    events,
    watch,
    setBody: (f: typeof nextBody) => (nextBody = f),
    lines: () => events.flatMap((e) => (e.kind === 'lines' ? e.lines : [])),
    kinds: () => events.map((e) => (e.kind === 'ended' ? `ended:${e.reason}` : e.kind)),
    stream: (i: number) => calls[i]?.body as PassThrough,
  };
}

const text = (lines: LogLineDTO[]) => lines.map((l) => l.text);
const id = inspectPayload('plain').Id;
const started = (cid: string): EngineEvent => ({ Type: 'container', Action: 'start', id: cid, Actor: { ID: cid } });

afterEach(() => {
  vi.useRealTimers();
});

describe('LogService', () => {
  it('without follow: reads the recorded answer (the Buffer path) and ends; lines match docker logs', async () => {
    const f = fakeEngine();
    f.setBody(async () => Buffer.from(logBytes('plain', '-timestamps')));
    f.watch({ follow: false });
    await vi.waitFor(() => expect(f.kinds().at(-1)).toBe('ended:complete'));
    expect(f.events[0]).toEqual({ kind: 'reset', tty: false });
    const lines = f.lines();
    expect(text(lines.filter((l) => l.stream === 'stdout'))).toEqual(cliLines(cliOutput('plain').logs.stdout));
    expect(text(lines.filter((l) => l.stream === 'stderr'))).toEqual(cliLines(cliOutput('plain').logs.stderr));
    // Timestamps were requested from the engine (to resume without repeats) but are not sent unasked.
    expect(f.calls[0]?.opts).toMatchObject({ stdout: true, stderr: true, timestamps: true, follow: false, tail: 1000 });
    expect(lines.every((l) => l.ts === undefined)).toBe(true);
  });

  it('a TTY container (Config.Tty from inspect) is read raw, timestamps kept when asked, tail all sends no tail', async () => {
    const f = fakeEngine('tty');
    f.setBody(async () => Buffer.from(logBytes('tty', '-timestamps')));
    f.watch({ follow: false, timestamps: true, tail: 'all' });
    await vi.waitFor(() => expect(f.kinds().at(-1)).toBe('ended:complete'));
    expect(f.events[0]).toEqual({ kind: 'reset', tty: true });
    expect(text(f.lines())).toEqual(cliLines(cliOutput('tty').logs.stdout));
    expect(f.lines().every((l) => /^\d{4}-.*Z$/.test(l.ts ?? ''))).toBe(true);
    expect(f.calls[0]?.opts).not.toHaveProperty('tail');
  });

  it('follow: resumes after the container restarts, from the last timestamp, with no line twice', async () => {
    const f = fakeEngine();
    f.watch();
    await vi.waitFor(() => expect(f.calls).toHaveLength(1));
    f.stream(0).write(
      Buffer.concat([frame(1, T(1), 'line-1\n'), frame(2, T(2), 'err-1\n'), frame(1, T(3), 'line-2\n')]),
    );
    // The container stops: the engine ends the follow stream; inspect now says not running.
    f.state.inspect = () => Promise.resolve(inspected('plain', false));
    f.stream(0).end();
    await vi.waitFor(() => expect(f.kinds()).toContain('ended:stopped'));
    expect(text(f.lines())).toEqual(['line-1', 'err-1', 'line-2']);
    // It starts again: the `start` event reopens the stream since the last timestamp seen.
    f.state.inspect = () => Promise.resolve(inspected('plain', true));
    f.conn.engineEvent.emit(started(id));
    await vi.waitFor(() => expect(f.calls).toHaveLength(2));
    expect(f.calls[1]?.opts).toMatchObject({ follow: true, since: sinceParam(T(3)), timestamps: true });
    expect(f.calls[1]?.opts).not.toHaveProperty('tail');
    // The engine's since is inclusive: it sends line-2 again, then the new run's lines.
    f.stream(1).write(
      Buffer.concat([frame(1, T(3), 'line-2\n'), frame(1, T(10), 'line-1\n'), frame(2, T(11), 'err-1\n')]),
    );
    await vi.waitFor(() => expect(f.lines()).toHaveLength(5));
    expect(text(f.lines())).toEqual(['line-1', 'err-1', 'line-2', 'line-1', 'err-1']);
    expect(f.kinds()).toEqual(['reset', 'lines', 'ended:stopped', 'resumed', 'lines']);
    expect(f.calls[0]?.opts.abortSignal.aborted).toBe(false);
  });

  it('a restart seen as "running" by the check reopens at once, without an ended event', async () => {
    const f = fakeEngine();
    f.watch();
    await vi.waitFor(() => expect(f.calls).toHaveLength(1));
    f.stream(0).write(frame(1, T(1), 'a\n'));
    f.stream(0).end();
    await vi.waitFor(() => expect(f.calls).toHaveLength(2));
    expect(f.calls[1]?.opts.since).toBe(sinceParam(T(1)));
    expect(f.kinds()).not.toContain('ended:stopped');
  });

  it('follow: the engine goes away and comes back (resync); reading resumes with no repeats', async () => {
    const f = fakeEngine();
    f.watch({ timestamps: true });
    await vi.waitFor(() => expect(f.calls).toHaveLength(1));
    f.stream(0).write(Buffer.concat([frame(1, T(1), 'one\n'), frame(1, T(2), 'two\n')]));
    f.state.inspect = () => Promise.reject(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    f.stream(0).destroy(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    await vi.waitFor(() => expect(f.kinds()).toContain('ended:engine-lost'));
    f.state.inspect = () => Promise.resolve(inspected('plain', true));
    f.conn.resync.emit();
    await vi.waitFor(() => expect(f.calls).toHaveLength(2));
    expect(f.calls[1]?.opts.since).toBe(sinceParam(T(2)));
    f.stream(1).write(Buffer.concat([frame(1, T(2), 'two\n'), frame(1, T(3), 'three\n')]));
    await vi.waitFor(() => expect(f.lines()).toHaveLength(3));
    expect(f.lines()).toEqual([
      { stream: 'stdout', text: 'one', ts: T(1) },
      { stream: 'stdout', text: 'two', ts: T(2) },
      { stream: 'stdout', text: 'three', ts: T(3) },
    ]);
    expect(f.kinds()).toEqual(['reset', 'lines', 'ended:engine-lost', 'resumed', 'lines']);
  });

  it('batches a flood: 1,000 lines in 1,000 chunks are a few messages, a lone line leaves after 50 ms', async () => {
    const f = fakeEngine();
    f.watch();
    await vi.waitFor(() => expect(f.calls).toHaveLength(1));
    vi.useFakeTimers();
    for (let i = 1; i <= 1000; i++) f.stream(0).write(frame(1, T(i), `line-${i}\n`));
    await vi.advanceTimersByTimeAsync(0);
    const batches = f.events.filter((e) => e.kind === 'lines');
    expect(batches.length).toBeGreaterThanOrEqual(2);
    expect(batches.length).toBeLessThanOrEqual(3);
    expect(f.lines()).toHaveLength(1000);
    expect(f.lines()[999]?.text).toBe('line-1000');
    f.stream(0).write(frame(1, T(2000), 'late\n'));
    await vi.advanceTimersByTimeAsync(40);
    expect(f.lines()).toHaveLength(1000);
    await vi.advanceTimersByTimeAsync(20);
    expect(f.lines().at(-1)?.text).toBe('late');
  });

  it('unsubscribing aborts the engine request and sends nothing more', async () => {
    const f = fakeEngine();
    const dispose = f.watch();
    await vi.waitFor(() => expect(f.calls).toHaveLength(1));
    f.stream(0).write(frame(1, T(1), 'partial line without end'));
    dispose();
    expect(f.calls[0]?.opts.abortSignal.aborted).toBe(true);
    const before = f.events.length;
    f.stream(0).write(frame(1, T(2), 'more\n'));
    f.conn.engineEvent.emit(started(id));
    f.conn.resync.emit();
    await new Promise((r) => setTimeout(r, 80));
    expect(f.events).toHaveLength(before);
    expect(f.conn.engineEvent.count).toBe(0);
    expect(f.conn.resync.count).toBe(0);
  });

  it('a missing container: NOT_FOUND, then ended removed; removal while following ends it too', async () => {
    const f = fakeEngine();
    f.state.inspect = () =>
      Promise.reject(
        Object.assign(new Error('no such container'), { statusCode: 404, json: { message: 'No such container: web' } }),
      );
    f.watch();
    await vi.waitFor(() => expect(f.kinds()).toEqual(['error', 'ended:removed']));
    expect(f.events[0]).toMatchObject({ kind: 'error', error: { code: 'NOT_FOUND' } });

    const g = fakeEngine();
    g.watch();
    await vi.waitFor(() => expect(g.calls).toHaveLength(1));
    g.conn.engineEvent.emit({ Type: 'container', Action: 'destroy', id, Actor: { ID: id } });
    expect(g.kinds()).toEqual(['reset', 'ended:removed']);
    expect(g.calls[0]?.opts.abortSignal.aborted).toBe(true);
  });

  it('a log driver that cannot be read is reported once, not retried in a loop', async () => {
    const f = fakeEngine();
    f.setBody(() =>
      Promise.reject(
        Object.assign(new Error('(HTTP code 501) unexpected'), {
          statusCode: 501,
          json: { message: 'configured logging driver does not support reading' },
        }),
      ),
    );
    f.watch();
    await vi.waitFor(() => expect(f.kinds()).toEqual(['reset', 'error']));
    await new Promise((r) => setTimeout(r, 50));
    expect(f.kinds()).toEqual(['reset', 'error']);
    expect(f.events[1]).toMatchObject({ kind: 'error', error: { code: 'ENGINE_ERROR' } });
  });
});
