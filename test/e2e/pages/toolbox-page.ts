// The valise as a user sees it: shelves, search, an item, a packing list.
import type { Locator, Page } from 'playwright-core';

export class ToolboxPage {
  constructor(readonly page: Page) {}

  /** An item card on the home page of the valise. */
  card(title: string): Locator {
    return this.page.locator('.item-card', { has: this.page.getByText(title, { exact: true }) });
  }

  /** A shelf of the valise ("Fiches méthode"): a section named by its heading. */
  shelf(name: string): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }

  async openItem(title: string): Promise<void> {
    await this.page.locator('.item-card__link', { hasText: title }).first().click();
    await this.page.locator('main h1', { hasText: title }).waitFor();
  }

  async openList(title: string): Promise<void> {
    await this.page.locator('.packing-card__link', { hasText: title }).first().click();
    await this.page.locator('main h1', { hasText: title }).waitFor();
  }

  async search(text: string): Promise<void> {
    await this.page.getByLabel('Chercher dans la valise').fill(text);
  }

  line(title: string): Locator {
    return this.page.locator('.packing-line', { hasText: title }).getByRole('checkbox');
  }

  progress(): Promise<string | null> {
    return this.page.getByTestId('packing-progress').textContent();
  }

  lineTitles(): Promise<string[]> {
    return this.page.locator('.packing-line__title').allTextContents();
  }

  back(): Promise<void> {
    return this.page.getByRole('link', { name: '← Retour à la valise' }).click();
  }
}
