// `npm run valise -- <command>`: a network's administration from the server's shell, on the
// same store as the running server (VALISE_DATA or DATABASE_URL).
import { isId } from '../domain/ids';
import { ROLES, type Role } from '../domain/vocabulary';
import { CliError, type CliIo, option } from './cli-args';
import { readConfig, type ServerConfig } from './config';
import { runDeploy } from './deploy/command';
import { invitationLink, issueInvitation } from './invitations';
import { openStore } from './store/open';
import { SqliteStore } from './store/sqlite';
import type { Network, Store } from './store/store';

export const USAGE = `Usage: npm run valise -- <command>

  networks                         list the networks on this server
  networks create <name>           create a network
  invite [--role admin|concierge] [--hours N] [--network ID]
                                   print a single-use invitation code and link
  devices [--network ID]           list a network's devices
  revoke <device id> [--network ID]
                                   remove a device; it is refused on its next request
  backup <file>                    consistent copy of the SQLite database, while it runs
  deploy --domain D [--email E] [--data DIR] [--user valise] [--backup-dir DIR]
         [--app DIR] [--node PATH] [--port N] [--out DIR]
                                   write a Caddyfile and systemd units for a VPS, print the steps

--network may be left out when the server holds a single network.`;

async function pickNetwork(store: Store, id: string | undefined): Promise<Network> {
  if (id) {
    const network = await store.getNetwork(id);
    if (!network) throw new CliError(`No network with id ${id} (see: npm run valise -- networks).`);
    return network;
  }
  const networks = await store.listNetworks();
  if (networks.length === 1) return networks[0] as Network;
  throw new CliError(
    networks.length === 0
      ? 'This server holds no network yet: npm run valise -- networks create "<name>".'
      : 'This server holds several networks: say which with --network ID (see: npm run valise -- networks).',
  );
}

/** Runs one command; returns the process exit code. */
export async function runCli(argv: readonly string[], store: Store, config: ServerConfig, io: CliIo): Promise<number> {
  const args = [...argv];
  const command = args.shift();
  try {
    switch (command) {
      case 'networks': {
        if (args[0] === 'create') {
          const name = args.slice(1).join(' ').trim();
          if (!name) throw new CliError('Give the network a name: networks create "<name>".');
          const network = await store.createNetwork(name);
          io.out(`${network.id}  ${network.name}`);
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
        const network = await pickNetwork(store, option(args, 'network'));
        const invitation = await issueInvitation(store, network.id, role, hours);
        const baseUrl = process.env.VALISE_PUBLIC_URL ?? `http://localhost:${config.port}`;
        io.out(`Invitation to "${network.name}" as ${role}, single use, until ${invitation.expiresAt}:`);
        io.out(`  code: ${invitation.code}`);
        io.out(`  link: ${invitationLink(baseUrl, invitation.code)}`);
        return 0;
      }
      case 'devices': {
        const network = await pickNetwork(store, option(args, 'network'));
        for (const device of await store.listDevices(network.id)) {
          const state = device.revokedAt ? `revoked ${device.revokedAt.slice(0, 10)}` : 'active';
          const seen = device.lastSeenAt ? `seen ${device.lastSeenAt.slice(0, 16)}` : 'never seen';
          io.out(
            `${device.id}  ${device.role.padEnd(9)}  ${state.padEnd(18)}  ${seen.padEnd(22)}  ${device.memberName} — ${device.name}`,
          );
        }
        return 0;
      }
      case 'revoke': {
        const network = await pickNetwork(store, option(args, 'network'));
        const id = args[0];
        if (!id || !isId(id)) throw new CliError('Give the device id to revoke (see: npm run valise -- devices).');
        if (!(await store.revokeDevice(network.id, id, new Date().toISOString())))
          throw new CliError(`No active device ${id} in "${network.name}".`);
        io.out(`Device ${id} revoked: it is refused from its next request.`);
        return 0;
      }
      case 'backup': {
        const file = args[0];
        if (!file) throw new CliError('Give the file to write: backup <file>.');
        if (!(store instanceof SqliteStore))
          throw new CliError('This server uses PostgreSQL: back it up with pg_dump "$DATABASE_URL" > file.sql.');
        // SQLite's online backup copies a consistent state while the server keeps writing.
        await store.db.backup(file);
        io.out(`Backed up to ${file}.`);
        return 0;
      }
      default:
        io.err(USAGE);
        return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
    }
  } catch (error) {
    if (error instanceof CliError) {
      io.err(error.message);
      return 1;
    }
    throw error;
  }
}

/** Commands that do not open the store: the files of a deployment. */
async function runWithoutStore(argv: readonly string[], io: CliIo): Promise<number | null> {
  const [command, ...args] = argv;
  try {
    if (command === 'deploy') return runDeploy(args, io);
    return null;
  } catch (error) {
    if (error instanceof CliError) {
      io.err(error.message);
      return 1;
    }
    throw error;
  }
}

export async function main(argv: readonly string[], config: ServerConfig, io: CliIo): Promise<number> {
  const code = await runWithoutStore(argv, io);
  if (code !== null) return code;
  const store = await openStore(config);
  return runCli(argv, store, config, io).finally(() => store.close());
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exit(await main(process.argv.slice(2), readConfig(), { out: console.log, err: console.error }));
}
