// Records written by a hostile device of the network, pulled by a phone: every name and text
// holds markup, a 58-letter word and a right-to-left override. Each record's page and each list
// shows them as text (no element made of them, nothing run) and stays within a 360 px phone
// and a 1280 px screen; so does Réglages, where an admin sees the hostile device by its name.
// The app's own words and digits beside such a name, or beside a right-to-left name, read in
// their order: the name's direction never reaches them.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { firstInvitationCode } from '../helpers/server-process';
import { DESKTOP, PHONE } from './helpers/browser';
import { ELSEWHERE, hostileNetwork, MARKUP, namePages, WORD, wordDrawn } from './helpers/hostile-network';
import { tooWide } from './helpers/layout';
import { screenshot } from './helpers/screenshots';
import { startServer } from './helpers/server';
import { deviceSuite } from './helpers/suite';
import { NetworkPage } from './pages/network-page';

const suite = deviceSuite();

/** A legitimate right-to-left name: the bidi algorithm orders digits after it right to left. */
const ARABIC = 'محمد بن علي';

/**
 * Where `text`, each time it is in main, is not drawn in reading order: a character left of the
 * one before it on the same line ("35400" drawn "00453", "06 12 34" drawn "34 12 06"). In-page.
 */
function drawnOutOfOrder(text: string): string[] {
  const found: string[] = [];
  const main = document.querySelector('main');
  if (!main) return ['no main'];
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  const boxOf = (node: Node, at: number) => {
    range.setStart(node, at);
    range.setEnd(node, at + 1);
    return range.getBoundingClientRect();
  };
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = node.textContent ?? '';
    for (let start = data.indexOf(text); start !== -1; start = data.indexOf(text, start + 1)) {
      let before: DOMRect | null = null;
      for (let at = start; at < start + text.length; at++) {
        if (data[at] === ' ') continue;
        const box = boxOf(node, at);
        // The next line starts lower; on the same line a character comes right of the one before.
        if (before && Math.abs(box.top - before.top) < before.height / 2 && box.left < before.left) {
          found.push(`"${text}" drawn out of order in "${data.slice(0, 80)}"`);
          break;
        }
        before = box;
      }
    }
  }
  return found;
}

async function outOfOrder(page: Page, text: string): Promise<string[]> {
  await page.locator('main').getByText(text).first().waitFor();
  return page.evaluate(drawnOutOfOrder, text);
}

/**
 * The links in main that could run something or leave unannounced: an address that is not the
 * web, an e-mail or a phone, or a page of another origin that would open in this tab, with a
 * way back to it (window.opener) or a referrer. In-page.
 */
function unsafeLinks(): string[] {
  const found: string[] = [];
  for (const link of document.querySelectorAll<HTMLAnchorElement>('main a[href]')) {
    const raw = link.getAttribute('href') ?? '';
    if (raw.startsWith('#/')) continue;
    const url = new URL(raw, location.href);
    if (!['http:', 'https:', 'mailto:', 'tel:', 'blob:'].includes(url.protocol))
      found.push(`${raw}: not a link to open`);
    const rel = link.rel.split(/\s+/);
    const elsewhere = url.protocol.startsWith('http') && url.origin !== location.origin;
    if (elsewhere && !(link.target === '_blank' && rel.includes('noopener') && rel.includes('noreferrer')))
      found.push(`${raw}: opens with opener or referrer (target "${link.target}", rel "${link.rel}")`);
  }
  return found;
}

/** A phone that joined, as an admin, a network where a hostile device wrote records named `word`. */
async function phoneWithRecordsFrom(word: string) {
  const server = await startServer();
  suite.servers.push(server);
  const { adminCode, id } = await hostileNetwork(server.url, firstInvitationCode(server.output()), word);

  const { page } = await suite.device(PHONE);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const network = new NetworkPage(page, server.url);
  await network.openInvitation(adminCode);
  await network.join('Camille Martin', 'Téléphone de Camille');
  await expect.poll(() => network.state(), { timeout: 60_000 }).toBe('idle');
  return { page, server, id, dialogs };
}

