// The visit screens as a concierge uses them: the list, quick capture, a visit's page, "À faire".
// Every tap and every typed field goes through `tap`/`type`, which count them, so a test can
// hold quick capture to its interaction budget.
import type { Locator, Page } from 'playwright-core';
import { draftsHold, readStores } from '../drivers/stores';

export class VisitsPage {
  interactions = 0;

  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async tap(target: Locator): Promise<void> {
    this.interactions += 1;
    await target.click();
  }

  /** Typing into a field is one interaction (the tap that focuses it is part of it). */
  async type(target: Locator, text: string): Promise<void> {
    this.interactions += 1;
    await target.fill(text);
  }

  main(): Locator {
    return this.page.locator('main');
  }

  heading(): Locator {
    return this.page.locator('main h1');
  }

  newVisitButton(): Locator {
    return this.main().getByRole('link', { name: 'Nouvelle visite' }).filter({ visible: true }).first();
  }

  /** "Nouvelle visite" from any screen (outside the screen's own content). */
  quickCapture(): Locator {
    return this.page.locator('[data-testid="quick-capture"]:visible');
  }

  placePicker(): Locator {
    return this.main().getByRole('group', { name: 'Lieu' });
  }

  placeSearch(): Locator {
    return this.main().getByRole('searchbox', { name: 'Chercher : Lieu' });
  }

  peopleSearch(): Locator {
    return this.main().getByRole('searchbox', { name: 'Chercher : Personnes rencontrées' });
  }

  option(name: string | RegExp): Locator {
    return this.main().getByRole('button', { name });
  }

  /**
   * From now on, every order in which the screen shows the services' checkboxes (their labels
   * joined by "|"), as the page draws them: read back with the returned function.
   */
  async watchServiceOrder(): Promise<() => Promise<string[]>> {
    await this.page.evaluate(() => {
      const seen: string[] = [];
      Object.assign(window, { valiseServiceOrders: seen });
      new MutationObserver(() => {
        const order = [...document.querySelectorAll('main input[type="checkbox"]')]
          .map((box) => box.closest('label')?.textContent?.trim() ?? '')
          .join('|');
        if (order !== '' && seen.at(-1) !== order) seen.push(order);
      }).observe(document.body, { childList: true, subtree: true });
    });
    return () => this.page.evaluate(() => (window as unknown as { valiseServiceOrders: string[] }).valiseServiceOrders);
  }

  service(label: string): Locator {
    return this.main().getByRole('checkbox', { name: label });
  }

  notes(): Locator {
    return this.main().getByRole('textbox', { name: 'Notes' });
  }

  save(): Locator {
    return this.main().getByRole('button', { name: 'Enregistrer la visite' });
  }

  listSearch(): Locator {
    return this.main().getByRole('searchbox', { name: 'Rechercher une visite' });
  }

  visitItems(): Locator {
    return this.main().locator('[data-testid="visit-item"]');
  }

  /** "Brouillons (n)" on the visit list, when drafts wait. */
  draftsLink(): Locator {
    return this.main().getByRole('link', { name: /^Brouillons \(\d+\)$/ });
  }

  /** Whether what was typed last is in a visit draft (IndexedDB), as a killed tab would find it. */
  async draftHolds(text: string): Promise<boolean> {
    const [drafts] = await this.page.evaluate(readStores, { stores: ['drafts'] });
    return draftsHold(drafts as unknown[], text, 'visit');
  }
}
