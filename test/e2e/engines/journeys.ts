// The core journeys of a concierge, written once and run in Chromium, Firefox and WebKit
// (one *.test.ts per engine calls engineJourneys). One server and one device per file; the
// journeys follow each other as one person's day, so each starts where the last one ended.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseBackup } from '../../../src/domain/backup';
import { yearBackupText } from '../../fixtures/backup';
import type { Engine, EngineName } from '../drivers/backend';
import type { Device } from '../drivers/device';
import { launchEngine, newDevice } from '../drivers/engines';
import { DESKTOP, PHONE } from '../helpers/browser';
import { chartNamesOutside, chartWordsTouching, elementsTooWide, fileChoosersNotButtons } from '../helpers/layout';
import { NEXT_DIST } from '../helpers/paths';
import { hostileNamesWithinPhone } from './hostile-names';
import { recordJourney } from './results';
import { expectAccessible, JourneyServer, reloadUntilControlled } from './session';
import { previousSchemaUpdatedInPlace } from './updated-in-place';

const MAIN = { role: 'main' };
const UPDATE = 'Nouvelle version disponible';
const DRAFT = 'Réunion publique à la mairie.\nQuarante personnes.';
const FOLLOW_UP = 'Envoyer le compte rendu à la mairie';

function jsonFile(name: string, text: string) {
  return { name, type: 'application/json', base64: Buffer.from(text, 'utf8').toString('base64') };
}

/** Drawn shapes (with a size) inside the chart named `name`: a chart that rendered nothing has none. */
function svgShapes(device: Device, name: string, exact = true): Promise<number> {
  return device.evaluate(
    (label, whole) => {
      const chart = Array.from(document.querySelectorAll('svg[role="img"]')).find((svg) => {
        const own = svg.getAttribute('aria-label') ?? '';
        return whole ? own === label : own.toLowerCase().includes(label.toLowerCase());
      });
      if (!chart) return 0;
      return Array.from(chart.querySelectorAll('polygon, rect, path, circle')).filter((shape) => {
        const box = (shape as SVGGraphicsElement).getBBox();
        return box.width > 0 && box.height > 0;
      }).length;
    },
    name,
    exact,
  );
}

/** The precached index.html, as the service worker's navigation route reads it. */
function shellPrecached(device: Device): Promise<boolean> {
  return device.evaluate(async () => {
    for (const name of await caches.keys()) {
      if (!name.startsWith('workbox-precache')) continue;
      const keys = await (await caches.open(name)).keys();
      if (keys.some((request) => new URL(request.url).pathname === '/index.html')) return true;
    }
    return false;
  });
}

/**
 * Whether leaving the page now would make the browser ask "Quitter la page ?": the answer of the
 * app's own beforeunload guard, which the engines' drivers cannot all see as a dialog.
 */
function leavingAsks(device: Device): Promise<boolean> {
  return device.evaluate(() => {
    const leaving = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(leaving);
    return leaving.defaultPrevented;
  });
}

/** Body rows of the table whose caption is `caption`. */
function tableRows(device: Device, caption: string): Promise<number> {
  return device.evaluate(
    (text) =>
      Array.from(document.querySelectorAll('table')).find((table) => table.caption?.textContent?.trim() === text)
        ?.tBodies[0]?.rows.length ?? 0,
    caption,
  );
}

/**
 * A phone's and a laptop's screenshot of the screen as it is, each checked: nothing sticks out
 * of the window, no chart's name out of its card or touching another, and a file chooser is
 * drawn as a button. The device is back on a phone after.
 */
async function checkedAtSizes(device: Device, name: string): Promise<void> {
  const problems: string[] = [];
  for (const size of [PHONE, DESKTOP]) {
    await device.setViewport(size);
    await device.screenshot(name);
    for (const wide of await device.evaluate(elementsTooWide)) problems.push(`${size.width}px: ${wide} sticks out`);
    for (const label of await device.evaluate(chartNamesOutside))
      problems.push(`${size.width}px: chart name ${label} outside its card`);
    for (const pair of await device.evaluate(chartWordsTouching))
      problems.push(`${size.width}px: chart words ${pair} touch`);
    for (const chooser of await device.evaluate(fileChoosersNotButtons))
      problems.push(`${size.width}px: the file chooser ${chooser} is not a button`);
  }
  await device.setViewport(PHONE);
  expect(problems, `${device.engine}, ${name}`).toEqual([]);
}

