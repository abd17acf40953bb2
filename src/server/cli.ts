// `npm run valise -- <command>`: a network's administration from the server's shell, on the
// same store as the running server (VALISE_DATA or DATABASE_URL).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as v from 'valibot';
import { isId } from '../domain/ids';
import { ROLES, type Role } from '../domain/vocabulary';
import { networkNameSchema } from '../protocol/wire';
import { CliError, type CliIo, commandOf, invokedAs, option } from './cli-args';
import { cancelInvitation, listInvitations } from './cli-invitations';
import { readConfig, type ServerConfig } from './config';
import { runDeploy } from './deploy/command';
import { invitationLink, issueInvitation } from './invitations';
import { takeBackup } from './ops/backup';
import { readEpoch } from './ops/epoch';
import { RestoreRefused, restoreBackup } from './ops/restore';
import { verifyBackup } from './ops/verify';
import { StartRefused } from './start-refused';
import { openStore, refusalOfUnusableStore, SQLITE_FILE } from './store/open';
import { SqliteStore } from './store/sqlite';
import type { Network, Store } from './store/store';

/** The commands, after « Usage: <how the admin runs them> <command> ». */
const COMMANDS = `  networks                         list the networks on this server
  networks create <name>           create a network
  networks rename <name> [--network ID]
                                   correct a network's name; its devices show it
                                   from their next sync
  invite [--role admin|concierge] [--hours N] [--network ID]
                                   print a single-use invitation code and link
  invitations [--network ID]       list the invitations not used yet
  invitations cancel <id> [--network ID]
                                   cancel one: its code no longer lets anyone join
  devices [--network ID]           list a network's devices
  revoke <device id> [--network ID]
                                   remove a device; it is refused on its next request
  backup --dir DIR [--keep-daily 7] [--keep-weekly 4]
                                   a dated backup in DIR while the server runs (SQLite copy,
                                   or pg_dump with DATABASE_URL), older ones pruned
  backup --verify FILE             check that a backup can be restored; print what it holds
  backup <file>                    consistent copy of the SQLite database, while it runs
  restore FILE                     with the server stopped: make FILE the store, new epoch
                                   (PostgreSQL: servers may run on, their pushes and pulls wait)
  recovery [--network ID]          since the last restore: records devices brought back
  deploy --domain D [--email E] [--data DIR] [--user valise] [--backup-dir DIR]
         [--app DIR] [--node PATH] [--port N] [--out DIR] [--repo URL]
                                   write a Caddyfile, systemd units and the valise command
                                   for a VPS, print the steps (--repo: what the VPS clones,
                                   by default this checkout's origin)

--network may be left out when the server holds a single network.`;

async function pickNetwork(store: Store, config: ServerConfig, id: string | undefined, cli: string): Promise<Network> {
  if (id) {
    const network = await store.getNetwork(id);
    if (!network) throw new CliError(`No network with id ${id} (see: ${cli} networks).`);
    return network;
  }
  const networks = await store.listNetworks();
  if (networks.length === 1) return networks[0] as Network;
  if (networks.length > 1)
    throw new CliError(`This server holds several networks: say which with --network ID (see: ${cli} networks).`);
  throw new CliError(noNetworkHere(config, cli));
}

/** Most often the store of another folder than the server's: ./data where the command ran. */
function noNetworkHere(config: ServerConfig, cli: string): string {
  const where = config.databaseUrl ? 'the PostgreSQL database of DATABASE_URL' : `${config.dataDir} (VALISE_DATA)`;
  // Typed as `valise`, the command already is the VPS's: no advice to type it.
  const onVps = cli === 'valise' ? '' : ' (on a server set up by `valise deploy`, run `valise <command>` as root)';
  return (
    `No network in the store at ${where}. If the server keeps its data elsewhere, give the same ` +
    `VALISE_DATA or DATABASE_URL as the server${onVps}. ` +
    `To start a network in this store: ${cli} networks create "<name>".`
  );
}

