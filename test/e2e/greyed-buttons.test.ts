// A greyed button (aria-disabled while its work runs, or disabled) keeps its colour under the
// pointer: darkening on hover, as an active one does, said that a press would do something.
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { DESKTOP } from './helpers/browser';
import { startServer } from './helpers/server';
import { deviceSuite } from './helpers/suite';

const suite = deviceSuite();

/** Buttons drawn with the classes of the empty list's links (`button primary …`, `button secondary`), one per state. */
async function buttonsOfEachLook(page: Page): Promise<void> {
  await page.evaluate(() => {
    const looks = {
      primary: document.querySelector('main [class] a[href$="/nouvelle"]'),
      secondary: document.querySelector('main a[href="#/a-faire"]'),
    };
    for (const [variant, link] of Object.entries(looks)) {
      if (!link) throw new Error(`no ${variant} link on the empty list`);
      const look = [...link.classList].slice(0, 2).join(' ');
      for (const state of ['active', 'busy', 'disabled']) {
        const button = document.createElement('button');
        button.className = look;
        button.textContent = `${variant} ${state}`;
        button.dataset.look = `${variant}-${state}`;
        if (state === 'busy') button.setAttribute('aria-disabled', 'true');
        if (state === 'disabled') button.disabled = true;
        document.querySelector('main')?.append(button);
      }
    }
  });
}

test('a greyed button keeps its colour under the pointer, an active one changes', async () => {
  const server = await startServer();
  suite.servers.push(server);
  const { page } = await suite.device(DESKTOP);
  await page.goto(server.url);
  await page.getByText('Aucune visite pour l’instant').waitFor();
  await buttonsOfEachLook(page);
  const background = (look: string) =>
    page.$eval(`[data-look="${look}"]`, (button) => getComputedStyle(button).backgroundColor);
  const changes: Record<string, boolean> = {};
  for (const variant of ['primary', 'secondary'])
    for (const state of ['active', 'busy', 'disabled']) {
      const look = `${variant}-${state}`;
      await page.mouse.move(0, 0);
      const resting = await background(look);
      await page.hover(`[data-look="${look}"]`, { force: true });
      changes[look] = (await background(look)) !== resting;
    }
  expect(changes).toEqual({
    'primary-active': true,
    'primary-busy': false,
    'primary-disabled': false,
    'secondary-active': true,
    'secondary-busy': false,
    'secondary-disabled': false,
  });
});
