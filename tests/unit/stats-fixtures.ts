/** Stats payloads recorded from Docker Engine 20.10 (cgroup v1) by scripts/record-stats-fixtures.mjs. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RawStats } from '../../shared/stats/raw.js';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'engine-20.10', 'stats');

export const FIXTURE_PREFIX = 'kapal-stats-fixture-';

export function rawFixture(name: string): RawStats {
  return JSON.parse(fs.readFileSync(path.join(dir, `${name}.json`), 'utf8')) as RawStats;
}

export function streamFixtureText(name: string): string {
  return fs.readFileSync(path.join(dir, `${name}.jsonl`), 'utf8');
}

export function streamFixture(name: string): RawStats[] {
  return streamFixtureText(name)
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as RawStats);
}

/** `docker stats --no-stream --format` columns, by container name: CPU, MEM USAGE / LIMIT, MEM, NET, BLOCK, PIDS. */
export function cliStats(file: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of fs.readFileSync(path.join(dir, file), 'utf8').split('\n').filter(Boolean)) {
    const [name = '', ...cols] = line.split('\t');
    out.set(name.replace(FIXTURE_PREFIX, ''), cols);
  }
  return out;
}
