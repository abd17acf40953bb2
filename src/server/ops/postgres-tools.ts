// pg_dump and pg_restore as the CLI runs them. Node's own error for a command that failed
// starts with its command line, which holds DATABASE_URL and so the password: the admin reads
// the tool's own words instead, which never do.
import { type ExecFileException, execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { StartRefused } from '../start-refused';

const run = promisify(execFile);

/** A PostgreSQL tool that exited on an error (`signal` null) or was stopped by a signal. */
export class PostgresToolFailed extends StartRefused {
  constructor(
    tool: string,
    readonly signal: string | null,
    stderr: string,
  ) {
    // Its first errors say what went wrong; the lines after them quote the statement.
    const said = stderr
      .split('\n')
      .filter((line) => line.startsWith(`${tool}: error:`))
      .slice(0, 2)
      .map((line) => line.slice(`${tool}: error: `.length).trim());
    super(
      signal
        ? `${tool} was stopped (${signal})`
        : `${tool} failed${said.length > 0 ? `: ${said.join('; ')}` : stderr.trim() ? `: ${stderr.trim()}` : ''}`,
    );
  }
}

export async function runPostgresTool(tool: 'pg_dump' | 'pg_restore', args: string[]): Promise<void> {
  try {
    await run(tool, args, { maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const failure = error as ExecFileException & { stderr?: string };
    if (failure.code === 'ENOENT')
      throw new StartRefused(
        `${tool} is not installed on this machine: apt-get install postgresql-client ` +
          "(of the database server's major version, or newer).",
      );
    throw new PostgresToolFailed(tool, failure.signal ?? null, failure.stderr ?? '');
  }
}
