import type { ContainerDTO, ContainersEvent, ContainerTimingDTO } from '../../shared/dto.js';
import type { EngineConnection, EngineEvent } from './connection.js';
import { engineFailure } from './docker.js';
import { Emitter, type Dispose } from './disposable.js';
import { toContainerDTO, type RawContainer } from './mappers.js';

/** Container actions that do not change what `docker ps -a` shows. */
const IGNORED = /^(exec_|attach|resize|top|export|copy|archive-path|extract-to-dir|commit)/;

/** How long to gather events before one targeted re-list. */
const COALESCE_MS = 60;
/**
 * The engine logs `die` before its container list shows the container stopped (the list is a
 * snapshot updated just after), so a container that exits by itself is listed again a little later.
 */
const SETTLE_MS = [250, 1000];
const SETTLING = new Set(['die', 'oom', 'kill']);
/** Inspects in flight at once while filling in timestamps after a full list. */
const ENRICH_CONCURRENCY = 6;
/** Keep the live list this long after the last watcher leaves, so a reload gets it at once. */
const LINGER_MS = 30_000;

function isNotModified(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { statusCode?: unknown }).statusCode === 304;
}

/**
 * Containers: list, actions, and a live feed built from `/events` (no polling). The feed keeps the
 * last list in memory so a new subscriber gets a snapshot at once.
 */
export class ContainerService {
  private cache: Map<string, ContainerDTO> | undefined;
  private pending = new Set<string>();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly feed = new Emitter<ContainersEvent>();
  private detach: Dispose[] = [];
  private lingerTimer: ReturnType<typeof setTimeout> | undefined;
  /** Start/finish times from inspect, so the status text can stay live; dropped on every event. */
  private timings = new Map<string, ContainerTimingDTO>();

  constructor(private readonly conn: EngineConnection) {}

  private async timingOf(id: string): Promise<ContainerTimingDTO | undefined> {
    try {
      const s = (await this.conn.docker.getContainer(id).inspect()).State;
      const health = (s as { Health?: { Status?: string } }).Health?.Status;
      const t = {
        startedAt: s.StartedAt,
        finishedAt: s.FinishedAt,
        exitCode: s.ExitCode,
        ...(health ? { health } : {}),
      };
      this.timings.set(id, t);
      return t;
    } catch {
      return undefined;
    }
  }

  /** Inspect what the list does not say (timestamps), a few at a time, and push them as deltas. */
  private async enrich(items: readonly ContainerDTO[]): Promise<void> {
    const todo = items.filter((c) => !this.timings.has(c.id));
    let next = 0;
    let batch: ContainerDTO[] = [];
    const push = () => {
      if (batch.length === 0 || !this.cache) return;
      this.feed.emit({ kind: 'delta', upserts: batch, removed: [] });
      batch = [];
    };
    const worker = async () => {
      while (next < todo.length && this.cache) {
        const c = todo[next++] as ContainerDTO;
        const timing = await this.timingOf(c.id);
        const current = this.cache?.get(c.id);
        if (!timing || !current || current.timing) continue;
        const withTiming = { ...current, timing };
        this.cache?.set(c.id, withTiming);
        batch.push(withTiming);
        if (batch.length >= 100) push();
      }
    };
    await Promise.all(Array.from({ length: ENRICH_CONCURRENCY }, worker));
    push();
  }

  private what(id: string): string {
    return `Container ${this.cache?.get(id)?.name ?? id}`;
  }

  async list(): Promise<ContainerDTO[]> {
    try {
      const raw = (await this.conn.docker.listContainers({ all: true })) as unknown as RawContainer[];
      return raw.map(toContainerDTO);
    } catch (err) {
      throw engineFailure(err, this.conn.endpoint);
    }
  }

  async start(id: string): Promise<null> {
    try {
      await this.conn.docker.getContainer(id).start();
    } catch (err) {
      if (!isNotModified(err)) throw engineFailure(err, this.conn.endpoint, this.what(id));
    }
    return null;
  }

  async stop(id: string, timeoutSeconds?: number): Promise<null> {
    try {
      await this.conn.docker.getContainer(id).stop(timeoutSeconds === undefined ? {} : { t: timeoutSeconds });
    } catch (err) {
      if (!isNotModified(err)) throw engineFailure(err, this.conn.endpoint, this.what(id));
    }
    return null;
  }

