// What GET /api/health tells an admin's monitoring: that the store answers, that it can take a
// device's write, and that the disk holding it has room for the largest request the server
// accepts. The route needs no token, so the check runs at most once per interval whoever asks,
// and every caller meanwhile gets its result: a stranger calling it in a loop costs one small
// write every few seconds, not one per request.
import { largestBody, type ServerConfig } from '../config';
import type { Store } from '../store/store';

/** How long one check's result answers every caller. */
export const HEALTH_CHECK_INTERVAL_MS = 5_000;
/** A store that has not answered in this time is reported unreachable (monitors time out too). */
const HEALTH_TIMEOUT_MS = 3_000;

type HealthProblem = 'store_unreachable' | 'store_not_writable' | 'disk_full';

type Health = { ok: true } | { ok: false; code: HealthProblem; error: string };

export class HealthCheck {
  private last: { at: number; health: Promise<Health> } | null = null;

  constructor(
    private readonly store: Store,
    /** Free bytes below which a device's largest write may not fit. */
    private readonly roomNeeded: number,
    private readonly now: () => number,
  ) {}

  current(): Promise<Health> {
    const now = this.now();
    // A clock set back (tests, or the machine's) must not keep an old result for ever.
    if (this.last && now >= this.last.at && now - this.last.at < HEALTH_CHECK_INTERVAL_MS) return this.last.health;
    const health = this.check(now);
    this.last = { at: now, health };
    return health;
  }

  private async check(now: number): Promise<Health> {
    if (!(await withinTimeout(this.store.ping()).catch(() => false)))
      return { ok: false, code: 'store_unreachable', error: 'The database does not answer.' };
    // Checked before writing: SQLite writes a small change into space its log already holds,
    // so the write alone succeeds on a disk where a device's next file no longer fits.
    const free = await this.store.freeBytes().catch(() => null);
    if (free !== null && free < this.roomNeeded) return diskFull(this.roomNeeded);
    try {
      await withinTimeout(this.store.writeMeta([['healthCheckedAt', new Date(now).toISOString()]]));
    } catch (error) {
      if (isDiskFull(error)) return diskFull(this.roomNeeded);
      return {
        ok: false,
        code: 'store_not_writable',
        error: 'The database answers but does not take writes: devices can read, not send.',
      };
    }
    return { ok: true };
  }
}

/**
 * Room for the largest request: its bytes go to SQLite's write-ahead log, then are copied into
 * the database file at the next checkpoint.
 */
export function roomForLargestWrite(config: Pick<ServerConfig, 'maxBodyBytes' | 'maxAttachmentBytes'>): number {
  return 2 * largestBody(config);
}

function diskFull(roomNeeded: number): Health {
  const megabytes = Math.ceil(roomNeeded / 1024 / 1024);
  return {
    ok: false,
    code: 'disk_full',
    error: `The disk holding the data has less than the ${megabytes} MB a device's largest write needs.`,
  };
}

/** SQLite's "database or disk is full", PostgreSQL's disk_full (53100), the system's ENOSPC. */
export function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_FULL' || code === '53100' || code === 'ENOSPC';
}

/**
 * A store that answers but refuses writes: SQLite's read-only file or file system
 * (SQLITE_READONLY and its variants), PostgreSQL's read-only transaction (25006, a standby or a
 * database set read-only), the system's EROFS.
 */
export function refusesWrites(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_READONLY') || code === '25006' || code === 'EROFS');
}

/** `work`, or a failure once HEALTH_TIMEOUT_MS have passed without its answer. */
function withinTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('no answer in time')), HEALTH_TIMEOUT_MS);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
