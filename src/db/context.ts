// What every repository needs: the database, the device's clock, and who is writing.
import { HybridClock, MAX_CLOCK_AHEAD_MS, randomNode } from '../protocol/hlc';
import type { SessionInfo } from '../protocol/wire';
import { ValiseDb } from './schema';

/** Network id of records written before the device joined a network. */
export const LOCAL_NETWORK = 'local';

export interface DeviceIdentity {
  clockNode: string;
  /** The name written in `updatedBy` before joining (set in Réglages). */
  authorName: string;
}

export interface Session extends SessionInfo {
  serverUrl: string;
  token: string;
  /** When this device last got its token (absent: joined before tokens were replaced). */
  tokenIssuedAt?: string;
  /** A replacement sent to the server and not yet known to be taken (src/sync/token.ts). */
  nextToken?: string;
  /**
   * When this device learned that an admin removed it from the network (the server never takes
   * it back): its admin actions are no longer offered, even before the next sync says it again.
   */
  revokedAt?: string;
}

export class DataContext {
  constructor(
    readonly db: ValiseDb,
    readonly clock: HybridClock,
    public identity: DeviceIdentity,
    public session: Session | null,
  ) {}

  get networkId(): string {
    return this.session?.networkId ?? LOCAL_NETWORK;
  }

  get authorName(): string {
    return this.session?.memberName ?? this.identity.authorName;
  }
}

interface OpenOptions {
  /** Database name; tests give each device its own. */
  name?: string;
  /** Wall clock; the convergence suite gives devices skewed clocks. */
  wallClock?: () => number;
}

export async function openDataContext(options: OpenOptions = {}): Promise<DataContext> {
  const db = new ValiseDb(options.name);
  await db.open();
  const { identity, session, clock } = await db.transaction('rw', db.meta, async () => {
    let identity = (await db.meta.get('identity'))?.value as DeviceIdentity | undefined;
    if (!identity) {
      identity = { clockNode: randomNode(), authorName: '' };
      await db.meta.put({ key: 'identity', value: identity });
    }
    const session = ((await db.meta.get('session'))?.value as Session | undefined) ?? null;
    const saved = (await db.meta.get('clock'))?.value as { last: string; offsetMs: number } | undefined;
    return { identity, session, clock: saved };
  });
  const hlc = new HybridClock(identity.clockNode, options.wallClock);
  if (clock) {
    hlc.restore(clock.last);
    hlc.offsetMs = clock.offsetMs;
    hlc.forgetFuture(MAX_CLOCK_AHEAD_MS);
  }
  return new DataContext(db, hlc, identity, session);
}

/** Persists the clock inside the caller's transaction (which must include `meta`). */
export function saveClock(context: DataContext): Promise<string> {
  return context.db.meta.put({
    key: 'clock',
    value: { last: context.clock.snapshot(), offsetMs: context.clock.offsetMs },
  });
}