describe('records from a hostile device', () => {
  test('are shown as text, whole, and never wider than a phone or a screen', async () => {
    const { page, server, id, dialogs } = await phoneWithRecordsFrom(WORD);
    const problems: string[] = [];
    // Showing a record never calls another origin by itself (its links are only followed by hand).
    const elsewhere: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.protocol.startsWith('http') && url.origin !== new URL(server.url).origin) elsewhere.push(request.url());
    });
    for (const viewport of [PHONE, DESKTOP]) {
      await page.setViewportSize(viewport);
      for (const hash of namePages(id)) {
        await page.goto(`${server.url}/${hash}`);
        await page.locator('main h1').waitFor();
        // Measured once the hostile word is drawn: as text on a record's page, in a list or
        // among a form's suggestions, or as a field's value in a form.
        await page.waitForFunction(wordDrawn, WORD.slice(1, 20));
        for (const wide of await tooWide(page)) problems.push(`${hash} at ${viewport.width}px: ${wide} sticks out`);
        if (await page.locator('main img[src="x"], main script').count())
          problems.push(`${hash}: the markup became elements`);
        for (const link of await page.evaluate(unsafeLinks)) problems.push(`${hash}: ${link}`);
      }
      await page.goto(`${server.url}/#/reglages`);
      await page.getByRole('button', { name: 'Afficher les appareils' }).click();
      await page.getByTestId('devices').getByText(WORD.slice(1, 20)).first().waitFor();
      for (const wide of await tooWide(page))
        problems.push(`Réglages' devices at ${viewport.width}px: ${wide} sticks out`);
      await page.goto(`${server.url}/#/visites/${id('visits')}`);
      await page.getByText(MARKUP).first().waitFor();
      await screenshot(page, `hostile-text-visit-${viewport.width}`, { fullPage: true });
    }
    // The description's link to another origin is a link, its javascript: and file: ones text.
    await page.goto(`${server.url}/#/valise/element/${id('toolboxItems')}`);
    const description = page.getByTestId('rich-text');
    await description.getByRole('link', { name: 'Ouvrir le pad' }).waitFor();
    expect(
      await description.getByRole('link').evaluateAll((links) => links.map((link) => link.getAttribute('href'))),
    ).toEqual([`${ELSEWHERE}/pad`]);
    expect(await description.textContent()).toContain('[piège](javascript:alert(1))');
    expect(problems).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(elsewhere).toEqual([]);
  });

  test('leave the app’s digits, dates and words beside their names in reading order', async () => {
    const problems: string[] = [];
    for (const name of [WORD, ARABIC]) {
      const { page, server, id } = await phoneWithRecordsFrom(name);
      const shown = async (hash: string, texts: string[]) => {
        await page.goto(`${server.url}/${hash}`);
        for (const text of texts) {
          for (const problem of await outOfOrder(page, text)) problems.push(`${hash} by ${name}: ${problem}`);
        }
      };
      // The lieu's postcode after its address, its scale after its territory, a visit's notes
      // after its purpose; the "Appeler" button's number after a person's name; a loan's date
      // and its return button after the holder; a diagnostic's date after its grid's title.
      await shown(`#/contacts/lieu/${id('organisations')}`, ['35400', 'Bassin de vie', 'onerror']);
      await shown(`#/contacts/personne/${id('contacts')}`, ['06 12 34 56 78', 'onerror']);
      await shown(`#/valise/element/${id('toolboxItems')}`, ['28 mars 2026', 'l’a rendu']);
      await shown('#/diagnostics', ['3 mars 2026']);
      await screenshot(page, `hostile-text-order-${name === WORD ? 'override' : 'arabic'}`);
    }
    expect(problems).toEqual([]);
  });
});
