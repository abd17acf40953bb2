// What a device does with a pull answer no honest server sends (a compromised server, or one
// between the device and its network): it applies what is a record, and nothing else.
import { describe, expect, it } from 'vitest';
import { readRecordsNotKept } from '../../src/db/sync-meta';
import { createRecord, updateRecord } from '../../src/db/writes';
import { newId } from '../../src/domain/ids';
import { formatHlc } from '../../src/protocol/hlc';
import type { PullResponse } from '../../src/protocol/wire';
import { withNetworkServer } from '../helpers/network-server';
import { TestDevice } from '../helpers/test-device';
import { firstMeetingVisit as visit } from '../helpers/visit-fields';

describe('a pull answer that is not what a server sends', () => {
  const network = withNetworkServer();
  let planted: unknown[] = [];

  /** The server's answers, with `planted` added to the next pull page. */
  const link = async (url: string, init?: RequestInit) => {
    const response = await network.server.fetch(url, init);
    if (!url.includes('/api/sync/pull') || planted.length === 0) return response;
    const page = (await response.json()) as PullResponse;
    (page.changes as unknown[]).push(...planted.splice(0));
    return new Response(JSON.stringify(page), { status: 200, headers: response.headers });
  };

  it('applies the page’s records, drops the malformed ones, and writes no record under an id the change does not name', async () => {
    const phone = await network.open('Camille', { link });
    await network.join(phone);
    const typed = await createRecord(phone.context, 'visits', visit('Version envoyée'));
    await phone.sync();
    await updateRecord(phone.context, 'visits', typed.id, { notes: 'Tapé hors ligne, pas encore envoyé' });

    const clocks = { '*': formatHlc({ millis: Date.now(), counter: 0, node: 'abcdefabcdefabcd' }) };
    const { hlc: _, ...held } = (await phone.context.db.anyRecords('visits').get(typed.id)) as Record<string, unknown>;
    const honestId = newId();
    const honest = { ...held, id: honestId, notes: 'Une autre visite du réseau' };
    planted = [
      // Another id, carrying the typed visit's data: would replace it, unsent edit and all.
      { type: 'visits', id: newId(), seq: 900_001, data: { ...held, notes: 'Écrasé' }, clocks },
      { type: 'visits', id: newId(), seq: 900_002, data: null, clocks },
      { type: 'visits', id: newId(), seq: 900_003, data: { ...honest, id: undefined }, clocks: null },
      { type: 'visits', id: 42, seq: 900_004, data: { ...honest, id: 42 }, clocks },
      { type: 'visits', id: honestId, seq: 900_005, data: honest, clocks },
    ];
    // A new run pulls before it pushes (it has not heard from the server yet): the typed edit is unsent.
    const run = new TestDevice('Camille', phone.context, link);
    await run.sync();

    expect(run.engine.status).toMatchObject({ state: 'idle', error: null });
    expect((await phone.context.db.records('visits').get(honestId))?.notes).toBe('Une autre visite du réseau');
    expect((await phone.context.db.records('visits').get(typed.id))?.notes).toBe('Tapé hors ligne, pas encore envoyé');
    expect(await phone.context.db.anyRecords('visits').count()).toBe(2);
    const onServer = (await network.snapshot()).find((change) => change.id === typed.id);
    expect(JSON.parse(onServer?.data ?? '{}').notes).toBe('Tapé hors ligne, pas encore envoyé');
  });

  it('keeps what it holds of a record sent with fields of the wrong kinds, leaves out a new one, says so, and keeps syncing', async () => {
    const phone = await network.open('Camille', { link });
    await network.join(phone);
    const held = await createRecord(phone.context, 'visits', visit('Version gardée'));
    await phone.sync();
    const clocks = { '*': formatHlc({ millis: Date.now(), counter: 0, node: 'abcdefabcdefabcd' }) };
    const { hlc: _, ...data } = (await phone.context.db.anyRecords('visits').get(held.id)) as Record<string, unknown>;
    const strayId = newId();
    const honestId = newId();
    planted = [
      // `services: 5` threw in the index writes: every pull stopped at this page, for good.
      { type: 'visits', id: strayId, seq: 900_001, data: { ...data, id: strayId, services: 5 }, clocks },
      { type: 'visits', id: held.id, seq: 900_002, data: { ...data, notes: { texte: 'Écrasé' } }, clocks },
      { type: 'visits', id: honestId, seq: 900_003, data: { ...data, id: honestId, notes: 'Reçue' }, clocks },
    ];
    await phone.sync();

    expect(phone.engine.status).toMatchObject({ state: 'idle', error: null });
    expect((await phone.context.db.records('visits').get(held.id))?.notes).toBe('Version gardée');
    expect((await phone.context.db.records('visits').get(honestId))?.notes).toBe('Reçue');
    expect(await phone.context.db.anyRecords('visits').get(strayId)).toBeUndefined();
    expect((await readRecordsNotKept(phone.context))?.count).toBe(2);

    // The next pages come as before.
    const office = await network.open('Bureau');
    await network.join(office, 'admin');
    const later = await createRecord(office.context, 'visits', visit('Écrite après'));
    await office.sync();
    await phone.sync();
    expect((await phone.context.db.records('visits').get(later.id))?.notes).toBe('Écrite après');
  });
});
