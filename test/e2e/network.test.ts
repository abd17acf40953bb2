// Joining a network from the app, the sync status in each of its states, two tabs of one device
// syncing, and an admin's invitation and revocation — against the real server, in real Chromium.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { issueInvitation } from '../../src/server/invitations';
import { SqliteStore } from '../../src/server/store/sqlite';
import { generateDataset } from '../bench/data/dataset';
import { pushAsAuthors, toMutations } from '../bench/server-side';
import { firstInvitationCode } from '../helpers/server-process';
import { describeViolations, runAxe } from './helpers/axe';
import { DESKTOP, PHONE } from './helpers/browser';
import { screenshot, screenshotAtSizes } from './helpers/screenshots';
import { startServer } from './helpers/server';
import { deviceSuite } from './helpers/suite';
import { NetworkPage } from './pages/network-page';

const suite = deviceSuite();
const servers = suite.servers;

async function device(viewport = PHONE): Promise<Page> {
  return (await suite.device(viewport)).page;
}

describe('joining a network from the app', () => {
  test('joins by an invitation link, says when the server is gone, and recovers by itself', async () => {
    // The test owns the data folder, so it outlives the first server process.
    const dataDir = mkdtempSync(join(tmpdir(), 'valise-e2e-restart-'));
    const server = await startServer({ dataDir });
    servers.push(server);
    const page = await device();
    const network = new NetworkPage(page, server.url);
    await network.openInvitation(firstInvitationCode(server.output()));
    expect(await page.getByLabel('Code d’invitation').inputValue()).toBe(firstInvitationCode(server.output()));
    await screenshot(page, 'network-join');
    expect(describeViolations(await runAxe(page))).toBe('');

    await network.join('Camille Martin', 'Téléphone de Camille');
    await expect.poll(() => network.state()).toBe('idle');
    // The joined screen opens on the news, not where the join button was (mid-administration).
    const news = await page.getByText('Cet appareil a rejoint').boundingBox();
    const topBar = await page.locator('header.topbar').boundingBox();
    expect(news && topBar && news.y >= topBar.y + topBar.height && news.y + news.height <= 740).toBe(true);
    // So is the section's heading, whole, below the top bar.
    const heading = await page.getByRole('heading', { name: 'Réseau', exact: true }).boundingBox();
    expect(heading && topBar && heading.y >= topBar.y + topBar.height).toBe(true);
    // A joined admin seeds what the network's valise lacks once it has pulled, then sends it.
    await expect.poll(() => network.indicator().textContent()).toContain('À jour');
    expect(await network.statusText()).toContain('Tout a été envoyé.');
    await screenshot(page, 'sync-status-up-to-date');
    expect(describeViolations(await runAxe(page))).toBe('');

    // The server goes away: the device says so in words, keeps everything, and retries.
    const port = server.port;
    await server.stop();
    servers.splice(0);
    await network.syncNow();
    await expect.poll(() => network.state()).toBe('offline');
    expect(await network.indicator().textContent()).toContain('Hors ligne');
    expect(await network.section().textContent()).toContain('Serveur injoignable');
    await screenshot(page, 'sync-status-offline');

    servers.push(await startServer({ port, dataDir }));
    await network.syncNow();
    await expect.poll(() => network.state()).toBe('idle');
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('on a laptop, the joined screen opens on the « Réseau » heading, whole, above the news', async () => {
    const server = await startServer();
    servers.push(server);
    const page = await device(DESKTOP);
    const network = new NetworkPage(page, server.url);
    await network.openInvitation(firstInvitationCode(server.output()));
    await network.join('Camille Martin', 'Ordinateur de Camille');
    await page.getByText('Cet appareil a rejoint').waitFor();
    await expect.poll(() => network.state()).toBe('idle');
    const heading = await page.getByRole('heading', { name: 'Réseau', exact: true }).boundingBox();
    const news = await page.getByText('Cet appareil a rejoint').boundingBox();
    expect(heading && heading.y >= 0).toBe(true);
    expect(news && news.y + news.height <= 800).toBe(true);
    await screenshot(page, 'network-joined-desktop');
  });

  test('a second tab of the device follows a join made in the first, and a visit written there carries the member’s name', async () => {
    const server = await startServer();
    servers.push(server);
    const { context, page: first } = await suite.device();
    const other = await context.newPage();
    const otherNetwork = new NetworkPage(other, server.url);
    await other.goto(`${server.url}/#/reglages`);
    await expect.poll(() => otherNetwork.section().textContent()).toContain('Cet appareil n’a rejoint aucun réseau');

    const network = new NetworkPage(first, server.url);
    await network.openInvitation(firstInvitationCode(server.output()));
    await network.join('Inès Garnier', 'Téléphone d’Inès');
    await expect.poll(() => network.state()).toBe('idle');

    // The other tab no longer offers to join: it says who this device is in the network.
    await expect.poll(() => otherNetwork.section().textContent()).toContain('Inès Garnier');
    expect(await otherNetwork.section().textContent()).not.toContain('Rejoindre le réseau');
    await other.goto(`${server.url}/#/visites/nouvelle`);
    await other.getByRole('textbox', { name: 'Notes' }).fill('Écrite dans le second onglet');
    await other.getByRole('button', { name: 'Enregistrer la visite' }).click();
    await expect.poll(() => other.locator('main').textContent()).toContain('par Inès Garnier');
  });

  test('refuses a wrong code in words and keeps what was typed', async () => {
    const server = await startServer();
    servers.push(server);
    const page = await device();
    const network = new NetworkPage(page, server.url);
    await network.openInvitation('AAAA-BBBB-CCCC');
    await network.join('Camille', 'Téléphone');
    await expect
      .poll(() => network.section().textContent())
      .toContain('Ce code d’invitation est inconnu, déjà utilisé ou expiré');
    expect(await page.getByLabel('Nom de cet appareil').inputValue()).toBe('Téléphone');
  });
});

describe('a new admin’s device', () => {
  /** Joins by the invitation, then reads what waits to be sent once the first sync is idle. */
  async function joinedUntilIdle(network: NetworkPage, code: string, who: string) {
    await network.openInvitation(code);
    await network.join(who, `Téléphone de ${who}`);
    const indicator = await network.indicatorOnceIdle();
    return { outbox: await network.outbox(), indicator };
  }

  test('has nothing left to send once its first sync is idle, whether it brings the starter valise or finds it', async () => {
    const server = await startServer();
    servers.push(server);
    // The network's first admin: the starter valise it seeds after the pull goes in the same sync.
    const first = new NetworkPage(await device(), server.url);
    expect(await joinedUntilIdle(first, firstInvitationCode(server.output()), 'Camille')).toEqual({
      outbox: [],
      indicator: 'À jour',
    });
    expect(await first.statusText()).toContain('Tout a été envoyé.');
    const code = await first.createInvitation('admin');

    // A second admin on a fresh phone pulls that valise and writes nothing of its own.
    const second = new NetworkPage(await device(), server.url);
    expect(await joinedUntilIdle(second, code, 'Léa')).toEqual({ outbox: [], indicator: 'À jour' });
    await second.page.goto(`${server.url}/#/valise`);
    await expect.poll(() => second.page.getByText('Vidéoprojecteur').count()).toBeGreaterThan(0);
  });
});

describe('a network with years of records', () => {
  test('shows the progress of a new device’s first pull', async () => {
    const dataDir = await seededDataDir();
    const store = new SqliteStore(join(dataDir, 'valise.sqlite'));
    await store.migrate();
    const [network] = await store.listNetworks();
    const { code } = await issueInvitation(store, network?.id ?? '', 'concierge', 1);
    await store.close();
    const server = await startServer({ dataDir });
    servers.push(server);
    const page = await device(DESKTOP);
    // Every page after the first waits until the progress has been seen: on a loaded machine
    // the pull could otherwise end between two looks at the indicator.
    let release = () => {};
    const progressSeen = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/api/sync/pull?*', async (route) => {
      if (new URL(route.request().url()).searchParams.get('since') !== '0') await progressSeen;
      await route.continue();
    });
    const view = new NetworkPage(page, server.url);
    await view.openInvitation(code);
    await view.join('Léa Petit', 'Ordinateur du réseau');
    await expect.poll(() => view.indicator().textContent(), { timeout: 60_000 }).toMatch(/Synchro \d+\u00a0%/);
    await screenshot(page, 'sync-status-progress');
    release();
    await expect.poll(() => view.state(), { timeout: 60_000 }).toBe('idle');
    await server.stop();
    servers.splice(0);
    rmSync(dataDir, { recursive: true, force: true });
  });
});

