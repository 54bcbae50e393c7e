/**
 * Launches the real app with Playwright's `_electron`, where an Electron binary exists (it cannot be
 * downloaded on every machine: ELECTRON_SKIP_BINARY_DOWNLOAD). Elsewhere it is skipped, and says why.
 * Needs the build first: `npm run build`.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callNames, streamNames } from '../../shared/contract/index.js';

const root = path.resolve(import.meta.dirname, '../..');

/** The path the 'electron' package points at, when its binary was actually installed. */
function electronBinary(): string | undefined {
  try {
    // Node's own require, not vitest's: the 'electron' package exports the binary's path.
    const binary: unknown = createRequire(import.meta.url)('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

const binary = electronBinary();
const skipReason = !binary
  ? 'no Electron binary installed (node_modules/electron has no dist; installed with ELECTRON_SKIP_BINARY_DOWNLOAD)'
  : !existsSync(path.join(root, 'dist-electron', 'main.js')) ||
      !existsSync(path.join(root, 'dist', 'renderer', 'index.html'))
    ? 'the app is not built (run npm run build first)'
    : process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY
      ? 'no display (run under xvfb-run on Linux)'
      : undefined;

if (skipReason) console.info(`Electron launch test skipped: ${skipReason}.`);

describe.skipIf(skipReason !== undefined)(`Electron launch${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  it('opens the window on the app origin with only the contract facade exposed', { timeout: 60_000 }, async () => {
    const { _electron } = await import('@playwright/test');
    const app = await _electron.launch({ executablePath: binary, args: [root], cwd: root });
    try {
      const page = await app.firstWindow();
      await page.waitForLoadState('domcontentloaded');
      expect(page.url()).toBe('app://kapal/index.html');

      const exposed = await page.evaluate(() => {
        const g = globalThis as unknown as Record<string, unknown>;
        return {
          keys: Object.keys((g.kapal ?? {}) as object).sort(),
          require: typeof g.require,
          process: typeof g.process,
        };
      });
      expect(exposed.keys).toEqual([...callNames, ...streamNames].sort());
      expect(exposed.require).toBe('undefined');
      expect(exposed.process).toBe('undefined');

      // A real round trip through preload, IPC sender check and dispatch: always an envelope.
      const result = await page.evaluate(async () => {
        const kapal = (globalThis as unknown as { kapal: Record<string, (a: unknown) => Promise<unknown>> }).kapal;
        return kapal['containers:start']?.({ id: 'bad id!' });
      });
      expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'INVALID_INPUT' }) });

      // The navigation guard holds in the real thing: a foreign URL leaves the page where it was.
      await page.evaluate(() => {
        globalThis.location.href = 'https://example.com/';
      });
      await page.waitForTimeout(500);
      expect(page.url()).toBe('app://kapal/index.html');
    } finally {
      await app.close();
    }
  });
});
