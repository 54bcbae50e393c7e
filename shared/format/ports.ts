import type { PortDTO } from '../dto.js';

/** One `-p` mapping (or a run of them, as a range) ready to show and, for TCP, to open. */
export interface PortMapping {
  /** `18080:8080`, `127.0.0.1:53:53/udp`, `8000-8002:8000-8002`, `8080/tcp` when only exposed. */
  text: string;
  type: PortDTO['type'];
  hostIp?: string;
  /** First host port of the run; absent when not published. */
  hostPort?: number;
  hostPortEnd?: number;
  containerPort: number;
  containerPortEnd: number;
  published: boolean;
}

const WILDCARDS = new Set(['', '0.0.0.0', '::', '[::]']);

function normIp(ip: string | undefined): string {
  return ip === undefined || WILDCARDS.has(ip) ? '' : ip;
}

function hostPart(ip: string): string {
  if (!ip) return '';
  return ip.includes(':') ? `[${ip}]:` : `${ip}:`;
}

function range(a: number, b: number): string {
  return a === b ? String(a) : `${a}-${b}`;
}

/**
 * The engine's port list in `docker run -p` notation: IPv4 and IPv6 duplicates of the same binding
 * shown once, the host IP only when it is not a wildcard, `/udp` (and `/sctp`) shown, TCP implied,
 * consecutive ports folded into ranges. Exposed-but-unpublished ports read `8080/tcp`, as `docker ps`.
 */
export function portMappings(ports: readonly PortDTO[]): PortMapping[] {
  const seen = new Set<string>();
  const unique: Array<{ ip: string; priv: number; pub?: number; type: PortDTO['type'] }> = [];
  for (const p of ports) {
    const ip = p.publicPort === undefined ? '' : normIp(p.ip);
    const key = `${ip}|${p.privatePort}|${p.publicPort ?? ''}|${p.type}`;
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push({ ip, priv: p.privatePort, pub: p.publicPort, type: p.type });
  }
  // An exposed port that is also published is shown only as the mapping.
  const publishedKeys = new Set(unique.filter((u) => u.pub !== undefined).map((u) => `${u.priv}|${u.type}`));
  const items = unique.filter((u) => u.pub !== undefined || !publishedKeys.has(`${u.priv}|${u.type}`));
  items.sort(
    (a, b) =>
      Number(a.pub === undefined) - Number(b.pub === undefined) ||
      a.type.localeCompare(b.type) ||
      a.ip.localeCompare(b.ip) ||
      (a.pub ?? 0) - (b.pub ?? 0) ||
      a.priv - b.priv,
  );
  const out: PortMapping[] = [];
  for (const u of items) {
    const last = out[out.length - 1];
    const extends_ =
      last &&
      last.type === u.type &&
      (last.hostIp ?? '') === u.ip &&
      last.published === (u.pub !== undefined) &&
      u.priv === last.containerPortEnd + 1 &&
      (u.pub === undefined || u.pub === (last.hostPortEnd ?? -2) + 1);
    if (last && extends_) {
      last.containerPortEnd = u.priv;
      if (u.pub !== undefined) last.hostPortEnd = u.pub;
      last.text = render(last);
      continue;
    }
    const m: PortMapping = {
      text: '',
      type: u.type,
      hostIp: u.ip || undefined,
      hostPort: u.pub,
      hostPortEnd: u.pub,
      containerPort: u.priv,
      containerPortEnd: u.priv,
      published: u.pub !== undefined,
    };
    m.text = render(m);
    out.push(m);
  }
  return out;
}

function render(m: PortMapping): string {
  const container = range(m.containerPort, m.containerPortEnd);
  if (!m.published || m.hostPort === undefined) return `${container}/${m.type}`;
  const proto = m.type === 'tcp' ? '' : `/${m.type}`;
  return `${hostPart(m.hostIp ?? '')}${range(m.hostPort, m.hostPortEnd ?? m.hostPort)}:${container}${proto}`;
}

/** The whole list as one string, as in a table cell: `18080:8080, 53:53/udp`. */
export function portsText(ports: readonly PortDTO[]): string {
  return portMappings(ports)
    .map((m) => m.text)
    .join(', ');
}
