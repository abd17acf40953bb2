// Records a co-member's modified app may write, every one valid by the server's schema and
// odd in what it says: an answer of the wrong kind for its question, a grid that does not
// exist, an event from year 1 to year 9999, a visit dated 9999, links to records of another
// type or to none, a grid with duplicate questions or none at all, an unknown field nested deep.
// A phone that pulls them shows every page: no screen fails, no script error, and it keeps
// syncing. Found by it: leaving the map during its first zoom threw Leaflet's "_leaflet_pos".
import { describe, expect, test } from 'vitest';
import { newId } from '../../src/domain/ids';
import { formatHlc } from '../../src/protocol/hlc';
import { sampleRecords } from '../fixtures/records';
import { firstInvitationCode } from '../helpers/server-process';
import { PHONE } from './helpers/browser';
import { api } from './helpers/hostile-network';
import { startServer } from './helpers/server';
import { deviceSuite } from './helpers/suite';
import { NetworkPage } from './pages/network-page';
import { RECORD_LISTS } from './pages/shell-page';

const suite = deviceSuite();

type Fields = Record<string, unknown>;

/** The event that ends in the year 10000 on its own clocks (below): its id, set by oddRecords. */
let farEventId = '';

function oddRecords(): { type: string; fields: Fields; pages: string[] }[] {
  const sample = sampleRecords() as unknown as Record<string, Fields>;
  const at = new Date().toISOString();
  const stamp = { networkId: 'any', createdAt: at, updatedAt: at, updatedBy: 'Appli modifiée', deleted: false };
  const records: { type: string; fields: Fields; pages: string[] }[] = [];
  const add = (type: string, fields: Fields, page: (id: string) => string[]) => {
    const id = (fields.id as string | undefined) ?? newId();
    records.push({ type, fields: { ...stamp, ...fields, id }, pages: page(id) });
  };
  const ids = (count: number) => Array.from({ length: count }, () => newId());
  const nested = (depth: number): unknown => (depth === 0 ? 'fond' : { plus: nested(depth - 1) });
  for (const type of Object.keys(sample))
    if (type !== 'attachments' && type !== 'conflicts') add(type, sample[type] as Fields, () => []);
  const template = sample.diagnosticTemplates as Fields;
  const visit = sample.visits as Fields;

  add(
    'diagnostics',
    {
      ...sample.diagnostics,
      id: newId(),
      // A scale answered with words, a text with a number, a choice list on a scale, a question
      // the grid does not have.
      answers: {
        q1: { status: 'answered', value: 'beaucoup' },
        q2: { status: 'answered', value: 42 },
        absente: { status: 'answered', value: ['a', 'b'] },
      },
      setAside: { q1: { status: 'answered', value: ['x'] } },
    },
    (id) => [`#/diagnostics/${id}`, `#/diagnostics/${id}/section/1`, `#/diagnostics/${id}/comparer`],
  );
  add('diagnostics', { ...sample.diagnostics, id: newId(), templateId: newId(), templateVersion: 99 }, (id) => [
    `#/diagnostics/${id}`,
    `#/diagnostics/${id}/section/1`,
    `#/diagnostics/${id}/section/7`,
  ]);
  const oddTemplate = {
    ...template,
    id: newId(),
    family: newId(),
    title: 'Grille bizarre',
    sections: [
      {
        id: 's1',
        title: 'Doublons',
        questions: [
          { id: 'q1', kind: 'scale', label: 'Échelle sans niveaux', scored: true, levels: [], weight: 0 },
          { id: 'q1', kind: 'single', label: 'Choix sans options', scored: true },
          { id: 'q3', kind: 'number', label: 'Bornes inversées', scored: false, min: 10, max: -10 },
          {
            id: 'q4',
            kind: 'multiple',
            label: 'Options en double',
            scored: true,
            options: [
              { id: 'o', label: 'Un', score: 4 },
              { id: 'o', label: 'Deux', score: 0 },
            ],
          },
        ],
      },
      { id: 's1', title: 'Même id, vide', questions: [] },
    ],
  };
  add('diagnosticTemplates', oddTemplate, (id) => [`#/diagnostics/grilles/${id}`]);
  add(
    'diagnostics',
    {
      ...sample.diagnostics,
      id: newId(),
      templateId: oddTemplate.id,
      answers: {
        q1: { status: 'answered', value: 9 },
        q3: { status: 'answered', value: 1e308 },
        q4: { status: 'answered', value: ['o', 'o', 'inconnue'] },
      },
    },
    (id) => [`#/diagnostics/${id}`, `#/diagnostics/${id}/section/1`, `#/diagnostics/${id}/section/2`],
  );
  const emptyTemplate = { ...template, id: newId(), family: newId(), title: 'Grille vide', sections: [] };
  add('diagnosticTemplates', emptyTemplate, (id) => [`#/diagnostics/grilles/${id}`]);
  add('diagnostics', { ...sample.diagnostics, id: newId(), templateId: emptyTemplate.id, answers: {} }, (id) => [
    `#/diagnostics/${id}`,
    `#/diagnostics/${id}/section/1`,
  ]);

  // Its end is in year 10000 on the clocks of Kiritimati (UTC+14): its page and its form show
  // it (they showed it as a record this device cannot display until the wall clock wrote a
  // year of five digits); the schema's instants reach 9999-12-31T23:59Z, as every release wrote.
  farEventId = newId();
  add(
    'events',
    {
      ...sample.events,
      id: farEventId,
      title: 'De l’an 1 à l’an 9999',
      startsAt: '0001-01-01T00:00:00.000Z',
      endsAt: '9999-12-31T23:59:59.999Z',
      timeZone: 'Pacific/Kiritimati',
      placeOrganisationId: sample.contacts?.id,
      attendees: Object.fromEntries(ids(300).map((id) => [id, { name: 'Personne disparue', status: 'excused' }])),
    },
    (id) => [`#/evenements/${id}`, `#/evenements/${id}/modifier`],
  );
  add(
    'events',
    {
      ...sample.events,
      id: newId(),
      title: 'Finit avant de commencer',
      // Later by its text, earlier by its instant: the schema compares the texts.
      startsAt: '2026-04-01T12:00:00.000Z',
      endsAt: '2026-04-01T13:00:00.000+23:00',
    },
    (id) => [`#/evenements/${id}`, `#/evenements/${id}/modifier`],
  );
  add(
    'eventNotes',
    { ...sample.eventNotes, id: newId(), eventId: newId(), writtenAt: '9999-12-31T23:59:59.999Z' },
    () => [],
  );

  add(
    'visits',
    {
      ...visit,
      id: newId(),
      visitedAt: '9999-12-31T23:59:59.999Z',
      organisationId: sample.contacts?.id,
      contactIds: ids(500),
      latitude: 90,
      longitude: 180,
      positionAccuracy: 1e308,
      diagnosticId: visit.id,
      extra: nested(12),
    },
    (id) => [`#/visites/${id}`, `#/visites/${id}/modifier`],
  );
  add('visits', { ...visit, id: newId(), visitedAt: '0001-01-01T00:00:00.000Z', organisationId: newId() }, (id) => [
    `#/visites/${id}`,
  ]);
  add('followUps', { ...sample.followUps, id: newId(), dueDate: '0001-01-01', visitId: newId() }, () => []);
  add('followUps', { ...sample.followUps, id: newId(), dueDate: '9999-12-31', visitId: sample.events?.id }, () => []);
  add(
    'organisations',
    { ...sample.organisations, id: newId(), name: 'Au bout du monde', latitude: -90, longitude: -180 },
    (id) => [`#/contacts/lieu/${id}`],
  );
  add(
    'contacts',
    { ...sample.contacts, id: newId(), name: 'Liée à tout', organisationIds: [visit.id, ...ids(400)] },
    (id) => [`#/contacts/personne/${id}`],
  );
  add('loans', { ...sample.loans, id: newId(), count: 1e20, borrowedAt: '0001-01-01T00:00:00.000Z' }, () => []);
  add('loans', { ...sample.loans, id: newId(), itemId: newId() }, () => []);
  add(
    'packingLists',
    {
      ...sample.packingLists,
      id: newId(),
      itemIds: ids(500),
      packed: Object.fromEntries(ids(300).map((id) => [id, true])),
    },
    (id) => [`#/valise/liste/${id}`],
  );
  return records;
}