describe('two tabs of one device', () => {
  test('sync one at a time: the tab asked while the other syncs says so, calls nothing and shows how it ended', async () => {
    const server = await startServer();
    servers.push(server);
    const { context, page } = await suite.device();
    const first = new NetworkPage(page, server.url);
    await first.openInvitation(firstInvitationCode(server.output()));
    await first.join('Camille Martin', 'Téléphone de Camille');
    await expect.poll(() => first.state()).toBe('idle');
    // A tab that opens syncs by itself: a click in the first tab meanwhile would find that run
    // holding the device's lock and take its outcome, calling nothing the hold below keeps.
    const second = new NetworkPage(await context.newPage(), server.url);
    expect(await second.openUntilFirstRunEnded()).toBe('idle');

    // The first tab's run is held at the server until the second tab shows it waits for it.
    let release = () => {};
    const secondShowsSyncing = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/api/sync/**', async (route) => {
      await secondShowsSyncing;
      await route.continue();
    });
    // What a sync run calls (the admin's panel reads the network's file space after a sync: not the run's).
    const secondCalls: string[] = [];
    await second.page.route(/\/api\/(sync|attachments|session)\//, async (route) => {
      secondCalls.push(route.request().url());
      await route.continue();
    });
    const before = await first.lastSync();
    await first.syncNow();
    await expect.poll(() => first.state()).toBe('syncing');
    await second.syncNow();
    await expect.poll(() => second.state()).toBe('syncing');
    await screenshot(second.page, 'sync-second-tab-waits');
    release();
    await expect.poll(async () => (await first.state()) === 'idle' && (await first.lastSync()) !== before).toBe(true);
    await expect.poll(() => second.state()).toBe('idle');
    expect(await second.lastSync()).toBe(await first.lastSync());
    expect(secondCalls).toEqual([]);
  });
});

describe('an admin of the network', () => {
  test('invites a second device, then revokes it: the device is told in words and keeps its data', async () => {
    const server = await startServer();
    servers.push(server);
    const adminPage = await device(DESKTOP);
    const admin = new NetworkPage(adminPage, server.url);
    await admin.openInvitation(firstInvitationCode(server.output()));
    await admin.join('Camille Martin', 'Ordinateur de Camille');
    await expect.poll(() => admin.state()).toBe('idle');
    // What the network stores, read when Réglages opens: its records and its files against their quotas (1 and 5 GiB by default).
    await expect
      .poll(() => adminPage.getByTestId('network-files').textContent())
      .toMatch(
        /^Données du réseau\u00a0: .+ éléments?, .+ sur 1\u00a0Go \(\d+\s?%\)\.Fichiers du réseau\u00a0: .+ sur 5\u00a0Go \(\d+\s?%\)\.$/,
      );
    const code = await admin.createInvitation();
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await screenshot(adminPage, 'network-admin', { fullPage: true });
    expect(describeViolations(await runAxe(adminPage))).toBe('');
    // Read aloud or copied by hand: on a phone the code stays on one line, not "ABCD-EFGH-" then "JKLM".
    await adminPage.setViewportSize(PHONE);
    // The lines of its text, not of its box: an inline-block is one box however its text wraps.
    const codeLines = await adminPage.getByTestId('invitation-code').evaluate((element) => {
      const text = document.createRange();
      text.selectNodeContents(element);
      return new Set([...text.getClientRects()].map((rect) => Math.round(rect.top))).size;
    });
    expect(codeLines).toBe(1);
    await adminPage.setViewportSize(DESKTOP);

    const phone = await device();
    const concierge = new NetworkPage(phone, server.url);
    await concierge.openInvitation(code);
    await concierge.join('Hugo Leroy', 'Téléphone de Hugo');
    await expect.poll(() => concierge.state()).toBe('idle');
    expect(await concierge.section().textContent()).not.toContain('Administration du réseau');

    await admin.revokeDevice('Téléphone de Hugo');
    await concierge.syncNow();
    await expect.poll(() => concierge.state()).toBe('error');
    expect(await concierge.section().textContent()).toContain(
      'Un·e admin a retiré cet appareil du réseau\u00a0: il ne se synchronise plus de lui-même.',
    );
    expect(await concierge.indicator().textContent()).toContain('Erreur');
    await screenshot(phone, 'sync-status-error');
    await screenshotAtSizes(
      phone,
      'sync-status-removed',
      [PHONE],
      concierge.section().getByText(/il ne se synchronise plus/),
    );

    // The network's last admin device stays, the admin's own included, and the admin reads why.
    adminPage.once('dialog', (dialog) => void dialog.accept());
    await adminPage
      .getByTestId('devices')
      .locator('li', { hasText: 'Ordinateur de Camille' })
      .getByRole('button', { name: 'Retirer cet appareil' })
      .click();
    await expect
      .poll(() => admin.section().getByRole('alert').textContent())
      .toContain('C’est le dernier appareil administrateur du réseau');
    await admin.syncNow();
    await expect.poll(() => admin.state()).toBe('idle');
  });
});

describe('an invitation sent to the wrong person', () => {
  /** A new server, and its first admin joined on a phone by the invitation the server printed. */
  async function firstAdminJoined() {
    const server = await startServer();
    servers.push(server);
    const adminPage = await device();
    const admin = new NetworkPage(adminPage, server.url);
    await admin.openInvitation(firstInvitationCode(server.output()));
    await admin.join('Camille Martin', 'Téléphone de Camille');
    await expect.poll(() => admin.state()).toBe('idle');
    return { server, adminPage, admin };
  }

  /** The code tried on another phone gets the words of a used one. */
  async function expectRefusedOnANewPhone(serverUrl: string, code: string) {
    const wrongPerson = new NetworkPage(await device(), serverUrl);
    await wrongPerson.openInvitation(code);
    await wrongPerson.join('Quelqu’un', 'Téléphone');
    await expect
      .poll(() => wrongPerson.section().textContent())
      .toContain('Ce code d’invitation est inconnu, déjà utilisé ou expiré');
  }

  test('is cancelled by its admin: its link then gets the words of a used code', async () => {
    const { server, adminPage, admin } = await firstAdminJoined();
    const code = await admin.createInvitation('admin');
    const cancel = admin.section().getByRole('button', { name: 'Annuler cette invitation' });
    await screenshotAtSizes(adminPage, 'invitation-cancel', [PHONE, DESKTOP], cancel);
    await adminPage.setViewportSize(PHONE);

    adminPage.once('dialog', (dialog) => void dialog.accept());
    await cancel.click();
    const cancelled = admin.section().getByText(`Invitation ${code} annulée`, { exact: false });
    await cancelled.waitFor();
    await screenshotAtSizes(adminPage, 'invitation-cancelled', [PHONE, DESKTOP], cancelled);
    expect(describeViolations(await runAxe(adminPage))).toBe('');

    await expectRefusedOnANewPhone(server.url, code);
  });

  test('once its screen was left, is found among the pending invitations, with its maker and role but not its code, and cancelled from there', async () => {
    const { server, adminPage, admin } = await firstAdminJoined();
    const code = await admin.createInvitation('concierge');
    // Left and opened again: the code shown once is gone from the screen.
    await adminPage.reload();
    await admin.section().waitFor();
    expect(await admin.section().textContent()).not.toContain(code);

    const pending = await admin.pendingInvitations();
    expect(await pending.count()).toBe(1);
    const shown = (await pending.first().textContent()) ?? '';
    expect(shown).toMatch(
      /^Concierge.*Créée le .* par \u2068Camille Martin\u2069 \(\u2068Téléphone de Camille\u2069\)/,
    );
    expect(shown).not.toContain(code);
    await screenshotAtSizes(adminPage, 'invitations-pending', [PHONE, DESKTOP], pending.first());
    await adminPage.setViewportSize(PHONE);

    adminPage.once('dialog', (dialog) => void dialog.accept());
    await pending.first().getByRole('button', { name: 'Annuler' }).click();
    const none = admin.section().getByText('Aucune invitation en attente', { exact: false });
    await none.waitFor();
    await screenshotAtSizes(adminPage, 'invitations-pending-none', [PHONE, DESKTOP], none);
    expect(describeViolations(await runAxe(adminPage))).toBe('');

    await expectRefusedOnANewPhone(server.url, code);
  });
});

/**
 * A server data folder holding a network with a few thousand records: 2,500 visits and what they
 * name, 4,350 changes, three pages of the device's first pull (2,000 a page, src/sync/engine.ts).
 */
async function seededDataDir(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'valise-e2e-seeded-'));
  const store = new SqliteStore(join(dir, 'valise.sqlite'));
  await store.migrate();
  const network = await store.createNetwork('Réseau des tiers-lieux du bassin');
  await pushAsAuthors(store, network.id, toMutations(generateDataset(11, 2500, network.id)));
  await store.close();
  return dir;
}
