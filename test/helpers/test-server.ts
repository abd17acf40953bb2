// An in-process Valise server on a temporary SQLite file, for the sync and server suites.
// `restart()` closes the store and opens the same file again, as a process restart would.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '../../src/domain/vocabulary';
import { createApp } from '../../src/server/app';
import { readConfig } from '../../src/server/config';
import { issueInvitation } from '../../src/server/invitations';
import { SqliteStore } from '../../src/server/store/sqlite';
import type { Network, RawChange } from '../../src/server/store/store';

export const TEST_SERVER_URL = 'http://valise.test';

export class TestServer {
  store!: SqliteStore;
  private app!: ReturnType<typeof createApp>;

  private constructor(
    readonly dir: string,
    readonly now: () => number,
  ) {}

  static async start(now: () => number = Date.now, env: NodeJS.ProcessEnv = {}): Promise<TestServer> {
    const server = new TestServer(mkdtempSync(join(tmpdir(), 'valise-server-')), now);
    server.env = env;
    await server.open();
    return server;
  }

  private env: NodeJS.ProcessEnv = {};

  private async open(): Promise<void> {
    this.store = new SqliteStore(join(this.dir, 'valise.sqlite'));
    await this.store.migrate();
    const config = readConfig({ VALISE_DATA: this.dir, VALISE_DIST: join(this.dir, 'dist'), ...this.env });
    this.app = createApp({ store: this.store, config, now: this.now, log: () => {} });
  }

  /** Answers a request like the HTTP server would (Hono's fetch handler). */
  fetch = async (input: string, init?: RequestInit): Promise<Response> => this.app.fetch(new Request(input, init));

  async restart(): Promise<void> {
    await this.store.close();
    await this.open();
  }

  async createNetwork(name: string): Promise<Network> {
    return this.store.createNetwork(name);
  }

  async invite(networkId: string, role: Role = 'concierge'): Promise<string> {
    return (await issueInvitation(this.store, networkId, role, 24, this.now())).code;
  }

  snapshot(networkId: string): Promise<RawChange[]> {
    return this.store.snapshot(networkId);
  }

  async stop(): Promise<void> {
    await this.store.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
