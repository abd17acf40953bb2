// The map of lieux on a 360×740 phone: offline with no tile reachable, the markers stand on a
// plain background with the communes' names; online, tiles come from a LOCAL tile server (the
// real host name mapped to loopback, never the real OpenStreetMap) and the viewed ones stay
// for offline; "Autour de moi" sorts by distance with a granted position, and says so in
// French when the position is refused.
import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { newId } from '../../src/domain/ids';
import type { Dataset } from '../bench/data/dataset';
import { seedServer } from '../bench/server-side';
import { describeViolations, runAxe } from './helpers/axe';
import { launchBrowser, newDevice, PHONE } from './helpers/browser';
import { FRAME_BOUND_MS, twoFrames } from './helpers/frames';
import { screenshotAtSizes } from './helpers/screenshots';
import { type RunningServer, startServer } from './helpers/server';
import { reloadUntilControlled } from './helpers/service-worker';
import { NetworkPage } from './pages/network-page';

const TILE_HOST = 'tile.openstreetmap.org';
const DAY = 24 * 60 * 60 * 1000;

let dir: string;
let server: RunningServer;
let tiles: Server;
let tileRequests = 0;
const tileReferrers = new Set<string>();
let browser: Browser;
let context: BrowserContext;
let page: Page;

const base = (daysAgo: number) => {
  const at = new Date(Date.now() - daysAgo * DAY).toISOString();
  return { id: newId(), networkId: 'seed', createdAt: at, updatedAt: at, updatedBy: 'Test', deleted: false };
};

/** Four lieux: placed by their own coordinate (2), by a visit's position (1), nowhere (1: a commune only). */
function lieux(): Dataset {
  const grange = {
    ...base(400),
    name: 'La Grange',
    kind: 'tiers_lieu',
    commune: 'Lyon',
    postcode: '69001',
    inseeCode: '69123',
    departementCode: '69',
    departement: 'Rhône',
    epciCode: '200046977',
    epci: 'Métropole de Lyon',
    latitude: 45.764,
    longitude: 4.8357,
    networks: [],
    tags: [],
  };
  const mairie = {
    ...base(400),
    name: 'Mairie de Bourg',
    kind: 'local_authority',
    commune: 'Bourg-en-Bresse',
    inseeCode: '01053',
    departementCode: '01',
    departement: 'Ain',
    latitude: 46.2052,
    longitude: 5.2255,
    networks: [],
    tags: [],
  };
  const atelier = {
    ...base(400),
    name: 'Atelier partagé',
    kind: 'tiers_lieu',
    commune: 'Villeurbanne',
    inseeCode: '69266',
    departementCode: '69',
    departement: 'Rhône',
    networks: [],
    tags: [],
  };
  // A commune but no coordinates: not on the map, listed with its commune.
  const fablab = {
    ...base(400),
    name: 'Fablab du plateau',
    kind: 'project_holder',
    commune: 'Redon',
    networks: [],
    tags: [],
  };
  const visit = (daysAgo: number, organisationId: string, position = {}, services = ['detect']) => ({
    ...base(daysAgo),
    visitedAt: new Date(Date.now() - daysAgo * DAY).toISOString(),
    organisationId,
    contactIds: [],
    services,
    ...position,
  });
  return {
    organisations: [grange, mairie, atelier, fablab],
    visits: [
      visit(20, grange.id),
      visit(240, mairie.id, {}, ['federate']),
      visit(10, atelier.id, { latitude: 45.7719, longitude: 4.8902 }),
    ],
  } as unknown as Dataset;
}

