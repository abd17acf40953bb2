// What every repository needs: the database, the device's clock, and who is writing.
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

/** The clock's state kept in `meta` (device-clock.ts). */
export interface SavedClock {
  last: string;
  offsetMs: number;
}

export class DataContext {
  constructor(
    readonly db: ValiseDb,
    public identity: DeviceIdentity,
    public session: Session | null,
    /** The clock's state when this tab opened the database: device-clock.ts makes the clock from it. */
    readonly savedClock: SavedClock | undefined,
    /** The wall clock the device's clock reads (the convergence suite skews it). */
    readonly wallClock?: () => number,
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
  const db = await ValiseDb.openOnDevice(options.name);
  const { identity, session, clock } = await db.transaction('rw', db.meta, async () => {
    let identity = (await db.meta.get('identity'))?.value as DeviceIdentity | undefined;
    if (!identity) {
      identity = { clockNode: randomNode(), authorName: '' };
      await db.meta.put({ key: 'identity', value: identity });
    }
    const session = ((await db.meta.get('session'))?.value as Session | undefined) ?? null;
    const clock = (await db.meta.get('clock'))?.value as SavedClock | undefined;
    return { identity, session, clock };
  });
  return new DataContext(db, identity, session, clock, options.wallClock);
}

/** A random clock node id for a new device (16 hex digits, protocol/hlc.ts). */
function randomNode(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
