import { describe, expect } from 'vitest';
import { conflictsOf } from '../../src/db/conflicts';
import { createRecord, deleteRecord, updateRecord } from '../../src/db/writes';
import { pairTest as it } from '../helpers/device-pair';
import { TestDevice } from '../helpers/test-device';
import { TestServer } from '../helpers/test-server';
import { firstMeetingVisit as visit } from '../helpers/visit-fields';

describe('sync between two devices of a network', () => {
  it('brings a visit written on one device to the other', async ({ a, b }) => {
    const created = await createRecord(a.context, 'visits', visit('Le lieu ouvre en mars.'));
    await a.sync();
    await b.sync();
    const seen = await b.context.db.records('visits').get(created.id);
    expect(seen?.notes).toBe('Le lieu ouvre en mars.');
    expect(seen?.createdAt).toBe(created.createdAt);
    expect(await a.outboxSize()).toBe(0);
  });

  it('keeps both edits when two devices change different fields offline', async ({ a, b }) => {
    const created = await createRecord(a.context, 'visits', visit('Notes initiales'));
    await a.sync();
    await b.sync();
    await updateRecord(a.context, 'visits', created.id, { purpose: 'Diagnostic' });
    await updateRecord(b.context, 'visits', created.id, { services: ['federate', 'pool'] });
    await a.sync();
    await b.sync();
    await a.sync();
    for (const device of [a, b]) {
      const record = await device.context.db.records('visits').get(created.id);
      expect(record?.purpose).toBe('Diagnostic');
      expect(record?.services).toEqual(['federate', 'pool']);
    }
  });

  it('keeps the losing notes as a conflict that both devices see', async ({ a, b }) => {
    const created = await createRecord(a.context, 'visits', visit('Version commune'));
    await a.sync();
    await b.sync();
    await updateRecord(a.context, 'visits', created.id, { notes: 'Version d’Alix' });
    await updateRecord(b.context, 'visits', created.id, { notes: 'Version de Bastien' });
    await a.sync();
    await b.sync();
    await a.sync();
    const onA = await a.context.db.records('visits').get(created.id);
    const onB = await b.context.db.records('visits').get(created.id);
    expect(onA?.notes).toBe(onB?.notes);
    const loser = onA?.notes === 'Version d’Alix' ? 'Version de Bastien' : 'Version d’Alix';
    for (const device of [a, b]) {
      const conflicts = await conflictsOf(device.context, created.id);
      expect(conflicts.map((conflict) => conflict.value)).toEqual([loser]);
      expect(conflicts[0]?.field).toBe('notes');
      expect(['Alix', 'Bastien']).toContain(conflicts[0]?.authorName);
    }
  });

  it('does not apply a push twice when its response was lost after the server committed', async ({ pair, a }) => {
    let loseNextResponse = true;
    const lossy = new TestDevice('Lossy', a.context, async (url, init) => {
      const response = await pair.server.fetch(url, init);
      if (url.endsWith('/api/sync/push') && loseNextResponse) {
        loseNextResponse = false;
        throw new TypeError('connection reset');
      }
      return response;
    });
    const created = await createRecord(a.context, 'visits', visit());
    await lossy.sync();
    expect(lossy.engine.status.state).toBe('offline');
    expect(await a.outboxSize()).toBe(1);
    await lossy.sync();
    expect(await a.outboxSize()).toBe(0);
    const rows = (await pair.server.snapshot(a.context.session!.networkId)).filter((row) => row.id === created.id);
    expect(rows).toHaveLength(1);
  });

  it('sets a refused change aside with its reason without blocking the others', async ({ a, b }) => {
    const template = await createRecord(a.context, 'diagnosticTemplates', {
      family: '01936f5e-7a3b-7c00-8000-000000000001',
      version: 1,
      title: 'Grille maison',
      scope: 'organisation',
      sections: [],
      status: 'active',
    });
    const kept = await createRecord(a.context, 'visits', visit('Après la grille'));
    await a.sync();
    expect(a.engine.status.state).toBe('idle');
    const rejected = await a.context.db.rejected.toArray();
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.reason).toMatch(/only an admin/);
    // Kept with its code, for the device to say it in French (src/ui/i18n/refusals.ts).
    expect(rejected[0]?.code).toBe('forbidden');
    expect(rejected[0]?.fields.title).toBe('Grille maison');
    expect(await a.context.db.records('diagnosticTemplates').get(template.id)).toBeUndefined();
    await b.sync();
    expect((await b.context.db.records('visits').get(kept.id))?.notes).toBe('Après la grille');
  });

  it('spreads a delete as a tombstone', async ({ a, b }) => {
    const created = await createRecord(a.context, 'visits', visit());
    await a.sync();
    await b.sync();
    await deleteRecord(b.context, 'visits', created.id);
    await b.sync();
    await a.sync();
    expect((await a.context.db.records('visits').get(created.id))?.deleted).toBe(true);
  });

  it('keeps unsent local edits on top of what it pulls', async ({ a, b }) => {
    const created = await createRecord(a.context, 'visits', visit());
    await a.sync();
    await b.sync();
    await updateRecord(b.context, 'visits', created.id, { purpose: 'Vu par Bastien' });
    await b.sync();
    await updateRecord(a.context, 'visits', created.id, { placeLabel: 'Salle des fêtes' });
    // Pull only: the outbox still holds the edit when the page arrives.
    const engine = a.engine as unknown as {
      pull(transport: unknown): Promise<void>;
      transportFor(ctx: unknown): unknown;
    };
    await engine.pull(engine.transportFor(a.context));
    const record = await a.context.db.records('visits').get(created.id);
    expect(record?.purpose).toBe('Vu par Bastien');
    expect(record?.placeLabel).toBe('Salle des fêtes');
  });
});

