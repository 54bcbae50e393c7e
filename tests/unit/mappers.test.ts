import { describe, expect, it } from 'vitest';
import { containerName, toContainerDTO, toEngineInfo, toImageDTO } from '../../electron/engine/mappers.js';
import {
  cliPs,
  rawContainer,
  rawContainers,
  rawImageByBytes,
  rawImageByTag,
  rawImages,
  rawInfo,
  rawVersion,
} from './fixtures.js';

describe('toContainerDTO (recorded GET /containers/json)', () => {
  it('names every container as docker ps does', () => {
    expect(rawContainers.map((c) => toContainerDTO(c).name).sort()).toEqual(cliPs.map((l) => l.name).sort());
  });

  it.each(cliPs.map((l) => [l.name, l.status] as const))('%s: status text is the CLI STATUS "%s"', (name, status) => {
    expect(toContainerDTO(rawContainer(name)).status).toBe(status);
  });

  it('a linked container keeps its own name, not the link alias the engine also lists', () => {
    const raw = rawContainer('kapal-fixture-web');
    expect(raw.Names).toContain('/kapal-fixture-client/webalias');
    expect(toContainerDTO(raw).name).toBe('kapal-fixture-web');
    expect(containerName([...raw.Names].reverse(), raw.Id)).toBe('kapal-fixture-web');
  });

  it('without names, falls back to the short id', () => {
    const raw = rawContainer('kapal-fixture-web');
    expect(containerName(null, raw.Id)).toBe(raw.Id.slice(0, 12));
    expect(containerName([], raw.Id)).toBe(raw.Id.slice(0, 12));
  });

  it.each(rawContainers.map((c) => [c.Names[0], c] as const))(
    '%s: plain fields copied as the engine sent them',
    (_n, raw) => {
      const dto = toContainerDTO(raw);
      expect(dto).toMatchObject({
        id: raw.Id,
        image: raw.Image,
        imageId: raw.ImageID,
        command: raw.Command,
        state: raw.State,
        created: raw.Created,
        labels: raw.Labels,
      });
      expect(dto.name.startsWith('/')).toBe(false);
      expect(dto.labels['kapal.fixture']).toBe('1');
    },
  );

  it('maps each port entry: published with ip and public port, exposed-only without them', () => {
    const raw = rawContainer('kapal-fixture-web');
    const dto = toContainerDTO(raw);
    expect(dto.ports).toHaveLength(raw.Ports?.length ?? -1);
    expect(dto.ports).toContainEqual({ ip: '0.0.0.0', privatePort: 8080, publicPort: 18181, type: 'tcp' });
    expect(dto.ports).toContainEqual({ ip: '::', privatePort: 53, publicPort: 18182, type: 'udp' });
    expect(dto.ports).toContainEqual({ privatePort: 9999, type: 'tcp' });
  });

  it('exit code and state of the stopped and never-started containers', () => {
    expect(toContainerDTO(rawContainer('kapal-fixture-exited'))).toMatchObject({ state: 'exited', ports: [] });
    expect(toContainerDTO(rawContainer('kapal-fixture-exited')).status).toMatch(/^Exited \(3\) /);
    expect(toContainerDTO(rawContainer('kapal-fixture-created'))).toMatchObject({
      state: 'created',
      status: 'Created',
    });
  });

  it('returns plain data only', () => {
    const dto = toContainerDTO(rawContainer('kapal-fixture-web'));
    expect(JSON.parse(JSON.stringify(dto))).toEqual(dto);
    expect(Object.keys(dto).sort()).toEqual(
      ['command', 'created', 'id', 'image', 'imageId', 'labels', 'name', 'ports', 'state', 'status'].sort(),
    );
  });
});

describe('toImageDTO (recorded GET /images/json)', () => {
  it.each(rawImages.map((i) => [i.Id.slice(7, 19), i] as const))('%s', (_id, raw) => {
    expect(toImageDTO(raw)).toEqual({
      id: raw.Id,
      tags: raw.RepoTags ?? [],
      digests: raw.RepoDigests ?? [],
      size: raw.Size,
      created: raw.Created,
      labels: raw.Labels ?? {},
    });
  });

  it('RepoTags and RepoDigests null (as the engine sends them) become empty lists', () => {
    // A locally built, never pushed image: RepoDigests null. The digest-only one: RepoTags null.
    const local = rawImageByTag('kapal-fixture/app:latest');
    expect(local.RepoDigests).toBeNull();
    expect(toImageDTO(local).digests).toEqual([]);
    const digestOnly = rawImageByBytes(1234);
    expect(digestOnly.RepoTags).toBeNull();
    expect(toImageDTO(digestOnly).tags).toEqual([]);
  });
});

describe('toEngineInfo (recorded GET /version and GET /info)', () => {
  it('takes the facts the status bar shows', () => {
    const info = toEngineInfo(rawVersion, rawInfo);
    expect(info).toEqual({
      version: rawVersion.Version,
      apiVersion: rawVersion.ApiVersion,
      os: rawInfo.OperatingSystem,
      osType: rawInfo.OSType,
      arch: rawInfo.Architecture,
      cpus: rawInfo.NCPU,
      memoryBytes: rawInfo.MemTotal,
      cgroupVersion: rawInfo.CgroupVersion,
      name: rawInfo.Name,
    });
    // The engine this was recorded from.
    expect(info.version).toMatch(/^20\.10\./);
    expect(info.apiVersion).toBe('1.41');
    expect(info.cpus).toBeGreaterThan(0);
    expect(info.memoryBytes).toBeGreaterThan(0);
  });

  it('falls back to /version when /info is missing a field', () => {
    const info = toEngineInfo(rawVersion, {});
    expect(info).toMatchObject({ os: rawVersion.Os, osType: rawVersion.Os, arch: rawVersion.Arch, cpus: 0 });
    expect(info.cgroupVersion).toBeUndefined();
  });
});
