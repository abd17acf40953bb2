// What every Store must do, whatever its database: store-contract.test.ts runs this suite on
// SQLite and on a real PostgreSQL. The server's routes rely on nothing else.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isId, newId } from '../../src/domain/ids';
import type { Role } from '../../src/domain/vocabulary';
import { formatHlc, HybridClock, parseHlc } from '../../src/protocol/hlc';
import type { Mutation } from '../../src/protocol/wire';
import { epochEntries, readEpoch, renewNetworkEpoch } from '../../src/server/ops/epoch';
import { MAX_PUSH_WORK_CHARS, SERVER_CLOCK_NODE } from '../../src/server/push/plan';
import type { Device, PushOutput, Store } from '../../src/server/store/store';
import { diagnosticCreation, notesEdit, PUSHER, recordCreation, visitCreation } from '../helpers/mutations';

export interface StoreHarness {
  /** A store on a new, empty, migrated database. */
  open(): Promise<Store>;
  /** Closes the store and opens the same database again, as a server restart does. */
  reopen(store: Store): Promise<Store>;
  /** Closes the store and removes its database. */
  dispose(store: Store): Promise<void>;
  /**
   * Writes a record's clocks directly, as a server before strict clocks could have stored
   * them, and marks the store as not yet migrated past that.
   */
  storeClocksAsBefore(store: Store, recordId: string, clocks: Record<string, string>): Promise<void>;
  /**
   * Keys the records by their id alone, as a server before per-network ids did, and marks the
   * store as not yet migrated past that.
   */
  keyRecordsAsBefore(store: Store): Promise<void>;
  /**
   * Drops the invitations' ids, dates and authors, as a server before them kept its
   * invitations, and marks the store as not yet migrated past that.
   */
  storeInvitationsAsBefore(store: Store): Promise<void>;
  /**
   * Drops the networks' counts of records and bytes, as a server before them kept its
   * networks, and marks the store as not yet migrated past that.
   */
  storeNetworksWithoutUsage(store: Store): Promise<void>;
}

const NOW = Date.parse('2026-11-28T10:00:00.000Z');
const iso = (time: number) => new Date(time).toISOString();

function device(networkId: string, role: Role = 'concierge'): Device {
  return {
    id: newId(),
    networkId,
    name: 'Téléphone',
    memberId: newId(),
    memberName: 'Camille',
    role,
    clockNode: '0123456789abcdef',
    createdAt: new Date(NOW).toISOString(),
    lastSeenAt: null,
    revokedAt: null,
  };
}

