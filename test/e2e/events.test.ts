// Events as concierges live them: one creates the gathering, two phones take notes at once in a
// barn with no network, and once back online both see every note, in the order they were written.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { joinIsolated } from '../../src/domain/bidi';
import { fromWallClock, toWallClock } from '../../src/domain/time-zone';
import { firstInvitationCode } from '../helpers/server-process';
import { readStores } from './drivers/stores';
import { describeViolations, runAxe } from './helpers/axe';
import { DESKTOP, PHONE } from './helpers/browser';
import { tooWide, underQuickCapture } from './helpers/layout';
import { screenshot, screenshotAtSizes } from './helpers/screenshots';
import { startServer } from './helpers/server';
import { deviceSuite } from './helpers/suite';
import { EventsPage } from './pages/events-page';
import { NetworkPage } from './pages/network-page';

const { device, servers } = deviceSuite();

/**
 * The parts of a date or time field as Chromium reads them out, in its order: the words and the
 * order come from the browser's own language, which a French concierge's phone has in French.
 */
async function fieldParts(page: Page, label: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  const byId = new Map(nodes.map((node) => [node.nodeId, node]));
  const spinButtons = (ids: string[] = []): string[] =>
    ids.flatMap((id) => {
      const node = byId.get(id);
      const own = node?.role?.value === 'spinbutton' ? [String(node.name?.value ?? '')] : [];
      return [...own, ...spinButtons(node?.childIds)];
    });
  // The label's own node bears the name too: the field is the one with parts.
  const named = nodes.filter((node) => node.name?.value === label);
  return named.map((node) => spinButtons(node.childIds)).find((parts) => parts.length > 0) ?? [];
}

/** Réglages → Synchroniser, until the device says everything is sent and received. */
async function syncNow(network: NetworkPage, back: string): Promise<void> {
  await network.page.goto(`${network.baseUrl}/#/reglages`);
  await network.syncUntilIdle();
  await network.page.goto(back);
}

