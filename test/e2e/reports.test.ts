// Data that never stays locked in: a backup saved on one browser restores into a fresh one,
// a bad file is refused in words, and the year's report counts what was restored.
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { parseBackup } from '../../src/domain/backup';
import { isolate } from '../../src/domain/bidi';
import { STARTER_ITEMS, STARTER_PACKING_LISTS } from '../../src/domain/toolbox/starter';
import { YEAR_IDS, yearBackupText } from '../fixtures/backup';
import { describeViolations, runAxe } from './helpers/axe';
import { DESKTOP, launchBrowser, newDevice, PHONE, type Viewport } from './helpers/browser';
import { SCREENSHOT_SIZES, screenshot, screenshotAtSizes } from './helpers/screenshots';
import { type RunningServer, startServer } from './helpers/server';
import { BackupPage } from './pages/backup-page';
import { NetworkPage } from './pages/network-page';
import { ReportsPage } from './pages/reports-page';

let browser: Browser;
let server: RunningServer;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startServer();
});

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

afterAll(async () => {
  await server?.stop();
  await browser?.close();
});

/** Screenshots at both sizes with `target` scrolled into view at each (a resize moves it). */
async function shotsOf(page: Page, name: string, target: Locator): Promise<void> {
  for (const size of SCREENSHOT_SIZES) {
    await page.setViewportSize(size);
    await target.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await screenshot(page, name);
  }
}

async function device(viewport: Viewport = PHONE) {
  const context = await newDevice(browser, viewport);
  contexts.push(context);
  return context.newPage();
}

const SEEDED = 19;
/** Every device holds the starter valise from its first start; a backup carries it too. */
const STARTERS = STARTER_ITEMS.length + STARTER_PACKING_LISTS.length;

