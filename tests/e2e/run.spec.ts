import net from 'node:net';
import { expect, test } from '@playwright/test';
import { containerRow, openKapal } from './app.js';
import { docker, freePort, removeLabelled, uniqueName } from './docker-cli.js';
import { TEST_IMAGE, TEST_LABEL } from './env.js';
import { RunForm } from './run-page.js';

const RUN = uniqueName('run');
const LABEL = `${TEST_LABEL}=${RUN}`;
const HTTPD = `sh -c 'mkdir -p /www && echo "hello from $NAME" > /www/index.html && exec httpd -f -p 8080 -h /www'`;

test.afterAll(async () => {
  await removeLabelled(RUN);
});

/** Three ports in a row that nothing holds, so N, N+1, N+2 are all free. */
async function freeRun(): Promise<number> {
  for (;;) {
    const p = await freePort();
    if (p < 65000 && (await Promise.all([p + 1, p + 2].map(canBind))).every(Boolean)) return p;
  }
}

function canBind(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '0.0.0.0', () => s.close(() => resolve(true)));
  });
}

test('run httpd from the form with -p HOST:8080 and fetch its page through the host port', async ({
  page,
  request,
}) => {
  await openKapal(page);
  const form = new RunForm(page);
  const name = uniqueName('web');
  const port = await freePort();
  await form.open();
  await form.basics(TEST_IMAGE, name, LABEL);
  await form.port(1, port, 8080);
  await form.command(HTTPD);
  await form.dialog.getByRole('button', { name: 'Add variable' }).click();
  await form.dialog.getByLabel('Name 1', { exact: true }).fill('NAME');
  await form.dialog.getByLabel('Value 1', { exact: true }).fill('Kapal & friends');
  await expect(form.commandLine()).toHaveText(
    `docker run -d --name ${name} -p ${port}:8080 -e 'NAME=Kapal & friends' --label ${LABEL} ${TEST_IMAGE} sh -c ` +
      `'mkdir -p /www && echo "hello from $NAME" > /www/index.html && exec httpd -f -p 8080 -h /www'`,
  );
  await form.run();

  const row = containerRow(page, name);
  await expect(row).toHaveAttribute('data-state', 'running');
  await expect(row).toHaveClass(/selected/);
  await expect(page.getByRole('region', { name: `Details of ${name}` })).toBeVisible();
  const link = row.getByRole('link', { name: `${port}:8080` });
  await expect(link).toHaveAttribute('href', `http://localhost:${port}`);
  await expect
    .poll(async () => (await request.get(`http://127.0.0.1:${port}/`).catch(() => undefined))?.text(), {
      timeout: 10_000,
    })
    .toBe('hello from Kapal & friends\n');
  expect(await docker(['inspect', '-f', '{{json .Config.Env}}', name])).toContain('"NAME=Kapal & friends"');
});

test('three copies on host ports N, N+1, N+2 that all use 8080 inside', async ({ page }) => {
  await openKapal(page);
  const form = new RunForm(page);
  const base = await freeRun();
  const names = [0, 1, 2].map((i) => uniqueName(`app${i + 1}`));
  for (const [i, name] of names.entries()) {
    await form.open();
    await form.basics(TEST_IMAGE, name, LABEL);
    await form.port(1, base + i, 8080);
    await form.command(HTTPD);
    await form.run();
  }
  for (const [i, name] of names.entries()) {
    await expect(containerRow(page, name)).toContainText(`${base + i}:8080`);
    await expect(containerRow(page, name)).toHaveAttribute('data-state', 'running');
  }
  expect(await docker(['port', names[2] ?? '', '8080/tcp'])).toContain(`0.0.0.0:${base + 2}`);
});

