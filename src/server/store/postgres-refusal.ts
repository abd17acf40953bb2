// PostgreSQL's refusals an admin meets when DATABASE_URL or the database is not as the server
// needs it, each said as one sentence — what is wrong, what to do — instead of a stack trace.
// DATABASE_URL carries the password: no sentence repeats it, PostgreSQL's own messages never do.
import { StartRefused } from '../start-refused';

/**
 * Where DATABASE_URL points, without its password: the words of every sentence below. A local
 * socket's address (postgres://valise@/valise?host=/run/postgresql) has no host before its path,
 * which URL does not parse; its folder and port are in the query.
 */
function target(url: string): { server: string; user: string; database: string } {
  const written = URL.canParse(url) ? url : url.replace('@/', '@localhost/');
  const parsed = URL.canParse(written) ? new URL(written) : null;
  const host = parsed?.searchParams.get('host') || parsed?.hostname || 'localhost';
  return {
    server: `${host}:${parsed?.searchParams.get('port') || parsed?.port || '5432'}`,
    user: decodeURIComponent(parsed?.username ?? '') || 'the login user',
    database: decodeURIComponent(parsed?.pathname.slice(1) ?? '') || 'the user’s own',
  };
}

/** Network failures: no server at that address, or no such address. */
const UNREACHABLE = ['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT'];
const UNKNOWN_HOST = ['ENOTFOUND', 'EAI_AGAIN'];
/**
 * PostgreSQL shutting down, starting, or out of connections; or a statement it cancelled
 * (57014), past the bound a request's statements are given (PostgresStore) or by an admin.
 */
const NOT_NOW = ['57P01', '57P02', '57P03', '53300', '57014'];

/**
 * A request the database could not be reached for, or that it ended as it went away: the request
 * can be sent again once it is back (a running server's answer, 503 store_unreachable).
 */
export function postgresUnreachable(error: unknown): boolean {
  const code = connectCode(error);
  return typeof code === 'string' && [...UNREACHABLE, ...UNKNOWN_HOST, ...NOT_NOW].includes(code);
}

/** ENOENT on connect: no socket file in the folder of DATABASE_URL's host, no server there. */
function connectCode(error: unknown): unknown {
  const { code, syscall } = (error as { code?: unknown; syscall?: unknown } | null) ?? {};
  return code === 'ENOENT' && syscall === 'connect' ? 'ECONNREFUSED' : code;
}

/** A sentence for what PostgreSQL (or the way to it) answered, or null for anything else. */
export function postgresRefusal(url: string, error: unknown): StartRefused | null {
  const code = connectCode(error);
  if (typeof code !== 'string') return null;
  const { server, user, database } = target(url);
  const said = `(PostgreSQL says: ${(error as Error).message})`;
  if (UNREACHABLE.includes(code))
    return new StartRefused(
      `no PostgreSQL server answers at ${server}, the address in DATABASE_URL (${code}). ` +
        'Start it (systemctl start postgresql), or correct the host and port in DATABASE_URL.',
    );
  if (UNKNOWN_HOST.includes(code))
    return new StartRefused(
      `the host of DATABASE_URL (${server}) is not known to this machine (${code}): correct it in DATABASE_URL.`,
    );
  if (code === '28P01')
    return new StartRefused(
      `PostgreSQL at ${server} refused the password of user "${user}" ${said}. Put that user's password in ` +
        `DATABASE_URL (postgres://USER:PASSWORD@HOST/DATABASE, its special characters percent-encoded), ` +
        `or set it again in psql: ALTER ROLE "${user}" PASSWORD '…'.`,
    );
  if (code === '28000')
    return new StartRefused(
      `PostgreSQL at ${server} does not let user "${user}" into database "${database}" ${said}. Create the user ` +
        '(createuser as the postgres user), or allow it in pg_hba.conf and reload PostgreSQL.',
    );
  if (code === '3D000')
    return new StartRefused(
      `there is no database "${database}" on the PostgreSQL server at ${server}. Create it for its user ` +
        `(as the postgres user: createdb -O "${user}" "${database}"), or correct its name at the end of DATABASE_URL.`,
    );
  if (code === '42501')
    return new StartRefused(
      `user "${user}" may not create or change Valise's tables in database "${database}" ${said}. Run Valise as ` +
        'the user that owns the database and its tables, or, for a new database, make this user its owner ' +
        `(as the postgres user: ALTER DATABASE "${database}" OWNER TO "${user}").`,
    );
  if (code === '57P03' || code === '53300')
    return new StartRefused(`the PostgreSQL server at ${server} takes no connection now ${said}. Try again shortly.`);
  return null;
}
