import { expect, test } from '@playwright/test';
import WebSocket from 'ws';
import { startKapal } from '../../scripts/lib/kapal-process.js';
import { E2E_PORT, E2E_TOKEN } from './env.js';

const base = `http://127.0.0.1:${E2E_PORT}`;

test('without the right token every request is refused with 401', async ({ request }) => {
  for (const path of ['/', '/index.html', '/assets/whatever.js']) {
    expect((await request.get(`${base}${path}`)).status()).toBe(401);
    expect((await request.get(`${base}${path}?token=wrong-${E2E_TOKEN}`)).status()).toBe(401);
  }
  const okRes = await request.get(`${base}/?token=${encodeURIComponent(E2E_TOKEN)}`);
  expect(okRes.status()).toBe(200);
  expect(okRes.headers()['set-cookie']).toContain('HttpOnly');
});

test('a foreign Origin is refused, on HTTP and on the WebSocket', async ({ request, page }) => {
  const res = await request.get(`${base}/?token=${encodeURIComponent(E2E_TOKEN)}`, {
    headers: { Origin: 'http://evil.example' },
  });
  expect(res.status()).toBe(403);

  // From the page's own origin, a WebSocket with a wrong token is refused; the right one opens.
  await page.goto(`${base}/?token=${encodeURIComponent(E2E_TOKEN)}`);
  const outcome = await page.evaluate(async (port) => {
    const tryWs = (url: string) =>
      new Promise<string>((resolve) => {
        const ws = new WebSocket(url);
        ws.onopen = () => {
          ws.close();
          resolve('open');
        };
        ws.onerror = () => resolve('refused');
      });
    return {
      // The page's HttpOnly cookie is sent along; a wrong ?token= must still win and be refused.
      wrong: await tryWs(`ws://127.0.0.1:${port}/ws?token=wrong`),
      right: await tryWs(`ws://127.0.0.1:${port}/ws`),
    };
  }, E2E_PORT);
  expect(outcome).toEqual({ wrong: 'refused', right: 'open' });
});

/** Open a WebSocket from Node with chosen headers; resolve with 'open' or the HTTP status it was refused with. */
function wsFromNode(url: string, headers: Record<string, string>): Promise<string> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.on('open', () => {
      ws.close();
      resolve('open');
    });
    ws.on('unexpected-response', (_req, res) => resolve(String(res.statusCode)));
    ws.on('error', () => resolve('error'));
  });
}

test('the WebSocket refuses a foreign Origin even with the right token, and no token at all', async () => {
  const wsUrl = `ws://127.0.0.1:${E2E_PORT}/ws?token=${encodeURIComponent(E2E_TOKEN)}`;
  expect(await wsFromNode(wsUrl, { Origin: 'http://evil.example' })).toBe('403');
  expect(await wsFromNode(`ws://127.0.0.1:${E2E_PORT}/ws`, { Origin: `http://127.0.0.1:${E2E_PORT}` })).toBe('401');
  expect(await wsFromNode(wsUrl, { Origin: `http://127.0.0.1:${E2E_PORT}` })).toBe('open');
});

test('a page whose token died with a server restart says so, instead of reconnecting for ever', async ({ page }) => {
  const first = await startKapal({ token: 'first-token', stderr: 'ignore' });
  let second: Awaited<ReturnType<typeof startKapal>> | undefined;
  try {
    await page.goto(first.url);
    await expect(page.getByRole('status', { name: 'Engine status' })).toContainText('Connected to Docker Engine');
    first.stop();
    await new Promise((r) => first.proc.once('exit', r));
    await expect(page.getByRole('alert', { name: 'Engine status' })).toContainText('Reconnecting to the Kapal server');
    // The list stays on screen but cannot be acted on while it may be stale.
    await expect(page.getByRole('main')).toHaveAttribute('inert', '');
    second = await startKapal({ token: 'second-token', port: first.port, stderr: 'ignore' });
    await expect(page.getByRole('alert', { name: 'Engine status' })).toContainText(
      'This page’s token is no longer valid',
      {
        timeout: 10_000,
      },
    );
  } finally {
    first.stop();
    second?.stop();
  }
});