describe('an event of the network', () => {
  test('two phones take notes offline at the same event; after sync both show every note in writing order', async () => {
    const server = await startServer();
    servers.push(server);

    const camille = await device(PHONE);
    const camilleNetwork = new NetworkPage(camille.page, server.url);
    await camilleNetwork.openInvitation(firstInvitationCode(server.output()));
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
      newPlace: 'La Grange',
      placeLabel: 'Salle du haut',
      // Today's gathering, whatever the hour the test runs (an evening's default is tomorrow).
      day: toWallClock(new Date(), 'Europe/Paris').date,
      startTime: '09:30',
      endTime: '17:00',
    });
    const eventUrl = camille.page.url();
    // The people expected, created on the spot from the attendance list.
    await camilleEvents.addNewAttendee('Léa Petit');
    await camilleEvents.addNewAttendee('Sam Bernard');
    await syncNow(camilleNetwork, eventUrl);
    await syncNow(hugoNetwork, eventUrl);
    const hugoEvents = new EventsPage(hugo.page, server.url);
    await hugo.page.locator('main h1', { hasText: 'Rencontre régionale des tiers-lieux' }).waitFor();

    // In the barn: no network on either phone; notes interleave between the two.
    await camille.context.setOffline(true);
    await hugo.context.setOffline(true);
    // Both tick presence, each a different person: neither tick overwrites the other.
    await camilleEvents.setPresence('Léa Petit', 'Présent·e');
    await hugoEvents.setPresence('Sam Bernard', 'Excusé·e');
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
    for (const phone of [camilleEvents, hugoEvents]) {
      await expect.poll(() => phone.presenceOf('Léa Petit'), { timeout: 30_000 }).toBe('Présent·e');
      await expect.poll(() => phone.presenceOf('Sam Bernard'), { timeout: 30_000 }).toBe('Excusé·e');
    }
    // Both people came from the hosting lieu: the count by kind says so (Sam, excused, is not counted).
    expect(await camille.page.getByTestId('attendance-by-kind').textContent()).toBe(
      'Par type de structure — Tiers-lieu\u00a0: 1',
    );
    const authors = await camille.page.getByTestId('note-author').allTextContents();
    expect(authors).toEqual(['Camille Martin', 'Hugo Leroy', 'Camille Martin', 'Hugo Leroy']);

    // Each edits their own notes only: Hugo's words stay Hugo's.
    const editable = camille.page.getByTestId('note').filter({
      has: camille.page.getByRole('button', { name: /^Modifier/ }),
    });
    expect(await editable.getByTestId('note-author').allTextContents()).toEqual(['Camille Martin', 'Camille Martin']);
    await editable
      .first()
      .getByRole('button', { name: /^Modifier/ })
      .click();
    await camille.page.getByLabel('Texte de la note').fill('Tour de table : treize lieux présents');
    await camille.page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => camilleEvents.noteTexts()).toContain('Tour de table : treize lieux présents');
    await syncNow(camilleNetwork, eventUrl);
    await syncNow(hugoNetwork, eventUrl);
    await expect
      .poll(() => hugoEvents.noteTexts(), { timeout: 30_000 })
      .toContain('Tour de table : treize lieux présents');
    expect(await hugo.page.getByTestId('note-edited').allTextContents()).toEqual(['(modifiée)']);

    // The recap both can copy: decisions and actions by section.
    const recap = await hugoEvents.recapText();
    expect(recap).toContain('# Rencontre régionale des tiers-lieux');
    // The place as typed: the screen's bidi isolates would be invisible clutter in a pasted message.
    expect(recap).toContain('- **Lieu\u00a0:** La Grange, Salle du haut\n');
    expect(recap).toMatch(/## Décisions\n\n- \d\d:\d\d — Un pair-à-pair par trimestre \(Hugo Leroy\)/);
    expect(recap).toMatch(/## Actions\n\n- \d\d:\d\d — Envoyer le compte rendu aux absents \(Hugo Leroy\)/);

    // Hugo's action becomes a follow-up with who does it and by when.
    const action = camille.page.getByTestId('note').filter({ hasText: 'Envoyer le compte rendu aux absents' });
    await action.getByRole('button', { name: 'Créer une suite' }).click();
    await expect.poll(() => action.getByLabel('Qui s’en charge').inputValue()).toBe('Hugo Leroy');
    const today = toWallClock(new Date(), 'Europe/Paris').date;
    await action.getByLabel('Pour le').fill(today);
    await action.getByRole('button', { name: 'Créer la suite' }).click();
    await action.getByText('Suite créée').waitFor();
    expect(await camille.page.locator('#suites').textContent()).toContain('Envoyer le compte rendu aux absents');
    expect(await camilleEvents.recapText()).toContain(
      `## Suites à donner\n\n- [ ] Envoyer le compte rendu aux absents — Hugo Leroy — pour le ${frenchDay(today)}`,
    );

    await screenshotAtSizes(camille.page, 'event-notes-merged');
    await camille.page.setViewportSize(PHONE);
    // With people, notes and a follow-up, the page still fits a phone; the "+" covers nothing.
    expect(await tooWide(camille.page)).toEqual([]);
    expect(await underQuickCapture(camille.page)).toEqual([]);
    await screenshot(camille.page, 'event-page', { fullPage: true });

    // "Aujourd'hui": the day's event and what is due, together.
    await camilleEvents.openAgenda();
    const todaySection = camille.page.locator('#aujourdhui');
    await expect
      .poll(() => todaySection.getByTestId('agenda-item').textContent())
      .toContain(
        `Rencontre régionale des tiers-lieux${joinIsolated(['Rencontre réseau', 'La Grange', 'Salle du haut'], ' · ')}`,
      );
    expect(await todaySection.textContent()).toContain('Envoyer le compte rendu aux absents');
    await todaySection.getByRole('link', { name: 'Voir l’événement' }).waitFor();
    await screenshotAtSizes(camille.page, 'events-today');
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
    // The day before the month, 24 h, in French words: what a French phone shows and reads out.
    expect(await fieldParts(page, 'Date de début')).toEqual([
      expect.stringMatching(/^Jour/),
      expect.stringMatching(/^Mois/),
      expect.stringMatching(/^Année/),
    ]);
    expect(await fieldParts(page, 'Heure de début')).toEqual([
      expect.stringMatching(/^Heures/),
      expect.stringMatching(/^Minutes/),
    ]);
    await page.getByLabel('Heure de début').fill('19:00');
    await page.getByLabel('Heure de fin').fill('18:00');
    await page.getByRole('button', { name: 'Créer l’événement' }).click();
    await expect
      .poll(() => page.locator('main p[id$="-error"]').allTextContents())
      .toContain('La fin ne peut pas précéder le début.');
    expect(await page.getByLabel('Titre').inputValue()).toBe('Apéro du réseau');
    await screenshotAtSizes(page, 'event-form-invalid');
    expect(describeViolations(await runAxe(page))).toBe('');

    // An evening across midnight is a valid event.
    const startDay = await page.getByLabel('Date de début').inputValue();
    await page.getByLabel('Date de fin').fill(nextDay(startDay));
    await page.getByLabel('Heure de fin').fill('01:00');
    await page.getByRole('button', { name: 'Créer l’événement' }).click();
    await page.locator('main h1', { hasText: 'Apéro du réseau' }).waitFor();
    expect(await page.getByTestId('screen-description').textContent()).toMatch(/à 19:00 au .* à 01:00/);

    // Into the phone's calendar, at the right hour whatever the zone it is read in.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Ajouter à mon agenda (.ics)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('apero-du-reseau.ics');
    const ics = readFileSync((await download.path()) ?? '', 'utf8');
    const startsAt = fromWallClock({ date: startDay, time: '19:00' }, 'Europe/Paris') ?? '';
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toContain('SUMMARY:Apéro du réseau\r\n');
    expect(ics).toContain(`DTSTART:${startsAt.slice(0, 19).replace(/[-:]/g, '')}Z\r\n`);

    // Edited later: the new title everywhere, the times kept.
    await page.getByRole('link', { name: 'Modifier' }).click();
    await page.locator('main h1', { hasText: 'Modifier l’événement' }).waitFor();
    expect(await page.getByLabel('Heure de début').inputValue()).toBe('19:00');
    await page.getByLabel('Titre').fill('Apéro du réseau d’automne');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.locator('main h1', { hasText: 'Apéro du réseau d’automne' }).waitFor();

    // The recap for the network's wiki.
    await page.getByText('Wiki (MediaWiki)', { exact: true }).click();
    await expect.poll(() => events.recapText()).toContain('== Apéro du réseau d’automne ==');

    // A note half typed survives the tab being closed.
    await page.getByLabel('Nouvelle note').fill('Penser aux gobelets');
    await expect.poll(() => draftCount(page)).toBe(1);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.reload();
    await expect.poll(() => page.getByLabel('Nouvelle note').inputValue()).toBe('Penser aux gobelets');

    await events.openAgenda();
    expect(await page.getByTestId('agenda-item').first().textContent()).toContain('Apéro du réseau');
    await screenshotAtSizes(page, 'events-agenda');
    expect(describeViolations(await runAxe(page))).toBe('');
  });
});

/** Drafts kept in the device's database, read as the browser stores them. */
async function draftCount(page: Page): Promise<number> {
  const [count] = await page.evaluate(readStores, { stores: ['drafts'], count: true });
  return count as number;
}

function frenchDay(day: string): string {
  const format = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return format.format(new Date(`${day}T00:00:00Z`));
}

function nextDay(day: string): string {
  const next = new Date(`${day}T12:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}
