import type { StatsSampleDTO } from '../../shared/dto-stats.js';
import type { KapalError } from '../../shared/result.js';
import { computeSample, hasCpuBase, isRunningFrame } from '../../shared/stats/compute.js';
import { appendBounded } from '../../shared/stats/history.js';
import type { RawStats, StatsOs } from '../../shared/stats/raw.js';
import type { EngineConnection } from './connection.js';
import { engineFailure } from './docker.js';
import { Emitter, type Dispose } from './disposable.js';

/**
 * Splits a byte stream into JSON lines. A chunk may end in the middle of a line (or of a UTF-8
 * character), so the tail waits for the next chunk.
 */
export class JsonLines {
  private readonly decoder = new TextDecoder();
  private buffer = '';

  push(chunk: Uint8Array | string): unknown[] {
    this.buffer += typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
    const out: unknown[] = [];
    let nl = this.buffer.indexOf('\n');
    while (nl >= 0) {
      const line = this.buffer.slice(0, nl).trim();
      this.buffer = this.buffer.slice(nl + 1);
      if (line) {
        try {
          out.push(JSON.parse(line));
        } catch {
          // Not JSON: nothing a stats frame could be.
        }
      }
      nl = this.buffer.indexOf('\n');
    }
    return out;
  }
}

export type FeedEvent = { kind: 'sample'; sample: StatsSampleDTO } | { kind: 'error'; error: KapalError };

/** Where a feed reports every sample, whoever opened it (the list's summary reads them all). */
export type SampleSink = (id: string, sample: StatsSampleDTO, os: StatsOs) => void;

/**
 * One engine stats stream for one container, shared by every subscriber. It keeps a bounded history
 * (5 minutes at 1 s) for charts. The engine stream runs only while someone subscribes; when the stream
 * ends without being asked to (the engine went away, or an engine that closes it when the container
 * stops), the feed reports a zero sample and reopens on the container's `start` event or on reconnect.
 */
export class StatsFeed {
  private readonly events = new Emitter<FeedEvent>();
  private samples: StatsSampleDTO[] = [];
  private ctl: AbortController | undefined;
  private prev: RawStats | undefined;
  private detach: Dispose[] = [];
  /** Bumped on every open and stop, so a late answer to an old open changes nothing. */
  private generation = 0;

  constructor(
    private readonly conn: EngineConnection,
    readonly id: string,
    private readonly sink: SampleSink,
  ) {}

  get history(): readonly StatsSampleDTO[] {
    return this.samples;
  }

  get subscribers(): number {
    return this.events.count;
  }

  get os(): StatsOs {
    const s = this.conn.status;
    return s.state === 'connected' && s.info.osType === 'windows' ? 'windows' : 'linux';
  }

  /** Listen; the first subscriber opens the engine stream, the last one to leave closes it at once. */
  subscribe(listener: (e: FeedEvent) => void): Dispose {
    const off = this.events.on(listener);
    if (this.events.count === 1) this.start();
    let done = false;
    return () => {
      if (done) return;
      done = true;
      off();
      if (this.events.count === 0) this.stop();
    };
  }

  private start(): void {
    this.detach = [
      this.conn.resync.on(() => {
        if (!this.ctl) void this.open();
      }),
      this.conn.engineEvent.on((ev) => {
        const id = ev.Actor?.ID ?? ev.id;
        if (ev.Type === 'container' && ev.Action === 'start' && id === this.id && !this.ctl) void this.open();
      }),
    ];
    if (this.conn.connected) void this.open();
  }

  private stop(): void {
    this.generation++;
    for (const d of this.detach) d();
    this.detach = [];
    this.ctl?.abort();
    this.ctl = undefined;
    this.prev = undefined;
  }

  private async open(): Promise<void> {
    const gen = ++this.generation;
    this.ctl?.abort();
    const ctl = new AbortController();
    this.ctl = ctl;
    this.prev = undefined;
    let stream: NodeJS.ReadableStream;
    try {
      stream = (await this.conn.docker
        .getContainer(this.id)
        .stats({ stream: true, abortSignal: ctl.signal } as { stream: true })) as NodeJS.ReadableStream;
    } catch (err) {
      if (gen !== this.generation || ctl.signal.aborted) return;
      this.ctl = undefined;
      this.events.emit({ kind: 'error', error: engineFailure(err, this.conn.endpoint, `Container ${this.id}`).error });
      return;
    }
    if (gen !== this.generation) {
      ctl.abort();
      return;
    }
    const lines = new JsonLines();
    stream.on('data', (chunk: Buffer) => {
      if (gen !== this.generation) return;
      for (const frame of lines.push(chunk)) this.onFrame(frame as RawStats);
    });
    const ended = () => {
      if (gen !== this.generation || ctl.signal.aborted || this.ctl !== ctl) return;
      // Not asked to stop: the container stopped (on engines that end the stream) or the engine went away.
      this.ctl = undefined;
      this.prev = undefined;
      // An engine outage is not a stopped container: the status bar says so, and resync reopens.
      if (this.conn.connected) this.record(computeSample({}, undefined, this.os, Date.now()));
    };
    stream.on('end', ended);
    stream.on('close', ended);
    stream.on('error', ended);
  }

  private onFrame(raw: RawStats): void {
    const os = this.os;
    const prev = this.prev;
    this.prev = raw;
    // The first frame of a stream has no CPU base; wait for the next rather than show a bogus 0.
    if (isRunningFrame(raw) && !hasCpuBase(raw, prev, os)) return;
    this.record(computeSample(raw, prev, os, Date.now()));
  }

  private record(sample: StatsSampleDTO): void {
    this.samples = appendBounded(this.samples, sample);
    this.sink(this.id, sample, this.os);
    this.events.emit({ kind: 'sample', sample });
  }
}
