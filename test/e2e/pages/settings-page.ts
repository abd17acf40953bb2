// Réglages: language, author name, storage, version.
import type { Locator, Page } from 'playwright-core';

export class SettingsPage {
  constructor(readonly page: Page) {}

  authorNameInput(): Locator {
    return this.page.locator('input[name="authorName"]');
  }

  /** Types a name and saves it; resolves once the screen confirms. */
  async saveAuthorName(name: string): Promise<void> {
    await this.authorNameInput().fill(name);
    await this.page.locator('#nom button[type="submit"]').click();
    await this.page.locator('#nom [aria-live="polite"] p').waitFor({ state: 'visible' });
  }

  /** Types without saving: the input is then "unsaved". */
  async typeAuthorName(name: string): Promise<void> {
    await this.authorNameInput().fill(name);
  }

  async chooseLanguage(name: 'Français' | 'English'): Promise<void> {
    await this.page.getByRole('radio', { name }).check();
  }

  version(): Locator {
    return this.page.getByTestId('app-version');
  }

  storagePersistent(): Locator {
    return this.page.getByTestId('storage-persistent');
  }

  storageUsage(): Locator {
    return this.page.getByTestId('storage-usage');
  }
}
