// What every command of the CLI shares: its output, its errors in words, its options.

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** How the admin ran this command, for the next steps printed: `npm run valise --` unless said. */
  command?: string;
}

/** The command the admin types, as the next steps printed say it. */
export function commandOf(io: CliIo): string {
  return io.command ?? 'npm run valise --';
}

/**
 * `npm run valise --` when npm ran it, else `valise`: the command `valise deploy` installs on a
 * VPS runs this file with node, where `npm run valise` would open another store (./data). Any
 * other way of running it (`npx tsx src/server/cli.ts` on a laptop) is taken for the VPS's too,
 * and its next steps say `systemctl`: rare, and the command it names is still the CLI's.
 */
export function invokedAs(env: NodeJS.ProcessEnv): string {
  return env.npm_lifecycle_event === 'valise' ? 'npm run valise --' : 'valise';
}

/**
 * A restore of `file` as advice printed outside a command's io (a server's refusal, in the journal
 * on a VPS; a store's or a restore's error), which cannot know how the admin runs the CLI: on a
 * VPS set up by `valise deploy`, `npm run valise --` in /opt/valise restores into its ./data, not
 * the served store.
 */
export function restoreAdvice(file: string): string {
  return `valise restore ${file} on a server set up by \`valise deploy\`, else npm run valise -- restore ${file}`;
}

/** A mistake of the admin's: printed as is, exit code 1, no stack trace. */
export class CliError extends Error {}

/** Takes `--name value` out of `args`. */
export function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(`--${name}`);
  if (index === -1) return undefined;
  const value = args[index + 1];
  if (value === undefined || value.startsWith('--')) throw new CliError(`--${name} needs a value.`);
  args.splice(index, 2);
  return value;
}
