// The core journeys of a concierge, written once and run in Chromium, Firefox and WebKit
// (one *.test.ts per engine calls engineJourneys). One server and one device per file; the
// journeys follow each other as one person's day, so each starts where the last one ended.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Engine, EngineName } from '../drivers/backend';
import type { Device } from '../drivers/device';
import { launchEngine, newDevice } from '../drivers/engines';
import { recordJourney } from './results';
import { expectAccessible, JourneyServer, reloadUntilControlled } from './session';

export function engineJourneys(name: EngineName): void {
  describe(`core journeys in ${name}`, () => {
    let engine: Engine;
    let device: Device;
    const server = new JourneyServer();

    beforeAll(async () => {
      [engine] = await Promise.all([launchEngine(name), server.start()]);
      device = await newDevice(engine);
    });

    afterAll(async () => {
      await device?.close();
      await engine?.close();
      await server.dispose();
    });

    /** A journey's test that also writes its line of the README's engine table. */
    const journey = (id: number, title: string, body: () => Promise<void>) =>
      test(`${id}. ${title}`, async () => {
        try {
          await body();
          recordJourney(engine, id, 'passed');
        } catch (error) {
          if (engine) recordJourney(engine, id, 'failed');
          // What the screen showed, to read beside the error.
          await device?.screenshot(`failed-journey-${id}`).catch(() => undefined);
          throw error;
        }
      });

    journey(
      1,
      'first load online, then a cold start offline with the server stopped shows the visit list',
      async () => {
        await device.open(server.url);
        expect(await device.heading()).toBe('Visites');
        await reloadUntilControlled(device);

        await server.stop();
        await device.killTab();
        await device.open(server.url);
        expect(await device.heading()).toBe('Visites');
        await device.waitFor({ text: 'Aucune visite pour l’instant' });
        await device.screenshotAtSizes('offline-visits');
        await expectAccessible(device, 'the visit list offline');
      },
    );
  });
}