/** Runs one command; returns the process exit code. */
export async function runCli(argv: readonly string[], store: Store, config: ServerConfig, io: CliIo): Promise<number> {
  const args = [...argv];
  const command = args.shift();
  const cli = commandOf(io);
  try {
    switch (command) {
      case 'networks': {
        if (args[0] === 'create') {
          const name = v.safeParse(networkNameSchema, args.slice(1).join(' '));
          if (!name.success)
            throw new CliError('Give the network a name (1 to 120 characters): networks create "<name>".');
          const network = await store.createNetwork(name.output);
          io.out(`${network.id}  ${network.name}`);
          return 0;
        }
        if (args[0] === 'rename') {
          const network = await pickNetwork(store, config, option(args, 'network'), cli);
          const name = v.safeParse(networkNameSchema, args.slice(1).join(' '));
          if (!name.success)
            throw new CliError('Give the network its new name (1 to 120 characters): networks rename "<name>".');
          await store.renameNetwork(network.id, name.output);
          io.out(`"${network.name}" is now "${name.output}": its devices show the new name from their next sync.`);
          return 0;
        }
        for (const network of await store.listNetworks())
          io.out(`${network.id}  ${network.createdAt.slice(0, 10)}  ${network.name}`);
        return 0;
      }
      case 'invite': {
        const role = (option(args, 'role') ?? 'concierge') as Role;
        if (!ROLES.includes(role)) throw new CliError(`--role must be one of: ${ROLES.join(', ')}.`);
        const hours = Number(option(args, 'hours') ?? 72);
        if (!Number.isInteger(hours) || hours < 1 || hours > 24 * 90)
          throw new CliError('--hours must be a whole number from 1 to 2160.');
        const network = await pickNetwork(store, config, option(args, 'network'), cli);
        const invitation = await issueInvitation(store, network.id, role, hours);
        const baseUrl = config.publicUrl;
        io.out(`Invitation to "${network.name}" as ${role}, single use, until ${invitation.expiresAt}:`);
        io.out(`  code: ${invitation.code}`);
        io.out(`  link: ${invitationLink(baseUrl, invitation.code)}`);
        // The CLI cannot see where the running server answers: without VALISE_PUBLIC_URL the link
        // comes from this shell's PORT, which need not be the server's (walk24: 8080 for 8424).
        if (baseUrl === `http://localhost:${config.port}`)
          io.out(
            `        (assumes the server answers at ${baseUrl}: if not, run this with the server's PORT ` +
              'or VALISE_PUBLIC_URL; the code works whatever the address)',
          );
        io.out(`  id:   ${invitation.id} (to cancel it: ${cli} invitations cancel ${invitation.id})`);
        return 0;
      }
      case 'invitations': {
        const network = await pickNetwork(store, config, option(args, 'network'), cli);
        if (args[0] === 'cancel') await cancelInvitation(store, network, args[1], io);
        else if (args[0] === undefined) await listInvitations(store, network, io);
        // A mistyped « cancel » must not look like a list that did the work.
        else throw new CliError(`Unknown: invitations ${args[0]}. Say invitations, or invitations cancel <id>.`);
        return 0;
      }
      case 'devices': {
        const network = await pickNetwork(store, config, option(args, 'network'), cli);
        const devices = await store.listDevices(network.id);
        // An empty list would print nothing at all, which reads as a command that did not work.
        if (devices.length === 0) io.out(`No device has joined "${network.name}" yet: invite one with ${cli} invite.`);
        for (const device of devices) {
          const state = device.revokedAt ? `revoked ${device.revokedAt.slice(0, 10)}` : 'active';
          const seen = device.lastSeenAt ? `seen ${device.lastSeenAt.slice(0, 16)}` : 'never seen';
          io.out(
            `${device.id}  ${device.role.padEnd(9)}  ${state.padEnd(18)}  ${seen.padEnd(22)}  ${device.memberName} — ${device.name}`,
          );
        }
        return 0;
      }
      case 'revoke': {
        const network = await pickNetwork(store, config, option(args, 'network'), cli);
        const id = args[0];
        if (!id || !isId(id)) throw new CliError(`Give the device id to revoke (see: ${cli} devices).`);
        const wasAdmin = (await store.listDevices(network.id)).some(
          (device) => device.id === id && device.role === 'admin',
        );
        if ((await store.revokeDevice(network.id, id, new Date().toISOString())) !== 'revoked')
          throw new CliError(`No active device ${id} in "${network.name}".`);
        io.out(`Device ${id} revoked: it is refused from its next request.`);
        if (wasAdmin)
          io.out('It was an admin: the invitations not used yet are cancelled; invite again whom you expect.');
        return 0;
      }
      case 'backup': {
        const dir = option(args, 'dir');
        if (dir !== undefined) {
          const keepDaily = count(option(args, 'keep-daily') ?? '7', '--keep-daily');
          const keepWeekly = count(option(args, 'keep-weekly') ?? '4', '--keep-weekly');
          const outcome = await takeBackup(store, {
            dir: resolve(dir),
            keepDaily,
            keepWeekly,
            databaseUrl: config.databaseUrl,
            now: new Date(),
          });
          io.out(`Backed up to ${outcome.file}.`);
          if (outcome.deleted.length > 0)
            io.out(`Removed ${outcome.deleted.length} older backup(s): ${outcome.deleted.join(', ')}.`);
          return 0;
        }
        const file = args[0];
        if (!file) throw new CliError('Give the folder or the file to write: backup --dir DIR, or backup <file>.');
        // A plain pg_dump is no file `restore` takes; --dir writes the archive it does.
        if (!(store instanceof SqliteStore))
          throw new CliError('This server uses PostgreSQL: back it up with backup --dir DIR (a pg_dump archive).');
        // SQLite's online backup copies a consistent state while the server keeps writing.
        await store.db.backup(file);
        io.out(`Backed up to ${file}.`);
        return 0;
      }
      case 'recovery': {
        const network = await pickNetwork(store, config, option(args, 'network'), cli);
        const epoch = await readEpoch(store, network.id);
        const count = await store.countBroughtBack(network.id, epoch.epoch);
        io.out(`Epoch ${epoch.epoch} since ${epoch.startedAt} (${epoch.reason}).`);
        io.out(`Records devices brought back to "${network.name}" since then: ${count}.`);
        return 0;
      }
      default:
        return usage(command, io);
    }
  } catch (error) {
    if (error instanceof CliError) {
      io.err(error.message);
      return 1;
    }
    throw error;
  }
}

