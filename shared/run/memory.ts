const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };

/**
 * Memory limits as `docker run --memory` reads them (go-units RAMInBytes): a number with an optional
 * binary unit b, k, m, g, t, p (case-insensitive, optional trailing "b"): `512m`, `1.5g`, `64MiB`.
 */
export function parseMemory(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmgtp]?)(?:i?b)?\s*$/i.exec(text) ?? /^\s*(\d+(?:\.\d+)?)\s*(b)\s*$/i.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = UNITS[(m[2] ?? '').toLowerCase()];
  if (!Number.isFinite(n) || unit === undefined) return undefined;
  return Math.floor(n * unit);
}

/** Bytes back to the shortest exact `--memory` text: 536870912 → "512m". */
export function memoryFlag(bytes: number): string {
  for (const [u, mult] of [
    ['g', 1024 ** 3],
    ['m', 1024 ** 2],
    ['k', 1024],
  ] as const) {
    if (bytes % mult === 0) return `${bytes / mult}${u}`;
  }
  return `${bytes}b`;
}
