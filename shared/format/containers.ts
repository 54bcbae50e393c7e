import type { ContainerDTO } from '../dto.js';

export type ContainerFilter = 'running' | 'all';

/** Search by name or image, case-insensitive; `running` keeps running (and paused/restarting) ones. */
export function filterContainers(
  items: readonly ContainerDTO[],
  query: string,
  filter: ContainerFilter,
): ContainerDTO[] {
  const q = query.trim().toLowerCase();
  return items.filter(
    (c) =>
      (filter === 'all' || c.state === 'running' || c.state === 'paused' || c.state === 'restarting') &&
      (!q || c.name.toLowerCase().includes(q) || c.image.toLowerCase().includes(q)),
  );
}

/** Newest first, as `docker ps -a`. */
export function sortContainers(items: readonly ContainerDTO[]): ContainerDTO[] {
  return [...items].sort((a, b) => b.created - a.created || a.name.localeCompare(b.name));
}

/** Apply a delta from `containers:changed` to a list. */
export function applyContainerDelta(
  items: readonly ContainerDTO[],
  upserts: readonly ContainerDTO[],
  removed: readonly string[],
): ContainerDTO[] {
  const gone = new Set(removed);
  const byId = new Map(items.filter((c) => !gone.has(c.id)).map((c) => [c.id, c]));
  for (const c of upserts) byId.set(c.id, c);
  return [...byId.values()];
}

export function isRunning(c: Pick<ContainerDTO, 'state'>): boolean {
  return c.state === 'running' || c.state === 'restarting' || c.state === 'paused';
}
