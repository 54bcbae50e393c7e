#!/usr/bin/env node
/**
 * Records the engine's log payloads for the logs unit tests into tests/fixtures/engine-20.10/logs/.
 *
 * Two containers print a known sequence and exit: one without a TTY (the engine multiplexes stdout and stderr
 * with 8-byte frame headers) and one with `-t` (raw bytes, `\r\n` line ends). For each it keeps the raw
 * `GET /containers/{id}/logs` body exactly as the engine sent it (with and without timestamps), the container's
 * inspect payload (for `Config.Tty`), and what `docker logs` printed on its stdout and stderr in the same
 * moment. The plain container also prints one 20,001-byte line of `é`, which the engine's 16 KiB log copier
 * splits into two messages in the middle of a two-byte character. With the default json-file driver the engine
 * hands that back as two U+FFFD; with `--log-driver local` (recorded too) the two halves of the character arrive
 * in two frames, a real UTF-8 split across frames.
 *
 * Usage: node scripts/record-logs-fixtures.mjs   (DOCKER_SOCKET overrides /var/run/docker.sock)
 * Needs only kapal-test/busybox:latest; everything it creates is labelled kapal.fixture=logs and removed.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.resolve(here, '..', 'tests', 'fixtures', 'engine-20.10', 'logs');
const SOCKET = process.env.DOCKER_SOCKET || '/var/run/docker.sock';
const API = '/v1.41';
const LABEL = 'kapal.fixture=logs';
const IMAGE = 'kapal-test/busybox:latest';
const dockerEnv = { ...process.env, DOCKER_HOST: `unix://${SOCKET}` };

/** The same script for both containers; `long` adds the line that the engine splits mid-character. */
function script(long) {
  return [
    'echo hello',
    'echo err >&2',
    'printf "caf\\303\\251 \\033[31mred\\033[0m \\033[1mbold\\033[0m\\n"',
    ...(long ? ['printf x', 'yes é | head -n 10000 | tr -d "\\n"', 'echo'] : []),
    'printf "a 10%%\\rb 20%%\\rdone\\n"',
    'echo warn-2 >&2',
    'echo last',
  ].join('; ');
}

async function docker(args) {
  const { stdout, stderr } = await run('docker', args, { env: dockerEnv, maxBuffer: 64 * 1024 * 1024 });
  return { stdout, stderr };
}

function apiRaw(urlPath) {
  return new Promise((resolve, reject) => {
    const req = http.request({ socketPath: SOCKET, method: 'GET', path: `${API}${urlPath}` }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve(Buffer.concat(chunks)));
    });
    req.on('error', reject);
    req.end();
  });
}

async function record(name, { tty = false, logDriver } = {}) {
  const args = ['run', '-d', '--label', LABEL, '--name', `kapal-fixture-logs-${name}`, '--network', 'none'];
  if (tty) args.push('-t');
  if (logDriver) args.push('--log-driver', logDriver);
  args.push(IMAGE, 'sh', '-c', script(!tty));
  const id = (await docker(args)).stdout.trim();
  await docker(['wait', id]);
  const inspect = JSON.parse((await apiRaw(`/containers/${id}/json`)).toString('utf8'));
  const withTs = await apiRaw(`/containers/${id}/logs?stdout=1&stderr=1&timestamps=1`);
  const plain = await apiRaw(`/containers/${id}/logs?stdout=1&stderr=1`);
  const tail = await apiRaw(`/containers/${id}/logs?stdout=1&stderr=1&timestamps=1&tail=3`);
  const cli = await docker(['logs', id]);
  const cliTail = await docker(['logs', '--tail', '3', id]);
  await fs.writeFile(path.join(OUT, `${name}-inspect.json`), `${JSON.stringify(inspect, null, 2)}\n`);
  await fs.writeFile(path.join(OUT, `${name}-timestamps.bin`), withTs);
  await fs.writeFile(path.join(OUT, `${name}.bin`), plain);
  await fs.writeFile(path.join(OUT, `${name}-tail3-timestamps.bin`), tail);
  await fs.writeFile(
    path.join(OUT, `${name}-cli.json`),
    `${JSON.stringify({ command: script(!tty), logs: cli, tail3: cliTail }, null, 2)}\n`,
  );
  process.stdout.write(`recorded ${name}: ${withTs.length} bytes with timestamps, tty=${inspect.Config.Tty}\n`);
}

async function cleanup() {
  const { stdout } = await docker(['ps', '-aq', '--filter', `label=${LABEL}`]);
  const ids = stdout.split(/\s+/).filter(Boolean);
  if (ids.length) await docker(['rm', '-f', ...ids]);
}

try {
  await fs.mkdir(OUT, { recursive: true });
  await cleanup();
  await record('plain', {});
  await record('tty', { tty: true });
  // json-file stores each message as a JSON string, so the split character comes back as two U+FFFD; the
  // `local` driver keeps the raw bytes, so there the two halves of the character arrive in two frames.
  await record('local', { logDriver: 'local' });
} finally {
  await cleanup();
}
