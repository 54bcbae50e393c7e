import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineFailure, rawError } from '../../electron/engine/docker.js';
import type { EndpointDTO } from '../../shared/dto.js';
import { mapEngineError, reasonText, type RawEngineError } from '../../shared/errors.js';
import { KapalFailure, type ErrorCode, type KapalError } from '../../shared/result.js';
import { localEndpoint, removeContainer, runSleeper, SOCKET } from './engine.js';
import { recordedError, recordedErrors } from './fixtures.js';

const linux = { endpoint: localEndpoint, platform: 'linux' };

/** Codes where the person can do something about it, so a hint must say what. */
const ACTIONABLE = new Set<ErrorCode>([
  'ENGINE_UNREACHABLE',
  'PERMISSION_DENIED',
  'NAME_IN_USE',
  'PORT_IN_USE',
  'IMAGE_IN_USE',
  'TIMEOUT',
  'ENGINE_ERROR',
]);

function expectReadable(e: KapalError): void {
  expect(e.message.trim().length).toBeGreaterThan(0);
  if (ACTIONABLE.has(e.code)) expect(e.hint?.trim().length ?? 0).toBeGreaterThan(0);
}

/** A recorded engine error as the engine layer hands it over: status and the body's message. */
function fromRecorded(name: string): RawEngineError {
  const e = recordedError(name);
  return { statusCode: e.statusCode, message: e.body?.message ?? '' };
}

describe('mapEngineError with the recorded engine errors', () => {
  it.each<[string, ErrorCode]>([
    ['container not found', 'NOT_FOUND'],
    ['image not found', 'NOT_FOUND'],
    ['create with a name in use', 'NAME_IN_USE'],
    ['create with an invalid name', 'INVALID_INPUT'],
    ['remove image by id used by a stopped container', 'IMAGE_IN_USE'],
    ['remove image tag used by a stopped container', 'IMAGE_IN_USE'],
    // No container uses it; it just has several tags. Not IMAGE_IN_USE ("used by a container").
    ['remove image by id with several tags', 'CONFLICT'],
    ['remove running container without force', 'CONFLICT'],
    ['start with a host port already allocated', 'PORT_IN_USE'],
  ])('%s → %s', (name, code) => {
    const e = mapEngineError(fromRecorded(name), linux);
    expect(e.code).toBe(code);
    expectReadable(e);
  });

  it('the recorded statuses are the ones the mapping is for', () => {
    const status = (name: string) => recordedError(name).statusCode;
    expect(status('container not found')).toBe(404);
    expect(status('create with a name in use')).toBe(409);
    expect(status('remove image by id used by a stopped container')).toBe(409);
    expect(status('remove running container without force')).toBe(409);
    expect(status('start with a host port already allocated')).toBeGreaterThanOrEqual(500);
    expect(status('start an already started container')).toBe(304);
  });

  it('NAME_IN_USE names the container, without the leading slash', () => {
    const e = mapEngineError(fromRecorded('create with a name in use'), linux);
    expect(e.message).toContain('kapal-fixture-web');
    expect(e.message).not.toContain('"/kapal-fixture-web"');
  });

  it('NOT_FOUND says what was not found, and keeps the engine text as the hint', () => {
    const e = mapEngineError(fromRecorded('container not found'), { ...linux, what: 'Container doesnotexist' });
    expect(e.message.startsWith('Container doesnotexist was not found')).toBe(true);
    expect(e.hint).toBe(recordedError('container not found').body?.message);
  });

  it('the running-container conflict says to stop it or force the removal', () => {
    const e = mapEngineError(fromRecorded('remove running container without force'), linux);
    expect(e.hint).toMatch(/stop/i);
    expect(e.hint).toMatch(/force/i);
  });

  it('PORT_IN_USE keeps the engine detail, which names the port', () => {
    const e = mapEngineError(fromRecorded('start with a host port already allocated'), linux);
    expect(e.message).toContain('18181');
  });

  it('every recorded failure maps to a readable error', () => {
    const failures = recordedErrors.filter((r) => r.statusCode >= 400);
    expect(failures.length).toBeGreaterThanOrEqual(9);
    for (const r of failures)
      expectReadable(mapEngineError({ statusCode: r.statusCode, message: r.body?.message ?? '' }, linux));
  });
});

