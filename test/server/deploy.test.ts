// `valise deploy`: the files a volunteer admin installs are accepted by the tools that will run
// them (caddy validate, systemd-analyze verify), and say what the issue promised.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDLE_CONNECTION_MS } from '../../src/protocol/timeouts';
import { main } from '../../src/server/cli';
import { readConfig } from '../../src/server/config';
import { deploySteps } from '../../src/server/deploy/files';

const ROOT = join(import.meta.dirname, '../..');
let dir: string;
let out: string[];
let err: string[];

async function cli(...args: string[]) {
  out = [];
  err = [];
  return main(args, readConfig({ VALISE_DATA: join(dir, 'data') }), {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'valise-deploy-'));
  // Paths that exist here, so systemd-analyze can check the command it would run.
  const code = await cli(
    'deploy',
    ...['--domain', 'valise.mon-reseau.fr', '--email', 'admin@mon-reseau.fr', '--data', join(dir, 'data')],
    ...['--app', ROOT, '--node', process.execPath, '--out', join(dir, 'out'), '--user', 'valise'],
    ...['--repo', 'https://forge.example/reseau/valise.git'],
  );
  expect(code, err.join('\n')).toBe(0);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string) => readFileSync(join(dir, 'out', name), 'utf8');

/** systemd-analyze ships with systemd; a CI machine without it fails rather than skips. */
function systemdAnalyzeMissing(): string | null {
  if (existsSync('/usr/bin/systemd-analyze') || existsSync('/bin/systemd-analyze')) return null;
  const reason = 'systemd-analyze is not installed (apt-get install systemd)';
  if (process.env.CI === 'true') throw new Error(`${reason}: with CI=true the unit check must run.`);
  return reason;
}