describe('a backup of the device', () => {
  test('is saved on one browser and restored into a fresh one, and restoring it twice changes nothing', async () => {
    const page = await device();
    const first = new BackupPage(page, server.url);
    await first.open();
    // "…" while Réglages reads the device's last backup.
    await expect.poll(() => first.lastBackup().textContent()).toBe('jamais');
    // A brand-new device has nothing at risk yet: no warning about the last 7 days.
    expect(await first.section().textContent()).not.toContain('depuis plus de 7 jours');

    // Seeded through the UI: a year of activity restored from a file.
    await first.pick('valise-sauvegarde-2026-06-01.json', await yearBackupText());
    expect(await first.summary().textContent()).toContain('6 visites');
    await shotsOf(page, 'backup-summary', first.summary());
    await page.setViewportSize(PHONE);
    expect(await first.restore('valise-sauvegarde-2026-06-01.json', await yearBackupText())).toContain(
      `${SEEDED} ajoutés, 0 mis à jour`,
    );

    const saved = await first.save();
    expect(saved.name).toMatch(/^valise-sauvegarde-\d{4}-\d{2}-\d{2}\.json$/);
    const parsed = await parseBackup(saved.text);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      const ids = (parsed.backup.body.records.organisations ?? []).map((state) => state.data.id);
      expect(ids).toEqual(expect.arrayContaining([YEAR_IDS.forge, YEAR_IDS.mairie, YEAR_IDS.cafe]));
    }
    await expect.poll(() => first.lastBackup().textContent()).not.toBe('jamais');
    expect(await first.section().textContent()).not.toContain('ni synchronisées avec un réseau ni sauvegardées');
    await shotsOf(page, 'backup-saved', first.section().getByRole('button', { name: 'Enregistrer une sauvegarde' }));
    expect(describeViolations(await runAxe(page))).toBe('');

    // A fresh browser: nothing on it but the starter valise until the file is restored.
    const other = new BackupPage(await device(DESKTOP), server.url);
    await other.open();
    // The starter valise is seeded once the app's sync machinery has started, after the first screen.
    await expect.poll(() => other.valiseRecords()).toBe(STARTERS);
    expect(await other.restore(saved.name, saved.text)).toContain(
      `${SEEDED} ajoutés, 0 mis à jour, ${STARTERS} déjà à jour`,
    );
    await shotsOf(other.page, 'backup-restored', other.section().getByTestId('restore-result'));
    expect(await other.restore(saved.name, saved.text)).toContain(
      `0 ajouté, 0 mis à jour, ${SEEDED + STARTERS} déjà à jour`,
    );

    // The data is back: the year's report counts it (golden numbers of test/unit/domain/report.test.ts).
    const reports = new ReportsPage(other.page, server.url);
    await reports.open();
    await reports.chooseYear(2026);
    await expect.poll(() => reports.figure('visits').textContent()).toBe('5');
    expect(await reports.figure('lieux').textContent()).toBe('3');

    // On the phone the first figures show on the first screen, above the bottom navigation: the
    // territory, service and author are folded into a line that says what they keep.
    await other.page.setViewportSize(PHONE);
    await other.page.reload();
    await other.page.getByTestId('figure-visits').waitFor();
    await reports.chooseYear(2026);
    await expect.poll(() => reports.figure('visits').textContent()).toBe('5');
    await screenshot(other.page, 'reports-phone-first-screen');
    const figure = await other.page.getByTestId('figure-visits').boundingBox();
    const navigation = await other.page.locator('nav.nav').boundingBox();
    expect(figure && navigation && figure.y + figure.height <= navigation.y).toBe(true);
    const summary = reports.moreFilters().locator('summary');
    expect(await summary.textContent()).toBe('Territoire, service, saisi par\u00a0: tous');
    expect(await other.page.getByLabel('Territoire', { exact: true }).isVisible()).toBe(false);
    // Opened from the keyboard, the fields are there; a choice is said on the folded line.
    await summary.focus();
    await other.page.keyboard.press('Enter');
    await other.page.getByLabel('Territoire', { exact: true }).selectOption('Pays de Dinan');
    await expect.poll(() => reports.figure('visits').textContent()).toBe('1');
    expect(await summary.textContent()).toBe('Territoire, service, saisi par\u00a0: Pays de Dinan');
    // « Service du réseau » takes two lines at 360 px: the territory's select beside it is no taller, nor higher.
    const [territory, service] = await Promise.all(
      ['Territoire', 'Service du réseau'].map(async (label) => {
        const box = await other.page.getByLabel(label, { exact: true }).boundingBox();
        return box && [Math.round(box.y), Math.round(box.height)];
      }),
    );
    expect(territory).toEqual(service);
    await screenshot(other.page, 'reports-phone-filters-open');
  });

  test('refuses a foreign, truncated or edited file in words and changes nothing', async () => {
    const page = await device();
    const backup = new BackupPage(page, server.url);
    await backup.open();
    const text = await yearBackupText();

    await backup.pick('photo.jpg', 'ÿØÿà not a backup');
    await expect.poll(() => backup.error().textContent()).toContain('Ce fichier est illisible');
    await backup.pick('contacts.json', '{"contacts":[]}');
    await expect.poll(() => backup.error().textContent()).toContain('Ce fichier n’est pas une sauvegarde Valise');
    await backup.pick('coupé.json', text.slice(0, text.length / 2));
    await expect.poll(() => backup.error().textContent()).toContain('il est incomplet');
    await backup.pick('modifié.json', text.replace('Premier rendez-vous', 'Rendez-vous modifié'));
    await expect.poll(() => backup.error().textContent()).toContain('modifiée ou abîmée depuis son enregistrement');
    expect(await backup.error().textContent()).toContain('Rien n’a été modifié.');
    // A file the browser cannot read (on a USB stick pulled out since it was picked).
    await page.evaluate(() => {
      const stream = Blob.prototype.stream;
      Blob.prototype.stream = () => {
        Blob.prototype.stream = stream;
        return new ReadableStream({
          start: (controller) => controller.error(new DOMException('The file could not be read.', 'NotReadableError')),
        });
      };
    });
    await backup.pick('clé-usb.json', text);
    await expect.poll(() => backup.error().textContent()).toContain('Le navigateur n’a pas pu lire ce fichier');
    await shotsOf(page, 'backup-refused', backup.error());
    expect(describeViolations(await runAxe(page))).toBe('');

    // Nothing was written: the real file still adds every record.
    expect(await backup.restore('valise.json', text)).toContain(`${SEEDED} ajoutés`);
  });
});

function firstAdminCode(running: RunningServer): string {
  const code = running.output().match(/code: ([A-Z0-9-]+)/)?.[1];
  if (!code) throw new Error(`no invitation code in the server's output:\n${running.output()}`);
  return code;
}

