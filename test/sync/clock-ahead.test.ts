// A device whose wall clock was far ahead (a phone set to the wrong year) and has since been put
// right, by the server's time or by its owner: its later writes carry the right time again.
import { describe, expect, it } from 'vitest';
import { openDataContext } from '../../src/db/context';
import { createRecord } from '../../src/db/writes';
import { MAX_CLOCK_AHEAD_MS, parseHlc } from '../../src/protocol/hlc';
import { withNetworkServer } from '../helpers/network-server';
import { firstMeetingVisit as visit } from '../helpers/visit-fields';

const YEAR_MS = 365 * 24 * 3_600_000;

describe('a device clock that was far ahead', () => {
  const network = withNetworkServer();

  it('dates its writes by the right time once the server has corrected it, and stops being told it is ahead', async () => {
    const phone = await network.open('Camille', { wallClock: () => Date.now() + YEAR_MS });
    // Written offline a year ahead, before the server could say so.
    await createRecord(phone.context, 'visits', visit('Écrite avec la mauvaise année'));
    await network.join(phone);
    await phone.sync();
    expect(phone.engine.status.clockAheadMs).toBeGreaterThan(MAX_CLOCK_AHEAD_MS);

    const later = await createRecord(phone.context, 'visits', visit('Écrite après la correction'));
    await phone.sync();
    expect(phone.engine.status.clockAheadMs).toBe(0);
    const stored = (await network.snapshot()).find((change) => change.id === later.id);
    const clock = parseHlc(JSON.parse(stored?.clocks ?? '{}')['*']);
    // The device's own clock, not one the server put in place of a clock too far ahead.
    expect(clock?.node).toBe(phone.context.identity.clockNode);
    expect(Math.abs((clock?.millis ?? 0) - Date.now())).toBeLessThan(MAX_CLOCK_AHEAD_MS);
  });

  it('dates its writes by the right time once its owner has set its clock right', async () => {
    let wrongBy = YEAR_MS;
    const name = `clock-ahead-${Math.random()}`;
    const before = await openDataContext({ name, wallClock: () => Date.now() + wrongBy });
    await createRecord(before, 'visits', visit('Écrite avec la mauvaise année'));
    before.db.close();
    wrongBy = 0;
    const after = await openDataContext({ name, wallClock: () => Date.now() + wrongBy });
    const written = await createRecord(after, 'visits', visit('Écrite après le réglage'));
    expect(Math.abs(Date.parse(written.updatedAt) - Date.now())).toBeLessThan(MAX_CLOCK_AHEAD_MS);
    const clock = parseHlc((await after.db.anyRecords('visits').get(written.id))?.hlc['*'] ?? '');
    expect(Math.abs((clock?.millis ?? 0) - Date.now())).toBeLessThan(MAX_CLOCK_AHEAD_MS);
    after.db.close();
    await after.db.delete();
  });
});
