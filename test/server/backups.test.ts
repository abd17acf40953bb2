// Backups that run themselves: dated copies with retention, a check that a copy can be
// restored, a restore that keeps what it replaces and starts a new epoch, and a server that
// notices it went back in time when a device's cursor is ahead of it.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JoinResponse } from '../../src/protocol/wire';
import { createApp } from '../../src/server/app';
import { main } from '../../src/server/cli';
import { readConfig } from '../../src/server/config';
import { issueInvitation } from '../../src/server/invitations';
import { lockDataFolder } from '../../src/server/ops/data-lock';
import { readEpoch } from '../../src/server/ops/epoch';
import { backupName, expiredBackups, parseBackupName } from '../../src/server/ops/retention';
import { SqliteStore } from '../../src/server/store/sqlite';
import { PUSHER, visitCreation } from '../helpers/mutations';
import { privateTmpfsUnavailable } from '../helpers/private-tmpfs';

const noTmpfs = privateTmpfsUnavailable();

describe('backup retention', () => {
  const at = (iso: string) => ({ name: backupName(new Date(iso), 'sqlite'), at: new Date(iso) });

  it('names backups by their UTC time and reads the names back', () => {
    const file = at('2026-12-03T03:30:12.345Z');
    expect(file.name).toBe('valise-20261203-033012.sqlite');
    expect(parseBackupName(file.name)?.at.toISOString()).toBe('2026-12-03T03:30:12.000Z');
    expect(parseBackupName('valise.sqlite')).toBeNull();
  });

  it('keeps the newest of each of the last 7 days and of each of the last 4 weeks', () => {
    // 60 nightly backups, plus a second one on the last day.
    const files = Array.from({ length: 60 }, (_, day) =>
      at(new Date(Date.UTC(2026, 10, 1 + day, 3, 30)).toISOString()),
    );
    files.push(at('2026-12-30T15:00:00.000Z'));
    const deleted = new Set(expiredBackups(files, 7, 4));
    const kept = files.filter((file) => !deleted.has(file.name)).map((file) => file.at.toISOString().slice(0, 13));
    expect(kept.sort()).toEqual([
      '2026-12-13T03', // the Sunday closing ISO week 50
      '2026-12-20T03', // week 51
      '2026-12-24T03', // the last 7 days…
      '2026-12-25T03',
      '2026-12-26T03',
      '2026-12-27T03', // …this one also closes week 52
      '2026-12-28T03', // week 53 (2026 has 53)
      '2026-12-29T03',
      '2026-12-30T15', // the day's newest, not its 03:30 one
    ]);
  });

  it('never deletes the only backup', () => {
    expect(expiredBackups([at('2026-01-01T00:00:00.000Z')], 0, 0)).toEqual([]);
  });
});

