/**
 * bench/list: with N containers (created, most not running), the time from opening Kapal's containers
 * screen to all rows rendered (virtualised rows count once the table is scrollable to its full height),
 * against the raw `GET /containers/json?all=1` in the same run. Prints the ratio.
 *
 * Usage: npm run bench:list -- [--count 1000] [--runs 5] [--keep]
 */
import { engineRequest, median, pool } from './engine-api.js';
import { launchChromium, startKapal } from '../scripts/lib/kapal-process.js';

const args = process.argv.slice(2);
const flag = (name: string, def: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : def;
};
const COUNT = flag('count', 1000);
const RUNS = flag('runs', 5);
const RUNNING = Math.min(20, Math.floor(COUNT / 50));
const LABEL = 'kapal.bench=list';
const IMAGE = 'kapal-test/busybox:latest';
const TOKEN = `bench-${Math.random().toString(36).slice(2)}`;

async function benchContainers(): Promise<string[]> {
  const r = await engineRequest(
    'GET',
    `/containers/json?all=1&filters=${encodeURIComponent(JSON.stringify({ label: [LABEL] }))}`,
  );
  return (JSON.parse(r.text) as Array<{ Id: string }>).map((c) => c.Id);
}

async function ensureContainers(): Promise<void> {
  const have = (await benchContainers()).length;
  const missing = Math.max(0, COUNT - have);
  if (missing > 0) process.stdout.write(`creating ${missing} containers…\n`);
  const t0 = Date.now();
  const ids: string[] = [];
  await pool(
    Array.from({ length: missing }, (_, i) => i),
    8,
    async (i) => {
      const res = await engineRequest(
        'POST',
        `/containers/create?name=kapal-bench-${have + i}-${Date.now() % 100000}`,
        {
          Image: IMAGE,
          Cmd: ['sleep', '3600'],
          Labels: { 'kapal.bench': 'list' },
          HostConfig: { NetworkMode: 'none' },
        },
      );
      if (res.status !== 201) throw new Error(`create failed: ${res.status} ${res.text}`);
      ids.push((JSON.parse(res.text) as { Id: string }).Id);
    },
  );
  if (missing > 0) process.stdout.write(`created in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
  const all = await benchContainers();
  const running = JSON.parse(
    (await engineRequest('GET', `/containers/json?filters=${encodeURIComponent(JSON.stringify({ label: [LABEL] }))}`))
      .text,
  ) as unknown[];
  await pool(all.slice(0, Math.max(0, RUNNING - running.length)), 4, async (id) => {
    await engineRequest('POST', `/containers/${id}/start`);
  });
}

async function rawListMs(): Promise<number> {
  const t0 = performance.now();
  const r = await engineRequest('GET', '/containers/json?all=1');
  JSON.parse(r.text);
  return performance.now() - t0;
}

async function main(): Promise<void> {
  await ensureContainers();
  const total = JSON.parse((await engineRequest('GET', '/containers/json?all=1')).text).length as number;
  const server = await startKapal({ token: TOKEN });
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const rendered = () =>
    page.waitForFunction(
      (n) => {
        const table = document.querySelector('table[aria-label="Containers"]');
        const scroller = table?.parentElement;
        const rows = table?.querySelectorAll('tbody tr:not(.spacer)').length ?? 0;
        return (
          table?.getAttribute('aria-rowcount') === String(n + 1) && rows > 0 && (scroller?.scrollHeight ?? 0) >= n * 44
        );
      },
      total,
      { polling: 'raf', timeout: 60_000 },
    );

  const raw: number[] = [];
  const cold: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    raw.push(await rawListMs());
    // Cold: a fresh page load (connect, subscribe, snapshot, render).
    let t0 = performance.now();
    await page.goto(server.url);
    await rendered();
    cold.push(performance.now() - t0);
    // Warm: switching to the containers screen from another screen, list already live.
    await page.getByRole('button', { name: 'Images' }).click();
    await page.getByRole('table', { name: 'Images' }).waitFor();
    t0 = performance.now();
    await page.getByRole('button', { name: 'Containers' }).click();
    await rendered();
    warm.push(performance.now() - t0);
  }
  await browser.close();
  server.stop();

  const r = median(raw);
  const c = median(cold);
  const w = median(warm);
  process.stdout.write(
    [
      `bench/list: ${total} containers (${RUNNING} running), ${RUNS} runs, medians`,
      `  raw GET /containers/json?all=1 : ${r.toFixed(1)} ms`,
      `  Kapal, page load → all rows   : ${c.toFixed(1)} ms   ratio ${(c / r).toFixed(2)}× raw`,
      `  Kapal, switch to Containers   : ${w.toFixed(1)} ms   ratio ${(w / r).toFixed(2)}× raw`,
      '',
    ].join('\n'),
  );
  if (!args.includes('--keep')) {
    const ids = await benchContainers();
    await pool(ids, 8, async (id) => {
      await engineRequest('DELETE', `/containers/${id}?force=1`);
    });
    process.stdout.write(`removed ${ids.length} bench containers\n`);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench/list failed: ${String(err)}\n`);
  process.exit(1);
});
