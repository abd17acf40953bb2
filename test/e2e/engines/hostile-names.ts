// Journey 9 of the engine journeys: names written by a hostile device of the network, pulled
// by a new phone, never make a page wider than the phone. hostile-text.test.ts checks every
// page at two sizes in Chromium; each engine lays out a long word inside a bidi isolation its
// own way (WebKit grew the lieu, contact and kit pages to 448–602 px before cc8dd25), so each
// engine here opens the pages that show names, at 360 px.
import { expect } from 'vitest';
import type { Engine } from '../drivers/backend';
import { newDevice } from '../drivers/engines';
import { hostileNetwork, namePages, WORD, wordDrawn } from '../helpers/hostile-network';
import { elementsTooWide } from '../helpers/layout';
import type { JourneyServer } from './session';

/**
 * A person's name as another device may write it: right-to-left letters, zero-width characters,
 * emoji sequences joined by ZERO WIDTH JOINER, an unclosed RIGHT-TO-LEFT ISOLATE, then a word
 * with no break in it (60 characters: as long as a tag may be).
 */
const MIXED = `محمد بن علي\u200F 👩🏽‍🔧\u200D🏳️‍🌈\u2067${'Anticonstitutionnellement'.repeat(2)}`.slice(0, 60);

export async function hostileNamesWithinPhone(engine: Engine, server: JourneyServer): Promise<void> {
  const { adminCode, id } = await hostileNetwork(server.url, server.firstAdminCode(), WORD, MIXED);
  // A phone of its own: the day's device keeps its local notebook.
  const phone = await newDevice(engine);
  try {
    await phone.open(`${server.url}/#/rejoindre?code=${encodeURIComponent(adminCode)}`);
    await phone.fill({ label: 'Votre nom', exact: true }, 'Camille Martin');
    await phone.fill({ label: 'Nom de cet appareil' }, 'Téléphone de Camille');
    await phone.click({ role: 'button', name: 'Rejoindre le réseau' });
    // Any other state is thrown, so that a wait that fails says which one it ended in, and why.
    await phone.until(
      'the first sync never ended',
      async () => {
        const status = await phone.evaluate(() => {
          const shown = document.querySelector('#reseau [data-sync-state]');
          return { state: shown?.getAttribute('data-sync-state'), text: shown?.textContent };
        });
        if (status.state !== 'idle') throw new Error(`state ${status.state}: ${status.text}`);
        return true;
      },
      60_000,
    );

    const problems: string[] = [];
    for (const hash of namePages(id)) {
      await phone.open(`${server.url}/${hash}`);
      // Measured once the hostile name is drawn.
      await phone.until(`${hash} never showed the hostile name`, () => phone.evaluate(wordDrawn, WORD.slice(1, 20)));
      for (const wide of await phone.evaluate(elementsTooWide)) problems.push(`${hash}: ${wide} sticks out`);
    }
    await phone.open(`${server.url}/#/reglages`);
    await phone.click({ role: 'button', name: 'Afficher les appareils' });
    await phone.waitFor({ text: WORD.slice(1, 20) });
    for (const wide of await phone.evaluate(elementsTooWide)) problems.push(`Réglages' devices: ${wide} sticks out`);
    expect(problems, `${engine.name}, at 360 px`).toEqual([]);
  } catch (error) {
    await phone.screenshot('failed-hostile-names').catch(() => undefined);
    throw error;
  } finally {
    await phone.close();
  }
}
