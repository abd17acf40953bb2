// Several tabs of one device: each holds its own engine and its own copy of the session, over
// one database. What one tab changes of the session (its token) must not fail the others' runs,
// and a sync run is one tab's at a time: the others take its outcome rather than repeat it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDataContext, type Session } from '../../src/db/context';
import { addNote } from '../../src/db/event-notes';
import { createRecord, updateRecord } from '../../src/db/writes';
import { newId } from '../../src/domain/ids';
import { AdminClient } from '../../src/sync/admin';
import { TOKEN_MAX_AGE_DAYS } from '../../src/sync/token';
import type { Fetch } from '../../src/sync/transport';
import { type DevicePair, joinedPair } from '../helpers/device-pair';
import { SharedLocks } from '../helpers/shared-locks';
import { TestDevice } from '../helpers/test-device';
import { TEST_SERVER_URL } from '../helpers/test-server';
import { visitWithFile } from '../helpers/visit-file';

const DAY_MS = 86_400_000;
const visit = { visitedAt: '2026-11-20T09:00:00.000Z', purpose: 'Passage', notes: '', services: ['detect' as const] };

let pair: DevicePair;
/** The tabs a test opened, closed before their database is deleted. */
let tabs: TestDevice[];
beforeEach(async () => {
  pair = await joinedPair(['Alix', 'Bastien']);
  tabs = [];
});
afterEach(async () => {
  for (const tab of tabs) tab.context.db.close();
  await pair.close();
});

/** Another tab of `device`: the same database, its own engine and its own session read at open. */
async function otherTab(device: TestDevice, link: Fetch = device.link): Promise<TestDevice> {
  const context = await openDataContext({ name: device.context.db.name });
  const tab = new TestDevice(`${device.name} (onglet)`, context, link);
  tabs.push(tab);
  return tab;
}

/** Makes the stored token `days` old, as in every tab opened after this moment. */
async function age(device: TestDevice, days: number): Promise<void> {
  const { db } = device.context;
  const session = (await db.meta.get('session'))?.value as Session;
  await db.meta.put({
    key: 'session',
    value: { ...session, tokenIssuedAt: new Date(Date.now() - days * DAY_MS).toISOString() },
  });
}

async function storedToken(device: TestDevice): Promise<string> {
  const stored = await device.context.db.meta.get('session');
  return (stored?.value as Session | undefined)?.token ?? '';
}

describe('a token replaced in one tab', () => {
  it('is used by the other tab at its next run, which neither fails nor replaces it again', async () => {
    await age(pair.a, TOKEN_MAX_AGE_DAYS + 1);
    const first = await otherTab(pair.a);
    const second = await otherTab(pair.a);
    await first.sync();
    expect(first.engine.status.state).toBe('idle');
    const replaced = await storedToken(pair.a);

    await createRecord(second.context, 'visits', visit);
    await second.sync();
    expect(second.engine.status).toMatchObject({ state: 'idle', error: null });
    expect(await storedToken(pair.a)).toBe(replaced);
    expect(await second.outboxSize()).toBe(0);
  });

  it('refusing a run already under way is read again from the stored session and the run goes on', async () => {
    let first: TestDevice | null = null;
    // The other tab, opened on a token due for replacement, replaces it while this tab's run
    // is on its way with the old one.
    const second = await otherTab(pair.a, async (url, init) => {
      if (!first && url.includes('/api/sync/')) {
        await age(pair.a, TOKEN_MAX_AGE_DAYS + 1);
        first = await otherTab(pair.a);
        await first.sync();
      }
      return pair.server.fetch(url, init);
    });
    const joined = await storedToken(pair.a);
    await createRecord(second.context, 'visits', visit);
    const states: string[] = [];
    second.engine.subscribe((status) => states.push(status.error ?? status.state));
    await second.sync();
    expect(await storedToken(pair.a)).not.toBe(joined);
    expect(second.engine.status).toMatchObject({ state: 'idle', error: null });
    expect(states).not.toContain('unauthorized');
    expect(await second.outboxSize()).toBe(0);
  });

  it('still says unauthorized when the stored token is the one refused', async () => {
    const tab = await otherTab(pair.a, async (url, init) => {
      const refused = new Headers(init?.headers);
      refused.set('Authorization', 'Bearer not-a-token-the-server-knows');
      return pair.server.fetch(url, { ...init, headers: refused });
    });
    await tab.sync();
    expect(tab.engine.status).toMatchObject({ state: 'error', error: 'unauthorized' });
  });
});

