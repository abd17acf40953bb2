// Hybrid logical clock, shared by the client and the server (after Actual Budget's crdt/timestamp).
// A timestamp is a string that sorts in causal-then-physical order:
//   2026-11-28T15:21:20.000Z-0000-1f2e3d4c5b6a7988
//   └ physical/logical millis ┘ └counter┘ └ node ┘
// Ties on millis and counter are broken by the node id, so two devices never produce equal
// timestamps and every replica orders concurrent writes the same way.

export const NODE_PATTERN = /^[0-9a-f]{16}$/;
export const HLC_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z-[0-9a-f]{4}-[0-9a-f]{16}$/;
const MAX_COUNTER = 0xffff;
/** A device clock more than this ahead of the server's is clamped (and the device told). */
export const MAX_CLOCK_AHEAD_MS = 60_000;

export interface HlcParts {
  millis: number;
  counter: number;
  node: string;
}

/**
 * A timestamp's year has four digits, so a clock past year 9999 can date nothing. The bound
 * stands a thousand years short of it: a device clock that followed a time just under it would
 * pass it a moment later, and every later write of that device would fail.
 */
const LAST_MILLIS = Date.UTC(9000, 0, 1);

/**
 * Whether a server's answered time can be taken as one: the device's clock follows it. No
 * server's clock says a time before 1970 either.
 */
export function isClockTime(millis: unknown): millis is number {
  return Number.isSafeInteger(millis) && isWithinClockRange(millis as number);
}

/** Not only whole milliseconds: a device's corrected time is a server's time less half a round trip. */
function isWithinClockRange(millis: number): boolean {
  return millis >= 0 && millis <= LAST_MILLIS;
}

export function formatHlc({ millis, counter, node }: HlcParts): string {
  return `${new Date(millis).toISOString()}-${counter.toString(16).padStart(4, '0')}-${node}`;
}

/**
 * The parts of a timestamp, or null unless it names a real instant and is written exactly as
 * `formatHlc` writes it: `Date.parse` turns "9999-99-99…" into NaN and "2026-02-30" into
 * 2 March, and either would sort apart from the instant it claims to be.
 */
export function parseHlc(value: string): HlcParts | null {
  if (!HLC_PATTERN.test(value)) return null;
  const millis = instantMillis(value);
  if (millis === null) return null;
  // The pattern fixes the counter and the node to one spelling each.
  return { millis, counter: Number.parseInt(value.slice(25, 29), 16), node: value.slice(30) };
}

/**
 * The instant of a timestamp of the right shape, computed from its digits (a server reads every
 * pushed clock: no Date is made and written back to compare), or null when a part is out of its
 * range — a 30 February, a 24th hour — as `toISOString` would never write it.
 */
function instantMillis(value: string): number | null {
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const day = digitsAt(value, 8, 2);
  const hours = digitsAt(value, 11, 2);
  const minutes = digitsAt(value, 14, 2);
  const seconds = digitsAt(value, 17, 2);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  const time = ((hours * 60 + minutes) * 60 + seconds) * 1000 + digitsAt(value, 20, 3);
  return daysSinceEpoch(year, month, day) * 86_400_000 + time;
}

function digitsAt(value: string, start: number, length: number): number {
  let number = 0;
  for (let index = start; index < start + length; index++) number = number * 10 + value.charCodeAt(index) - 48;
  return number;
}

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}

/** Days from 1970-01-01 to a day of the proleptic Gregorian calendar (H. Hinnant's days_from_civil). */
function daysSinceEpoch(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

export function hlcMillis(value: string): number {
  return Date.parse(value.slice(0, 24));
}

/**
 * The clock of one replica. `offsetMs` corrects a device whose wall clock is wrong: the sync
 * engine sets it from the server time of every response, so a phone set a day behind neither
 * loses every merge nor gets locked out (a failure known from other HLC apps, which refuse to
 * sync past a maximum drift instead).
 */
export class HybridClock {
  private millis = 0;
  private counter = 0;
  private offset = 0;

  constructor(
    readonly node: string,
    private readonly wallClock: () => number = Date.now,
  ) {
    if (!NODE_PATTERN.test(node)) throw new Error(`invalid clock node id: ${node}`);
  }

  get offsetMs(): number {
    return this.offset;
  }

  /**
   * An offset that would put the clock past any date it can say is ignored: one saved before
   * servers' answered times were checked made every write of the device throw, even after a
   * reload, until a sync set it right.
   */
  set offsetMs(offsetMs: number) {
    if (isWithinClockRange(this.wallClock() + offsetMs)) this.offset = offsetMs;
  }

  physicalNow(): number {
    return this.wallClock() + this.offset;
  }

  /** A timestamp for a local write, greater than every timestamp this clock has seen. */
  tick(): string {
    const physical = this.physicalNow();
    if (physical > this.millis) {
      this.millis = physical;
      this.counter = 0;
    } else {
      this.bumpCounter();
    }
    return formatHlc({ millis: this.millis, counter: this.counter, node: this.node });
  }

  /** Moves the clock past a timestamp received from elsewhere, so later local writes win over it. */
  observe(remote: string): void {
    const parts = parseHlc(remote);
    if (parts) this.observeParts(parts);
  }

  /** `observe` of a timestamp already read (a server reads each pushed clock once). */
  observeParts(parts: HlcParts): void {
    const physical = this.physicalNow();
    const next = Math.max(this.millis, parts.millis, physical);
    if (next === this.millis && next === parts.millis) {
      this.counter = Math.max(this.counter, parts.counter);
      this.bumpCounter();
    } else if (next === this.millis) {
      this.bumpCounter();
    } else if (next === parts.millis) {
      this.millis = next;
      this.counter = parts.counter;
      this.bumpCounter();
    } else {
      this.millis = next;
      this.counter = 0;
    }
  }

  /**
   * Forgets a time handed out while the wall clock was more than `maxAheadMs` ahead of the
   * corrected time (a phone set to the wrong year, since put right by the server's time or by
   * its owner). The server dates such writes itself; kept, that time would go on dating every
   * later write of this device past the server's limit — each one then dated by the server,
   * and the device told its clock is ahead — until real time caught up (for ever, from 2099).
   * A device only: the server never takes a clock that far ahead.
   */
  forgetFuture(maxAheadMs: number): void {
    const physical = this.physicalNow();
    if (this.millis - physical <= maxAheadMs) return;
    this.millis = physical;
    this.counter = 0;
  }

  /** Last value handed out or observed (for persistence across restarts). */
  snapshot(): string {
    return formatHlc({ millis: this.millis, counter: this.counter, node: this.node });
  }

  restore(saved: string): void {
    const parts = parseHlc(saved);
    if (parts && (parts.millis > this.millis || (parts.millis === this.millis && parts.counter > this.counter))) {
      this.millis = parts.millis;
      this.counter = parts.counter;
    }
  }

  private bumpCounter(): void {
    // Rather than failing a write (Actual throws on overflow), borrow one logical millisecond:
    // order is kept, and a bulk import of more than 65,536 records in one millisecond works.
    if (this.counter >= MAX_COUNTER) {
      this.millis += 1;
      this.counter = 0;
    } else {
      this.counter += 1;
    }
  }
}
