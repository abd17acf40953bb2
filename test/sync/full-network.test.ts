// A network's records reach the quota its server sets (VALISE_NETWORK_RECORD_BYTES): a phone's
// new visits are refused whole, wait in its outbox, and the phone still receives what the
// others wrote; once the server's admin raises the quota, the same visits go, each once.
import { describe, expect, it } from 'vitest';
import { createRecord } from '../../src/db/writes';
import { withNetworkServer } from '../helpers/network-server';
import { firstMeetingVisit as visit } from '../helpers/visit-fields';

describe('a network whose records fill their quota', () => {
  const network = withNetworkServer({ VALISE_NETWORK_RECORD_BYTES: '20000' });

  it('keeps the refused visits in the outbox, still pulls, says so, and sends them once the quota is raised', async () => {
    const office = await network.open('Bureau');
    await network.join(office, 'admin');
    const phone = await network.open('Camille');
    await network.join(phone);
    // Heard from once: its next run pushes before it pulls.
    await phone.sync();

    const notes = 'Compte rendu de la rencontre, tapé sur place. '.repeat(40);
    for (let index = 0; index < 10; index++) await createRecord(phone.context, 'visits', visit(`${index} ${notes}`));
    const outbox = await phone.outboxSize();
    // Written after the phone's visits, and small: it fits.
    const theirs = await createRecord(office.context, 'visits', visit('Passage rapide'));
    await office.sync();

    await phone.sync();
    expect(phone.engine.status).toMatchObject({ state: 'error', error: 'network_full', pending: 10 });
    expect(await phone.outboxSize()).toBe(outbox);
    expect(await phone.context.db.records('visits').get(theirs.id)).toMatchObject({ notes: 'Passage rapide' });
    expect((await network.snapshot()).filter((change) => change.type === 'visits')).toHaveLength(1);

    await network.server.restart({ VALISE_NETWORK_RECORD_BYTES: '200000' });
    await phone.sync();
    expect(phone.engine.status).toMatchObject({ state: 'idle', error: null, pending: 0 });
    const visits = (await network.snapshot()).filter((change) => change.type === 'visits');
    expect(new Set(visits.map((change) => change.id)).size).toBe(11);
  });
});