/**
 * The service tags of each visit card (its last line): their text, and whether each shows whole,
 * as wide as a copy of it free to take its natural width (an ellipsis cuts a word that lacks a
 * fraction of a pixel, which scrollWidth, rounded, does not see).
 */
function serviceTags(device: Device): Promise<{ text: string; whole: boolean }[]> {
  return device.evaluate(() =>
    Array.from(document.querySelectorAll('[data-testid="visit-item"] > span:last-child > span')).map((tag) => {
      const free = tag.cloneNode(true) as HTMLElement;
      free.style.cssText = 'position: absolute; visibility: hidden; flex: none; max-width: none';
      tag.parentElement?.append(free);
      const natural = free.getBoundingClientRect().width;
      free.remove();
      return { text: tag.textContent ?? '', whole: tag.getBoundingClientRect().width >= natural - 0.01 };
    }),
  );
}

/** How far down the side column of a wide screen its places (Visites, Contacts…) start. */
function placesTop(device: Device): Promise<number | null> {
  return device.evaluate(() => document.querySelector('.nav__list')?.getBoundingClientRect().top ?? null);
}

/** The longest service's name: wider than a visit card on a phone. */
const SUPPORT_PROJECTS = 'Accompagner les porteurs de projet de tiers-lieux';

/** Two lines, as typed on a phone: the line break must survive every engine's text input. */
const NOTE = 'Porteuse d’un projet de cuisine partagée.\nDossier de subvention à relire.';