export function storeContract(name: string, harness: () => StoreHarness) {
  describe(`${name} store contract`, () => {
    let store: Store;
    let h: StoreHarness;

    beforeEach(async () => {
      h = harness();
      store = await h.open();
    });
    afterEach(async () => {
      await h.dispose(store);
    });

    function push(
      networkId: string,
      mutations: readonly Mutation[],
      role: Role = 'concierge',
      recordQuotaBytes?: number,
    ): Promise<PushOutput> {
      return store.push({
        context: { networkId, role, clock: new HybridClock(SERVER_CLOCK_NODE, () => NOW), now: NOW, pusher: PUSHER },
        mutations,
        ...(recordQuotaBytes === undefined ? {} : { recordQuotaBytes }),
      });
    }

    /**
     * An invitation not used yet, stored under the hash of `code` repeated; answers that hash.
     * `made`: when and by which device (by default an hour before NOW, by the command line).
     */
    async function openInvitation(
      networkId: string,
      code: string,
      expiresAt: number,
      role: Role = 'concierge',
      made: { id?: string; at?: number; by?: string; forMember?: string } = {},
    ) {
      const codeHash = code.repeat(64);
      await store.createInvitation({
        id: made.id ?? newId(),
        codeHash,
        networkId,
        role,
        createdAt: new Date(made.at ?? NOW - 3_600_000).toISOString(),
        createdBy: made.by ?? null,
        forMember: made.forMember ?? null,
        expiresAt: new Date(expiresAt).toISOString(),
        usedAt: null,
        attempts: 0,
      });
      return codeHash;
    }

    async function pullAll(networkId: string, since = 0) {
      const page = await store.pull(networkId, since, 5000);
      return page.changes;
    }

    it('reads the large records a push names only as far as its plan goes, and applies the rest in the next pushes', async () => {
      // A member's push of small edits naming a thousand records of 1 MB each made the store
      // read and parse every one (2 GB, 48 s of the server's only thread); the plan stopped after 17.
      const network = await store.createNetwork('Réseau');
      const diagnostics = Array.from({ length: 20 }, () => diagnosticCreation(NOW, 50, 'x'.repeat(19_000)));
      await push(network.id, diagnostics);
      const edits = diagnostics.map(({ recordId }) => {
        const clock = formatHlc({ millis: NOW + 1, counter: 0, node: PUSHER.clockNode });
        return {
          ...notesEdit(NOW + 1, recordId, ''),
          type: 'diagnostics',
          fields: { 'answers.q1': null },
          clocks: { 'answers.q1': clock },
        };
      });
      const first = await charsParsedBy(() => push(network.id, edits));
      // Those it plans, the last of which passes the bound: each under 1 MB.
      expect(first.chars).toBeLessThan(MAX_PUSH_WORK_CHARS + 1_000_000);
      expect(first.value.results.length).toBeLessThan(edits.length);
      expect(first.value.results.every((result) => result.status === 'applied')).toBe(true);
      for (let left = edits.slice(first.value.results.length); left.length > 0; ) {
        const next = await push(network.id, left);
        expect(next.results.length).toBeGreaterThan(0);
        expect(next.results.every((result) => result.status === 'applied')).toBe(true);
        left = left.slice(next.results.length);
      }
      const stored = (await store.snapshot(network.id)).map((row) => JSON.parse(row.data));
      expect(stored.map((diagnostic) => Object.keys(diagnostic.answers).length)).toEqual(edits.map(() => 49));
    });

    it('reports itself reachable', async () => {
      expect(await store.ping()).toBe(true);
    });

    it('creates, finds and lists networks', async () => {
      const a = await store.createNetwork('Réseau A');
      const b = await store.createNetwork('Réseau B — “guillemets” 🚲');
      expect(await store.getNetwork(b.id)).toEqual(b);
      expect(await store.getNetwork(newId())).toBeNull();
      expect((await store.listNetworks()).map((network) => network.id).sort()).toEqual([a.id, b.id].sort());
    });

    it('renames a network, and only that one', async () => {
      const a = await store.createNetwork('Réseau des tiers-lieux du Pays de Redn');
      const b = await store.createNetwork('Réseau B');
      expect(await store.renameNetwork(a.id, 'Réseau des tiers-lieux du Pays de Redon')).toEqual({
        ...a,
        name: 'Réseau des tiers-lieux du Pays de Redon',
      });
      expect((await store.getNetwork(a.id))?.name).toBe('Réseau des tiers-lieux du Pays de Redon');
      expect(await store.getNetwork(b.id)).toEqual(b);
      expect(await store.renameNetwork(newId(), 'Personne')).toBeNull();
    });

    it('counts every attempt on an invitation and redeems it only once, even when raced', async () => {
      const network = await store.createNetwork('Réseau');
      const invitation = { codeHash: await openInvitation(network.id, 'a', NOW + 3_600_000) };
      expect((await store.findInvitation(invitation.codeHash))?.attempts).toBe(1);
      expect((await store.findInvitation(invitation.codeHash))?.attempts).toBe(2);
      expect(await store.findInvitation('b'.repeat(64))).toBeNull();

      const candidates = Array.from({ length: 6 }, () => device(network.id));
      const outcomes = await Promise.all(
        candidates.map((candidate, index) =>
          store.redeemInvitation(invitation.codeHash, candidate, `${index}`.repeat(64)),
        ),
      );
      expect(outcomes.filter(Boolean)).toHaveLength(1);
      expect(await store.listDevices(network.id)).toHaveLength(1);
      expect((await store.findInvitation(invitation.codeHash))?.usedAt).not.toBeNull();
      const winner = outcomes.indexOf(true);
      expect((await store.findDeviceByTokenHash(`${winner}`.repeat(64)))?.id).toBe(candidates[winner]?.id);
    });

    it('keeps devices within their network: listing, touching, revoking', async () => {
      const a = await store.createNetwork('A');
      const b = await store.createNetwork('B');
      const phone = device(a.id);
      await openInvitation(a.id, 'c', NOW + 1000);
      expect(await store.redeemInvitation('c'.repeat(64), phone, 'd'.repeat(64))).toBe(true);
      await store.touchDevice(phone.id, '2026-11-28T11:00:00.000Z');
      expect((await store.findDeviceByTokenHash('d'.repeat(64)))?.lastSeenAt).toBe('2026-11-28T11:00:00.000Z');
      expect(await store.listDevices(b.id)).toEqual([]);
      expect(await store.revokeDevice(b.id, phone.id, new Date(NOW).toISOString())).toBe('not_found');
      expect((await store.findDeviceByTokenHash('d'.repeat(64)))?.revokedAt).toBeNull();
      expect(await store.revokeDevice(a.id, phone.id, new Date(NOW).toISOString())).toBe('revoked');
      expect(await store.revokeDevice(a.id, phone.id, new Date(NOW).toISOString())).toBe('not_found');
      expect((await store.findDeviceByTokenHash('d'.repeat(64)))?.revokedAt).toBe(new Date(NOW).toISOString());
    });

    it('ends the unused invitations of its network only when an admin device is revoked', async () => {
      const a = await store.createNetwork('A');
      const b = await store.createNetwork('B');
      const invitation = (networkId: string, code: string, expiresAt: number) =>
        openInvitation(networkId, code, expiresAt, 'admin');
      const admin = device(a.id, 'admin');
      await store.redeemInvitation(await invitation(a.id, '1', NOW + 1000), admin, '2'.repeat(64));
      const pending = await invitation(a.id, '3', NOW + 3_600_000);
      const alreadyOver = await invitation(a.id, '4', NOW - 1000);
      const otherNetwork = await invitation(b.id, '5', NOW + 3_600_000);
      const at = new Date(NOW).toISOString();

      expect(await store.revokeDevice(a.id, admin.id, at)).toBe('revoked');
      expect((await store.findInvitation(pending))?.expiresAt).toBe(at);
      // Ended invitations are not given more time, nor is another network's touched.
      expect((await store.findInvitation(alreadyOver))?.expiresAt).toBe(new Date(NOW - 1000).toISOString());
      expect((await store.findInvitation(otherNetwork))?.expiresAt).toBe(new Date(NOW + 3_600_000).toISOString());
      // A join that read the invitation before the revocation cannot redeem it after.
      expect(await store.redeemInvitation(pending, device(a.id), '6'.repeat(64))).toBe(false);
      expect(await store.redeemInvitation(otherNetwork, device(b.id), '7'.repeat(64))).toBe(true);
    });

    it('keeps an active admin when asked, even when two admins are revoked at the same moment', async () => {
      // Two admins revoking each other at once each counted the other still active: the
      // network was left without an admin until someone used the server's command line.
      const a = await store.createNetwork('A');
      const admins = [device(a.id, 'admin'), device(a.id, 'admin')];
      for (const [index, admin] of admins.entries())
        await store.redeemInvitation(
          await openInvitation(a.id, `${index}`, NOW + 1000, 'admin'),
          admin,
          `${index}`.repeat(64),
        );
      const at = new Date(NOW).toISOString();
      // Two connections open first (on PostgreSQL), so that both revocations run side by side.
      await Promise.all([store.listDevices(a.id), store.listDevices(a.id)]);
      const outcomes = await Promise.all(
        admins.map((admin) => store.revokeDevice(a.id, admin.id, at, { askedBy: admin.id })),
      );
      expect(outcomes.sort()).toEqual(['last_admin', 'revoked']);
      const active = (await store.listDevices(a.id)).filter((one) => one.revokedAt === null);
      expect(active).toHaveLength(1);
      // The server's command line may still revoke the last one: its admin invites again from there.
      expect(await store.revokeDevice(a.id, active[0]?.id as string, at)).toBe('revoked');
    });

    it('revokes no one at the request of an admin device revoked while its request was on its way', async () => {
      // Admins X, Y and Z: X revokes Y (a stolen phone) while Y's revocation of Z is past its
      // token's check. Both went through, and only X was left.
      const a = await store.createNetwork('A');
      const [x, y, z] = [device(a.id, 'admin'), device(a.id, 'admin'), device(a.id, 'admin')];
      for (const [index, admin] of [x, y, z].entries())
        await store.redeemInvitation(
          await openInvitation(a.id, `${index}`, NOW + 1000, 'admin'),
          admin,
          `${index}`.repeat(64),
        );
      const at = new Date(NOW).toISOString();
      expect(await store.revokeDevice(a.id, y.id, at, { askedBy: x.id })).toBe('revoked');
      expect(await store.revokeDevice(a.id, z.id, at, { askedBy: y.id })).toBe('asker_revoked');
      const active = (await store.listDevices(a.id)).filter((one) => one.revokedAt === null).map((one) => one.id);
      expect(active.sort()).toEqual([x.id, z.id].sort());
    });

    it('stores no invitation, nor a network name, asked by an admin device revoked while its request was on its way', async () => {
      // A stolen phone's invitation inserted just after its revocation ended the open ones
      // stayed open, and let the thief back in.
      const a = await store.createNetwork('A');
      const [keeper, stolen] = [device(a.id, 'admin'), device(a.id, 'admin')];
      for (const [index, admin] of [keeper, stolen].entries())
        await store.redeemInvitation(
          await openInvitation(a.id, `${index}`, NOW + 1000, 'admin'),
          admin,
          `${index}`.repeat(64),
        );
      expect(await store.revokeDevice(a.id, stolen.id, iso(NOW), { askedBy: keeper.id })).toBe('revoked');
      const invitation = (code: string, by: string | null) => ({
        id: newId(),
        codeHash: code.repeat(64),
        networkId: a.id,
        role: 'admin' as const,
        createdAt: iso(NOW),
        createdBy: by,
        forMember: null,
        expiresAt: iso(NOW + 3_600_000),
        usedAt: null,
        attempts: 0,
      });
      expect(await store.createInvitation(invitation('2', stolen.id))).toBe(false);
      expect(await store.findInvitation('2'.repeat(64))).toBeNull();
      // Its keeper, and the server's command line, still invite.
      expect(await store.createInvitation(invitation('3', keeper.id))).toBe(true);
      expect(await store.createInvitation(invitation('4', null))).toBe(true);
      const open = await store.listOpenInvitations(a.id, iso(NOW));
      expect(open.map((one) => one.creator?.memberName ?? 'command line').sort()).toEqual(['Camille', 'command line']);
      expect(await store.renameNetwork(a.id, 'Volé', { askedBy: stolen.id })).toBeNull();
      expect((await store.getNetwork(a.id))?.name).toBe('A');
      expect((await store.renameNetwork(a.id, 'B', { askedBy: keeper.id }))?.name).toBe('B');
    });

    it('ends one open invitation of its network, and no other network’s, nor a used or ended one', async () => {
      const a = await store.createNetwork('A');
      const b = await store.createNetwork('B');
      const wrongPerson = await openInvitation(a.id, '1', NOW + 3_600_000);
      const kept = await openInvitation(a.id, '2', NOW + 3_600_000);
      const used = await openInvitation(a.id, '3', NOW + 3_600_000);
      await store.redeemInvitation(used, device(a.id), '4'.repeat(64));
      const ofB = await openInvitation(b.id, '5', NOW + 3_600_000);
      const at = new Date(NOW).toISOString();

      expect(await store.endInvitation(b.id, { codeHash: wrongPerson }, at)).toBe(false);
      expect(await store.endInvitation(a.id, { codeHash: ofB }, at)).toBe(false);
      expect(await store.endInvitation(a.id, { codeHash: used }, at)).toBe(false);
      expect(await store.endInvitation(a.id, { codeHash: wrongPerson }, at)).toBe(true);
      expect(await store.endInvitation(a.id, { codeHash: wrongPerson }, at)).toBe(false);

      expect(await store.redeemInvitation(wrongPerson, device(a.id), '6'.repeat(64))).toBe(false);
      expect(await store.redeemInvitation(kept, device(a.id), '7'.repeat(64))).toBe(true);
      expect(await store.redeemInvitation(ofB, device(b.id), '8'.repeat(64))).toBe(true);
    });

    it('lists the open invitations of its network alone, newest first, with the names of the device that made each', async () => {
      const a = await store.createNetwork('A');
      const b = await store.createNetwork('B');
      const admin = { ...device(a.id, 'admin'), name: 'Tablette du tiers-lieu', memberName: 'Dominique' };
      await store.redeemInvitation(await openInvitation(a.id, '0', NOW + 1000, 'admin'), admin, '9'.repeat(64));
      const ids = { older: newId(), newer: newId(), undated: newId(), byCommandLine: newId() };
      // For a new device of Dominique's, as her admin device names her.
      const forDominique = { id: ids.older, at: NOW - 2000, by: admin.id, forMember: admin.memberId };
      await openInvitation(a.id, '1', NOW + 3_600_000, 'concierge', forDominique);
      await openInvitation(a.id, '2', NOW + 7_200_000, 'admin', { id: ids.newer, at: NOW - 1000, by: admin.id });
      await openInvitation(a.id, '3', NOW + 3_600_000, 'concierge', { id: ids.byCommandLine, at: NOW - 3000 });
      await store.redeemInvitation(await openInvitation(a.id, '4', NOW + 3_600_000), device(a.id), '8'.repeat(64));
      await openInvitation(a.id, '5', NOW - 1);
      await store.endInvitation(a.id, { codeHash: await openInvitation(a.id, '6', NOW + 3_600_000) }, iso(NOW - 10));
      await openInvitation(b.id, '7', NOW + 3_600_000, 'concierge', { at: NOW });

      const open = await store.listOpenInvitations(a.id, iso(NOW));
      const byAdmin = { deviceName: 'Tablette du tiers-lieu', memberName: 'Dominique' };
      expect(open).toEqual([
        {
          id: ids.newer,
          role: 'admin',
          createdAt: iso(NOW - 1000),
          expiresAt: iso(NOW + 7_200_000),
          creator: byAdmin,
          forMemberName: null,
        },
        {
          id: ids.older,
          role: 'concierge',
          createdAt: iso(NOW - 2000),
          expiresAt: iso(NOW + 3_600_000),
          creator: byAdmin,
          forMemberName: 'Dominique',
        },
        {
          id: ids.byCommandLine,
          role: 'concierge',
          createdAt: iso(NOW - 3000),
          expiresAt: iso(NOW + 3_600_000),
          creator: null,
          forMemberName: null,
        },
      ]);
      // Ended by its id: then no longer open, and no other network's id ends it.
      expect(await store.endInvitation(b.id, { id: ids.older }, iso(NOW))).toBe(false);
      expect(await store.endInvitation(a.id, { id: ids.older }, iso(NOW))).toBe(true);
      expect(await store.endInvitation(a.id, { id: ids.older }, iso(NOW))).toBe(false);
      expect((await store.listOpenInvitations(a.id, iso(NOW))).map((one) => one.id)).toEqual([
        ids.newer,
        ids.byCommandLine,
      ]);
      expect(await store.redeemInvitation('1'.repeat(64), device(a.id), '7'.repeat(64))).toBe(false);
    });

    it('gives each invitation made before ids one of its own on migration, and neither date nor author', async () => {
      const a = await store.createNetwork('A');
      const pending = [
        await openInvitation(a.id, '1', NOW + 3_600_000),
        await openInvitation(a.id, '2', NOW + 3_600_000),
      ];
      await store.redeemInvitation(await openInvitation(a.id, '3', NOW + 3_600_000), device(a.id), '4'.repeat(64));
      await h.storeInvitationsAsBefore(store);
      store = await h.reopen(store);

      const open = await store.listOpenInvitations(a.id, iso(NOW));
      expect(open.map(({ createdAt, creator }) => ({ createdAt, creator }))).toEqual([
        { createdAt: null, creator: null },
        { createdAt: null, creator: null },
      ]);
      const [first, second] = open.map((one) => one.id);
      expect(first).not.toBe(second);
      expect([first, second].every(isId)).toBe(true);
      // Their codes still work, and each ends by its new id alone.
      expect(await store.endInvitation(a.id, { id: first as string }, iso(NOW))).toBe(true);
      expect((await store.listOpenInvitations(a.id, iso(NOW))).map((one) => one.id)).toEqual([second]);
      const redeemed = await Promise.all(
        pending.map((codeHash, index) => store.redeemInvitation(codeHash, device(a.id), `${index + 5}`.repeat(64))),
      );
      expect(redeemed.filter(Boolean)).toHaveLength(1);
    });

    it('replaces a device token with its own again, never with another device’s', async () => {
      const a = await store.createNetwork('A');
      const phone = device(a.id);
      const tablet = device(a.id);
      for (const [index, joining] of [phone, tablet].entries()) {
        const codeHash = await openInvitation(a.id, `${index}`, NOW + 1000);
        expect(await store.redeemInvitation(codeHash, joining, `${index + 5}`.repeat(64))).toBe(true);
      }
      expect(await store.replaceToken(phone.id, '5'.repeat(64))).toBe(true);
      expect(await store.replaceToken(phone.id, '6'.repeat(64))).toBe(false);
      expect((await store.findDeviceByTokenHash('5'.repeat(64)))?.id).toBe(phone.id);
      expect((await store.findDeviceByTokenHash('6'.repeat(64)))?.id).toBe(tablet.id);
      expect(await store.replaceToken(phone.id, '7'.repeat(64))).toBe(true);
      expect(await store.findDeviceByTokenHash('5'.repeat(64))).toBeNull();
    });

    /** Network A with two devices, `stolen` revoked: what it sends after is judged as revoked. */
    async function networkWithStolenPhone() {
      const a = await store.createNetwork('A');
      const [keeper, stolen] = [device(a.id), device(a.id)];
      for (const [index, phone] of [keeper, stolen].entries())
        await store.redeemInvitation(await openInvitation(a.id, `${index}`, NOW + 1000), phone, `${index}`.repeat(64));
      expect(await store.revokeDevice(a.id, stolen.id, iso(NOW))).toBe('revoked');
      return { a, keeper, stolen };
    }

    it('writes nothing pushed by a device revoked while its push was on its way', async () => {
      // Its token was checked before its body arrived (minutes on a slow link): a stolen phone
      // revoked meanwhile still wrote its whole push.
      const { a, keeper, stolen } = await networkWithStolenPhone();
      const clock = new HybridClock(SERVER_CLOCK_NODE, () => NOW);
      const pushBy = (pusher: Device) =>
        store.push({
          context: { networkId: a.id, role: 'concierge', clock, now: NOW, pusher },
          mutations: [visitCreation(NOW)],
        });
      expect(await pushBy(stolen)).toEqual({ results: [], clockAheadMs: 0, revoked: true });
      expect(await pullAll(a.id)).toEqual([]);
      expect((await pushBy(keeper)).results).toMatchObject([{ status: 'applied' }]);
    });

    it('stores no file uploaded by a device revoked while it was on its way, nor counts it', async () => {
      const { a, keeper, stolen } = await networkWithStolenPhone();
      const data = new Uint8Array([1, 2, 3]);
      const file = { sha256: 'f'.repeat(64), mimeType: 'image/png', size: data.byteLength, data };
      expect(await store.putAttachment(a.id, file, 100, stolen.id)).toEqual({ stored: false, revoked: true });
      expect(await store.attachmentSize(a.id, file.sha256)).toBeNull();
      expect(await store.putAttachment(a.id, file, 100, keeper.id)).toEqual({ stored: true });
      // Held already, it is still no answer for a revoked device.
      expect(await store.putAttachment(a.id, file, 100, stolen.id)).toEqual({ stored: false, revoked: true });
    });

    it('takes the author of a change from the device that pushed it, not from what the change claims', async () => {
      const network = await store.createNetwork('Réseau');
      const creation = visitCreation(NOW - 2000);
      await push(network.id, [creation]);
      // Bastien's device sends texts under Camille's clock node and name (test/helpers/mutations.ts).
      const bastien = { id: newId(), clockNode: 'b2b2b2b2b2b2b2b2', memberId: newId(), memberName: 'Bastien' };
      const clock = new HybridClock(SERVER_CLOCK_NODE, () => NOW);
      const asBastien = (mutation: Mutation) =>
        store.push({
          context: { networkId: network.id, role: 'concierge', clock, now: NOW, pusher: bastien },
          mutations: [mutation],
        });
      await asBastien(notesEdit(NOW - 3000, creation.recordId, 'Plus ancien que la visite'));
      await asBastien(notesEdit(NOW - 1000, creation.recordId, 'Version de Bastien'));
      const changes = await pullAll(network.id);
      const visit = changes.find((change) => change.id === creation.recordId);
      expect(JSON.parse(visit?.data ?? '{}')).toMatchObject({ notes: 'Version de Bastien', updatedBy: 'Bastien' });
      expect(JSON.parse(visit?.clocks ?? '{}').notes).toBe(
        formatHlc({ millis: NOW - 1000, counter: 0, node: bastien.clockNode }),
      );
      const conflicts = changes
        .filter((change) => change.type === 'conflicts')
        .map((change) => JSON.parse(change.data));
      expect(conflicts).toMatchObject([{ value: 'Plus ancien que la visite', authorName: 'Bastien' }]);
    });

    it('applies a push and pulls it back, stamped with the network', async () => {
      const network = await store.createNetwork('Réseau');
      const mutation = visitCreation(NOW, undefined, undefined, 'Café associatif — l’été 🌻');
      const output = await push(network.id, [mutation]);
      expect(output.results).toEqual([{ id: mutation.id, status: 'applied' }]);
      const [change] = await pullAll(network.id);
      expect(change).toMatchObject({ type: 'visits', id: mutation.recordId });
      const data = JSON.parse(change?.data ?? '{}');
      expect(data).toMatchObject({ networkId: network.id, notes: 'Café associatif — l’été 🌻' });
    });

    it('counts the records a network stores and their bytes as stored, push after push and once migrated, and no other network’s', async () => {
      const a = await store.createNetwork('A');
      const b = await store.createNetwork('B');
      const visit = visitCreation(NOW, undefined, undefined, 'Café associatif — l’été 🌻');
      const other = visitCreation(NOW);
      const deletion: Mutation = {
        id: newId(),
        type: 'visits',
        recordId: other.recordId,
        fields: { deleted: true },
        clocks: { deleted: formatHlc({ millis: NOW + 3000, counter: 0, node: PUSHER.clockNode }) },
      };
      // A text written from the creation's, older than the server's: kept as a conflict, a new record.
      const concurrent = notesEdit(NOW + 1500, visit.recordId, 'Écrit en même temps');
      concurrent.base = { notes: visit.clocks.notes as string };
      // What a scan of the stored records finds: UTF-8 bytes, not characters.
      const scanned = async (networkId: string) => {
        const records = await store.snapshot(networkId);
        const bytes = records.reduce(
          (sum, one) => sum + Buffer.byteLength(one.data) + Buffer.byteLength(one.clocks),
          0,
        );
        return { count: records.length, bytes };
      };
      const longer = 'Un compte rendu bien plus long, avec des accents : é, à, ç. '.repeat(20);
      const steps: Mutation[][] = [
        [visit, other],
        [notesEdit(NOW + 1000, visit.recordId, longer)],
        [notesEdit(NOW + 2000, visit.recordId, 'Court')],
        [concurrent],
        [deletion],
        // Replayed: answered from the log, nothing written.
        [visit, other],
      ];
      for (const mutations of steps) {
        const { results } = await push(a.id, mutations);
        expect(results.map((result) => result.status)).not.toContain('rejected');
        expect(await store.recordUsage(a.id)).toEqual(await scanned(a.id));
      }
      const usage = await store.recordUsage(a.id);
      expect(usage.count).toBe(3);
      const text = (await store.snapshot(a.id)).reduce((sum, one) => sum + one.data.length + one.clocks.length, 0);
      expect(usage.bytes).toBeGreaterThan(text);
      expect(await store.recordUsage(b.id)).toEqual({ count: 0, bytes: 0 });
      // /metrics reads every network's at once: the same figures.
      const everyNetwork = [
        { networkId: a.id, ...usage },
        { networkId: b.id, count: 0, bytes: 0 },
      ];
      const byId = (x: { networkId: string }, y: { networkId: string }) => (x.networkId < y.networkId ? -1 : 1);
      expect((await store.recordUsageByNetwork()).sort(byId)).toEqual(everyNetwork.sort(byId));

      await h.storeNetworksWithoutUsage(store);
      store = await h.reopen(store);
      expect(await store.recordUsage(a.id)).toEqual(usage);
      expect(await store.recordUsage(b.id)).toEqual({ count: 0, bytes: 0 });
      expect((await store.recordUsageByNetwork()).sort(byId)).toEqual(everyNetwork);
    });

    it('counts a record brought back under the epoch its network is told, its own once renewed', async () => {
      const a = await store.createNetwork('A');
      const b = await store.createNetwork('B');
      await store.writeMeta(epochEntries(NOW, 'test'));
      const serverEpoch = (await readEpoch(store)).epoch;
      await push(a.id, [{ ...visitCreation(NOW - 1000), resent: true }]);
      // Written since the epoch began, a record flagged resent was not lost: it is not counted.
      await push(a.id, [{ ...visitCreation(NOW), resent: true }]);
      expect(await store.countBroughtBack(a.id, serverEpoch)).toBe(1);

      const renewed = await renewNetworkEpoch(store, a.id, NOW + 1000, 'claims');
      expect(renewed).toMatch(new RegExp(`^${serverEpoch}\\.`));
      expect((await readEpoch(store, b.id)).epoch).toBe(serverEpoch);
      await push(a.id, [{ ...visitCreation(NOW), resent: true }]);
      await push(b.id, [{ ...visitCreation(NOW - 1000), resent: true }]);
      expect(await store.countBroughtBack(a.id, renewed)).toBe(1);
      expect(await store.countBroughtBack(b.id, serverEpoch)).toBe(1);
    });

    it('answers a replayed push with the first results and changes nothing', async () => {
      const network = await store.createNetwork('Réseau');
      const good = visitCreation(NOW);
      const bad = visitCreation(NOW);
      bad.fields.services = ['not-a-service'];
      const first = await push(network.id, [good, bad]);
      expect(first.results.map((result) => result.status)).toEqual(['applied', 'rejected']);
      const before = await store.snapshot(network.id);
      const again = await push(network.id, [good, bad, good]);
      expect(again.results.map((result) => result.status)).toEqual(['applied', 'rejected', 'applied']);
      const reasons = (output: PushOutput) =>
        output.results.map((result) => (result.status === 'rejected' ? result.reason : null));
      expect(reasons(again).slice(0, 2)).toEqual(reasons(first));
      // The replayed refusal keeps its code, which the device translates (src/ui/i18n/refusals.ts).
      expect(first.results[1]).toMatchObject({ code: 'invalid_record' });
      expect(again.results[1]).toMatchObject({ status: 'rejected', code: 'invalid_record' });
      expect(await store.snapshot(network.id)).toEqual(before);
    });

    it('applies a batch pushed several times at once exactly once', async () => {
      const network = await store.createNetwork('Réseau');
      const batch = Array.from({ length: 40 }, () => visitCreation(NOW));
      const outputs = await Promise.all(Array.from({ length: 4 }, () => push(network.id, batch)));
      for (const output of outputs) expect(output.results.every((result) => result.status === 'applied')).toBe(true);
      const changes = await pullAll(network.id);
      expect(changes).toHaveLength(batch.length);
      const before = await store.snapshot(network.id);
      await push(network.id, batch);
      expect(await store.snapshot(network.id)).toEqual(before);
    });

    it('writes a push of many new and edited records whole, once each, in the order it changed them', async () => {
      const network = await store.createNetwork('Réseau');
      const earlier = Array.from({ length: 25 }, () => visitCreation(NOW));
      await push(network.id, earlier);
      const cursor = Math.max(...(await pullAll(network.id)).map((change) => change.seq));
      // Edits of stored records between creations, and one record edited twice: it is written
      // once, where its last change puts it.
      const mixed = earlier.flatMap((creation, index) => [
        notesEdit(NOW + 1000, creation.recordId, `Suite ${index}`),
        visitCreation(NOW + 1000),
      ]);
      const twice = notesEdit(NOW + 2000, earlier[0]?.recordId as string, 'Suite 0, corrigée');
      const output = await push(network.id, [...mixed, twice]);
      expect(output.results.every((result) => result.status === 'applied')).toBe(true);
      const changes = await pullAll(network.id, cursor);
      expect(changes.map((change) => change.id)).toEqual([...mixed.slice(1), twice].map((m) => m.recordId));
      const notes = new Map(changes.map((change) => [change.id, JSON.parse(change.data).notes]));
      expect(notes.get(earlier[0]?.recordId as string)).toBe('Suite 0, corrigée');
      expect(notes.get(earlier[24]?.recordId as string)).toBe('Suite 24');
      expect(await store.snapshot(network.id)).toHaveLength(50);
    });

    it('never lets one network write or read a record of another, even one of the same id', async () => {
      const a = await store.createNetwork('A');
      const b = await store.createNetwork('B');
      const mine = visitCreation(NOW);
      await push(a.id, [mine]);
      const before = await store.snapshot(a.id);
      const edit = notesEdit(NOW + 1000, mine.recordId, 'piraté', 'ffffffffffffffff');
      expect((await push(b.id, [edit])).results[0]).toMatchObject({ status: 'rejected', current: null });
      // Ids are per network: one B creates (a fixed id every network uses, or one it learnt)
      // is B's own record, and A's stays A's.
      const same = visitCreation(NOW + 500, 'ffffffffffffffff', mine.recordId, 'à B');
      expect((await push(b.id, [same])).results[0]).toMatchObject({ status: 'applied' });
      expect((await push(b.id, [{ ...edit, id: newId() }])).results[0]).toMatchObject({ status: 'applied' });
      expect(await store.snapshot(a.id)).toEqual(before);
      const [ofB] = await pullAll(b.id);
      expect(JSON.parse(ofB?.data ?? '{}')).toMatchObject({ networkId: b.id, notes: 'piraté' });
      expect((await push(a.id, [notesEdit(NOW + 2000, mine.recordId, 'à A')])).results[0]).toMatchObject({
        status: 'applied',
      });
      expect((await pullAll(a.id)).map((change) => JSON.parse(change.data).notes)).toEqual(['à A']);
      expect((await pullAll(b.id)).map((change) => JSON.parse(change.data).notes)).toEqual(['piraté']);
    });

    it('keeps every record when migrated to ids per network, which then lets another network use one', async () => {
      const a = await store.createNetwork('A');
      const b = await store.createNetwork('B');
      const first = visitCreation(NOW);
      const second = visitCreation(NOW);
      await push(a.id, [first, second]);
      const before = await store.snapshot(a.id);
      await h.keyRecordsAsBefore(store);
      store = await h.reopen(store);
      expect(await store.snapshot(a.id)).toEqual(before);
      // Answered from the mutation log, as before: without it the creation would be 'unchanged'.
      expect((await push(a.id, [first])).results[0]).toMatchObject({ status: 'applied' });
      const same = visitCreation(NOW + 500, 'ffffffffffffffff', first.recordId, 'à B');
      expect((await push(b.id, [same])).results[0]).toMatchObject({ status: 'applied' });
      expect((await push(a.id, [notesEdit(NOW + 1000, first.recordId, 'Suite')])).results[0]).toMatchObject({
        status: 'applied',
      });
      expect((await pullAll(a.id, Math.max(...before.map((row) => row.seq)))).map((row) => row.id)).toEqual([
        first.recordId,
      ]);
    });

    it('leaves the file of a published toolbox item to admins: a concierge may not replace it, add one or move one onto it', async () => {
      const network = await store.createNetwork('Réseau');
      const item = (status: string) =>
        recordCreation('toolboxItems', { kind: 'method_sheet', title: 'Fiche', status }, { now: NOW });
      const file = (ownerType: string, ownerId: string, sha256 = 'a'.repeat(64)) =>
        recordCreation(
          'attachments',
          { ownerType, ownerId, kind: 'file', fileName: 'fiche.pdf', mimeType: 'application/pdf', size: 3, sha256 },
          { now: NOW },
        );
      const published = item('published');
      const sheet = file('toolboxItems', published.recordId);
      expect((await push(network.id, [published, sheet], 'admin')).results.map((r) => r.status)).toEqual([
        'applied',
        'applied',
      ]);
      const later = (mutation: Mutation, fields: Record<string, unknown>, at = NOW + 1000): Mutation => ({
        id: newId(),
        type: mutation.type,
        recordId: mutation.recordId,
        fields,
        clocks: Object.fromEntries(
          Object.keys(fields).map((key) => [key, formatHlc({ millis: at, counter: 0, node: 'ffffffffffffffff' })]),
        ),
      });
      const visit = visitCreation(NOW);
      const ownPhoto = file('visits', visit.recordId);
      const suggestion = item('suggested');
      const suggestionFile = file('toolboxItems', suggestion.recordId);
      const refused = await push(network.id, [
        later(sheet, { sha256: 'b'.repeat(64) }),
        file('toolboxItems', published.recordId, 'c'.repeat(64)),
        visit,
        ownPhoto,
        later(ownPhoto, { ownerType: 'toolboxItems', ownerId: published.recordId }),
        suggestion,
        later(sheet, { ownerId: suggestion.recordId }),
        suggestionFile,
        later(suggestionFile, { fileName: 'fiche-v2.pdf' }),
      ]);
      expect(refused.results.map((result) => result.status)).toEqual([
        'rejected',
        'rejected',
        'applied',
        'applied',
        'rejected',
        'applied',
        'rejected',
        'applied',
        'applied',
      ]);
      expect(refused.results[0]).toMatchObject({ code: 'forbidden' });
      // Moved by its owner's id alone, right after its creation in the same push.
      const another = file('toolboxItems', suggestion.recordId);
      const moved = await push(network.id, [another, later(another, { ownerId: published.recordId })]);
      expect(moved.results.map((result) => result.status)).toEqual(['applied', 'rejected']);
      // Once published by an admin, the suggestion's file is the admin's to change too.
      await push(network.id, [later(suggestion, { status: 'published' }, NOW + 2000)], 'admin');
      const afterPublish = await push(network.id, [later(suggestionFile, { fileName: 'autre.pdf' }, NOW + 3000)]);
      expect(afterPublish.results[0]).toMatchObject({ status: 'rejected', code: 'forbidden' });
      const byAdmin = await push(network.id, [later(sheet, { sha256: 'd'.repeat(64) }, NOW + 3000)], 'admin');
      expect(byAdmin.results[0]).toMatchObject({ status: 'applied' });
    });

    it('numbers each push after the one before, and a refusal names the seq a later pull gives its record', async () => {
      const network = await store.createNetwork('Réseau');
      const other = await store.createNetwork('Autre');
      const [a, b] = [visitCreation(NOW), visitCreation(NOW)];
      await push(network.id, [a, b]);
      const first = await pullAll(network.id);
      const cursor = Math.max(...first.map((change) => change.seq));
      await push(other.id, [visitCreation(NOW)]);
      const tooLong = 'x'.repeat(50_001);
      const c = visitCreation(NOW + 1000);
      const second = await push(network.id, [
        notesEdit(NOW + 1000, a.recordId, 'Suite'),
        notesEdit(NOW + 2000, a.recordId, tooLong),
        c,
      ]);
      expect(second.results.map((result) => result.status)).toEqual(['applied', 'rejected', 'applied']);
      const changed = await pullAll(network.id, cursor);
      expect(changed.map((change) => change.id)).toEqual([a.recordId, c.recordId]);
      expect(Math.min(...changed.map((change) => change.seq))).toBeGreaterThan(cursor);
      // The refusal gives the record as this push left it: a device that puts it back holds
      // the seq its next pull would bring.
      expect(second.results[1]).toMatchObject({ current: { id: a.recordId, seq: changed[0]?.seq } });
      expect(JSON.parse(changed[0]?.data ?? '{}').notes).toBe('Suite');

      // Nothing written, nothing numbered: a refusal, and a change the store already holds.
      const before = await store.snapshot(network.id);
      const third = await push(network.id, [notesEdit(NOW + 3000, b.recordId, tooLong), { ...b, id: newId() }]);
      expect(third.results.map((result) => result.status)).toEqual(['rejected', 'unchanged']);
      const pulledB = first.find((change) => change.id === b.recordId);
      expect(third.results[0]).toMatchObject({ current: { id: b.recordId, seq: pulledB?.seq } });
      expect(await store.snapshot(network.id)).toEqual(before);
      // The newest seq is the network's own, whatever other networks push afterwards.
      await push(other.id, [visitCreation(NOW)]);
      const latest = Math.max(...before.map((change) => change.seq));
      expect((await store.pull(network.id, 0, 1)).latestSeq).toBe(latest);
      expect((await store.pull(network.id, latest, 10)).changes).toEqual([]);
    });

    it('pages a pull in change order and tells what remains', async () => {
      const network = await store.createNetwork('Réseau');
      const other = await store.createNetwork('Autre');
      const batch = Array.from({ length: 7 }, () => visitCreation(NOW));
      await push(network.id, batch.slice(0, 3));
      await push(other.id, [visitCreation(NOW)]);
      await push(network.id, batch.slice(3));
      const first = await store.pull(network.id, 0, 4);
      expect(first.changes.map((change) => change.id)).toEqual(batch.slice(0, 4).map((m) => m.recordId));
      expect(first.remaining).toBe(3);
      const last = first.changes.at(-1)?.seq ?? 0;
      const rest = await store.pull(network.id, last, 100);
      expect(rest.changes.map((change) => change.id)).toEqual(batch.slice(4).map((m) => m.recordId));
      expect(rest.remaining).toBe(0);
      const seqs = [...first.changes, ...rest.changes].map((change) => change.seq);
      expect([...seqs].sort((x, y) => x - y)).toEqual(seqs);
    });

    it('shows a follower every batch whole or not at all, and every record once, under concurrent pushes', async () => {
      const network = await store.createNetwork('Réseau');
      const batches = Array.from({ length: 8 }, () => Array.from({ length: 30 }, () => visitCreation(NOW)));
      const batchOf = new Map(batches.flatMap((batch, index) => batch.map((m) => [m.recordId, index] as const)));
      const seen = new Map<string, number>();
      const partial: string[] = [];
      let cursor = 0;
      const follow = async () => {
        const page = await store.pull(network.id, cursor, 5000);
        for (const change of page.changes) seen.set(change.id, (seen.get(change.id) ?? 0) + 1);
        cursor = page.changes.at(-1)?.seq ?? cursor;
        const perBatch = batches.map((batch) => batch.filter((m) => seen.has(m.recordId)).length);
        for (const count of perBatch) if (count !== 0 && count !== 30) partial.push(`${perBatch.join(',')}`);
      };
      let pushing = true;
      const follower = (async () => {
        while (pushing) await follow();
      })();
      await Promise.all(batches.map((batch) => push(network.id, batch)));
      pushing = false;
      await follower;
      await follow();
      expect(partial).toEqual([]);
      expect(seen.size).toBe(batchOf.size);
      expect([...seen.values()].every((times) => times === 1)).toBe(true);
    });

    it('bounds a page in characters as well as in records, always moving forward', async () => {
      const network = await store.createNetwork('Réseau');
      const notes = 'é'.repeat(10_000);
      await push(
        network.id,
        Array.from({ length: 5 }, () => visitCreation(NOW, undefined, undefined, notes)),
      );
      const size = (await store.snapshot(network.id)).map((change) => change.data.length + change.clocks.length);
      const first = await store.pull(network.id, 0, 100, (size[0] as number) + (size[1] as number) + 1);
      expect(first.changes).toHaveLength(3);
      expect(first.remaining).toBe(2);
      const tiny = await store.pull(network.id, first.changes.at(-1)?.seq as number, 100, 1);
      expect(tiny.changes).toHaveLength(1);
      expect(tiny.remaining).toBe(1);
    });

    it('keeps everything across a restart and continues the change order after it', async () => {
      const network = await store.createNetwork('Réseau');
      await push(network.id, [visitCreation(NOW), visitCreation(NOW)]);
      const before = await store.snapshot(network.id);
      const cursor = Math.max(...before.map((change) => change.seq));
      store = await h.reopen(store);
      expect(await store.snapshot(network.id)).toEqual(before);
      expect(await store.getNetwork(network.id)).toEqual(network);
      const later = visitCreation(NOW);
      await push(network.id, [later]);
      expect((await store.pull(network.id, cursor, 10)).changes.map((change) => change.id)).toEqual([later.recordId]);
    });

    it('repairs on migration a stored clock that is no real time or far ahead, and sends it again', async () => {
      const network = await store.createNetwork('Réseau');
      const locked = visitCreation(NOW);
      const sound = visitCreation(NOW);
      await push(network.id, [locked, sound]);
      const cursor = Math.max(...(await store.snapshot(network.id)).map((change) => change.seq));
      const soundClock = sound.clocks.notes as string;
      await h.storeClocksAsBefore(store, locked.recordId, {
        '*': soundClock,
        notes: '9999-99-99T99:99:99.999Z-ffff-ffffffffffffffff',
        purpose: '9999-12-31T23:59:59.999Z-ffff-ffffffffffffffff',
      });
      const migratedAt = Date.now();
      store = await h.reopen(store);
      const page = await store.pull(network.id, cursor, 10);
      expect(page.changes.map((change) => change.id)).toEqual([locked.recordId]);
      const clocks = JSON.parse(page.changes[0]?.clocks as string) as Record<string, string>;
      expect(clocks['*']).toBe(soundClock);
      for (const key of ['notes', 'purpose']) {
        const parts = parseHlc(clocks[key] as string);
        expect(parts?.node).toBe(SERVER_CLOCK_NODE);
        expect(parts?.millis).toBeGreaterThanOrEqual(migratedAt);
        expect(parts?.millis).toBeLessThanOrEqual(Date.now());
      }
    });

    it('stores an attachment once per network and gives it only to that network', async () => {
      const a = await store.createNetwork('A');
      const b = await store.createNetwork('B');
      const data = new Uint8Array([0, 1, 2, 255, 254, 0]);
      const attachment = { sha256: 'e'.repeat(64), mimeType: 'image/jpeg', size: data.byteLength, data };
      expect(await store.putAttachment(a.id, attachment, 100, PUSHER.id)).toEqual({ stored: true });
      expect(await store.putAttachment(a.id, attachment, 100, PUSHER.id)).toEqual({ stored: true });
      const found = await store.getAttachment(a.id, attachment.sha256);
      expect(found).toMatchObject({ sha256: attachment.sha256, mimeType: 'image/jpeg', size: 6 });
      expect([...(found?.data ?? [])]).toEqual([...data]);
      expect(await store.getAttachment(b.id, attachment.sha256)).toBeNull();
      expect(await store.attachmentSize(a.id, attachment.sha256)).toBe(6);
      expect(await store.attachmentSize(b.id, attachment.sha256)).toBeNull();
    });

    it('writes nothing of a push that would take its network’s records past their quota, even when pushes arrive together, and still takes one that frees bytes', async () => {
      const network = await store.createNetwork('A');
      const other = await store.createNetwork('B');
      const report = visitCreation(NOW, undefined, undefined, 'Un compte rendu détaillé. '.repeat(40));
      await push(network.id, [report]);
      const held = await store.recordUsage(network.id);
      // Room for one more small visit, not two.
      const quota = held.bytes + 700;
      const [first, second] = [visitCreation(NOW + 1), visitCreation(NOW + 2)];
      const together = await Promise.all([
        push(network.id, [first as Mutation], 'concierge', quota),
        push(network.id, [second as Mutation], 'concierge', quota),
      ]);
      const refused = together.find((output) => output.full);
      expect(together.filter((output) => output.results[0]?.status === 'applied')).toHaveLength(1);
      const full = await store.recordUsage(network.id);
      expect(refused).toEqual({ results: [], clockAheadMs: 0, full: { usedBytes: full.bytes } });
      expect(full.count).toBe(2);
      expect(await pullAll(network.id)).toHaveLength(2);

      // Nothing of it was logged: sent again once there is room, it applies.
      const resent = refused === together[0] ? (first as Mutation) : (second as Mutation);
      expect((await push(network.id, [resent], 'concierge', quota)).full).toEqual({ usedBytes: full.bytes });
      const shorter = notesEdit(NOW + 1000, report.recordId, 'Résumé.');
      expect((await push(network.id, [shorter], 'concierge', quota)).results).toEqual([
        { id: shorter.id, status: 'applied' },
      ]);
      expect((await store.recordUsage(network.id)).bytes).toBeLessThan(full.bytes);
      expect((await push(network.id, [resent], 'concierge', quota)).results).toEqual([
        { id: resent.id, status: 'applied' },
      ]);
      // Another network's records count against its own quota only.
      expect((await push(other.id, [visitCreation(NOW)], 'concierge', 1000)).results[0]?.status).toBe('applied');
    });

    it('keeps a network under its quota when files arrive together, and takes again a file it holds', async () => {
      const network = await store.createNetwork('A');
      const files = Array.from({ length: 10 }, (_, index) => {
        const data = new Uint8Array(100).fill(index);
        return { sha256: index.toString(16).padStart(64, '0'), mimeType: 'image/png', size: 100, data };
      });
      const puts = await Promise.all(files.map((file) => store.putAttachment(network.id, file, 350, PUSHER.id)));
      expect(puts.filter((put) => put.stored)).toHaveLength(3);
      expect(puts.find((put) => !put.stored)).toEqual({ stored: false, usedBytes: 300 });
      expect(await store.attachmentBytes(network.id)).toBe(300);
      const kept = files[puts.findIndex((put) => put.stored)];
      expect(await store.putAttachment(network.id, kept as (typeof files)[number], 350, PUSHER.id)).toEqual({
        stored: true,
      });
    });
  });
}

/** What `run` resolves to, and the characters of JSON it parsed (reading stored records). */
async function charsParsedBy<T>(run: () => Promise<T>): Promise<{ value: T; chars: number }> {
  const parse = JSON.parse;
  let chars = 0;
  JSON.parse = ((text: string, reviver?: Parameters<typeof parse>[1]) => {
    chars += String(text).length;
    return parse(text, reviver);
  }) as typeof parse;
  try {
    return { value: await run(), chars };
  } finally {
    JSON.parse = parse;
  }
}
