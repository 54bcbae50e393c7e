/**
 * The real engine for the few unit tests that need one: its endpoint, and containers made for one test
 * (labelled kapal.fixture=1, named uniquely, removed by id, so parallel files never touch each other's).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { EndpointDTO } from '../../shared/dto.js';
import type { Engine } from '../../electron/engine/index.js';

const run = promisify(execFile);

export const SOCKET = '/var/run/docker.sock';

export const localEndpoint: EndpointDTO = {
  kind: 'unix',
  url: `unix://${SOCKET}`,
  source: 'test',
  socketPath: SOCKET,
};

export const TEST_IMAGE = 'kapal-test/busybox:latest';

export async function docker(args: string[]): Promise<string> {
  const { stdout } = await run('docker', args, { env: { ...process.env, DOCKER_HOST: `unix://${SOCKET}` } });
  return stdout.trim();
}

/** A running `sleep` container; returns its id and name. */
export async function runSleeper(what: string): Promise<{ id: string; name: string }> {
  const name = `kapal-fixture-unit-${what}-${Math.random().toString(36).slice(2, 8)}`;
  const id = await docker(['run', '-d', '--name', name, '--label', 'kapal.fixture=1', TEST_IMAGE, 'sleep', '600']);
  return { id, name };
}

export async function removeContainer(id: string): Promise<void> {
  await docker(['rm', '-f', id]);
}

/** Resolve once the engine connection says connected (or fail after `ms`). */
export function connected(engine: Engine, ms = 10_000): Promise<void> {
  if (engine.connection.connected) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`engine not connected after ${ms} ms: ${JSON.stringify(engine.connection.status)}`));
    }, ms);
    const off = engine.connection.onStatus((s) => {
      if (s.state !== 'connected') return;
      clearTimeout(timer);
      off();
      resolve();
    });
  });
}
