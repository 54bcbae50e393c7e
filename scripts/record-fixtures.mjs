#!/usr/bin/env node
/**
 * Records real Docker Engine payloads for the unit tests into tests/fixtures/engine-20.10/.
 *
 * It creates a few containers and images labelled kapal.fixture=1, reads the raw API (over the unix socket)
 * and the Docker CLI's own output for the same objects in the same moment, records the engine's error
 * bodies for the failures Kapal maps, and removes everything it created, even when a step fails.
 *
 * Usage: node scripts/record-fixtures.mjs   (DOCKER_SOCKET overrides /var/run/docker.sock)
 *
 * Only kapal-test/busybox:latest is needed (scripts/engine/up.sh builds it); nothing is pulled.
 * Every command is run with execFile and an argument array, never through a shell.
 */
import { Buffer } from 'node:buffer';
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.resolve(here, '..', 'tests', 'fixtures', 'engine-20.10');
const SOCKET = process.env.DOCKER_SOCKET || '/var/run/docker.sock';
const API = '/v1.41';
const LABEL_KEY = 'kapal.fixture';
const LABEL = `${LABEL_KEY}=1`;
const BASE = 'kapal-test/busybox:latest';
const PREFIX = 'kapal-fixture';

/**
 * Images built FROM scratch with one file of an exact size, so `docker images` prints sizes that pin down
 * go-units' rules: 999 B, 1 kB, 999999 B ("1e+03kB"), exact ties that round half to even (1.375 MB, 2.125 MB),
 * and 1.135 MB, which is no tie as a double (1.13500000000000000888…). `sized:latest` is built twice; the first
 * build becomes the dangling `<none>:<none>`.
 */
const SIZED = [
  { tag: `${PREFIX}/tiny:999`, bytes: 999 },
  { tag: `${PREFIX}/tiny:1000`, bytes: 1000 },
  { tag: `${PREFIX}/near-tie:latest`, bytes: 1_135_000 },
  { tag: `${PREFIX}/tie-up:latest`, bytes: 1_375_000 },
  { tag: `${PREFIX}/sized:latest`, bytes: 999_999 }, // left dangling by the next build
  {
    tag: `${PREFIX}/sized:latest`,
    bytes: 2_125_000,
    extraTags: [`${PREFIX}/sized:v2`, `127.0.0.1:5000/${PREFIX}/sized:latest`],
  },
];
const APP = `${PREFIX}/app:latest`;
/**
 * Pushed to the local registry (scripts/engine/up.sh runs it on 127.0.0.1:5000), then rebuilt under the same
 * tag: the first build keeps only its digest reference, the shape where the engine sends `RepoTags: null`
 * and `docker images` shows the digest's repository with tag `<none>`.
 */
const REGISTRY = '127.0.0.1:5000';
const PUSHED = `${REGISTRY}/${PREFIX}/pushed:latest`;
/** Manifests this run pushed, deleted from the registry again in cleanup. */
const pushedManifests = [];

const dockerEnv = { ...process.env, DOCKER_HOST: `unix://${SOCKET}`, DOCKER_BUILDKIT: '0' };

/** The docker CLI, argument array only. */
async function docker(args, { allowFail = false } = {}) {
  try {
    const { stdout } = await run('docker', args, { env: dockerEnv, maxBuffer: 32 * 1024 * 1024 });
    return stdout.trim();
  } catch (err) {
    if (allowFail) return undefined;
    throw new Error(`docker ${args.join(' ')} failed: ${err.stderr || err.message}`);
  }
}

/** One HTTP request (to the engine's unix socket, or to the registry): status and body exactly as sent. */
function request(target, method, urlPath, body) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = http.request(
      {
        ...target,
        method,
        path: urlPath,
        headers: { ...(payload ? { 'Content-Type': 'application/json' } : {}) },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          let json = null;
          if (raw.trim()) {
            try {
              json = JSON.parse(raw);
            } catch {
              json = null;
            }
          }
          resolve({ statusCode: res.statusCode ?? 0, raw, json });
        });
      },
    );
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

