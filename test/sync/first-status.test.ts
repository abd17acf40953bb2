// A page reloaded while the server is down: until a run of this page has ended, the device does
// not know it is up to date, and the shell must not say « À jour » (it said so until the first
// run failed, however long that took).
import { expect, it } from 'vitest';
import type { SyncStatus } from '../../src/sync/status';
import { messages } from '../../src/ui/sync/messages';
import { stateLabel } from '../../src/ui/sync/status-text';
import { withNetworkServer } from '../helpers/network-server';
import { TestDevice } from '../helpers/test-device';

const network = withNetworkServer();

it('a reloaded device says nothing is up to date before its first run ends, then says the run failed', async () => {
  let reachable = true;
  const device = await network.open('Camille', {
    link: (url, init) => (reachable ? network.server.fetch(url, init) : Promise.reject(new TypeError('offline'))),
  });
  await network.join(device);
  await device.sync();
  expect(device.engine.status).toMatchObject({ state: 'idle', pending: 0 });

  // The reload: a new engine on the same database, the server gone meanwhile.
  reachable = false;
  const reloaded = new TestDevice('Camille', device.context, device.link);
  const seen: SyncStatus[] = [];
  reloaded.engine.subscribe((status) => seen.push(status));
  await reloaded.engine.refresh();
  expect(reloaded.engine.status.lastSyncAt).not.toBeNull();
  await reloaded.sync();

  expect(seen.at(-1)?.state).toBe('offline');
  // The shell shows nothing for the engine's initial status ('unjoined', before it has read the device).
  const words = seen
    .filter((status) => status.state !== 'unjoined')
    .map((status) => stateLabel(status, messages.fr, { short: true }));
  expect(words).not.toContain('À jour');
});
