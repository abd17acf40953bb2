// The server and the CLI on a PostgreSQL database an admin got wrong: a password, a database
// name, a server that is down, a user without rights, a DATABASE_URL that is no address, a
// database a newer Valise wrote. Each is one sentence (what is wrong, what to do), exit code 1,
// no stack trace, never the password — and nothing written.
import { rmSync, statSync } from 'node:fs';
import { delimiter } from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { main } from '../../src/server/cli';
import { readConfig } from '../../src/server/config';
import { takeBackup } from '../../src/server/ops/backup';
import { StartRefused } from '../../src/server/start-refused';
import { PostgresStore } from '../../src/server/store/postgres';
import { postgresRefusal } from '../../src/server/store/postgres-refusal';
import { POSTGRES_MIGRATIONS } from '../../src/server/store/postgres-schema';
import { freePort } from '../helpers/free-port';
import { postgresBinDir } from '../helpers/postgres-cluster';
import { describeOnPostgres } from '../helpers/postgres-suite';
import { expectPlainRefusal, refusedStart } from '../helpers/refused-start';
import { serverFolder } from '../helpers/server-folder';

const PASSWORD = 'mot-de-passe-secret';

describeOnPostgres('a start or a command on a PostgreSQL database it cannot use', (cluster) => {
  let dir: string;
  const path = process.env.PATH;
  beforeEach(() => {
    dir = serverFolder('pg-start');
    // pg_dump and pg_restore of the cluster's own version.
    process.env.PATH = `${postgresBinDir()}${delimiter}${path}`;
  });
  afterEach(() => {
    process.env.PATH = path;
    rmSync(dir, { recursive: true, force: true });
  });

  /** The CLI as the admin runs it: its exit code and every line it printed. */
  async function command(databaseUrl: string, ...argv: string[]) {
    const lines: string[] = [];
    const io = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) };
    const code = await main(argv, readConfig({ VALISE_DATA: dir, DATABASE_URL: databaseUrl }), io);
    return { code, lines };
  }

  /** A database whose tables Valise made, as the user `valise` (the cluster's superuser). */
  async function valiseDatabase(): Promise<string> {
    const url = await cluster().createDatabase();
    const store = new PostgresStore(url, 1);
    await store.migrate();
    await store.createNetwork('Réseau');
    await store.close();
    return url;
  }

  const as = (url: string, user: string, password?: string) => {
    const parsed = new URL(url);
    parsed.username = user;
    parsed.password = password ?? '';
    return parsed.toString();
  };

  it('says each of them in one sentence, what is wrong and what to do, with exit code 1 and no password', async () => {
    const url = await valiseDatabase();
    await cluster().createRoleWithPassword('gardien', PASSWORD);
    await cluster().asSuperuser((client) => client.query('CREATE ROLE lecteur LOGIN'));
    const down = `postgres://valise@127.0.0.1:${await freePort()}/valise`;
    const absent = `${url.slice(0, url.lastIndexOf('/'))}/absente`;
    for (const [databaseUrl, words] of [
      [as(url, 'gardien', 'faux'), /refused the password of user "gardien".*Put that user's password in DATABASE_URL/],
      [absent, /there is no database "absente" on the PostgreSQL server at 127\.0\.0\.1:\d+\. Create it.*createdb/],
      [down, /no PostgreSQL server answers at 127\.0\.0\.1:\d+, the address in DATABASE_URL.*Start it/],
      [as(url, 'lecteur'), /user "lecteur" may not create or change Valise's tables.*Run Valise as the user that owns/],
      [as(url, 'inconnu'), /does not let user "inconnu" into database.*Create the user/],
    ] as const) {
      const { code, lines } = await command(databaseUrl, 'networks');
      expect({ databaseUrl, code, lines }).toEqual({
        databaseUrl,
        code: 1,
        lines: [expect.stringMatching(new RegExp(`^Valise cannot run networks: .*${words.source}`))],
      });
      expect(lines.join(), 'the password is never printed').not.toContain('faux');
    }
    // A restore opens its own connection: the same sentence.
    const store = new PostgresStore(url, 1);
    const umask = process.umask(0o022);
    const { file } = await takeBackup(store, {
      dir,
      keepDaily: 1,
      keepWeekly: 0,
      databaseUrl: url,
      now: new Date(),
    }).finally(() => process.umask(umask));
    await store.close();
    // pg_dump's archive, like SQLite's backup (backups.test.ts), is its owner's only whatever the umask.
    expect((statSync(file).mode & 0o777).toString(8)).toBe('600');
    const { code, lines } = await command(as(url, 'gardien', 'faux'), 'restore', file);
    expect({ code, lines }).toEqual({
      code: 1,
      lines: [expect.stringMatching(/^Valise cannot run restore: .*refused the password of user "gardien"/)],
    });
  });

  it('refuses at npm start a DATABASE_URL that is no address, or a server that is down, without naming the password', async () => {
    expect(() => readConfig({ DATABASE_URL: `valise:${PASSWORD}@localhost/valise` })).toThrow(StartRefused);
    const notAUrl = await refusedStart(dir, { PORT: '0', DATABASE_URL: `valise:${PASSWORD}@localhost/valise` });
    expectPlainRefusal(
      notAUrl,
      /^Valise cannot start: DATABASE_URL is not a PostgreSQL address: write it postgres:\/\//m,
    );
    const down = await refusedStart(dir, {
      PORT: '0',
      DATABASE_URL: `postgres://valise:${PASSWORD}@127.0.0.1:${await freePort()}/valise`,
    });
    expectPlainRefusal(down, /^Valise cannot start: no PostgreSQL server answers at 127\.0\.0\.1:\d+/m);
    for (const answer of [notAUrl, down]) expect(answer.output).not.toContain(PASSWORD);
  }, 120_000);

  it('refuses a database a newer Valise wrote, at start and from the CLI, and writes nothing to it', async () => {
    const url = await valiseDatabase();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query('UPDATE schema_version SET version = 999');
      const state = async () => ({
        version: (await client.query('SELECT version FROM schema_version')).rows,
        networks: (await client.query('SELECT * FROM networks')).rows,
        invitations: (await client.query('SELECT COUNT(*) AS n FROM invitations')).rows,
      });
      const before = await state();
      const newer = new RegExp(
        `the PostgreSQL database of DATABASE_URL was written by a newer Valise \\(schema 999, this release knows ${POSTGRES_MIGRATIONS.length}\\)\\. Nothing was changed\\.`,
      );
      expectPlainRefusal(await refusedStart(dir, { PORT: '0', DATABASE_URL: url }), newer);
      const { code, lines } = await command(url, 'networks', 'create', 'Autre');
      expect(code).toBe(1);
      expect(lines).toEqual([expect.stringMatching(newer)]);
      expect(await state()).toEqual(before);
    } finally {
      await client.end();
    }
  }, 120_000);
});

// The address README gives for a VPS (peer authentication over the local socket): no host
// before its path, the socket's folder and port in the query. Said as a TCP address would be.
it('names the user, database and socket of a local-socket DATABASE_URL, and a socket with no server behind it', () => {
  const url = 'postgres://valise@/valise?host=/run/postgresql&port=5433';
  const missing = Object.assign(new Error('database "valise" does not exist'), { code: '3D000' });
  expect(postgresRefusal(url, missing)?.message).toBe(
    'there is no database "valise" on the PostgreSQL server at /run/postgresql:5433. Create it for its user ' +
      '(as the postgres user: createdb -O "valise" "valise"), or correct its name at the end of DATABASE_URL.',
  );
  const noSocket = Object.assign(new Error('connect ENOENT /run/postgresql/.s.PGSQL.5433'), {
    code: 'ENOENT',
    syscall: 'connect',
  });
  expect(postgresRefusal(url, noSocket)?.message).toMatch(/^no PostgreSQL server answers at \/run\/postgresql:5433/);
});