describe('a backup and networks', () => {
  test('is offered before leaving a network, and a file of another network asks before merging', async () => {
    const networkA = await startServer();
    const networkB = await startServer();
    try {
      const page = await device(DESKTOP);
      const backup = new BackupPage(page, networkA.url);
      await backup.open();
      await backup.restore('valise.json', await yearBackupText());
      const network = new NetworkPage(page, networkA.url);
      await network.openInvitation(firstAdminCode(networkA));
      await network.join('Camille Martin', 'Ordinateur de Camille');
      await expect.poll(() => network.state(), { timeout: 30_000 }).toBe('idle');

      await network.section().getByText('Quitter le réseau', { exact: true }).first().click();
      const download = page.waitForEvent('download');
      await network.section().getByRole('button', { name: 'Enregistrer une sauvegarde' }).click();
      const file = await download;
      const text = readFileSync(await file.path(), 'utf8');
      await expect
        .poll(() => network.section().textContent())
        .toContain('Sauvegarde enregistrée dans vos téléchargements.');
      await shotsOf(
        page,
        'backup-before-leaving',
        network.section().getByRole('button', { name: 'Enregistrer une sauvegarde' }),
      );
      const parsed = await parseBackup(text);
      expect(parsed.ok && parsed.backup.body.networkId).not.toBe('local');

      const other = await device();
      const otherNetwork = new NetworkPage(other, networkB.url);
      await otherNetwork.openInvitation(firstAdminCode(networkB));
      await otherNetwork.join('Hugo Leroy', 'Téléphone de Hugo');
      await expect.poll(() => otherNetwork.state(), { timeout: 30_000 }).toBe('idle');
      const otherBackup = new BackupPage(other, networkB.url);
      await otherBackup.open();
      await otherBackup.pick(file.suggestedFilename(), text);
      await expect
        .poll(() => otherBackup.summary().textContent())
        .toContain('Cette sauvegarde vient d’un autre réseau');
      await shotsOf(other, 'backup-foreign', otherBackup.summary());
      expect(describeViolations(await runAxe(other))).toBe('');
      await otherBackup.summary().getByRole('button', { name: 'Fusionner quand même' }).click();
      await expect.poll(() => other.getByTestId('restore-result').textContent()).toContain(`${SEEDED} ajoutés`);
    } finally {
      await Promise.all(contexts.splice(0).map((context) => context.close()));
      await networkA.stop();
      await networkB.stop();
    }
  });
});

describe('the report of a year', () => {
  test('counts the restored year, filters a territory, exports a CSV French spreadsheets open, and prints', async () => {
    const page = await device(DESKTOP);
    await new BackupPage(page, server.url).open();
    expect(await new BackupPage(page, server.url).restore('valise.json', await yearBackupText())).toContain(
      `${SEEDED} ajoutés`,
    );
    // Reached from Réglages, the navigation keeping its five places.
    await page.getByRole('link', { name: 'Ouvrir les rapports' }).click();
    const reports = new ReportsPage(page, server.url);
    await page.getByTestId('figure-visits').waitFor();
    await reports.chooseYear(2026);

    await expect.poll(() => reports.figure('visits').textContent()).toBe('5');
    expect(await reports.figure('events').textContent()).toBe('1');
    expect(await reports.figure('follow-ups').textContent()).toBe('3dont 1 en retard');
    expect(await reports.serviceTable().textContent()).toContain('Accompagner les porteurs de projet de tiers-lieux20');
    await screenshotAtSizes(page, 'reports-year');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'reports-year-phone', { fullPage: true });
    await page.setViewportSize(DESKTOP);
    expect(describeViolations(await runAxe(page))).toBe('');

    const csv = await reports.download('Visites (CSV)');
    // The CSV follows the period chosen: 2026's visits, not the one of December 2025.
    expect(csv.name).toBe('valise-visites-2026-01-01_2026-12-31.csv');
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('Date;Heure;Lieu;Autre lieu;Contacts;Services;Objet;Notes;Latitude;Longitude;Saisie par');
    expect(lines).toContain(
      '05/05/2026;11:30;"Café =SOMME(A1) ; « le Lien »";;;Détecter, Informer & sensibiliser;Repérage;;;;Camille Martin',
    );
    expect(lines.filter((line) => line.includes('/2025;'))).toEqual([]);

    // The flat table Kobo users expect: one row per diagnostic, one column per question.
    const flat = await reports.download(`Diagnostics « ${isolate('Diagnostic d’un projet de tiers-lieu')} » v1 (CSV)`);
    expect(flat.name).toBe('valise-diagnostics-diagnostic-d-un-projet-de-tiers-lieu-v1-2026-01-01_2026-12-31.csv');
    const flatLines = flat.bytes.toString('utf8').slice(1).split('\r\n');
    expect(flatLines[0]).toBe(
      'Date;Lieu;Territoire;Terminé le;Saisi par;Communauté & finalité / La communauté porte-t-elle le projet ?;Communauté & finalité / Qui fréquente le lieu ?;Communauté & finalité — commentaire',
    );
    expect(flatLines).toHaveLength(3);
    expect((await reports.download('Présences aux événements (CSV)')).name).toBe(
      'valise-presences-2026-01-01_2026-12-31.csv',
    );

    const wiki = await reports.download('Résumé (wikitexte MediaWiki)');
    expect(wiki.bytes.toString('utf8')).toContain('== Activité du réseau du 01/01/2026 au 31/12/2026 ==');

    await reports.chooseTerritory('Pays de Dinan');
    await expect.poll(() => reports.figure('visits').textContent()).toBe('1');
    expect(await page.getByTestId('report-period').textContent()).toBe(
      'Du 1er janvier 2026 au 31 décembre 2026 — Territoire\u00a0: Pays de Dinan',
    );
    await screenshotAtSizes(page, 'reports-filters', undefined, page.locator('form').first());

    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'reports-print', { fullPage: true });
    expect(await page.locator('nav').first().isVisible()).toBe(false);
    expect(await page.getByRole('heading', { name: 'Exporter' }).isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
  });
});
