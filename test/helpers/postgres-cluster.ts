// A throwaway PostgreSQL cluster for the server suites: initdb in a temporary folder, started
// on a free loopback port, removed afterwards. PostgreSQL refuses to run as root, so when the
// tests run as root the cluster belongs to the unprivileged `postgres` user (runuser).
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { PostgresStore } from '../../src/server/store/postgres';
import { freePort } from './free-port';
import type { TestStoreFactory } from './test-server';
import { waitFor } from './wait-for';

const SUPERUSER = 'valise';

/** Where Debian puts the server binaries (newest major first); VALISE_PG_BIN overrides. */
export function postgresBinDir(): string | null {
  if (process.env.VALISE_PG_BIN) return process.env.VALISE_PG_BIN;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const majors = readdirSync(root)
    .filter((name) => existsSync(join(root, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return majors[0] ? join(root, majors[0], 'bin') : null;
}

/** Why the PostgreSQL suites cannot run here, or null when they can. With CI=true they must. */
export function postgresUnavailable(): string | null {
  if (postgresBinDir()) return null;
  const reason = 'PostgreSQL server binaries not found (apt-get install postgresql; .ci/run does it)';
  if (process.env.CI === 'true') throw new Error(`${reason}: with CI=true the PostgreSQL suites must run.`);
  return reason;
}

export class PostgresCluster {
  private databases = 0;

  private constructor(
    readonly dir: string,
    readonly port: number,
    private readonly bin: string,
    private readonly runAs: string | null,
  ) {}

  static async start(): Promise<PostgresCluster> {
    const bin = postgresBinDir();
    if (!bin) throw new Error('PostgreSQL server binaries not found.');
    const runAs = process.getuid?.() === 0 ? 'postgres' : null;
    const dir = mkdtempSync(join(tmpdir(), 'valise-pg-'));
    if (runAs) {
      const uid = Number(execFileSync('id', ['-u', runAs]).toString().trim());
      const gid = Number(execFileSync('id', ['-g', runAs]).toString().trim());
      chownSync(dir, uid, gid);
    }
    chmodSync(dir, 0o700);
    const cluster = new PostgresCluster(dir, await freePort(), bin, runAs);
    cluster.run('initdb', ['-D', cluster.dataDir, '-U', SUPERUSER, '-A', 'trust', '-E', 'UTF8', '--no-sync']);
    cluster.run('pg_ctl', [
      '-D',
      cluster.dataDir,
      '-l',
      join(dir, 'server.log'),
      '-w',
      '-t',
      '60',
      '-o',
      // fsync stays on: the crash suite relies on committed transactions surviving a SIGKILL.
      `-p ${cluster.port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=32MB`,
      'start',
    ]);
    return cluster;
  }

  get dataDir(): string {
    return join(this.dir, 'data');
  }

  private run(tool: string, args: string[]): void {
    const command = join(this.bin, tool);
    const result = this.runAs
      ? spawnSync('runuser', ['-u', this.runAs, '--', command, ...args], { encoding: 'utf8' })
      : spawnSync(command, args, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${tool} failed: ${result.stderr || result.stdout}`);
  }

  url(database: string): string {
    return `postgres://${SUPERUSER}@127.0.0.1:${this.port}/${database}`;
  }

  /** A new empty database, so each test starts clean without a new cluster. */
  async createDatabase(): Promise<string> {
    this.databases += 1;
    const name = `valise_${process.pid}_${this.databases}`;
    const client = new pg.Client({ connectionString: this.url('postgres') });
    await client.connect();
    try {
      await client.query(`CREATE DATABASE ${name}`);
    } finally {
      await client.end();
    }
    return this.url(name);
  }

  /**
   * A TestServer store factory on this cluster: each server folder its own database, the same
   * one again when that server restarts; `databases` maps a folder to its database's URL.
   */
  storeFactory(databases = new Map<string, string>()): TestStoreFactory {
    return {
      open: async (dir) => {
        let url = databases.get(dir);
        if (!url) {
          url = await this.createDatabase();
          databases.set(dir, url);
        }
        const store = new PostgresStore(url, 4);
        await store.migrate();
        return store;
      },
    };
  }

  /**
   * A login role whose password PostgreSQL checks (the cluster trusts every other user), as an
   * admin's server meets it: DATABASE_URL must carry the right one.
   */
  async createRoleWithPassword(role: string, password: string): Promise<void> {
    await this.asSuperuser((client) => client.query(`CREATE ROLE ${role} LOGIN PASSWORD '${password}'`));
    const loadedAt = async () =>
      // As text, to the microsecond: a Date's string keeps whole seconds, and a reload within the
      // second of the last load looked like no reload at all (the wait then ran out).
      String((await this.asSuperuser((client) => client.query('SELECT pg_conf_load_time()::text AS at'))).rows[0].at);
    const before = await loadedAt();
    const hba = join(this.dataDir, 'pg_hba.conf');
    writeFileSync(hba, `host all ${role} 127.0.0.1/32 scram-sha-256\n${readFileSync(hba, 'utf8')}`);
    this.run('pg_ctl', ['-D', this.dataDir, 'reload']);
    // The reload is a signal: a new session sees its rules once the postmaster has read them.
    await waitFor('PostgreSQL reads pg_hba.conf again', async () => (await loadedAt()) !== before);
  }

  async asSuperuser<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: this.url('postgres') });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  async stop(): Promise<void> {
    try {
      this.run('pg_ctl', ['-D', this.dataDir, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(this.dir, { recursive: true, force: true });
    }
  }
}

/**
 * Makes a database refuse writes from its next connection on, as a standby after a failover
 * or a database an admin set read-only does: reads still answer.
 */
export async function makeReadOnly(url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`ALTER DATABASE "${new URL(url).pathname.slice(1)}" SET default_transaction_read_only = on`);
  } finally {
    await admin.end();
  }
}
