// N−1 against N, for real: the previous release (test/e2e/helpers/releases.ts), built from git
// history, next to today's. (a) A phone that never updated and a phone of today, on today's
// server, edit the same records offline and sync: nothing is lost, both converge, and the old
// phone keeps editing records today's app gave fields it does not know. (b) Today's app
// against the previous release's server (src/protocol/README.md, "Compatibility").
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, newDevice, PHONE } from './helpers/browser';
import { joinTwo, Phone } from './helpers/phone';
import { buildRelease, type ReleaseBuild } from './helpers/release-build';
import { type Front, startFront } from './helpers/release-front';
import { previousRelease } from './helpers/releases';
import { screenshot } from './helpers/screenshots';
import { type RunningServer, startServer } from './helpers/server';
import { VisitsPage } from './pages/visits-page';

let browser: Browser;
let previous: ReleaseBuild;
const contexts: BrowserContext[] = [];
const stops: (() => Promise<void>)[] = [];

beforeAll(async () => {
  previous = buildRelease(previousRelease());
  browser = await launchBrowser();
});

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
  for (const stop of stops.splice(0).reverse()) await stop();
});

afterAll(async () => {
  await browser?.close();
});

async function server(options: Parameters<typeof startServer>[0] = {}): Promise<RunningServer> {
  const started = await startServer(options);
  stops.push(() => started.stop());
  return started;
}

async function front(distDir: string, apiUrl: string, port?: number): Promise<Front> {
  const started = await startFront(distDir, apiUrl, port);
  stops.push(() => started.stop());
  return started;
}

/** A phone of either release, with what this suite does beyond the shared journeys. */
class ReleasePhone extends Phone {
  async editLieu(id: string, field: string, value: string): Promise<void> {
    await this.go(`#/contacts/lieu/${id}/modifier`);
    await this.territory.field(field).fill(value);
    await this.territory.save();
    await expect.poll(() => this.main().textContent()).toMatch(/Fiche enregistrée|n’est pas enregistrée/);
    expect(await this.main().textContent()).toContain('Fiche enregistrée');
  }

  /** The app's version as Réglages → À propos shows it. */
  async appVersion(): Promise<string> {
    await this.go('#/reglages');
    const shown = (await this.page.getByTestId('app-version').textContent()) ?? '';
    return shown.split('·')[0]?.trim() ?? '';
  }
}

async function phone(baseUrl: string): Promise<ReleasePhone> {
  const context = await newDevice(browser, PHONE);
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(baseUrl);
  return new ReleasePhone(context, page, baseUrl);
}

