// Starts a network's server: the store, a first network on first start, and the HTTP server.
import { createApp } from './app';
import { configWarnings, readConfig } from './config';
import { listen } from './http-server';
import { invitationLink, issueInvitation } from './invitations';
import { DataFolderBusy, lockDataFolder } from './ops/data-lock';
import { openStore } from './store/open';
import type { Store } from './store/store';

export async function startServer() {
  const config = readConfig();
  for (const warning of configWarnings()) console.warn(JSON.stringify({ level: 'warn', message: warning }));
  // PostgreSQL hands out sequence numbers itself: several processes may share one database.
  const lock = config.databaseUrl ? null : lockDataFolder(config.dataDir);
  const store = await openStore(config);
  const app = createApp({ store, config });
  const baseUrl = process.env.VALISE_PUBLIC_URL ?? `http://localhost:${config.port}`;
  await welcomeFirstAdmin(store, baseUrl);

  const server = listen(app, { port: config.port, hostname: config.host }, (info) => {
    console.log(
      JSON.stringify({
        level: 'info',
        message: 'Valise is listening',
        url: baseUrl,
        port: info.port,
        store: store.kind,
      }),
    );
  });

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

/** On the very first start there is no network yet: create one and invite its first admin. */
async function welcomeFirstAdmin(store: Store, baseUrl: string): Promise<void> {
  if ((await store.listNetworks()).length > 0) return;
  const network = await store.createNetwork('Mon réseau de tiers-lieux');
  const invitation = await issueInvitation(store, network.id, 'admin', 24 * 7);
  console.log(
    [
      '',
      `  Valise: network "${network.name}" created.`,
      '  Invite its first admin (valid 7 days, single use):',
      `    link: ${invitationLink(baseUrl, invitation.code)}`,
      `    code: ${invitation.code}`,
      '',
    ].join('\n'),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  startServer().catch((error: unknown) => {
    if (error instanceof DataFolderBusy) console.error(JSON.stringify({ level: 'error', message: error.message }));
    else console.error(error);
    process.exit(1);
  });
}
