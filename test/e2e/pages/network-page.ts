// Réglages → Réseau: joining, the sync status, administration, leaving; and the shell's indicator.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { readStores } from '../drivers/stores';

/**
 * In the page: notes whether the sync state Réglages shows goes through 'syncing' from now on.
 * Watched rather than polled: a short run could end between two looks.
 */
function watchForRun(): void {
  const watch = { sawSyncing: false };
  (window as unknown as { valiseRunWatch: typeof watch }).valiseRunWatch = watch;
  new MutationObserver(() => {
    const state = document.querySelector('#reseau [data-sync-state]')?.getAttribute('data-sync-state');
    if (state === 'syncing') watch.sawSyncing = true;
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-sync-state'] });
}

export class NetworkPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  /** Opens an invitation link, as a person tapping it in a message would. */
  async openInvitation(code: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/#/rejoindre?code=${encodeURIComponent(code)}`);
    await this.section().waitFor();
  }

  section(): Locator {
    return this.page.locator('#reseau');
  }

  async join(memberName: string, deviceName: string): Promise<void> {
    await this.section().getByLabel('Votre nom', { exact: true }).fill(memberName);
    await this.section().getByLabel('Nom de cet appareil').fill(deviceName);
    await this.section().getByRole('button', { name: 'Rejoindre le réseau' }).click();
  }

  /** The sync state as Réglages shows it (offline, idle, syncing, error). */
  state(): Promise<string | null> {
    return this.section().locator('[data-sync-state]').getAttribute('data-sync-state');
  }

  /** When the last sync ended (empty before the first): tells a new sync from an old one. */
  lastSync(): Promise<string | null> {
    return this.section().locator('[data-sync-state]').getAttribute('data-last-sync');
  }

  async statusText(): Promise<string> {
    return (await this.section().locator('[data-sync-state]').textContent()) ?? '';
  }

  /** The indicator in the shell (top bar on a phone, side column on a desktop). */
  indicator(): Locator {
    return this.page.locator('[data-testid="sync-indicator"]:visible');
  }

  /**
   * Waits until a first sync has ended idle, and returns the indicator's words drawn with that
   * state, read in one look: the run may go once more at once (a write's timer that fired during
   * a long first run asks for another pass), and a second look would find 'Synchro…' in place of
   * how the first run ended.
   */
  async indicatorOnceIdle(): Promise<string> {
    const look = () =>
      this.page.evaluate(() => {
        const fact = document.querySelector('#reseau [data-sync-state]');
        const indicator = [...document.querySelectorAll('[data-testid="sync-indicator"]')].find(
          (element) => element.getClientRects().length > 0,
        );
        const idle = fact?.getAttribute('data-sync-state') === 'idle' && Boolean(fact.getAttribute('data-last-sync'));
        return idle ? (indicator?.textContent ?? '') : null;
      });
    const shown = { words: null as string | null };
    await expect
      .poll(async () => {
        shown.words = await look();
        return shown.words !== null;
      })
      .toBe(true);
    return shown.words ?? '';
  }

  /** Whether the indicator's words are drawn whole, not cut to an ellipsis ("Hor…"). */
  indicatorLabelWhole(): Promise<boolean> {
    return this.indicator()
      .locator('span')
      .first()
      .evaluate((label) => label.scrollWidth <= label.clientWidth);
  }

  /** What waits in the outbox to be sent: each entry's record type and how many records. */
  async outbox(): Promise<{ type: string; records: number }[]> {
    const [entries] = await this.page.evaluate(readStores, { stores: ['outbox'] });
    return (entries as { type: string; recordIds: string[] }[]).map((entry) => ({
      type: entry.type,
      records: entry.recordIds.length,
    }));
  }

  syncNow(): Promise<void> {
    return this.page.getByRole('button', { name: 'Synchroniser' }).click();
  }

  /**
   * "Synchroniser", then waits for the run it started to end, and says how it ended. The state
   * before the click may be the one the run ends in ('error' again, for a server that refuses
   * this app), so the run is seen going through 'syncing' (watched from before the click:
   * polling could miss a short run) and coming out of it.
   */
  async syncNowUntilEnded(): Promise<string | null> {
    const button = this.page.getByRole('button', { name: 'Synchroniser' });
    await expect.poll(() => button.isEnabled()).toBe(true);
    await this.page.evaluate(watchForRun);
    await button.click();
    return this.runEnded();
  }

  /**
   * Opens Réglages (the device joined), then waits for the sync the app starts by itself on
   * opening to end, and says how it ended. Its 'idle' alone does not tell: the device's last
   * outcome is shown before that run starts.
   */
  async openUntilFirstRunEnded(): Promise<string | null> {
    await this.page.addInitScript(watchForRun);
    await this.page.goto(`${this.baseUrl}/#/reglages`);
    return this.runEnded();
  }

  /** Waits until the run watched since watchForRun went through 'syncing' and came out of it. */
  private async runEnded(): Promise<string | null> {
    const sawSyncing = () =>
      this.page.evaluate(
        () => (window as unknown as { valiseRunWatch: { sawSyncing: boolean } }).valiseRunWatch.sawSyncing,
      );
    await expect.poll(async () => (await sawSyncing()) && (await this.state()) !== 'syncing').toBe(true);
    return this.state();
  }

  /**
   * "Synchroniser", then waits for a sync that ended after the click. "Idle" alone does not
   * tell it (the click reaches the engine a task later), nor does a last sync read before the
   * button shows (empty until the engine has read the device's) or while a run is under way
   * (its end would pass for the click's, while the disabled button took no click).
   */
  async syncUntilIdle(): Promise<void> {
    const button = this.page.getByRole('button', { name: 'Synchroniser' });
    await expect.poll(() => button.isEnabled()).toBe(true);
    const before = await this.lastSync();
    await button.click();
    await expect.poll(async () => (await this.state()) === 'idle' && (await this.lastSync()) !== before).toBe(true);
  }

  /** Réglages → Administration: an invitation code, for a concierge unless told "admin". */
  async createInvitation(role: 'concierge' | 'admin' = 'concierge'): Promise<string> {
    await this.page.getByLabel('Rôle de la personne invitée').selectOption(role);
    await this.page.getByRole('button', { name: 'Créer une invitation' }).click();
    return ((await this.page.getByTestId('invitation-code').textContent()) ?? '').trim();
  }

  /** Réglages → Administration → "Afficher les invitations en attente": one item per invitation. */
  async pendingInvitations(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Afficher les invitations en attente' }).click();
    const list = this.page.getByTestId('open-invitations').or(this.page.getByText('Aucune invitation en attente'));
    await list.first().waitFor();
    return this.page.getByTestId('open-invitations').getByRole('listitem');
  }

  async revokeDevice(name: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Afficher les appareils' }).click();
    this.page.once('dialog', (dialog) => void dialog.accept());
    await this.page
      .getByTestId('devices')
      .locator('li', { hasText: name })
      .getByRole('button', { name: 'Retirer cet appareil' })
      .click();
    await this.page.getByTestId('devices').locator('li', { hasText: name }).getByText('retiré').waitFor();
  }
}
