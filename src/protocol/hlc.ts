// Hybrid logical clock, shared by the client and the server (after Actual Budget's crdt/timestamp).
// A timestamp is a string that sorts in causal-then-physical order:
//   2026-11-28T15:21:20.000Z-0000-1f2e3d4c5b6a7988
//   └ physical/logical millis ┘ └counter┘ └ node ┘
// Ties on millis and counter are broken by the node id, so two devices never produce equal
// timestamps and every replica orders concurrent writes the same way.

export const NODE_PATTERN = /^[0-9a-f]{16}$/;
export const HLC_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z-[0-9a-f]{4}-[0-9a-f]{16}$/;
const MAX_COUNTER = 0xffff;

export interface HlcParts {
  millis: number;
  counter: number;
  node: string;
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
  const millis = Date.parse(value.slice(0, 24));
  if (!Number.isFinite(millis)) return null;
  const parts = { millis, counter: Number.parseInt(value.slice(25, 29), 16), node: value.slice(30) };
  return formatHlc(parts) === value ? parts : null;
}

export function hlcMillis(value: string): number {
  return Date.parse(value.slice(0, 24));
}

/** A random node id for a new device (16 hex digits). */
export function randomNode(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
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
  offsetMs = 0;

  constructor(
    readonly node: string,
    private readonly wallClock: () => number = Date.now,
  ) {
    if (!NODE_PATTERN.test(node)) throw new Error(`invalid clock node id: ${node}`);
  }

  physicalNow(): number {
    return this.wallClock() + this.offsetMs;
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
