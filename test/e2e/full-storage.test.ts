// A phone whose disk is full, for real (test/e2e/helpers/small-disk.ts): what its owner sees
// when a save or a sync finds no room, that nothing typed is lost without a word, and that all
// goes on once room is made.
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, test } from 'vitest';
import { visitCreation } from '../helpers/mutations';
import { privateTmpfsUnavailable } from '../helpers/private-tmpfs';
import { firstInvitationCode } from '../helpers/server-process';
import { readStores } from './drivers/stores';
import { PHONE } from './helpers/browser';
import { api } from './helpers/hostile-network';
import { type RunningServer, startServer } from './helpers/server';
import { fillDisk, freeDisk, launchSmallDiskDevice } from './helpers/small-disk';
import { NetworkPage } from './pages/network-page';
import { VisitsPage } from './pages/visits-page';

const noTmpfs = privateTmpfsUnavailable();

let contexts: BrowserContext[] = [];
let servers: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(contexts.map((context) => context.close()));
  await Promise.all(servers.map((server) => server.stop()));
  contexts = [];
  servers = [];
});

async function smallDiskPhone(): Promise<{ page: Page; server: RunningServer }> {
  const server = await startServer();
  servers.push(server);
  const context = await launchSmallDiskDevice(PHONE);
  contexts.push(context);
  return { page: await context.newPage(), server };
}

describe.skipIf(noTmpfs !== null)(`a phone whose disk is full${noTmpfs ? ` (skipped: ${noTmpfs})` : ''}`, () => {
  test('a visit saved then is said not saved and why, stays on screen, and the tab asks before closing; saved once room is made', async () => {
    const { page, server } = await smallDiskPhone();
    const visits = new VisitsPage(page, server.url);
    await page.goto(`${server.url}/#/visites`);
    await expect.poll(() => visits.main().textContent()).toContain('Aucune visite');
    await visits.tap(visits.newVisitButton());
    await visits.type(visits.placeSearch(), 'Le Moulin');
    await visits.tap(visits.option('Créer « Le Moulin »'));
    await visits.tap(visits.option('Ajouter le lieu'));
    await expect.poll(() => visits.placePicker().textContent()).toContain('Le Moulin');

    expect(await page.evaluate(fillDisk)).toBe('QuotaExceededError');
    const typed = 'Projet de cuisine partagée, tapé sur un téléphone plein.';
    await visits.type(visits.notes(), typed);
    await visits.tap(visits.save());
    await expect.poll(() => visits.main().getByRole('alert').textContent()).toContain('cet appareil n’a plus de place');
    expect(await visits.notes().inputValue()).toBe(typed);
    // The draft could not be written either: the text is only on screen, and leaving asks first.
    expect(await visits.draftHolds(typed)).toBe(false);
    const asked = page.waitForEvent('dialog');
    await page.close({ runBeforeUnload: true });
    const dialog = await asked;
    expect(dialog.type()).toBe('beforeunload');
    await dialog.dismiss();

    await page.evaluate(freeDisk);
    await visits.tap(visits.save());
    await expect.poll(() => visits.main().textContent()).toContain('Visite enregistrée sur cet appareil.');
    expect(await visits.main().textContent()).toContain(typed);
  }, 180_000);

  test('a sync then says the phone has no room, and brings what the network wrote once room is made', async () => {
    const { page, server } = await smallDiskPhone();
    const office = await api(`${server.url}/api/join`, undefined, {
      code: firstInvitationCode(server.output()),
      deviceName: 'Poste',
      memberName: 'Dominique',
      clockNode: '0123456789abcdef',
    });
    const token = office.token as string;
    const { code } = await api(`${server.url}/api/admin/invitations`, token, { role: 'concierge' });
    const network = new NetworkPage(page, server.url);
    await network.openInvitation(code as string);
    await network.join('Camille Martin', 'Téléphone de Camille');
    await expect.poll(() => network.state(), { timeout: 60_000 }).toBe('idle');

    expect(await page.evaluate(fillDisk)).toBe('QuotaExceededError');
    const notes = 'Compte rendu de la rencontre. '.repeat(60);
    const mutations = Array.from({ length: 40 }, () => visitCreation(Date.now(), '0123456789abcdef', undefined, notes));
    await api(`${server.url}/api/sync/push`, token, { mutations });
    expect(await network.syncNowUntilEnded()).toBe('error');
    expect(await network.section().textContent()).toContain('Cet appareil n’a plus de place');

    await page.evaluate(freeDisk);
    await network.syncUntilIdle();
    const [visits] = await page.evaluate(readStores, { stores: ['visits'], count: true });
    expect(visits).toBe(40);
  }, 180_000);
});