function usageText(io: CliIo): string {
  return `Usage: ${commandOf(io)} <command>\n\n${COMMANDS}`;
}

const STORE_COMMANDS = ['networks', 'invite', 'invitations', 'devices', 'revoke', 'backup', 'recovery'];

/**
 * The usage: on stdout when asked for (so it pages and greps), on stderr after a command it does
 * not know, named first (the list alone read as a command that ran).
 */
function usage(command: string | undefined, io: CliIo): number {
  if (command === undefined || ['help', '--help', '-h'].includes(command)) {
    io.out(usageText(io));
    return 0;
  }
  io.err(`Unknown command: ${command}.\n\n${usageText(io)}`);
  return 2;
}

/** Commands that do not open the store: deployment files, checking a backup, restoring one. */
async function runWithoutStore(argv: readonly string[], config: ServerConfig, io: CliIo): Promise<number | null> {
  const [command, ...args] = argv;
  try {
    if (command === 'deploy') return runDeploy(args, io);
    if (command === 'backup' && args.includes('--verify')) return await runVerify(option(args, 'verify'), io);
    if (command === 'restore') {
      const file = args[0];
      if (!file) throw new CliError('Give the backup to restore: restore <file>.');
      const outcome = await restoreBackup(resolve(file), config, new Date());
      if (outcome.keptAside) io.out(`The store it replaced is kept as ${outcome.keptAside}.`);
      io.out(`Restored from ${file}. New epoch: ${outcome.epoch}.`);
      for (const line of afterRestore(config.databaseUrl ? 'postgres' : 'sqlite', commandOf(io))) io.out(line);
      return 0;
    }
    return null;
  } catch (error) {
    if (error instanceof RestoreRefused || error instanceof StartRefused || error instanceof CliError) {
      io.err(error.message);
      return 1;
    }
    // PostgreSQL refusing the restore's connection (a password, a database, a server down).
    const refusal = refusalOfUnusableStore(config, error, { opening: false });
    if (!(refusal instanceof StartRefused)) throw refusal;
    io.err(`Valise cannot run ${command}: ${refusal.message}`);
    return 1;
  }
}

