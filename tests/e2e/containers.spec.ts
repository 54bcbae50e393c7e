import { expect, test } from '@playwright/test';
import { containerRow, openKapal } from './app.js';
import { docker, freePort, removeLabelled, uniqueName } from './docker-cli.js';
import { TEST_IMAGE, TEST_LABEL } from './env.js';

const RUN = uniqueName('containers');

test.afterAll(async () => {
  await removeLabelled(RUN);
});

test('a container started from the CLI with -p appears with its ports within 2 s', async ({ page }) => {
  await openKapal(page);
  const name = uniqueName('web');
  const port = await freePort();
  await docker([
    'run',
    '-d',
    '--name',
    name,
    '--label',
    `${TEST_LABEL}=${RUN}`,
    '-p',
    `${port}:8080`,
    '-p',
    `${port + 1}:53/udp`,
    TEST_IMAGE,
    'httpd',
    '-f',
    '-p',
    '8080',
  ]);
  const row = containerRow(page, name);
  await expect(row).toBeVisible({ timeout: 2_000 });
  await expect(row).toContainText(`${port}:8080`);
  await expect(row).toContainText(`${port + 1}:53/udp`);
  // IPv4 and IPv6 bindings of the same port are shown once.
  await expect(row.getByText(`${port}:8080`, { exact: true })).toHaveCount(1);
  await expect(row).toContainText(/Up (Less than a second|\d+ seconds|1 second)/);
  await expect(row.getByRole('link', { name: `${port}:8080` })).toHaveAttribute('href', `http://localhost:${port}`);

  // Removed from the CLI: gone from the list within 2 s.
  await docker(['rm', '-f', name]);
  await expect(row).toHaveCount(0, { timeout: 2_000 });
});

test('stop, start and remove a container from the UI', async ({ page }) => {
  await openKapal(page);
  const name = uniqueName('life');
  await docker(['run', '-d', '--name', name, '--label', `${TEST_LABEL}=${RUN}`, TEST_IMAGE, 'sleep', '600']);
  const row = containerRow(page, name);
  await expect(row).toHaveAttribute('data-state', 'running');

  await row.getByRole('button', { name: `Stop ${name}`, exact: true }).click();
  await expect(row).toHaveAttribute('data-state', 'exited', { timeout: 20_000 });
  // sleep ignores SIGTERM as PID 1, so the engine kills it after the timeout: exit code 137, as docker ps says.
  await expect(row).toContainText(/Exited \(137\)/);
  expect(await docker(['inspect', '-f', '{{.State.Status}}', name])).toBe('exited');

  await row.getByRole('button', { name: `Start ${name}`, exact: true }).click();
  await expect(row).toHaveAttribute('data-state', 'running');
  expect(await docker(['inspect', '-f', '{{.State.Status}}', name])).toBe('running');

  // Removing a running container asks first; Cancel keeps it.
  await row.getByRole('button', { name: `Remove ${name}` }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`${name} is running`);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  expect(await docker(['inspect', '-f', '{{.State.Status}}', name])).toBe('running');

  await row.getByRole('button', { name: `Remove ${name}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
  await expect(row).toHaveCount(0);
  await expect(docker(['inspect', name])).rejects.toThrow(/No such object/);
});

test('search by name or image and filter running / all', async ({ page }) => {
  await openKapal(page);
  const up = uniqueName('up');
  const down = uniqueName('down');
  await docker(['run', '-d', '--name', up, '--label', `${TEST_LABEL}=${RUN}`, TEST_IMAGE, 'sleep', '600']);
  await docker(['create', '--name', down, '--label', `${TEST_LABEL}=${RUN}`, TEST_IMAGE, 'true']);
  await expect(containerRow(page, down)).toBeVisible();
  await expect(containerRow(page, down)).toContainText('Created');

  await page.getByRole('searchbox', { name: 'Search by name or image' }).fill(RUN.replace('kapal-e2e-containers-', ''));
  await expect(page.getByRole('table', { name: 'Containers' }).getByRole('rowheader')).toHaveCount(0);

  await page.getByRole('searchbox', { name: 'Search by name or image' }).fill(up);
  await expect(containerRow(page, up)).toBeVisible();
  await expect(containerRow(page, down)).toHaveCount(0);

  await page.getByRole('searchbox', { name: 'Search by name or image' }).fill('kapal-e2e-');
  await page.getByRole('radio', { name: 'Running' }).check();
  await expect(containerRow(page, up)).toBeVisible();
  await expect(containerRow(page, down)).toHaveCount(0);
  await page.getByRole('radio', { name: 'All' }).check();
  await expect(containerRow(page, down)).toBeVisible();
});

test('a container that exits by itself shows its exit code within 2 s (the engine lists it late)', async ({ page }) => {
  // Right value from a bug: the engine logs `die` before its list shows the container stopped, so a
  // container that exits on its own stayed "running" on screen.
  await openKapal(page);
  const name = uniqueName('self-exit');
  await docker([
    'run',
    '-d',
    '--name',
    name,
    '--label',
    `${TEST_LABEL}=${RUN}`,
    TEST_IMAGE,
    'sh',
    '-c',
    'sleep 1; exit 4',
  ]);
  const row = containerRow(page, name);
  await expect(row).toHaveAttribute('data-state', 'running');
  await expect(row).toContainText('Exited (4)', { timeout: 3_500 });
  await expect(row).toHaveAttribute('data-state', 'exited');
});

test('the status text stays live without any engine event, as docker ps would print it now', async ({ page }) => {
  await openKapal(page);
  const name = uniqueName('live');
  await docker(['run', '-d', '--name', name, '--label', `${TEST_LABEL}=${RUN}`, TEST_IMAGE, 'sleep', '600']);
  const status = containerRow(page, name).locator('td.status-text');
  await expect(status).toHaveText(/^Up (\d+ seconds|1 second|Less than a second)$/);
  await expect(status).toHaveText(/^Up ([4-9]|\d\d) seconds$/, { timeout: 8_000 });
  const cli = await docker(['ps', '--filter', `name=^${name}$`, '--format', '{{.Status}}']);
  const ours = await status.textContent();
  // The same second, give or take the tick between the two reads.
  const secs = (s: string | null) => Number(/Up (\d+) seconds/.exec(s ?? '')?.[1] ?? NaN);
  expect(Math.abs(secs(ours) - secs(cli))).toBeLessThanOrEqual(1);
});
