// A diagnostic as a concierge runs it with a tiers-lieu project: offline on a phone, over two
// sittings, then the scores, drawn and in words.

import { join } from 'node:path';
import type { Browser, BrowserContext, Dialog, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { isolate } from '../../src/domain/bidi';
import { describeViolations, runAxe } from './helpers/axe';
import { DESKTOP, launchBrowser, newDevice, PHONE } from './helpers/browser';
import { SCREENSHOTS } from './helpers/paths';
import { screenshotAtSizes } from './helpers/screenshots';
import { type RunningServer, startServer } from './helpers/server';
import { reloadUntilControlled } from './helpers/service-worker';
import { DiagnosticsPage } from './pages/diagnostics-page';
import { NetworkPage } from './pages/network-page';
import { ShellPage } from './pages/shell-page';

let browser: Browser;
let context: BrowserContext | undefined;
let server: RunningServer | undefined;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterEach(async () => {
  await context?.close();
  context = undefined;
  await server?.stop();
  server = undefined;
});

afterAll(async () => {
  await browser?.close();
});

/** Waits long on this loaded machine: a step is slow, never wrong, before it fails. */
function poll<T>(read: () => Promise<T>) {
  return expect.poll(read, { timeout: 45_000, interval: 100 });
}

/** A phone that opened the app once online, now with no network and no server. */
async function offlinePhone() {
  server = await startServer();
  context = await newDevice(browser, PHONE);
  const page = await context.newPage();
  // A step that cannot happen fails with its own message, well before the test's timeout.
  page.setDefaultTimeout(45_000);
  const shell = new ShellPage(page, server.url);
  await shell.open();
  await reloadUntilControlled(page);
  await context.setOffline(true);
  await server.stop();
  server = undefined;
  return { page, shell, diagnostics: new DiagnosticsPage(page) };
}

/** Phone widths a radar must fit: the narrowest Android, the iPhone mini, a common Android. */
const PHONE_WIDTHS = [360, 375, 412];
/** The smallest an axis name may show on a phone, in CSS pixels. */
const MIN_NAME_PX = 11;

/**
 * What a chart in `card` draws outside the card's content box (its padding taken off), as the
 * axis names that overflow; and the smallest axis name's size on screen, in CSS pixels.
 */
function chartFit(card: Locator) {
  return card.evaluate((section) => {
    const style = getComputedStyle(section);
    const box = section.getBoundingClientRect();
    const left = box.left + Number.parseFloat(style.borderLeftWidth) + Number.parseFloat(style.paddingLeft);
    const right = box.right - Number.parseFloat(style.borderRightWidth) - Number.parseFloat(style.paddingRight);
    const texts = [...section.querySelectorAll<SVGTextElement>('svg[data-chart] text')];
    const outside = texts
      .filter((text) => {
        const drawn = text.getBoundingClientRect();
        return drawn.left < left - 0.5 || drawn.right > right + 0.5;
      })
      .map((text) => text.querySelector('title')?.textContent ?? text.textContent);
    const sizes = texts.map((text) => {
      const svg = text.ownerSVGElement as SVGSVGElement;
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      return Number.parseFloat(getComputedStyle(text).fontSize) * scale;
    });
    return { outside, smallest: Math.round(Math.min(...sizes) * 10) / 10, names: texts.length };
  });
}

/** At each phone width, every axis name of the card's chart is inside the card, and readable. */
async function expectChartFits(page: Page, card: Locator) {
  for (const width of PHONE_WIDTHS) {
    await page.setViewportSize({ width, height: PHONE.height });
    await poll(async () => {
      const { outside, smallest, names } = await chartFit(card);
      return { width, outside, readable: names > 0 && smallest >= MIN_NAME_PX };
    }).toEqual({ width, outside: [], readable: true });
  }
}

describe('a diagnostic filled offline', () => {
  test('is filled over two sittings, scored without counting skips as zero, and compared with the next one', async () => {
    const { page, shell, diagnostics } = await offlinePhone();
    await shell.goTo('diagnostics');
    await diagnostics.start('La Forge des Possibles', 'Diagnostic d’un projet de tiers-lieu', '2026-03-03', {
      beforeSubmit: async () => {
        await screenshotAtSizes(page, 'diagnostic-new');
        await page.setViewportSize(PHONE);
        expect(describeViolations(await runAxe(page))).toBe('');
        // The page says its name once: the form under it had the same words as its heading.
        expect(await page.getByRole('heading', { name: 'Nouveau diagnostic' }).count()).toBe(1);
      },
    });

    // Section 1, Identité.
    expect(await diagnostics.heading().textContent()).toBe('Identité');
    await diagnostics.type('Personnes rencontrées', 'Camille et Hugo');
    await diagnostics.choose('Type de projet', 'Fablab, makerspace, hackerspace');
    await diagnostics.skip('Date de création');
    await diagnostics.level('Où en est le projet ?', 3);
    await poll(() => page.getByTestId('diagnostic-progress').textContent()).toBe('1 section terminée sur 10');

    // Section 2, Communauté & finalité: a "ne sait pas" and a skip, then the first sitting ends.
    await diagnostics.nextSection('Communauté & finalité');
    // A question that counts double in the score says so while it is answered.
    const weighty = diagnostics.question('La raison d’être du lieu').locator('legend');
    expect(await weighty.textContent()).toContain('compte ×2 dans le score');
    await weighty.screenshot({ path: join(SCREENSHOTS, 'diagnostic-question-weight-360x740.png') });
    await diagnostics.level('La raison d’être du lieu est écrite et partagée', 4);
    await diagnostics.level('Un noyau de personnes porte le projet dans la durée', 3);
    await diagnostics.unknown('Les publics visés fréquentent le lieu');
    await diagnostics.type('Qui fréquente le lieu', 'Des makers du quartier, des lycéens le mercredi.');
    await diagnostics.waitSaved();
    await screenshotAtSizes(page, 'diagnostic-section');
    await page.setViewportSize(PHONE);
    expect(describeViolations(await runAxe(page))).toBe('');

    await shell.reload();
    expect(await diagnostics.heading().textContent()).toBe('Communauté & finalité');
    const stored = diagnostics.question('Un noyau de personnes').getByRole('radio', { name: /^3 —/ });
    await poll(() => stored.isChecked()).toBe(true);
    expect(await diagnostics.question('Qui fréquente le lieu').locator('textarea').inputValue()).toBe(
      'Des makers du quartier, des lycéens le mercredi.',
    );
    expect(
      await diagnostics
        .question('Les publics visés')
        .getByRole('button', { name: 'Ne sait pas' })
        .getAttribute('aria-pressed'),
    ).toBe('true');

    // Words typed and the page reloaded at once, before the pause after the last key: kept
    // as typed until saved, they come back (WebKit ended the page before any save committed).
    // Since they are kept, the reload asks nothing: "Quitter la page ?" would be a false alarm.
    const publics = diagnostics.question('Qui fréquente le lieu').locator('textarea');
    // Typed by hand (a page a person never touched may leave without asking).
    await publics.click();
    await publics.press('End');
    await publics.press('Backspace');
    await publics.pressSequentially(' et le samedi.');
    const asked: string[] = [];
    const onDialog = (dialog: Dialog) => {
      asked.push(dialog.type());
      void dialog.accept();
    };
    page.on('dialog', onDialog);
    await shell.reload();
    page.off('dialog', onDialog);
    expect(asked).toEqual([]);
    await poll(() => publics.inputValue()).toBe('Des makers du quartier, des lycéens le mercredi et le samedi.');
    await diagnostics.waitSaved();

    // Second sitting: Gouvernance, then a number question given words.
    await diagnostics.nextSection('Gouvernance & prise de décision');
    await diagnostics.level('Les façons de décider sont connues de tous', 1);
    await diagnostics.level('Une charte ou des règles de vie existent', 0);
    await diagnostics.skip('Les usager·ère·s participent aux décisions');
    await diagnostics.choose('Mode de décision principal', 'Une personne décide');

    await diagnostics.nextSection('Modèle économique & financement');
    await diagnostics.type('Budget annuel', 'beaucoup');
    await poll(() => diagnostics.question('Budget annuel').locator('p[id$="-error"]').textContent()).toBe(
      'Saisissez un nombre (exemple\u00a0: 12 ou 3,5).',
    );
    expect(await diagnostics.question('Budget annuel').locator('input').inputValue()).toBe('beaucoup');
    await diagnostics.type('Budget annuel', '42 500,50');
    await poll(() => diagnostics.question('Budget annuel').locator('p[id$="-error"]').count()).toBe(0);
    await diagnostics.waitSaved();

    await diagnostics.results();
    expect(await diagnostics.heading().textContent()).toBe('La Forge des Possibles');
    expect(await page.getByTestId('diagnostic-progress').textContent()).toBe('3 sections terminées sur 10');
    // Identité: 3/4. Communauté: (2 × 4/4 + 3/4) / 3, the "ne sait pas" left out.
    // Gouvernance: (2 × 1/4 + 0 + 1/4) / 4, the skipped question left out.
    expect(await diagnostics.text(diagnostics.sectionScore('Identité'))).toBe('75 %');
    expect(await diagnostics.text(diagnostics.sectionScore('Communauté & finalité'))).toBe('92 %');
    expect(await diagnostics.text(diagnostics.sectionScore('Gouvernance & prise de décision'))).toBe('19 %');
    expect(await diagnostics.text(diagnostics.sectionScore('Modèle économique & financement'))).toBe('Pas de score');
    expect(await diagnostics.text(diagnostics.overallScore())).toBe('53 %');
    expect(await diagnostics.text(diagnostics.reading('Points forts'))).toBe(
      'Communauté & finalité (92 %), Identité (75 %)',
    );
    expect(await diagnostics.text(diagnostics.reading('À accompagner'))).toBe('Gouvernance & prise de décision (19 %)');
    expect(await page.locator('svg[data-chart="radar"] polygon').count()).toBeGreaterThan(4);

    await screenshotAtSizes(page, 'diagnostic-results');
    // On a laptop the table shows whole, under its chart: no sideways scroll.
    const table = page.getByRole('region', { name: 'Score de chaque section' });
    await poll(() => table.evaluate((region) => region.scrollWidth - region.clientWidth)).toBe(0);
    await page.locator('#resultats').screenshot({ path: join(SCREENSHOTS, 'diagnostic-results-section-1280x800.png') });
    await expectChartFits(page, page.locator('#resultats'));
    await page.setViewportSize(PHONE);
    // On a phone too: each section's count of questions sits under its score, not in a fourth
    // column that pushed the table past the screen's edge.
    await poll(() => table.evaluate((region) => region.scrollWidth - region.clientWidth)).toBe(0);
    expect(await diagnostics.text(diagnostics.sectionCounted('Communauté & finalité'))).toBe(
      '2 questions comptées sur 3 · 1 « ne sait pas »',
    );
    expect(describeViolations(await runAxe(page))).toBe('');

    // Six months later, a second diagnostic of the same lieu, then the comparison.
    await shell.goTo('diagnostics');
    await diagnostics.start('La Forge des Possibles', 'Diagnostic d’un projet de tiers-lieu', '2026-09-10', {
      known: true,
    });
    await diagnostics.level('Où en est le projet ?', 4);
    await diagnostics.nextSection('Communauté & finalité');
    await diagnostics.level('La raison d’être du lieu est écrite et partagée', 4);
    await diagnostics.level('Un noyau de personnes porte le projet dans la durée', 4);
    await diagnostics.level('Les publics visés fréquentent le lieu', 3);
    await diagnostics.nextSection('Gouvernance & prise de décision');
    await diagnostics.level('Les façons de décider sont connues de tous', 3);
    await diagnostics.level('Une charte ou des règles de vie existent', 2);
    await diagnostics.results();
    await page.getByRole('link', { name: 'Comparer avec un autre diagnostic' }).click();
    await page.locator('main h1', { hasText: 'Évolution : La Forge des Possibles' }).waitFor();
    expect(await diagnostics.text(page.getByTestId('screen-description'))).toBe('3 mars 2026 → 10 septembre 2026');
    // Gouvernance: 18.8 % → (2 × 3/4 + 2/4) / 3 = 66.7 %.
    expect(await diagnostics.text(diagnostics.delta('Gouvernance & prise de décision'))).toBe('+48');
    expect(await diagnostics.text(diagnostics.delta('Identité'))).toBe('+25');
    expect(await diagnostics.text(diagnostics.delta('Espace & outils'))).toBe('—Pas de score');
    const change = page.locator('#changements li').filter({ hasText: 'Les publics visés fréquentent le lieu' });
    expect(await diagnostics.text(change.locator('dd').first())).toBe('Ne sait pas');
    expect(await change.locator('dd').nth(1).textContent()).toBe('3 — En place');
    expect(await page.locator('svg[data-chart="radar"] [data-series]').count()).toBe(2);
    await screenshotAtSizes(page, 'diagnostic-compare');
    await page.locator('#evolution').screenshot({ path: join(SCREENSHOTS, 'diagnostic-compare-chart-1280x800.png') });
    await expectChartFits(page, page.locator('#evolution'));
    // On a phone the page never scrolls sideways: the words only a screen reader hears in the
    // table ("Pas de score") stay inside the table's own scroll box.
    await page.setViewportSize(PHONE);
    await poll(() =>
      page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBe(0);
    expect(describeViolations(await runAxe(page))).toBe('');

    // The first diagnostic for the network's wiki, and on paper.
    await shell.goTo('diagnostics');
    await page.getByTestId('diagnostic-list').locator('> li').nth(1).waitFor();
    await screenshotAtSizes(page, 'diagnostic-list');
    await page.setViewportSize(PHONE);
    await page
      .getByTestId('diagnostic-list')
      .locator('> li')
      .filter({ hasText: '3 mars 2026' })
      .getByRole('link')
      .click();
    await page.getByRole('heading', { name: 'Exporter' }).waitFor();
    await page.getByRole('button', { name: 'Wikitext (MediaWiki)' }).click();
    const wikitext = await page.getByLabel('Texte à coller dans le wiki (MediaWiki)').inputValue();
    expect(wikitext).toContain('== Diagnostic d’un projet de tiers-lieu — La Forge des Possibles ==');
    expect(wikitext).toContain('| 3 || Gouvernance & prise de décision || 19\u00a0% || 3/4, 1 passée');
    expect(wikitext).toMatch(/\* '''Budget annuel \(en euros\)'''\u00a0: 42\s500,5\n/);
    expect(describeViolations(await runAxe(page))).toBe('');
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.screenshot({ path: join(SCREENSHOTS, 'diagnostic-print-a4.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  });
});

describe('an admin of the network', () => {
  test('edits a grid into a new version; a past diagnostic keeps its answers and moves with one set aside', async () => {
    server = await startServer();
    context = await newDevice(browser, DESKTOP);
    const page = await context.newPage();
    page.setDefaultTimeout(45_000);
    const code = server.output().match(/code: ([A-Z0-9-]+)/)?.[1] ?? '';
    const network = new NetworkPage(page, server.url);
    await network.openInvitation(code);
    await network.join('Camille Martin', 'Ordinateur de Camille');
    await poll(() => network.state()).toBe('idle');

    const shell = new ShellPage(page, server.url);
    const diagnostics = new DiagnosticsPage(page);
    await shell.goTo('diagnostics');
    await diagnostics.start('La Forge des Possibles', 'Diagnostic d’un projet de tiers-lieu', '2026-03-03');
    await diagnostics.nextSection('Communauté & finalité');
    await diagnostics.nextSection('Gouvernance & prise de décision');
    await diagnostics.level('Les façons de décider sont connues de tous', 2);
    await diagnostics.level('Une charte ou des règles de vie existent', 1);

    await shell.goTo('diagnostics');
    await page.getByRole('link', { name: 'Grilles' }).click();
    await page.getByRole('link', { name: 'Diagnostic d’un projet de tiers-lieu' }).click();
    await page.locator('main h1', { hasText: 'Modifier la grille' }).waitFor();
    const charter = page.locator('[data-question="go_charte"]');
    await charter.getByRole('button', { name: 'Retirer la question' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `${isolate('Une charte ou des règles de vie existent')} : 1 diagnostic` })
      .waitFor({ timeout: 45_000 });
    // The shell's indicator while a sync runs has an axe finding of its own (reported to its
    // owners); the scan here is about this screen, so it waits for the sync to settle.
    await poll(() => page.locator('[data-testid="sync-indicator"][data-sync-state="syncing"]').count()).toBe(0);
    await screenshotAtSizes(page, 'diagnostic-grid-editor');
    await page.setViewportSize(DESKTOP);
    expect(describeViolations(await runAxe(page))).toBe('');
    await page.getByRole('button', { name: 'Publier la version 2' }).click();
    await page.getByTestId('screen-description').filter({ hasText: 'version 2' }).waitFor();

    await shell.goTo('diagnostics');
    await page.getByTestId('diagnostic-list').getByRole('link', { name: 'La Forge des Possibles' }).click();
    const notice = page.getByRole('status').filter({ hasText: 'Une nouvelle version de la grille existe (version 2)' });
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Une charte ou des règles de vie existent');
    await notice.getByRole('button', { name: 'Passer à la version 2' }).click();
    await page.getByRole('heading', { name: 'Réponses mises de côté (1)' }).waitFor();
    expect(await page.locator('#mises-de-cote dd').textContent()).toBe('1 — Idée');
    // Gouvernance now scores its one remaining answered question: 2/4.
    expect(await diagnostics.text(diagnostics.sectionScore('Gouvernance & prise de décision'))).toBe('50 %');

    // Deleting asks first, then the list is empty again.
    await page.getByRole('button', { name: 'Supprimer ce diagnostic' }).click();
    await page.getByRole('button', { name: 'Supprimer', exact: true }).click();
    await page.getByText('Aucun diagnostic pour l’instant').waitFor();
  });
});
