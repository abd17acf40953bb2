// The territory as a concierge meets it: a lieu's form with the communes known offline.
import type { Locator, Page } from 'playwright-core';

export class TerritoryPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  main(): Locator {
    return this.page.locator('main');
  }

  async openNewLieu(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/#/contacts/lieu/nouveau`);
    await this.main().getByRole('textbox', { name: 'Nom du lieu' }).waitFor();
  }

  /** A text box by its label, "(facultatif)" or not: the postcode and the commune are comboboxes. */
  field(label: string): Locator {
    const name = new RegExp(`^${label}( \\(facultatif\\))?$`);
    return this.main().getByRole('textbox', { name }).or(this.main().getByRole('combobox', { name }));
  }

  communeSuggestions(): Locator {
    return this.main().getByRole('listbox', { name: 'Communes correspondantes' });
  }

  /** A suggested commune, by its name. */
  suggestion(name: string): Locator {
    return this.communeSuggestions().getByRole('option', { name: new RegExp(`^${name}\\b`) });
  }

  async save(): Promise<void> {
    await this.main().getByRole('button', { name: 'Enregistrer' }).click();
  }
}
