import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { openKapal } from './app.js';
import { docker, removeLabelled, uniqueName } from './docker-cli.js';
import { TEST_IMAGE, TEST_LABEL } from './env.js';

const RUN = uniqueName('images');
const REPO = `kapal-e2e/${RUN}`;

test.afterAll(async () => {
  await removeLabelled(RUN);
  await docker(['rmi', '-f', `${REPO}:in-use`, `${REPO}:free`]).catch(() => undefined);
});

/** An image with an id of its own (a label makes it unique), so removing its tag really removes it. */
async function buildOwnImage(tag: string): Promise<void> {
  const ctx = fs.mkdtempSync(path.join(os.tmpdir(), 'kapal-img-'));
  fs.writeFileSync(path.join(ctx, 'Dockerfile'), `FROM ${TEST_IMAGE}\nLABEL ${TEST_LABEL}=${RUN}\n`);
  try {
    await docker(['build', '-q', '-t', tag, ctx]);
  } finally {
    fs.rmSync(ctx, { recursive: true, force: true });
  }
}

test('images show tag, short id, size as docker images; an image in use needs force', async ({ page }) => {
  await buildOwnImage(`${REPO}:in-use`);
  // A second tag on the shared test image: removing it only untags, the base image stays.
  await docker(['tag', TEST_IMAGE, `${REPO}:free`]);
  const user = uniqueName('user');
  await docker(['create', '--name', user, '--label', `${TEST_LABEL}=${RUN}`, `${REPO}:in-use`, 'true']);
  const cli = (await docker(['images', '--format', '{{.ID}} {{.Size}}', `${REPO}:in-use`])).split(' ');

  await openKapal(page);
  await page.getByRole('button', { name: 'Images' }).click();
  const table = page.getByRole('table', { name: 'Images' });
  const row = table.locator(`tr[data-ref="${REPO}:in-use"]`);
  await expect(row).toBeVisible();
  await expect(row).toContainText(cli[0] ?? 'missing id');
  await expect(row).toContainText(cli[1] ?? 'missing size');

  await row.getByRole('button', { name: `Remove ${REPO}:in-use` }).click();
  let dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Remove' }).click();
  await expect(dialog).toContainText(`is used by ${user} (created)`);
  // Not removed yet: the engine refused without force.
  expect(await docker(['images', '-q', `${REPO}:in-use`])).not.toBe('');
  await dialog.getByRole('button', { name: 'Force remove' }).click();
  await expect(row).toHaveCount(0);
  expect(await docker(['images', '-q', `${REPO}:in-use`])).toBe('');

  // An unused tag goes after one confirmation.
  const free = table.locator(`tr[data-ref="${REPO}:free"]`);
  await free.getByRole('button', { name: `Remove ${REPO}:free` }).click();
  dialog = page.getByRole('dialog');
  // It is one of several tags of the test image: only the tag goes, and the dialog says so.
  await expect(dialog).toContainText(`Remove the tag ${REPO}:free? The image itself stays, under its other tags:`);
  await expect(dialog).toContainText(TEST_IMAGE);
  await dialog.getByRole('button', { name: 'Remove' }).click();
  await expect(free).toHaveCount(0);
  expect(await docker(['image', 'inspect', '-f', '{{.Id}}', TEST_IMAGE])).toMatch(/^sha256:/);
});
