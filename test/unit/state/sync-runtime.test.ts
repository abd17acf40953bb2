// The tab's sync runtime hands screens what calls the server outside a sync run (admin
// actions): with the session as stored, which another tab of the device may have changed.
import { afterEach, expect, it, vi } from 'vitest';
import { appData } from '../../../src/db/app-data';
import { adminClient, startRuntime } from '../../../src/state/sync-runtime';
import { joinedSession } from '../../helpers/session';

afterEach(() => {
  vi.unstubAllGlobals();
});

it('an admin action after another tab replaced the token calls with the new token', async () => {
  const bearers: string[] = [];
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    const headers = { 'Content-Type': 'application/json', 'X-Valise-Server': '0.3.0' };
    // The tab's own sync runs meet a server that fails: they end without writing anything.
    if (!String(url).includes('/api/admin/devices')) return new Response('{}', { status: 503, headers });
    bearers.push(new Headers(init?.headers).get('Authorization') ?? '');
    return new Response(JSON.stringify({ devices: [] }), { headers });
  });
  const session = joinedSession({
    networkId: '01900000-0000-7000-8000-000000000001',
    networkName: 'Réseau',
    deviceId: '01900000-0000-7000-8000-000000000002',
    memberName: 'Léa',
    role: 'admin',
    token: 'token-read-when-this-tab-opened',
  });
  const context = await appData();
  await context.db.meta.put({ key: 'session', value: session });
  const { scheduler, engine, tabs } = await startRuntime();
  scheduler.stop();
  tabs?.close();
  await engine.sync();
  // Another tab replaced it: only the database knows.
  await context.db.meta.put({ key: 'session', value: { ...session, token: 'token-of-the-other-tab' } });

  await (await adminClient())?.devices();
  expect(bearers).toEqual(['Bearer token-of-the-other-tab']);
});
