// Running the server for real: which address is the client behind a reverse proxy, one process
// per data folder, sequence numbers that another process cannot make collide, no API caching.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HybridClock } from '../../src/protocol/hlc';
import { createApp, JOIN_FAILURE_WINDOW_MS, JOIN_FAILURES_PER_ADDRESS } from '../../src/server/app';
import { configWarnings, readConfig } from '../../src/server/config';
import { issueInvitation } from '../../src/server/invitations';
import { limitKey, TrustedProxies } from '../../src/server/ops/client-address';
import { SERVER_CLOCK_NODE } from '../../src/server/push/plan';
import { SqliteStore } from '../../src/server/store/sqlite';
import { PUSHER, visitCreation } from '../helpers/mutations';
import { serverFolder } from '../helpers/server-folder';
import { startServerProcess } from '../helpers/server-process';

let dir: string;
let store: SqliteStore;

beforeEach(async () => {
  dir = serverFolder('ops');
  store = new SqliteStore(join(dir, 'valise.sqlite'));
  await store.migrate();
});

afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

function appWith(env: NodeJS.ProcessEnv, logs: Record<string, unknown>[] = []) {
  const config = readConfig({ VALISE_DATA: dir, VALISE_DIST: join(dir, 'dist'), ...env });
  const app = createApp({ store, config, log: (entry) => logs.push(entry) });
  /** A request arriving on a socket from `socket`, as Node's HTTP server hands it over. */
  return (path: string, socket: string, init: RequestInit = {}) =>
    app.fetch(new Request(`http://valise.test${path}`, init), {
      incoming: {
        socket: { remoteAddress: socket, remotePort: 40000, remoteFamily: socket.includes(':') ? 'IPv6' : 'IPv4' },
      },
    });
}

