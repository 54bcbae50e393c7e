import { describe, expect, it } from 'vitest';
import { toContainerDTO, toImageDTO } from '../../electron/engine/mappers.js';
import { containersByImage, imageRows, shortId } from '../../shared/format/images.js';
import { humanSize } from '../../shared/format/size.js';
import { cliImages, rawContainers, rawImageByBytes, rawImageByTag, rawImages } from './fixtures.js';

const images = rawImages.map(toImageDTO);
const line = (r: { repository: string; tag: string; shortId: string; size: number }) =>
  `${r.repository}|${r.tag}|${r.shortId}|${humanSize(r.size)}`;

describe('imageRows against `docker images` (recorded)', () => {
  it('gives exactly the rows the CLI printed: repository, tag, short id, size', () => {
    const cli = cliImages.map((l) => `${l.repository}|${l.tag}|${l.id}|${l.size}`).sort();
    expect(imageRows(images).map(line).sort()).toEqual(cli);
  });

  it('one row per tag: an image with three tags is three rows with one id', () => {
    const sized = rawImageByTag('kapal-fixture/sized:latest');
    const rows = imageRows(images).filter((r) => r.id === sized.Id);
    expect(rows.map((r) => r.ref).sort()).toEqual([...(sized.RepoTags ?? [])].sort());
    expect(cliImages.filter((l) => l.id === shortId(sized.Id))).toHaveLength(rows.length);
  });

  it('splits a registry host with a port from the tag', () => {
    const row = imageRows(images).find((r) => r.ref === '127.0.0.1:5000/kapal-fixture/sized:latest');
    expect(row).toMatchObject({ repository: '127.0.0.1:5000/kapal-fixture/sized', tag: 'latest' });
  });

  it('keys are unique, so a table can use them', () => {
    const keys = imageRows(images).map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('lists newest first', () => {
    const created = imageRows(images).map((r) => r.created);
    expect(created).toEqual([...created].sort((a, b) => b - a));
  });
});

describe('untagged images, in every shape the engine sends', () => {
  // The first build of kapal-fixture/sized:latest, left dangling by the second: engine 20.10 sends
  // RepoTags ["<none>:<none>"] and RepoDigests ["<none>@<none>"].
  const dangling = rawImageByBytes(999_999);
  // Pushed to the local registry, then its tag moved to a rebuild: only a digest is left, and the
  // engine sends RepoTags null.
  const digestOnly = rawImageByBytes(1234);

  it('the recorded shapes are the ones this test is about', () => {
    expect(dangling.RepoTags).toEqual(['<none>:<none>']);
    expect(digestOnly.RepoTags).toBeNull();
    expect(digestOnly.RepoDigests?.[0]).toMatch(/^127\.0\.0\.1:5000\/kapal-fixture\/pushed@sha256:[0-9a-f]{64}$/);
  });

  it.each([
    ['["<none>:<none>"] (engine 20.10, recorded)', dangling],
    ['null', { ...dangling, RepoTags: null }],
    // API 1.44+ engines (Docker 25) send an empty list instead of the placeholder.
    ['[] with RepoDigests []', { ...dangling, RepoTags: [], RepoDigests: [] }],
  ])('RepoTags %s → one <none>:<none> row, removed by id', (_shape, raw) => {
    const rows = imageRows([toImageDTO(raw)]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      repository: '<none>',
      tag: '<none>',
      ref: dangling.Id,
      shortId: shortId(dangling.Id),
    });
    const cli = cliImages.find((l) => l.id === shortId(dangling.Id));
    expect(cli).toMatchObject({ repository: '<none>', tag: '<none>' });
  });

  it('a digest-only image shows the digest repository with tag <none>, as the CLI does', () => {
    const rows = imageRows([toImageDTO(digestOnly)]);
    const cli = cliImages.find((l) => l.id === shortId(digestOnly.Id));
    expect(cli).toBeDefined();
    expect(rows).toEqual([expect.objectContaining({ repository: cli?.repository, tag: cli?.tag, ref: digestOnly.Id })]);
  });
});

describe('containersByImage', () => {
  const containers = rawContainers.map(toContainerDTO);
  const byImage = containersByImage(containers);

  it('groups the recorded containers by image id', () => {
    // scripts/record-fixtures.mjs runs kapal-fixture-exited from kapal-fixture/app and every other
    // fixture container from kapal-test/busybox.
    const app = rawImageByTag('kapal-fixture/app:latest').Id;
    const base = rawImageByTag('kapal-test/busybox:latest').Id;
    expect(byImage.get(app)?.map((c) => c.name)).toEqual(['kapal-fixture-exited']);
    expect(
      byImage
        .get(base)
        ?.map((c) => c.name)
        .sort(),
    ).toEqual([
      'kapal-fixture-client',
      'kapal-fixture-created',
      'kapal-fixture-local',
      'kapal-fixture-range',
      'kapal-fixture-web',
    ]);
  });

  it('an image no container uses has no entry', () => {
    expect(byImage.get(rawImageByBytes(999_999).Id)).toBeUndefined();
    expect([...byImage.values()].flat()).toHaveLength(containers.length);
  });
});
