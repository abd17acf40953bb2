// Two phones create the same lieu offline; after a sync one merges the copies while the other,
// offline again, logs a visit on its own copy — which lands on the kept lieu once it syncs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { isolate } from '../../src/domain/bidi';
import { launchBrowser, newDevice, PHONE } from './helpers/browser';
import { showHash } from './helpers/phone';
import { screenshotAtSizes } from './helpers/screenshots';
import { type RunningServer, startServer } from './helpers/server';
import { reloadUntilControlled } from './helpers/service-worker';
import { NetworkPage } from './pages/network-page';
import { TerritoryPage } from './pages/territory-page';
import { VisitsPage } from './pages/visits-page';

let browser: Browser;
const contexts: BrowserContext[] = [];
let server: RunningServer | undefined;
let dataDir = '';

beforeAll(async () => {
  browser = await launchBrowser();
});

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
  await server?.stop();
  server = undefined;
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

afterAll(async () => {
  await browser?.close();
});

interface Phone {
  page: Page;
  context: BrowserContext;
  network: NetworkPage;
  territory: TerritoryPage;
}

async function phone(url: string): Promise<Phone> {
  const context = await newDevice(browser, PHONE);
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(url);
  return { page, context, network: new NetworkPage(page, url), territory: new TerritoryPage(page, url) };
}

function go(device: Phone, hash: string): Promise<void> {
  return showHash(device.page, hash);
}

/** Réglages → "Synchroniser", until a sync that ended after the click is idle. */
async function sync(device: Phone): Promise<void> {
  await go(device, '#/reglages');
  await device.network.syncUntilIdle();
}

/** A new lieu in Redon chosen from its postcode; returns its id. */
async function createLieu(device: Phone, name: string): Promise<string> {
  await go(device, '#/contacts/lieu/nouveau');
  await device.territory.field('Nom du lieu').fill(name);
  await device.territory.field('Code postal').fill('35600');
  await device.territory.suggestion('Redon').click();
  await device.territory.save();
  await device.page.waitForURL(/#\/contacts\/lieu\/[0-9a-f-]{36}/);
  return device.page.url().match(/lieu\/([0-9a-f-]{36})/)?.[1] ?? '';
}

test('the same lieu created on two phones offline is merged on one; the other’s later visit lands on the kept lieu', async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'valise-e2e-merge-'));
  server = await startServer({ dataDir });
  const code = server.output().match(/code: ([A-Z0-9-]+)/)?.[1] ?? '';
  const a = await phone(server.url);
  await a.network.openInvitation(code);
  await a.network.join('Camille Martin', 'Téléphone de Camille');
  await expect.poll(() => a.network.state(), { timeout: 30_000 }).toBe('idle');
  const invitation = await a.network.createInvitation();
  const b = await phone(server.url);
  await b.network.openInvitation(invitation);
  await b.network.join('Hugo Le Goff', 'Téléphone de Hugo');
  await expect.poll(() => b.network.state(), { timeout: 30_000 }).toBe('idle');

  // Both phones have the app installed (every chunk cached) before the field.
  await reloadUntilControlled(a.page);
  await reloadUntilControlled(b.page);
  await a.context.setOffline(true);
  await b.context.setOffline(true);
  const kept = await createLieu(a, 'La Grange');
  const copy = await createLieu(b, 'La grange');
  await a.context.setOffline(false);
  await b.context.setOffline(false);
  await sync(a);
  await sync(b);
  await sync(a);

  // Hugo goes back to the field, offline; Camille finds the duplicate and merges it.
  await b.context.setOffline(true);
  await go(a, `#/contacts/lieu/${kept}`);
  await a.page.getByRole('link', { name: `Comparer et fusionner avec « ${isolate('La grange')} »` }).click();
  await a.page.locator('main h1', { hasText: 'Fusionner deux fiches' }).waitFor();
  await screenshotAtSizes(a.page, 'merge-lieux');
  await a.page.setViewportSize(PHONE);
  await a.page.getByRole('button', { name: 'Fusionner', exact: true }).click();
  await a.page.waitForURL(new RegExp(`#/contacts/lieu/${kept}$`));
  await sync(a);

  const visits = new VisitsPage(b.page, server.url);
  await go(b, '#/visites/nouvelle');
  await visits.placeSearch().fill('grange');
  await visits.option(/^La grange/).click();
  await visits.service('Détecter').check();
  await visits.notes().fill('Visite hors ligne après la fusion.');
  await visits.save().click();
  await b.page.waitForURL(/#\/visites\/[0-9a-f-]{36}/);
  const visitId = b.page.url().match(/visites\/([0-9a-f-]{36})/)?.[1] ?? '';
  expect(copy).not.toBe(kept);

  await b.context.setOffline(false);
  await sync(b);
  await sync(b);
  await sync(a);
  for (const device of [a, b]) {
    await go(device, `#/visites/${visitId}`);
    await expect.poll(() => device.page.locator(`main a[href="#/contacts/lieu/${kept}"]`).count()).toBeGreaterThan(0);
  }

  // The merged copy's old address (a bookmark, the history) leads to the kept lieu, which says so.
  await go(b, `#/contacts/lieu/${copy}`);
  await b.page.waitForURL(new RegExp(`#/contacts/lieu/${kept}\\?fusionne=${copy}$`));
  await expect
    .poll(() => b.page.locator('main').textContent())
    .toContain(
      'Ce lieu, «\u00a0La grange\u00a0», a été fusionné avec «\u00a0La Grange\u00a0»\u00a0: voici la fiche gardée.',
    );
  expect(await b.page.locator('main h1').textContent()).toBe('La Grange');
  await screenshotAtSizes(b.page, 'merge-old-address');
});
