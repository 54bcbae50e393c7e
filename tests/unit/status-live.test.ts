import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import Docker from 'dockerode';
import { afterAll, describe, expect, it } from 'vitest';
import { displayImage } from '../../electron/engine/mappers.js';
import { statusText } from '../../shared/format/status.js';

const run = promisify(execFile);
const docker = new Docker({ socketPath: '/var/run/docker.sock' });
const LABEL = `kapal.test=unit-status-${process.pid}`;
const IMAGE = 'kapal-test/busybox:latest';

afterAll(async () => {
  const ids = (await run('docker', ['ps', '-aq', '--filter', `label=${LABEL}`])).stdout.trim();
  if (ids) await run('docker', ['rm', '-f', ...ids.split(/\s+/)]);
  // The image built here carries the same label; once its containers are gone it can go too.
  const images = (await run('docker', ['images', '-q', '--filter', `label=${LABEL}`])).stdout.trim();
  if (images) await run('docker', ['rmi', '-f', ...new Set(images.split(/\s+/))]);
});

const cli = (args: string[]) => run('docker', args).then((r) => r.stdout.trim());

describe('the live status text is what docker ps prints', () => {
  it('for running, paused, exited, created and healthy containers of this engine', async () => {
    const up = await cli(['run', '-d', '--label', LABEL, IMAGE, 'sleep', '600']);
    const paused = await cli(['run', '-d', '--label', LABEL, IMAGE, 'sleep', '600']);
    await cli(['pause', paused]);
    const exited = await cli(['run', '-d', '--label', LABEL, IMAGE, 'sh', '-c', 'exit 7']);
    const created = await cli(['create', '--label', LABEL, IMAGE, 'true']);
    const healthy = await cli([
      'run', '-d', '--label', LABEL, '--health-cmd', 'true', '--health-interval', '1s', IMAGE, 'sleep', '600',
    ]); // prettier-ignore
    await cli(['wait', exited]);
    // Let the health check report and the clock move past "Less than a second".
    await new Promise((r) => setTimeout(r, 2500));

    const ids = [up, paused, exited, created, healthy];
    const now = Date.now();
    const [ps, inspects] = await Promise.all([
      cli(['ps', '-a', '--no-trunc', '--filter', `label=${LABEL}`, '--format', '{{.ID}}|{{.Status}}']),
      Promise.all(ids.map((id) => docker.getContainer(id).inspect())),
    ]);
    const byId = new Map(ps.split('\n').map((l) => l.split('|') as [string, string]));
    for (const i of inspects) {
      const health = (i.State as { Health?: { Status: string } }).Health?.Status;
      const ours = statusText(
        i.State.Status,
        {
          startedAt: i.State.StartedAt,
          finishedAt: i.State.FinishedAt,
          exitCode: i.State.ExitCode,
          ...(health ? { health } : {}),
        },
        now,
      );
      expect(ours, i.Name).toBe(byId.get(i.Id));
    }
    expect([...byId.values()].sort()).toEqual(
      expect.arrayContaining([
        'Created',
        expect.stringMatching(/^Exited \(7\) \d+ seconds ago$/),
        expect.stringMatching(/\(Paused\)$/),
        expect.stringMatching(/\(healthy\)$/),
      ]),
    );
  }, 30_000);

  it('moves on with the clock, as docker ps would a minute later', () => {
    const t = { startedAt: '2026-12-03T10:00:00.123456789Z', finishedAt: '0001-01-01T00:00:00Z', exitCode: 0 };
    const start = Date.parse(t.startedAt);
    expect(statusText('running', t, start + 500)).toBe('Up Less than a second');
    expect(statusText('running', t, start + 61_000)).toBe('Up About a minute');
    expect(statusText('running', t, start + 3 * 3_600_000)).toBe('Up 3 hours');
    expect(statusText('running', { ...t, health: 'starting' }, start + 5_000)).toBe('Up 5 seconds (health: starting)');
    expect(statusText('restarting', { ...t, exitCode: 1, finishedAt: t.startedAt }, start + 5_000)).toBe(
      'Restarting (1) 5 seconds ago',
    );
    expect(statusText('exited', { ...t, exitCode: 137, finishedAt: t.startedAt }, start + 2 * 3_600_000)).toBe(
      'Exited (137) 2 hours ago',
    );
    expect(statusText('dead', t, start)).toBe('Dead');
  });
});

describe('the IMAGE column is what docker ps prints', () => {
  it('for a tag, and for an image whose only tag was removed', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const ctx = fs.mkdtempSync(path.join(os.tmpdir(), 'kapal-img-'));
    const tag = `kapal-unit/untagged-${process.pid}:v1`;
    fs.writeFileSync(path.join(ctx, 'Dockerfile'), `FROM ${IMAGE}\nLABEL ${LABEL}\n`);
    await cli(['build', '-q', '-t', tag, ctx]);
    fs.rmSync(ctx, { recursive: true, force: true });
    const tagged = await cli(['create', '--label', LABEL, tag, 'true']);
    const untagged = await cli(['create', '--label', LABEL, tag, 'true']);
    const check = async (id: string) => {
      const [ps, list] = await Promise.all([
        cli(['ps', '-a', '--filter', `id=${id}`, '--format', '{{.Image}}']),
        docker.listContainers({ all: true, filters: JSON.stringify({ id: [id] }) }),
      ]);
      const raw = list[0];
      expect(raw).toBeDefined();
      expect(displayImage(raw?.Image ?? '', raw?.ImageID ?? '')).toBe(ps);
      return ps;
    };
    expect(await check(tagged)).toBe(tag);
    await cli(['rm', tagged]);
    await cli(['rmi', '-f', tag]);
    expect(await check(untagged)).toMatch(/^[0-9a-f]{12}$/);
  }, 30_000);
});
