// `valise backup --verify FILE`: opens a copy of a backup and checks it can be restored —
// SQLite: integrity_check and the tables; PostgreSQL dump: its table of contents and every
// table's rows read back. Prints what it holds, so the admin sees it is the network's data.
import { execFile } from 'node:child_process';
import { closeSync, copyFileSync, mkdtempSync, openSync, readdirSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { StartRefused } from '../start-refused';
import { POSTGRES_MIGRATIONS } from '../store/postgres-schema';
import { SqliteStore } from '../store/sqlite';
import { SQLITE_MIGRATIONS } from '../store/sqlite-schema';
import { userName } from './data-lock';
import { parseBackupName } from './retention';

const run = promisify(execFile);

/** What every backup must hold; newer tables (server_meta…) are added by the migrations on restore. */
const CORE_TABLES = ['networks', 'devices', 'invitations', 'records', 'mutations', 'attachments'] as const;

interface Verification {
  kind: 'sqlite' | 'dump';
  problems: string[];
  counts: Record<string, number>;
  epoch: string | null;
}

function backupKind(file: string): 'sqlite' | 'dump' | null {
  const head = Buffer.alloc(16);
  try {
    const fd = openSync(file, 'r');
    try {
      readSync(fd, head, 0, 16, 0);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw unreadable(file, error);
  }
  if (head.toString('latin1') === 'SQLite format 3\0') return 'sqlite';
  if (head.subarray(0, 5).toString('latin1') === 'PGDMP') return 'dump';
  return null;
}

/**
 * A backup the command cannot open, said as what to do. After a dead disk the admin brings a
 * backup back as root, often into /root, while `valise` reads it as the server's user; or gives
 * the backups' folder itself. Each was a stack trace.
 */
function unreadable(file: string, error: unknown): StartRefused {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return new StartRefused(`No such file: ${file}.`);
  if (code === 'EISDIR') {
    const newest = readdirSync(file)
      .filter((name) => parseBackupName(name))
      .sort()
      .at(-1);
    return new StartRefused(
      `${file} is a folder: give one backup in it${newest ? `, such as the newest, ${join(file, newest)}` : ''}.`,
    );
  }
  if (code === 'EACCES' || code === 'EPERM')
    return new StartRefused(
      `This user (${userName()}) may not read ${file}. Copy it into a folder this user may read and give it to ` +
        'this user (on a server set up by `valise deploy`: into /var/backups/valise, then chown valise: FILE), ' +
        'and run the command again with that path.',
    );
  return new StartRefused(`Cannot read ${file}: ${(error as Error).message}.`);
}

export async function verifyBackup(file: string): Promise<Verification> {
  const kind = backupKind(file);
  if (kind === 'sqlite') return verifySqlite(file);
  if (kind === 'dump') return verifyDump(file);
  return {
    kind: 'sqlite',
    problems: ['not a Valise backup: neither an SQLite file nor a pg_dump archive'],
    counts: {},
    epoch: null,
  };
}

async function verifySqlite(file: string): Promise<Verification> {
  // A copy: opening a database may write beside it (journal files), and the backup stays untouched.
  const dir = mkdtempSync(join(tmpdir(), 'valise-verify-'));
  const copy = join(dir, 'copy.sqlite');
  const problems: string[] = [];
  const counts: Record<string, number> = {};
  let epoch: string | null = null;
  try {
    copyFileSync(file, copy);
    const db = new Database(copy, { fileMustExist: true });
    try {
      const check = db.pragma('integrity_check') as { integrity_check: string }[];
      const verdicts = check.map((row) => row.integrity_check);
      if (verdicts.join() !== 'ok') problems.push(`integrity_check: ${verdicts.slice(0, 5).join('; ')}`);
      const tables = new Set(
        (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
          (row) => row.name,
        ),
      );
      for (const table of CORE_TABLES) {
        if (!tables.has(table)) problems.push(`table ${table} is missing`);
        else counts[table] = (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
      }
      if (tables.has('server_meta'))
        epoch =
          (db.prepare("SELECT value FROM server_meta WHERE key = 'epoch'").get() as { value: string } | undefined)
            ?.value ?? null;
    } finally {
      db.close();
    }
    if (problems.length === 0) problems.push(...(await schemaProblems(copy)));
  } catch (error) {
    problems.push(`cannot be opened: ${(error as Error).message}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { kind: 'sqlite', problems, counts, epoch };
}

/**
 * What would keep this server from running on the file once restored: a schema from a newer
 * release, a migration that fails on it, a column or index the server's queries need missing,
 * or a trigger or view (Valise creates none; one in a file from elsewhere would run on every
 * write the server makes). Checked on the copy, migrated as the restore will migrate it: a file
 * that passed the integrity check but not this would be restored into a server answering
 * every push and pull with an error.
 */
async function schemaProblems(copy: string): Promise<string[]> {
  const problems: string[] = [];
  const store = new SqliteStore(copy);
  const expected = new SqliteStore(':memory:');
  try {
    const version = store.db.pragma('user_version', { simple: true }) as number;
    if (version > SQLITE_MIGRATIONS.length) return [newerSchema(version, SQLITE_MIGRATIONS.length)];
    try {
      await store.migrate();
    } catch (error) {
      return [`this server's migrations fail on it: ${(error as Error).message}`];
    }
    await expected.migrate();
    const wanted = schemaOf(expected.db);
    const found = schemaOf(store.db);
    for (const [name, columns] of wanted.tables) {
      const present = found.tables.get(name);
      const missing = [...columns].filter((column) => !present?.has(column));
      if (present && missing.length > 0) problems.push(`table ${name} lacks ${missing.join(', ')}`);
    }
    const missingIndexes = [...wanted.indexes].filter((index) => !found.indexes.has(index));
    if (missingIndexes.length > 0) problems.push(`indexes missing: ${missingIndexes.join(', ')}`);
    if (found.code.length > 0) problems.push(`holds code Valise never writes: ${found.code.join(', ')}`);
  } finally {
    await store.close();
    await expected.close();
  }
  return problems;
}

/** A backup this server would run on without knowing its schema: its migrations stop short of it. */
function newerSchema(version: number, known: number): string {
  return `made by a newer Valise (schema ${version}, this server knows ${known}): update this server first`;
}

/** A database's tables with their columns (primary keys marked), its indexes, and its triggers and views. */
function schemaOf(db: Database.Database) {
  const entries = db.prepare('SELECT type, name FROM sqlite_master').all() as { type: string; name: string }[];
  const tables = new Map<string, Set<string>>();
  for (const { name } of entries.filter((entry) => entry.type === 'table' && !entry.name.startsWith('sqlite_'))) {
    const columns = db.prepare('SELECT name, pk FROM pragma_table_info(?)').all(name) as { name: string; pk: number }[];
    tables.set(name, new Set(columns.map((column) => (column.pk > 0 ? `${column.name} (primary key)` : column.name))));
  }
  return {
    tables,
    indexes: new Set(entries.filter((entry) => entry.type === 'index').map((entry) => entry.name)),
    code: entries
      .filter((entry) => entry.type === 'trigger' || entry.type === 'view')
      .map((entry) => `${entry.type} ${entry.name}`),
  };
}

async function verifyDump(file: string): Promise<Verification> {
  const problems: string[] = [];
  const counts: Record<string, number> = {};
  let epoch: string | null = null;
  try {
    const { stdout: list } = await run('pg_restore', ['--list', file], { maxBuffer: 64 * 1024 * 1024 });
    // A dump's schema version is its own table (SQLite keeps it in the file's header).
    for (const table of [...CORE_TABLES, 'schema_version', 'server_meta']) {
      const present = new RegExp(`TABLE DATA \\S+ ${table} `).test(list);
      if (!present) {
        if (table !== 'server_meta') problems.push(`table ${table} is missing`);
        continue;
      }
      // Reading every row back proves the compressed data is whole, not only the table of contents.
      const { stdout } = await run('pg_restore', ['--data-only', `--table=${table}`, '--file=-', file], {
        maxBuffer: 1024 * 1024 * 1024,
      });
      const rows = copyRows(stdout);
      if (rows === null) problems.push(`table ${table}: its data cannot be read back`);
      else if (table === 'server_meta') epoch = rows.find((row) => row.startsWith('epoch\t'))?.slice(6) ?? null;
      else if (table === 'schema_version') {
        // Checked before pg_restore: once it has run, the tables are the dump's.
        const version = Number(rows[0] ?? 0);
        if (version > POSTGRES_MIGRATIONS.length) problems.push(newerSchema(version, POSTGRES_MIGRATIONS.length));
      } else counts[table] = rows.length;
    }
  } catch (error) {
    problems.push(`pg_restore cannot read it: ${(error as Error).message.split('\n')[0]}`);
  }
  return { kind: 'dump', problems, counts, epoch };
}

/** The rows of a `COPY … FROM stdin;` block of a plain SQL dump, or null when it is not whole. */
function copyRows(sql: string): string[] | null {
  const lines = sql.split('\n');
  const start = lines.findIndex((line) => line.startsWith('COPY '));
  if (start === -1) return null;
  const end = lines.indexOf('\\.', start);
  return end === -1 ? null : lines.slice(start + 1, end);
}
