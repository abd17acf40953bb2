// Plays a schedule against a real server (in-process, temporary SQLite file) and devices on
// fake-indexeddb, logging every local write for the oracle in checks.ts.
import { RecordNotFoundError } from '../../../src/db/errors';
import type { LooseRecord } from '../../../src/db/schema';
import { createRecord, deleteRecord, setMapEntries, updateRecord } from '../../../src/db/writes';
import { clockOf } from '../../../src/domain/merge';
import { type RecordType, TEXT_FIELDS } from '../../../src/domain/record-types';
import { TestDevice } from '../../helpers/test-device';
import { TestServer } from '../../helpers/test-server';
import { FaultyLink, type HeldRequest, seededRandom } from './faulty-link';
import type { Action, Release, Schedule } from './schedule';

/** One local write, as the device made it. */
export interface Write {
  network: number;
  release: Release;
  type: RecordType;
  recordId: string;
  create: boolean;
  fields: Record<string, unknown>;
  clocks: Record<string, string>;
  /** Text fields: the clock of the value the edit replaced. */
  base: Record<string, string>;
}

export interface Member {
  device: TestDevice;
  link: FaultyLink;
  network: number;
  release: Release;
}

/** The field the next release adds to visits (optional, as the contract allows). */
export const LATER_FIELD = 'mood';

export const PACKING_ITEMS = [
  '01936f5e-7a3b-7c00-8000-00000000a001',
  '01936f5e-7a3b-7c00-8000-00000000a002',
  '01936f5e-7a3b-7c00-8000-00000000a003',
];

export class World {
  now = Date.parse('2026-11-02T08:00:00.000Z');
  server!: TestServer;
  networkIds: string[] = [];
  members: Member[] = [];
  writes: Write[] = [];
  held: HeldRequest[] = [];
  pushes: HeldRequest[] = [];
  maxClockAheadMs = 0;
  private random: () => number = Math.random;

  static async create(schedule: Schedule): Promise<World> {
    const world = new World();
    world.random = seededRandom(schedule.faultSeed);
    world.server = await TestServer.start(() => world.now);
    for (const name of ['Réseau du bassin', 'Réseau voisin'])
      world.networkIds.push((await world.server.createNetwork(name)).id);
    for (const [index, spec] of schedule.devices.entries()) {
      const link = new FaultyLink(() => world.server.fetch, world.random, world.held, world.pushes);
      const device = await TestDevice.open(`device${index}`, link.fetch, () => world.now + spec.skewMs);
      await device.join(
        await world.server.invite(world.networkIds[spec.network] as string, index === 0 ? 'admin' : 'concierge'),
      );
      device.engine.subscribe((status) => {
        world.maxClockAheadMs = Math.max(world.maxClockAheadMs, status.clockAheadMs);
      });
      world.members.push({ device, link, network: spec.network, release: spec.release });
    }
    await world.shareStartingRecords();
    return world;
  }

  /** Records every device of a network has before the schedule starts, so edits can collide. */
  private async shareStartingRecords(): Promise<void> {
    for (let network = 0; network < this.networkIds.length; network++) {
      const first = this.members.findIndex((member) => member.network === network);
      await this.play({ kind: 'createVisit', device: first, purpose: 'Visite partagée', notes: 'Notes partagées' });
      await this.play({ kind: 'createVisit', device: first, purpose: 'Autre visite', notes: '' });
      await this.play({ kind: 'createOrganisation', device: first, name: 'Tiers-lieu partagé' });
      await this.play({ kind: 'createPackingList', device: first, title: 'Valise partagée' });
      await this.play({ kind: 'createLaterVisit', device: first, purpose: 'Visite récente', later: 'enthousiaste' });
    }
    for (const member of this.members) await member.device.sync();
    for (const member of this.members) await member.device.sync();
  }

