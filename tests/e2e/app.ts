import { expect, type Page } from '@playwright/test';
import { E2E_TOKEN } from './env.js';

/** Open Kapal in browser mode and wait until the engine status says connected. */
export async function openKapal(page: Page, base = ''): Promise<void> {
  await page.goto(`${base}/?token=${encodeURIComponent(E2E_TOKEN)}`);
  await expect(page.getByRole('status', { name: 'Engine status' })).toContainText('Connected to Docker Engine');
}

/** The containers table row whose name cell is exactly `name`. */
export function containerRow(page: Page, name: string) {
  return page
    .getByRole('table', { name: 'Containers' })
    .getByRole('row')
    .filter({
      has: page.getByRole('rowheader', { name, exact: true }),
    });
}
