// Data every device would have to display is checked by the server with the same domain
// schemas as the devices: an address that is not a web, e-mail or phone link, or a time zone
// no device knows, is refused for that mutation alone.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../src/domain/ids';
import { formatHlc } from '../../src/protocol/hlc';
import type { JoinResponse, Mutation, PushResponse } from '../../src/protocol/wire';
import { recordCreation } from '../helpers/mutations';
import { TEST_SERVER_URL, TestServer } from '../helpers/test-server';

const now = Date.parse('2026-11-28T10:00:00.000Z');
let server: TestServer;
let token: string;

const creation = (type: Mutation['type'], fields: Record<string, unknown>): Mutation =>
  recordCreation(type, fields, { now });

const lieu = (website: string) => creation('organisations', { name: 'La Fabrique', kind: 'tiers_lieu', website });
const event = (timeZone: string) =>
  creation('events', {
    title: 'Rencontre régionale',
    kind: 'network_meeting',
    startsAt: '2026-12-10T09:00:00.000Z',
    endsAt: '2026-12-10T16:00:00.000Z',
    timeZone,
    services: ['federate'],
  });

async function push(mutations: Mutation[]): Promise<PushResponse['results']> {
  const response = await server.fetch(`${TEST_SERVER_URL}/api/sync/push`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ mutations }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as PushResponse).results;
}

beforeEach(async () => {
  server = await TestServer.start(() => now);
  const network = await server.createNetwork('Réseau');
  const code = await server.invite(network.id, 'admin');
  const response = await server.fetch(`${TEST_SERVER_URL}/api/join`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code, deviceName: 'Téléphone', memberName: 'Camille', clockNode: '0123456789abcdef' }),
  });
  token = ((await response.json()) as JoinResponse).token;
});

afterEach(async () => {
  await server.stop();
});

describe('data no device could show safely', () => {
  it('refuses a lieu whose website is a javascript: address, and applies the good one beside it', async () => {
    const bad = lieu('javascript:alert(1)');
    const sneaky = lieu(' JavaScript:alert(document.cookie)');
    const good = lieu('https://lafabrique.fr');
    const results = await push([bad, sneaky, good]);
    expect(results[0]).toMatchObject({ id: bad.id, status: 'rejected' });
    expect(results[0]?.status === 'rejected' && results[0].reason).toMatch(/website/);
    expect(results[1]).toMatchObject({ id: sneaky.id, status: 'rejected' });
    expect(results[2]).toEqual({ id: good.id, status: 'applied' });
  });

  it('refuses a toolbox link to data: and an edit that turns a website into javascript:', async () => {
    const item = creation('toolboxItems', {
      kind: 'digital_tool',
      title: 'Pad',
      status: 'published',
      link: 'data:text/html,<script>x</script>',
    });
    const site = lieu('https://lafabrique.fr');
    const [refused, applied] = await push([item, site]);
    expect(refused).toMatchObject({ status: 'rejected' });
    expect(applied).toMatchObject({ status: 'applied' });
    const clock = formatHlc({ millis: now, counter: 1, node: '0123456789abcdef' });
    const edit: Mutation = {
      id: newId(),
      type: 'organisations',
      recordId: site.recordId,
      fields: { website: 'javascript:alert(1)' },
      clocks: { website: clock },
    };
    expect((await push([edit]))[0]).toMatchObject({ status: 'rejected' });
  });

  it('refuses an event in a time zone no device knows, and keeps real zones', async () => {
    const mars = event('Mars/Olympus_Mons');
    const paris = event('Europe/Paris');
    const noumea = event('Pacific/Noumea');
    const results = await push([mars, paris, noumea]);
    expect(results[0]).toMatchObject({ id: mars.id, status: 'rejected' });
    expect(results[0]?.status === 'rejected' && results[0].reason).toMatch(/timeZone/);
    expect(results.slice(1).map((result) => result.status)).toEqual(['applied', 'applied']);
  });

  it('refuses a number JSON cannot write back (1e400), in a field it knows or a later one, instead of storing null', async () => {
    // A field of a later release, and a known one whose only bound is a minimum.
    const later = creation('organisations', { name: 'La Fabrique', kind: 'tiers_lieu', surface: 0 });
    const small = creation('organisations', { name: 'La Forge', kind: 'tiers_lieu', surface: 0 });
    const visit = creation('visits', {
      visitedAt: '2026-11-28T10:00:00.000Z',
      services: ['inform'],
      positionAccuracy: 1,
    });
    // JSON.stringify cannot write such a number: the body is written by hand, as a stranger's would be.
    const body = JSON.stringify({ mutations: [later, small, visit] })
      .replace('"surface":0', '"surface":1e400')
      .replace('"positionAccuracy":1', '"positionAccuracy":1e999');
    const response = await server.fetch(`${TEST_SERVER_URL}/api/sync/push`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body,
    });
    const { results } = (await response.json()) as PushResponse;
    expect(results.map((result) => (result.status === 'rejected' ? result.issues : result.status))).toEqual([
      [expect.objectContaining({ field: 'surface', type: 'not_finite' })],
      'applied',
      [expect.objectContaining({ field: 'positionAccuracy', type: 'not_finite' })],
    ]);
  });
});
