/**
 * bench/stats: 20 running containers (labelled kapal.bench=stats, `sleep`) watched for 60 s, in one run:
 *   1. nobody watching (a shorter idle baseline, scaled to 60 s),
 *   2. `docker stats` (the CLI, all 20) — the baseline,
 *   3. Kapal: 20 `stats:container` streams (what 20 open Stats tabs would cost) over the browser-mode
 *      WebSocket, from this process,
 *   4. Kapal: one `stats:summary` for the 20 (the list's columns: at most 8 engine streams, visited in turn).
 * For each it reports the CPU time (utime + stime from /proc/PID/stat) of Kapal's server process, of the
 * CLI, of dockerd, and of the rest of the engine (its containerd and the 20 containers' shims), and prints
 * the ratios against `docker stats`. Everything it creates is removed at the end.
 *
 * Usage: npm run bench:stats -- [--seconds 60] [--count 20] [--idle 20]   (Linux only: reads /proc)
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { promisify } from 'node:util';
import WebSocket from 'ws';
import { engineRequest, pool } from './engine-api.js';
import { startKapal } from '../scripts/lib/kapal-process.js';

const args = process.argv.slice(2);
const flag = (name: string, def: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : def;
};
const SECONDS = flag('seconds', 60);
const COUNT = flag('count', 20);
const IDLE_SECONDS = flag('idle', 20);
const LABEL = { key: 'kapal.bench', value: 'stats' };
const IMAGE = 'kapal-test/busybox:latest';
const TOKEN = `bench-${Math.random().toString(36).slice(2)}`;
const run = promisify(execFile);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let hz = 100;

/** utime + stime of a process, in seconds; 0 once it is gone. */
function cpuSeconds(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command (which may hold spaces) start at state; utime, stime are fields 14 and 15.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(rest[11]) + Number(rest[12])) / hz;
  } catch {
    return 0;
  }
}

function procs(): Array<{ pid: number; ppid: number; comm: string; cmdline: string }> {
  const out = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const cmdline = fs.readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ');
      out.push({ pid: Number(name), ppid, comm, cmdline });
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
}

/** The dockerd behind /var/run/docker.sock (its pid file), its containerd, and our containers' shims. */
function enginePids(ids: string[]): { dockerd: number; rest: number[] } {
  const dockerd = Number(fs.readFileSync('/var/run/docker.pid', 'utf8').trim());
  if (!fs.readFileSync(`/proc/${dockerd}/comm`, 'utf8').startsWith('dockerd'))
    throw new Error('no dockerd at /var/run/docker.pid');
  const all = procs();
  const containerd = all.filter((p) => p.ppid === dockerd && p.comm === 'containerd').map((p) => p.pid);
  const shims = all
    .filter((p) => p.comm.startsWith('containerd-shim') && ids.some((id) => p.cmdline.includes(id)))
    .map((p) => p.pid);
  return { dockerd, rest: [...containerd, ...shims] };
}

async function benchIds(): Promise<string[]> {
  const q = encodeURIComponent(JSON.stringify({ label: [`${LABEL.key}=${LABEL.value}`] }));
  const r = await engineRequest('GET', `/containers/json?all=1&filters=${q}`);
  return (JSON.parse(r.text) as Array<{ Id: string }>).map((c) => c.Id);
}

async function createContainers(): Promise<string[]> {
  const tag = Date.now() % 100000;
  await pool(
    Array.from({ length: COUNT }, (_, i) => i),
    4,
    async (i) => {
      const res = await engineRequest('POST', `/containers/create?name=kapal-bench-stats-${tag}-${i}`, {
        Image: IMAGE,
        Cmd: ['sleep', '3600'],
        Labels: { [LABEL.key]: LABEL.value },
      });
      if (res.status !== 201) throw new Error(`create failed: ${res.status} ${res.text}`);
      const { Id } = JSON.parse(res.text) as { Id: string };
      const started = await engineRequest('POST', `/containers/${Id}/start`);
      if (started.status !== 204) throw new Error(`start failed: ${started.status} ${started.text}`);
    },
  );
  return benchIds();
}

async function removeContainers(): Promise<number> {
  const ids = await benchIds();
  await pool(ids, 4, async (id) => {
    await engineRequest('DELETE', `/containers/${id}?force=1`);
  });
  return ids.length;
}

/** A WebSocket client of the browser-mode server, as the page would be, subscribing to streams. */
async function wsClient(port: number) {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/ws?token=${encodeURIComponent(TOKEN)}`, {
    headers: { Origin: `http://127.0.0.1:${port}` },
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let events = 0;
  let items = 0;
  let nextId = 1;
  ws.on('message', (data) => {
    const msg = JSON.parse(String(data)) as { type: string; payload?: { items?: unknown[] } };
    if (msg.type !== 'event') return;
    events++;
    items += msg.payload?.items?.length ?? 0;
  });
  return {
    subscribe: (channel: string, subArgs: unknown) =>
      ws.send(JSON.stringify({ type: 'subscribe', id: nextId++, channel, args: subArgs })),
    events: () => events,
    /** Container updates inside `stats:summary` events. */
    items: () => items,
    close: () => ws.close(),
  };
}

/** Stop a child and wait until it is gone: docker stats (CLI 28) outlives a single SIGTERM. */
async function stopChild(p: ChildProcess): Promise<void> {
  if (p.exitCode !== null || p.signalCode !== null) return;
  const exited = new Promise((r) => p.once('exit', r));
  p.kill('SIGTERM');
  const force = setTimeout(() => p.kill('SIGKILL'), 2000);
  await exited;
  clearTimeout(force);
}

