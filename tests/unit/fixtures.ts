/**
 * The payloads scripts/record-fixtures.mjs recorded from a real Docker Engine 20.10 (API 1.41), and the
 * Docker CLI's own output for the same objects at the same moment. Nothing here is hand-written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RawContainer, RawImage, RawInfo, RawVersion } from '../../electron/engine/mappers.js';

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'engine-20.10');

function text(name: string): string {
  return fs.readFileSync(path.join(DIR, name), 'utf8');
}

function json<T>(name: string): T {
  return JSON.parse(text(name)) as T;
}

/** A `--format 'a|b|c'` capture, one array of columns per line. */
function columns(name: string): string[][] {
  return text(name)
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => l.split('|'));
}

/** `GET /containers/json?all=1`, filtered to the label kapal.fixture=1. */
export const rawContainers = json<Array<RawContainer & { Names: string[] }>>('containers.json');
/** `GET /images/json`: the fixture images and kapal-test/busybox, which the fixture containers run. */
export const rawImages = json<Array<RawImage & { Labels: Record<string, string> | null }>>('images.json');
export const rawVersion = json<RawVersion & Record<string, unknown>>('version.json');
export const rawInfo = json<RawInfo & Record<string, unknown>>('info.json');

/** `docker ps -a --format '{{.Names}}|{{.Status}}|{{.Ports}}'`. */
export const cliPs = columns('cli-ps.txt').map(([name = '', status = '', ports = '']) => ({ name, status, ports }));
/** `docker ps -a --format '{{.Names}}|{{.RunningFor}}'`. */
export const cliPsCreated = columns('cli-ps-created.txt').map(([name = '', runningFor = '']) => ({ name, runningFor }));
/** `docker images --format '{{.Repository}}|{{.Tag}}|{{.ID}}|{{.Size}}'`, lines of the fixture images. */
export const cliImages = columns('cli-images.txt').map(([repository = '', tag = '', id = '', size = '']) => ({
  repository,
  tag,
  id,
  size,
}));
/** `docker images --format '{{.ID}}|{{.CreatedSince}}'`. */
export const cliImagesCreated = columns('cli-images-created.txt').map(([id = '', createdSince = '']) => ({
  id,
  createdSince,
}));

export interface RecordedError {
  case: string;
  request: string;
  statusCode: number;
  body: { message: string } | null;
}

export const recordedErrors = json<RecordedError[]>('errors.json');

export function recordedError(name: string): RecordedError {
  const e = recordedErrors.find((x) => x.case === name);
  if (!e) throw new Error(`errors.json has no case "${name}"; run node scripts/record-fixtures.mjs`);
  return e;
}

/** Wall-clock bounds (ms) around each snapshot, and the State times `docker inspect` gave. */
export const capture = json<{
  containers: { before: number; after: number };
  images: { before: number; after: number };
  state: Record<string, { StartedAt: string; FinishedAt: string; ExitCode: number }>;
}>('capture.json');

/** A container's own name, as `docker ps` prints it (a link alias like /client/webalias is not it). */
export function primaryName(raw: { Names: string[] }): string {
  const own = raw.Names.find((n) => n.split('/').length === 2);
  if (!own) throw new Error(`no primary name in ${JSON.stringify(raw.Names)}`);
  return own.slice(1);
}

export function rawContainer(name: string): RawContainer & { Names: string[] } {
  const c = rawContainers.find((x) => primaryName(x) === name);
  if (!c) throw new Error(`containers.json has no ${name}; run node scripts/record-fixtures.mjs`);
  return c;
}

export function rawImageByTag(tag: string): RawImage {
  const i = rawImages.find((x) => (x.RepoTags ?? []).includes(tag));
  if (!i) throw new Error(`images.json has no ${tag}; run node scripts/record-fixtures.mjs`);
  return i;
}

/** The image whose fixture label says it was built with a pad file of exactly `bytes` bytes. */
export function rawImageByBytes(bytes: number): RawImage {
  const i = rawImages.find((x) => x.Labels?.['kapal.fixture.bytes'] === String(bytes));
  if (!i) throw new Error(`images.json has no image of ${bytes} bytes; run node scripts/record-fixtures.mjs`);
  return i;
}
