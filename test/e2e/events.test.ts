// Events as concierges live them: one creates the gathering, two phones take notes at once in a
// barn with no network, and once back online both see every note, in the order they were written.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { describeViolations, runAxe } from './helpers/axe';
import { DESKTOP, launchBrowser, newDevice, PHONE, type Viewport } from './helpers/browser';
import { screenshotAtSizes } from './helpers/screenshots';
import { type RunningServer, startServer } from './helpers/server';
import { EventsPage } from './pages/events-page';
import { NetworkPage } from './pages/network-page';

let browser: Browser;
const contexts: BrowserContext[] = [];
const servers: RunningServer[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
  await Promise.all(servers.splice(0).map((server) => server.stop()));
});

afterAll(async () => {
  await browser?.close();
});

async function device(viewport: Viewport = PHONE): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newDevice(browser, viewport);
  contexts.push(context);
  return { context, page: await context.newPage() };
}

function firstAdminCode(server: RunningServer): string {
  const code = server.output().match(/code: ([A-Z0-9-]+)/)?.[1];
  if (!code) throw new Error(`no invitation code in the server's output:\n${server.output()}`);
  return code;
}

/** Réglages → Synchroniser, until the device says everything is sent and received. */
async function syncNow(network: NetworkPage, back: string): Promise<void> {
  await network.page.goto(`${network.baseUrl}/#/reglages`);
  await network.section().waitFor();
  await network.syncNow();
  await expect.poll(() => network.state(), { timeout: 30_000 }).toBe('idle');
  await network.page.goto(back);
}

describe('an event of the network', () => {
  test('two phones take notes offline at the same event; after sync both show every note in writing order', async () => {
    const server = await startServer();
    servers.push(server);

    const camille = await device(PHONE);
    const camilleNetwork = new NetworkPage(camille.page, server.url);
    await camilleNetwork.openInvitation(firstAdminCode(server));
    await camilleNetwork.join('Camille Martin', 'Téléphone de Camille');
    await expect.poll(() => camilleNetwork.state(), { timeout: 30_000 }).toBe('idle');
    const code = await camilleNetwork.createInvitation();

    const hugo = await device(PHONE);
    const hugoNetwork = new NetworkPage(hugo.page, server.url);
    await hugoNetwork.openInvitation(code);
    await hugoNetwork.join('Hugo Leroy', 'Téléphone de Hugo');
    await expect.poll(() => hugoNetwork.state(), { timeout: 30_000 }).toBe('idle');

    // Camille prepares the gathering while there is a network.
    const camilleEvents = new EventsPage(camille.page, server.url);
    await camilleEvents.openAgenda();
    await camilleEvents.createEvent({
      title: 'Rencontre régionale des tiers-lieux',
      placeLabel: 'La Grange, Melle',
      startTime: '09:30',
      endTime: '17:00',
    });
    const eventUrl = camille.page.url();
    await syncNow(camilleNetwork, eventUrl);
    await syncNow(hugoNetwork, eventUrl);
    const hugoEvents = new EventsPage(hugo.page, server.url);
    await hugo.page.locator('main h1', { hasText: 'Rencontre régionale des tiers-lieux' }).waitFor();

    // In the barn: no network on either phone; notes interleave between the two.
    await camille.context.setOffline(true);
    await hugo.context.setOffline(true);
    await camilleEvents.addNote('Tour de table : douze lieux présents');
    await hugoEvents.addNote('Un pair-à-pair par trimestre', 'Décision');
    await camilleEvents.addNote('Une carte partagée des lieux', 'Idée');
    await hugoEvents.addNote('Envoyer le compte rendu aux absents', 'Action');
    expect(await camilleEvents.noteTexts()).toEqual([
      'Tour de table : douze lieux présents',
      'Une carte partagée des lieux',
    ]);
    await screenshotAtSizes(hugo.page, 'event-notes-offline');
    expect(describeViolations(await runAxe(hugo.page))).toBe('');

    // Back at the lieu's wifi.
    await camille.context.setOffline(false);
    await hugo.context.setOffline(false);
    await syncNow(camilleNetwork, eventUrl);
    await syncNow(hugoNetwork, eventUrl);
    await syncNow(camilleNetwork, eventUrl);

    const everyNote = [
      'Tour de table : douze lieux présents',
      'Un pair-à-pair par trimestre',
      'Une carte partagée des lieux',
      'Envoyer le compte rendu aux absents',
    ];
    await expect.poll(() => camilleEvents.noteTexts(), { timeout: 30_000 }).toEqual(everyNote);
    await expect.poll(() => hugoEvents.noteTexts(), { timeout: 30_000 }).toEqual(everyNote);
    const authors = await camille.page.locator('.timeline__author').allTextContents();
    expect(authors).toEqual(['Camille Martin', 'Hugo Leroy', 'Camille Martin', 'Hugo Leroy']);

    // The recap both can copy: decisions and actions by section.
    const recap = await hugoEvents.recapText();
    expect(recap).toContain('# Rencontre régionale des tiers-lieux');
    expect(recap).toMatch(/## Décisions\n\n- \d\d:\d\d — Un pair-à-pair par trimestre \(Hugo Leroy\)/);
    expect(recap).toMatch(/## Actions\n\n- \d\d:\d\d — Envoyer le compte rendu aux absents \(Hugo Leroy\)/);

    await screenshotAtSizes(camille.page, 'event-notes-merged');
    expect(describeViolations(await runAxe(camille.page))).toBe('');
  });

  test('refuses an event that ends before it starts, in words, keeping what was typed', async () => {
    const server = await startServer();
    servers.push(server);
    const { page } = await device(DESKTOP);
    const events = new EventsPage(page, server.url);
    await events.openAgenda();
    await screenshotAtSizes(page, 'events-empty');
    await page.getByRole('link', { name: 'Nouvel événement' }).first().click();
    await page.getByLabel('Titre').fill('Apéro du réseau');
    await page.getByLabel('Heure de début').fill('19:00');
    await page.getByLabel('Heure de fin').fill('18:00');
    await page.getByRole('button', { name: 'Créer l’événement' }).click();
    await expect
      .poll(() => page.locator('.field__error').allTextContents())
      .toContain('La fin ne peut pas précéder le début.');
    expect(await page.getByLabel('Titre').inputValue()).toBe('Apéro du réseau');
    await screenshotAtSizes(page, 'event-form-invalid');
    expect(describeViolations(await runAxe(page))).toBe('');

    // An evening across midnight is a valid event.
    await page.getByLabel('Date de fin').fill(await nextDay(page));
    await page.getByLabel('Heure de fin').fill('01:00');
    await page.getByRole('button', { name: 'Créer l’événement' }).click();
    await page.locator('main h1', { hasText: 'Apéro du réseau' }).waitFor();
    expect(await page.locator('.screen-header__description').textContent()).toMatch(/à 19:00 au .* à 01:00/);

    await events.openAgenda();
    expect(await page.locator('.agenda__item').first().textContent()).toContain('Apéro du réseau');
    await screenshotAtSizes(page, 'events-agenda');
    expect(describeViolations(await runAxe(page))).toBe('');
  });
});

async function nextDay(page: Page): Promise<string> {
  const start = await page.getByLabel('Date de début').inputValue();
  const next = new Date(`${start}T12:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}