/**
 * What to do once a restore ran, in the words of the command the admin typed (`valise` on a VPS).
 * SQLite's restore ran with the server stopped; PostgreSQL's servers may have run on through it.
 */
function afterRestore(kind: Store['kind'], command: string): string[] {
  const servers =
    kind === 'postgres'
      ? 'The servers on this database serve the backup now (start any that is stopped)'
      : `Start the server (${command === 'valise' ? 'systemctl start valise' : 'npm start'})`;
  return [
    `${servers}: each device sends back what it holds that the backup lacks, then pulls everything again.`,
    `See how many records came back with: ${command} recovery`,
  ];
}

async function runVerify(file: string | undefined, io: CliIo): Promise<number> {
  if (!file) throw new CliError('Give the backup to check: backup --verify <file>.');
  const result = await verifyBackup(resolve(file));
  for (const [table, rows] of Object.entries(result.counts)) io.out(`${table.padEnd(12)} ${rows}`);
  if (result.epoch) io.out(`epoch        ${result.epoch}`);
  if (result.problems.length > 0) {
    for (const problem of result.problems) io.err(`Problem: ${problem}`);
    io.err(`${file} is NOT a usable backup.`);
    return 1;
  }
  io.out(`${file}: a usable ${result.kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'} backup.`);
  return 0;
}

function count(value: string, name: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 1000)
    throw new CliError(`${name} must be a whole number from 0 to 1000.`);
  return parsed;
}

export async function main(argv: readonly string[], config: ServerConfig, io: CliIo): Promise<number> {
  const code = await runWithoutStore(argv, config, io);
  if (code !== null) return code;
  // A mistyped command opened the store first, creating one wherever the shell stood.
  if (!STORE_COMMANDS.includes(argv[0] ?? '')) return usage(argv[0], io);
  // So did any command on a folder with no store (another folder than the server's): only
  // `networks create` starts one; the others would have found no network in it anyway.
  const creates = argv[0] === 'networks' && argv[1] === 'create';
  if (!config.databaseUrl && !creates && !existsSync(join(config.dataDir, SQLITE_FILE))) {
    io.err(noNetworkHere(config, commandOf(io)));
    return 1;
  }
  let opening = true;
  try {
    const store = await openStore(config);
    opening = false;
    return await runCli(argv, store, config, io).finally(() => store.close());
  } catch (error) {
    // A damaged SQLite file fails at its open or at the first read of a bad page, PostgreSQL at
    // its first connection: said as the server's start says it, not as a stack trace.
    const refusal = refusalOfUnusableStore(config, error, { opening });
    if (!(refusal instanceof StartRefused)) throw refusal;
    io.err(`Valise cannot run ${argv[0] ?? 'the command'}: ${refusal.message}`);
    return 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let config: ServerConfig;
  try {
    config = readConfig();
  } catch (error) {
    if (!(error instanceof StartRefused)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  const io = { out: console.log, err: console.error, command: invokedAs(process.env) };
  process.exit(await main(process.argv.slice(2), config, io));
}
