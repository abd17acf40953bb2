// A phone with a notch and a home indicator (viewport-fit=cover): the page draws under them,
// so nothing to read or tap may sit there, held upright or sideways, in either layout.
// Chromium stands in for Safari on an iPhone: it alone lets a test set env(safe-area-inset-*).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, newDevice, type Viewport } from './helpers/browser';
import { type RunningServer, startServer } from './helpers/server';

interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

let browser: Browser;
let server: RunningServer;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startServer()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Texts, links and controls of the bars and the screen that reach into an inset, at rest. */
function underInsets(insets: Insets): string[] {
  const width = document.documentElement.clientWidth;
  const height = window.innerHeight;
  const found: string[] = [];
  // The side column scrolls in a short window: at its end, its last place clears the indicator.
  const nav = document.querySelector('.nav');
  nav?.scrollTo(0, nav.scrollHeight);
  const shown = (element: Element) =>
    element.getClientRects().length > 0 && !element.closest('.visually-hidden, [aria-hidden="true"]');
  const readable = document.querySelectorAll(
    ':is(.topbar, .nav, main) :is(a, button, input, select, textarea, h1, h2, p, label, summary)',
  );
  for (const element of Array.from(readable)) {
    if (!shown(element)) continue;
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || box.top >= height) continue;
    // Scrolled out of the column's view: hidden by the column, not by the phone.
    if (nav?.contains(element) && box.top < nav.getBoundingClientRect().top) continue;
    const under =
      box.left < insets.left - 1 ||
      box.right > width - insets.right + 1 ||
      box.top < insets.top - 1 ||
      (element.closest('.nav') !== null && box.bottom > height - insets.bottom + 1);
    if (under) {
      const name = (element.textContent ?? '').trim().slice(0, 30) || element.tagName.toLowerCase();
      found.push(
        `${name} (${Math.round(box.left)}–${Math.round(box.right)}, ${Math.round(box.top)}–${Math.round(box.bottom)})`,
      );
    }
  }
  return found;
}

const PHONES: [string, Viewport, Insets][] = [
  ['upright', { width: 390, height: 844 }, { top: 47, right: 0, bottom: 34, left: 0 }],
  ['sideways, the phone layout', { width: 700, height: 360 }, { top: 0, right: 32, bottom: 21, left: 32 }],
  ['sideways, the side column', { width: 844, height: 390 }, { top: 0, right: 47, bottom: 21, left: 47 }],
];

describe('a phone with a notch and a home indicator', () => {
  test.each(PHONES)(
    '%s: nothing to read or tap under the notch, the rounded corners or the home indicator',
    async (_, viewport, insets) => {
      const context = await newDevice(browser, viewport);
      try {
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Emulation.setSafeAreaInsetsOverride', { insets });
        const problems: string[] = [];
        for (const hash of ['#/visites', '#/reglages']) {
          await page.goto(`${server.url}/${hash}`);
          await page.locator('main h1').waitFor();
          for (const problem of await page.evaluate(underInsets, insets)) problems.push(`${hash}: ${problem}`);
        }
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );
});