export function engineJourneys(name: EngineName): void {
  describe(`core journeys in ${name}`, () => {
    let engine: Engine;
    let device: Device;
    const server = new JourneyServer();

    beforeAll(async () => {
      [engine] = await Promise.all([launchEngine(name), server.start()]);
      device = await newDevice(engine);
    });

    afterAll(async () => {
      await device?.close();
      await engine?.close();
      await server.dispose();
    });

    /** A journey's test that also writes its line of the README's engine table. */
    const journey = (id: number, title: string, body: () => Promise<void>) =>
      test(`${id}. ${title}`, async () => {
        try {
          await body();
          recordJourney(engine, id, 'passed');
        } catch (error) {
          if (engine) recordJourney(engine, id, 'failed');
          // What the screen showed, to read beside the error.
          await device?.screenshot(`failed-journey-${id}`).catch(() => undefined);
          throw error;
        }
      });

    journey(
      1,
      'first load online, then a cold start offline with the server stopped shows the visit list',
      async () => {
        await device.open(server.url);
        expect(await device.heading()).toBe('Visites');
        await reloadUntilControlled(device);
        // The first worker took the page by itself: there is no other version to offer.
        expect(await device.isVisible({ text: UPDATE })).toBe(false);
        // The worker that controls the page holds the shell a cold start will need.
        expect(await shellPrecached(device)).toBe(true);

        await server.stop();
        await device.killTab();
        await device.open(server.url);
        expect(await device.heading()).toBe('Visites');
        await device.waitFor({ text: 'Aucune visite pour l’instant' });
        await checkedAtSizes(device, 'offline-visits');
        await expectAccessible(device, 'the visit list offline');
      },
    );

    journey(2, 'quick capture of a visit with a lieu, services and a two-line note, kept after a reload', async () => {
      // On a wide screen the side column's places stay where they were as the form opens.
      await device.setViewport(DESKTOP);
      const listPlaces = await placesTop(device);
      // There, « Nouvelle visite » is the side column's button alone (the list's own is a phone's).
      await device.click({ role: 'link', name: 'Nouvelle visite', within: { role: 'navigation' } });
      await device.waitFor({ role: 'heading', level: 1, name: 'Nouvelle visite' });
      expect(await placesTop(device)).toBe(listPlaces);
      await device.setViewport(PHONE);
      await device.fill({ role: 'searchbox', name: 'Chercher : Lieu', within: MAIN }, 'Équipe du Moulin');
      await device.click({ role: 'button', name: 'Créer « Équipe du Moulin »', within: MAIN });
      // The lieu's commune from its postcode, as in the lieu form: it then has a territory.
      await device.fill({ role: 'combobox', name: 'Code postal', within: MAIN }, '35600');
      await device.click({ role: 'option', name: 'Redon', within: MAIN });
      await device.until(
        'the commune chosen did not fill its box',
        async () => (await device.value({ role: 'combobox', name: 'Commune', within: MAIN })) === 'Redon',
      );
      await device.click({ role: 'button', name: 'Ajouter le lieu', within: MAIN });
      await device.waitForText({ role: 'group', name: 'Lieu', within: MAIN }, 'Équipe du Moulin');
      await device.click({ role: 'checkbox', name: 'Détecter', within: MAIN });
      // Three services: a phone's card shows two and "+1" on one line; the long name gives way,
      // not the short one beside it (WebKit squeezed it to "Dé…") nor the count.
      await device.click({ role: 'checkbox', name: 'Accompagner les porteurs de projet', within: MAIN });
      await device.click({ role: 'checkbox', name: 'Informer & sensibiliser', within: MAIN });
      await device.fill({ role: 'textbox', name: 'Notes', within: MAIN }, NOTE);
      expect(await device.value({ role: 'textbox', name: 'Notes' })).toBe(NOTE);
      await checkedAtSizes(device, 'visit-form');
      await expectAccessible(device, 'the visit form');
      await device.click({ role: 'button', name: 'Enregistrer la visite', within: MAIN });
      await device.waitForText(MAIN, 'Visite enregistrée sur cet appareil.');
      expect(await device.heading()).toBe('Équipe du Moulin');
      await expectAccessible(device, 'the visit page');

      await device.reload();
      expect(await device.heading()).toBe('Équipe du Moulin');
      expect(await device.waitForText(MAIN, 'Dossier de subvention à relire.')).toContain('Détecter');
      await device.open(`${server.url}/#/visites`);
      await device.waitForText(MAIN, 'Porteuse d’un projet de cuisine partagée.');
      const tags = await serviceTags(device);
      expect(tags.map((tag) => tag.text)).toEqual(['Détecter', SUPPORT_PROJECTS, '+1']);
      expect(tags.filter((tag) => !tag.whole && tag.text !== SUPPORT_PROJECTS)).toEqual([]);
      await checkedAtSizes(device, 'visit-list');
    });

    journey(3, 'a draft survives a reload with no question and a killed tab, and is offered back', async () => {
      const notes = { role: 'textbox', name: 'Notes', within: MAIN };
      const newLieuCommune = { role: 'combobox', name: 'Commune', within: MAIN };
      await device.open(`${server.url}/#/visites/nouvelle`);
      await device.click({ role: 'checkbox', name: 'Informer & sensibiliser', within: MAIN });
      await device.fill(notes, DRAFT);
      // A lieu being created inside the visit, its commune typed, not added yet.
      await device.fill({ role: 'searchbox', name: 'Chercher : Lieu', within: MAIN }, 'Fablab des Coteaux');
      await device.click({ role: 'button', name: 'Créer « Fablab des Coteaux »', within: MAIN });
      await device.fill(newLieuCommune, 'Crest');
      await device.until('the draft never reached IndexedDB', async () => {
        const drafts = JSON.stringify(await device.readStore('drafts'));
        return drafts.includes('Quarante personnes.') && drafts.includes('"commune":"Crest"');
      });
      // Kept in its draft, the note comes back from a reload: the browser has nothing to ask.
      await device.until('leaving still asks with the note in its draft', async () => !(await leavingAsks(device)));
      await device.reload();
      await device.until(
        'the draft’s note did not come back after a reload',
        async () => (await device.value(notes)) === DRAFT,
      );
      // And the new lieu, open as it was typed.
      expect(await device.value({ role: 'textbox', name: 'Nom du lieu', within: MAIN })).toBe('Fablab des Coteaux');
      expect(await device.value(newLieuCommune)).toBe('Crest');

      await device.killTab();
      // Opened again from the home screen: the visit list offers the draft back.
      await device.open(`${server.url}/#/visites`);
      await device.click({ role: 'link', name: 'Brouillons (1)', within: MAIN });
      await checkedAtSizes(device, 'drafts-offered');
      await expectAccessible(device, 'the list of drafts');
      await device.click({ role: 'link', name: 'Reprendre : Visite — Réunion publique à la mairie.', within: MAIN });
      await device.until('the draft’s note never came back', async () => (await device.value(notes)) === DRAFT);
      expect(await device.checked({ role: 'checkbox', name: 'Informer & sensibiliser' })).toBe(true);
      // The lieu given back is added as if it had never been away.
      expect(await device.value(newLieuCommune)).toBe('Crest');
      await device.click({ role: 'button', name: 'Ajouter le lieu', within: MAIN });
      await device.waitForText({ role: 'group', name: 'Lieu', within: MAIN }, 'Fablab des Coteaux');
      await device.click({ role: 'button', name: 'Enregistrer la visite', within: MAIN });
      await device.waitForText(MAIN, 'Visite enregistrée sur cet appareil.');

      // The same on the visit's page: a follow-up typed, kept in its draft, reloaded.
      const followUp = { role: 'textbox', name: 'Nouveau suivi', within: MAIN };
      await device.fill(followUp, FOLLOW_UP);
      await device.until('the follow-up never reached its draft', async () =>
        JSON.stringify(await device.readStore('drafts')).includes(FOLLOW_UP),
      );
      await device.until(
        'leaving still asks with the follow-up in its draft',
        async () => !(await leavingAsks(device)),
      );
      await device.reload();
      await device.until(
        'the follow-up did not come back after a reload',
        async () => (await device.value(followUp)) === FOLLOW_UP,
      );
      await device.click({ role: 'button', name: 'Ajouter le suivi', within: MAIN });
      await device.until('the follow-up was not added', async () => (await device.value(followUp)) === '');
    });

    journey(8, 'a diagnostic’s radar and the year’s report charts render with their tables', async () => {
      await device.open(`${server.url}/#/diagnostics`);
      await device.click({ role: 'link', name: 'Nouveau diagnostic', within: MAIN });
      await device.click({ role: 'radio', name: 'Diagnostic d’un projet de tiers-lieu' });
      await device.fill({ label: 'Chercher : Lieu ou projet' }, 'Équipe');
      await device.click({ role: 'button', name: 'Équipe du Moulin', within: MAIN });
      // The engine's own date input, as a date picker leaves it.
      await device.fillDate({ label: 'Date du diagnostic' }, '2026-03-03');
      await device.click({ role: 'button', name: 'Commencer le diagnostic' });
      await device.waitForText(MAIN, 'Section 1 sur');
      await device.click({ role: 'radio', name: '3 —', within: { role: 'group', name: 'Où en est le projet ?' } });
      await device.waitForText(MAIN, 'Enregistré sur cet appareil');
      await device.click({ role: 'link', name: 'Voir les résultats' });
      await device.waitFor({ role: 'img', name: 'Scores par section', exact: true });
      expect(await svgShapes(device, 'Scores par section')).toBeGreaterThan(4);
      expect(await tableRows(device, 'Score de chaque section')).toBeGreaterThan(0);
      await checkedAtSizes(device, 'diagnostic-radar');
      await expectAccessible(device, 'the diagnostic’s results');

      await device.open(`${server.url}/#/rapports`);
      await device.select({ label: 'Période' }, 'year');
      await device.select({ label: 'Année' }, String(new Date().getFullYear()));
      // Named by its twelve months, not by its counts: "1 visite et 0 événement" (the plural
      // drops) would hide the chart from this journey whenever an earlier one saved no visit.
      const chart = 'sur 12 mois';
      await device.waitFor({ role: 'img', name: chart, exact: false });
      expect(await svgShapes(device, chart, false)).toBeGreaterThan(0);
      // The lieu created from the visit form (journey 2) counts under its commune's territory.
      await device.waitForText(
        { role: 'region', name: 'Visites par territoire', within: MAIN },
        'CA Redon Agglomération',
      );
      await device.click({ role: 'button', name: 'Voir le tableau' });
      expect(await device.waitForText(MAIN, 'Mois')).toContain('Visites et événements par mois');
      await checkedAtSizes(device, 'report-charts');
      await expectAccessible(device, 'the report');
    });
    journey(7, 'a backup file saved, then restored into a fresh device', async () => {
      await device.open(`${server.url}/#/reglages`);
      // WebKit has no storage.persist(): Réglages says so beside the estimate, and points to backups.
      const canAsk = await device.evaluate(() => typeof navigator.storage?.persist === 'function');
      expect(canAsk).toBe(name !== 'webkit');
      if (!canAsk) await device.waitFor({ text: 'Ce navigateur ne permet pas de demander à garder les données' });
      await checkedAtSizes(device, 'settings');
      // A year of a network's activity, restored offline from a file.
      await device.attachFile(
        { label: 'Fichier de sauvegarde (.json)' },
        jsonFile('valise-annee.json', await yearBackupText()),
      );
      await device.waitForText(MAIN, '6 visites');
      await device.click({ role: 'button', name: 'Fusionner avec cet appareil' });
      await device.waitForText(MAIN, '19 ajoutés, 0 mis à jour');

      await device.catchDownloads();
      await device.click({ role: 'button', name: 'Enregistrer une sauvegarde' });
      const saved = await device.savedFile();
      expect(saved.name).toMatch(/^valise-sauvegarde-\d{4}-\d{2}-\d{2}\.json$/);
      const parsed = await parseBackup(saved.text);
      expect(parsed.ok && JSON.stringify(parsed.backup.body.records.visits)).toContain(
        'Dossier de subvention à relire.',
      );
      await checkedAtSizes(device, 'backup-saved');
      await expectAccessible(device, 'the backup section');

      await server.start();
      const fresh = await newDevice(engine);
      try {
        await fresh.open(`${server.url}/#/reglages`);
        await fresh.attachFile({ label: 'Fichier de sauvegarde (.json)' }, jsonFile(saved.name, saved.text));
        await fresh.click({ role: 'button', name: 'Fusionner avec cet appareil' });
        await fresh.waitForText(MAIN, 'ajoutés, 0 mis à jour');
        await fresh.open(`${server.url}/#/visites`);
        await fresh.waitForText(MAIN, 'Porteuse d’un projet de cuisine partagée.');
      } finally {
        await fresh.close();
      }
    });

    journey(
      6,
      'an update of the app while a form holds unsaved input: the prompt, and nothing typed is lost',
      async () => {
        const notes = { role: 'textbox', name: 'Notes', within: MAIN };
        const typed = 'Tapé pendant la mise à jour.\nPas encore enregistré.';
        await device.open(`${server.url}/#/visites/nouvelle`);
        await device.fill(notes, typed);
        await device.until('the typed note never reached the draft', async () =>
          JSON.stringify(await device.readStore('drafts')).includes('Pas encore enregistré.'),
        );
        // A page that reloads by itself loses this mark.
        await device.evaluate(() => {
          Object.assign(window, { valiseSamePage: true });
          return true;
        });

        // The network deploys the next version on the same address and data; the browser looks
        // for a new worker, as it does on its own after a navigation or at most daily.
        await server.stop();
        await server.start(NEXT_DIST);
        await device.evaluate(async () => {
          await (await navigator.serviceWorker.getRegistration())?.update();
          return true;
        });
        await device.waitFor({ text: UPDATE });
        expect(await device.value(notes)).toBe(typed);
        // Seen where it shows, at the top of the screen, as the person scrolls up to read it.
        await device.evaluate(() => {
          window.scrollTo(0, 0);
          return true;
        });
        expect(await device.evaluate(() => 'valiseSamePage' in window)).toBe(true);
        await checkedAtSizes(device, 'update-offered');
        await expectAccessible(device, 'the update prompt over a form');

        // The note is in the draft already, so "Recharger" needs no second question: the user's
        // click is the only thing that reloads.
        await device.click({ role: 'button', name: 'Recharger', exact: true });
        await device.until('the page never reloaded into the new version', () =>
          device.evaluate(() => !('valiseSamePage' in window) && document.querySelector('h1') !== null),
        );
        // The form comes back from its address with what was typed, in the new version.
        await device.waitFor({ text: 'Brouillon repris' });
        await device.until(
          'the typed note did not come back after the reload',
          async () => (await device.value(notes)) === typed,
        );
        expect(await device.isVisible({ text: UPDATE })).toBe(false);
        await device.open(`${server.url}/#/reglages`);
        await device.until('Réglages never showed the new version', () =>
          device.evaluate(() => document.querySelector('[data-testid="app-version"]')?.textContent?.includes('+next')),
        );
      },
    );

    journey(9, 'names from a hostile device never make a page wider than the phone', () =>
      hostileNamesWithinPhone(engine, server),
    );

    // WebKit only: it alone keeps what an aborted upgrade built (updated-in-place.ts).
    if (name === 'webkit')
      journey(10, 'a phone of the previous schema version takes the update and lists its visits', () =>
        previousSchemaUpdatedInPlace(engine, server),
      );
  });
}
