// The Diagnostics screen as a concierge uses it: start a diagnostic, answer questions section
// by section, read the results.
import type { Locator, Page } from 'playwright-core';

export class DiagnosticsPage {
  constructor(readonly page: Page) {}

  heading(): Locator {
    return this.page.locator('main h1');
  }

  /**
   * Starts a diagnostic of a lieu: one the device already has (`known`) is picked among the matches, any other
   * is created. Told, not guessed from the screen: "Créer « … »" shows as soon as a word is typed,
   * before the search's matches arrive, so a lieu the device has could pass for a new one.
   */
  async start(
    lieu: string,
    grid: string,
    date: string,
    { known = false, beforeSubmit }: { known?: boolean; beforeSubmit?: () => Promise<void> } = {},
  ): Promise<void> {
    await this.page.getByRole('link', { name: 'Nouveau diagnostic' }).first().click();
    await this.page.getByRole('radio', { name: new RegExp(grid) }).check();
    if (known) {
      await this.page.getByLabel('Chercher : Lieu ou projet').fill(lieu.slice(0, 8));
      await this.page.getByTestId('picker-option').filter({ hasText: lieu }).click();
    } else {
      await this.page.getByLabel('Chercher : Lieu ou projet').fill(lieu);
      await this.page.getByRole('button', { name: `Créer « ${lieu} »` }).click();
      // Its own fields open, as from a visit: its name is the one typed, its commune left empty here.
      await this.page.getByRole('button', { name: 'Ajouter le lieu' }).click();
    }
    await this.page.getByTestId('picker-chip').filter({ hasText: lieu }).waitFor();
    await this.page.getByLabel('Date du diagnostic').fill(date);
    await beforeSubmit?.();
    await this.page.getByRole('button', { name: 'Commencer le diagnostic' }).click();
    await this.page.getByText('Section 1 sur').waitFor();
  }

  question(label: string): Locator {
    return this.page.locator('[data-question]').filter({ has: this.page.locator('legend', { hasText: label }) });
  }

  /** Ticks level `level` of a scale question ("3 — En place"). */
  async level(label: string, level: number): Promise<void> {
    await this.question(label)
      .getByRole('radio', { name: new RegExp(`^${level} —`) })
      .check();
    await this.waitSaved();
  }

  async choose(label: string, option: string): Promise<void> {
    await this.question(label).getByLabel(option, { exact: true }).check();
    await this.waitSaved();
  }

  async type(label: string, text: string): Promise<void> {
    const input = this.question(label).locator('input, textarea');
    await input.fill(text);
    await input.blur();
  }

  async unknown(label: string): Promise<void> {
    await this.question(label).getByRole('button', { name: 'Ne sait pas' }).click();
    await this.waitSaved();
  }

  async skip(label: string): Promise<void> {
    await this.question(label).getByRole('button', { name: 'Passer' }).click();
    await this.waitSaved();
  }

  async waitSaved(): Promise<void> {
    await this.page.getByTestId('save-status').filter({ hasText: 'Enregistré sur cet appareil' }).waitFor();
  }

  async nextSection(expectedTitle: string): Promise<void> {
    await this.page.getByRole('link', { name: 'Section suivante' }).click();
    await this.page.locator('main h1', { hasText: expectedTitle }).waitFor();
  }

  async results(): Promise<void> {
    await this.page.getByRole('link', { name: 'Voir les résultats' }).click();
    await this.page.getByRole('heading', { name: 'Résultats' }).waitFor();
  }

  /** The score cell of a section in the results table. */
  sectionScore(title: string): Locator {
    return this.page
      .locator('tbody tr')
      .filter({ has: this.page.getByRole('rowheader', { name: title }) })
      .locator('[data-score]');
  }

  /** How many of a section's questions its score counts, in the results table. */
  sectionCounted(title: string): Locator {
    return this.page
      .locator('tbody tr')
      .filter({ has: this.page.getByRole('rowheader', { name: title }) })
      .locator('[data-counted]');
  }

  /** The change of a section's score on the comparison page. */
  delta(title: string): Locator {
    return this.page
      .locator('tbody tr')
      .filter({ has: this.page.getByRole('rowheader', { name: title }) })
      .locator('[data-delta]');
  }

  overallScore(): Locator {
    return this.page.locator('[data-overall]');
  }

  /** Text as read, no-break spaces (« 75 % ») read as spaces. */
  async text(locator: Locator): Promise<string> {
    return ((await locator.textContent()) ?? '').replace(/\s/g, ' ');
  }

  reading(term: 'Points forts' | 'À accompagner'): Locator {
    return this.page
      .locator('#resultats dl > div')
      .filter({ has: this.page.locator('dt', { hasText: term }) })
      .locator('dd');
  }
}