/** The raw Engine API, pinned to API 1.41. */
const api = (method, urlPath, body) => request({ socketPath: SOCKET }, method, `${API}${urlPath}`, body);

async function apiJson(method, urlPath, body) {
  const r = await api(method, urlPath, body);
  if (r.statusCode >= 300) throw new Error(`${method} ${urlPath}: HTTP ${r.statusCode} ${r.raw}`);
  return r.json;
}

/** Remove only what carries our label (containers, then images), a few passes for image chains. */
async function cleanup() {
  while (pushedManifests.length > 0) {
    const digest = pushedManifests.pop();
    const [host, port] = REGISTRY.split(':');
    const res = await request({ host, port: Number(port) }, 'DELETE', `/v2/${PREFIX}/pushed/manifests/${digest}`);
    if (res.statusCode !== 202 && res.statusCode !== 404)
      process.stderr.write(`registry: delete ${digest}: HTTP ${res.statusCode}\n`);
  }
  const containers = await docker(['ps', '-aq', '--filter', `label=${LABEL}`]);
  if (containers) await docker(['rm', '-f', '-v', ...containers.split(/\s+/)]);
  for (let pass = 0; pass < 4; pass++) {
    // Top-level images first (their untagged parents go with them), then any labelled intermediate left.
    const top = await docker(['images', '-q', '--no-trunc', '--filter', `label=${LABEL}`]);
    const all = await docker(['images', '-aq', '--no-trunc', '--filter', `label=${LABEL}`]);
    const ids = [...new Set([...(top ? top.split(/\s+/) : []), ...(all ? all.split(/\s+/) : [])])];
    if (ids.length === 0) return;
    for (const id of ids) await docker(['rmi', '-f', id], { allowFail: true });
  }
  const left = await docker(['images', '-aq', '--filter', `label=${LABEL}`]);
  if (left) throw new Error(`could not remove fixture images: ${left}`);
}

