// `valise deploy --domain D`: writes the deployment files and prints the admin's steps.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { CliError, type CliIo, option } from '../cli-args';
import { type DeploySettings, DOMAIN_PATTERN, deployFiles, deploySteps } from './files';

const USER_PATTERN = /^[a-z_][a-z0-9_-]{0,31}$/;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function runDeploy(args: string[], io: CliIo): number {
  const domain = option(args, 'domain');
  if (!domain || !DOMAIN_PATTERN.test(domain))
    throw new CliError('Give the public host name: deploy --domain valise.mon-reseau.fr (a DNS name, no https://).');
  const email = option(args, 'email') ?? null;
  if (email !== null && !EMAIL_PATTERN.test(email)) throw new CliError('--email must be an e-mail address.');
  const user = option(args, 'user') ?? 'valise';
  if (!USER_PATTERN.test(user)) throw new CliError('--user must be a plain system user name (e.g. valise).');
  const port = Number(option(args, 'port') ?? 8080);
  if (!Number.isInteger(port) || port < 1024 || port > 65535)
    throw new CliError('--port must be a port number from 1024 to 65535.');
  const settings: DeploySettings = {
    domain: domain.toLowerCase(),
    email,
    dataDir: absolute(option(args, 'data') ?? '/var/lib/valise', '--data'),
    backupDir: absolute(option(args, 'backup-dir') ?? '/var/backups/valise', '--backup-dir'),
    user,
    appDir: absolute(option(args, 'app') ?? '/opt/valise', '--app'),
    node: absolute(option(args, 'node') ?? '/usr/bin/node', '--node'),
    port,
  };
  const outDir = resolve(option(args, 'out') ?? 'dist/deploy');
  mkdirSync(outDir, { recursive: true });
  for (const file of deployFiles(settings)) writeFileSync(join(outDir, file.name), file.text);
  const repository = option(args, 'repo') ?? originAddress();
  for (const line of deploySteps(settings, outDir, repository)) io.out(line);
  return 0;
}

/**
 * The address the VPS clones from: this checkout's origin when the VPS can reach it (a URL or
 * user@host:path); a folder of this computer it cannot.
 */
function originAddress(): string | null {
  const result = spawnSync('git', ['remote', 'get-url', 'origin'], { encoding: 'utf8' });
  const address = result.status === 0 ? result.stdout.trim() : '';
  return /^(https?|ssh|git):\/\/\S+$|^[\w.-]+@[\w.-]+:\S+$/.test(address) ? address : null;
}

/** systemd takes absolute paths only, and a space would split them. */
function absolute(path: string, name: string): string {
  if (!isAbsolute(path) || /\s/.test(path)) throw new CliError(`${name} must be an absolute path without spaces.`);
  return path;
}
