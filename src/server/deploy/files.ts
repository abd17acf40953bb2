// The files a volunteer admin installs on a fresh VPS: Caddy in front (automatic HTTPS), the
// server as a hardened systemd service, and a daily backup timer. Pure: text from settings.
import { IDLE_CONNECTION_MS } from '../../protocol/timeouts';

export interface DeploySettings {
  /** The network's public host name, e.g. valise.mon-reseau.fr. */
  domain: string;
  /** For Let's Encrypt's expiry notices; optional. */
  email: string | null;
  /** The SQLite folder (VALISE_DATA). */
  dataDir: string;
  backupDir: string;
  /** The system user the server runs as. */
  user: string;
  /** Where the app is checked out and built (npm ci && npm run build). */
  appDir: string;
  /** Absolute path of the node binary. */
  node: string;
  port: number;
}

export const DOMAIN_PATTERN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/**
 * Caddy terminates HTTPS (a Let's Encrypt certificate, renewed by itself) and passes requests
 * to the server on loopback; the server sets its own CSP and other headers, Caddy only adds
 * what belongs to the HTTPS edge. /metrics stays on loopback.
 */
function caddyfile(settings: DeploySettings): string {
  return `{\n${caddyGlobalOptions(settings)}}\n\n${caddySite(settings)}`;
}

/**
 * The global options, one per line, tab-indented: a request's headers must arrive within 30 s
 * (without it Caddy kept a connection sent one header line every 10 s open past 150 s, so a
 * few machines could hold thousands), and a connection idle between requests closes after
 * 2 min. The body gets no limit of Caddy's own: the server allows 300 s, the time a 10 MB
 * file takes on a weak uplink.
 */
export function caddyGlobalOptions(settings: Pick<DeploySettings, 'email'>): string {
  const email = settings.email ? `\temail ${settings.email}\n` : '';
  return `${email}\tservers {\n\t\ttimeouts {\n\t\t\tread_header 30s\n\t\t\tidle 2m\n\t\t}\n\t}\n`;
}

/**
 * Caddy keeps an idle connection to the server 2 min by default, the server closes one after
 * IDLE_CONNECTION_MS: a request Caddy sends on a connection the server is closing is lost, and
 * the device gets a 502 (a push is a POST, which no proxy sends twice). So Caddy gives its idle
 * connections up a second sooner than the server; a new one over loopback costs a fraction of a
 * millisecond. (Raising the server's instead would hold every direct client's idle connection,
 * a file descriptor each, over 2 min.)
 */
const PROXY_IDLE_SECONDS = (IDLE_CONNECTION_MS - 1_000) / 1_000;

/**
 * While the server restarts (an upgrade's `systemctl restart valise`: up to 10 s finishing the
 * requests in flight, then a few seconds starting), nothing listens on its port, and Caddy
 * answered 502 to every request at once, for about 11 s under load. Caddy instead tries again
 * every quarter second for up to 30 s, so a device's request waits for the server to be back.
 * A request Caddy may have delivered is tried again only if it is a GET (Caddy's rule): a push,
 * a POST, is never sent twice. Debian's Caddy (2.6.2, measured on Debian 12's) loses the body of a
 * request it held so (as reported in caddyserver/caddy#5454): a push held through a restart still
 * gets 502, once the server is back, and the device sends it again; pulls, the app and its
 * files get through.
 */
const PROXY_RETRY = { duration: '30s', interval: '250ms' };

/** The site: HTTPS for the domain, proxied to the server on loopback. */
export function caddySite(settings: DeploySettings): string {
  return `${settings.domain} {
\tencode zstd gzip
\t# Prometheus scrapes the server on loopback, never through the internet.
\trespond /metrics 404
\treverse_proxy 127.0.0.1:${settings.port} {
\t\tlb_try_duration ${PROXY_RETRY.duration}
\t\tlb_try_interval ${PROXY_RETRY.interval}
\t\ttransport http {
\t\t\tkeepalive ${PROXY_IDLE_SECONDS}s
\t\t}
\t}
\theader {
\t\tStrict-Transport-Security "max-age=31536000"
\t\tX-Content-Type-Options nosniff
\t\tReferrer-Policy no-referrer
\t\t-Server
\t}
\tlog {
\t\toutput stderr
\t}
}
`;
}