describe('mapEngineError with socket errors', () => {
  // Node's own wording for each (see the real ones produced further down).
  it.each<[string, string, ErrorCode, string]>([
    ['ECONNREFUSED', 'connect ECONNREFUSED /var/run/docker.sock', 'ENGINE_UNREACHABLE', 'connection refused'],
    ['ENOENT', 'connect ENOENT /var/run/docker.sock', 'ENGINE_UNREACHABLE', 'socket not found'],
    ['ECONNRESET', 'socket hang up', 'ENGINE_UNREACHABLE', 'connection closed by the engine'],
    ['EACCES', 'connect EACCES /var/run/docker.sock', 'PERMISSION_DENIED', 'permission denied'],
    ['ETIMEDOUT', 'connect ETIMEDOUT 192.0.2.1:2376', 'TIMEOUT', 'timed out'],
  ])('%s → %s', (errno, message, code, reason) => {
    const raw = { errno, message };
    const e = mapEngineError(raw, linux);
    expect(e.code).toBe(code);
    expect(reasonText(raw)).toBe(reason);
    expectReadable(e);
  });

  it('ENGINE_UNREACHABLE names the endpoint and the reason', () => {
    const e = mapEngineError({ errno: 'ECONNREFUSED', message: 'connect ECONNREFUSED /var/run/docker.sock' }, linux);
    expect(e.message).toContain('unix:///var/run/docker.sock');
    expect(e.message).toContain('connection refused');
  });

  it('EACCES on Linux: the hint is the docker group', () => {
    const e = mapEngineError({ errno: 'EACCES', message: 'connect EACCES /var/run/docker.sock' }, linux);
    expect(e.code).toBe('PERMISSION_DENIED');
    expect(e.hint).toContain('docker group');
    expect(e.hint).toContain('usermod -aG docker');
  });

  it('a socket hang up without a status is the engine going away', () => {
    expect(mapEngineError({ message: 'socket hang up' }, linux).code).toBe('ENGINE_UNREACHABLE');
  });

  it('the unreachable hint fits the platform and the endpoint', () => {
    const refused = { errno: 'ECONNREFUSED', message: 'connect ECONNREFUSED' };
    expect(mapEngineError(refused, { ...linux, platform: 'darwin' }).hint).toMatch(/Docker Desktop/);
    expect(mapEngineError(refused, { ...linux, platform: 'win32' }).hint).toMatch(/WSL/);
    const remote: EndpointDTO = {
      kind: 'tcp',
      url: 'tcp://192.0.2.10:2376',
      source: 'DOCKER_HOST',
      host: '192.0.2.10',
    };
    expect(mapEngineError(refused, { endpoint: remote, platform: 'linux' }).hint).toContain('tcp://192.0.2.10:2376');
  });

  it('other statuses: 401/403 are permission, 5xx an engine error, both with a hint', () => {
    const forbidden = mapEngineError({ statusCode: 403, message: 'forbidden' }, linux);
    expect(forbidden.code).toBe('PERMISSION_DENIED');
    expectReadable(forbidden);
    const broken = mapEngineError({ statusCode: 500, message: 'something broke' }, linux);
    expect(broken.code).toBe('ENGINE_ERROR');
    expect(broken.message).toContain('something broke');
    expectReadable(broken);
  });
});

