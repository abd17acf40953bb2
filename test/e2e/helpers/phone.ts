// One phone of a network, driven through the app's own screens (every release's: the N−1
// suite drives the previous release with it too), and two phones joining one network.
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { NetworkPage } from '../pages/network-page';
import { TerritoryPage } from '../pages/territory-page';

export class Phone {
  readonly network: NetworkPage;
  readonly territory: TerritoryPage;

  constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    readonly baseUrl: string,
  ) {
    this.network = new NetworkPage(page, baseUrl);
    this.territory = new TerritoryPage(page, baseUrl);
  }

  main(): Locator {
    return this.page.locator('main');
  }

  go(hash: string): Promise<void> {
    return showHash(this.page, hash);
  }

  offline(offline: boolean): Promise<void> {
    return this.context.setOffline(offline);
  }

  /** Réglages → "Synchroniser", then waits for "à jour". */
  async sync(): Promise<void> {
    await this.go('#/reglages');
    await this.network.syncUntilIdle();
  }

  /** Logs a visit by quick capture; returns its id. */
  async logVisit(notes: string): Promise<string> {
    await this.go('#/visites/nouvelle');
    await this.main().getByRole('checkbox', { name: 'Détecter' }).check();
    await this.main().getByRole('textbox', { name: 'Notes' }).fill(notes);
    await this.main().getByRole('button', { name: 'Enregistrer la visite' }).click();
    await this.page.waitForURL(/#\/visites\/[0-9a-f-]{36}/);
    return this.page.url().match(/#\/visites\/([0-9a-f-]{36})/)?.[1] ?? '';
  }

  async editVisit(id: string, field: 'Objet' | 'Notes', value: string): Promise<void> {
    await this.go(`#/visites/${id}/modifier`);
    await this.main().getByRole('textbox', { name: field }).fill(value);
    await this.main().getByRole('button', { name: 'Enregistrer la visite' }).click();
    await this.page.waitForURL(new RegExp(`#/visites/${id}(\\?|$)`));
  }

  /** What a screen shows, as text. */
  async text(hash: string): Promise<string> {
    await this.go(hash);
    return (await this.main().textContent()) ?? '';
  }

  visitText(id: string): Promise<string> {
    return this.text(`#/visites/${id}`);
  }
}

/**
 * Opens a screen by its address and waits for its heading. The router takes a new hash on
 * `hashchange`, a task after the hash is set: that is waited for first, or the heading found
 * could be the previous screen's, and its text read as the new one's.
 */
export async function showHash(page: Page, hash: string): Promise<void> {
  await page.evaluate(
    (target) =>
      new Promise<void>((resolve) => {
        if (location.hash === target) {
          resolve();
          return;
        }
        window.addEventListener('hashchange', () => resolve(), { once: true });
        location.hash = target;
      }),
    hash,
  );
  await page.locator('main h1').waitFor();
}

/**
 * The admin's phone joins with the server's first invitation code (printed at its start), the
 * other with an invitation the admin creates; both end up to date.
 */
export async function joinTwo(serverOutput: string, admin: Phone, concierge: Phone): Promise<void> {
  const code = serverOutput.match(/code: ([A-Z0-9-]+)/)?.[1] ?? '';
  await admin.network.openInvitation(code);
  await admin.network.join('Camille Martin', 'Téléphone de Camille');
  await expect.poll(() => admin.network.state()).toBe('idle');
  const invitation = await admin.network.createInvitation();
  await concierge.network.openInvitation(invitation);
  await concierge.network.join('Hugo Le Goff', 'Téléphone de Hugo');
  await expect.poll(() => concierge.network.state()).toBe('idle');
}
