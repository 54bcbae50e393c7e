import { t } from '../i18n/index.js';
import { CONTAINER_NAME, type FieldProblem, type RunSpec } from './spec.js';

/** Host paths whose bind mount gives a container the host: `/`, the Docker socket, and system folders. */
export function isDangerousBind(source: string): boolean {
  const s = source.replace(/\/+$/, '') || '/';
  return (
    s === '/' ||
    /(^|\/)docker\.sock$/.test(s) ||
    /^\/\/\.\/pipe\/docker_engine/i.test(s) ||
    ['/etc', '/var/run', '/run', '/proc', '/sys', '/dev', '/boot', '/root', '/var/lib/docker'].includes(s)
  );
}

/** Whether a spec asks for anything off the safe path (privileged, host network, caps, dangerous binds). */
export function riskyChoices(spec: RunSpec): string[] {
  const out: string[] = [];
  if (spec.risky?.privileged) out.push('--privileged');
  if (spec.risky?.hostNetwork) out.push('--network host');
  for (const c of spec.risky?.capAdd ?? []) out.push(`--cap-add ${c}`);
  for (const v of spec.volumes) if (v.kind === 'bind' && isDangerousBind(v.source)) out.push(`-v ${v.source}`);
  return out;
}

/** A port field's text → a port number, or a message. Whole numbers 1-65535 only. */
export function parsePort(text: string): { ok: true; port: number } | { ok: false; message: string } {
  const s = text.trim();
  if (!/^\d+$/.test(s)) return { ok: false, message: t('run.err.portNumber') };
  const n = Number(s);
  if (n < 1 || n > 65535) return { ok: false, message: t('run.err.portRange') };
  return { ok: true, port: n };
}

type HostPort = { hostPort?: number | undefined; protocol: string; hostIp?: string | undefined };

/**
 * Rows that ask for a host port and protocol an earlier row already asked for: [row, earlier row].
 * A wildcard and a specific IP on the same port clash; two different specific IPs do not. Holes
 * (`undefined`, rows that could not be read) keep the row numbers of the form.
 */
export function portClashes(rows: ReadonlyArray<HostPort | undefined>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  rows.forEach((p, i) => {
    if (!p || p.hostPort === undefined) return;
    const first = rows.findIndex(
      (q, j) =>
        j < i &&
        q !== undefined &&
        q.hostPort === p.hostPort &&
        q.protocol === p.protocol &&
        (!q.hostIp || !p.hostIp || q.hostIp === p.hostIp),
    );
    if (first >= 0) out.push([i, first]);
  });
  return out;
}

/**
 * Checks that need nothing but the spec: name syntax, rows asking for the same host port and protocol,
 * volume sources, risky choices without the acknowledgement.
 */
export function validateSpec(spec: RunSpec): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (spec.name !== undefined && spec.name !== '' && !CONTAINER_NAME.test(spec.name)) {
    problems.push({ field: 'name', code: 'INVALID_INPUT', message: t('run.err.name') });
  }
  for (const [i, first] of portClashes(spec.ports)) {
    const p = spec.ports[i];
    if (!p || p.hostPort === undefined) continue;
    problems.push({
      field: `ports.${i}.hostPort`,
      code: 'PORT_IN_USE',
      message: t('run.err.portTwice', { port: p.hostPort, proto: p.protocol, row: first + 1 }),
    });
  }
  spec.volumes.forEach((v, i) => {
    if (v.kind === 'bind' && !/^(\/|[A-Za-z]:[\\/]|\\\\)/.test(v.source)) {
      problems.push({ field: `volumes.${i}.source`, code: 'INVALID_INPUT', message: t('run.err.bindPath') });
    }
    if (v.kind === 'volume' && !CONTAINER_NAME.test(v.source)) {
      problems.push({ field: `volumes.${i}.source`, code: 'INVALID_INPUT', message: t('run.err.volumeName') });
    }
  });
  if (spec.memoryBytes !== undefined && spec.memoryBytes < 6 * 1024 * 1024) {
    problems.push({ field: 'memory', code: 'INVALID_INPUT', message: t('run.err.memoryMin') });
  }
  const risky = riskyChoices(spec);
  if (risky.length > 0 && !spec.risky?.acknowledged) {
    problems.push({ field: 'risky', code: 'RISKY', message: t('run.err.risky', { options: risky.join(', ') }) });
  }
  return problems;
}
