// The administration commands, on a real SQLite store; the backup is taken while writes go on.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../src/domain/ids';
import { HybridClock } from '../../src/protocol/hlc';
import { hashCode } from '../../src/server/auth';
import { main, runCli } from '../../src/server/cli';
import { invokedAs } from '../../src/server/cli-args';
import { readConfig } from '../../src/server/config';
import { SERVER_CLOCK_NODE } from '../../src/server/push/plan';
import { SqliteStore } from '../../src/server/store/sqlite';
import { damagedPages, newerRelease, notADatabase } from '../helpers/damaged-sqlite';
import { PUSHER, visitCreation } from '../helpers/mutations';

let dir: string;
let store: SqliteStore;
let out: string[];
let err: string[];

async function cli(...args: string[]) {
  out = [];
  err = [];
  const config = readConfig({ VALISE_DATA: dir });
  return runCli(args, store, config, { out: (line) => out.push(line), err: (line) => err.push(line) });
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'valise-cli-'));
  store = new SqliteStore(join(dir, 'valise.sqlite'));
  await store.migrate();
});

afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('valise CLI', () => {
  it('creates and lists networks, and asks which one when there are several', async () => {
    // Said with where it looked: run from another folder than the server's, it opened ./data there.
    expect(await cli('invite')).toBe(1);
    expect(err.join()).toContain(`No network in the store at ${dir} (VALISE_DATA)`);
    expect(err.join()).toContain('run `valise <command>` as root');
    expect(await cli('networks', 'create', 'Réseau', 'du', 'Pays')).toBe(0);
    const id = out[0]?.split(' ')[0] as string;
    expect(await cli('networks')).toBe(0);
    expect(out).toEqual([expect.stringMatching(new RegExp(`^${id} .* Réseau du Pays$`))]);
    await store.createNetwork('Autre');
    expect(await cli('devices')).toBe(1);
    expect(err.join()).toMatch(/--network ID/);
    expect(await cli('devices', '--network', id)).toBe(0);
    // Nobody joined yet: said in words, not an empty output that looks like a command that failed.
    expect(out).toEqual(['No device has joined "Réseau du Pays" yet: invite one with npm run valise -- invite.']);
  });

  it('corrects a network’s name mistyped at setup, and only that network’s', async () => {
    const network = await store.createNetwork('Réseau des tiers-lieux du Pays de Redn');
    expect(await cli('networks', 'rename', 'Réseau des tiers-lieux', 'du Pays de Redon')).toBe(0);
    expect(out.join()).toContain('"Réseau des tiers-lieux du Pays de Redon"');
    expect((await store.getNetwork(network.id))?.name).toBe('Réseau des tiers-lieux du Pays de Redon');
    // A name is a name: no empty one, no line break or terminal escape into every device's screen.
    expect(await cli('networks', 'rename', '  ')).toBe(1);
    expect(err.join()).toContain('networks rename "<name>"');
    expect(await cli('networks', 'rename', 'Réseau\u001b[31m rouge')).toBe(0);
    expect((await store.getNetwork(network.id))?.name).toBe('Réseau[31m rouge');
    // With several networks, it asks which one.
    const other = await store.createNetwork('Autre');
    expect(await cli('networks', 'rename', 'Nouveau')).toBe(1);
    expect(err.join()).toMatch(/--network ID/);
    expect(await cli('networks', 'rename', '--network', other.id, 'Réseau', 'voisin')).toBe(0);
    expect((await store.getNetwork(other.id))?.name).toBe('Réseau voisin');
    expect((await store.getNetwork(network.id))?.name).toBe('Réseau[31m rouge');
  });

  it('creates a network under a name cleaned as a rename cleans it', async () => {
    // Every device of the network shows it: no bidi override drawing it backwards, no terminal escape.
    expect(await cli('networks', 'create', '\u202eRéseau\u001b[31m', 'du Pays')).toBe(0);
    expect((await store.listNetworks())[0]?.name).toBe('Réseau[31m du Pays');
    expect(await cli('networks', 'create', 'R'.repeat(121))).toBe(1);
    expect(err.join()).toContain('networks create "<name>"');
    expect(await store.listNetworks()).toHaveLength(1);
  });

  it('prints a working single-use invitation and refuses a wrong role', async () => {
    const network = await store.createNetwork('Réseau');
    expect(await cli('invite', '--role', 'root')).toBe(1);
    expect(await cli('invite', '--role', 'admin', '--hours', '2')).toBe(0);
    const code = out.join('\n').match(/code: (\S+)/)?.[1] as string;
    expect(out.join('\n')).toContain(`#/rejoindre?code=${code}`);
    // Built from this shell's PORT, which may not be the server's: said, with how to set it.
    expect(out.join('\n')).toContain('assumes the server answers at http://localhost:8080: if not, run this with');
    const invitation = await store.findInvitation(hashCode(code));
    expect(invitation).toMatchObject({ networkId: network.id, role: 'admin', usedAt: null });
  });

  it('lists the invitations not used yet and cancels one, not one of another network', async () => {
    const network = await store.createNetwork('Réseau');
    const other = await store.createNetwork('Autre');
    expect(await cli('invitations', '--network', network.id)).toBe(0);
    expect(out).toEqual(['No invitation to "Réseau" is waiting to be used.']);
    expect(await cli('invite', '--role', 'admin', '--network', network.id)).toBe(0);
    const code = out.join('\n').match(/code: (\S+)/)?.[1] as string;
    const id = out.join('\n').match(/id: +(\S+)/)?.[1] as string;
    expect(await cli('invite', '--network', other.id)).toBe(0);
    const othersId = out.join('\n').match(/id: +(\S+)/)?.[1] as string;
    expect(await cli('invitations', '--network', network.id)).toBe(0);
    expect(out).toEqual([
      expect.stringMatching(new RegExp(`^${id} +admin +until \\S+ \\S+ UTC +made \\S+ \\S+ UTC from the shell$`)),
    ]);
    // Another network's invitation is not this network's to cancel.
    expect(await cli('invitations', 'cancel', othersId, '--network', network.id)).toBe(1);
    expect(err.join()).toContain(`No invitation ${othersId} of "Réseau"`);
    expect(await cli('invitations', 'cancle', id, '--network', network.id)).toBe(1);
    expect(err.join()).toContain('Unknown: invitations cancle');
    expect(await cli('invitations', 'cancel', 'nonsense', '--network', network.id)).toBe(1);
    expect(err.join()).toContain('Give the id of the invitation to cancel');
    expect(await cli('invitations', 'cancel', id, '--network', network.id)).toBe(0);
    // Its code is over: joining with it is refused as with any invitation past its date.
    const ended = await store.findInvitation(hashCode(code));
    expect(Date.parse(ended?.expiresAt as string)).toBeLessThanOrEqual(Date.now());
    expect(await cli('invitations', '--network', network.id)).toBe(0);
    expect(out).toEqual(['No invitation to "Réseau" is waiting to be used.']);
    expect(await cli('invitations', '--network', other.id)).toBe(0);
    expect(out).toEqual([expect.stringContaining(othersId)]);
  });

  it('lists devices and revokes one of them, not one of another network', async () => {
    const network = await store.createNetwork('Réseau');
    const other = await store.createNetwork('Autre');
    const device = {
      id: '01a2249d-1778-7775-a433-d6a687fef917',
      networkId: network.id,
      name: 'Tablette',
      memberId: newId(),
      memberName: 'Sam',
      role: 'concierge' as const,
      clockNode: '0123456789abcdef',
      createdAt: new Date().toISOString(),
      lastSeenAt: null,
      revokedAt: null,
    };
    await store.createInvitation({
      id: newId(),
      codeHash: 'f'.repeat(64),
      createdAt: null,
      createdBy: null,
      forMember: null,
      networkId: network.id,
      role: 'concierge',
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      usedAt: null,
      attempts: 0,
    });
    await store.redeemInvitation('f'.repeat(64), device, 'a'.repeat(64));
    expect(await cli('devices', '--network', network.id)).toBe(0);
    expect(out).toEqual([expect.stringMatching(/01a2249d-.*concierge.*active.*never seen.*Sam — Tablette/)]);
    expect(await cli('revoke', device.id, '--network', other.id)).toBe(1);
    expect(await cli('revoke', device.id, '--network', network.id)).toBe(0);
    expect((await store.findDeviceByTokenHash('a'.repeat(64)))?.revokedAt).not.toBeNull();
  });

  it('backs up a consistent copy while pushes go on', async () => {
    const network = await store.createNetwork('Réseau');
    const now = Date.now();
    const push = (size: number) =>
      store.push({
        context: {
          networkId: network.id,
          role: 'concierge',
          clock: new HybridClock(SERVER_CLOCK_NODE),
          now,
          pusher: PUSHER,
        },
        mutations: Array.from({ length: size }, () => visitCreation(now)),
      });
    await push(500);
    const file = join(dir, 'backup.sqlite');
    const backup = cli('backup', file);
    const during = push(500);
    expect(await backup).toBe(0);
    await during;
    const copy = new SqliteStore(file);
    await copy.migrate();
    expect(copy.db.pragma('integrity_check', { simple: true })).toBe('ok');
    const records = await copy.snapshot(network.id);
    // Whole pushes only: the copy holds the first push, or both.
    expect([500, 1000]).toContain(records.length);
    await copy.close();
  });

  it('names an unknown command without creating a store, and prints the usage asked for on stdout', async () => {
    const data = join(dir, 'elsewhere');
    const lines = { out: [] as string[], err: [] as string[] };
    const io = { out: (line: string) => lines.out.push(line), err: (line: string) => lines.err.push(line) };
    expect(await main(['devcies'], readConfig({ VALISE_DATA: data }), io)).toBe(2);
    expect(lines.err.join('\n')).toMatch(/^Unknown command: devcies\.\n\nUsage: npm run valise/);
    expect(existsSync(data)).toBe(false);
    expect(await main(['--help'], readConfig({ VALISE_DATA: data }), io)).toBe(0);
    expect(lines.out.join('\n')).toMatch(/^Usage: npm run valise/);
  });

  it('on a folder with no store, says so and creates nothing there, whatever the command', async () => {
    // On a VPS, `npm run valise -- devices` as root in the app's folder left an empty store in ./data.
    const data = join(dir, 'elsewhere');
    for (const argv of [['devices'], ['invite'], ['networks'], ['recovery'], ['backup', '--dir', join(dir, 'b')]]) {
      const lines: string[] = [];
      const io = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) };
      expect(await main(argv, readConfig({ VALISE_DATA: data }), io), argv[0]).toBe(1);
      expect(lines).toEqual([expect.stringMatching(`^No network in the store at ${data} \\(VALISE_DATA\\)\\.`)]);
    }
    expect(existsSync(data)).toBe(false);
    expect(existsSync(join(dir, 'b'))).toBe(false);
  });

  it('says its usage and next steps in the command the admin typed', async () => {
    // `valise help` on a VPS said « Usage: npm run valise -- », the command the deploy steps forbid there.
    const lines: string[] = [];
    const io = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line), command: 'valise' };
    expect(await main(['help'], readConfig({ VALISE_DATA: dir }), io)).toBe(0);
    expect(await runCli(['invite'], store, readConfig({ VALISE_DATA: dir }), io)).toBe(1);
    await store.createNetwork('Réseau');
    expect(await runCli(['devices'], store, readConfig({ VALISE_DATA: dir }), io)).toBe(0);
    expect(lines).toEqual([
      expect.stringMatching(/^Usage: valise <command>\n/),
      // Not « run `valise <command>` as root » to an admin who typed `valise`.
      `No network in the store at ${dir} (VALISE_DATA). If the server keeps its data elsewhere, give the same VALISE_DATA or DATABASE_URL as the server. To start a network in this store: valise networks create "<name>".`,
      'No device has joined "Réseau" yet: invite one with valise invite.',
    ]);
    expect(invokedAs({ npm_lifecycle_event: 'valise' })).toBe('npm run valise --');
    expect(invokedAs({})).toBe('valise');
  });

  it.each([
    ['a file that is not a database', notADatabase],
    ['a database whose pages a failing disk overwrote', damagedPages],
  ])('on %s, names the file, the restore and .recover in one sentence, and leaves it as it was', async (_, damage) => {
    const data = mkdtempSync(join(tmpdir(), 'valise-cli-damaged-'));
    try {
      const file = join(data, 'valise.sqlite');
      await damage(file);
      const before = readFileSync(file);
      const lines: string[] = [];
      const io = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) };
      expect(await main(['devices'], readConfig({ VALISE_DATA: data }), io)).toBe(1);
      expect(lines).toEqual([
        expect.stringMatching(
          new RegExp(
            `^Valise cannot run devices: the database ${file} is damaged .*valise restore FILE on a server set up by \`valise deploy\`, else npm run valise -- restore FILE.*sqlite3 ${file} "\\.recover"`,
          ),
        ),
      ]);
      expect(readFileSync(file).equals(before)).toBe(true);
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  });

  it('refuses a database a newer Valise wrote, in one sentence, and changes nothing', async () => {
    const data = mkdtempSync(join(tmpdir(), 'valise-cli-newer-'));
    try {
      const file = join(data, 'valise.sqlite');
      await newerRelease(file);
      const before = readFileSync(file);
      const lines: string[] = [];
      const io = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) };
      expect(await main(['networks', 'create', 'Autre'], readConfig({ VALISE_DATA: data }), io)).toBe(1);
      expect(lines).toEqual([
        expect.stringMatching(
          new RegExp(`^Valise cannot run networks: the database ${file} was written by a newer Valise \\(schema 999,`),
        ),
      ]);
      expect(readFileSync(file).equals(before)).toBe(true);
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  });
});
