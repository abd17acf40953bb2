// The valise across devices: the starter valise seeded on devices before and after joining,
// concurrent borrows of the same kit, and two people packing the same list.
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { listRejected } from '../../src/db/rejected';
import { borrow, publishItem, readToolbox, saveItem, setPacked, startTrip } from '../../src/db/toolbox';
import { seedStarterValise } from '../../src/db/toolbox-starter';
import { updateRecord } from '../../src/db/writes';
import { kitAvailability } from '../../src/domain/toolbox/loans';
import { STARTER_IDS, STARTER_ITEMS, STARTER_PACKING_LISTS } from '../../src/domain/toolbox/starter';
import { type DevicePair, joinedPair } from '../helpers/device-pair';
import { withNetworkServer } from '../helpers/network-server';
import type { TestDevice } from '../helpers/test-device';

const STARTER_COUNT = STARTER_ITEMS.length + STARTER_PACKING_LISTS.length;
const standTemplate = STARTER_PACKING_LISTS.find((list) => list.tripKind === 'fair_stand')?.id ?? '';

describe('the starter valise', () => {
  const network = withNetworkServer();

  function device(name: string, seedsAfterPull = false): Promise<TestDevice> {
    return network.open(name, {
      engine: seedsAfterPull ? { afterPull: (context) => seedStarterValise(context, { pulled: true }) } : {},
    });
  }

  it('is on a fresh device before it joins any network', async () => {
    const fresh = await device('Hors réseau');
    expect(await seedStarterValise(fresh.context, { pulled: false })).toBe(STARTER_COUNT);
    const view = await readToolbox(fresh.context);
    expect(view.items.map((item) => item.title)).toContain('Vidéoprojecteur');
    expect(view.lists.filter((list) => list.isTemplate)).toHaveLength(4);
    // Seeding again writes nothing more.
    expect(await seedStarterValise(fresh.context, { pulled: false })).toBe(0);
  });

  it('reaches the network from its first admin, and an admin’s edit wins over a later seed', async () => {
    const admin = await device('Admin');
    await network.join(admin, 'admin');
    expect(await seedStarterValise(admin.context, { pulled: false })).toBe(0);
    await admin.sync();
    expect(await seedStarterValise(admin.context, { pulled: true })).toBe(STARTER_COUNT);
    await updateRecord(admin.context, 'toolboxItems', STARTER_IDS.projector, {
      description: 'Le projecteur est au local de Rennes.',
    });
    await admin.sync();

    // A second admin device seeded offline before joining: its untouched seed is forgotten on
    // joining, the network's (edited) valise arrives, and nothing conflicts.
    const second = await device('Admin 2');
    await seedStarterValise(second.context, { pulled: false });
    await network.join(second, 'admin');
    await second.sync();
    expect(await seedStarterValise(second.context, { pulled: true })).toBe(0);
    const projector = await second.context.db.records('toolboxItems').get(STARTER_IDS.projector);
    expect(projector?.description).toBe('Le projecteur est au local de Rennes.');
    expect(await second.context.db.records('conflicts').count()).toBe(0);
    expect(await second.outboxSize()).toBe(0);
  });

  it('corrected in a later version, reaches a network seeded before from an admin’s device, with no conflict', async () => {
    const admin = await device('Admin');
    await network.join(admin, 'admin');
    await admin.sync();
    await seedStarterValise(admin.context, { pulled: true });
    // The sheet as an earlier version seeded it, under that version's clock.
    const stored = await admin.context.db.records('toolboxItems').get(STARTER_IDS.welcoming);
    const earlier = { '*': '2024-01-01T00:00:00.000Z-0000-0000000000000000' };
    await admin.context.db
      .anyRecords('toolboxItems')
      .put({ ...stored!, description: '- savoir qui vient', hlc: earlier });
    await admin.sync();
    const concierge = await device('Concierge');
    await network.join(concierge);
    await concierge.sync();
    const sheet = async (on: TestDevice) =>
      (await on.context.db.records('toolboxItems').get(STARTER_IDS.welcoming))?.description;
    expect(await sheet(concierge)).toBe('- savoir qui vient');

    expect(await seedStarterValise(concierge.context, { pulled: true })).toBe(0);
    expect(await seedStarterValise(admin.context, { pulled: true })).toBe(1);
    await admin.sync();
    await concierge.sync();
    const corrected = STARTER_ITEMS.find((item) => item.id === STARTER_IDS.welcoming)?.description;
    expect(await sheet(concierge)).toBe(corrected);

    // An admin still on the earlier version edits the sheet as it had it: the edit wins, and the
    // correction it replaced without seeing it is no one's lost text.
    const older = await device('Admin 2');
    await network.join(older, 'admin');
    await older.sync();
    const held = await older.context.db.records('toolboxItems').get(STARTER_IDS.welcoming);
    await older.context.db
      .anyRecords('toolboxItems')
      .put({ ...held!, description: '- savoir qui vient', hlc: earlier });
    await updateRecord(older.context, 'toolboxItems', STARTER_IDS.welcoming, { description: 'Notre accueil.' });
    await older.sync();
    await admin.sync();
    await concierge.sync();
    expect(await sheet(concierge)).toBe('Notre accueil.');
    for (const each of [admin, concierge, older]) {
      expect(await each.context.db.records('conflicts').count()).toBe(0);
      expect(await listRejected(each.context)).toEqual([]);
      expect(await each.outboxSize()).toBe(0);
    }
  });

  it('is sent by the sync that seeded it: a first admin’s first sync ends with nothing to send', async () => {
    const admin = await device('Admin', true);
    await network.join(admin, 'admin');
    await admin.sync();
    expect(admin.engine.status).toMatchObject({ state: 'idle', pending: 0 });
    expect(await admin.outboxSize()).toBe(0);
    const onServer = new Set((await network.snapshot()).map((change) => change.id));
    expect(STARTER_ITEMS.every((item) => onServer.has(item.id))).toBe(true);
    // A second admin joining that network pulls the valise and seeds nothing.
    const second = await device('Admin 2', true);
    await network.join(second, 'admin');
    await second.sync();
    expect(second.engine.status).toMatchObject({ state: 'idle', pending: 0 });
    expect(await second.outboxSize()).toBe(0);
  });

  it('reaches each network of one server from its own first admin, the fixed starter ids notwithstanding', async () => {
    const other = (await network.server.createNetwork('Autre réseau')).id;
    const first = await device('Admin', true);
    await network.join(first, 'admin');
    await first.sync();
    const second = await device('Admin de l’autre réseau', true);
    await second.join(await network.server.invite(other, 'admin'), 'admin');
    await second.sync();
    expect(await listRejected(second.context)).toEqual([]);
    expect(second.engine.status).toMatchObject({ state: 'idle', pending: 0 });
    const concierge = await device('Concierge de l’autre réseau');
    await concierge.join(await network.server.invite(other, 'concierge'));
    await concierge.sync();
    expect((await readToolbox(concierge.context)).items.map((item) => item.id).sort()).toEqual(
      STARTER_ITEMS.map((item) => item.id).sort(),
    );
    // Each network's copy is its own: an edit in one never shows in the other.
    await updateRecord(second.context, 'toolboxItems', STARTER_IDS.projector, { description: 'Au local de Vitré.' });
    await second.sync();
    await first.sync();
    const projector = await first.context.db.records('toolboxItems').get(STARTER_IDS.projector);
    expect(projector?.description).not.toBe('Au local de Vitré.');
    expect(projector?.networkId).toBe(network.networkId);
  });

  it('does not keep a device from syncing when seeding after the pull fails', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    onTestFinished(() => logged.mockRestore());
    const admin = await network.open('Admin', { engine: { afterPull: () => Promise.reject(new Error('disk full')) } });
    await network.join(admin, 'admin');
    await admin.sync();
    expect(admin.engine.status).toMatchObject({ state: 'idle', error: null });
    expect(admin.engine.status.lastSyncAt).not.toBeNull();
    expect(logged).toHaveBeenCalledWith('Writing after the pull failed', expect.any(Error));
  });

  it('a concierge device that seeded before joining gets no refusal and then the network’s valise', async () => {
    const admin = await device('Admin');
    await network.join(admin, 'admin');
    await admin.sync();
    await seedStarterValise(admin.context, { pulled: true });
    await admin.sync();

    const concierge = await device('Concierge');
    await seedStarterValise(concierge.context, { pulled: false });
    // A trip packed before joining is the concierge's own: it goes up with the join.
    const trip = await startTrip(concierge.context, standTemplate, '2027-03-12');
    await setPacked(concierge.context, trip.id, STARTER_IDS.banner, true);
    await network.join(concierge);
    await concierge.sync();
    await concierge.sync();

    expect(await listRejected(concierge.context)).toEqual([]);
    expect(await concierge.outboxSize()).toBe(0);
    const view = await readToolbox(concierge.context);
    expect(view.items).toHaveLength(STARTER_ITEMS.length);
    const pushedTrip = (await network.snapshot()).find((change) => change.id === trip.id);
    expect(pushedTrip).toBeDefined();
    // A concierge device never seeds once joined.
    expect(await seedStarterValise(concierge.context, { pulled: true })).toBe(0);
  });
});

