// A member cannot write in another member's name: the server takes the author of a change from
// the device that pushed it, not from what the change claims (`updatedBy`, its clocks' node).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../src/domain/ids';
import { clockOf } from '../../src/domain/merge';
import { seedClock } from '../../src/domain/seed-clock';
import { formatHlc, parseHlc } from '../../src/protocol/hlc';
import {
  type Change,
  type JoinResponse,
  type Mutation,
  PROTOCOL_VERSION,
  type PullResponse,
  type PushResponse,
  type SessionInfo,
} from '../../src/protocol/wire';
import { readConfig } from '../../src/server/config';
import { takeBackup } from '../../src/server/ops/backup';
import { restoreBackup } from '../../src/server/ops/restore';
import { SERVER_CLOCK_NODE } from '../../src/server/push/plan';
import { notesEdit, recordCreation, visitCreation } from '../helpers/mutations';
import { TEST_SERVER_URL, TestServer } from '../helpers/test-server';

const NOW = Date.parse('2026-11-28T10:00:00.000Z');
const ALIX = 'a1a1a1a1a1a1a1a1';
const BASTIEN = 'b2b2b2b2b2b2b2b2';

let now = NOW;
let server: TestServer;
let networkId: string;

async function call(path: string, token: string, body?: unknown) {
  const response = await server.fetch(`${TEST_SERVER_URL}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return response.json();
}

/** `forMember`: joined with an invitation for that member's new device; null, as a new member. */
async function join(
  memberName: string,
  clockNode: string,
  role: 'admin' | 'concierge' = 'concierge',
  forMember: string | null = null,
): Promise<string> {
  const code = await server.invite(networkId, role, forMember);
  const response = await server.fetch(`${TEST_SERVER_URL}/api/join`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code, deviceName: `Téléphone de ${memberName}`, memberName, clockNode }),
  });
  return ((await response.json()) as JoinResponse).token;
}

async function session(token: string): Promise<SessionInfo> {
  return (await call('/api/session', token)) as SessionInfo;
}

/** Another device of the member `token`'s device belongs to, joined with an invitation an admin made for them. */
async function anotherDeviceOf(token: string, clockNode: string, typedName: string): Promise<string> {
  return join(typedName, clockNode, 'concierge', (await session(token)).memberId ?? null);
}

async function push(token: string, ...mutations: Mutation[]): Promise<PushResponse> {
  return (await call('/api/sync/push', token, { mutations })) as PushResponse;
}

async function pulled(token: string): Promise<Change[]> {
  return ((await call('/api/sync/pull?since=0', token)) as PullResponse).changes;
}

/** The conflict copies a device pulls. */
async function conflicts(token: string): Promise<Record<string, unknown>[]> {
  return (await pulled(token)).filter((change) => change.type === 'conflicts').map((change) => change.data);
}

const clockAt = (millis: number, node: string) => formatHlc({ millis, counter: 0, node });

/** A visit Alix's device creates at NOW, whose notes say 'Version commune'. */
async function commonVisit(alix: string): Promise<Mutation> {
  const creation = visitCreation(NOW, ALIX, undefined, 'Version commune');
  await push(alix, creation);
  return creation;
}

/** An edit of a visit's notes made from its text as Alix's device created it at NOW (concurrent with any other). */
function editOfCommon(millis: number, recordId: string, notes: string, node: string): Mutation {
  return { ...notesEdit(millis, recordId, notes, node), base: { notes: clockAt(NOW, ALIX) } };
}

/** An event note's creation, taken at NOW under `node`, claiming `authorName` as who took it. */
function noteTakenAs(authorName: string, text: string, tag: string, node: string): Mutation {
  const fields = { eventId: newId(), text, tag, authorName, writtenAt: new Date(NOW).toISOString() };
  return recordCreation('eventNotes', fields, { now: NOW, node });
}

beforeEach(async () => {
  now = NOW;
  server = await TestServer.start(() => now);
  networkId = (await server.createNetwork('Réseau')).id;
});

afterEach(async () => {
  await server.stop();
});

describe('the author of a change', () => {
  it('is the pushing device’s member, whatever name its creation or edit claims', async () => {
    const bastien = await join('Bastien', BASTIEN);
    const creation = visitCreation(NOW, BASTIEN);
    creation.fields.updatedBy = 'Alix';
    now += 1000;
    const edit = notesEdit(now, creation.recordId, 'Écrit par Bastien', BASTIEN);
    edit.fields.updatedBy = 'Alix';
    expect((await push(bastien, creation)).results[0]?.status).toBe('applied');
    expect((await pulled(bastien))[0]?.data.updatedBy).toBe('Bastien');
    expect((await push(bastien, edit)).results[0]?.status).toBe('applied');
    // The pusher gets its record back with the name the server wrote, and takes it.
    const [record] = await pulled(bastien);
    expect(record?.data).toMatchObject({ notes: 'Écrit par Bastien', updatedBy: 'Bastien' });
  });

  it('is the pushing device’s member in an event note that names another as the one who took it', async () => {
    const bastien = await join('Bastien', BASTIEN);
    const note = noteTakenAs('Alix', 'Décision : on se revoit en janvier', 'decision', BASTIEN);
    expect((await push(bastien, note)).results[0]?.status).toBe('applied');
    expect((await pulled(bastien))[0]?.data).toMatchObject({ authorName: 'Bastien', updatedBy: 'Bastien' });
  });

  it('is named in a conflict copy, even when its text came under another device’s clock node', async () => {
    const alix = await join('Alix', ALIX);
    const bastien = await join('Bastien', BASTIEN);
    const creation = await commonVisit(alix);
    // Bastien's device dates its text with Alix's node, then Alix writes over it concurrently.
    const forged = editOfCommon(NOW + 1000, creation.recordId, 'Version de Bastien', ALIX);
    expect((await push(bastien, forged)).results[0]?.status).toBe('applied');
    const stored = (await pulled(alix)).find((change) => change.id === creation.recordId);
    expect(parseHlc(stored?.clocks.notes ?? '')?.node).toBe(BASTIEN);
    await push(alix, editOfCommon(NOW + 2000, creation.recordId, 'Version d’Alix', ALIX));
    expect(await conflicts(alix)).toMatchObject([{ value: 'Version de Bastien', authorName: 'Bastien' }]);
  });

  it('is the pusher for an old text it sends under another device’s node', async () => {
    const alix = await join('Alix', ALIX);
    const bastien = await join('Bastien', BASTIEN);
    const creation = visitCreation(NOW, ALIX, undefined, 'Version d’Alix');
    await push(alix, creation);
    await push(bastien, notesEdit(NOW - 60_000, creation.recordId, 'Texte glissé sous le nom d’Alix', ALIX));
    expect(await conflicts(alix)).toMatchObject([{ value: 'Texte glissé sous le nom d’Alix', authorName: 'Bastien' }]);
  });

  it('is never one a device names in a conflict it creates, even one it says it gives back to a restored server', async () => {
    const alix = await join('Alix', ALIX);
    const creation = await commonVisit(alix);
    for (const [name, node, role] of [
      ['Bastien', BASTIEN, 'concierge'],
      ['Dominique', 'd4d4d4d4d4d4d4d4', 'admin'],
    ] as const) {
      const token = await join(name, node, role);
      // « Version d'Alix », dated by her node: the text Alix would be shown to have typed.
      const fields = { recordType: 'visits', recordId: creation.recordId, field: 'notes', value: 'Texte forgé' };
      const forged = recordCreation(
        'conflicts',
        { ...fields, clock: clockAt(NOW, ALIX), authorName: 'Alix' },
        { now, node },
      );
      const [result] = (await push(token, { ...forged, resent: true })).results;
      expect(result, role).toMatchObject({ status: 'rejected', code: 'forbidden' });
    }
    expect(await conflicts(alix)).toEqual([]);
  });

  it('is the server’s word in a conflict given back to a restored server: one it sealed comes back, a changed one never', async () => {
    const alix = await join('Alix', ALIX);
    const bastien = await join('Bastien', BASTIEN);
    const creation = await commonVisit(alix);
    const backups = mkdtempSync(joinPath(tmpdir(), 'valise-sealed-'));
    try {
      const config = readConfig({ VALISE_DATA: server.dir });
      const options = { dir: backups, keepDaily: 7, keepWeekly: 4, databaseUrl: null, now: new Date(now) };
      const { file } = await takeBackup(server.store, options);
      await push(alix, editOfCommon(NOW + 2000, creation.recordId, 'Version d’Alix', ALIX));
      await push(bastien, editOfCommon(NOW + 1000, creation.recordId, 'Version de Bastien', BASTIEN));
      // Pulled as today's app pulls (a request without the header gets 0.1.0's shape, unsealed).
      const today = await server.fetch(`${TEST_SERVER_URL}/api/sync/pull?since=0`, {
        headers: { Authorization: `Bearer ${alix}`, 'X-Valise-Protocol': `${PROTOCOL_VERSION}` },
      });
      const [made] = ((await today.json()) as PullResponse).changes.filter((change) => change.type === 'conflicts');
      if (!made) throw new Error('the server keeps Bastien’s text as a conflict');
      expect(made.data).toMatchObject({ value: 'Version de Bastien', authorName: 'Bastien' });
      await server.whileStopped(() => restoreBackup(file, config, new Date(now)).then());

      // Alix's phone gives it back as a device does: whole, with its clocks, resent.
      const givenBack = (fields: Record<string, unknown>, recordId = made.id): Mutation => ({
        id: newId(),
        type: 'conflicts',
        recordId,
        fields,
        clocks: Object.fromEntries(Object.keys(fields).map((key) => [key, clockOf(made.clocks, key)])),
        resent: true,
      });
      const { seal: _seal, ...unsealed } = made.data;
      const changed = [
        givenBack({ ...made.data, value: 'Texte forgé' }),
        givenBack({ ...made.data, recordType: 'contacts' }),
        givenBack(made.data, newId()),
        givenBack(unsealed),
      ];
      const refused = (await push(alix, ...changed)).results;
      expect(refused.map((result) => result.status === 'rejected' && result.code)).toEqual(
        changed.map(() => 'forbidden'),
      );
      expect(await conflicts(bastien)).toEqual([]);

      expect((await push(alix, givenBack(made.data))).results[0]?.status).toBe('applied');
      expect(await conflicts(bastien)).toMatchObject([{ value: 'Version de Bastien', authorName: 'Bastien' }]);
    } finally {
      rmSync(backups, { recursive: true, force: true });
    }
  });

  it('names no one when two members joined with the same clock node, rather than the wrong one', async () => {
    const alix = await join('Alix', ALIX);
    // Bastien's device joins with a node it read in the network's clocks.
    const bastien = await join('Bastien', ALIX);
    const creation = await commonVisit(alix);
    await push(bastien, editOfCommon(NOW + 1000, creation.recordId, 'Version de Bastien', ALIX));
    const camille = await join('Camille', 'c3c3c3c3c3c3c3c3');
    await push(camille, editOfCommon(NOW + 2000, creation.recordId, 'Version de Camille', 'c3c3c3c3c3c3c3c3'));
    expect(await conflicts(alix)).toMatchObject([{ value: 'Version de Bastien', authorName: '' }]);
  });

  it('names the pusher on a shared node for the text it sent, not for the stored text its own beat', async () => {
    const alix = await join('Alix', ALIX);
    const bastien = await join('Bastien', ALIX);
    const creation = await commonVisit(alix);
    await push(alix, editOfCommon(NOW + 1000, creation.recordId, 'Version d’Alix', ALIX));
    // Bastien's concurrent edit wins: the text it replaces is Alix's, which the node cannot tell.
    await push(bastien, editOfCommon(NOW + 2000, creation.recordId, 'Version de Bastien', ALIX));
    // An older text of his loses: the server knows who sent that one.
    await push(bastien, notesEdit(NOW + 500, creation.recordId, 'Brouillon de Bastien', ALIX));
    expect(await conflicts(alix)).toMatchObject([
      { value: 'Version d’Alix', authorName: '' },
      { value: 'Brouillon de Bastien', authorName: 'Bastien' },
    ]);
  });

  it('names no one for a text dated by the server’s clock, even when a device joined with its node', async () => {
    const alix = await join('Alix', ALIX);
    await join('Eve', SERVER_CLOCK_NODE);
    const creation = await commonVisit(alix);
    // Alix's phone is a day ahead: the server dates her text by its own clock.
    await push(alix, editOfCommon(NOW + 86_400_000, creation.recordId, 'Version d’Alix', ALIX));
    const bastien = await join('Bastien', BASTIEN);
    now += 1000;
    await push(bastien, editOfCommon(now, creation.recordId, 'Version de Bastien', BASTIEN));
    expect(await conflicts(alix)).toMatchObject([{ value: 'Version d’Alix', authorName: '' }]);
  });
});

describe('a clock of another device that a legitimate device sends', () => {
  it('is kept as it is when it is the one the server holds (a pulled value sent back)', async () => {
    const alix = await join('Alix', ALIX);
    const bastien = await join('Bastien', BASTIEN);
    const creation = visitCreation(NOW, ALIX, undefined, 'Version d’Alix');
    await push(alix, creation);
    const sentBack = notesEdit(NOW, creation.recordId, 'Version d’Alix', ALIX);
    expect((await push(bastien, sentBack)).results[0]?.status).toBe('unchanged');
    const [record] = await pulled(alix);
    expect(record?.clocks).toEqual({ '*': clockAt(NOW, ALIX) });
  });

  it('is kept as it is when it is a seed clock (the starter valise’s text)', async () => {
    const bastien = await join('Bastien', BASTIEN);
    const creation = visitCreation(NOW, BASTIEN);
    for (const key of Object.keys(creation.clocks)) creation.clocks[key] = seedClock(1);
    await push(bastien, creation);
    const [record] = await pulled(bastien);
    expect(record?.clocks).toEqual({ '*': seedClock(1) });
  });

  it('brings its value in when the server lacks it, under the pusher’s node at the same time', async () => {
    // A backup of Alix's old phone, restored on her new one: a write the server never got.
    const alix = await join('Alix', ALIX);
    const newPhone = await anotherDeviceOf(alix, BASTIEN, 'Alix');
    const creation = await commonVisit(alix);
    const unsynced = notesEdit(NOW + 1000, creation.recordId, 'Écrit hors ligne sur l’ancien téléphone', ALIX);
    expect((await push(newPhone, unsynced)).results[0]?.status).toBe('applied');
    const [record] = await pulled(alix);
    expect(record?.data.notes).toBe('Écrit hors ligne sur l’ancien téléphone');
    expect(record?.clocks.notes).toBe(clockAt(NOW + 1000, BASTIEN));
  });
});

describe('an event note', () => {
  /** A change of `fields` of the note `recordId`, dated `millis` by `node`. */
  const noteEdit = (recordId: string, fields: Record<string, unknown>, millis: number, node: string): Mutation => {
    const clock = clockAt(millis, node);
    const stamped = { ...fields, updatedAt: new Date(millis).toISOString(), updatedBy: 'Alix' };
    return {
      id: newId(),
      type: 'eventNotes',
      recordId,
      fields: stamped,
      clocks: Object.fromEntries(Object.keys(stamped).map((key) => [key, clock])),
    };
  };

  it('is changed or deleted by its author alone; a colleague may link it to a follow-up', async () => {
    const alix = await join('Alix', ALIX);
    const bastien = await join('Bastien', BASTIEN);
    const note = noteTakenAs('Alix', 'Décision : on se revoit en janvier', 'decision', ALIX);
    expect((await push(alix, note)).results[0]?.status).toBe('applied');

    for (const [at, fields] of [
      [1000, { text: 'Décision : on ne se revoit pas' }],
      [2000, { deleted: true }],
    ] as const) {
      const [result] = (await push(bastien, noteEdit(note.recordId, fields, NOW + at, BASTIEN))).results;
      expect(result).toMatchObject({ status: 'rejected', code: 'forbidden' });
    }
    const linked = await push(bastien, noteEdit(note.recordId, { followUpId: newId() }, NOW + 3000, BASTIEN));
    expect(linked.results[0]?.status).toBe('applied');
    const edited = await push(alix, noteEdit(note.recordId, { text: 'Décision : février' }, NOW + 4000, ALIX));
    expect(edited.results[0]?.status).toBe('applied');

    const [stored] = await pulled(alix);
    expect(stored?.data).toMatchObject({ text: 'Décision : février', deleted: false, authorName: 'Alix' });
  });

  it('is not changed by a stranger who joined under its author’s name with another invitation', async () => {
    const alix = await join('Alix', ALIX);
    const note = noteTakenAs('Alix', 'Décision : budget voté', 'decision', ALIX);
    await push(alix, note);
    // An invitation meant for someone else, used under Alix's name, spelled as she spells it.
    const stranger = await join('Alix', 'e5e5e5e5e5e5e5e5');
    expect(await session(stranger)).toMatchObject({ memberName: 'Alix' });
    for (const [at, fields] of [
      [1000, { text: 'Décision : budget annulé' }],
      [2000, { deleted: true }],
    ] as const) {
      const [result] = (await push(stranger, noteEdit(note.recordId, fields, NOW + at, 'e5e5e5e5e5e5e5e5'))).results;
      expect(result).toMatchObject({ status: 'rejected', code: 'forbidden' });
    }
    // Alix, on her phone, still changes it.
    const edited = await push(
      alix,
      noteEdit(note.recordId, { text: 'Décision : budget voté à l’unanimité' }, NOW + 4000, ALIX),
    );
    expect(edited.results[0]?.status).toBe('applied');
    const [stored] = await pulled(alix);
    expect(stored?.data).toMatchObject({ text: 'Décision : budget voté à l’unanimité', deleted: false });
  });

  it('is changed by its author on each of her devices, the one joined for her under her own name', async () => {
    const phone = await join('Alix', ALIX);
    const note = noteTakenAs('Alix', 'Idée : un atelier vélo', 'idea', ALIX);
    await push(phone, note);
    // The name typed on her laptop differs by a letter: the invitation, not the name, says who joins.
    const laptop = await anotherDeviceOf(phone, 'a3a3a3a3a3a3a3a3', 'alix');
    expect(await session(laptop)).toMatchObject({ memberName: 'Alix', memberId: (await session(phone)).memberId });
    const edit = noteEdit(note.recordId, { text: 'Idée : un atelier vélo en mars' }, NOW + 1000, 'a3a3a3a3a3a3a3a3');
    expect((await push(laptop, edit)).results[0]?.status).toBe('applied');
    const [stored] = await pulled(phone);
    expect(stored?.data).toMatchObject({ text: 'Idée : un atelier vélo en mars', authorName: 'Alix' });
  });

  it('has its conflicts settled by its author alone', async () => {
    const phone = await join('Alix', ALIX);
    const laptop = await anotherDeviceOf(phone, 'a3a3a3a3a3a3a3a3', 'Alix');
    const bastien = await join('Bastien', BASTIEN);
    const note = noteTakenAs('Alix', 'Tour de table', 'idea', ALIX);
    await push(phone, note);
    // Alix writes on her phone and on her laptop offline: two versions of her note.
    for (const [token, node, text, at] of [
      [phone, ALIX, 'Tour de table : huit lieux', 1000],
      [laptop, 'a3a3a3a3a3a3a3a3', 'Tour de table : neuf lieux', 2000],
    ] as const) {
      const edit = noteEdit(note.recordId, { text }, NOW + at, node);
      edit.base = { text: clockAt(NOW, ALIX) };
      expect((await push(token, edit)).results[0]?.status).toBe('applied');
    }
    const [conflict] = await conflicts(phone);
    expect(conflict?.recordId).toBe(note.recordId);
    const closing = (node: string, at: number): Mutation => {
      const clock = clockAt(NOW + at, node);
      const fields = { deleted: true, updatedAt: new Date(NOW + at).toISOString(), updatedBy: 'Alix' };
      const clocks = Object.fromEntries(Object.keys(fields).map((key) => [key, clock]));
      return { id: newId(), type: 'conflicts', recordId: String(conflict?.id), fields, clocks };
    };
    const [refused] = (await push(bastien, closing(BASTIEN, 3000))).results;
    expect(refused).toMatchObject({ status: 'rejected', code: 'forbidden' });
    expect((await conflicts(phone))[0]?.deleted).toBe(false);
    expect((await push(laptop, closing('a3a3a3a3a3a3a3a3', 4000))).results[0]?.status).toBe('applied');
    expect((await conflicts(phone))[0]?.deleted).toBe(true);
  });

  it('given back by a colleague’s device in an older copy than the server’s is not refused', async () => {
    const alix = await join('Alix', ALIX);
    const bastien = await join('Bastien', BASTIEN);
    const note = noteTakenAs('Alix', 'Atelier : mars', 'decision', ALIX);
    await push(alix, note);
    await push(alix, noteEdit(note.recordId, { text: 'Atelier : avril', tag: 'idea' }, NOW + 2000, ALIX));
    // After a server restore, Bastien's device gives back the note as it pulled it at its creation.
    const givenBack = await push(bastien, { ...note, id: newId(), resent: true });
    expect(givenBack.results[0]?.status).toBe('unchanged');
    // Sent as his edit, an older text would still be kept as a copy of her note: refused.
    const older = noteEdit(note.recordId, { text: 'Atelier : février' }, NOW + 1000, BASTIEN);
    expect((await push(bastien, older)).results[0]).toMatchObject({ status: 'rejected', code: 'forbidden' });
    const [stored] = await pulled(alix);
    expect(stored?.data).toMatchObject({ text: 'Atelier : avril', tag: 'idea', authorName: 'Alix' });
    expect(await conflicts(alix)).toEqual([]);
  });

  it('keeps who took it: a colleague sending its author’s name anew does not become its author', async () => {
    const alix = await join('Alix', ALIX);
    const bastien = await join('Bastien', BASTIEN);
    const note = noteTakenAs('Alix', 'Idée : un atelier vélo', 'idea', ALIX);
    await push(alix, note);
    // The name as stored, with a newer clock: no change of value, so not refused as such.
    const claim = await push(bastien, noteEdit(note.recordId, { authorName: 'Alix' }, NOW + 1000, BASTIEN));
    expect(claim.results[0]?.status).toBe('applied');
    const [rewrite] = (await push(bastien, noteEdit(note.recordId, { text: 'Idée : rien' }, NOW + 2000, BASTIEN)))
      .results;
    expect(rewrite).toMatchObject({ status: 'rejected', code: 'forbidden' });
    const [stored] = await pulled(alix);
    expect(stored?.data).toMatchObject({ text: 'Idée : un atelier vélo', authorName: 'Alix' });
    expect(clockOf(stored?.clocks ?? {}, 'authorName')).toBe(clockAt(NOW, ALIX));
    // Its author still changes it.
    const edited = await push(
      alix,
      noteEdit(note.recordId, { text: 'Idée : un atelier vélo en mars' }, NOW + 3000, ALIX),
    );
    expect(edited.results[0]?.status).toBe('applied');
  });
});
