import { describe, expect, it } from 'vitest';
import { toContainerDTO } from '../../electron/engine/mappers.js';
import { portMappings, portsText, type PortMapping } from '../../shared/format/ports.js';
import { cliPs, rawContainer } from './fixtures.js';

const ports = (name: string) => toContainerDTO(rawContainer(name)).ports;

/**
 * The `-p` flags scripts/record-fixtures.mjs created each container with (unpublished exposed ports as
 * `docker ps` prints them). A created-but-never-started container has no ports in the engine's list.
 */
const FLAGS: Record<string, string[]> = {
  'kapal-fixture-web': ['18181:8080', '18182:53/udp', '9999/tcp'],
  'kapal-fixture-range': ['18190-18192:8000-8002'],
  'kapal-fixture-local': ['127.0.0.1:18183:8080'],
  'kapal-fixture-exited': [],
  'kapal-fixture-created': [],
  'kapal-fixture-client': [],
};

/**
 * One entry of the CLI's PORTS column in `-p` notation, one port per item:
 * `0.0.0.0:18181->8080/tcp` and `[::]:18181->8080/tcp` → `18181:8080` (wildcard host IPs dropped, TCP implied),
 * `127.0.0.1:18183->8080/tcp` → `127.0.0.1:18183:8080`, `0.0.0.0:18182->53/udp` → `18182:53/udp`,
 * `9999/tcp` stays; a CLI range `h1-h2->c1-c2/tcp` expands to its single ports.
 */
function cliEntryToP(entry: string): string[] {
  const exposed = /^(\d+)(?:-(\d+))?\/(\w+)$/.exec(entry);
  if (exposed) {
    const [, a = '', b, proto] = exposed;
    return span(Number(a), Number(b ?? a)).map((p) => `${p}/${proto}`);
  }
  const m = /^(.*):(\d+)(?:-(\d+))?->(\d+)(?:-(\d+))?\/(\w+)$/.exec(entry);
  if (!m) throw new Error(`not a docker ps port entry: ${entry}`);
  const [, ip = '', h1 = '', h2, c1 = '', c2, proto = ''] = m;
  const host = ip === '0.0.0.0' || ip === '[::]' || ip === '::' ? '' : `${ip}:`;
  const hosts = span(Number(h1), Number(h2 ?? h1));
  const conts = span(Number(c1), Number(c2 ?? c1));
  return hosts.map((h, i) => `${host}${h}:${conts[i]}${proto === 'tcp' ? '' : `/${proto}`}`);
}

function span(a: number, b: number): number[] {
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}

/** Kapal's mappings, ranges expanded to one `-p` item per port, for comparison with the CLI. */
function expand(m: PortMapping): string[] {
  const conts = span(m.containerPort, m.containerPortEnd);
  if (!m.published || m.hostPort === undefined) return conts.map((p) => `${p}/${m.type}`);
  const host = m.hostIp ? (m.hostIp.includes(':') ? `[${m.hostIp}]:` : `${m.hostIp}:`) : '';
  return conts.map((c, i) => `${host}${(m.hostPort ?? 0) + i}:${c}${m.type === 'tcp' ? '' : `/${m.type}`}`);
}

describe('ports in -p notation, recorded containers', () => {
  it('the fixture has every container the table names', () => {
    expect(cliPs.map((l) => l.name).sort()).toEqual(Object.keys(FLAGS).sort());
  });

  it.each(Object.entries(FLAGS))('%s reads as its -p flags', (name, flags) => {
    expect(portMappings(ports(name)).map((m) => m.text)).toEqual(flags);
    expect(portsText(ports(name))).toBe(flags.join(', '));
  });

  it.each(cliPs.map((l) => [l.name, l.ports] as const))('%s: the same ports as docker ps "%s"', (name, cliPorts) => {
    const fromCli = new Set(cliPorts ? cliPorts.split(', ').flatMap(cliEntryToP) : []);
    const fromKapal = portMappings(ports(name)).flatMap(expand);
    expect(new Set(fromKapal)).toEqual(fromCli);
    // Each port once: the IPv4 and IPv6 duplicates the engine lists are folded.
    expect(fromKapal.length).toBe(fromCli.size);
  });

  it('the engine did list IPv4 and IPv6 duplicates for wildcard bindings', () => {
    const raw = rawContainer('kapal-fixture-web').Ports ?? [];
    expect(
      raw
        .filter((p) => p.PublicPort === 18181)
        .map((p) => p.IP)
        .sort(),
    ).toEqual(['0.0.0.0', '::']);
  });

  it('keeps the structured fields of a range and a host IP', () => {
    expect(portMappings(ports('kapal-fixture-range'))).toEqual([
      expect.objectContaining({
        hostPort: 18190,
        hostPortEnd: 18192,
        containerPort: 8000,
        containerPortEnd: 8002,
        type: 'tcp',
        published: true,
      }),
    ]);
    const [local] = portMappings(ports('kapal-fixture-local'));
    expect(local).toMatchObject({ hostIp: '127.0.0.1', hostPort: 18183, containerPort: 8080, published: true });
    const exposed = portMappings(ports('kapal-fixture-web')).find((m) => !m.published);
    expect(exposed).toMatchObject({ containerPort: 9999, type: 'tcp' });
    expect(exposed?.hostPort).toBeUndefined();
  });
});

describe('ports, variations of the recorded lists', () => {
  it('an IPv4-only list reads the same as the dual-stack one', () => {
    const v4 = ports('kapal-fixture-web').filter((p) => p.ip !== '::');
    expect(v4.length).toBeLessThan(ports('kapal-fixture-web').length);
    expect(portsText(v4)).toBe(portsText(ports('kapal-fixture-web')));
  });

  it('does not fold ports that are not consecutive', () => {
    const gap = ports('kapal-fixture-range').filter((p) => p.privatePort !== 8001);
    expect(portsText(gap)).toBe('18190:8000, 18192:8002');
  });

  it('does not depend on the order the engine lists ports in', () => {
    const list = ports('kapal-fixture-range');
    expect(portsText([...list].reverse())).toBe('18190-18192:8000-8002');
  });

  it('an empty list is an empty cell', () => {
    expect(portsText([])).toBe('');
    expect(portMappings([])).toEqual([]);
  });
});