describe('shared kit and packing between two devices', () => {
  let pair: DevicePair;
  let a: TestDevice;
  let b: TestDevice;

  beforeEach(async () => {
    pair = await joinedPair(['Camille', 'Hugo'], 'admin');
    ({ a, b } = pair);
    await a.sync();
    await seedStarterValise(a.context, { pulled: true });
    await a.sync();
    await b.sync();
  });

  afterEach(() => pair.close());

  it('two offline borrows of the one projector both show, as over-borrowed, on both devices', async () => {
    await borrow(a.context, STARTER_IDS.projector, 'Camille');
    await borrow(b.context, STARTER_IDS.projector, 'Hugo');
    await a.sync();
    await b.sync();
    await a.sync();
    for (const device of [a, b]) {
      const { items, loans } = await readToolbox(device.context);
      const projector = items.find((item) => item.id === STARTER_IDS.projector);
      const state = kitAvailability(
        projector ?? { quantity: 1 },
        loans.filter((l) => l.itemId === STARTER_IDS.projector),
      );
      expect(state).toMatchObject({ out: 2, available: 0, overBorrowed: true });
      expect(state.holders.map((loan) => loan.holderName).sort()).toEqual(['Camille', 'Hugo']);
    }
  });

  it('two people packing the same list offline both keep their ticks', async () => {
    const trip = await startTrip(a.context, standTemplate, null);
    await a.sync();
    await b.sync();
    await setPacked(a.context, trip.id, STARTER_IDS.banner, true);
    await setPacked(b.context, trip.id, STARTER_IDS.projector, true);
    await a.sync();
    await b.sync();
    await a.sync();
    for (const device of [a, b]) {
      const list = await device.context.db.records('packingLists').get(trip.id);
      expect(list?.packed).toEqual({ [STARTER_IDS.banner]: true, [STARTER_IDS.projector]: true });
    }
  });

  it('a concierge’s suggestion reaches the admin, who publishes it; the concierge cannot publish', async () => {
    const suggestion = await saveItem(
      b.context,
      null,
      {
        kind: 'digital_tool',
        title: 'Outil de sondage libre',
        description: null,
        link: 'https://framaforms.org',
        tags: ['sondage'],
        shelf: null,
        availableOffline: false,
        quantity: null,
      },
      null,
      null,
    );
    expect(suggestion.status).toBe('suggested');
    await b.sync();
    await a.sync();
    expect((await a.context.db.records('toolboxItems').get(suggestion.id))?.status).toBe('suggested');

    // Publishing from the concierge's own device is refused by the server and set aside.
    await publishItem(b.context, suggestion.id);
    await b.sync();
    expect((await listRejected(b.context)).map((change) => change.rejected.reason)).toEqual([
      'forbidden: only an admin can publish a toolbox item',
    ]);
    expect((await b.context.db.records('toolboxItems').get(suggestion.id))?.status).toBe('suggested');

    await publishItem(a.context, suggestion.id);
    await a.sync();
    await b.sync();
    expect((await b.context.db.records('toolboxItems').get(suggestion.id))?.status).toBe('published');
  });
});