describe('a sync run of the device', () => {
  let locks: SharedLocks;
  beforeEach(() => {
    locks = new SharedLocks();
    vi.stubGlobal('navigator', { locks });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  /** The device's run is held by one tab while `second` waits for it. */
  async function waitsForTheRun(second: TestDevice): Promise<void> {
    await expect.poll(() => locks.waiting(`valise-sync:${second.context.db.name}`)).toBe(2);
  }

  /** Another tab of the first device, whose calls to the server are listed in `calls`. */
  function listedTab(calls: string[]): Promise<TestDevice> {
    return otherTab(pair.a, (url, init) => {
      calls.push(url);
      return pair.server.fetch(url, init);
    });
  }

  it('is one tab’s at a time: another tab asked meanwhile says it syncs, calls nothing and ends as it did', async () => {
    await createRecord(pair.a.context, 'visits', visit);
    const secondCalls: string[] = [];
    const second = await listedTab(secondCalls);
    let followed: Promise<void> | null = null;
    let shownMeanwhile = '';
    const first = await otherTab(pair.a, async (url, init) => {
      if (!followed && url.includes('/api/sync/push')) {
        followed = second.sync();
        await waitsForTheRun(second);
        shownMeanwhile = second.engine.status.state;
      }
      return pair.server.fetch(url, init);
    });
    await first.sync();
    await followed;
    expect(shownMeanwhile).toBe('syncing');
    expect(secondCalls).toEqual([]);
    expect(first.engine.status).toMatchObject({ state: 'idle', pending: 0 });
    expect(second.engine.status).toMatchObject({
      state: 'idle',
      error: null,
      pending: 0,
      lastSyncAt: first.engine.status.lastSyncAt,
    });
    expect(await second.outboxSize()).toBe(0);
  });

  it('that failed is not tried again at once by the tab that waited: it says the same failure', async () => {
    await createRecord(pair.a.context, 'visits', visit);
    const secondCalls: string[] = [];
    const second = await listedTab(secondCalls);
    let followed: Promise<void> | null = null;
    const first = await otherTab(pair.a, async (url, init) => {
      if (!followed && url.includes('/api/sync/push')) {
        followed = second.sync();
        await waitsForTheRun(second);
        throw new TypeError('Failed to fetch');
      }
      return pair.server.fetch(url, init);
    });
    await first.sync();
    await followed;
    expect(first.engine.status).toMatchObject({ state: 'offline', error: 'unreachable', pending: 1 });
    expect(secondCalls).toEqual([]);
    expect(second.engine.status).toMatchObject({ state: 'offline', error: 'unreachable', pending: 1 });
    expect(await second.outboxSize()).toBe(1);
  });

  it('goes again in the tab that waited when a change was written after the other run sent its own', async () => {
    const secondCalls: string[] = [];
    const second = await listedTab(secondCalls);
    let followed: Promise<void> | null = null;
    let pulls = 0;
    const first = await otherTab(pair.a, async (url, init) => {
      // A device's first run pulls, pushes (nothing to send), then pulls again: a change written
      // at that last pull is not in the run.
      if (url.includes('/api/sync/pull')) pulls += 1;
      if (!followed && pulls === 2) {
        await createRecord(second.context, 'visits', visit);
        followed = second.sync();
        await waitsForTheRun(second);
      }
      return pair.server.fetch(url, init);
    });
    await first.sync();
    await followed;
    expect(secondCalls.some((url) => url.includes('/api/sync/push'))).toBe(true);
    expect(second.engine.status).toMatchObject({ state: 'idle', error: null, pending: 0 });
    expect(await second.outboxSize()).toBe(0);
    await pair.b.sync();
    expect(await pair.b.context.db.anyRecords('visits').count()).toBe(1);
  });

  it('without Web Locks (not a secure context) goes in each tab as before', async () => {
    vi.stubGlobal('navigator', {});
    await createRecord(pair.a.context, 'visits', visit);
    const first = await otherTab(pair.a);
    const second = await otherTab(pair.a);
    await Promise.all([first.sync(), second.sync()]);
    expect(first.engine.status).toMatchObject({ state: 'idle', pending: 0 });
    expect(second.engine.status).toMatchObject({ state: 'idle', pending: 0 });
    await pair.b.sync();
    expect(await pair.b.context.db.anyRecords('visits').count()).toBe(1);
  });
});

describe('files of the device', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('are sent by one tab while the other waits, never twice at once', async () => {
    const locks = new SharedLocks();
    vi.stubGlobal('navigator', { locks });
    const { file } = await visitWithFile(pair.a.context);
    const sent: string[] = [];
    let second: TestDevice | null = null;
    let secondSent = 0;
    const first = await otherTab(pair.a, async (url, init) => {
      if (init?.method === 'PUT' && url.includes('/api/attachments/')) {
        sent.push(url);
        // While this upload is on its way, the other tab syncs too: it waits for the files' lock,
        // or sends the same file itself.
        const other = await otherTab(pair.a, (otherUrl, otherInit) => {
          if (otherInit?.method === 'PUT' && otherUrl.includes('/api/attachments/')) {
            sent.push(otherUrl);
            secondSent += 1;
          }
          return pair.server.fetch(otherUrl, otherInit);
        });
        second = other;
        void other.sync();
        await expect.poll(() => locks.asked.length >= 2 || secondSent > 0).toBe(true);
      }
      return pair.server.fetch(url, init);
    });
    await first.sync();
    await (second as TestDevice | null)?.sync();
    expect(sent).toEqual([`${TEST_SERVER_URL}/api/attachments/${file.sha256}`]);
    expect(first.engine.status).toMatchObject({ state: 'idle', filesWaiting: 0 });
    expect((second as TestDevice | null)?.engine.status).toMatchObject({ state: 'idle', filesWaiting: 0 });
  });
});

describe('an admin device removed by another admin', () => {
  it('learns it at its next sync and keeps it, in each of its tabs', async () => {
    const admin = await TestDevice.open('Camille', pair.server.fetch);
    await admin.join(await pair.server.invite(pair.networkId, 'admin'), 'admin');
    const removed = await TestDevice.open('Dominique', pair.server.fetch);
    await removed.join(await pair.server.invite(pair.networkId, 'admin'), 'admin');
    const otherTabOfRemoved = await otherTab(removed);
    await removed.sync();
    expect(removed.context.session?.revokedAt).toBeUndefined();

    await new AdminClient(TEST_SERVER_URL, admin.context.session?.token as string, pair.server.fetch).revoke(
      removed.context.session?.deviceId as string,
    );
    await removed.sync();
    expect(removed.engine.status.error).toBe('revoked');
    expect(removed.context.session?.revokedAt).toBeDefined();
    await otherTabOfRemoved.sync();
    expect(otherTabOfRemoved.context.session?.revokedAt).toBe(removed.context.session?.revokedAt);
    otherTabOfRemoved.context.db.close();
    await admin.close();
    await removed.close();
  });
});

describe('a write in a tab that has not synced since the phone’s clock went wrong', () => {
  it('wins over the value another tab pulled, as the later edit it is, and dates what it records by the corrected time', async () => {
    const HOUR_MS = 3_600_000;
    let skewMs = 0;
    const wallClock = () => Date.now() + skewMs;
    const tab = (name: string) =>
      openDataContext({ name: pair.a.context.db.name, wallClock }).then((context) => {
        const opened = new TestDevice(name, context, pair.a.link);
        tabs.push(opened);
        return opened;
      });
    const first = await tab('Alix (onglet 1)');
    const second = await tab('Alix (onglet 2)');
    const created = await createRecord(pair.b.context, 'visits', visit);
    await pair.b.sync();
    await first.sync();

    // The phone's clock falls an hour behind while both tabs are open; the first tab's sync
    // learns it from the server's time.
    skewMs = -HOUR_MS;
    await first.sync();
    await updateRecord(pair.b.context, 'visits', created.id, { purpose: 'Version de Bastien' });
    await pair.b.sync();
    await first.sync();

    // The person, in the other tab, takes a note at an event: typed now, not an hour ago (the
    // timeline and the recap order notes by it).
    const note = await addNote(second.context, { eventId: newId(), text: 'On se revoit en janvier', tag: 'decision' });
    expect(Math.abs(Date.parse(note.writtenAt) - Date.now())).toBeLessThan(60_000);
    // Then changes what Bastien wrote.
    await updateRecord(second.context, 'visits', created.id, { purpose: 'Version corrigée par Alix' });
    await second.sync();
    await pair.b.sync();
    expect((await pair.b.context.db.anyRecords('visits').get(created.id))?.purpose).toBe('Version corrigée par Alix');
    expect((await second.context.db.anyRecords('visits').get(created.id))?.purpose).toBe('Version corrigée par Alix');
  });
});
