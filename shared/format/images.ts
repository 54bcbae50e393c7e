import type { ContainerDTO, ImageDTO } from '../dto.js';

/** One row of `docker images`: an image shows once per tag, or once as `<none>` when untagged. */
export interface ImageRow {
  key: string;
  id: string;
  repository: string;
  tag: string;
  /** What to pass to remove: the tag when there is one, else the id. */
  ref: string;
  /** 12-hex short id, as `docker images`. */
  shortId: string;
  size: number;
  created: number;
}

/** `sha256:abc…` → `abc…` cut to 12, as the CLI's IMAGE ID column. */
export function shortId(id: string): string {
  return id.replace(/^sha256:/, '').slice(0, 12);
}

function splitRef(ref: string): [string, string] {
  // The tag is after the last ':' that comes after the last '/' (a registry host may have a port).
  const slash = ref.lastIndexOf('/');
  const colon = ref.lastIndexOf(':');
  if (colon > slash) return [ref.slice(0, colon), ref.slice(colon + 1)];
  return [ref, '<none>'];
}

/**
 * Image rows as `docker images` prints them. Untagged images (RepoTags null, [], or `["<none>:<none>"]`,
 * whichever the engine returns) read `<none>:<none>`; a dangling image that still has a digest shows the
 * digest's repository with tag `<none>`, as the CLI does.
 */
export function imageRows(images: readonly ImageDTO[]): ImageRow[] {
  const rows: ImageRow[] = [];
  for (const img of images) {
    const tags = img.tags.filter((t) => t !== '<none>:<none>' && t !== '<none>@<none>');
    const base = { id: img.id, shortId: shortId(img.id), size: img.size, created: img.created };
    if (tags.length > 0) {
      for (const tag of tags) {
        const [repository, t] = splitRef(tag);
        rows.push({ ...base, key: `${img.id}|${tag}`, repository, tag: t, ref: tag });
      }
      continue;
    }
    const digest = img.digests.find((d) => d.includes('@') && !d.startsWith('<none>'));
    const repository = digest ? digest.slice(0, digest.indexOf('@')) : '<none>';
    rows.push({ ...base, key: `${img.id}|<none>`, repository, tag: '<none>', ref: img.id });
  }
  rows.sort((a, b) => b.created - a.created || a.repository.localeCompare(b.repository) || a.tag.localeCompare(b.tag));
  return rows;
}

/** Containers (running or not) that use each image id. */
export function containersByImage(containers: readonly ContainerDTO[]): Map<string, ContainerDTO[]> {
  const map = new Map<string, ContainerDTO[]>();
  for (const c of containers) {
    const list = map.get(c.imageId);
    if (list) list.push(c);
    else map.set(c.imageId, [c]);
  }
  return map;
}
