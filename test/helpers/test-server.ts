// An in-process Valise server on a temporary SQLite file (or another store, see
// `TestServer.storeFactory`), for the sync and server suites. `restart()` closes the store and
// opens the same database again, as a process restart would.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '../../src/domain/vocabulary';
import { createApp } from '../../src/server/app';
import { readConfig } from '../../src/server/config';
import { issueInvitation } from '../../src/server/invitations';
import { SqliteStore } from '../../src/server/store/sqlite';
import type { Network, RawChange, Store } from '../../src/server/store/store';

/** How a test server gets its store; a suite may swap it (e.g. for PostgreSQL) before starting servers. */
export interface TestStoreFactory {
  /** A migrated store, new on first call for `dir`, the same database again on the next. */
  open(dir: string): Promise<Store>;
}

const sqliteFactory: TestStoreFactory = {
  async open(dir) {
    const store = new SqliteStore(join(dir, 'valise.sqlite'));
    await store.migrate();
    return store;
  },
};

export const TEST_SERVER_URL = 'http://valise.test';

export class TestServer {
  static storeFactory: TestStoreFactory = sqliteFactory;
  store!: Store;
  private app!: ReturnType<typeof createApp>;

  private constructor(
    readonly dir: string,
    readonly now: () => number,
  ) {}

  static async start(
    now: () => number = Date.now,
    env: NodeJS.ProcessEnv = {},
    options: { minProtocol?: number; monotonic?: () => number } = {},
  ): Promise<TestServer> {
    const server = new TestServer(mkdtempSync(join(tmpdir(), 'valise-server-')), now);
    // Every device of a test calls from one address, many times a second: the fair-share
    // limits are off unless a test turns them on (test/server/fair-share.test.ts).
    server.env = { VALISE_DEVICE_RATE: '0', VALISE_ADDRESS_RATE: '0', ...env };
    server.minProtocol = options.minProtocol;
    server.monotonic = options.monotonic;
    await server.open();
    return server;
  }

  private env: NodeJS.ProcessEnv = {};
  private minProtocol: number | undefined;
  private monotonic: (() => number) | undefined;

  private async open(): Promise<void> {
    this.store = await TestServer.storeFactory.open(this.dir);
    const config = readConfig({ VALISE_DATA: this.dir, VALISE_DIST: join(this.dir, 'dist'), ...this.env });
    this.app = createApp({
      store: this.store,
      config,
      now: this.now,
      log: () => {},
      ...(this.minProtocol ? { minProtocol: this.minProtocol } : {}),
      ...(this.monotonic ? { monotonic: this.monotonic } : {}),
    });
  }

  /** Answers a request like the HTTP server would (Hono's fetch handler). */
  fetch = async (input: string, init?: RequestInit): Promise<Response> => this.app.fetch(new Request(input, init));

  /** `env`: settings changed for the restarted server (an admin raised a limit). */
  async restart(env: NodeJS.ProcessEnv = {}): Promise<void> {
    this.env = { ...this.env, ...env };
    await this.whileStopped(async () => {});
  }

  /** Closes the store, runs `work` on the stopped server's data (a restore), opens it again. */
  async whileStopped(work: () => Promise<void>): Promise<void> {
    await this.store.close();
    await work();
    await this.open();
  }

  async createNetwork(name: string): Promise<Network> {
    return this.store.createNetwork(name);
  }

  /** `forMember`: the member whose new device it lets in; null, a new member. */
  async invite(networkId: string, role: Role = 'concierge', forMember: string | null = null): Promise<string> {
    return (await issueInvitation(this.store, networkId, role, 24, this.now(), null, forMember)).code;
  }

  snapshot(networkId: string): Promise<RawChange[]> {
    return this.store.snapshot(networkId);
  }

  async stop(): Promise<void> {
    await this.store.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
