/**
 * bench/logs: a container writes 500,000 lines as fast as it can (`seq`), then Kapal's Logs tab reads them
 * all ("All lines", following). Reports Kapal's lines per second reaching the rendered view (subscribe →
 * the view's line counter, updated once per frame, at 500,000) against `docker logs -f CONTAINER > /dev/null`
 * on the same log in the same run, the peak renderer heap (CDP JSHeapUsedSize, sampled every 50 ms) and the
 * longest main-thread task (PerformanceObserver 'longtask', registered before the page's own scripts).
 *
 * Usage: npm run bench:logs -- [--lines 500000] [--runs 3] [--keep]
 *        (or `npx tsx bench/logs.ts` after `npm run build`)
 */
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { engineRequest, median } from './engine-api.js';
import { launchChromium, startKapal } from '../scripts/lib/kapal-process.js';

const args = process.argv.slice(2);
const flag = (name: string, def: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : def;
};
const LINES = flag('lines', 500_000);
const RUNS = flag('runs', 3);
const LABEL = 'kapal.bench=logs';
const IMAGE = 'kapal-test/busybox:latest';
const TOKEN = `bench-${Math.random().toString(36).slice(2)}`;
const run = promisify(execFile);

async function benchContainers(): Promise<string[]> {
  const r = await engineRequest(
    'GET',
    `/containers/json?all=1&filters=${encodeURIComponent(JSON.stringify({ label: [LABEL] }))}`,
  );
  return (JSON.parse(r.text) as Array<{ Id: string }>).map((c) => c.Id);
}

async function removeBenchContainers(): Promise<number> {
  const ids = await benchContainers();
  for (const id of ids) await engineRequest('DELETE', `/containers/${id}?force=1`);
  return ids.length;
}

/** A container that writes LINES numbered lines as fast as it can, then exits; resolves once it has. */
async function writer(): Promise<{ id: string; name: string; writeMs: number }> {
  const name = `kapal-bench-logs-${Date.now() % 1_000_000}`;
  const res = await engineRequest('POST', `/containers/create?name=${name}`, {
    Image: IMAGE,
    Cmd: ['seq', '1', String(LINES)],
    Labels: { 'kapal.bench': 'logs' },
    HostConfig: { NetworkMode: 'none' },
  });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${res.text}`);
  const id = (JSON.parse(res.text) as { Id: string }).Id;
  const t0 = performance.now();
  await engineRequest('POST', `/containers/${id}/start`);
  await engineRequest('POST', `/containers/${id}/wait`);
  return { id, name, writeMs: performance.now() - t0 };
}

/** The baseline: `docker logs -f CONTAINER > /dev/null` (the container has exited, so it ends at the last line). */
async function dockerLogsMs(id: string): Promise<number> {
  const out = fs.openSync('/dev/null', 'w');
  const t0 = performance.now();
  await new Promise<void>((resolve, reject) => {
    const p = spawn('docker', ['logs', '-f', id], { stdio: ['ignore', out, out] });
    p.on('error', reject);
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`docker logs exited ${code}`))));
  });
  fs.closeSync(out);
  return performance.now() - t0;
}

/** Registered before the app's scripts: the longest main-thread task since the last reset. */
const LONGTASK_OBSERVER = `
  window.__kapalLongest = 0;
  window.__kapalLongTasks = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      window.__kapalLongest = Math.max(window.__kapalLongest, e.duration);
      window.__kapalLongTasks++;
    }
  }).observe({ type: 'longtask', buffered: true });
