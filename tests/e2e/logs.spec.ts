import fs from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { containerRow, openKapal } from './app.js';
import { docker, removeLabelled, uniqueName } from './docker-cli.js';
import { TEST_IMAGE, TEST_LABEL } from './env.js';

const RUN = uniqueName('logs');
/** Set to a folder to save light and dark screenshots of the Logs tab there. */
const SHOTS = process.env.KAPAL_LOGS_SHOTS;
const SEQUENCE = 'for i in $(seq 1 50); do echo line-$i; echo err-$i >&2; done; sleep 600';

async function runContainer(name: string, script: string, extra: string[] = []): Promise<void> {
  await docker([
    'run',
    '-d',
    '--name',
    name,
    '--label',
    `${TEST_LABEL}=${RUN}`,
    ...extra,
    TEST_IMAGE,
    'sh',
    '-c',
    script,
  ]);
}

/** Select the container, open its Logs tab, and return the role="log" region. */
async function openLogs(page: Page, name: string): Promise<Locator> {
  await openKapal(page);
  await containerRow(page, name).getByRole('button', { name, exact: true }).click();
  const detail = page.getByRole('region', { name: `Details of ${name}` });
  await detail.getByRole('tab', { name: 'Logs' }).click();
  return detail.getByRole('log', { name: `Logs of ${name}` });
}

/** Lines received so far (the view's counter, which includes lines scrolled out of the DOM). */
const total = (log: Locator) => log.getAttribute('data-total-lines').then(Number);

/** Download the lines held, through the Download button, as the text file a person would get. */
async function downloaded(page: Page): Promise<string[]> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the lines shown as a text file' }).click(),
  ]);
  const text = await fs.readFile(await file.path(), 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  return text.slice(0, -1).split('\n');
}

/** `docker logs` output lines (stdout and stderr, each in its own order). */
async function cliLogs(name: string, args: string[] = []): Promise<{ stdout: string[]; stderr: string[] }> {
  const { execFile } = await import('node:child_process');
  return new Promise((resolve, reject) =>
    execFile('docker', ['logs', ...args, name], (err, stdout, stderr) => {
      if (err) return reject(err);
      const lines = (s: string) => s.split('\n').filter((l) => l !== '');
      resolve({ stdout: lines(stdout), stderr: lines(stderr) });
    }),
  );
}

/** The engine's own answer (raw API over the socket), demultiplexed here: the order the view must match. */
async function engineLog(name: string, tail?: number): Promise<Array<{ stream: number; text: string }>> {
  const http = await import('node:http');
  const body = await new Promise<Buffer>((resolve, reject) => {
    const req = http.request(
      {
        socketPath: '/var/run/docker.sock',
        path: `/containers/${name}/logs?stdout=1&stderr=1${tail === undefined ? '' : `&tail=${tail}`}`,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(Buffer.concat(chunks)));
      },
    );
    req.on('error', reject);
    req.end();
  });
  const out: Array<{ stream: number; text: string }> = [];
  for (let off = 0; off < body.length;) {
    const size = body.readUInt32BE(off + 4);
    const text = body.toString('utf8', off + 8, off + 8 + size);
    for (const line of text.split('\n').slice(0, -1)) out.push({ stream: body[off] ?? 0, text: line });
    off += 8 + size;
  }
  return out;
}