describe('valise deploy', () => {
  it('prints the admin steps with the public address and where each file goes', () => {
    const steps = out.join('\n');
    // The files are written on the admin's computer: the steps carry them to the VPS before
    // copying them into place there, never from a folder the VPS does not have. They are sent
    // by name, into the folder step 5 copies from, on a second deploy as on the first.
    expect(steps).toContain('ssh root@valise.mon-reseau.fr mkdir -p /root/valise-deploy');
    // Every step after the first logs in by SSH: a firewall opened to 80 and 443 alone locks the admin out.
    expect(steps).toContain('keep 22 (SSH) open');
    expect(steps).not.toMatch(/80 and 443 only/);
    expect(steps).toContain(
      `cd ${join(dir, 'out')} && scp Caddyfile valise.service valise-backup.service valise-backup.timer valise root@valise.mon-reseau.fr:/root/valise-deploy/`,
    );
    expect(steps).toContain('cp /root/valise-deploy/Caddyfile /etc/caddy/Caddyfile');
    expect(steps).toContain('install -m 755 /root/valise-deploy/valise /usr/local/bin/valise');
    // A fresh Debian has no git, and "git clone …" left the admin to guess what to clone.
    expect(steps).toContain('apt-get install -y caddy nodejs npm git sqlite3');
    expect(steps).toContain(`git clone https://forge.example/reseau/valise.git ${ROOT} && cd ${ROOT}`);
    expect(steps).toContain('valise backup --verify /var/backups/valise/<file>');
    // Backed up with the server's store and settings, never the empty ./data of the app's folder.
    // Built before the restart: a failed fetch or build leaves the old server running, never a stopped one.
    expect(steps).toContain(
      `Upgrade: valise backup --dir /var/backups/valise && cd ${ROOT} && git fetch && git checkout origin/main && npm ci && npm run build && systemctl restart valise`,
    );
    expect(steps).not.toContain('npm run valise -- backup');
    expect(steps).not.toContain(`cp ${join(dir, 'out')}`);
    expect(steps).toContain('systemctl enable --now valise valise-backup.timer');
    expect(steps).toContain('https://valise.mon-reseau.fr/#/rejoindre?code=');
  });

  it('writes a Caddyfile that caddy validate accepts: HTTPS for the domain, proxy to the app, no /metrics outside', () => {
    const caddy = file('Caddyfile');
    expect(caddy).toMatch(/^\{\n\temail admin@mon-reseau\.fr\n/);
    // A client sending its headers a line at a time is cut off.
    expect(caddy).toMatch(/\tservers \{\n\t\ttimeouts \{\n\t\t\tread_header 30s\n/);
    expect(caddy).toContain('valise.mon-reseau.fr {');
    expect(caddy).toContain('reverse_proxy 127.0.0.1:8080');
    // Caddy gives an idle connection to the server up before the server closes it: a request
    // sent on one the server is closing would be answered 502.
    const idle = caddy.match(/\n\t\ttransport http \{\n\t\t\tkeepalive (\d+)s\n/);
    expect(Number(idle?.[1]) * 1000).toBeLessThan(IDLE_CONNECTION_MS);
    // While the server restarts, Caddy tries it again (a connection refused) rather than answering 502 at once.
    expect(caddy).toMatch(/reverse_proxy 127\.0\.0\.1:8080 \{\n\t\tlb_try_duration 30s\n\t\tlb_try_interval 250ms\n/);
    expect(caddy).toContain('respond /metrics 404');
    const result = spawnSync(
      'caddy',
      ['validate', '--adapter', 'caddyfile', '--config', join(dir, 'out', 'Caddyfile')],
      {
        encoding: 'utf8',
        env: { ...process.env, XDG_DATA_HOME: join(dir, 'xdg-data'), XDG_CONFIG_HOME: join(dir, 'xdg-config') },
      },
    );
    expect(result.error).toBeUndefined();
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout + result.stderr).toContain('Valid configuration');
  });

  it('writes a hardened service that trusts exactly the local proxy and serves the public URL', () => {
    const unit = file('valise.service');
    for (const line of [
      'User=valise',
      'NoNewPrivileges=yes',
      'ProtectSystem=strict',
      `ReadWritePaths=${join(dir, 'data')}`,
      'PrivateTmp=yes',
      'Restart=on-failure',
      'Environment=HOST=127.0.0.1',
      'Environment=VALISE_PUBLIC_URL=https://valise.mon-reseau.fr',
      'Environment=VALISE_TRUSTED_PROXIES=127.0.0.1',
      `Environment=VALISE_DATA=${join(dir, 'data')}`,
    ])
      expect(unit.split('\n'), line).toContain(line);
    expect(file('valise-backup.service')).toContain('backup --dir /var/backups/valise --keep-daily 7 --keep-weekly 4');
    expect(file('valise-backup.timer')).toContain('Persistent=true');
  });

  const missing = systemdAnalyzeMissing();
  it.skipIf(missing !== null)(
    `writes units that systemd-analyze verify accepts without a warning${missing ? ` (skipped: ${missing})` : ''}`,
    () => {
      const units = ['valise.service', 'valise-backup.service', 'valise-backup.timer'].map((name) =>
        join(dir, 'out', name),
      );
      const result = spawnSync('systemd-analyze', ['verify', ...units], { encoding: 'utf8' });
      expect(result.error).toBeUndefined();
      expect(result.status, result.stderr).toBe(0);
      // Unknown or misspelt settings are only warnings: they must not appear either.
      const aboutOurs = result.stderr
        .split('\n')
        .filter((line) => line.includes(join(dir, 'out')) || /valise/.test(line));
      expect(aboutOurs).toEqual([]);
    },
  );

  it('writes the valise command, which reaches the server’s store and public address from any folder', async () => {
    // On the VPS, `npm run valise -- invite` opened ./data in the app's folder: a new empty store.
    // The same deployment for the user running this test, so the command needs no runuser.
    const out = join(dir, 'as-this-user');
    const deployed = await cli(
      ...['deploy', '--domain', 'valise.mon-reseau.fr', '--data', join(dir, 'data'), '--app', ROOT],
      ...['--node', process.execPath, '--out', out, '--user', userInfo().username],
    );
    expect(deployed, err.join('\n')).toBe(0);
    expect(await cli('networks', 'create', 'Réseau des Landes')).toBe(0);
    // Installed, it reads the unit step 5 puts in /etc/systemd/system; here, the one written beside it.
    const command = join(dir, 'valise');
    const text = readFileSync(join(out, 'valise'), 'utf8');
    expect(text).toContain('/etc/systemd/system/valise.service');
    writeFileSync(command, text.replaceAll('/etc/systemd/system/valise.service', join(out, 'valise.service')), {
      mode: 0o755,
    });
    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(elsewhere);
    const result = spawnSync(command, ['invite'], {
      cwd: elsewhere,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: dir },
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('Invitation to "Réseau des Landes" as concierge');
    expect(result.stdout).toMatch(/link: https:\/\/valise\.mon-reseau\.fr\/#\/rejoindre\?code=[A-Z0-9-]{14}\n/);
    expect(readdirSync(elsewhere)).toEqual([]);

    // A setting the admin changes in the unit as systemd's examples write it, in quotes.
    const unit = join(out, 'valise.service');
    const written = readFileSync(unit, 'utf8');
    expect(written).toContain('\nEnvironment=VALISE_PUBLIC_URL=https://valise.mon-reseau.fr\n');
    writeFileSync(
      unit,
      written.replace(
        'Environment=VALISE_PUBLIC_URL=https://valise.mon-reseau.fr',
        'Environment="VALISE_PUBLIC_URL=https://autre.mon-reseau.fr"',
      ),
    );
    const quoted = spawnSync(command, ['invite'], {
      cwd: elsewhere,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: dir },
    });
    expect(quoted.status, quoted.stderr).toBe(0);
    expect(quoted.stdout).toMatch(/link: https:\/\/autre\.mon-reseau\.fr\/#\/rejoindre\?code=/);
  }, 60_000);

  it('says how to name the repository when this checkout has no origin the VPS can clone from', () => {
    const settings = {
      domain: 'valise.mon-reseau.fr',
      email: null,
      dataDir: '/var/lib/valise',
      backupDir: '/var/backups/valise',
      user: 'valise',
      appDir: '/opt/valise',
      node: '/usr/bin/node',
      port: 8080,
    };
    const steps = deploySteps(settings, '/tmp/deploy', null).join('\n');
    expect(steps).toContain('git clone <repository> /opt/valise');
    expect(steps).toContain('run deploy again with --repo URL');
    expect(deploySteps(settings, '/tmp/deploy', 'https://forge.example/v.git').join('\n')).not.toContain('--repo');
  });

  it('refuses a domain that is not a host name, in words', async () => {
    expect(await cli('deploy', '--domain', 'https://valise.example.org')).toBe(1);
    expect(err.join()).toMatch(/public host name/);
    expect(await cli('deploy', '--domain', 'valise.example.org', '--data', 'relative/dir')).toBe(1);
    expect(err.join()).toMatch(/--data must be an absolute path/);
  });
});
