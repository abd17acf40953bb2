// The valise as a concierge uses it on the road: opened with no network on a phone, a list
// packed and kept across a reload; the projector borrowed on one device seen on another; a
// PDF marked available offline opened with the server stopped.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { isolate } from '../../src/domain/bidi';
import { firstInvitationCode } from '../helpers/server-process';
import { describeViolations, runAxe } from './helpers/axe';
import { DESKTOP, PHONE } from './helpers/browser';
import { tooWide, underQuickCapture } from './helpers/layout';
import { screenshot, screenshotAtSizes } from './helpers/screenshots';
import { startServer } from './helpers/server';
import { reloadUntilControlled } from './helpers/service-worker';
import { deviceSuite } from './helpers/suite';
import { NetworkPage } from './pages/network-page';
import { ShellPage } from './pages/shell-page';
import { ToolboxPage } from './pages/toolbox-page';

const { device, servers } = deviceSuite();

async function expectAccessible(page: Page): Promise<void> {
  expect(describeViolations(await runAxe(page))).toBe('');
}

describe('the valise on the road', () => {
  test('opens offline on a fresh phone with the starter valise, and a packed list survives a reload', async () => {
    const server = await startServer();
    servers.push(server);
    const { context, page } = await device(PHONE);
    const shell = new ShellPage(page, server.url);
    const valise = new ToolboxPage(page);
    await shell.open();
    await reloadUntilControlled(page);
    await context.setOffline(true);
    await server.stop();
    servers.splice(0);
    await shell.reload();

    expect(await shell.goTo('valise')).toBe('Valise');
    await valise.card('Vidéoprojecteur').waitFor();
    expect(await valise.shelf('Fiches méthode').textContent()).toContain('Conduire un diagnostic');
    expect(await valise.card('Vidéoprojecteur').textContent()).toContain('Disponible');
    await screenshotAtSizes(page, 'toolbox-home');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'toolbox-home', { fullPage: true });
    await expectAccessible(page);

    // Search, offline, by a word of a description and without its accent.
    await valise.search('gouvernance');
    await expect.poll(() => page.getByTestId('item-card-title').allTextContents()).toEqual(['Conduire un diagnostic']);
    await valise.openItem('Conduire un diagnostic');
    expect(await page.locator('main h2', { hasText: 'Préparer' }).count()).toBe(1);
    await screenshotAtSizes(page, 'toolbox-method-sheet');
    await page.setViewportSize(PHONE);
    await expectAccessible(page);
    await valise.back();

    await valise.search('');
    await valise.openList('Stand sur un salon');
    await screenshotAtSizes(page, 'toolbox-template');
    await page.setViewportSize(PHONE);
    await expectAccessible(page);
    await page.getByLabel('Date du départ').fill('2027-03-12');
    await page.getByRole('button', { name: 'Préparer un départ' }).click();
    await page.getByTestId('packing-progress').waitFor();
    expect(await shell.heading().textContent()).toBe('Stand sur un salon');
    expect(await page.getByTestId('screen-description').textContent()).toContain('12 mars 2027');
    expect(await valise.progress()).toBe('0 sur 7 emballés');

    await valise.line('Kakémono du réseau').check();
    await valise.line('Vidéoprojecteur').check();
    await expect.poll(() => valise.progress()).toBe('2 sur 7 emballés');
    await page.getByRole('button', { name: /Ce qui manque/ }).click();
    await expect.poll(() => valise.lineTitles()).toHaveLength(5);
    expect(await valise.lineTitles()).not.toContain('Vidéoprojecteur');
    await screenshotAtSizes(page, 'toolbox-packing-missing');
    await page.setViewportSize(PHONE);
    await expectAccessible(page);

    await shell.reload();
    await expect.poll(() => valise.progress()).toBe('2 sur 7 emballés');
    expect(await valise.line('Vidéoprojecteur').isChecked()).toBe(true);
    expect(await valise.line('Terminal de paiement').isChecked()).toBe(false);
    await screenshotAtSizes(page, 'toolbox-packing');
    await page.setViewportSize(PHONE);
    // At rest on a phone the checklist fits the screen and the "+" covers none of its boxes.
    expect(await tooWide(page)).toEqual([]);
    expect(await underQuickCapture(page)).toEqual([]);

    // The next trip starts from nothing packed.
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Tout décocher pour le prochain départ' }).click();
    await expect.poll(() => valise.progress()).toBe('0 sur 7 emballés');

    // The trip is listed on the valise's home with how far it is packed.
    await valise.back();
    expect(
      await page.getByTestId('packing-card').filter({ hasText: 'Départ le 12 mars 2027' }).textContent(),
    ).toContain('0 sur 7 dans la valise');

    // An item being typed survives a reload, and a link that would not open is refused in words.
    await page.getByRole('link', { name: 'Ajouter un élément' }).click();
    await page.getByLabel('Titre').fill('Sac de transport');
    await page.getByLabel('Lien').fill('javascript:alert(1)');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Ce lien ne s’ouvrirait pas : il commence par https://, http:// ou mailto:.').waitFor();
    await shell.reload();
    await expect.poll(() => page.getByLabel('Titre').inputValue()).toBe('Sac de transport');
    expect(await page.getByText('Brouillon repris').count()).toBe(1);
    await screenshotAtSizes(page, 'toolbox-item-form');
    await page.setViewportSize(PHONE);
    await expectAccessible(page);
    // Dropping the draft asks first.
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Abandonner ce brouillon' }).click();
    await expect.poll(() => page.getByLabel('Titre').inputValue()).toBe('');
    await valise.back();

    // A list of one's own, offline too: which items of the valise it holds.
    await page.getByRole('link', { name: 'Nouvelle liste de départ' }).click();
    await page.getByLabel('Titre').fill('Atelier en plein air');
    await page.getByLabel('Type de déplacement').selectOption({ label: 'Animation d’atelier' });
    await page.getByRole('checkbox', { name: 'Rallonge électrique' }).check();
    await page.getByRole('checkbox', { name: 'Trousse de secours' }).check();
    await screenshotAtSizes(page, 'toolbox-list-editor');
    await page.setViewportSize(PHONE);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.locator('main h1', { hasText: 'Atelier en plein air' }).waitFor();
    expect(await valise.lineTitles()).toEqual(['Rallonge électrique', 'Trousse de secours']);

    // Removing an item a list uses asks first, naming the lists, and leaves them consistent.
    await valise.back();
    await valise.openItem('Trousse de secours');
    let question = '';
    page.once('dialog', (dialog) => {
      question = dialog.message();
      void dialog.accept();
    });
    await page.getByRole('button', { name: 'Retirer de la valise' }).click();
    await page.locator('main h1', { hasText: 'Valise' }).waitFor();
    expect(question).toContain('Atelier en plein air');
    expect(question).toContain('Stand sur un salon');
    expect(await valise.card('Trousse de secours').count()).toBe(0);
    await valise.openList('Atelier en plein air');
    expect(await valise.lineTitles()).toEqual(['Rallonge électrique']);
  });
});

