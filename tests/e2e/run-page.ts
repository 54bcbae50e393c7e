import { expect, type Locator, type Page } from '@playwright/test';

/** The Run form as a page object, found by roles and labels as a screen reader user would. */
export class RunForm {
  readonly dialog: Locator;
  constructor(private readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Run a container' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Run container' }).click();
    await expect(this.dialog).toBeVisible();
  }

  async basics(image: string, name: string, labels: string): Promise<void> {
    await this.dialog.getByLabel('Image', { exact: true }).fill(image);
    await this.dialog.getByLabel('Container name').fill(name);
    await this.dialog.getByLabel('Labels (key=value, one per line)').fill(labels);
  }

  /** Add a port row and fill it; `host` may be 'any'. */
  async port(row: number, host: number | string, container: number | string, protocol: 'TCP' | 'UDP' = 'TCP') {
    await this.dialog.getByRole('button', { name: 'Add port' }).click();
    if (host === 'any')
      await this.dialog.getByRole('checkbox', { name: `Any free host port ${row}`, exact: true }).check();
    else await this.dialog.getByLabel(`Host port ${row}`, { exact: true }).fill(String(host));
    await this.dialog.getByLabel(`Container port ${row}`, { exact: true }).fill(String(container));
    await this.dialog.getByLabel(`Protocol ${row}`, { exact: true }).selectOption(protocol.toLowerCase());
  }

  hostPortError(row: number): Locator {
    return this.dialog.locator(`p.field-error[data-field="ports.${row - 1}.hostPort"]`);
  }

  fieldError(field: string): Locator {
    return this.dialog.locator(`p.field-error[data-field="${field}"]`);
  }

  async command(text: string): Promise<void> {
    await this.dialog.getByLabel('Command override').fill(text);
  }

  commandLine(): Locator {
    return this.dialog.locator('output#run-command-line');
  }

  runButton(): Locator {
    return this.dialog.getByRole('button', { name: 'Run', exact: true });
  }

  async run(): Promise<void> {
    await expect(this.runButton()).toBeEnabled();
    await this.runButton().click();
    await expect(this.dialog).toHaveCount(0, { timeout: 20_000 });
  }
}
