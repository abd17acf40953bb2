// Two networks on one real server listening on loopback, each with devices, records and a file,
// for the fuzz and tenant isolation suites. Network B's data is marked with SECRET markers so a
// leak to a device of A (or the reverse) is found by a plain text search of any answer.
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { JoinResponse } from '../../src/protocol/wire';
import { createApp } from '../../src/server/app';
import { largestBody, readConfig } from '../../src/server/config';
import type { Log } from '../../src/server/edge';
import { listen } from '../../src/server/http-server';
import { issueInvitation } from '../../src/server/invitations';
import { SqliteStore } from '../../src/server/store/sqlite';
import type { Store } from '../../src/server/store/store';
import { visitCreation } from './mutations';
import { serverFolder } from './server-folder';

export interface Tenant {
  networkId: string;
  networkName: string;
  admin: JoinResponse;
  concierge: JoinResponse;
  /** A device of this network that an admin removed. */
  revoked: JoinResponse;
  recordIds: string[];
  attachment: { sha256: string; bytes: Uint8Array };
  /** Strings only this network's devices may ever read. */
  secrets: string[];
}

export interface HostileWorld {
  url: string;
  store: Store;
  a: Tenant;
  b: Tenant;
  now: number;
  stop(): Promise<void>;
}

export async function call(
  url: string,
  path: string,
  init: RequestInit & { token?: string } = {},
): Promise<{ status: number; text: string; json: Record<string, unknown> | null; headers: Headers }> {
  const headers = new Headers(init.headers);
  if (init.token) headers.set('Authorization', `Bearer ${init.token}`);
  if (typeof init.body === 'string' && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
  const response = await fetch(`${url}${path}`, { ...init, headers });
  const text = await response.text();
  let json: Record<string, unknown> | null = null;
  try {
    json = JSON.parse(text);
  } catch {}
  return { status: response.status, text, json, headers: response.headers };
}

/**
 * One request on its own connection (node:http, no keep-alive): a server that answers early
 * and drops the unread rest of a huge body must not break the next request of the run.
 */
export function rawCall(
  url: string,
  path: string,
  { method, headers, body }: { method: string; headers: Record<string, string>; body?: string | Uint8Array },
): Promise<{ status: number; text: string; json: Record<string, unknown> | null }> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const outgoing = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        path,
        method,
        // Node sends a GET's body without a length unless told: the server would see two requests.
        headers: body === undefined ? headers : { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: Record<string, unknown> | null = null;
          try {
            json = JSON.parse(text);
          } catch {}
          resolve({ status: response.statusCode ?? 0, text, json });
        });
        response.on('error', reject);
      },
    );
    // The server may answer (413, 401) and close before the whole body is sent: that answer
    // counts. A connection closed with no answer at all is a failure.
    let answered = false;
    outgoing.on('response', () => {
      answered = true;
    });
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    });
    outgoing.on('close', () => {
      if (!answered) reject(new Error(`${method} ${path}: the connection closed without an answer`));
    });
    outgoing.end(body);
  });
}

/** A migrated store for a world's folder; SQLite in it unless a suite opens another. */
export type OpenStore = (dir: string) => Promise<Store>;

const openSqlite: OpenStore = async (dir) => {
  const store = new SqliteStore(join(dir, 'valise.sqlite'));
  await store.migrate();
  return store;
};

export async function startHostileWorld(
  env: NodeJS.ProcessEnv = {},
  openStore: OpenStore = openSqlite,
  /** The server's log lines (thrown away unless a suite reads them). */
  log: Log = () => {},
): Promise<HostileWorld> {
  const now = Date.now();
  const dir = serverFolder('hostile');
  const store = await openStore(dir);
  // The fuzz sends thousands of requests a minute from one address: the fair-share limits
  // would answer most of them 429 and hide what lies behind; the attack suite turns them on.
  const config = readConfig({
    VALISE_DATA: dir,
    VALISE_DIST: join(dir, 'dist'),
    VALISE_DEVICE_RATE: '0',
    VALISE_ADDRESS_RATE: '0',
    ...env,
  });
  const app = createApp({ store, config, log });
  const server = listen(app, {
    port: 0,
    hostname: '127.0.0.1',
    largestBody: largestBody(config),
  });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  async function joinDevice(networkId: string, role: 'admin' | 'concierge', memberName: string): Promise<JoinResponse> {
    const { code } = await issueInvitation(store, networkId, role, 24, now);
    const body = JSON.stringify({
      code,
      deviceName: `Appareil ${memberName}`,
      memberName,
      clockNode: 'abcdefabcdefabcd',
    });
    const answer = await call(url, '/api/join', { method: 'POST', body });
    if (answer.status !== 200) throw new Error(`join failed: ${answer.text}`);
    return answer.json as unknown as JoinResponse;
  }

  async function tenant(label: 'A' | 'B'): Promise<Tenant> {
    const networkName = `SECRET-NETWORK-${label} Réseau`;
    const network = await store.createNetwork(networkName);
    const admin = await joinDevice(network.id, 'admin', `SECRET-ADMIN-${label}`);
    const concierge = await joinDevice(network.id, 'concierge', `SECRET-MEMBER-${label}`);
    const revoked = await joinDevice(network.id, 'concierge', `SECRET-GONE-${label}`);
    await call(url, `/api/admin/devices/${revoked.deviceId}/revoke`, { method: 'POST', token: admin.token });
    const mutations = [1, 2, 3].map((index) =>
      visitCreation(now, undefined, undefined, `SECRET-NOTES-${label}-${index}`),
    );
    await call(url, '/api/sync/push', { method: 'POST', token: concierge.token, body: JSON.stringify({ mutations }) });
    const bytes = new TextEncoder().encode(`SECRET-FILE-${label}`);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await call(url, `/api/attachments/${sha256}`, {
      method: 'PUT',
      token: concierge.token,
      body: bytes,
      headers: { 'Content-Type': 'image/png' },
    });
    return {
      networkId: network.id,
      networkName,
      admin,
      concierge,
      revoked,
      recordIds: mutations.map((mutation) => mutation.recordId),
      attachment: { sha256, bytes },
      secrets: [
        network.id,
        `SECRET-NETWORK-${label}`,
        `SECRET-ADMIN-${label}`,
        `SECRET-MEMBER-${label}`,
        `SECRET-GONE-${label}`,
        `SECRET-NOTES-${label}`,
        `SECRET-FILE-${label}`,
        admin.deviceId,
        concierge.deviceId,
        revoked.deviceId,
        ...mutations.map((mutation) => mutation.recordId),
      ],
    };
  }

  const a = await tenant('A');
  const b = await tenant('B');
  return {
    url,
    store,
    a,
    b,
    now,
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The secrets of `tenant` found in a text (none is a pass). */
export function leakedSecrets(text: string, tenant: Tenant): string[] {
  return tenant.secrets.filter((secret) => text.includes(secret));
}