`;

/** In the page: tick "All lines" and time until the view has counted every line. */
function timeAllLines(page: Page, name: string, lines: number): Promise<number> {
  return page.evaluate(
    ({ name, lines }) =>
      new Promise<number>((resolve) => {
        const w = window as unknown as { __kapalLongest: number; __kapalLongTasks: number };
        w.__kapalLongest = 0;
        w.__kapalLongTasks = 0;
        const log = document.querySelector(`[role="log"][aria-label="Logs of ${name}"]`);
        const all = [...document.querySelectorAll('label')]
          .find((l) => l.textContent?.trim() === 'All lines')
          ?.querySelector('input');
        if (!log || !all) throw new Error('Logs tab not open');
        const t0 = performance.now();
        const obs = new MutationObserver(() => {
          if (log.getAttribute('data-total-lines') === String(lines)) {
            obs.disconnect();
            resolve(performance.now() - t0);
          }
        });
        obs.observe(log, { attributes: true, attributeFilter: ['data-total-lines'] });
        all.click();
      }),
    { name, lines },
  );
}

async function main(): Promise<void> {
  const stale = await removeBenchContainers();
  if (stale) process.stdout.write(`removed ${stale} stale bench containers\n`);
  process.stdout.write(`writing ${LINES} lines…\n`);
  const c = await writer();
  const { stdout } = await run('docker', ['logs', c.id], { maxBuffer: 256 * 1024 * 1024 });
  const count = stdout.split('\n').length - 1;
  if (count !== LINES) throw new Error(`the log has ${count} lines, expected ${LINES}`);
  process.stdout.write(`  written in ${(c.writeMs / 1000).toFixed(2)} s\n`);

  const server = await startKapal({ token: TOKEN });
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript(LONGTASK_OBSERVER);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  let peakHeap = 0;
  const sampler = setInterval(() => {
    void cdp
      .send('Performance.getMetrics')
      .then((m) => {
        const used = m.metrics.find((x) => x.name === 'JSHeapUsedSize')?.value ?? 0;
        peakHeap = Math.max(peakHeap, used);
      })
      .catch(() => undefined);
  }, 50);

  await page.goto(server.url);
  await page.getByRole('searchbox', { name: 'Search by name or image' }).fill(c.name);
  await page.getByRole('button', { name: c.name, exact: true }).click();
  await page.getByRole('tab', { name: 'Logs' }).click();
  const log = page.getByRole('log', { name: `Logs of ${c.name}` });
  await log.and(page.locator('[data-total-lines="1000"]')).waitFor({ timeout: 30_000 });

  const cli: number[] = [];
  const kapal: number[] = [];
  const heaps: number[] = [];
  const longest: number[] = [];
  const longCounts: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    cli.push(await dockerLogsMs(c.id));
    // Back to the default tail first, so each run starts from the same 1,000 lines.
    const allBox = page.getByRole('checkbox', { name: 'All lines' });
    if (await allBox.isChecked()) {
      await allBox.uncheck();
      await log.and(page.locator('[data-total-lines="1000"]')).waitFor({ timeout: 30_000 });
    }
    await page.evaluate(() => (window as unknown as { gc?: () => void }).gc?.());
    peakHeap = 0;
    kapal.push(await timeAllLines(page, c.name, LINES));
    await new Promise((r) => setTimeout(r, 200));
    heaps.push(peakHeap);
    const lt = await page.evaluate(() => {
      const w = window as unknown as { __kapalLongest: number; __kapalLongTasks: number };
      return [w.__kapalLongest, w.__kapalLongTasks] as const;
    });
    longest.push(lt[0]);
    longCounts.push(lt[1]);
    const dropped = await log.getAttribute('data-dropped-lines');
    process.stdout.write(
      `  run ${i + 1}: docker logs -f ${(cli[i] ?? 0).toFixed(0)} ms · Kapal ${(kapal[i] ?? 0).toFixed(0)} ms · heap ${((heaps[i] ?? 0) / 2 ** 20).toFixed(1)} MiB · longest task ${(longest[i] ?? 0).toFixed(0)} ms (${longCounts[i]} long tasks) · ${dropped} older lines dropped from the view\n`,
    );
  }
  clearInterval(sampler);
  await browser.close();
  server.stop();

  const cliMs = median(cli);
  const kapalMs = median(kapal);
  const rate = (ms: number) => Math.round(LINES / (ms / 1000)).toLocaleString('en-US');
  process.stdout.write(
    [
      `bench/logs: ${LINES.toLocaleString('en-US')} lines, ${RUNS} runs, medians`,
      `  docker logs -f > /dev/null        : ${cliMs.toFixed(0)} ms  = ${rate(cliMs)} lines/s`,
      `  Kapal, subscribe → all in the view : ${kapalMs.toFixed(0)} ms  = ${rate(kapalMs)} lines/s   ratio ${(cliMs / kapalMs).toFixed(2)}× docker's rate`,
      `  peak renderer heap (JSHeapUsedSize): ${(Math.max(...heaps) / 2 ** 20).toFixed(1)} MiB (median ${(median(heaps) / 2 ** 20).toFixed(1)} MiB)`,
      `  longest main-thread task           : ${Math.max(...longest).toFixed(0)} ms (median ${median(longest).toFixed(0)} ms)`,
      '',
    ].join('\n'),
  );
  if (!args.includes('--keep')) process.stdout.write(`removed ${await removeBenchContainers()} bench containers\n`);
}

main().catch(async (err: unknown) => {
  process.stderr.write(`bench/logs failed: ${String(err)}\n`);
  if (!args.includes('--keep')) await removeBenchContainers().catch(() => 0);
  process.exit(1);
});