describe('records a modified app of a co-member wrote', () => {
  test('show on every page with no failed screen, no record shown as a problem and no script error, and the phone keeps syncing', async () => {
    const server = await startServer();
    suite.servers.push(server);
    const modified = await api(`${server.url}/api/join`, undefined, {
      code: firstInvitationCode(server.output()),
      deviceName: 'Appli modifiée',
      memberName: 'Dominique',
      clockNode: 'abcdefabcdefabcd',
    });
    const token = modified.token as string;
    const records = oddRecords();
    const clock = formatHlc({ millis: Date.now(), counter: 0, node: 'abcdefabcdefabcd' });
    const pushed = await api(`${server.url}/api/sync/push`, token, {
      mutations: records.map(({ type, fields }) => ({ id: newId(), type, recordId: fields.id, fields, clock })),
    });
    const refused = (pushed.results as { status: string }[])
      .map((result, index) => ({ ...result, type: records[index]?.type }))
      .filter((result) => result.status !== 'applied');
    expect(refused).toEqual([]);
    const { code } = await api(`${server.url}/api/admin/invitations`, token, { role: 'admin' });

    const { page } = await suite.device(PHONE);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
    page.on('dialog', (dialog) => void dialog.dismiss());
    const network = new NetworkPage(page, server.url);
    await network.openInvitation(code as string);
    await network.join('Camille Martin', 'Téléphone de Camille');
    await expect.poll(() => network.state(), { timeout: 60_000 }).toBe('idle');

    const pages = [
      ...RECORD_LISTS,
      '#/diagnostics/grilles',
      '#/carte',
      '#/rapports',
      '#/brouillons',
      ...records.flatMap((record) => record.pages),
    ];
    const failed: string[] = [];
    for (const hash of pages) {
      await page.goto(`${server.url}/${hash}`);
      await page.locator('main h1').waitFor();
      // Settled: the screen's queries answered (nothing says "Chargement" any more).
      await expect.poll(() => page.locator('main [role="status"]', { hasText: 'Chargement' }).count()).toBe(0);
      const title = await page.locator('main h1').first().textContent();
      if (title === 'Cet écran n’a pas pu s’ouvrir.') failed.push(hash);
      const problemLines = page.locator('main').getByText('ne peut pas s’afficher');
      // The far event's part renders after the screen's first frame: wait for its title.
      if (hash === `#/evenements/${farEventId}`) await page.locator('main h1', { hasText: 'l’an 9999' }).waitFor();
      const problems = await problemLines.count();
      if (problems > 0) failed.push(`${hash}: ${problems} record(s) shown as a problem`);
    }
    expect({ failed, errors }).toEqual({
      failed: [],
      errors: [],
    });
    await network.page.goto(`${server.url}/#/reglages`);
    await network.syncUntilIdle();
  }, 300_000);
});
