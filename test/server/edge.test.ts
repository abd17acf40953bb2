// The edge of the server: body limits, join rate limit, security headers, CORS, request ids and
// logs that keep secrets out, and a store failure answered without leaking its cause.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JoinResponse } from '../../src/protocol/wire';
import { createApp, JOIN_FAILURE_WINDOW_MS, JOIN_FAILURES_PER_ADDRESS } from '../../src/server/app';
import { readConfig } from '../../src/server/config';
import { issueInvitation } from '../../src/server/invitations';
import { SqliteStore } from '../../src/server/store/sqlite';
import { visitCreation } from '../helpers/mutations';
import { serverFolder } from '../helpers/server-folder';

const URL_BASE = 'http://valise.test';
let now = Date.parse('2026-11-28T10:00:00.000Z');
let dir: string;
let store: SqliteStore;
let logs: Record<string, unknown>[];
let app: ReturnType<typeof createApp>;
let networkId: string;

function start(env: NodeJS.ProcessEnv = {}) {
  // A Request built in-process carries no Content-Length, so the fair share would charge each
  // as the largest body (a chunked upload); test/server/fair-share.test.ts pins that share.
  const config = readConfig({
    VALISE_DATA: dir,
    VALISE_DIST: join(dir, 'dist'),
    VALISE_ADDRESS_RATE: '0',
    VALISE_DEVICE_RATE: '0',
    ...env,
  });
  app = createApp({ store, config, now: () => now, log: (entry) => logs.push(entry) });
}

beforeEach(async () => {
  dir = serverFolder('edge');
  store = new SqliteStore(join(dir, 'valise.sqlite'));
  await store.migrate();
  logs = [];
  networkId = (await store.createNetwork('Réseau')).id;
  start();
});

afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

function request(path: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  if (typeof init.body === 'string') headers.set('Content-Type', 'application/json');
  return app.fetch(new Request(`${URL_BASE}${path}`, { ...init, headers }));
}

function joinBody(code: string) {
  return JSON.stringify({ code, deviceName: 'Tablette', memberName: 'Sam', clockNode: 'aaaaaaaaaaaaaaaa' });
}

async function joined(): Promise<JoinResponse> {
  const { code } = await issueInvitation(store, networkId, 'concierge', 24, now);
  const response = await request('/api/join', { method: 'POST', body: joinBody(code) });
  expect(response.status).toBe(200);
  return (await response.json()) as JoinResponse;
}

