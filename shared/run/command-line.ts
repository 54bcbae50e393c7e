import { memoryFlag } from './memory.js';
import { shQuote } from './quote.js';
import type { PortRow, RunSpec } from './spec.js';

function hostIpPart(ip: string | undefined): string {
  if (!ip) return '';
  return ip.includes(':') ? `[${ip}]:` : `${ip}:`;
}

/** One `-p` value: `9090:7860`, `127.0.0.1:53:53/udp`, `8080` (any free host port), `127.0.0.1::8080`. */
export function publishFlag(p: PortRow): string {
  const proto = p.protocol === 'udp' ? '/udp' : '';
  const ip = hostIpPart(p.hostIp);
  if (p.hostPort === undefined) return ip ? `${ip}:${p.containerPort}${proto}` : `${p.containerPort}${proto}`;
  return `${ip}${p.hostPort}:${p.containerPort}${proto}`;
}

/** The words of the `docker run` command that creates the same container, detached. */
export function dockerRunArgs(spec: RunSpec): string[] {
  const a = ['docker', 'run', '-d'];
  if (spec.name) a.push('--name', spec.name);
  for (const p of spec.ports) a.push('-p', publishFlag(p));
  for (const e of spec.env) a.push('-e', `${e.key}=${e.value}`);
  for (const v of spec.volumes) a.push('-v', `${v.source}:${v.target}${v.readOnly ? ':ro' : ''}`);
  if (spec.restart !== 'no') {
    const retries = spec.restart === 'on-failure' && spec.restartMaxRetries ? `:${spec.restartMaxRetries}` : '';
    a.push('--restart', `${spec.restart}${retries}`);
  }
  if (spec.cpus !== undefined) a.push('--cpus', String(spec.cpus));
  if (spec.memoryBytes !== undefined) a.push('--memory', memoryFlag(spec.memoryBytes));
  if (spec.autoRemove) a.push('--rm');
  for (const [k, v] of Object.entries(spec.labels)) a.push('--label', `${k}=${v}`);
  if (spec.risky?.privileged) a.push('--privileged');
  if (spec.risky?.hostNetwork) a.push('--network', 'host');
  for (const cap of spec.risky?.capAdd ?? []) a.push('--cap-add', cap);
  a.push(spec.image, ...spec.command);
  return a;
}

/** The same, as one line for a POSIX shell: `docker run -d --name sa-gradio -p 9090:7860 sentiment-analysis`. */
export function dockerRunCommand(spec: RunSpec): string {
  return dockerRunArgs(spec).map(shQuote).join(' ');
}
