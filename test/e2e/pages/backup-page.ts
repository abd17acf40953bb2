// Réglages → Sauvegarde: save a backup file, restore one.
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { readStores } from '../drivers/stores';

export class BackupPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/#/reglages`);
    // The file input is enabled once the device's database is open.
    await this.section().locator('input[type="file"]:enabled').waitFor({ state: 'attached' });
  }

  section(): Locator {
    return this.page.locator('#sauvegarde');
  }

  /** How many valise items and packing lists the device holds (its starter valise once seeded). */
  async valiseRecords(): Promise<number> {
    const counts = await this.page.evaluate(readStores, { stores: ['toolboxItems', 'packingLists'], count: true });
    return (counts as number[]).reduce((sum, count) => sum + count, 0);
  }

  lastBackup(): Locator {
    return this.page.getByTestId('last-backup');
  }

  /** Saves a backup and returns the downloaded file's name and text. */
  async save(): Promise<{ name: string; text: string }> {
    const download = this.page.waitForEvent('download');
    await this.section().getByRole('button', { name: 'Enregistrer une sauvegarde' }).click();
    const file = await download;
    const path = await file.path();
    return { name: file.suggestedFilename(), text: readFileSync(path, 'utf8') };
  }

  /** Picks a file; the summary (or a refusal) follows. */
  async pick(name: string, text: string): Promise<void> {
    await this.section()
      .getByLabel('Fichier de sauvegarde (.json)')
      .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text, 'utf8') });
  }

  summary(): Locator {
    return this.page.getByTestId('backup-summary');
  }

  /** Picks a file and merges it; resolves with the result sentence. */
  async restore(name: string, text: string): Promise<string> {
    await this.pick(name, text);
    await this.summary().getByRole('button', { name: 'Fusionner avec cet appareil' }).click();
    const result = this.page.getByTestId('restore-result');
    await result.waitFor({ state: 'visible', timeout: 30_000 });
    return (await result.textContent()) ?? '';
  }

  error(): Locator {
    return this.section().getByRole('alert');
  }
}
