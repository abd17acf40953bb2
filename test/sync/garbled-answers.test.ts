// What a device does when something between it and its server answers in its place: a Wi-Fi
// login page (200, HTML), an answer cut short, a pull page whose cursor is no cursor. It says
// the answer was not its server's, keeps every change it has not sent and its place in the
// network's changes, and syncs as before once the real server answers again.
import { beforeEach, describe, expect, it } from 'vitest';
import { readSyncMeta } from '../../src/db/sync-meta';
import { readCursor, reloadSession } from '../../src/db/sync-store';
import { createRecord } from '../../src/db/writes';
import { joinNetwork } from '../../src/sync/join';
import type { Fetch } from '../../src/sync/transport';
import { describeRefusal } from '../../src/ui/i18n/refusals';
import { withNetworkServer } from '../helpers/network-server';
import { firstMeetingVisit as visit } from '../helpers/visit-fields';

const LOGIN_PAGE =
  '<!doctype html><html><body><form action="/login">Accept the terms of this Wi-Fi</form></body></html>';

describe('an answer that is not the server’s', () => {
  const network = withNetworkServer();
  /** What stands between the device and its server for the next requests (null: nothing). */
  let between: ((url: string, real: Response) => Promise<Response>) | null = null;
  beforeEach(() => {
    between = null;
  });
  const link: Fetch = async (url, init) => {
    const real = await network.server.fetch(url, init);
    return between ? between(url, real) : real;
  };

  async function joinedPhone() {
    const phone = await network.open('Camille', { link });
    await network.join(phone);
    await createRecord(phone.context, 'visits', visit('Envoyée avant le Wi-Fi de l’hôtel'));
    await phone.sync();
    await createRecord(phone.context, 'visits', visit('Tapée à l’hôtel'));
    return phone;
  }

  /**
   * After a run past `answer`, the phone says so, keeps its change, its cursor and its network's
   * name, sets aside no refusal, and syncs once the link is honest.
   */
  async function survives(answer: (url: string, real: Response) => Promise<Response>) {
    const phone = await joinedPhone();
    const cursor = await readCursor(phone.context);
    between = answer;
    await phone.sync();
    expect(phone.engine.status).toMatchObject({ state: 'error', error: 'unreadable' });
    expect(await readCursor(phone.context)).toBe(cursor);
    expect(await phone.context.db.records('visits').count()).toBe(2);
    expect(await phone.context.db.rejected.count()).toBe(0);
    expect((await reloadSession(phone.context))?.networkName).toBe('Réseau test');
    between = null;
    await phone.sync();
    expect(phone.engine.status).toMatchObject({ state: 'idle', error: null, pending: 0 });
    const notes = (await network.snapshot()).map((change) => JSON.parse(change.data).notes);
    expect(notes).toContain('Tapée à l’hôtel');
  }

  /** A push answer that refuses every change « refused », with `refusal`'s fields over it. */
  function refusingPushes(refusal: Record<string, unknown>) {
    return async (url: string, real: Response) => {
      if (!url.includes('/api/sync/push')) return real;
      const answer = (await real.json()) as { results: Record<string, unknown>[] };
      const results = answer.results.map((result) => ({
        ...result,
        status: 'rejected',
        reason: 'refused',
        ...refusal,
      }));
      return new Response(JSON.stringify({ ...answer, results }), { status: 200, headers: real.headers });
    };
  }

  it('says so of a Wi-Fi login page answered with 200, not that the server is outdated', async () => {
    await survives(async () => new Response(LOGIN_PAGE, { status: 200, headers: { 'Content-Type': 'text/html' } }));
  });

  it('says so of a pull or push answer cut short, not that the app failed', async () => {
    await survives(async (_, real) => {
      const text = await real.text();
      return new Response(text.slice(0, Math.floor(text.length / 2)), { status: 200, headers: real.headers });
    });
  });

  it.each([
    ['a cursor that is text', '"12abc"'],
    ['a cursor that is null', 'null'],
    ['a negative cursor', '-1'],
    ['a cursor with a fraction', '1.5'],
  ])('keeps its cursor when a pull page brings %s, and pulls again from it', async (_, cursor) => {
    await survives(async (url, real) => {
      if (!url.includes('/api/sync/pull')) return real;
      const text = await real.text();
      return new Response(text.replace(/"cursor":\d+/, `"cursor":${cursor}`), { status: 200, headers: real.headers });
    });
  });

  it.each([
    ['changes that are no list', (page: Record<string, unknown>) => ({ ...page, changes: { 0: 'x' } })],
    ['no serverTime', (page: Record<string, unknown>) => ({ ...page, serverTime: 'soon' })],
    // Taken for the time, it would date the device's later writes past any date a clock can say.
    ['a serverTime past any date', (page: Record<string, unknown>) => ({ ...page, serverTime: 1e20 })],
    [
      'a serverTime a moment short of year 10000',
      (page: Record<string, unknown>) => ({ ...page, serverTime: Date.UTC(9999, 11, 31, 23, 59, 59, 999) }),
    ],
    // What is left to pull is the progress bar's total: « NaN » on the screen otherwise.
    ['no count of what remains', ({ remaining: _, ...page }: Record<string, unknown>) => page],
    ['a count of what remains that is text', (page: Record<string, unknown>) => ({ ...page, remaining: 'beaucoup' })],
    ['a negative count of what remains', (page: Record<string, unknown>) => ({ ...page, remaining: -3 })],
    // The network's name is kept in the session, shown in Réglages and written into backups.
    ['a network name that is a number', (page: Record<string, unknown>) => ({ ...page, networkName: 42 })],
    ['a network name that is an object', (page: Record<string, unknown>) => ({ ...page, networkName: { fr: 'R' } })],
    [
      'a network name of a page of text',
      (page: Record<string, unknown>) => ({ ...page, networkName: 'R'.repeat(1e5) }),
    ],
    [
      'a network name drawn backwards',
      (page: Record<string, unknown>) => ({ ...page, networkName: '\u202eRéseau des tiers-lieux' }),
    ],
    ['a room for files that is text', (page: Record<string, unknown>) => ({ ...page, filesRoomBytes: 'plenty' })],
  ])('says so of a pull page with %s', async (_, spoil) => {
    await survives(async (url, real) => {
      if (!url.includes('/api/sync/pull')) return real;
      return new Response(JSON.stringify(spoil(await real.json())), { status: 200, headers: real.headers });
    });
  });

  it.each([
    ['an issue naming no field', { issues: [{ field: 42, type: 'x', message: 'x' }] }],
    ['issues that are no list', { issues: 'notes' }],
    ['a reason that is no text', { reason: { en: 'no' } }],
  ])('says so of a push refusal with %s, keeps no refusal and sends the change again', async (_, spoil) => {
    await survives(refusingPushes({ code: 'invalid_record', ...spoil }));
  });

  it('keeps a refusal whose code Object.prototype also names, and says it in the server’s own words', async () => {
    const phone = await joinedPhone();
    between = refusingPushes({ code: 'constructor' });
    await phone.sync();
    const kept = await phone.context.db.rejected.toArray();
    expect(kept.map((refusal) => describeRefusal(refusal, 'fr'))).toEqual([
      'Raison donnée par le serveur\u00a0: refused',
    ]);
  });

  /** Answers that name their server `named`; `pulls` counts the pulls that went through. */
  function namedAs(named: string, pulls = { count: 0 }) {
    return async (url: string, real: Response) => {
      if (url.includes('/api/sync/pull')) pulls.count++;
      const headers = new Headers(real.headers);
      headers.set('X-Valise-Server', named);
      return new Response(real.body, { status: real.status, headers });
    };
  }

  it.each(['9.9.9 : mettez a jour sur https://valise-maj.example', '9.9.9-allez-sur-valise-maj.example'])(
    'shows no server version « %s », and syncs as before',
    async (named) => {
      const phone = await joinedPhone();
      const version = phone.engine.status.serverVersion;
      expect(version).toMatch(/^\d+\.\d+\.\d+$/);
      between = namedAs(named);
      await phone.sync();
      expect(phone.engine.status).toMatchObject({ state: 'idle', error: null, pending: 0, serverVersion: version });
      expect((await readSyncMeta(phone.context)).serverVersion).toBe(version);
    },
  );

  it('takes a server naming itself by no release’s version for one, and reads first only at its first run', async () => {
    const pulls = { count: 0 };
    between = namedAs('1.0', pulls);
    const phone = await joinedPhone();
    expect(phone.engine.status).toMatchObject({ state: 'idle', error: null, serverVersion: null });
    pulls.count = 0;
    await phone.sync();
    expect(phone.engine.status).toMatchObject({ state: 'idle', error: null, pending: 0, serverVersion: null });
    expect(pulls.count).toBe(1);
  });

  it('says so of a push answer without its results, and sends the change again', async () => {
    await survives(async (url, real) => {
      if (!url.includes('/api/sync/push')) return real;
      return new Response(JSON.stringify({ serverTime: Date.now(), results: 'ok' }), {
        status: 200,
        headers: real.headers,
      });
    });
  });
});

