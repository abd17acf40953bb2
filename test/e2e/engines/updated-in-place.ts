// Journey 10 of the engine journeys, in WebKit: a phone whose database the previous schema
// version wrote (the app just before today's version came, built from git history) takes the
// update to today's app and lists its visits. WebKit keeps an index built in an upgrade that
// aborts (Chromium and Firefox undo it): an app that aborts a first try at an older database
// and opens it again fails with ConstraintError at every start — a WebKit phone of version 15
// was locked out of every screen by version 16 that way (fresh22, session 22). A phone of the
// previous release (version 1), as releases.test.ts updates it in Chromium, was not.
import { expect } from 'vitest';
import { SCHEMA_HISTORY } from '../../../src/db/schema';
import type { Engine } from '../drivers/backend';
import type { Device } from '../drivers/device';
import { newDevice } from '../drivers/engines';
import { DIST } from '../helpers/paths';
import { buildRelease, previousSchemaBuild } from '../helpers/release-build';
import { type Front, startFront } from '../helpers/release-front';
import type { JourneyServer } from './session';

const MAIN = { role: 'main' };
const NOTE = 'Rencontre au fablab : projet de ressourcerie.';
/** Today's version of the database, as Dexie numbers it on disk (10 × the schema's). */
const TODAY = SCHEMA_HISTORY.length * 10;

function versionOnDisk(device: Device): Promise<number | null> {
  return device.evaluate(
    async () => (await indexedDB.databases()).find((database) => database.name === 'valise')?.version ?? null,
  );
}

export async function previousSchemaUpdatedInPlace(engine: Engine, server: JourneyServer): Promise<void> {
  const previous = buildRelease(previousSchemaBuild());
  let front: Front = await startFront(previous.dist, server.url);
  const address = front.url;
  // A phone of its own: a new profile, whose database the previous version creates.
  const phone = await newDevice(engine);
  try {
    await phone.open(`${address}/#/visites/nouvelle`);
    await phone.click({ role: 'checkbox', name: 'Détecter', within: MAIN });
    await phone.fill({ role: 'textbox', name: 'Notes', within: MAIN }, NOTE);
    await phone.click({ role: 'button', name: 'Enregistrer la visite', within: MAIN });
    await phone.waitForText(MAIN, 'Visite enregistrée sur cet appareil.');
    expect(await versionOnDisk(phone)).toBe(TODAY - 10);
    await phone.until('the previous version’s service worker never became active', () =>
      phone.evaluate(async () => (await navigator.serviceWorker.ready).active !== null),
    );

    // Today's build deployed on the same address (the phone's storage is the same): the browser
    // finds the new worker and the person takes the update.
    await front.stop();
    front = await startFront(DIST, server.url, Number(new URL(address).port));
    await phone.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
      // A page that reloads loses this mark.
      Object.assign(window, { valiseSamePage: true });
      return true;
    });
    await phone.click({ role: 'button', name: 'Recharger', exact: true });
    await phone.until('the page never reloaded into today’s build', () =>
      phone.evaluate(() => !('valiseSamePage' in window) && document.querySelector('h1') !== null),
    );
    await phone.open(`${address}/#/visites`);
    await phone.waitForText(MAIN, NOTE);
    expect(await versionOnDisk(phone)).toBe(TODAY);
    await phone.screenshot('updated-in-place-visits');
  } finally {
    await phone.close();
    await front.stop();
  }
}
