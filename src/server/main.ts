// Starts a network's server: the store, a first network on first start, and the HTTP server.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isLoopbackAddress } from '../domain/server-address';
import { createApp } from './app';
import { configWarnings, largestBody, readConfig, type ServerConfig } from './config';
import { listen } from './http-server';
import { invitationLink, issueInvitation } from './invitations';
import { lockDataFolder } from './ops/data-lock';
import { StartRefused } from './start-refused';
import { openStore, refusalOfUnusableStore } from './store/open';
import type { Store } from './store/store';

export async function startServer() {
  const config = readConfig();
  for (const warning of configWarnings()) console.warn(JSON.stringify({ level: 'warn', message: warning }));
  // PostgreSQL hands out sequence numbers itself: several processes may share one database.
  const lock = config.databaseUrl ? null : lockDataFolder(config.dataDir);
  const baseUrl = config.publicUrl;
  const { store, welcome } = await openWithWelcome(config).catch((error: unknown) => {
    throw refusalOfUnusableStore(config, error);
  });
  const app = createApp({ store, config });

  const server = listen(app, {
    port: config.port,
    hostname: config.host,
    largestBody: largestBody(config),
  });
  const info = await listening(server, config);
  // Printed only once the server listens: an invitation to a server that failed to start is no use.
  if (welcome) console.log(welcome);
  // Where the data lives, on every start: what an admin backs up, and the folder a second server refuses.
  const data = config.databaseUrl ? 'DATABASE_URL' : config.dataDir;
  console.log(
    JSON.stringify({
      level: 'info',
      message: 'Valise is listening',
      url: baseUrl,
      port: info.port,
      store: store.kind,
      data,
    }),
  );

  // Finish what is in flight, then close the store: no push is cut in half by a deploy.
  const shutdown = (signal: string) => {
    console.log(JSON.stringify({ level: 'info', message: 'shutting down', signal }));
    server.close(() => {
      void store.close().then(() => {
        lock?.release();
        process.exit(0);
      });
    });
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  return { server, store, config };
}

/** The store, and the first admin's welcome prepared before listening (a device may use it at once). */
async function openWithWelcome(config: ServerConfig): Promise<{ store: Store; welcome: string | null }> {
  const store = await openStore(config);
  try {
    return { store, welcome: await firstAdminWelcome(store, config.publicUrl) };
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
}

function listening(server: Server, config: ServerConfig): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('listening', () => resolve(server.address() as AddressInfo));
    server.once('error', (error: NodeJS.ErrnoException) => {
      const where = `port ${config.port} of ${config.host}`;
      if (error.code === 'EADDRINUSE')
        reject(
          new StartRefused(
            `Another program (perhaps another Valise) already listens on ${where}. ` +
              `Stop it, or start this one on another port: PORT=${config.port + 1} npm start.`,
          ),
        );
      else if (error.code === 'EACCES')
        reject(new StartRefused(`This user may not listen on ${where}: use a port above 1023 (PORT=8080).`));
      // A name that resolves to no address (a typo: HOST=locahost) is as unusable as a foreign address.
      else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN')
        reject(
          new StartRefused(
            `HOST=${config.host} is not an address of this machine: leave HOST unset, or use 127.0.0.1.`,
          ),
        );
      else reject(error);
    });
  });
}

/**
 * The way in for a network's first admin. On the very first start there is no network yet:
 * one is created. As long as no device has joined it, every start prints a new invitation (the
 * first one may have expired, been lost with the terminal, or been printed by a start that
 * failed); once a device joined, admins invite from the app or the CLI.
 */
async function firstAdminWelcome(store: Store, baseUrl: string): Promise<string | null> {
  const networks = await store.listNetworks();
  if (networks.length > 1) return null;
  const existing = networks[0];
  if (existing && (await store.listDevices(existing.id)).length > 0) return null;
  const network = existing ?? (await store.createNetwork('Mon réseau de tiers-lieux'));
  const invitation = await issueInvitation(store, network.id, 'admin', 24 * 7);
  return [
    '',
    existing
      ? `  Valise: no device has joined network "${network.name}" yet.`
      : `  Valise: network "${network.name}" created.`,
    '  Invite its first admin (valid 7 days, single use): open the link in a browser, or type the',
    '  code in the app, Réglages → Réseau → Rejoindre un réseau.',
    `    link: ${invitationLink(baseUrl, invitation.code)}`,
    `    code: ${invitation.code}`,
    ...(isLoopbackAddress(baseUrl)
      ? [
          '  A phone cannot open this machine’s own address: it needs the network’s https:// address',
          '  (VALISE_PUBLIC_URL; README.md, "From a rented VPS").',
        ]
      : []),
    '  Once joined, the admin renames the network and invites the others from Réglages → Réseau.',
    '',
  ].join('\n');
}

/** A start that fails says why in words when the admin can fix it; a stack trace otherwise. */
export function exitOnStartFailure(error: unknown): never {
  if (error instanceof StartRefused) console.error(`Valise cannot start: ${error.message}`);
  else console.error(error);
  process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  startServer().catch(exitOnStartFailure);
}
