// Records written by a hostile device of the network, pulled by a phone: every name and text
// holds markup, a 58-letter word and a right-to-left override. Each record's page and each list
// shows them as text (no element made of them, nothing run) and stays within a 360 px phone
// and a 1280 px screen; so does Réglages, where an admin sees the hostile device by its name.
// The app's own words and digits beside such a name, or beside a right-to-left name, read in
// their order: the name's direction never reaches them.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { newId } from '../../src/domain/ids';
import { formatHlc } from '../../src/protocol/hlc';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../src/protocol/wire';
import { sampleRecords } from '../fixtures/records';
import { firstInvitationCode } from '../helpers/server-process';
import { DESKTOP, PHONE } from './helpers/browser';
import { tooWide } from './helpers/layout';
import { screenshot } from './helpers/screenshots';
import { startServer } from './helpers/server';
import { deviceSuite } from './helpers/suite';
import { NetworkPage } from './pages/network-page';

const suite = deviceSuite();

const MARKUP = '<img src=x onerror=alert(1)><script>alert(1)</script>';
/** One unbroken word, as long as a tag may be, opening with a right-to-left override. */
const WORD = `\u202E${'Anticonstitutionnellement'.repeat(3)}`.slice(0, 58);
const LONG_TEXT = `${MARKUP}\n${'Anticonstitutionnellement'.repeat(12)}`;
/** A legitimate right-to-left name: the bidi algorithm orders digits after it right to left. */
const ARABIC = 'محمد بن علي';

/** One record of each type a screen shows, every free text of it hostile, every name `word`. */
function hostileRecords(now: number, word: string): { type: string; fields: Record<string, unknown> }[] {
  const records = sampleRecords() as unknown as Record<string, Record<string, unknown>>;
  const contactId = records.contacts?.id as string;
  const hostile: Record<string, Record<string, unknown>> = {
    organisations: { name: word, address: word, commune: word, territoryLabel: word, notes: LONG_TEXT, tags: [word] },
    contacts: { name: word, role: word, tags: [word], consentNote: LONG_TEXT },
    visits: { purpose: `${MARKUP} ${word}`, notes: LONG_TEXT, placeLabel: word },
    followUps: { text: word, owner: word },
    events: { title: word, organisers: [word], attendees: { [contactId]: { name: word, status: 'present' } } },
    eventNotes: { text: LONG_TEXT, authorName: word },
    toolboxItems: { title: word, description: LONG_TEXT, tags: [word] },
    loans: { holderName: word },
    packingLists: { title: word },
    diagnosticTemplates: { title: word },
    diagnostics: { sectionComments: { communaute: LONG_TEXT } },
  };
  const at = new Date(now).toISOString();
  const stamp = { networkId: 'any', createdAt: at, updatedAt: at, updatedBy: word, deleted: false };
  const linked = Object.entries(hostile).map(([type, fields]) => ({
    type,
    fields: { ...stamp, ...records[type], ...fields },
  }));
  // A lieu and a person linked to nothing, which forms offer among their suggestions.
  const unlinked = (['organisations', 'contacts'] as const).map((type) => ({
    type,
    fields: {
      ...stamp,
      ...records[type],
      ...hostile[type],
      id: newId(),
      ...(type === 'contacts' ? { organisationIds: [] } : {}),
    },
  }));
  return [...linked, ...unlinked];
}

async function api(url: string, token: string | undefined, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  expect(response.status, await response.clone().text()).toBeLessThan(300);
  return (await response.json()) as Record<string, unknown>;
}

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

/** A phone that joined, as an admin, a network where a hostile device wrote records named `word`. */
async function phoneWithRecordsFrom(word: string) {
  const server = await startServer();
  suite.servers.push(server);
  const intruder = await api(`${server.url}/api/join`, undefined, {
    code: firstInvitationCode(server.output()),
    // Names a device gives itself, shown to the network's admins.
    deviceName: word,
    memberName: word,
    clockNode: 'abcdefabcdefabcd',
  });
  const token = intruder.token as string;
  const now = Date.now();
  const clock = formatHlc({ millis: now, counter: 0, node: 'abcdefabcdefabcd' });
  const records = hostileRecords(now, word);
  const pushed = await api(`${server.url}/api/sync/push`, token, {
    mutations: records.map(({ type, fields }) => ({ id: newId(), type, recordId: fields.id, fields, clock })),
  });
  expect((pushed.results as { status: string }[]).map((result) => result.status)).toEqual(records.map(() => 'applied'));
  // An admin: Réglages lists the network's devices to her.
  const { code } = await api(`${server.url}/api/admin/invitations`, token, { role: 'admin' });

  const { page } = await suite.device(PHONE);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const network = new NetworkPage(page, server.url);
  await network.openInvitation(code as string);
  await network.join('Camille Martin', 'Téléphone de Camille');
  await expect.poll(() => network.state(), { timeout: 60_000 }).toBe('idle');

  const id = (type: string) => records.find((record) => record.type === type)?.fields.id as string;
  return { page, server, id, dialogs };
}

describe('records from a hostile device', () => {
  test('are shown as text, whole, and never wider than a phone or a screen', async () => {
    const { page, server, id, dialogs } = await phoneWithRecordsFrom(WORD);
    const pages = [
      `#/visites/${id('visits')}`,
      `#/contacts/lieu/${id('organisations')}`,
      `#/contacts/personne/${id('contacts')}`,
      `#/evenements/${id('events')}`,
      `#/evenements/${id('events')}/modifier`,
      '#/visites/nouvelle',
      `#/valise/element/${id('toolboxItems')}`,
      `#/valise/liste/${id('packingLists')}`,
      `#/diagnostics/${id('diagnostics')}`,
      '#/visites',
      '#/contacts/lieux',
      '#/a-faire',
      '#/evenements',
      '#/valise',
      '#/diagnostics',
    ];
    const problems: string[] = [];
    for (const viewport of [PHONE, DESKTOP]) {
      await page.setViewportSize(viewport);
      for (const hash of pages) {
        await page.goto(`${server.url}/${hash}`);
        await page.locator('main h1').waitFor();
        // Measured once the hostile word is drawn: as text on a record's page, in a list or
        // among a form's suggestions, or as a field's value in a form.
        await page.waitForFunction(
          (word) => {
            const main = document.querySelector('main');
            const fields = [...document.querySelectorAll<HTMLInputElement>('main input, main textarea')];
            return Boolean(main?.textContent?.includes(word)) || fields.some((field) => field.value.includes(word));
          },
          WORD.slice(1, 20),
        );
        for (const wide of await tooWide(page)) problems.push(`${hash} at ${viewport.width}px: ${wide} sticks out`);
        if (await page.locator('main img[src="x"], main script').count())
          problems.push(`${hash}: the markup became elements`);
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
    expect(problems).toEqual([]);
    expect(dialogs).toEqual([]);
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