async function buildImage(dockerfile, files, tag) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kapal-fixture-'));
  try {
    await fs.writeFile(path.join(dir, 'Dockerfile'), dockerfile);
    for (const [name, data] of Object.entries(files)) await fs.writeFile(path.join(dir, name), data);
    await docker(['build', '-q', '-t', tag, dir]);
    return await docker(['image', 'inspect', '--format', '{{.Id}}', tag]);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** FROM scratch with one file of exactly `bytes` bytes, so the image's Size is exactly that. */
function buildSized(bytes, tag) {
  // LABEL first so every layer of the build (intermediates too) carries the label cleanup looks for.
  const dockerfile = `FROM scratch\nLABEL ${LABEL_KEY}="1" ${LABEL_KEY}.bytes="${bytes}"\nCOPY pad /pad\n`;
  return buildImage(dockerfile, { pad: Buffer.alloc(bytes, 0x6b) }, tag);
}

async function buildImages() {
  for (const s of SIZED) {
    const id = await buildSized(s.bytes, s.tag);
    for (const extra of s.extraTags ?? []) await docker(['tag', id, extra]);
  }
  await buildSized(1234, PUSHED);
  await docker(['push', PUSHED]);
  const digests = JSON.parse(await docker(['image', 'inspect', '--format', '{{json .RepoDigests}}', PUSHED]));
  for (const d of digests) pushedManifests.push(d.slice(d.indexOf('@') + 1));
  await buildSized(4321, PUSHED);
  const appFile = `FROM ${BASE}\nLABEL ${LABEL_KEY}="1" ${LABEL_KEY}.role="app"\n`;
  return buildImage(appFile, {}, APP);
}

/** The fixture containers: each a case Kapal's ports, names and status text must handle. */
async function createContainers() {
  const label = ['--label', LABEL];
  await docker([
    'run',
    '-d',
    '--name',
    `${PREFIX}-web`,
    ...label,
    '-p',
    '18181:8080',
    '-p',
    '18182:53/udp',
    '--expose',
    '9999',
    BASE,
    'httpd',
    '-f',
    '-p',
    '8080',
  ]);
  await docker([
    'run',
    '-d',
    '--name',
    `${PREFIX}-range`,
    ...label,
    '-p',
    '18190-18192:8000-8002',
    BASE,
    'sleep',
    '3600',
  ]);
  await docker([
    'run',
    '-d',
    '--name',
    `${PREFIX}-local`,
    ...label,
    '-p',
    '127.0.0.1:18183:8080',
    BASE,
    'httpd',
    '-f',
    '-p',
    '8080',
  ]);
  await docker(['run', '-d', '--name', `${PREFIX}-exited`, ...label, APP, 'sh', '-c', 'exit 3']);
  const code = await docker(['wait', `${PREFIX}-exited`]);
  if (code !== '3') throw new Error(`expected exit code 3, got ${code}`);
  await docker(['create', '--name', `${PREFIX}-created`, ...label, '-p', '18184:8080', BASE, 'sleep', '3600']);
  // A legacy link gives the linked container a second name, "/kapal-fixture-client/webalias".
  await docker([
    'run',
    '-d',
    '--name',
    `${PREFIX}-client`,
    ...label,
    '--link',
    `${PREFIX}-web:webalias`,
    BASE,
    'sleep',
    '3600',
  ]);
}

function statusByName(list) {
  return Object.fromEntries(list.map((c) => [c.Names.find((n) => n.split('/').length === 2), c.Status]));
}

const filters = (f) => encodeURIComponent(JSON.stringify(f));

/**
 * The API list and `docker ps` in one moment: API, CLI, API again, retried until both API reads give the
 * same status texts (so the CLI, read in between, printed them too).
 */
async function snapshotContainers() {
  const q = `/containers/json?all=1&filters=${filters({ label: [LABEL] })}`;
  for (let attempt = 0; attempt < 10; attempt++) {
    const before = Date.now();
    const first = await apiJson('GET', q);
    const ps = await docker([
      'ps',
      '-a',
      '--filter',
      `label=${LABEL}`,
      '--format',
      '{{.Names}}|{{.Status}}|{{.Ports}}',
    ]);
    const created = await docker(['ps', '-a', '--filter', `label=${LABEL}`, '--format', '{{.Names}}|{{.RunningFor}}']);
    const second = await apiJson('GET', q);
    const after = Date.now();
    if (JSON.stringify(statusByName(first)) === JSON.stringify(statusByName(second))) {
      return { containers: first, ps, created, at: { before, after } };
    }
    await sleep(400);
  }
  throw new Error('container status kept changing between the API and CLI reads');
}

/** Our images and the base the containers run, from GET /images/json and `docker images`. */
async function snapshotImages(baseId) {
  const before = Date.now();
  const all = await apiJson('GET', '/images/json');
  const cli = await docker(['images', '--format', '{{.Repository}}|{{.Tag}}|{{.ID}}|{{.Size}}']);
  const cliCreated = await docker(['images', '--format', '{{.ID}}|{{.CreatedSince}}']);
  const after = Date.now();
  const ours = all.filter((i) => i.Id === baseId || (i.Labels ?? {})[LABEL_KEY] === '1');
  const shortIds = new Set(ours.map((i) => i.Id.replace(/^sha256:/, '').slice(0, 12)));
  const keep = (text, col) =>
    text
      .split('\n')
      .filter((l) => shortIds.has(l.split('|')[col]))
      .join('\n');
  return {
    images: ours,
    cli: keep(cli, 2),
    cliCreated: [...new Set(keep(cliCreated, 0).split('\n'))].join('\n'),
    at: { before, after },
  };
}

/** The engine's error bodies, each with the request that produced it. */
async function recordErrors(appId, sizedId) {
  const out = [];
  const record = async (name, method, urlPath, body, expect) => {
    const r = await api(method, urlPath, body);
    if (!expect(r.statusCode)) throw new Error(`${name}: unexpected HTTP ${r.statusCode} ${r.raw}`);
    out.push({ case: name, request: `${method} ${urlPath}`, statusCode: r.statusCode, body: r.json });
    return r;
  };
  const is = (n) => (s) => s === n;
  const createBody = { Image: BASE, Cmd: ['true'], Labels: { [LABEL_KEY]: '1' } };

  await record('container not found', 'GET', '/containers/doesnotexist/json', undefined, is(404));
  await record('image not found', 'DELETE', '/images/doesnotexist', undefined, is(404));
  await record('create with a name in use', 'POST', `/containers/create?name=${PREFIX}-web`, createBody, is(409));
  await record(
    'create with an invalid name',
    'POST',
    `/containers/create?name=${encodeURIComponent('bad name!')}`,
    createBody,
    is(400),
  );
  await record('remove image by id used by a stopped container', 'DELETE', `/images/${appId}`, undefined, is(409));
  await record(
    'remove image tag used by a stopped container',
    'DELETE',
    `/images/${encodeURIComponent(APP)}`,
    undefined,
    is(409),
  );
  await record('remove image by id with several tags', 'DELETE', `/images/${sizedId}`, undefined, is(409));
  await record('remove running container without force', 'DELETE', `/containers/${PREFIX}-web`, undefined, is(409));

  // A second container that wants the host port kapal-fixture-web already holds.
  const clash = await apiJson('POST', `/containers/create?name=${PREFIX}-clash`, {
    ...createBody,
    Cmd: ['sleep', '3600'],
    ExposedPorts: { '8080/tcp': {} },
    HostConfig: { PortBindings: { '8080/tcp': [{ HostIp: '', HostPort: '18181' }] } },
  });
  await record(
    'start with a host port already allocated',
    'POST',
    `/containers/${clash.Id}/start`,
    undefined,
    (s) => s >= 400,
  );
  await record('start an already started container', 'POST', `/containers/${PREFIX}-web/start`, undefined, is(304));
  await record('stop an already stopped container', 'POST', `/containers/${PREFIX}-exited/stop`, undefined, is(304));
  return out;
}

async function inspectTimes(names) {
  const out = {};
  for (const name of names) {
    const c = await apiJson('GET', `/containers/${name}/json`);
    out[name] = { StartedAt: c.State.StartedAt, FinishedAt: c.State.FinishedAt, ExitCode: c.State.ExitCode };
  }
  return out;
}

async function write(name, value) {
  const text = typeof value === 'string' ? `${value}\n` : `${JSON.stringify(value, null, 2)}\n`;
  await fs.writeFile(path.join(OUT, name), text);
}

async function main() {
  const baseId = await docker(['image', 'inspect', '--format', '{{.Id}}', BASE], { allowFail: true });
  if (!baseId) throw new Error(`${BASE} is missing: run scripts/engine/up.sh first`);
  await cleanup();
  try {
    const appId = await buildImages();
    const sizedId = await docker(['image', 'inspect', '--format', '{{.Id}}', `${PREFIX}/sized:latest`]);
    await createContainers();
    // Let the running ones be up for a moment, so "Up Less than a second" is not what gets recorded.
    await sleep(1500);

    const version = await apiJson('GET', '/version');
    const info = await apiJson('GET', '/info');
    const c = await snapshotContainers();
    const names = c.containers.map((x) => x.Names.find((n) => n.split('/').length === 2).slice(1));
    const times = await inspectTimes(names);
    const i = await snapshotImages(baseId);
    const errors = await recordErrors(appId, sizedId);

    await fs.mkdir(OUT, { recursive: true });
    await write('version.json', version);
    await write('info.json', info);
    await write('containers.json', c.containers);
    await write('cli-ps.txt', c.ps);
    await write('cli-ps-created.txt', c.created);
    await write('images.json', i.images);
    await write('cli-images.txt', i.cli);
    await write('cli-images-created.txt', i.cliCreated);
    await write('errors.json', errors);
    await write('capture.json', {
      note: 'Wall-clock bounds (ms since epoch) around each snapshot, and State times from inspect, for the duration tests.',
      containers: c.at,
      images: i.at,
      state: times,
    });
    process.stdout.write(
      `recorded ${c.containers.length} containers, ${i.images.length} images, ${errors.length} errors into ${path.relative(process.cwd(), OUT)}\n`,
    );
  } finally {
    await cleanup();
  }
}

main().catch((err) => {
  process.stderr.write(`record-fixtures: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
