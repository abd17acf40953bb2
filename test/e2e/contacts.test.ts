// Contacts & lieux on a phone with no network: the list and its search, a person's page,
// creating and editing a person and a lieu, errors beside their field, and a person form's
// draft given back after the tab is reloaded.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { draftsHold, readStores } from './drivers/stores';
import { describeViolations, runAxe } from './helpers/axe';
import { PHONE } from './helpers/browser';
import { offlinePhones } from './helpers/offline-phone';
import { screenshotAtSizes } from './helpers/screenshots';

const offlinePhone = offlinePhones();

async function expectNoViolations(page: Page, where: string): Promise<void> {
  await page.setViewportSize(PHONE);
  const violations = await runAxe(page);
  expect(violations, `${where}:\n${describeViolations(violations)}`).toEqual([]);
}

describe('contacts and lieux offline on a phone', () => {
  test('a lieu and a person created and edited offline, a person’s draft given back after a reload, found by the search', async () => {
    const { page, shell } = await offlinePhone();
    const main = page.locator('main');
    await shell.goTo('contacts');
    await expect.poll(() => main.textContent()).toContain('Aucune personne pour l’instant');

    // A lieu: a wrong postcode is refused beside its field, nothing typed is lost.
    await main.getByRole('link', { name: 'Lieux', exact: true }).click();
    await main.getByRole('link', { name: 'Nouveau lieu' }).click();
    await main.getByRole('textbox', { name: 'Nom du lieu' }).fill('La Forge');
    await main.getByRole('combobox', { name: /Commune/ }).fill('Redon');
    await main.getByRole('combobox', { name: /Code postal/ }).fill('3560');
    await main.getByRole('button', { name: 'Enregistrer' }).click();
    const postcode = main.getByRole('combobox', { name: /Code postal/ });
    await expect.poll(() => postcode.getAttribute('aria-invalid')).toBe('true');
    expect(await main.textContent()).toContain('Le code postal compte 5 chiffres.');
    expect(await main.getByRole('textbox', { name: 'Nom du lieu' }).inputValue()).toBe('La Forge');
    await screenshotAtSizes(page, 'lieu-form-error');
    await expectNoViolations(page, 'the lieu form with an error');
    await postcode.fill('35600');
    await main.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => main.textContent()).toContain('Fiche enregistrée sur cet appareil.');
    expect(await shell.heading().textContent()).toBe('La Forge');

    // Edited: the notes are kept.
    await main.getByRole('link', { name: 'Modifier' }).click();
    await main.getByRole('textbox', { name: /Notes/ }).fill('Atelier bois ouvert le jeudi.');
    await main.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => main.textContent()).toContain('Atelier bois ouvert le jeudi.');

    // A person, half typed, then the tab reloads: the form opens on its draft.
    await shell.goTo('contacts');
    await main.getByRole('link', { name: 'Nouvelle personne' }).click();
    await main.getByRole('textbox', { name: 'Nom', exact: true }).fill('Hélène Durand');
    await main.getByRole('textbox', { name: /Rôle/ }).fill('Maire adjointe');
    await main.getByRole('searchbox', { name: 'Chercher : Lieux / structures' }).fill('forge');
    await main.getByRole('button', { name: /La Forge/ }).click();
    await page.waitForURL(/#\/contacts\/personne\/nouveau\?brouillon=person-new-/);
    await expect.poll(() => draftHolds(page, 'Maire adjointe')).toBe(true);
    await shell.reload();
    await expect.poll(() => main.getByRole('textbox', { name: /Rôle/ }).inputValue()).toBe('Maire adjointe');
    expect(await main.getByRole('textbox', { name: 'Nom', exact: true }).inputValue()).toBe('Hélène Durand');
    // The chosen lieu's name is read after the form shows ("…" until then).
    await expect
      .poll(() => main.getByRole('group', { name: 'Lieux / structures' }).textContent())
      .toContain('La Forge');
    expect(await main.textContent()).toContain('Brouillon repris');
    await screenshotAtSizes(page, 'person-form-restored');
    await expectNoViolations(page, 'the person form given back');
    await main.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => main.textContent()).toContain('Fiche enregistrée sur cet appareil.');
    expect(await shell.heading().textContent()).toBe('Hélène Durand');
    expect(await main.textContent()).toContain('Maire adjointe');
    expect(await main.textContent()).toContain('La Forge');
    await screenshotAtSizes(page, 'person-page');
    await expectNoViolations(page, 'the person page');

    // Edited with a wrong e-mail: refused beside the field, then saved once fixed.
    await main.getByRole('link', { name: 'Modifier' }).click();
    const email = main.getByRole('textbox', { name: /E-mail/ });
    await email.fill('helene-at-mairie');
    await main.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
    expect(await main.textContent()).toContain('Adresse e-mail non valide');
    await email.fill('helene@mairie-redon.fr');
    await main.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => main.textContent()).toContain('helene@mairie-redon.fr');

    // The list and its search, accents ignored; no draft is left behind.
    await shell.goTo('contacts');
    const items = page.locator('[data-testid="record-item"]');
    await expect.poll(() => items.count()).toBe(1);
    const search = main.getByRole('searchbox', { name: 'Rechercher une personne' });
    await search.fill('helene');
    await expect.poll(() => items.count()).toBe(1);
    await search.fill('introuvable');
    await expect.poll(() => main.textContent()).toContain('Aucun résultat');
    await search.fill('');
    await expect.poll(() => items.count()).toBe(1);
    await screenshotAtSizes(page, 'contacts-people');
    await expectNoViolations(page, 'the list of people');
    expect(await draftHolds(page, 'Hélène')).toBe(false);
  });

  test('a list of 8,000 people from French Excel shows how far its reading and writing are, and imports them all', async () => {
    const { page, shell } = await offlinePhone();
    await shell.goTo('contacts');
    await page.getByText('Importer ou exporter').click();
    // Every text the progress line shows, kept as the page writes it (a poll would miss most).
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="contact-import-progress"]')?.textContent;
        if (text && seen.at(-1) !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    // Prénom and Nom in two columns, a phone Excel took for a number, a line whose columns shifted.
    const rows = Array.from({ length: 8000 }, (_, index) => `Ana;Diaz ${index};6${String(index).padStart(8, '0')}`);
    rows[4000] = 'Ben;Roy; bureau;0299000000';
    await page.getByLabel('Importer des contacts (CSV ou vCard)').setInputFiles({
      name: 'contacts.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`Prénom;Nom;Téléphone\r\n${rows.join('\r\n')}\r\n`, 'utf8'),
    });
    const report = page.getByTestId('import-report');
    // Waits for the report, then reads it: a wrong sentence fails with its text, not the test's timeout.
    await expect.poll(() => report.textContent(), { timeout: 90_000 }).toMatch(/ajoutée/);
    expect(await report.textContent()).toContain(
      '7\u202f999 personnes ajoutées, 0 fusionnée avec une fiche existante (même e-mail ou téléphone), 1 ligne refusée.',
    );
    expect(await report.textContent()).toContain('Ligne 4002\u00a0: 4 cases remplies pour 3 colonnes');
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    expect(seen.some((text) => /^Lecture du fichier… \d+\u00a0%$/.test(text))).toBe(true);
    expect(seen).toContain('Écriture des contacts… 1\u202f000 sur 7\u202f999');
    await page.getByRole('searchbox', { name: 'Rechercher une personne' }).fill('diaz 4001');
    await expect
      .poll(() => page.locator('[data-testid="record-item"]').allTextContents())
      .toEqual([expect.stringContaining('Ana Diaz 4001')]);
  });

  test('a contacts file still being read can be cancelled: nothing of it is written', async () => {
    const { page, shell } = await offlinePhone();
    await shell.goTo('contacts');
    await page.getByText('Importer ou exporter').click();
    // The first file's bytes arrive only when the test says: until then it is being read.
    await page.evaluate(() => {
      const read = Blob.prototype.arrayBuffer;
      const held = new Promise<void>((resolve) => {
        (window as unknown as { releaseRead: () => void }).releaseRead = resolve;
      });
      let first = true;
      Blob.prototype.arrayBuffer = function (this: Blob) {
        const wait = first ? held : Promise.resolve();
        first = false;
        return wait.then(() => read.call(this));
      };
    });
    const input = page.getByLabel('Importer des contacts (CSV ou vCard)');
    await input.setInputFiles({ name: 'gros.csv', mimeType: 'text/csv', buffer: Buffer.from('nom\nAnne\nBob\n') });
    const cancel = page.getByRole('button', { name: 'Annuler' });
    await cancel.waitFor();
    expect(await page.getByTestId('contact-import-progress').textContent()).toBe('Lecture du fichier… 0\u00a0%');
    await screenshotAtSizes(page, 'contacts-import-reading', undefined, cancel);
    await expectNoViolations(page, 'the contacts import while reading');

    await cancel.click();
    expect(await page.getByTestId('contact-import-cancelled').textContent()).toBe(
      'Import annulé\u00a0: rien n’a été importé.',
    );
    await page.evaluate(() => (window as unknown as { releaseRead: () => void }).releaseRead());
    // Written after anything the first file would have written: its report is the time to look.
    await input.setInputFiles({ name: 'petit.csv', mimeType: 'text/csv', buffer: Buffer.from('nom\nBéa\n') });
    await expect.poll(() => page.getByTestId('import-report').textContent()).toContain('1 personne ajoutée');
    const [contacts] = await page.evaluate(readStores, { stores: ['contacts'] });
    expect((contacts as { name: string }[]).map((record) => record.name)).toEqual(['Béa']);
  });
});

/** Whether a draft in the device's database holds this text. */
async function draftHolds(page: Page, text: string): Promise<boolean> {
  const [drafts] = await page.evaluate(readStores, { stores: ['drafts'] });
  return draftsHold(drafts as unknown[], text);
}
