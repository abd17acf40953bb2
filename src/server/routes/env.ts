import type { HybridClock } from '../../protocol/hlc';
import type { ServerInfo } from '../../protocol/wire';
import type { ServerConfig } from '../config';
import type { Log } from '../edge';
import type { AheadClaims } from '../ops/ahead-claims';
import type { Metrics } from '../ops/metrics';
import type { FailureLimiter, RateLimiter } from '../rate-limit';
import type { Device, Store } from '../store/store';

export interface AppEnv {
  Variables: {
    store: Store;
    config: ServerConfig;
    clock: HybridClock;
    now: () => number;
    log: Log;
    metrics: Metrics;
    device: Device;
    requestId: string;
    /** Wrong invitation codes per address (429 past the limit). */
    joinFailures: FailureLimiter;
    /** Fair share per device (null: off). */
    deviceLimiter: RateLimiter | null;
    /** Milliseconds of a clock that only moves forward, for the rate limiters. */
    monotonic: () => number;
    /** When each device's "last seen" was last written. */
    lastTouched: Map<string, number>;
    /** Devices that said the store went back in time (a new epoch needs more than one word). */
    aheadClaims: AheadClaims;
    /** This server's version and the protocols it serves. */
    serverInfo: ServerInfo;
    /** The CSP sources of the inline styles of the page this answer carries; unset for any other answer. */
    inlineStyles: string;
    /** The client is the first release, which names no protocol: it gets records in its shape. */
    firstRelease: boolean;
  };
}
