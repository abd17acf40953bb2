// Rapports: the period, the figures, the exports.
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';

export class ReportsPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/#/rapports`);
    await this.page.getByTestId('figure-visits').waitFor({ state: 'visible' });
  }

  async chooseYear(year: number): Promise<void> {
    await this.page.getByLabel('Période', { exact: true }).selectOption('year');
    await this.page.getByLabel('Année', { exact: true }).selectOption(String(year));
  }

  async chooseTerritory(territory: string): Promise<void> {
    await this.openMoreFilters();
    await this.page.getByLabel('Territoire', { exact: true }).selectOption(territory);
  }

  /** The territory, service and author, folded on a phone under a line that says what they keep. */
  moreFilters(): Locator {
    return this.page.locator('#filtres details');
  }

  async openMoreFilters(): Promise<void> {
    if (!(await this.moreFilters().evaluate((details) => (details as HTMLDetailsElement).open)))
      await this.moreFilters().locator('summary').click();
  }

  figure(testId: 'visits' | 'lieux' | 'events' | 'follow-ups'): Locator {
    return this.page.getByTestId(`figure-${testId}`).locator('dd');
  }

  serviceTable(): Locator {
    return this.page.getByTestId('table-services');
  }

  /** Clicks an export button and returns the downloaded file's name and bytes. */
  async download(button: string): Promise<{ name: string; bytes: Buffer }> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: button, exact: true }).click();
    const file = await download;
    return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
  }
}
