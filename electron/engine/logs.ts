/**
 * Logs: `docker logs [-f] [--tail N] [-t] [--since T]` for one subscriber, as batches of lines.
 *
 * Following survives the container restarting and the engine reconnecting: when the follow stream ends,
 * the session asks the engine whether the container still runs; if it stopped, it waits for its next
 * `start` event (or for the reconnect), then reopens with `since` = the latest timestamp seen and drops
 * what it already delivered (see LogCursor). Timestamps are always requested from the engine for that
 * reason, and left out of the lines when the subscriber did not ask for them.
 */
import type { LogLineDTO, LogsEndReason, LogsEvent } from '../../shared/dto-logs.js';
import { LogCursor, sinceParam } from '../../shared/logs/timestamp.js';
import { KapalFailure } from '../../shared/result.js';
import type { EngineConnection, EngineEvent } from './connection.js';
import { engineFailure } from './docker.js';
import type { Dispose } from './disposable.js';
import { LogDecoder } from './log-decoder.js';

/** What the subscriber asked for (the contract's parsed arguments). */
export interface LogsRequest {
  id: string;
  tail: number | 'all';
  timestamps: boolean;
  since?: number | string;
  follow: boolean;
}

/** Send a batch once this many lines wait, or after BATCH_MS: a flood is not one message per line. */
export const BATCH_LINES = 500;
export const BATCH_MS = 50;
/** The non-follow answer arrives as one buffer; it is decoded this many bytes at a time. */
const READ_SLICE = 64 * 1024;

type LogsConnection = Pick<EngineConnection, 'docker' | 'endpoint' | 'engineEvent' | 'resync'>;

interface ContainerFacts {
  id: string;
  tty: boolean;
  running: boolean;
  startedAt: string | undefined;
}

interface LogQuery {
  follow: boolean;
  tail: number | 'all';
  since?: string;
}

type State = 'opening' | 'streaming' | 'checking' | 'waiting-start' | 'waiting-engine' | 'done';

function isAbort(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { name?: unknown }).name === 'AbortError';
}

