// Two phones of one network against the real server: a visit logged offline reaches the other
// phone; concurrent offline edits of different fields both stay; the same notes edited on both
// keep the losing text as a choice; the server killed and restarted mid-sync loses nothing; a
// photo the server refuses says so on the phone that took it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { describeViolations, runAxe } from './helpers/axe';
import { DESKTOP, PHONE } from './helpers/browser';
import { tooWide } from './helpers/layout';
import { joinTwo, Phone } from './helpers/phone';
import { screenshot, screenshotAtSizes } from './helpers/screenshots';
import { type RunningServer, startServer } from './helpers/server';
import { reloadUntilControlled } from './helpers/service-worker';
import { deviceSuite } from './helpers/suite';

const dataDirs: string[] = [];
// Registered before the suite's hooks, so it runs after them (vitest runs after-hooks last
// registered first): a server stops before its data folder goes.
afterEach(() => {
  for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const suite = deviceSuite();

async function phone(server: RunningServer): Promise<Phone> {
  const { context, page } = await suite.device();
  await page.goto(server.url);
  // A phone that has opened the app before: its service worker holds every screen, so a screen
  // first opened offline (the visit form) loads. Without it the test raced the idle prefetch.
  await reloadUntilControlled(page);
  return new Phone(context, page, server.url);
}

/** A network with its admin's phone and a concierge's phone, both joined and up to date. */
async function twoPhones(): Promise<{ server: RunningServer; a: Phone; b: Phone; dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'valise-e2e-sync-'));
  dataDirs.push(dataDir);
  const server = await startServer({ dataDir });
  suite.servers.push(server);
  const a = await phone(server);
  const b = await phone(server);
  await joinTwo(server.output(), a, b);
  return { server, a, b, dataDir };
}

describe('two phones of a network', () => {
  test('a visit logged offline reaches the other phone; concurrent edits keep every field and both notes', async () => {
    const { a, b } = await twoPhones();

    await a.offline(true);
    const id = await a.logVisit('Atelier vélo : besoin d’un local.');
    await a.go('#/reglages');
    // The write's sync (debounced) finds no network.
    await expect.poll(() => a.network.state(), { timeout: 15_000 }).toBe('offline');
    expect(await a.network.indicator().textContent()).toContain('Hors ligne');
    // At 360 px, with a change waiting, the top bar still says "Hors ligne" whole.
    expect(await a.network.indicatorLabelWhole()).toBe(true);
    await screenshot(a.page, 'sync-two-phones-offline-with-a-visit');
    await a.offline(false);
    await a.sync();
    await b.sync();
    expect(await b.visitText(id)).toContain('Atelier vélo : besoin d’un local.');

    // Different fields, both offline: both edits stay.
    await a.offline(true);
    await b.offline(true);
    await a.editVisit(id, 'Objet', 'Suivi du local');
    await b.editVisit(id, 'Notes', 'Atelier vélo : local trouvé à la mairie.');
    await a.offline(false);
    await b.offline(false);
    await a.sync();
    await b.sync();
    await a.sync();
    for (const device of [a, b]) {
      const text = await device.visitText(id);
      expect(text).toContain('Suivi du local');
      expect(text).toContain('local trouvé à la mairie');
      expect(text).not.toContain('versions de ce texte');
    }

    // The same notes, both offline: one version shows, the other is offered, nothing is lost.
    await a.offline(true);
    await b.offline(true);
    await a.editVisit(id, 'Notes', 'Version de Camille : bail signé.');
    await b.editVisit(id, 'Notes', 'Version de Hugo : visite du local jeudi.');
    await a.offline(false);
    await b.offline(false);
    await a.sync();
    await b.sync();
    await a.sync();
    // The choice shows once the visit's conflicts are read.
    await a.go(`#/visites/${id}`);
    await a.page.getByRole('main').getByTestId('conflict').waitFor();
    await b.go(`#/visites/${id}`);
    await b.page.getByRole('main').getByTestId('conflict').waitFor();
    const shownOnA = await a.visitText(id);
    const shownOnB = await b.visitText(id);
    expect(shownOnA).toContain('2 versions de ce texte');
    expect(shownOnB).toContain('2 versions de ce texte');
    for (const text of [shownOnA, shownOnB]) {
      expect(text).toContain('bail signé');
      expect(text).toContain('visite du local jeudi');
    }
    await a.page.getByTestId('conflict').scrollIntoViewIfNeeded();
    await screenshotAtSizes(a.page, 'sync-notes-conflict');
    await a.page.setViewportSize(PHONE);
    expect(describeViolations(await runAxe(a.page))).toBe('');

    // Back in the list, the visit's card says it waits for her choice, and the status does not
    // say « À jour » over it: it says what waits, whole within a phone's top bar.
    await a.go('#/visites');
    await a.page.getByTestId('visit-to-settle').waitFor();
    await expect.poll(() => a.network.indicator().textContent()).toBe('À choisir 1');
    await screenshotAtSizes(a.page, 'sync-conflict-in-list');
    await a.page.setViewportSize(PHONE);
    expect(await a.network.indicatorLabelWhole()).toBe(true);
    expect(describeViolations(await runAxe(a.page))).toBe('');
    await a.go(`#/visites/${id}`);
    await a.page.getByRole('main').getByTestId('conflict').waitFor();

    // Camille takes the other version: both phones converge on it, the choice is gone.
    expect(shownOnA).toContain('Autre version');
    const offered = (await a.page.getByTestId('conflict-text').first().textContent()) ?? '';
    await a.page.getByTestId('conflict').getByRole('button', { name: 'Prendre cette version' }).click();
    await expect.poll(() => a.page.getByTestId('conflict').count()).toBe(0);
    await a.sync();
    await b.sync();
    for (const device of [a, b]) {
      const text = await device.visitText(id);
      expect(text).toContain(offered);
      expect(text).not.toContain('versions de ce texte');
    }
  });

  test('the server stopped in the middle of a sync and started again: every visit arrives once', async () => {
    const { server, a, b, dataDir } = await twoPhones();
    await a.offline(true);
    const notes = ['Visite un', 'Visite deux', 'Visite trois', 'Visite quatre', 'Visite cinq'];
    const ids: string[] = [];
    for (const text of notes) ids.push(await a.logVisit(`${text} : compte rendu.`));
    await a.offline(false);

    await a.go('#/reglages');
    await a.network.syncNow();
    await server.stop();
    suite.servers.splice(0);
    await expect.poll(() => a.network.state()).not.toBe('syncing');
    suite.servers.push(await startServer({ port: server.port, dataDir }));
    await a.sync();
    await b.sync();

    await b.go('#/visites');
    const list = b.page.locator('main [data-testid="visit-item"]');
    await expect.poll(() => list.count()).toBe(notes.length);
    const listed = (await list.allTextContents()).join('\n');
    for (const text of notes) expect(listed.split(`${text} :`).length - 1, text).toBe(1);
    await screenshot(b.page, 'sync-after-server-restart');
  });
});