describe('a phone a release behind and a phone of today, on today’s server', () => {
  test('both edit the same visit and lieu offline, then sync: both converge and nothing is lost', async () => {
    const today = await server();
    const oldDoor = await front(previous.dist, today.url);
    const fresh = await phone(today.url);
    const old = await phone(oldDoor.url);
    await joinTwo(today.output(), fresh, old);
    expect(await old.appVersion()).toBe(previous.release.version);

    // Today's phone writes what the old one knows (a visit) and what it does not (a lieu's
    // commune codes: fields added after the previous release).
    const visit = await fresh.logVisit('Atelier vélo : besoin d’un local.');
    await fresh.territory.openNewLieu();
    await fresh.territory.field('Nom du lieu').fill('La Grange');
    await fresh.territory.field('Code postal').fill('01400');
    await fresh.territory.suggestion('Châtillon-sur-Chalaronne').click();
    await fresh.territory.save();
    await expect.poll(() => fresh.main().textContent()).toContain('Fiche enregistrée');
    const lieu = fresh.page.url().match(/#\/contacts\/lieu\/([0-9a-f-]{36})/)?.[1] ?? '';
    await fresh.sync();
    await old.sync();
    expect(await old.text(`#/visites/${visit}`)).toContain('Atelier vélo');
    expect(await old.text(`#/contacts/lieu/${lieu}`)).toContain('La Grange');

    // Both offline: different fields of the visit and of the lieu, and the visit's notes on both.
    await old.offline(true);
    await fresh.offline(true);
    await old.editVisit(visit, 'Objet', 'Suivi du local');
    await old.editVisit(visit, 'Notes', 'Version ancienne : bail signé.');
    await fresh.editVisit(visit, 'Notes', 'Version du jour : visite du local jeudi.');
    await old.editLieu(lieu, 'Téléphone', '02 99 00 00 01');
    await fresh.editLieu(lieu, 'Site web', 'https://la-grange.example');
    const oldVisit = await old.logVisit('Visite notée sur l’ancienne version.');
    await old.offline(false);
    await fresh.offline(false);
    await old.sync();
    await fresh.sync();
    await old.sync();

    for (const device of [old, fresh]) {
      await device.go(`#/visites/${visit}`);
      // The other version of the notes shows once the visit's conflicts are read: wait for it.
      await expect.poll(() => device.main().textContent()).toContain('bail signé');
      const shown = (await device.main().textContent()) ?? '';
      expect(shown).toContain('Suivi du local');
      expect(shown).toContain('visite du local jeudi');
      const place = await device.text(`#/contacts/lieu/${lieu}`);
      // Shown with spaces that do not break (a number across two lines is misread).
      expect(place.replace(/\s/g, ' ')).toContain('02 99 00 00 01');
      // The website shows as a link named "Site web".
      expect(await device.main().locator('a[href*="la-grange.example"]').count()).toBe(1);
      expect(await device.text(`#/visites/${oldVisit}`)).toContain('ancienne version');
    }
    // The codes the old phone does not know are still there for today's.
    const place = await fresh.text(`#/contacts/lieu/${lieu}`);
    expect(place).toContain('01093');
    expect(place).toContain('Ain (01)');
    await old.go(`#/contacts/lieu/${lieu}`);
    await screenshot(old.page, 'releases-old-phone-lieu');
  });
});

describe('a phone updated in place', () => {
  test('today’s app opens the previous release’s database: its visits are listed and found by their words', async () => {
    const today = await server();
    const oldDoor = await front(previous.dist, today.url);
    // No service worker: the previous release's would keep serving its own build on reload,
    // and this test is about the database the next build finds, not the update's prompt.
    const context = await newDevice(browser, PHONE, { serviceWorkers: 'block' });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(oldDoor.url);
    const old = new ReleasePhone(context, page, oldDoor.url);
    expect(await old.appVersion()).toBe(previous.release.version);
    const visit = await old.logVisit('Rencontre au fablab : projet de ressourcerie.');
    await old.logVisit('Atelier vélo : besoin d’un local.');

    // The same address now serves today's build: the phone's storage is the same.
    const port = Number(new URL(oldDoor.url).port);
    await oldDoor.stop();
    await front(today.distDir, today.url, port);
    await page.reload();
    const updated = new ReleasePhone(context, page, oldDoor.url);
    expect(await updated.appVersion()).not.toBe(previous.release.version);
    expect(await updated.visitText(visit)).toContain('projet de ressourcerie');
    await updated.go('#/visites');
    const visits = new VisitsPage(page, oldDoor.url);
    // Both listed first, so that one row after the search is the search's answer.
    await expect.poll(() => visits.visitItems().count()).toBe(2);
    await visits.listSearch().fill('ressourcerie');
    await expect.poll(() => visits.visitItems().count()).toBe(1);
    expect(await visits.visitItems().first().textContent()).toContain('ressourcerie');
  });
});

describe('today’s app and the previous release’s server', () => {
  test('the app says the server is too old and sends it nothing; after the server’s upgrade all arrives', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'valise-e2e-old-server-'));
    stops.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    const before = await server({ root: previous.source, dataDir });
    const admin = await phone(before.url);
    await admin.network.openInvitation(before.output().match(/code: ([A-Z0-9-]+)/)?.[1] ?? '');
    await admin.network.join('Camille Martin', 'Téléphone de Camille');
    await expect.poll(() => admin.network.state()).toBe('error');
    const visit = await admin.logVisit('Visite notée quand le serveur était ancien.');
    await admin.go('#/reglages');
    // The state is 'error' already (the run after the join): the click's own run is waited for.
    expect(await admin.network.syncNowUntilEnded()).toBe('error');
    const said = admin.network.section().getByText('plus ancien que cette version de Valise');
    await said.waitFor();
    expect(await admin.network.statusText()).toContain('1 modification');
    await said.scrollIntoViewIfNeeded();
    await screenshot(admin.page, 'releases-old-server');

    // The admin upgrades the server in place (same data, same address): the visit goes.
    await before.stop();
    const after = await server({ dataDir, port: before.port });
    await admin.sync();
    const invitation = await admin.network.createInvitation();
    const colleague = await phone(after.url);
    await colleague.network.openInvitation(invitation);
    await colleague.network.join('Hugo Le Goff', 'Téléphone de Hugo');
    await expect.poll(() => colleague.network.state()).toBe('idle');
    expect(await colleague.visitText(visit)).toContain('quand le serveur était ancien');
  });
});
