// The journeys that need two engines (test/e2e/engines/journeys.ts has the others): one network
// shared by a WebKit, a Firefox and a Chromium phone on one server. 5: each joins by invitation
// and a visit from each is seen on the others. 4: in each engine a photo is attached offline
// (resized on the device), shown again after a reload, uploaded, and seen in the next engine.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Engine, EngineName } from '../drivers/backend';
import type { Device } from '../drivers/device';
import { ENGINES, launchEngine, newDevice } from '../drivers/engines';
import { recordJourney } from './results';
import { expectAccessible, JourneyServer, reloadUntilControlled } from './session';

const MAIN = { role: 'main' };
/** WebKit first: the network's admin is on an iPhone, and invites the others. */
const JOIN_ORDER: EngineName[] = ['webkit', 'firefox', 'chromium'];

interface Phone {
  engine: Engine;
  device: Device;
  /** The visit this phone captured (journey 5), where its photo goes (journey 4). */
  visitId: string;
}

/** A 2400×1800 picture, as a phone's camera gives it, made by the page's own canvas. */
function cameraPhoto(device: Device): Promise<string> {
  return device.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 2400;
    canvas.height = 1800;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d canvas');
    const gradient = context.createLinearGradient(0, 0, 2400, 1800);
    gradient.addColorStop(0, '#1d5c55');
    gradient.addColorStop(1, '#f2b134');
    context.fillStyle = gradient;
    context.fillRect(0, 0, 2400, 1800);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.9));
    if (!blob) throw new Error('no JPEG from the canvas');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let binary = '';
    for (const byte of bytes) binary += String.fromCharCode(byte);
    return btoa(binary);
  });
}

/** The photo named `name` is drawn on the screen (decoded, not a broken image). */
function photoShown(device: Device, name: string): Promise<boolean> {
  return device.evaluate(
    (alt) => Array.from(document.images).some((image) => image.alt === alt && image.complete && image.naturalWidth > 0),
    name,
  );
}

function syncState(device: Device): Promise<{ state: string | null; last: string | null }> {
  return device.evaluate(() => {
    const status = document.querySelector('#reseau [data-sync-state]');
    return {
      state: status?.getAttribute('data-sync-state') ?? null,
      last: status?.getAttribute('data-last-sync') ?? null,
    };
  });
}

/** Réglages → "Synchroniser", until a sync that ended after the click says everything is sent and received. */
async function syncNow(phone: Phone, url: string): Promise<void> {
  const { device } = phone;
  await device.open(`${url}/#/reglages`);
  // Read once no run is under way: the end of one that started before the click would pass
  // for the click's, and its disabled button takes no click.
  await device.until('Réglages never showed a sync state at rest', async () => {
    const { state } = await syncState(device);
    return state !== null && state !== 'syncing';
  });
  const before = (await syncState(device)).last;
  await device.click({ role: 'button', name: 'Synchroniser', exact: true });
  await device.until('the sync never ended "à jour"', async () => {
    const now = await syncState(device);
    return now.state === 'idle' && now.last !== before;
  });
}

/**
 * The admin's Réglages once nothing above "Créer une invitation" moves any more. WebKit's click
 * aims at a point: the button moved from under it (once 5 ms after a click) by the network's
 * file space, which the administration reads from the server once shown and inserts above it
 * (72 px), and by the sync a page starts on loading, whose status takes another line while it
 * runs (24 px) — the same-address open of the second invitation is a reload in WebKit, and a
 * reloaded page says "idle" from its stored outcome before that run starts. A click aimed just
 * before lands on the field above, and no invitation is made. A sync that ended since this page
 * loaded is the join's or that start-up run's; the next one comes a minute later, and nothing is
 * written here.
 */
async function openAdministrationAtRest(admin: Device, url: string): Promise<void> {
  await admin.open(`${url}/#/reglages`);
  await admin.until('no sync ended since Réglages loaded', () =>
    admin.evaluate(() => {
      const status = document.querySelector('#reseau [data-sync-state]');
      const last = Date.parse(status?.getAttribute('data-last-sync') ?? '');
      return status?.getAttribute('data-sync-state') === 'idle' && last >= performance.timeOrigin;
    }),
  );
  await admin.until('the network files never showed', () =>
    admin.evaluate(() => document.querySelector('[data-testid="network-files"]') !== null),
  );
}

