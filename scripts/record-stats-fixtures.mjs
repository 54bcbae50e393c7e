#!/usr/bin/env node
/**
 * Records real `GET /containers/{id}/stats` payloads for the stats unit tests into
 * tests/fixtures/engine-20.10/stats/, next to what `docker stats --no-stream` printed for the same
 * containers at the same moment.
 *
 * The API one-shot read and the CLI run are started together: the daemon's stats collector samples every
 * container once a second and hands the same sample to every subscriber, so both usually see the same
 * frame (the test still allows for a one-frame difference in CPU and network).
 *
 * Containers (labelled kapal.fixture=stats, removed at the end even when a step fails):
 *   burner    `while :; do :; done` with --cpus 0.5, also on a second network (two interfaces)
 *   mem64     holds 64 MiB in busybox tail's buffer
 *   pagecache wrote 8 MiB to a file, so usage includes page cache that total_inactive_file removes
 *   idle      sleep
 *   stopped   created, never started
 *   cycle     a stream=true capture across `docker kill` and `docker start`
 *
 * Usage: node scripts/record-stats-fixtures.mjs   (DOCKER_SOCKET overrides /var/run/docker.sock)
 * Every command runs through execFile with an argument array.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.resolve(here, '..', 'tests', 'fixtures', 'engine-20.10', 'stats');
const SOCKET = process.env.DOCKER_SOCKET || '/var/run/docker.sock';
const LABEL = 'kapal.fixture=stats';
const IMAGE = 'kapal-test/busybox:latest';
const P = 'kapal-stats-fixture';
const NET = `${P}-net`;
const env = { ...process.env, DOCKER_HOST: `unix://${SOCKET}` };

async function docker(args, allowFail = false) {
  try {
    const { stdout } = await run('docker', args, { env, maxBuffer: 16 * 1024 * 1024 });
    return stdout.trim();
  } catch (err) {
    if (allowFail) return undefined;
    throw new Error(`docker ${args.join(' ')} failed: ${err.stderr || err.message}`);
  }
}

/** A raw API GET; with `lines` it reads that many JSON lines of a stream and then aborts it. */
function apiGet(urlPath, lines = 0) {
  return new Promise((resolve, reject) => {
    const req = http.request({ socketPath: SOCKET, method: 'GET', path: `/v1.41${urlPath}` }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => {
        text += c;
        if (lines > 0 && text.split('\n').filter(Boolean).length >= lines) {
          req.destroy();
          resolve(text);
        }
      });
      res.on('end', () => resolve(text));
    });
    req.on('error', (err) => (lines > 0 ? undefined : reject(err)));
    req.end();
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function cleanup() {
  const ids = await docker(['ps', '-aq', '--filter', `label=${LABEL}`], true);
  if (ids) await docker(['rm', '-f', ...ids.split(/\s+/)], true);
  await docker(['network', 'rm', NET], true);
}

const runD = (name, args, cmd) =>
  docker(['run', '-d', '--name', `${P}-${name}`, '--label', LABEL, ...args, IMAGE, ...cmd]);

const CLI_FORMAT = '{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}';

async function main() {
  await cleanup();
  await fs.mkdir(OUT, { recursive: true });
  await docker(['network', 'create', '--label', LABEL, NET]);
  await runD('burner', ['--cpus', '0.5'], ['sh', '-c', 'while :; do :; done']);
  await docker(['network', 'connect', NET, `${P}-burner`]);
  await runD('mem64', [], ['sh', '-c', '(head -c 64m /dev/zero; exec sleep 3600) | tail']);
  await runD('pagecache', [], ['sh', '-c', 'head -c 8388608 /dev/urandom > /f; exec sleep 3600']);
  await runD('idle', [], ['sleep', '3600']);
  await docker(['create', '--name', `${P}-stopped`, '--label', LABEL, IMAGE, 'true']);
  // Let the burner's throttling settle and the memory holder fill its buffer.
  await sleep(6000);

  const running = ['burner', 'mem64', 'pagecache', 'idle'];
  const at = Date.now();
  const [cli, ...payloads] = await Promise.all([
    docker(['stats', '--no-stream', '--format', CLI_FORMAT, ...running.map((n) => `${P}-${n}`)]),
    ...running.map((n) => apiGet(`/containers/${P}-${n}/stats?stream=false`)),
  ]);
  for (const [i, n] of running.entries()) {
    await fs.writeFile(path.join(OUT, `${n}.json`), `${JSON.stringify(JSON.parse(payloads[i]), null, 2)}\n`);
  }
  await fs.writeFile(path.join(OUT, 'cli-stats.txt'), `${cli}\n`);

  const stopped = await apiGet(`/containers/${P}-stopped/stats?stream=false`);
  const stoppedCli = await docker(['stats', '--no-stream', '--format', CLI_FORMAT, `${P}-stopped`]);
  await fs.writeFile(path.join(OUT, 'stopped.json'), `${JSON.stringify(JSON.parse(stopped), null, 2)}\n`);
  await fs.writeFile(path.join(OUT, 'cli-stats-stopped.txt'), `${stoppedCli}\n`);

  // A live stream of the burner: consecutive frames, each with precpu_stats = the frame before.
  const burnerStream = await apiGet(`/containers/${P}-burner/stats?stream=true`, 5);
  await fs.writeFile(path.join(OUT, 'burner-stream.jsonl'), burnerStream.split('\n').filter(Boolean).join('\n') + '\n');

  // Across a stop and a start: the 20.10 engine keeps the stream open and sends empty frames meanwhile.
  await runD('cycle', [], ['sleep', '3600']);
  const cycle = apiGet(`/containers/${P}-cycle/stats?stream=true`, 12);
  await sleep(3200);
  await docker(['kill', `${P}-cycle`]);
  await sleep(3500);
  await docker(['start', `${P}-cycle`]);
  const cycleText = await cycle;
  await fs.writeFile(path.join(OUT, 'cycle-stream.jsonl'), cycleText.split('\n').filter(Boolean).join('\n') + '\n');

  const version = JSON.parse(await apiGet('/version'));
  await fs.writeFile(
    path.join(OUT, 'capture.json'),
    `${JSON.stringify(
      {
        note: 'Recorded by scripts/record-stats-fixtures.mjs; cli-stats.txt was printed by the docker CLI started together with the API reads.',
        at,
        engine: version.Version,
        api: version.ApiVersion,
        cli: await docker(['version', '--format', '{{.Client.Version}}']),
        cgroup: await docker(['info', '--format', '{{.CgroupVersion}}']),
      },
      null,
      2,
    )}\n`,
  );
}

main()
  .catch((err) => {
    process.stderr.write(`${err.stack || err}\n`);
    process.exitCode = 1;
  })
  .finally(cleanup);