test('validation before the engine is asked: ports, names, clashes, with the next free port in one click', async ({
  page,
}) => {
  await openKapal(page);
  const holderName = uniqueName('holder');
  const held = await freePort();
  await docker(['run', '-d', '--name', holderName, '--label', LABEL, '-p', `${held}:8080`, TEST_IMAGE, 'sleep', '600']);
  const form = new RunForm(page);
  await form.open();
  await form.basics(TEST_IMAGE, holderName, LABEL);

  // The name is taken: say by whom, and in what state.
  await expect(form.fieldError('name')).toHaveText(
    `The name ${holderName} is already used by container ${holderName} (running).`,
  );
  await form.dialog.getByLabel('Container name').fill('-bad name');
  await expect(form.fieldError('name')).toContainText('A name starts with a letter or digit');
  await form.dialog.getByLabel('Container name').fill(uniqueName('ok'));

  // Not a port.
  await form.port(1, 'abc', 8080);
  await expect(form.hostPortError(1)).toHaveText('A port is a whole number from 1 to 65535.');
  await form.dialog.getByLabel('Host port 1', { exact: true }).fill('70000');
  await expect(form.hostPortError(1)).toHaveText('Ports go from 1 to 65535.');
  await expect(form.runButton()).toBeDisabled();

  // Published by another container: named, with the next free port offered.
  await form.dialog.getByLabel('Host port 1', { exact: true }).fill(String(held));
  await expect(form.hostPortError(1)).toContainText(
    `Host port ${held}/tcp is already published by container ${holderName} (running).`,
  );
  const use = form.hostPortError(1).getByRole('button', { name: /^Use \d+$/ });
  const suggested = Number((await use.textContent())?.replace('Use ', ''));
  expect(suggested).toBeGreaterThan(held);
  await use.click();
  await expect(form.dialog.getByLabel('Host port 1', { exact: true })).toHaveValue(String(suggested));
  await expect(form.hostPortError(1)).toHaveCount(0);

  // Two rows asking for the same host port and protocol; UDP on the same number is fine.
  await form.port(2, suggested, 9090);
  await expect(form.hostPortError(2)).toHaveText(`Host port ${suggested}/tcp is already asked for in row 1.`);
  await form.dialog.getByLabel('Protocol 2', { exact: true }).selectOption('udp');
  await expect(form.hostPortError(2)).toHaveCount(0);

  // Held by a plain listening socket that is no container.
  const sock = net.createServer();
  const other = await freePort();
  await new Promise<void>((resolve) => sock.listen(other, '0.0.0.0', () => resolve()));
  try {
    await form.dialog.getByLabel('Host port 2', { exact: true }).fill(String(other));
    await form.dialog.getByLabel('Protocol 2', { exact: true }).selectOption('tcp');
    await expect(form.hostPortError(2)).toContainText(
      `Host port ${other}/tcp is held by another program on this machine.`,
    );
    await expect(form.hostPortError(2).getByRole('button', { name: /^Use \d+$/ })).toBeVisible();
  } finally {
    sock.close();
  }
  await form.dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(form.dialog).toHaveCount(0);
});

test('a container whose command exits 3 says "exited with code 3" with its last log lines', async ({ page }) => {
  await openKapal(page);
  const form = new RunForm(page);
  const name = uniqueName('dies');
  await form.open();
  await form.basics(TEST_IMAGE, name, LABEL);
  await form.command(`sh -c 'echo loading model; echo "error: model.pkl not found" >&2; exit 3'`);
  await form.run();
  const report = page.getByRole('alert').filter({ hasText: 'exited with code 3' });
  await expect(report).toContainText(`${name} exited with code 3`, { timeout: 12_000 });
  await expect(report).toContainText('loading model');
  await expect(report).toContainText('error: model.pkl not found');
  await expect(report).toContainText('The application failed with code 3');
  await expect(containerRow(page, name)).toContainText('Exited (3)');
});

test('risky options need the explicit acknowledgement', async ({ page }) => {
  await openKapal(page);
  const form = new RunForm(page);
  await form.open();
  await form.basics(TEST_IMAGE, uniqueName('risky'), LABEL);
  await form.dialog.getByText('Risky options').click();
  await form.dialog.getByRole('checkbox', { name: 'Privileged (--privileged)' }).check();
  await expect(form.fieldError('risky')).toContainText('Tick the acknowledgement to use --privileged');
  await expect(form.runButton()).toBeDisabled();
  await expect(form.commandLine()).toContainText('--privileged');
  await form.dialog.getByRole('checkbox', { name: /I understand/ }).check();
  await expect(form.fieldError('risky')).toHaveCount(0);
  await form.dialog.getByRole('button', { name: 'Cancel' }).click();
});

test('an image that is not local is pulled first (from the local registry), then run', async ({ page }) => {
  const ref = `127.0.0.1:5000/kapal-e2e/${RUN}:v1`;
  await docker(['tag', TEST_IMAGE, ref]);
  await docker(['push', ref]);
  await docker(['rmi', ref]);
  await expect(docker(['image', 'inspect', ref])).rejects.toThrow();
  try {
    await openKapal(page);
    const form = new RunForm(page);
    const name = uniqueName('pulled');
    await form.open();
    await form.basics(ref, name, LABEL);
    await form.command('sleep 600');
    await expect(form.dialog.locator('#help-image')).toHaveText(`${ref} is not on this machine: Run pulls it first.`);
    await form.run();
    await expect(containerRow(page, name)).toHaveAttribute('data-state', 'running');
    expect(await docker(['image', 'inspect', '-f', '{{.Id}}', ref])).toMatch(/^sha256:/);
  } finally {
    await removeLabelled(RUN);
    await docker(['rmi', ref]).catch(() => undefined);
  }
});
