import type {
  ContainerStatsEvent,
  StatsOs,
  StatsSampleDTO,
  StatsSummaryDTO,
  StatsSummaryEvent,
} from '../../shared/dto-stats.js';
import type { EngineConnection } from './connection.js';
import type { Dispose } from './disposable.js';
import { StatsFeed } from './stats-feed.js';

/** Keep a closed feed's history this long, so going back to a Stats tab shows the last minutes at once. */
const LINGER_MS = 5 * 60_000;
/** Closed feeds kept at most (each is a few hundred small samples). */
const MAX_IDLE_FEEDS = 100;
/** At most this many engine streams for the list's columns at once. */
export const MAX_SUMMARY_STREAMS = 8;
/** Push list updates at most this often. */
const SUMMARY_FLUSH_MS = 1000;
/** When visiting ids in turn, give up on one after this long (a container that never answers). */
const VISIT_TIMEOUT_MS = 4000;

interface FeedEntry {
  feed: StatsFeed;
  linger?: ReturnType<typeof setTimeout>;
  idleSince?: number;
}

interface SummarySub {
  ids: readonly string[];
  set: ReadonlySet<string>;
  emit: (e: StatsSummaryEvent) => void;
}

interface Slot {
  release: Dispose;
  timer?: ReturnType<typeof setTimeout>;
}

export interface StatsServiceOptions {
  maxSummaryStreams?: number;
  flushMs?: number;
  visitTimeoutMs?: number;
}

/**
 * Container stats. One {@link StatsFeed} (one engine stream) per container, shared by the detail view and
 * the list; it runs only while someone looks. The list's columns use a pool of at most
 * {@link MAX_SUMMARY_STREAMS} streams: with that many ids or fewer each stays open (1 s updates); with more,
 * each slot holds one id until its first sample and then moves on to the next (round robin).
 */
export class StatsService {
  private readonly feeds = new Map<string, FeedEntry>();
  private readonly subs = new Set<SummarySub>();
  private wanted: string[] = [];
  private wantedSet = new Set<string>();
  private readonly latest = new Map<string, StatsSummaryDTO>();
  private readonly held = new Map<string, Slot>();
  private cursor = 0;
  private rotating = false;
  private pending = new Set<string>();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private lastFlush = 0;
  private os: StatsOs = 'linux';
  private readonly maxStreams: number;
  private readonly flushMs: number;
  private readonly visitTimeoutMs: number;

  constructor(
    private readonly conn: EngineConnection,
    opts: StatsServiceOptions = {},
  ) {
    this.maxStreams = opts.maxSummaryStreams ?? MAX_SUMMARY_STREAMS;
    this.flushMs = opts.flushMs ?? SUMMARY_FLUSH_MS;
    this.visitTimeoutMs = opts.visitTimeoutMs ?? VISIT_TIMEOUT_MS;
  }

  /** Engine streams open right now, for leak checks and the bench. */
  get openStreams(): number {
    let n = 0;
    for (const e of this.feeds.values()) if (e.feed.subscribers > 0) n++;
    return n;
  }

  /** `stats:container`: the history at once, then every sample. */
  watch(id: string, emit: (e: ContainerStatsEvent) => void): Dispose {
    const entry = this.entry(id);
    emit({ kind: 'history', os: entry.feed.os, samples: [...entry.feed.history] });
    return this.acquire(id, (e) => emit(e));
  }