/** A tile server on loopback with a certificate for the tile host, answering CORS like OSM. */
function startTileServer(): { server: Server; spki: string } {
  execFileSync('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-days',
    '2',
    '-subj',
    `/CN=${TILE_HOST}`,
    '-addext',
    `subjectAltName=DNS:${TILE_HOST}`,
    '-keyout',
    join(dir, 'tile.key'),
    '-out',
    join(dir, 'tile.pem'),
  ]);
  const cert = readFileSync(join(dir, 'tile.pem'), 'utf8');
  const png = readFileSync(join(import.meta.dirname, '../../public/icons/icon-192.png'));
  const tileServer = createServer({ cert, key: readFileSync(join(dir, 'tile.key')) }, (request, response) => {
    if (!/^\/\d+\/\d+\/\d+\.png$/.test(request.url ?? '')) {
      response.writeHead(404).end();
      return;
    }
    tileRequests += 1;
    tileReferrers.add(request.headers.referer ?? '');
    response.writeHead(200, { 'Content-Type': 'image/png', 'Access-Control-Allow-Origin': '*' }).end(png);
  });
  const der = new X509Certificate(cert).publicKey.export({ type: 'spki', format: 'der' });
  return { server: tileServer, spki: createHash('sha256').update(der).digest('base64') };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'valise-e2e-map-'));
  const seeded = await seedServer(join(dir, 'data'), lieux());
  server = await startServer({ dataDir: join(dir, 'data') });
  const tile = startTileServer();
  tiles = tile.server;
  await new Promise<void>((resolve) => tiles.listen(0, '127.0.0.1', resolve));
  const port = (tiles.address() as AddressInfo).port;
  browser = await launchBrowser([
    `--host-resolver-rules=MAP ${TILE_HOST} 127.0.0.1:${port}`,
    `--ignore-certificate-errors-spki-list=${tile.spki}`,
  ]);
  context = await newDevice(browser, PHONE);
  page = await context.newPage();
  const network = new NetworkPage(page, server.url);
  await network.openInvitation(seeded.invitationCode);
  await network.join('Léa Petit', 'Téléphone de Léa');
  await network.section().locator('[data-sync-state="idle"]').waitFor({ timeout: 60_000 });
  await reloadUntilControlled(page);
}, 180_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
  await new Promise((resolve) => tiles?.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

const main = () => page.locator('main');
const markers = () => page.locator('.leaflet-marker-pane [role="button"]');
const marker = (name: string) => page.locator(`.leaflet-marker-pane [title="${name}"]`);
const card = () => main().getByRole('region', { name: 'Lieu choisi' });
const listRows = () => main().getByRole('region', { name: 'Liste des lieux' }).getByRole('button');
const loadedTiles = () => page.locator('img.leaflet-tile-loaded');

/** A fresh load of Carte (a hash-only `goto` would keep the screen and its filters). */
async function openMap(): Promise<void> {
  await page.goto(`${server.url}/#/carte`);
  await page.reload();
  await main().getByRole('heading', { level: 1, name: 'Carte des lieux' }).waitFor();
  await marker('La Grange').waitFor();
}

describe('the map of lieux', () => {
  test('offline with no tile reachable: markers on a plain background with the communes, a card, a visit to log', async () => {
    await context.setOffline(true);
    await openMap();
    expect(await markers().count()).toBe(3);
    await expect.poll(() => main().textContent()).toContain('Fond de carte indisponible');
    expect(await loadedTiles().count()).toBe(0);
    // On a phone's first screen, beside the blank map it explains (not under it, out of sight).
    const notice = await main().getByText('Fond de carte indisponible').boundingBox();
    expect(notice && notice.y + notice.height).toBeLessThanOrEqual(PHONE.height);
    // The communes' names go on the map in an effect after the render that says the tiles are
    // unavailable, so a frame after that sentence: waited for.
    const pane = () => page.locator('.leaflet-marker-pane').textContent();
    await expect.poll(pane).toContain('Bourg-en-Bresse');
    expect(await pane()).toContain('Villeurbanne');
    expect(await main().getByRole('status').first().textContent()).toBe('4 lieux, dont 1 pas sur la carte');
    expect(await main().textContent()).toContain('Pas sur la carte (1)');
    expect(await main().getByRole('listitem').filter({ hasText: 'Fablab du plateau' }).textContent()).toContain(
      'Fablab du plateau · Redon',
    );
    expect(await main().getByRole('button', { name: 'Chercher l’adresse' }).count()).toBe(1);

    // The keyboard reaches a marker; Enter opens its card.
    await marker('La Grange').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => card().textContent()).toContain('La Grange');
    expect(await card().textContent()).toContain('Dernière visite');
    expect(describeViolations(await runAxe(page))).toBe('');
    await screenshotAtSizes(page, 'map-offline');
    await screenshotAtSizes(page, 'map-not-on-the-map', undefined, main().getByTestId('unplaced-lieu'));
    await page.setViewportSize(PHONE);

    // The list equivalent: the lieu placed by its last visit.
    await listRows().filter({ hasText: 'Atelier partagé' }).click();
    await expect.poll(() => card().textContent()).toContain('Placé à la position de sa dernière visite');
    await card().getByRole('link', { name: 'Noter une visite ici' }).click();
    await main().getByRole('heading', { level: 1, name: 'Nouvelle visite' }).waitFor();
    await expect.poll(() => main().textContent()).toContain('Atelier partagé');
  });

  test('filters: kind, "pas de visite depuis 6 mois", territory by code, service given at a visit', async () => {
    await openMap();
    const count = () => main().getByRole('status').first().textContent();
    await main().getByText('Filtres', { exact: true }).click();
    await main().getByLabel('Type de lieu').selectOption('local_authority');
    await expect.poll(count).toBe('1 lieu');
    // Leaflet redraws its layer after the list's render: wait for the markers, not a moment.
    await expect.poll(() => markers().count()).toBe(1);
    await main().getByLabel('Type de lieu').selectOption('');
    await main().getByText('Pas de visite depuis 6 mois').click();
    await expect.poll(count).toBe('2 lieux, dont 1 pas sur la carte');
    await main().getByText('Pas de visite depuis 6 mois').click();
    await main().getByLabel('Territoire').selectOption('dep:69');
    await expect.poll(count).toBe('2 lieux');
    await expect.poll(() => marker('Mairie de Bourg').count()).toBe(0);
    await main().getByLabel('Territoire').selectOption('');
    await main().getByLabel('Service rendu lors d’une visite').selectOption('federate');
    await expect.poll(count).toBe('1 lieu');
    await expect.poll(() => marker('Mairie de Bourg').count()).toBe(1);
    await screenshotAtSizes(page, 'map-filters', undefined, main().locator('details'));
    await page.setViewportSize(PHONE);
  });

  test('online: tiles from the (local) tile server, with the attribution, kept for offline', async () => {
    await context.setOffline(false);
    await openMap();
    await expect.poll(() => loadedTiles().count()).toBeGreaterThan(0);
    expect(tileRequests).toBeGreaterThan(0);
    // OSM's tile policy wants a referrer: tiles send the app's origin, nothing more.
    expect([...tileReferrers]).toEqual([`${server.url}/`]);
    expect(await page.locator('.leaflet-control-attribution').textContent()).toContain('OpenStreetMap');
    expect(await main().textContent()).not.toContain('Fond de carte indisponible');
    await screenshotAtSizes(page, 'map-online');
    await page.setViewportSize(PHONE);
    const cached = () => page.evaluate(async () => (await (await caches.open('valise-map-tiles')).keys()).length);
    await expect.poll(cached).toBeGreaterThan(0);
    // The phone's size asks for tiles of its own; they are all in before going offline, or one
    // still on its way would reach the server after `before` is read (seen once: 18 for 14).
    // Leaflet lays out the new size on the frame after the resize; every tile it then shows has loaded.
    await page.evaluate(twoFrames, FRAME_BOUND_MS);
    await expect.poll(() => page.locator('img.leaflet-tile:not(.leaflet-tile-loaded)').count()).toBe(0);

    await context.setOffline(true);
    const before = tileRequests;
    await openMap();
    await expect.poll(() => loadedTiles().count()).toBeGreaterThan(0);
    expect(tileRequests).toBe(before);
  });

  test('"Autour de moi" sorts by distance once the position is allowed', async () => {
    await context.grantPermissions(['geolocation'], { origin: server.url });
    await context.setGeolocation({ latitude: 46.19, longitude: 5.21 });
    await openMap();
    await main().getByRole('button', { name: 'Autour de moi' }).click();
    await expect.poll(() => main().textContent()).toContain('Lieux triés du plus proche au plus loin');
    const nearest = await listRows().first().textContent();
    expect(nearest).toMatch(/^Mairie de Bourg/);
    expect(nearest).toMatch(/à \d+(,\d)?\u00a0km/);
    expect(describeViolations(await runAxe(page))).toBe('');
    await screenshotAtSizes(page, 'map-around-me');
    await page.setViewportSize(PHONE);
  });

  test('a refused position says so in French and keeps the list', async () => {
    await context.clearPermissions();
    await openMap();
    await main().getByRole('button', { name: 'Autour de moi' }).click();
    await expect.poll(() => main().textContent()).toContain('Position refusée');
    await expect.poll(() => markers().count()).toBe(3);
  });
});