describe('a photo the network’s server refuses', () => {
  test('says so under the photo on the phone that took it, at a phone’s and a laptop’s width', async () => {
    const server = await startServer({ env: { VALISE_MAX_ATTACHMENT_BYTES: String(100 * 1024) } });
    suite.servers.push(server);
    const own = await phone(server);
    // Taken before joining, when the phone allows its own 10 MB: noise, so the JPEG stays large.
    const id = await own.logVisit('Façade de l’atelier.');
    const photo = await own.page.evaluate(async () => {
      const canvas = document.createElement('canvas');
      canvas.width = 1600;
      canvas.height = 1200;
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no 2d canvas');
      const pixels = context.createImageData(1600, 1200);
      for (let index = 0; index < pixels.data.length; index += 1) pixels.data[index] = (index * 7919) % 251;
      context.putImageData(pixels, 0, 0);
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.95));
      return Array.from(new Uint8Array((await blob?.arrayBuffer()) ?? new ArrayBuffer(0)));
    });
    await own.go(`#/visites/${id}`);
    await own
      .main()
      .getByLabel('Ajouter une photo')
      .setInputFiles({ name: 'facade.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(photo) });
    await own.main().getByRole('img', { name: 'facade.jpg' }).waitFor();

    const code = server.output().match(/code: ([A-Z0-9-]+)/)?.[1] ?? '';
    await own.network.openInvitation(code);
    await own.network.join('Camille Martin', 'Téléphone de Camille');
    await expect.poll(() => own.network.state()).toBe('idle');

    await own.go(`#/visites/${id}`);
    const note = own.main().getByText('Refusée par le serveur du réseau : elle reste sur cet appareil seulement.');
    await note.waitFor();
    await own.main().getByRole('img', { name: 'facade.jpg' }).waitFor();
    await screenshotAtSizes(own.page, 'photo-refused-by-server', undefined, note);
    for (const size of [PHONE, DESKTOP]) {
      await own.page.setViewportSize(size);
      expect(await tooWide(own.page), `at ${size.width} px`).toEqual([]);
    }
  });
});