  async play(action: Action): Promise<void> {
    this.now += 7;
    switch (action.kind) {
      case 'createVisit':
        return this.create(action.device, 'visits', {
          visitedAt: new Date(this.now).toISOString(),
          purpose: action.purpose,
          notes: action.notes,
          services: ['detect'],
        });
      case 'createLaterVisit':
        if (this.member(action.device).release === 'old') return;
        return this.create(action.device, 'visits', {
          visitedAt: new Date(this.now).toISOString(),
          purpose: action.purpose,
          notes: '',
          services: ['detect'],
          [LATER_FIELD]: action.later,
        });
      case 'editLater':
        if (this.member(action.device).release === 'old') return;
        return this.edit(action.device, 'visits', action.pick, (id) =>
          updateRecord(this.context(action.device), 'visits', id, { [LATER_FIELD]: action.later } as never),
        );
      case 'createOrganisation':
        return this.create(action.device, 'organisations', { name: action.name, kind: 'tiers_lieu', notes: '' });
      case 'createPackingList':
        return this.create(action.device, 'packingLists', {
          title: action.title,
          tripKind: 'field_visit',
          isTemplate: false,
          itemIds: PACKING_ITEMS,
        });
      case 'edit': {
        const value =
          action.field === 'services' ? (action.value.length % 2 === 0 ? ['pool', 'watch'] : ['inform']) : action.value;
        return this.edit(action.device, 'visits', action.pick, (id) =>
          updateRecord(this.context(action.device), 'visits', id, { [action.field]: value }),
        );
      }
      case 'editNotes':
        return this.edit(action.device, action.target, action.pick, (id) =>
          updateRecord(this.context(action.device), action.target, id, { notes: action.notes }),
        );
      case 'pack':
        return this.edit(action.device, 'packingLists', action.pick, (id) =>
          setMapEntries(this.context(action.device), 'packingLists', id, 'packed', {
            [PACKING_ITEMS[action.item] as string]: action.packed,
          }),
        );
      case 'delete':
        return this.edit(action.device, action.target, action.pick, (id) =>
          deleteRecord(this.context(action.device), action.target, id),
        );
      case 'resolveConflict':
        return this.edit(action.device, 'conflicts', action.pick, (id) =>
          deleteRecord(this.context(action.device), 'conflicts', id),
        );
      case 'sync':
        return this.member(action.device).device.sync();
      case 'syncWhileEditing': {
        const { device, link } = this.member(action.device);
        link.afterNextPull = () =>
          this.play({
            kind: 'editNotes',
            device: action.device,
            pick: action.pick,
            target: 'visits',
            notes: action.notes,
          });
        await device.sync();
        link.afterNextPull = null;
        return;
      }
      case 'offline':
        this.member(action.device).link.state.offline = action.offline;
        return;
      case 'lossy':
        this.member(action.device).link.state.lossy = action.lossy;
        return;
      case 'restartServer':
        return this.server.restart();
      case 'deliverHeld':
        return this.deliverHeld();
      case 'wait':
        this.now += action.ms;
        return;
    }
  }

  /** Network back for everyone, late requests delivered, then syncs until nothing moves. */
  async heal(): Promise<void> {
    for (const member of this.members) Object.assign(member.link.state, { offline: false, lossy: false });
    await this.deliverHeld();
    for (let round = 0; round < 3; round++) {
      for (const member of this.members) {
        this.now += 1_000;
        await member.device.sync();
      }
    }
  }

  private async deliverHeld(): Promise<void> {
    const late = this.held.splice(0).sort(() => this.random() - 0.5);
    for (const request of late) await this.server.fetch(request.url, request.init).catch(() => undefined);
  }

  private member(index: number): Member {
    return this.members[index] as Member;
  }

  private context(index: number) {
    return this.member(index).device.context;
  }

  private async create(index: number, type: RecordType, input: Record<string, unknown>): Promise<void> {
    const context = this.context(index);
    const record = (await createRecord(context, type, input as never)) as unknown as Record<string, unknown>;
    const stored = (await context.db.anyRecords(type).get(record.id as string)) as LooseRecord;
    const { hlc, ...fields } = stored;
    const clocks = Object.fromEntries(Object.keys(fields).map((key) => [key, clockOf(hlc, key)]));
    this.writes.push({
      network: this.member(index).network,
      release: this.member(index).release,
      type,
      recordId: stored.id,
      create: true,
      fields,
      clocks,
      base: {},
    });
  }

  /** Runs a local edit on the pick-th live record of a type, logging what it changed. */
  private async edit(
    index: number,
    type: RecordType,
    pick: number,
    write: (id: string) => Promise<unknown>,
  ): Promise<void> {
    const context = this.context(index);
    const live = await context.db
      .anyRecords(type)
      .filter((record) => !record.deleted)
      .toArray();
    if (live.length === 0) return;
    const before = live[pick % live.length] as LooseRecord;
    const outboxBefore = await context.db.outbox.count();
    try {
      await write(before.id);
    } catch (error) {
      // A pull applied meanwhile may have deleted the record: the app refuses the edit too.
      if (error instanceof RecordNotFoundError) return;
      throw error;
    }
    if ((await context.db.outbox.count()) === outboxBefore) return; // nothing changed
    const entry = await context.db.outbox.orderBy('seq').last();
    const after = (await context.db.anyRecords(type).get(before.id)) as LooseRecord;
    const fields: Record<string, unknown> = {};
    const clocks: Record<string, string> = {};
    const base: Record<string, string> = {};
    for (const key of entry?.fields ?? []) {
      const dot = key.indexOf('.');
      fields[key] =
        dot < 0 ? after[key] : ((after[key.slice(0, dot)] as Record<string, unknown>)[key.slice(dot + 1)] ?? null);
      clocks[key] = clockOf(after.hlc, key);
      if ((TEXT_FIELDS[type] as readonly string[]).includes(key)) base[key] = clockOf(before.hlc, key);
    }
    this.writes.push({
      network: this.member(index).network,
      release: this.member(index).release,
      type,
      recordId: before.id,
      create: false,
      fields,
      clocks,
      base,
    });
  }

  async dispose(): Promise<void> {
    for (const member of this.members) await member.device.close();
    await this.server.stop();
  }
}
