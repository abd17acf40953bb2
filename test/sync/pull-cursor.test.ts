// A device's pull continues from where its last one stopped: a sync that started again from
// zero would download the whole network at every run (50,000 records on a phone). Pinned across
// a new admin's join and first syncs, and when the first sync's push is answered late.
import { describe, expect, it } from 'vitest';
import { readCursor } from '../../src/db/sync-store';
import { seedStarterValise } from '../../src/db/toolbox-starter';
import { createRecord } from '../../src/db/writes';
import type { Fetch } from '../../src/sync/transport';
import { withNetworkServer } from '../helpers/network-server';
import { firstMeetingVisit as visit } from '../helpers/visit-fields';

/** A link that notes the `since` of every pull, and can hold the next push's answer until released. */
function watchedLink(server: Fetch) {
  const sinces: number[] = [];
  let hold: { reached: () => void; released: Promise<void> } | null = null;
  const link: Fetch = async (input, init) => {
    const url = new URL(input);
    if (url.pathname.endsWith('/sync/pull')) sinces.push(Number(url.searchParams.get('since')));
    const response = await server(input, init);
    if (url.pathname.endsWith('/sync/push') && hold) {
      const held = hold;
      hold = null;
      held.reached();
      await held.released;
    }
    return response;
  };
  /** Holds the next push's answer; resolves once it is held, with the function that releases it. */
  const holdNextPush = () => {
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    return {
      held: new Promise<void>((reached) => {
        hold = { reached, released };
      }),
      release: () => release(),
    };
  };
  return { link, sinces, holdNextPush };
}

describe('the pull cursor', () => {
  const network = withNetworkServer();

  /** A network that already holds records another device wrote, so that a cursor has somewhere to go. */
  async function networkWithRecords(count: number): Promise<void> {
    const office = await network.open('Bureau');
    await network.join(office);
    for (let n = 0; n < count; n += 1) await createRecord(office.context, 'visits', visit(`Visite ${n}`));
    await office.sync();
    expect(office.engine.status.state).toBe('idle');
  }

  async function newAdmin() {
    const watched = watchedLink(network.server.fetch);
    const admin = await network.open('Admin', {
      link: watched.link,
      engine: { afterPull: (context) => seedStarterValise(context, { pulled: true }) },
    });
    await network.join(admin, 'admin');
    return { admin, ...watched };
  }

  it('a second sync pulls from where the first one stopped, not from zero', async () => {
    await networkWithRecords(60);
    const { admin, sinces } = await newAdmin();

    await admin.sync();
    expect(admin.engine.status.state).toBe('idle');
    const reached = await readCursor(admin.context);
    // The 60 visits came down in pages of 40, each moving the cursor.
    expect(reached).toBeGreaterThan(0);
    expect(sinces[0]).toBe(0);
    expect(sinces.length).toBeGreaterThan(2);

    await createRecord(admin.context, 'visits', visit('Après la première synchro'));
    const firstRunPulls = sinces.length;
    await admin.sync();
    expect(admin.engine.status.state).toBe('idle');
    expect(sinces[firstRunPulls]).toBe(reached);
    expect(sinces.slice(firstRunPulls).every((since) => since >= reached)).toBe(true);
  });

  it('a first sync whose push is answered late leaves the cursor it reached to the next one', async () => {
    await networkWithRecords(60);
    const { admin, sinces, holdNextPush } = await newAdmin();

    // The first run pulls the network, seeds what the valise lacks and pushes it: that answer
    // is held while the person writes and asks to sync again (the join's run and a write's).
    const { held, release } = holdNextPush();
    const first = admin.sync();
    await held;
    const cursorWhileHeld = await readCursor(admin.context);
    expect(cursorWhileHeld).toBeGreaterThan(0);
    await createRecord(admin.context, 'visits', visit('Pendant la synchro'));
    const second = admin.sync();
    release();
    await Promise.all([first, second]);
    expect(admin.engine.status).toMatchObject({ state: 'idle', pending: 0 });

    // Only the join's first pull started from zero; every later one from the cursor reached before it.
    expect(sinces.filter((since) => since === 0)).toHaveLength(1);
    const reached = await readCursor(admin.context);
    const before = sinces.length;
    await admin.sync();
    expect(sinces[before]).toBe(reached);
    expect(reached).toBeGreaterThanOrEqual(cursorWhileHeld);
  });
});