/** What the server and its backup job share: who runs them, where, and what they may write. */
function hardening(settings: DeploySettings, writable: string[]): string {
  return `User=${settings.user}
Group=${settings.user}
WorkingDirectory=${settings.appDir}
Environment=NODE_ENV=production
Environment=VALISE_DATA=${settings.dataDir}
NoNewPrivileges=yes
ProtectSystem=strict
ProtectHome=yes
ReadWritePaths=${writable.join(' ')}
PrivateTmp=yes
PrivateDevices=yes
ProtectKernelTunables=yes
ProtectKernelModules=yes
ProtectKernelLogs=yes
ProtectControlGroups=yes
ProtectClock=yes
ProtectHostname=yes
RestrictSUIDSGID=yes
RestrictRealtime=yes
RestrictNamespaces=yes
LockPersonality=yes
RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX
CapabilityBoundingSet=
UMask=0077`;
}

function serverUnit(settings: DeploySettings): string {
  return `[Unit]
Description=Valise sync server (${settings.domain})
After=network-online.target
Wants=network-online.target

[Service]
Type=simple
ExecStart=${settings.node} --import tsx src/server/main.ts
${hardening(settings, [settings.dataDir])}
Environment=HOST=127.0.0.1
Environment=PORT=${settings.port}
Environment=VALISE_PUBLIC_URL=https://${settings.domain}
Environment=VALISE_TRUSTED_PROXIES=127.0.0.1
Restart=on-failure
RestartSec=5
TimeoutStopSec=20

[Install]
WantedBy=multi-user.target
`;
}

function backupService(settings: DeploySettings): string {
  return `[Unit]
Description=Valise backup (${settings.domain})

[Service]
Type=oneshot
ExecStart=${settings.node} --import tsx src/server/cli.ts backup --dir ${settings.backupDir} --keep-daily 7 --keep-weekly 4
${hardening(settings, [settings.dataDir, settings.backupDir])}
`;
}

function backupTimer(settings: DeploySettings): string {
  return `[Unit]
Description=Daily Valise backup (${settings.domain})

[Timer]
OnCalendar=*-*-* 03:30:00
RandomizedDelaySec=30m
Persistent=true

[Install]
WantedBy=timers.target
`;
}

/**
 * `valise <command>` on the VPS: the administration commands on the server's own store and with
 * its settings. `npm run valise -- invite` run as root in the app's folder opened ./data instead,
 * a new empty store, and told the admin to create a network there (and files root leaves in the
 * data folder are ones the server's user cannot write). The settings are read from the server's
 * unit itself, so a DATABASE_URL added there reaches the commands too; run by root, the script
 * runs itself again as the server's user.
 */
function adminCommand(settings: DeploySettings): string {
  return `#!/bin/sh
# Valise's administration (invite, devices, revoke, backup, restore, recovery) on this server's
# store, as the user ${settings.user}, with the settings of ${SERVER_UNIT}. Give files by their full path.
set -ef
if [ "$(id -un)" != ${settings.user} ]; then exec runuser -u ${settings.user} -- "$0" "$@"; fi
cd ${settings.appDir}
# systemd's own quoting (Environment="DATABASE_URL=…") is dropped: a quoted line would set a
# variable named '"DATABASE_URL', and the commands would open the SQLite store instead.
exec env $(sed -n 's/^Environment=//p' ${SERVER_UNIT} | tr -d "\\"'") ${settings.node} --import tsx src/server/cli.ts "$@"
`;
}

const SERVER_UNIT = '/etc/systemd/system/valise.service';

interface DeployFile {
  name: string;
  /** Where the admin installs it. */
  target: string;
  text: string;
}

export function deployFiles(settings: DeploySettings): DeployFile[] {
  return [
    { name: 'Caddyfile', target: '/etc/caddy/Caddyfile', text: caddyfile(settings) },
    { name: 'valise.service', target: SERVER_UNIT, text: serverUnit(settings) },
    {
      name: 'valise-backup.service',
      target: '/etc/systemd/system/valise-backup.service',
      text: backupService(settings),
    },
    { name: 'valise-backup.timer', target: '/etc/systemd/system/valise-backup.timer', text: backupTimer(settings) },
    { name: 'valise', target: ADMIN_COMMAND, text: adminCommand(settings) },
  ];
}