  /** `stats:summary`: the known numbers for these ids at once, then changes. */
  summarize(ids: readonly string[], emit: (e: StatsSummaryEvent) => void): Dispose {
    const sub: SummarySub = { ids, set: new Set(ids), emit };
    this.subs.add(sub);
    const known = ids.map((id) => this.latest.get(id)).filter((s): s is StatsSummaryDTO => s !== undefined);
    if (known.length > 0) emit({ os: this.os, items: known });
    this.rebalance();
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.subs.delete(sub);
      this.rebalance();
    };
  }

  dispose(): void {
    for (const id of [...this.held.keys()]) this.release(id);
    this.subs.clear();
    clearTimeout(this.flushTimer);
    for (const e of this.feeds.values()) clearTimeout(e.linger);
    this.feeds.clear();
  }

  private entry(id: string): FeedEntry {
    let e = this.feeds.get(id);
    if (!e) {
      e = { feed: new StatsFeed(this.conn, id, (fid, s, os) => this.onSample(fid, s, os)) };
      this.feeds.set(id, e);
    }
    return e;
  }

  private acquire(id: string, listener: Parameters<StatsFeed['subscribe']>[0]): Dispose {
    const e = this.entry(id);
    clearTimeout(e.linger);
    e.linger = undefined;
    e.idleSince = undefined;
    const off = e.feed.subscribe(listener);
    return () => {
      off();
      if (e.feed.subscribers > 0) return;
      e.idleSince = Date.now();
      e.linger = setTimeout(() => this.drop(id, e), LINGER_MS);
      e.linger.unref?.();
      this.trimIdle();
    };
  }

  private drop(id: string, e: FeedEntry): void {
    clearTimeout(e.linger);
    if (e.feed.subscribers === 0 && this.feeds.get(id) === e) this.feeds.delete(id);
  }

  private trimIdle(): void {
    const idle = [...this.feeds.entries()].filter(([, e]) => e.feed.subscribers === 0);
    if (idle.length <= MAX_IDLE_FEEDS) return;
    idle.sort((a, b) => (a[1].idleSince ?? 0) - (b[1].idleSince ?? 0));
    for (const [id, e] of idle.slice(0, idle.length - MAX_IDLE_FEEDS)) this.drop(id, e);
  }

  /** Every feed reports here; the list wants the numbers of the ids on screen. */
  private onSample(id: string, s: StatsSampleDTO, os: StatsOs): void {
    this.os = os;
    if (!this.wantedSet.has(id)) return;
    this.latest.set(id, {
      id,
      time: s.time,
      running: s.running,
      cpuPercent: s.cpuPercent,
      memUsed: s.memUsed,
      memLimit: s.memLimit,
    });
    this.pending.add(id);
    this.scheduleFlush();
    // Visiting in turn: this id has its numbers, let the slot move on (after the feed finished emitting).
    if (this.rotating && this.held.has(id)) {
      queueMicrotask(() => {
        if (!this.rotating || !this.held.has(id)) return;
        this.release(id);
        this.fill();
      });
    }
  }

  private scheduleFlush(): void {
    if (this.flushTimer) return;
    const wait = Math.max(20, this.lastFlush + this.flushMs - Date.now());
    this.flushTimer = setTimeout(() => this.flush(), wait);
  }

  private flush(): void {
    this.flushTimer = undefined;
    this.lastFlush = Date.now();
    const ids = [...this.pending];
    this.pending.clear();
    for (const sub of this.subs) {
      const items = ids
        .filter((id) => sub.set.has(id))
        .map((id) => this.latest.get(id))
        .filter((s): s is StatsSummaryDTO => s !== undefined);
      if (items.length > 0) sub.emit({ os: this.os, items });
    }
  }

  /** Recompute which ids the list wants (in the order the subscribers gave them) and who holds a slot. */
  private rebalance(): void {
    const order: string[] = [];
    const set = new Set<string>();
    for (const sub of this.subs) {
      for (const id of sub.ids) {
        if (!set.has(id)) {
          set.add(id);
          order.push(id);
        }
      }
    }
    this.wanted = order;
    this.wantedSet = set;
    for (const id of [...this.latest.keys()]) if (!set.has(id)) this.latest.delete(id);
    for (const id of [...this.pending]) if (!set.has(id)) this.pending.delete(id);
    for (const id of [...this.held.keys()]) if (!set.has(id)) this.release(id);
    const rotating = order.length > this.maxStreams;
    if (rotating !== this.rotating) {
      // Switching mode: permanent slots get a visit timeout, visiting slots become permanent.
      for (const id of [...this.held.keys()]) this.release(id);
      this.rotating = rotating;
    }
    if (!rotating) {
      for (const id of order) if (!this.held.has(id)) this.hold(id);
    } else {
      this.fill();
    }
  }

  /** Visiting in turn: give free slots to the next ids that have no live feed of their own. */
  private fill(): void {
    const n = this.wanted.length;
    let looked = 0;
    while (this.held.size < this.maxStreams && looked < n) {
      const id = this.wanted[this.cursor % n] as string;
      this.cursor = (this.cursor + 1) % n;
      looked++;
      if (this.held.has(id)) continue;
      // A detail view already streams it: its samples reach the list without a slot.
      if ((this.feeds.get(id)?.feed.subscribers ?? 0) > 0) continue;
      this.hold(id);
    }
  }

  private hold(id: string): void {
    const slot: Slot = { release: this.acquire(id, () => undefined) };
    if (this.rotating) {
      slot.timer = setTimeout(() => {
        this.release(id);
        this.fill();
      }, this.visitTimeoutMs);
    }
    this.held.set(id, slot);
  }

  private release(id: string): void {
    const slot = this.held.get(id);
    if (!slot) return;
    this.held.delete(id);
    clearTimeout(slot.timer);
    slot.release();
  }
}