interface Phase {
  name: string;
  seconds: number;
  kapal: number;
  cli: number;
  dockerd: number;
  rest: number;
  /** What the client received: "1100 samples", "60 events, 480 row updates". */
  received?: string;
}

async function measure(
  name: string,
  seconds: number,
  pids: { kapal: number; dockerd: number; rest: number[] },
  cliPid?: () => number,
): Promise<Phase> {
  const read = () => ({
    kapal: cpuSeconds(pids.kapal),
    dockerd: cpuSeconds(pids.dockerd),
    rest: pids.rest.reduce((n, p) => n + cpuSeconds(p), 0),
    cli: cliPid ? cpuSeconds(cliPid()) : 0,
  });
  const a = read();
  await sleep(seconds * 1000);
  const b = read();
  return {
    name,
    seconds,
    kapal: b.kapal - a.kapal,
    cli: b.cli - a.cli,
    dockerd: b.dockerd - a.dockerd,
    rest: b.rest - a.rest,
  };
}

function report(phases: Phase[]): string {
  const per = (v: number, p: Phase) => (v * SECONDS) / p.seconds;
  const f = (v: number) => `${v.toFixed(2)} s`.padStart(9);
  const lines = [
    `bench/stats: ${COUNT} running containers, CPU time (utime+stime) per ${SECONDS} s`,
    `  ${'phase'.padEnd(40)}${'client'.padStart(9)}${'dockerd'.padStart(9)}${'engine*'.padStart(9)}`,
  ];
  for (const p of phases) {
    const client = p.name.startsWith('docker') ? p.cli : p.kapal;
    const extra = p.received ? `   (${p.received})` : '';
    lines.push(
      `  ${p.name.padEnd(40)}${f(per(client, p))}${f(per(p.dockerd, p))}${f(per(p.dockerd + p.rest, p))}${extra}`,
    );
  }
  const base = phases.find((p) => p.name.startsWith('docker stats'));
  if (base) {
    const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a');
    for (const p of phases.filter((x) => x.name.startsWith('Kapal'))) {
      lines.push(
        `  ${p.name}: Kapal server ${ratio(per(p.kapal, p), per(base.cli, base))} the docker CLI; ` +
          `dockerd ${ratio(per(p.dockerd, p), per(base.dockerd, base))}; engine* ${ratio(per(p.dockerd + p.rest, p), per(base.dockerd + base.rest, base))} (vs docker stats)`,
      );
    }
  }
  lines.push(
    '  client: Kapal server process, or the docker CLI; engine*: dockerd + its containerd + the containers’ shims',
  );
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<void> {
  const t0 = Date.now();
  const loadStart = os.loadavg().map((l) => l.toFixed(2));
  hz = Number((await run('getconf', ['CLK_TCK'])).stdout.trim()) || 100;
  await removeContainers();
  process.stdout.write(`starting ${COUNT} containers…\n`);
  const ids = await createContainers();
  if (ids.length !== COUNT) throw new Error(`expected ${COUNT} bench containers, found ${ids.length}`);
  const server = await startKapal({ token: TOKEN, stderr: 'ignore' });
  const engine = enginePids(ids);
  const pids = { kapal: server.proc.pid ?? 0, dockerd: engine.dockerd, rest: engine.rest };
  const phases: Phase[] = [];
  try {
    await sleep(2000);
    process.stdout.write(`idle ${IDLE_SECONDS} s…\n`);
    phases.push(await measure('nobody watching', IDLE_SECONDS, pids));

    process.stdout.write(`docker stats ${SECONDS} s…\n`);
    const cli = spawn('docker', ['stats', '--format', '{{.ID}} {{.CPUPerc}} {{.MemUsage}}', ...ids], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await sleep(1500);
    phases.push(await measure(`docker stats (all ${COUNT})`, SECONDS, pids, () => cli.pid ?? 0));
    await stopChild(cli);
    await sleep(1500);

    process.stdout.write(`Kapal, ${COUNT} stats:container streams ${SECONDS} s…\n`);
    let ws = await wsClient(server.port);
    for (const id of ids) ws.subscribe('stats:container', { id });
    await sleep(1500);
    let before = ws.events();
    const streams = await measure(`Kapal stats:container × ${COUNT}`, SECONDS, pids);
    phases.push({ ...streams, received: `${ws.events() - before} samples` });
    ws.close();
    await sleep(1500);

    process.stdout.write(`Kapal, stats:summary of ${COUNT} ${SECONDS} s…\n`);
    ws = await wsClient(server.port);
    ws.subscribe('stats:summary', { ids });
    await sleep(1500);
    before = ws.events();
    const itemsBefore = ws.items();
    const summary = await measure(`Kapal stats:summary (${COUNT} ids)`, SECONDS, pids);
    phases.push({ ...summary, received: `${ws.events() - before} events, ${ws.items() - itemsBefore} row updates` });
    ws.close();
  } finally {
    await stopChild(server.proc);
    process.stdout.write(`removed ${await removeContainers()} bench containers\n`);
  }
  process.stdout.write(report(phases));
  const load = os.loadavg().map((l) => l.toFixed(2));
  process.stdout.write(
    `  (whole bench: ${((Date.now() - t0) / 1000).toFixed(0)} s; load average at start ${loadStart.join(' ')}, at end ${load.join(' ')}, on ${os.cpus().length} CPUs)\n`,
  );
}

main().catch(async (err: unknown) => {
  process.stderr.write(`bench/stats failed: ${String(err)}\n`);
  await removeContainers().catch(() => undefined);
  process.exit(1);
});
