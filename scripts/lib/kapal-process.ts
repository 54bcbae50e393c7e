/**
 * Start Kapal's browser mode as a child process and Chromium to look at it: shared by the benches,
 * the screenshot script and the end-to-end tests that need a server of their own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { chromium, type Browser } from '@playwright/test';

export interface KapalProcess {
  /** The first line `serve` printed: `http://127.0.0.1:PORT/?token=…`. */
  url: string;
  port: number;
  proc: ChildProcess;
  stop(): void;
}

/** `node dist-electron/serve.js --port 0` with the given token and environment; resolves with its URL. */
export async function startKapal(opts: {
  token: string;
  env?: NodeJS.ProcessEnv;
  /** Where its stderr goes (it names the engine endpoint): 'inherit' or 'ignore'. */
  stderr?: 'inherit' | 'ignore';
  /** A fixed port (default: a free one). */
  port?: number;
}): Promise<KapalProcess> {
  if (!fs.existsSync('dist-electron/serve.js')) throw new Error('dist-electron/serve.js is missing: run npm run build');
  const proc = spawn('node', ['dist-electron/serve.js', '--port', String(opts.port ?? 0)], {
    env: { ...(opts.env ?? process.env), KAPAL_TOKEN: opts.token },
    stdio: ['ignore', 'pipe', opts.stderr ?? 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    proc.stdout?.on('data', (d) => {
      out += String(d);
      const nl = out.indexOf('\n');
      if (nl >= 0) resolve(out.slice(0, nl));
    });
    proc.on('exit', (code) => reject(new Error(`kapal serve exited ${code}`)));
  });
  return { url, port: Number(new URL(url).port), proc, stop: () => proc.kill('SIGTERM') };
}

/** Debian's Chromium, headless, with the flags this closed network needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.KAPAL_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}
