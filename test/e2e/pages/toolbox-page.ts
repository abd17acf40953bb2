// The valise as a user sees it: shelves, search, an item, a packing list.
import type { Locator, Page } from 'playwright-core';

export class ToolboxPage {
  constructor(readonly page: Page) {}

  /** An item card on the home page of the valise. */
  card(title: string): Locator {
    return this.page.getByTestId('item-card').filter({ has: this.page.getByText(title, { exact: true }) });
  }

  /** A shelf of the valise ("Fiches méthode"): a section named by its heading. */
  shelf(name: string): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }

  async openItem(title: string): Promise<void> {
    await this.page.getByTestId('item-card').getByRole('link', { name: title }).first().click();
    await this.page.locator('main h1', { hasText: title }).waitFor();
  }

  async openList(title: string): Promise<void> {
    await this.page.getByTestId('packing-card').getByRole('link', { name: title }).first().click();
    await this.page.locator('main h1', { hasText: title }).waitFor();
  }

  async search(text: string): Promise<void> {
    await this.page.getByLabel('Chercher dans la valise').fill(text);
  }

  line(title: string): Locator {
    return this.page.getByTestId('packing-line').filter({ hasText: title }).getByRole('checkbox');
  }

  progress(): Promise<string | null> {
    return this.page.getByTestId('packing-progress').textContent();
  }

  lineTitles(): Promise<string[]> {
    return this.page.getByTestId('packing-line-title').allTextContents();
  }

  back(): Promise<void> {
    return this.page.getByRole('link', { name: '← Retour à la valise' }).click();
  }
}