class LogSession {
  private state: State = 'opening';
  private facts: ContainerFacts | undefined;
  private readonly cursor = new LogCursor();
  private abort: AbortController | undefined;
  /** Bumped by every open and check, so late answers from an earlier one are ignored. */
  private generation = 0;
  private startSeen = false;
  private ended = false;
  private batch: LogLineDTO[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners: Dispose[] = [];

  constructor(
    private readonly conn: LogsConnection,
    private readonly req: LogsRequest,
    private readonly emit: (e: LogsEvent) => void,
  ) {}

  start(): void {
    if (this.req.follow) {
      this.listeners.push(
        this.conn.engineEvent.on((ev) => this.onEngineEvent(ev)),
        this.conn.resync.on(() => this.onResync()),
      );
    }
    void this.begin();
  }

  dispose(): void {
    this.state = 'done';
    this.generation++;
    for (const d of this.listeners.splice(0)) d();
    this.closeStream();
    clearTimeout(this.timer);
    this.timer = undefined;
    this.batch = [];
  }

  private async inspect(): Promise<ContainerFacts> {
    try {
      const c = (await this.conn.docker.getContainer(this.facts?.id ?? this.req.id).inspect()) as {
        Id: string;
        Config?: { Tty?: boolean };
        State?: { Running?: boolean; StartedAt?: string };
      };
      return {
        id: c.Id,
        tty: c.Config?.Tty === true,
        running: c.State?.Running === true,
        startedAt: c.State?.StartedAt,
      };
    } catch (err) {
      throw engineFailure(err, this.conn.endpoint, `Container ${this.req.id}`);
    }
  }

  /** First read: the subscriber's tail and since. */
  private async begin(): Promise<void> {
    const gen = ++this.generation;
    this.state = 'opening';
    let facts: ContainerFacts;
    try {
      facts = await this.inspect();
    } catch (err) {
      if (gen === this.generation) this.fail(err);
      return;
    }
    if (gen !== this.generation) return;
    this.facts = facts;
    this.emit({ kind: 'reset', tty: facts.tty });
    const since = this.req.since === undefined ? undefined : sinceParam(this.req.since);
    await this.openStream(gen, { follow: this.req.follow, tail: this.req.tail, ...(since ? { since } : {}) });
  }

  private fail(err: unknown): void {
    const error =
      err instanceof KapalFailure
        ? err.error
        : engineFailure(err, this.conn.endpoint, `Container ${this.req.id}`).error;
    this.flush();
    this.emit({ kind: 'error', error });
    if (error.code === 'NOT_FOUND') this.finish('removed');
    else if (this.req.follow && error.code === 'ENGINE_UNREACHABLE') this.state = 'waiting-engine';
    else this.state = 'done';
  }

  private async openStream(gen: number, query: LogQuery): Promise<void> {
    const facts = this.facts;
    if (!facts) return;
    const ctl = new AbortController();
    this.abort = ctl;
    const decoder = new LogDecoder({
      tty: facts.tty,
      timestamps: true,
      keepTimestamps: this.req.timestamps,
      accept: (ts) => this.cursor.accept(ts),
      onError: (message) => this.emit({ kind: 'error', error: { code: 'ENGINE_ERROR', message } }),
    });
    const options = {
      stdout: true,
      stderr: true,
      timestamps: true,
      abortSignal: ctl.signal,
      ...(query.tail === 'all' ? {} : { tail: query.tail }),
      ...(query.since ? { since: query.since } : {}),
    };
    const container = this.conn.docker.getContainer(facts.id);
    let body: NodeJS.ReadableStream | Buffer;
    try {
      body = query.follow
        ? await container.logs({ ...options, follow: true })
        : await this.readOnce(container, options);
    } catch (err) {
      if (gen !== this.generation || ctl.signal.aborted) return;
      const failure = engineFailure(err, this.conn.endpoint, `Container ${this.req.id}`);
      // Unreachable: the check pauses until the reconnect. Anything else (a logging driver that cannot be
      // read, say) would fail again on every retry, so it is reported once.
      if (this.req.follow && failure.error.code === 'ENGINE_UNREACHABLE') void this.check();
      else this.fail(failure);
      return;
    }
    if (gen !== this.generation || ctl.signal.aborted) {
      if (!Buffer.isBuffer(body)) (body as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
      return;
    }
    this.state = 'streaming';
    if (Buffer.isBuffer(body)) {
      // In slices, so a long log leaves as modest batches rather than one huge message, and the server
      // answers other sockets in between.
      for (let off = 0; off < body.length; off += READ_SLICE) {
        if (off > 0 && off % (16 * READ_SLICE) === 0) await new Promise((r) => setImmediate(r));
        if (gen !== this.generation || ctl.signal.aborted) return;
        this.queue(decoder.push(body.subarray(off, off + READ_SLICE)));
      }
      this.queue(decoder.end());
      this.closed(gen, ctl);
      return;
    }
    let done = false;
    const finished = () => {
      if (done) return;
      done = true;
      if (ctl.signal.aborted || gen !== this.generation) return;
      this.queue(decoder.end());
      this.closed(gen, ctl);
    };
    body.on('data', (chunk: Buffer) => {
      if (!ctl.signal.aborted && gen === this.generation) this.queue(decoder.push(chunk));
    });
    body.on('end', finished);
    body.on('close', finished);
    body.on('error', (err: unknown) => {
      if (!isAbort(err)) finished();
    });
  }

  /**
   * The non-follow read. dockerode buffers the answer and returns it as a Buffer, except when the whole
   * body happens to parse as JSON (a TTY container that printed only `42`), which it hands back parsed.
   * Then the exact bytes are read again as a stream.
   */
  private async readOnce(
    container: ReturnType<LogsConnection['docker']['getContainer']>,
    options: Record<string, unknown> & { abortSignal: AbortSignal },
  ): Promise<NodeJS.ReadableStream | Buffer> {
    const body: unknown = await container.logs({ ...options, follow: false });
    if (Buffer.isBuffer(body)) return body;
    const modem = container.modem as {
      dial(opts: Record<string, unknown>, cb: (err: unknown, res: NodeJS.ReadableStream) => void): void;
    };
    return new Promise((resolve, reject) => {
      modem.dial(
        {
          path: `/containers/${container.id}/logs?`,
          method: 'GET',
          isStream: true,
          abortSignal: options.abortSignal,
          statusCodes: { 200: true, 404: 'no such container', 500: 'server error' },
          options: { ...options, abortSignal: undefined, follow: false },
        },
        (err, res) => (err ? reject(err) : resolve(res)),
      );
    });
  }

  /** The stream ended on its own. */
  private closed(gen: number, ctl: AbortController): void {
    if (this.abort === ctl) this.abort = undefined;
    this.flush();
    if (gen !== this.generation) return;
    if (!this.req.follow) this.finish('complete');
    else void this.check();
  }

  /** After a follow stream ended: running again already, stopped, removed, or the engine gone? */
  private async check(): Promise<void> {
    const gen = ++this.generation;
    this.state = 'checking';
    this.startSeen = false;
    let facts: ContainerFacts;
    try {
      facts = await this.inspect();
    } catch (err) {
      if (gen !== this.generation) return;
      const code = err instanceof KapalFailure ? err.error.code : 'ENGINE_ERROR';
      if (code === 'NOT_FOUND') this.finish('removed');
      else this.pause('waiting-engine', 'engine-lost');
      return;
    }
    if (gen !== this.generation) return;
    this.facts = facts;
    if (facts.running || this.startSeen) void this.resume();
    else this.pause('waiting-start', 'stopped');
  }

  private pause(state: 'waiting-start' | 'waiting-engine', reason: LogsEndReason): void {
    this.state = state;
    if (this.ended) return;
    this.ended = true;
    this.flush();
    this.emit({ kind: 'ended', reason });
  }

  /** Reopen the follow stream where the last one left off. */
  private async resume(): Promise<void> {
    const gen = ++this.generation;
    this.state = 'opening';
    if (this.ended) {
      this.ended = false;
      this.emit({ kind: 'resumed' });
    }
    this.cursor.beginReplay();
    const param = this.resumeSince();
    await this.openStream(gen, { follow: true, tail: 'all', ...(param ? { since: param } : {}) });
  }

  /**
   * Where a reopened stream starts: the latest timestamp delivered. With nothing delivered yet, everything
   * this run of the container wrote is new, but never earlier than the subscriber's own `since`.
   */
  private resumeSince(): string | undefined {
    const latest = this.cursor.latest;
    if (latest) return sinceParam(latest);
    const started = this.facts?.startedAt ? sinceParam(this.facts.startedAt) : undefined;
    const asked = this.req.since === undefined ? undefined : sinceParam(this.req.since);
    if (!started || !asked) return started ?? asked;
    return Number(started) >= Number(asked) ? started : asked;
  }

  private onEngineEvent(ev: EngineEvent): void {
    const id = this.facts?.id;
    if (ev.Type !== 'container' || !id || (ev.Actor?.ID ?? ev.id) !== id) return;
    if (ev.Action === 'destroy') this.finish('removed');
    else if (ev.Action === 'start') {
      if (this.state === 'waiting-start') void this.resume();
      else if (this.state === 'checking') this.startSeen = true;
    }
  }

  private onResync(): void {
    if (this.state === 'done') return;
    if (!this.facts) {
      if (this.state === 'waiting-engine') void this.begin();
      return;
    }
    // The old connection's stream may be dead or stale; reopening from the cursor repeats nothing.
    this.closeStream();
    void this.check();
  }

  private closeStream(): void {
    this.abort?.abort();
    this.abort = undefined;
  }

  private finish(reason: LogsEndReason): void {
    if (this.state === 'done') return;
    this.state = 'done';
    this.generation++;
    this.closeStream();
    this.flush();
    for (const d of this.listeners.splice(0)) d();
    this.emit({ kind: 'ended', reason });
  }

  private queue(lines: LogLineDTO[]): void {
    if (lines.length === 0) return;
    for (const l of lines) this.batch.push(l);
    if (this.batch.length >= BATCH_LINES) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), BATCH_MS);
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.batch.length === 0) return;
    const lines = this.batch;
    this.batch = [];
    this.emit({ kind: 'lines', lines });
  }
}

/** Log streams, one session per subscriber; nothing is shared, so one slow reader holds up no other. */
export class LogService {
  constructor(private readonly conn: LogsConnection) {}

  /** `docker logs` for one subscriber; the returned dispose aborts the engine request. */
  watch(req: LogsRequest, emit: (e: LogsEvent) => void): Dispose {
    const session = new LogSession(this.conn, req, emit);
    session.start();
    return () => session.dispose();
  }
}