describe('a device whose clock is wrong', () => {
  it('is clamped and told, not refused, and still converges', async () => {
    let now = Date.parse('2026-11-28T10:00:00.000Z');
    const server = await TestServer.start(() => now);
    const network = await server.createNetwork('Réseau horloges');
    let skew = 0;
    const fast = await TestDevice.open('Rapide', server.fetch, () => now + skew);
    const right = await TestDevice.open('Juste', server.fetch, () => now);
    await fast.join(await server.invite(network.id));
    await right.join(await server.invite(network.id));
    const created = await createRecord(right.context, 'visits', visit('Texte juste'));
    await right.sync();
    await fast.sync();
    skew = 24 * 3_600_000; // the phone's clock jumps a day ahead after it joined
    await updateRecord(fast.context, 'visits', created.id, { purpose: 'Écrit par une horloge en avance' });
    now += 1_000;
    await fast.sync();
    expect(fast.engine.status.state).toBe('idle');
    expect(fast.engine.status.clockAheadMs).toBeGreaterThan(23 * 3_600_000);
    now += 1_000;
    await updateRecord(right.context, 'visits', created.id, { purpose: 'Corrigé ensuite' });
    await right.sync();
    await fast.sync();
    // The later edit wins: the fast clock did not poison the field for a day.
    expect((await fast.context.db.records('visits').get(created.id))?.purpose).toBe('Corrigé ensuite');
    await fast.close();
    await right.close();
    await server.stop();
  });
});

describe('an unsent edit made while a pull of several pages runs', () => {
  it('gives way to a newer value of the same field that arrives on a later page', async () => {
    const server = await TestServer.start();
    const network = await server.createNetwork('Réseau test');
    let afterFirstPage: (() => Promise<void>) | null = null;
    const link: typeof server.fetch = async (url, init) => {
      const response = await server.fetch(url, init);
      const hook = url.includes('/api/sync/pull') ? afterFirstPage : null;
      afterFirstPage = null;
      await hook?.();
      return response;
    };
    const a = await TestDevice.open('Alix', link);
    // Bastien's watch gains 5 s once he joined (the join corrects a wrong clock): his edit is
    // the newer one whatever the scheduling.
    let bastienLater = 0;
    const b = await TestDevice.open('Bastien', server.fetch, () => Date.now() + bastienLater);
    try {
      await a.join(await server.invite(network.id));
      await b.join(await server.invite(network.id));
      const shared = await createRecord(a.context, 'visits', visit());
      await a.sync();
      await b.sync();
      // Enough of Bastien's visits for Alix's next pull to take several pages (40 a page).
      for (let index = 0; index < 100; index++) await createRecord(b.context, 'visits', visit(`Visite ${index}`));
      await b.sync();

      afterFirstPage = async () => {
        // Alix ticks a service (not a text) while her pull is on its first page; Bastien then
        // sets the same field and sends it: his value comes back on one of her later pages.
        await updateRecord(a.context, 'visits', shared.id, { services: ['pool'] });
        bastienLater = 5_000;
        await updateRecord(b.context, 'visits', shared.id, { services: ['inform', 'watch'] });
        await b.sync();
      };
      await a.sync();
      expect(afterFirstPage).toBeNull();
      await a.sync();
      await b.sync();

      const onServer = (await server.snapshot(network.id)).find((change) => change.id === shared.id);
      expect(JSON.parse(onServer?.data ?? '{}').services).toEqual(['inform', 'watch']);
      for (const device of [a, b]) {
        expect((await device.context.db.records('visits').get(shared.id))?.services, device.name).toEqual([
          'inform',
          'watch',
        ]);
        expect(await device.outboxSize()).toBe(0);
      }
    } finally {
      await a.close();
      await b.close();
      await server.stop();
    }
  });
});