  async restart(id: string): Promise<null> {
    try {
      await this.conn.docker.getContainer(id).restart();
    } catch (err) {
      throw engineFailure(err, this.conn.endpoint, this.what(id));
    }
    return null;
  }

  async remove(id: string, force: boolean, volumes: boolean): Promise<null> {
    try {
      await this.conn.docker.getContainer(id).remove({ force, v: volumes });
    } catch (err) {
      throw engineFailure(err, this.conn.endpoint, this.what(id));
    }
    return null;
  }

  /** Subscribe to the live list: a snapshot now (if connected), then deltas. */
  watch(listener: (e: ContainersEvent) => void): Dispose {
    const off = this.feed.on(listener);
    clearTimeout(this.lingerTimer);
    this.lingerTimer = undefined;
    if (this.detach.length === 0) this.attach();
    if (this.cache) listener({ kind: 'snapshot', items: [...this.cache.values()] });
    else if (this.conn.connected) void this.resync();
    return () => {
      off();
      if (this.feed.count === 0) {
        clearTimeout(this.lingerTimer);
        this.lingerTimer = setTimeout(() => this.release(), LINGER_MS);
        this.lingerTimer.unref?.();
      }
    };
  }

  private attach(): void {
    this.detach = [this.conn.resync.on(() => void this.resync()), this.conn.engineEvent.on((ev) => this.onEvent(ev))];
  }

  private release(): void {
    this.lingerTimer = undefined;
    for (const d of this.detach) d();
    this.detach = [];
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    this.pending.clear();
    this.cache = undefined;
    this.timings.clear();
  }

  private async resync(): Promise<void> {
    try {
      const items = (await this.list()).map((c) => {
        const timing = this.timings.get(c.id);
        return timing ? { ...c, timing } : c;
      });
      this.cache = new Map(items.map((c) => [c.id, c]));
      this.feed.emit({ kind: 'snapshot', items });
      void this.enrich(items);
    } catch {
      // The connection reports the outage; the next resync fills the list again.
    }
  }

  private onEvent(ev: EngineEvent): void {
    if (ev.Type === 'image' && /^(tag|untag|delete)$/.test(ev.Action)) {
      // Untagging changes what `docker ps` shows as a container's image, and sends no container event.
      const imageId = ev.Actor?.ID ?? ev.id;
      for (const c of this.cache?.values() ?? []) if (c.imageId === imageId) this.mark(c.id);
      return;
    }
    if (ev.Type !== 'container' || IGNORED.test(ev.Action)) return;
    const id = ev.Actor?.ID ?? ev.id;
    if (!id) return;
    this.mark(id);
    if (SETTLING.has(ev.Action)) {
      for (const ms of SETTLE_MS) {
        const timer = setTimeout(() => this.mark(id), ms);
        timer.unref?.();
      }
    }
  }

  private mark(id: string): void {
    if (this.detach.length === 0) return;
    this.pending.add(id);
    this.flushTimer ??= setTimeout(() => void this.flush(), COALESCE_MS);
  }

  private async flush(): Promise<void> {
    this.flushTimer = undefined;
    const ids = [...this.pending];
    this.pending.clear();
    if (ids.length === 0) return;
    for (const id of ids) this.timings.delete(id);
    let found: ContainerDTO[];
    try {
      const raw = (await this.conn.docker.listContainers({
        all: true,
        filters: JSON.stringify({ id: ids }),
      })) as unknown as RawContainer[];
      // The id filter matches prefixes; keep exact ids only.
      const wanted = new Set(ids);
      found = raw.map(toContainerDTO).filter((c) => wanted.has(c.id));
    } catch {
      return;
    }
    // A handful of containers changed: inspect them now, so the delta carries live timestamps.
    found = await Promise.all(
      found.map(async (c) => {
        const timing = await this.timingOf(c.id);
        return timing ? { ...c, timing } : c;
      }),
    );
    const foundIds = new Set(found.map((c) => c.id));
    const removed = ids.filter((id) => !foundIds.has(id));
    if (this.cache) {
      for (const id of removed) this.cache.delete(id);
      for (const c of found) this.cache.set(c.id, c);
    }
    this.feed.emit({ kind: 'delta', upserts: found, removed });
  }
}