const seq = (prefix: string, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`);

test.afterAll(async () => {
  await removeLabelled(RUN);
});

test('a known sequence shows in order, stderr lines marked as stderr, and downloads as text', async ({ page }) => {
  const name = uniqueName('seq');
  await runContainer(name, SEQUENCE);
  const log = await openLogs(page, name);
  await expect(log).toHaveAttribute('data-total-lines', '100');
  // Virtualised: far fewer than 100 lines in the DOM.
  expect(await log.locator('.log-line').count()).toBeLessThan(100);

  // Exactly the engine's order (stdout and stderr interleaved as the engine logged them).
  const engine = await engineLog(name);
  expect(engine.map((l) => l.text).filter((l) => l.startsWith('line-'))).toEqual(seq('line-', 1, 50));
  expect(engine.map((l) => l.text).filter((l) => l.startsWith('err-'))).toEqual(seq('err-', 1, 50));
  const lines = await downloaded(page);
  expect(lines).toEqual(engine.map((l) => l.text));
  const cli = await cliLogs(name);
  expect(cli.stdout).toEqual(seq('line-', 1, 50));
  expect(cli.stderr).toEqual(seq('err-', 1, 50));

  // Each line in view is in its place, stdout and stderr told apart (stderr labelled for screen readers).
  for (const target of ['err-50', 'line-50', 'err-1', 'line-1']) {
    const index = lines.indexOf(target);
    await log.evaluate((el, y) => (el.scrollTop = y), index * 18);
    const line = log.locator('.log-line').filter({ hasText: new RegExp(`^(stderr: )?${target}$`) });
    const stderr = target.startsWith('err-');
    await expect(line).toHaveText(stderr ? `stderr: ${target}` : target);
    await expect(line).toHaveAttribute('data-stream', stderr ? 'stderr' : 'stdout');
    await expect(line).toBeInViewport();
    expect(await line.evaluate((e) => Number.parseFloat((e as HTMLElement).style.top))).toBe(index * 18);
  }
});

test('follow shows new lines as they are written; leaving the tab stops the stream', async ({ page }) => {
  const name = uniqueName('follow');
  await runContainer(name, 'echo ready; sleep 600');
  const sent: string[] = [];
  page.on('websocket', (ws) => ws.on('framesent', (f) => sent.push(String(f.payload))));
  const log = await openLogs(page, name);
  await expect(log.getByText('ready', { exact: true })).toBeVisible();
  await expect(page.getByText('Following')).toBeVisible();
  for (const word of ['fresh-one', 'fresh-two']) {
    // Written to the container's own stdout (PID 1's), as if the program printed it.
    await docker(['exec', name, 'sh', '-c', `echo ${word} > /proc/1/fd/1`]);
    await expect(log.getByText(word, { exact: true })).toBeVisible({ timeout: 5_000 });
  }
  expect(await total(log)).toBe(3);

  const subscribe = sent
    .map((s) => JSON.parse(s) as { type: string; id: number; channel?: string })
    .find((m) => m.channel === 'logs:container');
  expect(subscribe?.type).toBe('subscribe');
  await page.getByRole('tab', { name: 'Info' }).click();
  await expect(log).toHaveCount(0);
  await expect
    .poll(() => sent.some((s) => s.includes('"unsubscribe"') && JSON.parse(s).id === subscribe?.id))
    .toBe(true);
});

test('search finds and highlights matches, with next and previous', async ({ page }) => {
  const name = uniqueName('search');
  await runContainer(name, SEQUENCE);
  const log = await openLogs(page, name);
  await expect(log).toHaveAttribute('data-total-lines', '100');
  const search = page.getByRole('searchbox', { name: 'Search logs' });
  await search.fill('LINE-4');
  // line-4 and line-40 … line-49, case-insensitive; the newest is current and scrolled into view.
  await expect(page.getByText('Match 11 of 11')).toBeVisible();
  const current = log.locator('mark.log-match.current');
  await expect(current).toHaveText('line-4');
  await expect(current.locator('..')).toHaveText('line-49');
  await page.getByRole('button', { name: 'Previous match' }).click();
  await expect(page.getByText('Match 10 of 11')).toBeVisible();
  await expect(current.locator('..')).toHaveText('line-48');
  await search.press('Enter');
  await expect(page.getByText('Match 11 of 11')).toBeVisible();
  await page.getByRole('button', { name: 'Next match' }).click();
  // Wraps to the oldest, scrolling it into view.
  await expect(page.getByText('Match 1 of 11')).toBeVisible();
  await expect(current.locator('..')).toHaveText('line-4');
  await expect(current).toBeInViewport();
  await search.fill('no-such-text');
  await expect(page.getByText('No matches')).toBeVisible();
  await expect(log.locator('mark')).toHaveCount(0);
});

test('after docker restart the log continues with no duplicated lines', async ({ page }) => {
  const name = uniqueName('restart');
  // Each run numbers itself (the count survives in the container's filesystem), so repeats would show.
  const script =
    'n=$(cat /runs 2>/dev/null || echo 0); n=$((n+1)); echo $n > /runs; ' +
    'for i in 1 2 3 4 5; do echo run-$n-line-$i; echo run-$n-err-$i >&2; done; sleep 600';
  await runContainer(name, script);
  const log = await openLogs(page, name);
  await expect(log).toHaveAttribute('data-total-lines', '10');
  await docker(['restart', '-t', '0', name]);
  await expect(log.getByText('run-2-line-5', { exact: true })).toBeVisible({ timeout: 15_000 });
  await expect(log).toHaveAttribute('data-total-lines', '20');
  await docker(['restart', '-t', '0', name]);
  await expect(log.getByText('run-3-line-5', { exact: true })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText('Following')).toBeVisible();
  // Give a late duplicate the chance to arrive before counting.
  await page.waitForTimeout(1_000);
  await expect(log).toHaveAttribute('data-total-lines', '30');
  const lines = await downloaded(page);
  const expected = [1, 2, 3].flatMap((n) => seq(`run-${n}-line-`, 1, 5));
  expect(lines.filter((l) => l.includes('-line-'))).toEqual(expected);
  expect(lines.filter((l) => l.includes('-err-'))).toEqual([1, 2, 3].flatMap((n) => seq(`run-${n}-err-`, 1, 5)));
  // The same as docker logs shows.
  const cli = await cliLogs(name);
  expect(cli.stdout).toEqual(expected);
  expect(new Set(lines).size).toBe(30);
});

test('tail N is respected, "All lines" reads everything, timestamps and ANSI colours show', async ({ page }) => {
  const name = uniqueName('tail');
  await runContainer(
    name,
    `${SEQUENCE.replace('; sleep 600', '')}; printf '\\033[31mred\\033[0m plain\\n'; printf 'a 10%%\\r\\033[Kb done\\n'; sleep 600`,
  );
  const log = await openLogs(page, name);
  await expect(log).toHaveAttribute('data-total-lines', '102');
  const tail = page.getByRole('spinbutton', { name: 'Number of lines to show from the end' });
  await tail.fill('10');
  await tail.press('Enter');
  await expect(log).toHaveAttribute('data-total-lines', '10');
  const shown = await downloaded(page);
  const cli = await cliLogs(name, ['--tail', '10']);
  expect(cli.stdout.length + cli.stderr.length).toBe(10);
  // The engine's last 10 messages, in its order, with the two drawn lines as a terminal shows them.
  const drawn: Record<string, string> = {
    '\u001b[31mred\u001b[0m plain': 'red plain',
    'a 10%\r\u001b[Kb done': 'b done',
  };
  const last10 = (await engineLog(name, 10)).map((l) => drawn[l.text] ?? l.text);
  expect(last10).toHaveLength(10);
  expect(shown).toEqual(last10);
  expect([...shown].sort()).toEqual([...cli.stdout, ...cli.stderr].map((l) => drawn[l] ?? l).sort());

  await page.getByRole('checkbox', { name: 'All lines' }).check();
  await expect(log).toHaveAttribute('data-total-lines', '102');
  // The colour is rendered, the escape is not shown; the progress line shows its final state only.
  const search = page.getByRole('searchbox', { name: 'Search logs' });
  await search.fill('red plain');
  await expect(log.locator('.ansi-fg-1')).toHaveText('red');
  await expect(log).not.toContainText('[31m');
  await search.fill('b done');
  await expect(log.locator('mark.current').locator('..')).toHaveText('b done');
  await expect(log).not.toContainText('10%');
  await search.fill('');
  await page.getByRole('checkbox', { name: 'Timestamps' }).check();
  await expect(log.locator('.log-ts').first()).toHaveText(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z $/);
  // Since a time after everything was written: nothing older shows.
  const since = page.getByRole('textbox', { name: 'Since' });
  await since.fill(new Date(Date.now() + 3_600_000).toISOString());
  await since.press('Enter');
  await expect(log).toHaveAttribute('data-total-lines', '0');
  await since.fill('1h');
  await since.press('Enter');
  await expect(log).toHaveAttribute('data-total-lines', '102');
  await since.fill('not a time');
  await since.press('Enter');
  await expect(since).toHaveAttribute('aria-invalid', 'true');

  if (SHOTS) {
    await since.fill('');
    await since.press('Enter');
    await page.getByRole('searchbox', { name: 'Search logs' }).fill('err-4');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: `${SHOTS}/logs-search-${scheme}.png` });
    }
    await page.getByRole('checkbox', { name: 'Timestamps' }).uncheck();
    await page.getByRole('searchbox', { name: 'Search logs' }).fill('b done');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: `${SHOTS}/logs-ansi-${scheme}.png` });
    }
  }
});

test('a TTY container is read raw: one stream, \\r\\n line ends, the mode from its Config.Tty', async ({ page }) => {
  const name = uniqueName('tty');
  await runContainer(name, "echo tty-out; echo tty-err >&2; printf 'step 1\\rstep 2\\n'; sleep 600", ['-t']);
  expect(await docker(['inspect', '-f', '{{.Config.Tty}}', name])).toBe('true');
  const log = await openLogs(page, name);
  await expect(log).toHaveAttribute('data-total-lines', '3');
  await expect(page.getByText('TTY: stdout and stderr arrive as one stream')).toBeVisible();
  const lines = await downloaded(page);
  expect(lines).toEqual(['tty-out', 'tty-err', 'step 2']);
  await expect(log.locator('[data-stream="stderr"]')).toHaveCount(0);
});