describe('valise backup, verify and restore (SQLite)', () => {
  let dir: string;
  let out: string[];
  let err: string[];
  const cli = (...args: string[]) => {
    out = [];
    err = [];
    return main(args, readConfig({ VALISE_DATA: join(dir, 'data') }), {
      out: (line) => out.push(line),
      err: (line) => err.push(line),
    });
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'valise-backups-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function seed(visits: number) {
    const store = new SqliteStore(join(dir, 'data', 'valise.sqlite'));
    await store.migrate();
    const network = await store.createNetwork('Réseau');
    const { HybridClock } = await import('../../src/protocol/hlc');
    const clock = new HybridClock('0000000000000000');
    const now = Date.now();
    await store.push({
      context: { networkId: network.id, role: 'admin', clock, now, pusher: PUSHER },
      mutations: Array.from({ length: visits }, () => visitCreation(now)),
    });
    await store.close();
    return network;
  }

  it('writes a dated backup, records when, verifies it, and prints what it holds', async () => {
    await seed(3);
    expect(await cli('backup', '--dir', join(dir, 'backups'))).toBe(0);
    const [name] = readdirSync(join(dir, 'backups'));
    expect(name).toMatch(/^valise-\d{8}-\d{6}\.sqlite$/);
    expect(await cli('backup', '--verify', join(dir, 'backups', name as string))).toBe(0);
    expect(out).toContain('records      3');
    expect(out).toContain('networks     1');
    expect(out.at(-1)).toMatch(/a usable SQLite backup/);
    const store = new SqliteStore(join(dir, 'data', 'valise.sqlite'));
    expect((await store.readMeta()).lastBackupAt).toMatch(/^\d{4}-/);
    await store.close();
  });

  it('keeps the backups of a store of the other kind (a move from PostgreSQL to SQLite) out of its retention', async () => {
    await seed(1);
    mkdirSync(join(dir, 'backups'));
    // Taken earlier today by the PostgreSQL store this one replaced: a newer SQLite backup of the
    // same day made it no longer the day's newest, and it was deleted.
    const dump = backupName(new Date(Date.now() - 60_000), 'dump');
    writeFileSync(join(dir, 'backups', dump), 'PGDMP');
    expect(await cli('backup', '--dir', join(dir, 'backups'))).toBe(0);
    expect(readdirSync(join(dir, 'backups'))).toContain(dump);
    expect(out.join('\n')).not.toMatch(/Removed/);
  });

  it('removes what a backup killed midway left, and nothing of the other store kind', async () => {
    await seed(1);
    mkdirSync(join(dir, 'backups'));
    // A backup killed before it could tidy up (SIGKILL, a power cut) leaves its temporary file,
    // named by its second, which no later backup shares.
    const killed = `${backupName(new Date(Date.now() - 86_400_000), 'sqlite')}.partial`;
    const otherKind = `${backupName(new Date(Date.now() - 86_400_000), 'dump')}.partial`;
    writeFileSync(join(dir, 'backups', killed), 'half a store');
    writeFileSync(join(dir, 'backups', otherKind), 'PGDMP');
    expect(await cli('backup', '--dir', join(dir, 'backups'))).toBe(0);
    const names = readdirSync(join(dir, 'backups'));
    expect(names).not.toContain(killed);
    expect(names).toContain(otherKind);
    expect(names.filter((name) => name.endsWith('.sqlite'))).toHaveLength(1);
  });

  it('says a damaged or foreign file is not a usable backup', async () => {
    await seed(200);
    expect(await cli('backup', '--dir', join(dir, 'backups'))).toBe(0);
    const file = join(dir, 'backups', readdirSync(join(dir, 'backups'))[0] as string);
    truncateSync(file, 8192);
    expect(await cli('backup', '--verify', file)).toBe(1);
    expect(err.join('\n')).toMatch(/NOT a usable backup/);
    writeFileSync(join(dir, 'notes.txt'), 'bonjour');
    expect(await cli('backup', '--verify', join(dir, 'notes.txt'))).toBe(1);
    expect(err.join('\n')).toMatch(/not a Valise backup/);
  });

  it('says in words when the backup given is a folder or no file, and restores nothing', async () => {
    await seed(1);
    expect(await cli('backup', '--dir', join(dir, 'backups'))).toBe(0);
    const [newest] = readdirSync(join(dir, 'backups'));
    for (const command of ['restore', 'verify']) {
      const run = (file: string) => (command === 'restore' ? cli('restore', file) : cli('backup', '--verify', file));
      expect(await run(join(dir, 'backups')), command).toBe(1);
      expect(err.join('\n')).toBe(
        `${join(dir, 'backups')} is a folder: give one backup in it, such as the newest, ${join(dir, 'backups', newest as string)}.`,
      );
      expect(await run(join(dir, 'gone.sqlite')), command).toBe(1);
      expect(err.join('\n')).toBe(`No such file: ${join(dir, 'gone.sqlite')}.`);
    }
    expect(readdirSync(join(dir, 'data')).filter((name) => name.includes('before-restore'))).toEqual([]);
  });

  it('restores a backup with the server stopped: a new epoch, the replaced store kept aside', async () => {
    await seed(2);
    const before = new SqliteStore(join(dir, 'data', 'valise.sqlite'));
    const oldEpoch = (await readEpoch(before)).epoch;
    await before.close();
    expect(await cli('backup', '--dir', join(dir, 'backups'))).toBe(0);
    const file = join(dir, 'backups', readdirSync(join(dir, 'backups'))[0] as string);

    // Not while a server holds the data folder.
    const lock = lockDataFolder(join(dir, 'data'));
    expect(await cli('restore', file)).toBe(1);
    expect(err.join()).toMatch(/Another Valise server is already running/);
    // Stopping it is the way out; another data folder would restore nothing the server serves.
    expect(err.join()).toMatch(/Stop it first \(systemctl stop valise\), run the restore again/);
    expect(err.join()).not.toMatch(/VALISE_DATA/);
    lock.release();

    expect(await cli('restore', file)).toBe(0);
    expect(out.join('\n')).toMatch(/kept as .*valise\.sqlite\.before-restore-/);
    // In the words of the command typed: npm's here, `valise` on a VPS (restore-drill.test.ts).
    expect(out.slice(-2)).toEqual([
      expect.stringMatching(/^Start the server \(npm start\): each device sends back/),
      'See how many records came back with: npm run valise -- recovery',
    ]);
    const after = new SqliteStore(join(dir, 'data', 'valise.sqlite'));
    const epoch = await readEpoch(after);
    expect(epoch.epoch).not.toBe(oldEpoch);
    expect(epoch.reason).toBe(`restored from ${file}`);
    await after.close();
    expect(readdirSync(join(dir, 'data')).some((name) => name.includes('before-restore'))).toBe(true);
    expect(await cli('recovery')).toBe(0);
    expect(out.at(-1)).toBe('Records devices brought back to "Réseau" since then: 0.');
  });

  it("writes backups, and restores the store, readable by their owner only, whatever the shell's umask", async () => {
    // `valise backup` run by root through `runuser` gets the shell's umask, not the unit's 0077.
    const umask = process.umask(0o022);
    try {
      await seed(1);
      const modeOf = (file: string) => (statSync(file).mode & 0o777).toString(8);
      expect(await cli('backup', '--dir', join(dir, 'backups'))).toBe(0);
      const file = join(dir, 'backups', readdirSync(join(dir, 'backups'))[0] as string);
      expect(modeOf(file)).toBe('600');
      // A backup made before this, or copied back by hand, readable by all: the store it becomes is not.
      chmodSync(file, 0o644);
      expect(await cli('restore', file)).toBe(0);
      const store = join(dir, 'data', 'valise.sqlite');
      expect(modeOf(store)).toBe('600');
      const reopened = new SqliteStore(store);
      await reopened.readMeta();
      expect(modeOf(`${store}-wal`), 'its log, which holds the latest writes').toBe('600');
      await reopened.close();
    } finally {
      process.umask(umask);
    }
  });

  it('refuses to restore a damaged file and changes nothing', async () => {
    await seed(1);
    writeFileSync(join(dir, 'broken.sqlite'), 'SQLite format 3\0 but not really');
    expect(await cli('restore', join(dir, 'broken.sqlite'))).toBe(1);
    expect(err.join()).toMatch(/not a usable backup.*Nothing was changed/);
    expect(existsSync(join(dir, 'data', 'valise.sqlite'))).toBe(true);
    expect(readdirSync(join(dir, 'data')).some((name) => name.includes('before-restore'))).toBe(false);
  });

  it.skipIf(noTmpfs !== null)(
    `on a disk too full for the backup, leaves the store as it was and says so in one sentence${noTmpfs ? ` (skipped: ${noTmpfs})` : ''}`,
    async () => {
      await seed(400);
      expect(await cli('backup', '--dir', join(dir, 'backups'))).toBe(0);
      const backup = join(dir, 'backups', readdirSync(join(dir, 'backups'))[0] as string);
      const old = join(dir, 'old.sqlite');
      const store = new SqliteStore(old);
      await store.migrate();
      await store.createNetwork('Réseau d’avant');
      await store.close();
      // A disk of its own, seen by the restore only: the store, and half the backup's room.
      const small = join(dir, 'small');
      mkdirSync(small);
      const size = statSync(old).size + Math.ceil(statSync(backup).size / 2 / 4096) * 4096;
      const cliRun = 'node --import tsx src/server/cli.ts';
      const run = spawnSync(
        'unshare',
        [
          '-rm',
          'sh',
          '-c',
          `mount -t tmpfs -o size=${size} tmpfs "$VALISE_DATA" && cp "$OLD" "$VALISE_DATA/valise.sqlite" &&
           ${cliRun} restore "$BACKUP"; echo "restore: $?"; ${cliRun} networks; echo "networks: $?"; ls "$VALISE_DATA"`,
        ],
        {
          cwd: join(import.meta.dirname, '../..'),
          env: { ...process.env, VALISE_DATA: small, OLD: old, BACKUP: backup },
          encoding: 'utf8',
          timeout: 120_000,
        },
      );
      const output = `${run.stdout}${run.stderr}`;
      expect(output).toMatch(
        new RegExp(`The disk of ${small} is full: the backup did not fit beside the store\\. Nothing was changed\\.`),
      );
      // The store answers as before, and nothing of the backup is left on the disk.
      expect(run.stdout).toMatch(
        /^restore: 1\n[0-9a-f-]+ {2}\d{4}-\d\d-\d\d {2}Réseau d’avant\nnetworks: 0\nvalise\.lock\nvalise\.sqlite\n$/,
      );
      expect(output, 'no stack trace').not.toMatch(/\n\s+at /);
    },
    180_000,
  );

  it('refuses a whole file this server could not run on — newer, missing a column, or holding a trigger — and changes nothing', async () => {
    await seed(1);
    expect(await cli('backup', '--dir', join(dir, 'backups'))).toBe(0);
    const backup = join(dir, 'backups', readdirSync(join(dir, 'backups'))[0] as string);
    const tampered = (name: string, change: string) => {
      const file = join(dir, `${name}.sqlite`);
      copyFileSync(backup, file);
      const db = new Database(file);
      db.exec(change);
      db.close();
      return file;
    };
    const cases = [
      [tampered('newer', 'PRAGMA user_version = 999'), /made by a newer Valise \(schema 999/],
      [tampered('no-clocks', 'ALTER TABLE records DROP COLUMN clocks'), /table records lacks clocks/],
      [
        tampered('trigger', 'CREATE TRIGGER wipe AFTER INSERT ON records BEGIN DELETE FROM devices; END'),
        /holds code Valise never writes: trigger wipe/,
      ],
    ] as const;
    for (const [file, problem] of cases) {
      expect(await cli('backup', '--verify', file), file).toBe(1);
      expect(err.join('\n')).toMatch(problem);
      expect(await cli('restore', file), file).toBe(1);
      expect(err.join()).toMatch(/not a usable backup.*Nothing was changed/);
    }
    expect(readdirSync(join(dir, 'data')).some((name) => name.includes('before-restore'))).toBe(false);
    // The backup as written is still one.
    expect(await cli('backup', '--verify', backup)).toBe(0);
  });
});

describe('a store that went back in time', () => {
  async function world() {
    const dir = mkdtempSync(join(tmpdir(), 'valise-epoch-'));
    const store = new SqliteStore(join(dir, 'valise.sqlite'));
    await store.migrate();
    const network = await store.createNetwork('Réseau');
    let now = Date.now();
    const warnings: unknown[] = [];
    const log = (entry: Record<string, unknown>) => {
      if (entry.level === 'warn') warnings.push(entry.message);
    };
    const app = createApp({ store, config: readConfig({ VALISE_DATA: dir }), log, now: () => now });
    const call = (path: string, init?: RequestInit) => app.fetch(new Request(`http://valise.test${path}`, init));
    const join_ = async (role: 'admin' | 'concierge', name: string, networkId = network.id) => {
      const { code } = await issueInvitation(store, networkId, role, 24, now);
      const joined = (await (
        await call('/api/join', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ code, deviceName: name, memberName: name, clockNode: 'aaaaaaaaaaaaaaaa' }),
        })
      ).json()) as JoinResponse;
      return { headers: { Authorization: `Bearer ${joined.token}` } };
    };
    const pull = async (auth: RequestInit, query: string) =>
      (await (await call(`/api/sync/pull?${query}`, auth)).json()) as { epoch: string };
    return {
      store,
      warnings,
      networkId: network.id,
      join: join_,
      pull,
      pass: (ms: number) => {
        now += ms;
      },
      close: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }

  it('starts a new epoch when two devices pull with a cursor past the newest record', async () => {
    const w = await world();
    try {
      const first = await w.join('concierge', 'Premier');
      const second = await w.join('concierge', 'Second');
      const before = await w.pull(first, 'since=0');
      // The devices had seen seq 40; this store never got that far. One device's word is not enough.
      expect((await w.pull(first, `since=40&epoch=${before.epoch}`)).epoch).toBe(before.epoch);
      const ahead = await w.pull(second, `since=40&epoch=${before.epoch}`);
      expect(ahead.epoch).not.toBe(before.epoch);
      expect((await readEpoch(w.store, w.networkId)).reason).toMatch(/cursor \(40\) was past the newest record \(0\)/);
      // A device still on the old epoch is told the new one, without yet another epoch.
      expect((await w.pull(first, `since=41&epoch=${before.epoch}`)).epoch).toBe(ahead.epoch);
    } finally {
      await w.close();
    }
  });

  it('believes an admin device alone', async () => {
    const w = await world();
    try {
      const admin = await w.join('admin', 'Admin');
      const before = await w.pull(admin, 'since=0');
      expect((await w.pull(admin, 'since=40')).epoch).not.toBe(before.epoch);
    } finally {
      await w.close();
    }
  });

  it('starts a new epoch for the claiming network only: its admin never makes another network’s devices resend', async () => {
    const w = await world();
    try {
      const other = await w.store.createNetwork('Un autre réseau du même serveur');
      const hostile = await w.join('admin', 'Admin d’un autre réseau', other.id);
      const concierge = await w.join('concierge', 'Camille');
      const { epoch } = await w.pull(concierge, 'since=0');
      const renewed = (await w.pull(hostile, `since=40&epoch=${epoch}`)).epoch;
      expect(renewed).not.toBe(epoch);
      expect((await w.pull(concierge, `since=0&epoch=${epoch}`)).epoch).toBe(epoch);
      expect((await readEpoch(w.store, other.id)).reason).toMatch(/cursor \(40\) was past/);
      // A network alone on a server of several (the other one idle) still starts its own.
      const admin = await w.join('admin', 'Admin');
      expect((await w.pull(admin, `since=40&epoch=${epoch}`)).epoch).not.toBe(epoch);
      expect((await w.pull(hostile, `since=0&epoch=${renewed}`)).epoch).toBe(renewed);
    } finally {
      await w.close();
    }
  });

  it('logs a device’s unbelieved claim once an hour, not once a pull', async () => {
    // A member pulling with a cursor past the newest record, again and again, filled the log.
    const w = await world();
    try {
      const hostile = await w.join('concierge', 'Hostile');
      const { epoch } = await w.pull(hostile, 'since=0');
      for (let pull = 0; pull < 50; pull++) await w.pull(hostile, `since=40&epoch=${epoch}`);
      expect(w.warnings).toEqual([
        'a device is ahead of this store: waiting for an admin or a second device to say so',
      ]);
      w.pass(61 * 60_000);
      await w.pull(hostile, `since=40&epoch=${epoch}`);
      expect(w.warnings).toHaveLength(2);
      // A new epoch is always logged.
      await w.pull(await w.join('admin', 'Admin'), `since=40&epoch=${epoch}`);
      expect(w.warnings.at(-1)).toBe('devices are ahead of this store: starting a new epoch for their network');
    } finally {
      await w.close();
    }
  });

  it('never lets one device make every device of the server resend all it holds, whatever it repeats', async () => {
    const w = await world();
    try {
      const hostile = await w.join('concierge', 'Hostile');
      const { epoch } = await w.pull(hostile, 'since=0');
      for (const since of [1, 40, 1000, 2 ** 40]) expect((await w.pull(hostile, `since=${since}`)).epoch).toBe(epoch);
      // Even with an admin's help, a new epoch by claims comes at most once an hour.
      const admin = await w.join('admin', 'Admin');
      const renewed = (await w.pull(admin, 'since=40')).epoch;
      expect(renewed).not.toBe(epoch);
      w.pass(30 * 60_000);
      expect((await w.pull(admin, 'since=40')).epoch).toBe(renewed);
      w.pass(31 * 60_000);
      expect((await w.pull(admin, 'since=40')).epoch).not.toBe(renewed);
    } finally {
      await w.close();
    }
  });
});
