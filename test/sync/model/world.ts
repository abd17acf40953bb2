// Plays a schedule against a real server (in-process, temporary SQLite file) and devices on
// fake-indexeddb, logging every local write for the oracle in checks.ts — read from each
// outbox entry as it is queued, so the writes a device makes by itself (a merge's redirects
// after a pull) are logged like the user's.
import { RecordNotFoundError } from '../../../src/db/errors';
import { mergeDuplicates } from '../../../src/db/merge';
import type { LooseRecord, OutboxEntry } from '../../../src/db/schema';
import { createRecord, deleteRecord, setMapEntries, updateRecord } from '../../../src/db/writes';
import { clockOf } from '../../../src/domain/merge';
import type { MergeChoices } from '../../../src/domain/merge-plan';
import type { RecordType } from '../../../src/domain/record-types';
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

/** The template diagnostics are filled from (the model never needs its questions). */
const DIAGNOSTIC_TEMPLATE = '01936f5e-7a3b-7c00-8000-00000000d001';

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
      world.logWrites(index);
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
      await this.play({ kind: 'createOrganisation', device: first, name: 'La Grange' });
      await this.play({ kind: 'createContact', device: first, name: 'Élise' });
      await this.play({ kind: 'createContact', device: first, name: 'Élise Martin' });
      await this.play({ kind: 'createVisitAt', device: first, lieu: 1, person: 1, purpose: 'Visite à la Grange' });
      // One of each other kind of reference a merge moves, so every device starts with them.
      for (const [target, lieu, person] of [
        ['events', 1, 0],
        ['diagnostics', 0, 0],
        ['followUps', 0, 0],
        ['loans', 0, 1],
        ['contacts', 1, 0],
      ] as const)
        await this.play({ kind: 'createReference', device: first, target, lieu, person });
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
      case 'createContact':
        return this.create(action.device, 'contacts', { name: action.name, notes: '' });
      case 'createVisitAt': {
        const lieu = await this.pickLive(action.device, 'organisations', action.lieu);
        const person = await this.pickLive(action.device, 'contacts', action.person);
        return this.create(action.device, 'visits', {
          visitedAt: new Date(this.now).toISOString(),
          purpose: action.purpose,
          notes: '',
          services: ['detect'],
          ...(lieu ? { organisationId: lieu.id } : {}),
          contactIds: person ? [person.id] : [],
        });
      }
      case 'moveVisit': {
        const lieu = await this.pickLive(action.device, 'organisations', action.lieu);
        if (!lieu) return;
        const field = action.target === 'events' ? 'placeOrganisationId' : 'organisationId';
        return this.edit(action.device, action.target, action.pick, (id) =>
          updateRecord(this.context(action.device), action.target, id, { [field]: lieu.id }),
        );
      }
      case 'createReference':
        return this.createReference(action);
      case 'checkIn': {
        const person = await this.pickLive(action.device, 'contacts', action.person);
        if (!person) return;
        return this.edit(action.device, 'events', action.pick, (id) =>
          setMapEntries(this.context(action.device), 'events', id, 'attendees', {
            [person.id]: { name: person.name, status: action.status },
          }),
        );
      }
      case 'merge':
        return this.merge(action);
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
          this.play(
            action.services
              ? { kind: 'edit', device: action.device, pick: action.pick, field: 'services', value: action.notes }
              : { kind: 'editNotes', device: action.device, pick: action.pick, target: 'visits', notes: action.notes },
          );
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

  /**
   * Network back for everyone, late requests delivered, then syncs until nothing moves: a
   * round that starts with every outbox empty and writes nothing (a device that learns of a
   * merge on a pull moves references, which the others pull a round later). Bounded: a device
   * that kept writing shows as unsent changes.
   */
  async heal(): Promise<void> {
    for (const member of this.members) Object.assign(member.link.state, { offline: false, lossy: false });
    await this.deliverHeld();
    for (let round = 0; round < 8; round++) {
      const written = this.writes.length;
      let unsent = 0;
      for (const member of this.members) unsent += await member.device.outboxSize();
      for (const member of this.members) {
        this.now += 1_000;
        await member.device.sync();
      }
      if (round >= 2 && unsent === 0 && this.writes.length === written) return;
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
    await createRecord(this.context(index), type, input as never);
  }

  private async pickLive(index: number, type: RecordType, pick: number): Promise<LooseRecord | undefined> {
    const live = await this.context(index)
      .db.anyRecords(type)
      .filter((record) => !record.deleted)
      .toArray();
    return live[pick % live.length];
  }

  /** Runs a local edit on the pick-th live record of a type (the app refuses a deleted one too). */
  private async edit(
    index: number,
    type: RecordType,
    pick: number,
    write: (id: string) => Promise<unknown>,
  ): Promise<void> {
    const record = await this.pickLive(index, type, pick);
    if (!record) return;
    try {
      await write(record.id);
    } catch (error) {
      // A pull applied meanwhile may have deleted the record: the app refuses the edit too.
      if (error instanceof RecordNotFoundError) return;
      throw error;
    }
  }

  private async createReference(action: Extract<Action, { kind: 'createReference' }>): Promise<void> {
    const lieu = await this.pickLive(action.device, 'organisations', action.lieu);
    const person = await this.pickLive(action.device, 'contacts', action.person);
    const at = new Date(this.now).toISOString();
    const name = String(person?.name ?? 'Quelqu’un');
    switch (action.target) {
      case 'events':
        return this.create(action.device, 'events', {
          title: 'Rencontre du réseau',
          kind: 'network_meeting',
          startsAt: at,
          endsAt: at,
          ...(lieu ? { placeOrganisationId: lieu.id } : {}),
          attendees: person ? { [person.id]: { name, status: 'invited' } } : {},
        });
      case 'diagnostics':
        return this.create(action.device, 'diagnostics', {
          templateId: DIAGNOSTIC_TEMPLATE,
          templateVersion: 1,
          filledOn: at.slice(0, 10),
          ...(lieu ? { organisationId: lieu.id } : {}),
        });
      case 'followUps':
        return this.create(action.device, 'followUps', { text: 'Rappeler', owner: name, done: false });
      case 'loans':
        return this.create(action.device, 'loans', {
          itemId: PACKING_ITEMS[0],
          holderName: name,
          count: 1,
          borrowedAt: at,
        });
      case 'contacts':
        if (!lieu || !person) return;
        return this.edit(action.device, 'contacts', action.person, (id) =>
          updateRecord(this.context(action.device), 'contacts', id, {
            organisationIds: [...new Set([...((person.organisationIds as string[] | undefined) ?? []), lieu.id])],
          }),
        );
    }
  }

  private async merge(action: Extract<Action, { kind: 'merge' }>): Promise<void> {
    const live = await this.context(action.device)
      .db.anyRecords(action.target)
      .filter((record) => !record.deleted)
      .toArray();
    if (live.length < 2) return;
    const kept = live[action.kept % live.length] as LooseRecord;
    const others = live.filter((record) => record.id !== kept.id);
    const merged = others[action.merged % others.length] as LooseRecord;
    const choices: MergeChoices = action.other ? { name: 'merged', notes: 'merged' } : {};
    await mergeDuplicates(this.context(action.device), action.target, kept.id, action.target, merged.id, choices);
  }

  /**
   * Logs every change queued on a device's outbox with the values and clocks it wrote (its
   * record read in the same transaction). Resends to a restored server are not new writes.
   */
  private logWrites(index: number): void {
    const { network, release, device } = this.member(index);
    const { db } = device.context;
    db.outbox.hook('creating', (_key, entry: OutboxEntry, transaction) => {
      if (entry.resend) return;
      const table = transaction.table(db.anyRecords(entry.type).name);
      void table.bulkGet(entry.recordIds).then((records: (LooseRecord | undefined)[]) => {
        for (const record of records) {
          if (!record) continue;
          const { hlc, ...after } = record;
          const keys = entry.fields ?? Object.keys(after);
          const fields: Record<string, unknown> = {};
          const clocks: Record<string, string> = {};
          for (const key of keys) {
            const dot = key.indexOf('.');
            fields[key] =
              dot < 0
                ? after[key]
                : ((after[key.slice(0, dot)] as Record<string, unknown> | undefined)?.[key.slice(dot + 1)] ?? null);
            clocks[key] = clockOf(hlc, key);
          }
          const create = entry.fields === null;
          this.writes.push({
            network,
            release,
            type: entry.type,
            recordId: record.id,
            create,
            fields,
            clocks,
            base: entry.base ?? {},
          });
        }
      });
    });
  }

  async dispose(): Promise<void> {
    for (const member of this.members) await member.device.close();
    await this.server.stop();
  }
}
