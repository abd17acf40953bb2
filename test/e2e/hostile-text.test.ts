// Records written by a hostile device of the network, pulled by a phone: every name and text
// holds markup, a 58-letter word and a right-to-left override. Each record's page and each list
// shows them as text (no element made of them, nothing run) and stays within a 360 px phone
// and a 1280 px screen; so does Réglages, where an admin sees the hostile device by its name.
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

/** One record of each type a screen shows, every free text of it hostile. */
function hostileRecords(now: number): { type: string; fields: Record<string, unknown> }[] {
  const records = sampleRecords() as unknown as Record<string, Record<string, unknown>>;
  const contactId = records.contacts?.id as string;
  const hostile: Record<string, Record<string, unknown>> = {
    organisations: { name: WORD, address: WORD, commune: WORD, territoryLabel: WORD, notes: LONG_TEXT, tags: [WORD] },
    contacts: { name: WORD, role: WORD, tags: [WORD], consentNote: LONG_TEXT },
    visits: { purpose: `${MARKUP} ${WORD}`, notes: LONG_TEXT, placeLabel: WORD },
    followUps: { text: WORD, owner: WORD },
    events: { title: WORD, organisers: [WORD], attendees: { [contactId]: { name: WORD, status: 'present' } } },
    eventNotes: { text: LONG_TEXT, authorName: WORD },
    toolboxItems: { title: WORD, description: LONG_TEXT, tags: [WORD] },
    loans: { holderName: WORD },
    packingLists: { title: WORD },
    diagnosticTemplates: { title: WORD },
    diagnostics: { sectionComments: { communaute: LONG_TEXT } },
  };
  const at = new Date(now).toISOString();
  const stamp = { networkId: 'any', createdAt: at, updatedAt: at, updatedBy: WORD, deleted: false };
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

describe('records from a hostile device', () => {
  test('are shown as text, whole, and never wider than a phone or a screen', async () => {
    const server = await startServer();
    suite.servers.push(server);
    const intruder = await api(`${server.url}/api/join`, undefined, {
      code: firstInvitationCode(server.output()),
      // Names a device gives itself, shown to the network's admins.
      deviceName: WORD,
      memberName: WORD,
      clockNode: 'abcdefabcdefabcd',
    });
    const token = intruder.token as string;
    const now = Date.now();
    const clock = formatHlc({ millis: now, counter: 0, node: 'abcdefabcdefabcd' });
    const records = hostileRecords(now);
    const pushed = await api(`${server.url}/api/sync/push`, token, {
      mutations: records.map(({ type, fields }) => ({ id: newId(), type, recordId: fields.id, fields, clock })),
    });
    expect((pushed.results as { status: string }[]).map((result) => result.status)).toEqual(
      records.map(() => 'applied'),
    );
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
});