describe('body limits', () => {
  it('refuses a push over the body limit with a 413 that says the limit, declared or streamed', async () => {
    start({ VALISE_MAX_BODY_BYTES: String(64 * 1024) });
    const { token } = await joined();
    const notes = 'x'.repeat(100 * 1024);
    const body = JSON.stringify({ mutations: [visitCreation(now, undefined, undefined, notes)] });
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    const declared = await request('/api/sync/push', { method: 'POST', headers, body });
    expect(declared.status).toBe(413);
    expect(await declared.json()).toEqual({
      code: 'too_large',
      error: 'The request is larger than the 0.063 MB this server accepts.',
    });
    const bytes = new TextEncoder().encode(body);
    const stream = new ReadableStream({
      start(controller) {
        for (let offset = 0; offset < bytes.length; offset += 8192)
          controller.enqueue(bytes.slice(offset, offset + 8192));
        controller.close();
      },
    });
    const streamed = await request('/api/sync/push', {
      method: 'POST',
      headers: { ...headers, 'Transfer-Encoding': 'chunked' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(((await streamed.json()) as { code: string }).code).toBe('too_large');
    expect(await store.snapshot(networkId)).toEqual([]);
  });
});

describe('compressed bodies', () => {
  it('refuses a body sent with a Content-Encoding with 415, not as bad JSON or a file to send again', async () => {
    const { token } = await joined();
    const gzip = (text: string) => new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
    const sent = (path: string, method: string, type: string, body: string) =>
      request(path, {
        method,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': type, 'Content-Encoding': 'gzip' },
        body: gzip(body),
        duplex: 'half',
      } as RequestInit);
    const push = await sent('/api/sync/push', 'POST', 'application/json', '{"mutations":[]}');
    const file = await sent(`/api/attachments/${'0'.repeat(64)}`, 'PUT', 'image/png', 'a photo');
    for (const answer of [push, file]) {
      expect(answer.status).toBe(415);
      expect(((await answer.json()) as { code: string }).code).toBe('unsupported_encoding');
    }
  });
});

describe('joining under guesses', () => {
  it('answers 429 after too many wrong codes from one address, even for a right one, until the window passes', async () => {
    for (let attempt = 0; attempt < JOIN_FAILURES_PER_ADDRESS; attempt++) {
      const wrong = await request('/api/join', { method: 'POST', body: joinBody('AAAA-BBBB-CCCC') });
      expect(wrong.status).toBe(403);
    }
    const { code } = await issueInvitation(store, networkId, 'concierge', 48, now);
    const blocked = await request('/api/join', { method: 'POST', body: joinBody(code) });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(((await blocked.json()) as { error: string }).error).toMatch(/Try again in 15 minutes/);
    now += JOIN_FAILURE_WINDOW_MS + 1;
    const later = await request('/api/join', { method: 'POST', body: joinBody(code) });
    expect(later.status).toBe(200);
  });
});

describe('headers', () => {
  it('serves the app with a CSP that allows only its own scripts, and no referrer', async () => {
    const response = await request('/');
    expect(response.status).toBe(200);
    const csp = response.headers.get('Content-Security-Policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    // The only outside images: OpenStreetMap's tiles on the map of lieux.
    expect(csp).toContain("img-src 'self' data: blob: https://tile.openstreetmap.org;");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers.get('Referrer-Policy')).toBe('no-referrer');
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(response.headers.get('X-Powered-By')).toBeNull();
  });

  it('lets only configured origins call the API from another site', async () => {
    start({ VALISE_ALLOWED_ORIGINS: 'https://app.reseau.example' });
    const allowed = await request('/api/health', { headers: { Origin: 'https://app.reseau.example' } });
    expect(allowed.headers.get('Access-Control-Allow-Origin')).toBe('https://app.reseau.example');
    const other = await request('/api/health', { headers: { Origin: 'https://evil.example' } });
    expect(other.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });

  it("answers a listed origin's preflight with the route's methods, and 404 for a path the API does not have", async () => {
    start({ VALISE_ALLOWED_ORIGINS: 'https://app.reseau.example' });
    const preflight = (path: string, origin = 'https://app.reseau.example') =>
      request(path, {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'authorization, content-type, x-valise-protocol',
        },
      });
    // A preflight carries no token: it is answered before any is asked for.
    const push = await preflight('/api/sync/push');
    expect(push.status).toBe(204);
    expect(push.headers.get('Access-Control-Allow-Origin')).toBe('https://app.reseau.example');
    expect(push.headers.get('Access-Control-Allow-Methods')).toBe('POST');
    expect(push.headers.get('Access-Control-Allow-Headers')).toContain('Authorization');
    const file = await preflight(`/api/attachments/${'a'.repeat(64)}`);
    expect(file.status).toBe(204);
    expect(file.headers.get('Access-Control-Allow-Methods')).toBe('GET,PUT');
    const nowhere = await preflight('/api/sync/nothing');
    expect(nowhere.status).toBe(404);
    expect(await nowhere.json()).toEqual({ error: 'No such API route.', code: 'not_found' });
    // Another site's preflight is answered like any OPTIONS: this route takes POST only.
    const stranger = await preflight('/api/join', 'https://evil.example');
    expect(stranger.status).toBe(405);
    expect(stranger.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });
});

describe('request ids and logs', () => {
  it('logs one JSON line per request with its id, and never a token or an invitation code', async () => {
    const { code } = await issueInvitation(store, networkId, 'concierge', 24, now);
    const joinedResponse = await request('/api/join', {
      method: 'POST',
      headers: { 'X-Request-Id': 'proxy-1234abcd' },
      body: joinBody(code),
    });
    expect(joinedResponse.headers.get('X-Request-Id')).toBe('proxy-1234abcd');
    const { token, deviceId } = (await joinedResponse.json()) as JoinResponse;
    const pulled = await request('/api/sync/pull?since=0', { headers: { Authorization: `Bearer ${token}` } });
    const pullId = pulled.headers.get('X-Request-Id');
    expect(pullId).toMatch(/^[0-9a-f-]{36}$/);
    expect(logs).toContainEqual(
      expect.objectContaining({ requestId: 'proxy-1234abcd', path: '/api/join', status: 200 }),
    );
    expect(logs).toContainEqual(
      expect.objectContaining({ requestId: pullId, path: '/api/sync/pull', status: 200, deviceId, networkId }),
    );
    const written = JSON.stringify(logs);
    expect(written).not.toContain(token);
    expect(written).not.toContain(code);
    expect(written).not.toContain(code.replaceAll('-', ''));
  });

  it('answers a store failure with a plain 500, the cause only in the log', async () => {
    const { token } = await joined();
    store.pull = async () => {
      throw new Error('SQLITE_CORRUPT: secret table detail');
    };
    const response = await request('/api/sync/pull', { headers: { Authorization: `Bearer ${token}` } });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain('SQLITE');
    expect(JSON.parse(text)).toMatchObject({ code: 'internal' });
    const id = response.headers.get('X-Request-Id');
    expect(logs).toContainEqual(
      expect.objectContaining({ level: 'error', requestId: id, message: expect.stringContaining('SQLITE_CORRUPT') }),
    );
  });
});