describe('rawError and engineFailure on real docker-modem errors', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kapal-errors-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  async function failure(p: Promise<unknown>): Promise<unknown> {
    try {
      await p;
    } catch (err) {
      return err;
    }
    throw new Error('expected the call to fail');
  }

  it('404 from the engine: status and the engine message, the same body the recorder saw', async () => {
    const err = await failure(new Docker({ socketPath: SOCKET }).getContainer('doesnotexist').inspect());
    const raw = rawError(err);
    expect(raw).toEqual({ statusCode: 404, message: recordedError('container not found').body?.message });
    const f = engineFailure(err, localEndpoint, 'Container doesnotexist');
    expect(f).toBeInstanceOf(KapalFailure);
    expect(f.error.code).toBe('NOT_FOUND');
    expect(f.error.message).toContain('Container doesnotexist');
  });

  it('400 from the engine (bad container name): INVALID_INPUT with the engine text', async () => {
    const err = await failure(
      new Docker({ socketPath: SOCKET }).createContainer({ name: 'bad name!', Image: 'kapal-test/busybox' }),
    );
    const raw = rawError(err);
    expect(raw).toEqual({ statusCode: 400, message: recordedError('create with an invalid name').body?.message });
    expect(engineFailure(err, localEndpoint).error.code).toBe('INVALID_INPUT');
  });

  it('a socket path that does not exist: ENOENT, no status, ENGINE_UNREACHABLE', async () => {
    const missing = path.join(tmp, 'nope', 'docker.sock');
    const err = await failure(new Docker({ socketPath: missing }).version());
    const raw = rawError(err);
    expect(raw.statusCode).toBeUndefined();
    expect(raw.errno).toBe('ENOENT');
    expect(raw.message).toContain(missing);
    const e = engineFailure(err, { kind: 'unix', url: `unix://${missing}`, source: 'test', socketPath: missing }).error;
    expect(e.code).toBe('ENGINE_UNREACHABLE');
    expect(e.message).toContain('socket not found');
    expectReadable(e);
  });

  it('a stale socket left by a killed daemon: ECONNREFUSED', async () => {
    const stale = path.join(tmp, 'stale.sock');
    const child = spawn(process.execPath, [
      '-e',
      `require('node:net').createServer().listen(${JSON.stringify(stale)}, () => console.log('ready'))`,
    ]);
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    expect(fs.existsSync(stale)).toBe(true);
    const err = await failure(new Docker({ socketPath: stale }).version());
    expect(rawError(err)).toMatchObject({ errno: 'ECONNREFUSED' });
    expect(engineFailure(err, localEndpoint).error.code).toBe('ENGINE_UNREACHABLE');
  });

  it('a TCP port nobody listens on: ECONNREFUSED', async () => {
    const port = await new Promise<number>((resolve) => {
      const srv = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (srv.address() as net.AddressInfo).port;
        srv.close(() => resolve(p));
      });
    });
    const err = await failure(new Docker({ protocol: 'http', host: '127.0.0.1', port }).version());
    expect(rawError(err)).toMatchObject({ errno: 'ECONNREFUSED' });
    expect(rawError(err).message).toContain(`127.0.0.1:${port}`);
  });

  it.runIf(process.getuid?.() === 0)('a socket the user may not open: EACCES → PERMISSION_DENIED', async () => {
    // As root the permission check never fails, so ask dockerode from a child running as "nobody".
    const guarded = path.join(tmp, 'guarded');
    fs.mkdirSync(guarded, { mode: 0o755 });
    const sock = path.join(guarded, 'docker.sock');
    const server = net.createServer((c) => c.destroy());
    await new Promise<void>((resolve) => server.listen(sock, resolve));
    fs.chmodSync(sock, 0o600);
    fs.chmodSync(tmp, 0o755);
    // The child opens the socket as docker-modem does (net.connect to the path) and reports the error.
    // It loads no module from the checkout: a clone under a private folder is unreadable for "nobody".
    const script = `require('net').connect(${JSON.stringify(sock)})
      .on('connect', () => { console.log('{}'); process.exit(0); })
      .on('error', (e) => console.log(JSON.stringify({ code: e.code, errno: e.errno, syscall: e.syscall, message: e.message })))`;
    const child = spawn(process.execPath, ['-e', script], { uid: 65534, gid: 65534, cwd: '/' });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    await new Promise((resolve) => child.once('exit', resolve));
    server.close();
    const seen = JSON.parse(out) as { code?: string; message?: string };
    expect(seen.code).toBe('EACCES');
    const err = Object.assign(new Error(seen.message), seen);
    const e = engineFailure(err, localEndpoint).error;
    expect(e.code).toBe('PERMISSION_DENIED');
    expect(e.hint).toContain('docker group');
  });

  describe('with a running container', () => {
    let sleeper: { id: string; name: string } | undefined;
    beforeAll(async () => {
      sleeper = await runSleeper('errors');
    });
    afterAll(async () => {
      if (sleeper) await removeContainer(sleeper.id);
    });

    it("304 on start: the status, and docker-modem's reason as the message", async () => {
      const err = await failure(new Docker({ socketPath: SOCKET }).getContainer(sleeper?.id ?? '').start());
      expect(rawError(err)).toEqual({ statusCode: 304, message: 'container already started' });
    });

    it('409 on removing it without force: CONFLICT with the stop-or-force hint', async () => {
      const err = await failure(new Docker({ socketPath: SOCKET }).getContainer(sleeper?.id ?? '').remove());
      const e = engineFailure(err, localEndpoint).error;
      expect(rawError(err).statusCode).toBe(409);
      expect(e.code).toBe('CONFLICT');
      expect(e.hint).toMatch(/force/i);
    });
  });
});
