import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { TEST_LABEL } from './env.js';

const run = promisify(execFile);

/** Run the docker CLI with an argument array (never a shell string). */
export async function docker(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const { stdout } = await run('docker', args, { env, maxBuffer: 16 * 1024 * 1024 });
  return stdout.trim();
}

/** A name no earlier run used: `kapal-e2e-<what>-<random>`. */
export function uniqueName(what: string): string {
  return `kapal-e2e-${what}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Remove the containers this test file made (by its label value), leaving everything else alone. */
export async function removeLabelled(value: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const ids = await docker(['ps', '-aq', '--filter', `label=${TEST_LABEL}=${value}`], env);
  if (ids) await docker(['rm', '-f', ...ids.split(/\s+/)], env);
}

/** A free TCP port on 127.0.0.1, picked by the OS. */
export async function freePort(): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}
