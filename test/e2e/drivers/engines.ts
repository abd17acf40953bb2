// The three engines of the journeys, by name; the one to run alone with VALISE_ENGINE.
import type { Viewport } from '../helpers/browser';
import { PHONE } from '../helpers/browser';
import type { Engine, EngineName } from './backend';
import { launchChromium } from './chromium';
import { Device } from './device';
import { launchFirefox } from './firefox';
import { launchWebKit } from './webkit';

export const ENGINES: readonly EngineName[] = ['chromium', 'firefox', 'webkit'];

const LAUNCH: Record<EngineName, () => Promise<Engine>> = {
  chromium: launchChromium,
  firefox: launchFirefox,
  webkit: launchWebKit,
};

export function launchEngine(name: EngineName): Promise<Engine> {
  return LAUNCH[name]();
}

export async function newDevice(engine: Engine, viewport: Viewport = PHONE): Promise<Device> {
  return new Device(engine.name, await engine.newBackend(viewport), viewport);
}
