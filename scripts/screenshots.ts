/**
 * Takes the README's screenshots: a few demo containers (labelled kapal.demo=1, removed afterwards),
 * Kapal in browser mode, Chromium. Usage: npm run screenshots (after npm run build).
 */
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { chromium } from '@playwright/test';

const run = promisify(execFile);
const docker = (args: string[]) => run('docker', args).then((r) => r.stdout.trim());
const IMAGE = 'kapal-test/busybox:latest';
const OUT = process.argv[2] ?? 'docs/screenshots';

async function main(): Promise<void> {
  const label = ['--label', 'kapal.demo=1'];
  await docker(['run', '-d', '--name', 'my-jupyter', ...label, '-p', '8888:8888', IMAGE, 'httpd', '-f', '-p', '8888']);
  for (const [i, port] of [8000, 8001, 8002].entries()) {
    await docker([
      'run',
      '-d',
      '--name',
      `sentiment-${i + 1}`,
      ...label,
      '-p',
      `${port}:5000`,
      IMAGE,
      'httpd',
      '-f',
      '-p',
      '5000',
    ]);
  }
  await docker(['run', '-d', '--name', 'dns-test', ...label, '-p', '127.0.0.1:5353:53/udp', IMAGE, 'sleep', '3600']);
  await docker(['run', '--name', 'train-once', ...label, IMAGE, 'sh', '-c', 'exit 1']).catch(() => undefined);
  await docker(['create', '--name', 'not-started', ...label, IMAGE, 'true']);

  const token = `shots-${Math.random().toString(36).slice(2)}`;
  const server = spawn('node', ['dist-electron/serve.js', '--port', '0'], {
    env: { ...process.env, KAPAL_TOKEN: token },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve) => {
    let out = '';
    server.stdout.on('data', (d) => {
      out += String(d);
      if (out.includes('\n')) resolve(out.split('\n')[0] ?? '');
    });
  });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 640 }, colorScheme: scheme });
      await page.goto(url);
      await page.getByRole('rowheader', { name: 'my-jupyter' }).waitFor();
      const suffix = scheme === 'light' ? '' : '-dark';
      await page.screenshot({ path: `${OUT}/containers${suffix}.png` });
      await page.getByRole('button', { name: 'Images' }).click();
      await page.getByRole('table', { name: 'Images' }).waitFor();
      await page.screenshot({ path: `${OUT}/images${suffix}.png` });
      await page.close();
    }
  } finally {
    await browser.close();
    server.kill('SIGTERM');
    const ids = await docker(['ps', '-aq', '--filter', 'label=kapal.demo=1']);
    if (ids) await docker(['rm', '-f', ...ids.split(/\s+/)]);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`screenshots failed: ${String(err)}\n`);
  process.exit(1);
});
