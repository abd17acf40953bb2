// Counts failures per key (an address) in a sliding window. In memory: a restart forgets,
// which only gives a guesser a few more tries against codes of 31^12 possibilities.

export class FailureLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    readonly maxFailures: number,
    readonly windowMs: number,
    /** Keys remembered at most, so a flood of addresses cannot exhaust memory. */
    private readonly maxKeys = 10_000,
  ) {}

  /** Milliseconds until `key` may try again, or 0 when it may now. */
  retryAfter(key: string, now: number): number {
    const recent = this.recent(key, now);
    if (recent.length < this.maxFailures) return 0;
    return (recent[recent.length - this.maxFailures] as number) + this.windowMs - now;
  }

  fail(key: string, now: number): void {
    const recent = this.recent(key, now);
    recent.push(now);
    this.failures.delete(key);
    this.failures.set(key, recent);
    if (this.failures.size > this.maxKeys) {
      const oldest = this.failures.keys().next().value;
      if (oldest !== undefined) this.failures.delete(oldest);
    }
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((at) => at > now - this.windowMs);
  }
}

/**
 * A fair share of the server per key (a device, an address): a bucket of `burst` units that
 * refills at `perSecond`; a request takes units by its size. A device syncing once a minute
 * never meets it; one that floods waits its turn while the others are served.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { units: number; at: number }>();

  constructor(
    readonly perSecond: number,
    readonly burst: number,
    private readonly maxKeys = 10_000,
  ) {}

  /** Takes `cost` units for `key`: 0 when it may go now, else the milliseconds to wait. */
  take(key: string, cost: number, now: number): number {
    const units = this.unitsOf(key, now);
    // A request dearer than the whole bucket goes once the bucket is full, and leaves it in debt:
    // the key's next requests wait until its cost is paid off.
    const needed = Math.min(cost, this.burst);
    const allowed = units >= needed;
    this.keep(key, allowed ? units - cost : units, now);
    return allowed ? 0 : Math.ceil(((needed - units) * 1000) / this.perSecond);
  }

  /**
   * Takes `cost` units for work known only once done (the size of an answer), into debt if
   * need be: the key's next requests wait until it is paid off.
   */
  charge(key: string, cost: number, now: number): void {
    this.keep(key, this.unitsOf(key, now) - cost, now);
  }

  private unitsOf(key: string, now: number): number {
    const bucket = this.buckets.get(key) ?? { units: this.burst, at: now };
    return Math.min(this.burst, bucket.units + ((now - bucket.at) * this.perSecond) / 1000);
  }

  private keep(key: string, units: number, now: number): void {
    this.buckets.delete(key);
    this.buckets.set(key, { units, at: now });
    if (this.buckets.size > this.maxKeys) {
      const oldest = this.buckets.keys().next().value;
      if (oldest !== undefined) this.buckets.delete(oldest);
    }
  }
}

/**
 * The units an answer (a pull's page, a file) costs beyond its request: one per 256 KB. Reading
 * out costs less than checking in (a pushed body pays one per 64 KB), and a first sync of a
 * network of 50 MB stays within a device's burst; a device asking for its 8 MB page, or a
 * large file, again and again does not keep the server for itself.
 */
export function answerCost(chars: number): number {
  return Math.floor(chars / 262_144);
}

/**
 * One unit per request and one per 64 KB of body: a large push costs more than a pull. A body
 * is charged at most as the largest the server would read (a larger one gets 413): one request
 * declaring a terabyte must not shut its address (a lieu's whole Wi-Fi) out for days, as the
 * debt it left would. One sent without its length (chunked) is charged as that largest: the
 * charge is taken before the body arrives. A request with neither a length nor chunks has no
 * body (HTTP/1.1), whatever its method: a bodiless POST costs one unit.
 */
export function requestCost(
  headers: { contentLength: string | undefined; transferEncoding: string | undefined },
  maxBodyBytes: number,
): number {
  const declared = Number(headers.contentLength);
  const bytes =
    headers.contentLength !== undefined
      ? Number.isFinite(declared) && declared >= 0
        ? Math.min(declared, maxBodyBytes)
        : maxBodyBytes
      : headers.transferEncoding !== undefined
        ? maxBodyBytes
        : 0;
  return 1 + Math.floor(bytes / 65_536);
}