describe('journeys across engines', () => {
  const server = new JourneyServer();
  const phones = new Map<EngineName, Phone>();
  const phone = (name: EngineName): Phone => {
    const found = phones.get(name);
    if (!found) throw new Error(`no ${name} phone`);
    return found;
  };

  beforeAll(async () => {
    const [engines] = await Promise.all([Promise.all(ENGINES.map(launchEngine)), server.start()]);
    for (const engine of engines) phones.set(engine.name, { engine, device: await newDevice(engine), visitId: '' });
  });

  afterAll(async () => {
    for (const { device, engine } of phones.values()) {
      await device.close().catch(() => undefined);
      await engine.close();
    }
    await server.dispose();
  });

  /** A journey done by every engine: each engine's line of the table says whether it held. */
  const journey = (id: number, title: string, body: () => Promise<void>) =>
    test(`${id}. ${title}`, async () => {
      try {
        await body();
        for (const { engine } of phones.values()) recordJourney(engine, id, 'passed');
      } catch (error) {
        for (const { engine, device } of phones.values()) {
          recordJourney(engine, id, 'failed');
          await device.screenshot(`failed-journey-${id}`).catch(() => undefined);
        }
        throw error;
      }
      // Three engines in turn: 26 s on a quiet machine, past the e2e's 120 s at load 25-30.
    }, 300_000);

  journey(5, 'each engine joins the network by invitation, and a visit from each is seen in the others', async () => {
    let code = server.firstAdminCode();
    for (const name of JOIN_ORDER) {
      const { device } = phone(name);
      await device.open(`${server.url}/#/rejoindre?code=${encodeURIComponent(code)}`);
      expect(await device.value({ label: 'Code d’invitation' })).toBe(code);
      await device.fill({ label: 'Votre nom', exact: true }, `Concierge ${name}`);
      await device.fill({ label: 'Nom de cet appareil' }, `Téléphone ${name}`);
      await expectAccessible(device, 'joining a network');
      await device.click({ role: 'button', name: 'Rejoindre le réseau' });
      await device.until('the first sync never ended', async () => (await syncState(device)).state === 'idle');
      if (name === 'webkit') await device.screenshotAtSizes('joined');
      if (name === JOIN_ORDER.at(-1)) break;
      // The first one in is the network's admin: it invites the next engine.
      const admin = phone('webkit').device;
      await openAdministrationAtRest(admin, server.url);
      await admin.click({ role: 'button', name: 'Créer une invitation' });
      code = await admin.until('no invitation code showed', async () => {
        if (await admin.isVisible({ text: 'L’action n’a pas abouti' }))
          throw new Error(`the server refused the invitation:\n${server.output().slice(-2000)}`);
        const shown = await admin.evaluate(() =>
          document.querySelector('[data-testid="invitation-code"]')?.textContent?.trim(),
        );
        return shown && shown !== code ? shown : '';
      });
    }

    for (const name of ENGINES) {
      const own = phone(name);
      await own.device.open(`${server.url}/#/visites/nouvelle`);
      await own.device.fill({ role: 'textbox', name: 'Ou un endroit sans fiche', within: MAIN }, 'Marché de Redon');
      await own.device.fill({ role: 'textbox', name: 'Notes', within: MAIN }, `Notée dans ${name}.`);
      await own.device.click({ role: 'button', name: 'Enregistrer la visite', within: MAIN });
      await own.device.waitForText(MAIN, 'Visite enregistrée sur cet appareil.');
      own.visitId = await own.device.evaluate(() => location.hash.match(/visites\/([0-9a-f-]{36})/)?.[1] ?? '');
      expect(own.visitId).not.toBe('');
      await syncNow(own, server.url);
    }
    for (const name of ENGINES) {
      const { device } = phone(name);
      await syncNow(phone(name), server.url);
      await device.open(`${server.url}/#/visites`);
      for (const other of ENGINES) await device.waitForText(MAIN, `Notée dans ${other}.`);
      await expectAccessible(device, 'the visit list after a sync');
    }
    await phone('firefox').device.screenshotAtSizes('visits-from-three-engines');
  });

  journey(
    4,
    'a photo attached offline, resized, shown after a reload, uploaded and seen in another engine',
    async () => {
      for (const { device } of phones.values()) await reloadUntilControlled(device);
      for (const [index, name] of ENGINES.entries()) {
        const own = phone(name);
        const viewer = phone(ENGINES[(index + 1) % ENGINES.length] as EngineName);
        const photoName = `chantier-${name}.jpg`;
        const base64 = await cameraPhoto(own.device);

        await server.stop();
        await own.device.open(`${server.url}/#/visites/${own.visitId}`);
        await own.device.attachFile({ label: 'Ajouter une photo' }, { name: photoName, type: 'image/jpeg', base64 });
        await own.device.until(`${photoName} never showed`, () => photoShown(own.device, photoName));
        const stored = await own.device.readStore<{ fileName: string; width: number; height: number }>('attachments');
        expect(stored.find((photo) => photo.fileName === photoName)).toMatchObject({ width: 1600, height: 1200 });
        await expectAccessible(own.device, 'a visit with its photo');
        await own.device.screenshotAtSizes('photo-offline');
        await own.device.reload();
        await own.device.until(`${photoName} was gone after a reload`, () => photoShown(own.device, photoName));

        await server.start();
        await syncNow(own, server.url);
        // Another engine gets the visit's photo with its next sync.
        await syncNow(viewer, server.url);
        await viewer.device.open(`${server.url}/#/visites/${own.visitId}`);
        await viewer.device.until(`${photoName} never showed in ${viewer.engine.name}`, () =>
          photoShown(viewer.device, photoName),
        );
      }
    },
  );
});