/** On root's PATH, executable: step 5 installs it with its mode. */
const ADMIN_COMMAND = '/usr/local/bin/valise';

/** Where the steps put the written files on the VPS, on their way to their places. */
const UPLOAD_DIR = '/root/valise-deploy';

/**
 * The steps after the files are written, for an admin with a fresh Debian VPS and a DNS name.
 * The files are written on the admin's own computer: the first step carries them to the VPS,
 * by name into a folder made first. `scp -r <folder>` would nest them in a folder of that name
 * on a second deploy, once UPLOAD_DIR exists, and step 5 would install the first deploy's files.
 */
export function deploySteps(settings: DeploySettings, outDir: string, repository: string | null): string[] {
  const { user, dataDir, backupDir, appDir, domain } = settings;
  const files = deployFiles(settings);
  return [
    `Files written to ${outDir}.`,
    '',
    // "80 and 443 only" in a cloud firewall closed SSH, which every next step logs in through.
    `  0. DNS: point ${domain} (A/AAAA records) to the VPS; open ports 80 and 443, and keep 22 (SSH) open for the steps below.`,
    '  1. From this computer, send the files to the VPS:',
    `     ssh root@${domain} mkdir -p ${UPLOAD_DIR}`,
    `     cd ${outDir} && scp ${files.map((file) => file.name).join(' ')} root@${domain}:${UPLOAD_DIR}/`,
    '',
    'Then on the VPS (Debian), as root:',
    '',
    '  2. apt-get install -y caddy nodejs npm git sqlite3   (Node 20 or newer: Debian 13 has it; node --version)',
    `  3. useradd --system --home-dir ${dataDir} --shell /usr/sbin/nologin ${user}`,
    `     install -d -o ${user} -g ${user} -m 700 ${dataDir} ${backupDir}`,
    `  4. The app in ${appDir}: git clone ${repository ?? '<repository>'} ${appDir} && cd ${appDir} && npm ci && npm run build`,
    // A checkout cloned from a folder of this computer has no address the VPS can reach.
    ...(repository === null
      ? ['     (<repository>: this checkout has no origin the VPS can clone from; run deploy again with --repo URL)']
      : []),
    ...files.map(
      (file, index) =>
        `${index === 0 ? '  5. ' : '     '}${file.target === ADMIN_COMMAND ? 'install -m 755' : 'cp'} ${UPLOAD_DIR}/${file.name} ${file.target}`,
    ),
    '  6. systemctl daemon-reload && systemctl enable --now valise valise-backup.timer && systemctl reload caddy',
    `  7. journalctl -u valise -n 20   (the first start prints the first admin's invitation link)`,
    `     Open it on the admin's phone: https://${domain}/#/rejoindre?code=…`,
    `  8. Check: curl -s https://${domain}/api/health ; curl -s 127.0.0.1:${settings.port}/metrics | head`,
    '     (health: 200 {"ok":true…} while the server can take writes, else 503 and why; watch it with an uptime monitor)',
    `     Backups: ls ${backupDir} after the first night; valise backup --verify ${backupDir}/<file>`,
    '',
    `Administration on the VPS, as root: valise invite | devices | revoke ID | recovery | help (the server's store and settings,`,
    `as ${user}; never npm run valise there, which looks in ${appDir}/data, not the server's store).`,
    `Restore: systemctl stop valise && valise restore ${backupDir}/<file> && systemctl start valise`,
    // `npm run valise -- backup` there would back up the empty store of ./data, not the server's.
    // Built while the old server runs, restarted last: a failed fetch or build (`git pull` also
    // fails on a checkout left at a release's commit) never leaves it stopped.
    `Upgrade: valise backup --dir ${backupDir} && cd ${appDir} && git fetch && git checkout origin/main && npm ci && npm run build && systemctl restart valise`,
    '(a release: git checkout its COMMIT in place of origin/main; if a step fails, the server still runs the old release',
    'until a restart: git checkout the commit it ran, npm ci && npm run build, and the backup just made is the way back.)',
  ];
}
