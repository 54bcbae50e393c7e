import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { promisify } from 'node:util';
import Docker from 'dockerode';
import { afterAll, describe, expect, it } from 'vitest';
import { createOptions } from '../../electron/engine/run.js';
import { mapEngineError } from '../../shared/errors.js';
import { dockerRunArgs } from '../../shared/run/command-line.js';
import { portInEngineError } from '../../shared/run/engine-messages.js';
import { runSpec, type RunSpecInput } from '../../shared/run/spec.js';

const run = promisify(execFile);
const docker = new Docker({ socketPath: '/var/run/docker.sock' });
const LABEL = `kapal-unit-run-${process.pid}`;
const errors = JSON.parse(fs.readFileSync('tests/fixtures/engine-20.10/errors.json', 'utf8')) as Array<{
  case: string;
  statusCode: number;
  body: { message: string } | null;
}>;

afterAll(async () => {
  const list = await docker.listContainers({ all: true, filters: JSON.stringify({ label: [`kapal.test=${LABEL}`] }) });
  await Promise.all(list.map((c) => docker.getContainer(c.Id).remove({ force: true })));
});

/** The parts of an inspect that the Run form decides. */
async function decided(id: string) {
  const i = await docker.getContainer(id).inspect();
  const h = i.HostConfig;
  return {
    // The CLI's order of -e values is not stable between runs either (seen here); names are unique.
    Env: [...(i.Config.Env ?? [])].sort(),
    Cmd: i.Config.Cmd,
    ExposedPorts: i.Config.ExposedPorts,
    Labels: i.Config.Labels,
    PortBindings: h.PortBindings,
    // The CLI gathers -v values in a map, so their order is not kept; the set is what matters.
    Binds: h.Binds ? [...h.Binds].sort() : h.Binds,
    RestartPolicy: h.RestartPolicy,
    NanoCpus: h.NanoCpus,
    Memory: h.Memory,
    AutoRemove: h.AutoRemove,
    Privileged: h.Privileged,
    NetworkMode: h.NetworkMode,
    CapAdd: h.CapAdd,
  };
}

describe('what Kapal sends is what the CLI line it shows would create', () => {
  const specs: Record<string, RunSpecInput> = {
    'the tutorial form': { image: 'kapal-test/busybox:latest', ports: [{ hostPort: 19090, containerPort: 7860 }] },
    'everything at once': {
      image: 'kapal-test/busybox:latest',
      ports: [
        { hostPort: 19091, containerPort: 8080 },
        { hostPort: 19092, containerPort: 8080 },
        { containerPort: 22 },
        { hostIp: '127.0.0.1', hostPort: 19053, containerPort: 53, protocol: 'udp' },
      ],
      env: [
        { key: 'MODEL', value: 'bert base' },
        { key: 'QUOTE', value: `it's "$x"` },
      ],
      volumes: [
        { kind: 'volume', source: `${LABEL}-vol`, target: '/data' },
        { kind: 'bind', source: '/tmp', target: '/host-tmp', readOnly: true },
      ],
      command: ['sh', '-c', 'echo "$MODEL" && sleep 1'],
      restart: 'on-failure',
      restartMaxRetries: 2,
      cpus: 0.5,
      memoryBytes: 64 * 1024 * 1024,
      labels: { team: 'ml' },
    },
    'risky, acknowledged': {
      image: 'kapal-test/busybox:latest',
      restart: 'unless-stopped',
      autoRemove: false,
      risky: { privileged: true, hostNetwork: true, capAdd: ['NET_ADMIN'], acknowledged: true },
    },
  };

  for (const [title, input] of Object.entries(specs)) {
    it(title, async () => {
      const spec = runSpec.parse({ ...input, labels: { ...input.labels, 'kapal.test': LABEL } });
      const argv = dockerRunArgs(spec);
      expect(argv.slice(0, 3)).toEqual(['docker', 'run', '-d']);
      // `docker create` takes the same flags as `docker run -d`, without -d.
      const cli = (await run('docker', ['create', ...argv.slice(3)])).stdout.trim();
      const ours = await docker.createContainer(createOptions(spec));
      const [a, b] = await Promise.all([decided(cli), decided(ours.id)]);
      expect(b).toEqual(a);
    });
  }
  afterAll(async () => {
    await docker
      .getVolume(`${LABEL}-vol`)
      .remove()
      .catch(() => undefined);
  });
});

describe("the engine's own port and name errors", () => {
  it('name the host port, so they read as the form does', () => {
    const alloc = errors.find((e) => e.case === 'start with a host port already allocated');
    expect(alloc?.body?.message).toBeDefined();
    expect(portInEngineError(alloc?.body?.message ?? '')).toBe(18181);
    expect(
      portInEngineError('Error starting userland proxy: listen tcp4 0.0.0.0:8080: bind: address already in use'),
    ).toBe(8080);
    expect(portInEngineError('No such container: x')).toBeUndefined();
  });

  it('map to PORT_IN_USE and NAME_IN_USE', () => {
    const endpoint = { kind: 'unix' as const, url: 'unix:///var/run/docker.sock', source: 'test' };
    for (const [name, code] of [
      ['start with a host port already allocated', 'PORT_IN_USE'],
      ['create with a name in use', 'NAME_IN_USE'],
    ] as const) {
      const e = errors.find((x) => x.case === name);
      const mapped = mapEngineError(
        { statusCode: e?.statusCode ?? 0, message: e?.body?.message ?? '' },
        { endpoint, platform: 'linux' },
      );
      expect(mapped.code).toBe(code);
    }
  });
});