describe('the client address behind trusted proxies', () => {
  const proxies = new TrustedProxies(['127.0.0.1', '10.0.0.0/8', '::1']);

  it('is the rightmost X-Forwarded-For address that is not a trusted proxy', () => {
    expect(proxies.client('127.0.0.1', '203.0.113.9')).toBe('203.0.113.9');
    // The client wrote the first address itself: only what the proxies appended counts.
    expect(proxies.client('127.0.0.1', '198.51.100.1, 203.0.113.9')).toBe('203.0.113.9');
    expect(proxies.client('127.0.0.1', '198.51.100.1, 203.0.113.9, 10.2.3.4')).toBe('203.0.113.9');
    expect(proxies.client('::ffff:127.0.0.1', '2001:db8::7')).toBe('2001:db8::7');
    expect(proxies.client('::1', '10.1.1.1, 10.9.9.9')).toBe('10.1.1.1');
  });

  it('is counted by the limits as itself (IPv4) or as its /64 (IPv6), however it is written', () => {
    expect(limitKey('203.0.113.9')).toBe('203.0.113.9');
    const one = limitKey('2001:db8:1:2::5');
    expect(limitKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe(one);
    expect(limitKey('2001:DB8:1:2:0:0:0:0')).toBe(one);
    expect(limitKey('2001:db8:1:2::c0a8:1%eth0')).toBe(one);
    expect(limitKey('2001:db8:1:3::5')).not.toBe(one);
    expect(limitKey('2001:db8::5')).toBe('2001:db8:0:0::/64');
    expect(limitKey('::1')).toBe('0:0:0:0::/64');
    expect(limitKey('64:ff9b::192.0.2.1')).toBe('64:ff9b:0:0::/64');
  });

  it('ignores X-Forwarded-For from anyone else', () => {
    expect(proxies.client('203.0.113.9', '127.0.0.1')).toBe('203.0.113.9');
    expect(new TrustedProxies([]).client('127.0.0.1', '203.0.113.9')).toBe('127.0.0.1');
  });

  it('tells the admin once when a proxy on this machine forwards requests without being named', async () => {
    const warnings = (logs: Record<string, unknown>[]) => logs.filter((entry) => entry.level === 'warn');
    const unnamed: Record<string, unknown>[] = [];
    const call = appWith({}, unnamed);
    const proxied = { headers: { 'X-Forwarded-For': '203.0.113.9' } };
    // A caller from outside writing the header, or no proxy at all, says nothing.
    await call('/api/health', '203.0.113.9', proxied);
    await call('/api/health', '127.0.0.1');
    expect(warnings(unnamed)).toEqual([]);
    // A proxy on this machine, whichever way its address reads, is told of once, with the join limit's figures.
    const warning = expect.objectContaining({
      message: expect.stringMatching(
        new RegExp(
          `so ${JOIN_FAILURES_PER_ADDRESS} wrong .* for ${JOIN_FAILURE_WINDOW_MS / 60_000} minutes.*Set VALISE_TRUSTED_PROXIES=127\\.0\\.0\\.1`,
        ),
      ),
    });
    await call('/api/health', '::ffff:127.0.0.1', proxied);
    expect(warnings(unnamed)).toEqual([warning]);
    await call('/api/health', '::1', proxied);
    expect(warnings(unnamed)).toEqual([warning]);
    const ipv6: Record<string, unknown>[] = [];
    await appWith({}, ipv6)('/api/health', '::1', proxied);
    expect(warnings(ipv6)).toEqual([warning]);
    const named: Record<string, unknown>[] = [];
    await appWith({ VALISE_TRUSTED_PROXIES: '127.0.0.1' }, named)('/api/health', '127.0.0.1', proxied);
    expect(warnings(named)).toEqual([]);
  });

  it('refuses a setting that is not an address or a range', () => {
    expect(() => new TrustedProxies(['localhost'])).toThrow(/not an address/);
    expect(() => new TrustedProxies(['10.0.0.0/33'])).toThrow(/prefix length/);
  });

  it('says at start that VALISE_TRUST_PROXY is no longer read and what to set instead', () => {
    expect(configWarnings({})).toEqual([]);
    expect(configWarnings({ VALISE_TRUST_PROXY: '1' }).join()).toMatch(/VALISE_TRUSTED_PROXIES=127\.0\.0\.1/);
  });

  it('keeps a guesser locked out of joining whatever X-Forwarded-For it sends through the proxy', async () => {
    const network = await store.createNetwork('Réseau');
    const logs: Record<string, unknown>[] = [];
    const call = appWith({ VALISE_TRUSTED_PROXIES: '127.0.0.1' }, logs);
    const join = (code: string, spoofed: string, client = '203.0.113.9') =>
      call('/api/join', '127.0.0.1', {
        method: 'POST',
        // What the proxy sends on: the client's own header, then the address the proxy saw.
        headers: { 'X-Forwarded-For': `${spoofed}, ${client}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ code, deviceName: 'T', memberName: 'S', clockNode: 'aaaaaaaaaaaaaaaa' }),
      });
    for (let attempt = 0; attempt < JOIN_FAILURES_PER_ADDRESS; attempt++)
      expect((await join('AAAA-BBBB-CCCC', `198.51.100.${attempt}`)).status).toBe(403);
    const { code } = await issueInvitation(store, network.id, 'concierge', 24);
    expect((await join(code, '198.51.100.200')).status).toBe(429);
    // Another real client behind the same proxy is not locked out by the guesser.
    expect((await join(code, '203.0.113.9', '192.0.2.44')).status).toBe(200);
    expect(logs.at(-1)).toMatchObject({ path: '/api/join', status: 200, address: '192.0.2.44' });
    expect(logs.at(-2)).toMatchObject({ status: 429, address: '203.0.113.9' });
  });
});

describe('the API is never cached', () => {
  it('answers every /api route with Cache-Control: no-store, and the app shell as before', async () => {
    const call = appWith({});
    for (const path of ['/api/health', '/api/session', '/api/nothing-here', '/api/attachments/00'])
      expect((await call(path, '127.0.0.1')).headers.get('Cache-Control'), path).toBe('no-store');
    expect((await call('/', '127.0.0.1')).headers.get('Cache-Control')).toBe('no-cache');
  });
});

describe('sequence numbers', () => {
  it('stay unique when two store instances write the same file in turn (a second process)', async () => {
    const network = await store.createNetwork('Réseau');
    const other = new SqliteStore(join(dir, 'valise.sqlite'));
    await other.migrate();
    const now = Date.now();
    const context = {
      networkId: network.id,
      role: 'admin' as const,
      clock: new HybridClock(SERVER_CLOCK_NODE),
      now,
      pusher: PUSHER,
    };
    try {
      for (let round = 0; round < 3; round++) {
        for (const writer of [store, other]) {
          const output = await writer.push({ context, mutations: [visitCreation(now), visitCreation(now)] });
          expect(output.results.map((result) => result.status)).toEqual(['applied', 'applied']);
        }
      }
      const page = await store.pull(network.id, 0, 100);
      expect(page.changes).toHaveLength(12);
      expect(new Set(page.changes.map((change) => change.seq)).size).toBe(12);
    } finally {
      await other.close();
    }
  });
});

describe('one server per data folder', () => {
  it('refuses to start a second server on the same VALISE_DATA, and says why', async () => {
    const env = { VALISE_DATA: dir, VALISE_DIST: join(dir, 'dist'), VALISE_TRUST_PROXY: '1' };
    const first = await startServerProcess(env);
    try {
      // Warned on stderr, a pipe of its own: it may come through after the listening line on stdout.
      await expect.poll(() => first.output()).toMatch(/VALISE_TRUST_PROXY is no longer read/);
      await expect(startServerProcess(env)).rejects.toThrow(
        /Another Valise server is already running on the data folder/,
      );
      // The first one still answers.
      expect((await fetch(`${first.url}/api/health`)).status).toBe(200);
    } finally {
      await first.kill('SIGTERM');
    }
    // Once it stopped, the folder is free again; a killed server leaves no stale lock either.
    const again = await startServerProcess(env);
    await again.kill('SIGKILL');
    const third = await startServerProcess(env);
    await third.kill('SIGTERM');
    // Four server starts: seconds each on a loaded machine.
  }, 240_000);
});

describe('/metrics', () => {
  it('counts requests, latency, pushes, pulls and refusals, with the store size and the last backup age', async () => {
    const network = await store.createNetwork('Réseau');
    const call = appWith({ VALISE_TRUSTED_PROXIES: '127.0.0.1' });
    const { code } = await issueInvitation(store, network.id, 'concierge', 24);
    const joined = await call('/api/join', '127.0.0.1', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code, deviceName: 'T', memberName: 'S', clockNode: 'aaaaaaaaaaaaaaaa' }),
    });
    const headers = { Authorization: `Bearer ${((await joined.json()) as { token: string }).token}` };
    const push = await call('/api/sync/push', '127.0.0.1', {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ mutations: [visitCreation(Date.now())] }),
    });
    expect(push.status).toBe(200);
    expect((await call('/api/sync/pull?since=0', '127.0.0.1', { headers })).status).toBe(200);
    expect((await call('/api/sync/pull?since=-1', '127.0.0.1', { headers })).status).toBe(400);
    await store.writeMeta([['lastBackupAt', new Date(Date.now() - 3_600_000).toISOString()]]);

    const response = await call('/metrics', '127.0.0.1');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    const value = (name: string) =>
      Number(text.match(new RegExp(`^${name.replace(/[{}"+]/g, '\\$&')} (\\S+)$`, 'm'))?.[1]);
    expect(value('valise_http_requests_total{route="push",method="POST",status="200"}')).toBe(1);
    expect(value('valise_pushes_total')).toBe(1);
    expect(value('valise_pulls_total')).toBe(1);
    expect(value('valise_push_mutations_total{result="applied"}')).toBe(1);
    expect(value('valise_refusals_total{route="pull",status="400"}')).toBe(1);
    expect(value('valise_http_request_duration_seconds_count{route="pull"}')).toBe(2);
    expect(value('valise_http_request_duration_seconds_bucket{route="pull",le="+Inf"}')).toBe(2);
    expect(value('valise_store_size_bytes')).toBeGreaterThan(4096);
    expect(value(`valise_network_records{network="${network.id}"}`)).toBe(1);
    expect(value(`valise_network_record_bytes{network="${network.id}"}`)).toBeGreaterThan(100);
    expect(value('valise_last_backup_age_seconds')).toBeGreaterThanOrEqual(3600);
    expect(value('valise_last_backup_age_seconds')).toBeLessThan(3700);
  });

  it('answers only the configured addresses, judged on the client behind the proxy', async () => {
    const call = appWith({ VALISE_TRUSTED_PROXIES: '127.0.0.1' });
    expect((await call('/metrics', '::1')).status).toBe(200);
    expect((await call('/metrics', '192.0.2.7')).status).toBe(404);
    // Through the local proxy, a visitor from the internet is not loopback.
    const proxied = await call('/metrics', '127.0.0.1', { headers: { 'X-Forwarded-For': '127.0.0.1, 203.0.113.9' } });
    expect(proxied.status).toBe(404);
    const allowed = appWith({ VALISE_METRICS_ALLOW: '10.0.0.0/8' });
    expect((await allowed('/metrics', '10.1.2.3')).status).toBe(200);
    expect((await allowed('/metrics', '127.0.0.1')).status).toBe(404);
  });
});