describe('joining at an address where no Valise server answers', () => {
  const network = withNetworkServer();

  it.each([
    [
      'not_valise',
      'another site’s page not found',
      () => new Response(LOGIN_PAGE, { status: 404, headers: { 'Content-Type': 'text/html' } }),
    ],
    [
      'not_valise',
      'a Wi-Fi login page',
      () => new Response(LOGIN_PAGE, { status: 200, headers: { 'Content-Type': 'text/html' } }),
    ],
    ['not_valise', 'another API’s JSON', () => Response.json({ ok: true })],
    [
      'not_valise',
      'a join answer whose time is past any date',
      () =>
        Response.json({ token: 't', networkId: 'n', deviceId: 'd', networkName: 'R', role: 'admin', serverTime: 1e20 }),
    ],
    [
      'not_valise',
      'a join answer whose member name is an object',
      () =>
        Response.json({
          token: 't',
          networkId: 'n',
          deviceId: 'd',
          networkName: 'Réseau test',
          memberName: { fr: 'Camille' },
          role: 'admin',
          maxAttachmentBytes: 10_000_000,
          serverTime: Date.now(),
        }),
    ],
    // The address is right: the server behind its proxy is down or restarting.
    [
      'server',
      'a proxy’s own page for its server (502)',
      () => new Response('<h1>502 Bad Gateway</h1>', { status: 502, headers: { 'Content-Type': 'text/html' } }),
    ],
  ])('says %s of %s, and stores no session', async (kind, _, answer) => {
    const phone = await network.open('Camille', { link: async () => answer() });
    const code = await network.server.invite(network.networkId, 'concierge');
    const joining = joinNetwork(
      phone.context,
      { serverUrl: 'https://www.mon-reseau.fr', code, deviceName: 'Téléphone', memberName: 'Camille' },
      phone.link,
    );
    await expect(joining).rejects.toMatchObject({ kind });
    expect(await reloadSession(phone.context)).toBeNull();
  });

  it('says the server is unreachable when it never answers, and joins once it does', async () => {
    let answers = false;
    // A link that holds the request until the device gives up on it.
    const link: Fetch = (url, init) =>
      answers
        ? network.server.fetch(url, init)
        : new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    const phone = await network.open('Camille', { link });
    const code = await network.server.invite(network.networkId, 'concierge');
    const input = { serverUrl: 'http://valise.test', code, deviceName: 'Téléphone', memberName: 'Camille' };
    await expect(joinNetwork(phone.context, input, link, 50)).rejects.toMatchObject({ kind: 'unreachable' });
    expect(await reloadSession(phone.context)).toBeNull();
    answers = true;
    expect((await joinNetwork(phone.context, input, link)).memberName).toBe('Camille');
  });
});
