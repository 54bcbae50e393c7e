import { t } from '../i18n/index.js';
import { parseMemory } from './memory.js';
import { splitCommand } from './quote.js';
import { CONTAINER_NAME, runSpec, type FieldProblem, type RunSpec } from './spec.js';
import { parsePort, portClashes, validateSpec } from './validate.js';

/** A port row as typed in the form. */
export interface PortDraft {
  hostIp: string;
  hostPort: string;
  /** "Any free host port": publish without a host port, the engine picks one. */
  any: boolean;
  containerPort: string;
  protocol: 'tcp' | 'udp';
}

export interface EnvDraft {
  key: string;
  value: string;
}

export interface VolumeDraft {
  kind: 'volume' | 'bind';
  source: string;
  target: string;
  readOnly: boolean;
}

/** The Run form exactly as typed: strings, so that nothing the user wrote is lost while it is invalid. */
export interface RunDraft {
  image: string;
  name: string;
  ports: PortDraft[];
  env: EnvDraft[];
  volumes: VolumeDraft[];
  command: string;
  restart: RunSpec['restart'];
  maxRetries: string;
  cpus: string;
  memory: string;
  autoRemove: boolean;
  privileged: boolean;
  hostNetwork: boolean;
  capAdd: string;
  acknowledged: boolean;
  /** `key=value`, one per line. */
  labels: string;
}

export function emptyDraft(image = ''): RunDraft {
  return {
    image,
    name: '',
    ports: [],
    env: [],
    volumes: [],
    command: '',
    restart: 'no',
    maxRetries: '',
    cpus: '',
    memory: '',
    autoRemove: false,
    privileged: false,
    hostNetwork: false,
    capAdd: '',
    acknowledged: false,
    labels: '',
  };
}

export function emptyPort(): PortDraft {
  return { hostIp: '', hostPort: '', any: false, containerPort: '', protocol: 'tcp' };
}

/**
 * Turn the draft into a spec for the engine, with a problem for every field that cannot be read.
 * Rows that cannot be read are left out of the spec (so the command line still shows the rest);
 * the Run button stays off while any problem is left.
 */
export function draftToSpec(d: RunDraft): { spec: RunSpec; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const bad = (field: string, message: string) => problems.push({ field, code: 'INVALID_INPUT', message });
  const image = d.image.trim();
  if (!image) bad('image', t('run.err.image'));

  const ports: RunSpec['ports'] = [];
  /** The readable rows at their form positions, for clash checks with the form's row numbers. */
  const portsByRow: Array<RunSpec['ports'][number] | undefined> = [];
  d.ports.forEach((p, i) => {
    const container = parsePort(p.containerPort);
    if (!container.ok) bad(`ports.${i}.containerPort`, container.message);
    let hostPort: number | undefined;
    if (!p.any) {
      const host = parsePort(p.hostPort);
      if (!host.ok) bad(`ports.${i}.hostPort`, host.message);
      else hostPort = host.port;
    }
    const ip = p.hostIp.trim();
    if (ip && !/^(\d{1,3}(\.\d{1,3}){3}|[0-9a-fA-F:]+)$/.test(ip)) bad(`ports.${i}.hostIp`, t('run.err.hostIp'));
    const row =
      container.ok && (p.any || hostPort !== undefined)
        ? {
            containerPort: container.port,
            protocol: p.protocol,
            ...(hostPort !== undefined ? { hostPort } : {}),
            ...(ip ? { hostIp: ip } : {}),
          }
        : undefined;
    portsByRow.push(row);
    if (row) ports.push(row);
  });
  for (const [i, first] of portClashes(portsByRow)) {
    problems.push({
      field: `ports.${i}.hostPort`,
      code: 'PORT_IN_USE',
      message: t('run.err.portTwice', {
        port: portsByRow[i]?.hostPort ?? '',
        proto: d.ports[i]?.protocol ?? 'tcp',
        row: first + 1,
      }),
    });
  }

  const env: RunSpec['env'] = [];
  d.env.forEach((e, i) => {
    if (!e.key && !e.value) return;
    if (!/^[^=\s\0]+$/.test(e.key)) bad(`env.${i}.key`, t('run.err.envKey'));
    else env.push({ key: e.key, value: e.value });
  });

  const volumes: RunSpec['volumes'] = d.volumes
    .filter((v) => v.source.trim() || v.target.trim())
    .map((v) => ({ kind: v.kind, source: v.source.trim(), target: v.target.trim(), readOnly: v.readOnly }));
  volumes.forEach((v, i) => {
    if (!v.target.startsWith('/')) bad(`volumes.${i}.target`, t('run.err.volumeTarget'));
  });

  let command: string[] = [];
  if (d.command.trim()) {
    const c = splitCommand(d.command);
    if (c.ok) command = c.argv;
    else bad('command', t('run.err.command', { error: c.error }));
  }

  let cpus: number | undefined;
  if (d.cpus.trim()) {
    const n = Number(d.cpus);
    if (!Number.isFinite(n) || n <= 0) bad('cpus', t('run.err.cpus'));
    else cpus = n;
  }
  let memoryBytes: number | undefined;
  if (d.memory.trim()) {
    memoryBytes = parseMemory(d.memory);
    if (memoryBytes === undefined) bad('memory', t('run.err.memory'));
  }
  let restartMaxRetries: number | undefined;
  if (d.restart === 'on-failure' && d.maxRetries.trim()) {
    const n = Number(d.maxRetries);
    if (!Number.isInteger(n) || n < 0) bad('maxRetries', t('run.err.retries'));
    else restartMaxRetries = n;
  }
  const capAdd = d.capAdd
    .split(/[\s,]+/)
    .map((c) => c.trim().toUpperCase().replace(/^CAP_/, ''))
    .filter(Boolean);
  const name = d.name.trim();
  if (name && !CONTAINER_NAME.test(name)) bad('name', t('run.err.name'));
  const labels: Record<string, string> = {};
  d.labels.split('\n').forEach((line) => {
    const l = line.trim();
    if (!l) return;
    const eq = l.indexOf('=');
    if (eq <= 0 || /\s/.test(l.slice(0, eq))) bad('labels', t('run.err.label', { line: l }));
    else labels[l.slice(0, eq)] = l.slice(eq + 1);
  });

  const candidate = {
    image: image || 'IMAGE',
    ...(name ? { name } : {}),
    ports,
    env,
    volumes,
    command,
    restart: d.restart,
    ...(restartMaxRetries !== undefined ? { restartMaxRetries } : {}),
    ...(cpus !== undefined ? { cpus } : {}),
    ...(memoryBytes !== undefined ? { memoryBytes } : {}),
    autoRemove: d.autoRemove,
    labels,
    ...(d.privileged || d.hostNetwork || capAdd.length
      ? { risky: { privileged: d.privileged, hostNetwork: d.hostNetwork, capAdd, acknowledged: d.acknowledged } }
      : {}),
  };
  const parsed = runSpec.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path.map(String).join('.');
      if (!problems.some((p) => p.field === field)) bad(field || 'form', issue.message);
    }
    return { spec: { ...candidate, risky: undefined } as RunSpec, problems };
  }
  // Port clashes were checked above with the form's own row numbers.
  const more = validateSpec(parsed.data).filter((p) => !p.field.startsWith('ports.'));
  problems.push(...more.filter((p) => !problems.some((x) => x.field === p.field)));
  return { spec: parsed.data, problems };
}