/** Syncs from Réglages, then opens a place of the app again. */
async function syncThenOpen(page: Page, baseUrl: string, hash: string): Promise<void> {
  const network = new NetworkPage(page, baseUrl);
  await page.goto(`${baseUrl}/#/reglages`);
  await network.syncUntilIdle();
  await page.goto(`${baseUrl}/${hash}`);
  await page.locator('main h1').waitFor();
}

// A small but real PDF: one empty page.
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

describe('the network’s valise on two devices', () => {
  test('the projector borrowed on one device shows its holder on the other; a PDF kept offline opens with the server stopped', async () => {
    const server = await startServer();
    servers.push(server);

    // Camille, the network's first admin, on a laptop: the starter valise goes to the network.
    const laptop = await device(DESKTOP);
    const admin = new NetworkPage(laptop.page, server.url);
    await admin.openInvitation(firstInvitationCode(server.output()));
    await admin.join('Camille Martin', 'Ordinateur de Camille');
    await expect.poll(() => admin.state()).toBe('idle');
    const code = await admin.createInvitation();
    await new ShellPage(laptop.page, server.url).goTo('valise');
    await new ToolboxPage(laptop.page).card('Vidéoprojecteur').waitFor();

    // Hugo, a concierge, opened the valise on his phone before joining: no refusal on joining.
    const phone = await device(PHONE);
    const hugoShell = new ShellPage(phone.page, server.url);
    await hugoShell.open('valise');
    await new ToolboxPage(phone.page).card('Vidéoprojecteur').waitFor();
    const hugo = new NetworkPage(phone.page, server.url);
    await hugo.openInvitation(code);
    await hugo.join('Hugo Leroy', 'Téléphone de Hugo');
    await expect.poll(() => hugo.state()).toBe('idle');
    await syncThenOpen(laptop.page, server.url, '#/valise');
    await syncThenOpen(phone.page, server.url, '#/reglages');
    expect(await phone.page.getByText('Modifications refusées par le serveur').count()).toBe(0);

    // Camille borrows the projector.
    const camilleValise = new ToolboxPage(laptop.page);
    await camilleValise.openItem('Vidéoprojecteur');
    await expect.poll(() => laptop.page.getByLabel('Au nom de').inputValue()).toBe('Camille Martin');
    await laptop.page.getByRole('button', { name: 'Je l’emprunte' }).click();
    await expect.poll(() => laptop.page.getByTestId('kit-status').textContent()).toBe('Emprunté');
    await screenshotAtSizes(laptop.page, 'toolbox-kit-borrowed');
    await expectAccessible(laptop.page);
    const projectorHash = await laptop.page.evaluate(() => location.hash);

    // Hugo sees who has it once synced, and that it is not on the shelf.
    await expect
      .poll(
        async () => {
          await syncThenOpen(laptop.page, server.url, projectorHash);
          await syncThenOpen(phone.page, server.url, projectorHash);
          return phone.page.getByTestId('kit-status').textContent();
        },
        { timeout: 60_000 },
      )
      .toBe('Emprunté');
    expect(await phone.page.getByTestId('holder').textContent()).toContain(
      `${isolate('Camille Martin')} l’a depuis le`,
    );
    expect(await phone.page.getByRole('button', { name: 'Je l’emprunte' }).count()).toBe(0);
    await screenshot(phone.page, 'toolbox-kit-holder-on-phone');

    // Camille prepares a stand: on Hugo's phone it is her trip, among the team's, under his own.
    await laptop.page.goto(`${server.url}/#/valise`);
    await camilleValise.openList('Stand sur un salon');
    await laptop.page.getByRole('button', { name: 'Préparer un départ' }).click();
    await laptop.page.getByText(`Déplacement de ${isolate('Camille Martin')}`).waitFor();
    await expect
      .poll(
        async () => {
          await syncThenOpen(laptop.page, server.url, '#/valise');
          await syncThenOpen(phone.page, server.url, '#/valise');
          return phone.page.locator('#listes h3').allTextContents();
        },
        { timeout: 60_000 },
      )
      .toEqual(['Mes déplacements', 'Déplacements de l’équipe', 'Modèles par type de déplacement']);
    expect(await phone.page.locator('#listes h3 + p').first().textContent()).toContain('Aucun départ à votre nom');
    expect(await phone.page.locator('#listes h3:text("Déplacements de l’équipe") + ul').textContent()).toContain(
      'Camille Martin',
    );
    await screenshot(phone.page, 'toolbox-team-trips-on-phone', { fullPage: true });

    // Hugo suggests a tool; Camille publishes it for the whole network.
    await phone.page.goto(`${server.url}/#/valise`);
    await phone.page.getByRole('link', { name: 'Suggérer un élément' }).click();
    await phone.page.getByLabel('Type').selectOption({ label: 'Outil numérique' });
    await phone.page.getByLabel('Titre').fill('Sondages en ligne libres');
    await phone.page.getByLabel('Lien').fill('https://framaforms.org');
    await phone.page.getByRole('button', { name: 'Envoyer la suggestion' }).click();
    await phone.page.locator('main h1', { hasText: 'Sondages en ligne libres' }).waitFor();
    expect(await phone.page.getByRole('button', { name: 'Publier dans la valise' }).count()).toBe(0);
    await screenshot(phone.page, 'toolbox-suggestion-on-phone');
    await expect
      .poll(
        async () => {
          await syncThenOpen(phone.page, server.url, '#/valise');
          await syncThenOpen(laptop.page, server.url, '#/valise');
          return laptop.page.locator('#suggestions').count();
        },
        { timeout: 60_000 },
      )
      .toBe(1);
    await camilleValise.openItem('Sondages en ligne libres');
    await laptop.page.getByRole('button', { name: 'Publier dans la valise' }).click();
    await expect.poll(() => laptop.page.getByText('Suggestion d’un·e concierge').count()).toBe(0);

    // Camille adds a PDF method sheet, kept offline on every device.
    await laptop.page.goto(`${server.url}/#/valise/nouveau`);
    await laptop.page.getByLabel('Titre').fill('Fiche diagnostic en PDF');
    await laptop.page.getByLabel('Description').fill('À imprimer <script>alert(1)</script> **avant** la visite.');
    await laptop.page
      .getByLabel(/Fichier/)
      .setInputFiles({ name: 'fiche-diagnostic.pdf', mimeType: 'application/pdf', buffer: PDF });
    await expect.poll(() => laptop.page.getByLabel(/Disponible hors ligne/).isChecked()).toBe(true);
    await laptop.page.getByRole('button', { name: 'Enregistrer' }).click();
    await laptop.page.locator('main h1', { hasText: 'Fiche diagnostic en PDF' }).waitFor();
    expect(await laptop.page.locator('main script').count()).toBe(0);
    expect(await laptop.page.getByTestId('rich-text').textContent()).toContain('<script>alert(1)</script>');
    const sheetHash = await laptop.page.evaluate(() => location.hash);

    // On Hugo's phone the valise fetches it by itself, then opens it with no server at all.
    await expect
      .poll(
        async () => {
          await syncThenOpen(laptop.page, server.url, '#/valise');
          await syncThenOpen(phone.page, server.url, '#/valise');
          return phone.page.getByTestId('item-card').filter({ hasText: 'Fiche diagnostic en PDF' }).textContent();
        },
        { timeout: 60_000 },
      )
      .toContain('Hors ligne');
    await server.stop();
    servers.splice(0);
    await phone.page.evaluate((hash) => {
      location.hash = hash;
    }, sheetHash);
    await phone.page.locator('[data-file-state="downloaded"]').waitFor();
    // With no network at all, tapping it opens the PDF in a tab of its own, from the phone's
    // copy; saving a copy gives the very bytes Camille attached.
    await phone.context.setOffline(true);
    const [tab] = await Promise.all([phone.context.waitForEvent('page'), phone.page.getByTestId('open-file').click()]);
    await tab.waitForLoadState();
    expect(tab.url()).toMatch(/^blob:/);
    expect(await tab.evaluate(() => document.contentType)).toBe('application/pdf');
    await tab.close();
    const [download] = await Promise.all([
      phone.page.waitForEvent('download'),
      phone.page.getByTestId('save-file').click(),
    ]);
    expect(download.suggestedFilename()).toBe('fiche-diagnostic.pdf');
    expect(readFileSync(await download.path()).equals(PDF)).toBe(true);
    await screenshotAtSizes(phone.page, 'toolbox-file-offline');
    await phone.page.setViewportSize(PHONE);
    await expectAccessible(phone.page);

    // Réglages says what the valise keeps on the phone, and frees it.
    await phone.page.evaluate(() => {
      location.hash = '#/reglages';
    });
    await expect
      .poll(() => phone.page.getByTestId('valise-usage').textContent())
      .toBe('1 fichier de la valise sur cet appareil\u00a0: 193\u00a0octets.');
    phone.page.once('dialog', (dialog) => void dialog.accept());
    await phone.page.getByRole('button', { name: 'Libérer cet espace' }).click();
    await expect
      .poll(() => phone.page.getByTestId('valise-usage').textContent())
      .toBe('Aucun fichier de la valise n’est gardé sur cet appareil.');
  });
});
