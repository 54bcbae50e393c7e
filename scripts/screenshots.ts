/**
 * Takes the README's screenshots: a few demo containers (labelled kapal.demo=1, removed afterwards),
 * Kapal in browser mode, Chromium. Usage: npm run screenshots (after npm run build).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { launchChromium, startKapal } from './lib/kapal-process.js';

const run = promisify(execFile);
const docker = (args: string[]) => run('docker', args).then((r) => r.stdout.trim());
const IMAGE = 'kapal-test/busybox:latest';
const OUT = process.argv[2] ?? 'docs/screenshots';

async function cleanup(): Promise<void> {
  const ids = await docker(['ps', '-aq', '--filter', 'label=kapal.demo=1']);
  if (ids) await docker(['rm', '-f', ...ids.split(/\s+/)]);
}

async function main(): Promise<void> {
  try {
    await shoot();
  } finally {
    await cleanup();
  }
}

async function shoot(): Promise<void> {
  const label = ['--label', 'kapal.demo=1'];
  const notebook = `echo "[I 10:00:00 NotebookApp] Serving notebooks from local directory: /home/jovyan"; echo "[W 10:00:01 NotebookApp] No web browser found" >&2; i=0; while :; do i=$((i+1)); echo "[I NotebookApp] kernel $i started, training epoch $i loss 0.$((97 - i % 90))"; sleep 1; done & exec httpd -f -p 8888`;
  await docker(['run', '-d', '--name', 'my-jupyter', ...label, '-p', '8888:8888', IMAGE, 'sh', '-c', notebook]);
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
  const server = await startKapal({ token });
  const url = server.url;
  const browser = await launchChromium();
  try {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: scheme });
      await page.goto(url);
      await page.getByRole('rowheader', { name: 'my-jupyter' }).waitFor();
      // Let the CPU and memory columns get their first samples.
      await page.waitForTimeout(4000);
      const suffix = scheme === 'light' ? '' : '-dark';
      await page.screenshot({ path: `${OUT}/containers${suffix}.png` });
      await page.getByRole('button', { name: 'my-jupyter', exact: true }).click();
      await page.getByRole('tab', { name: 'Logs' }).click();
      await page.getByRole('log').waitFor();
      await page.waitForTimeout(800);
      await page.screenshot({ path: `${OUT}/logs${suffix}.png` });
      await page.getByRole('tab', { name: 'Stats' }).click();
      await page.waitForTimeout(6000);
      await page.screenshot({ path: `${OUT}/stats${suffix}.png` });
      await page.getByRole('button', { name: 'Run container' }).click();
      const form = page.getByRole('dialog', { name: 'Run a container' });
      await form.getByLabel('Image', { exact: true }).fill(IMAGE);
      await form.getByLabel('Container name').fill('sa-gradio');
      await form.getByRole('button', { name: 'Add port' }).click();
      await form.getByLabel('Host port 1', { exact: true }).fill('8888');
      await form.getByLabel('Container port 1', { exact: true }).fill('7860');
      await form.getByRole('button', { name: /^Use \d+$/ }).waitFor();
      await page.screenshot({ path: `${OUT}/run${suffix}.png` });
      await form.getByRole('button', { name: 'Cancel' }).click();
      await page.getByRole('button', { name: 'Images' }).click();
      await page.getByRole('table', { name: 'Images' }).waitFor();
      await page.screenshot({ path: `${OUT}/images${suffix}.png` });
      await page.close();
    }
  } finally {
    await browser.close();
    server.stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`screenshots failed: ${String(err)}\n`);
  process.exit(1);
});
