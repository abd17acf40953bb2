import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHlc, HybridClock, parseHlc } from '../../../src/protocol/hlc';

const NODE_A = 'aaaaaaaaaaaaaaaa';
const NODE_B = 'bbbbbbbbbbbbbbbb';

describe('hybrid logical clock', () => {
  it('hands out strictly increasing timestamps even when the wall clock stands still', () => {
    const clock = new HybridClock(NODE_A, () => 1_000);
    const stamps = Array.from({ length: 5 }, () => clock.tick());
    expect([...stamps].sort()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(5);
  });

  it('keeps increasing when the wall clock goes backwards', () => {
    let now = 10_000;
    const clock = new HybridClock(NODE_A, () => now);
    const first = clock.tick();
    now = 5_000;
    expect(clock.tick() > first).toBe(true);
  });

  it('writes after a remote timestamp win over it, even from a device that is behind', () => {
    const behind = new HybridClock(NODE_A, () => Date.parse('2026-01-01T00:00:00Z'));
    const remote = new HybridClock(NODE_B, () => Date.parse('2026-06-01T00:00:00Z')).tick();
    behind.observe(remote);
    expect(behind.tick() > remote).toBe(true);
  });

  it('borrows a millisecond rather than failing when the counter overflows', () => {
    const clock = new HybridClock(NODE_A, () => 1_000);
    let last = clock.tick();
    for (let index = 0; index < 70_000; index++) {
      const next = clock.tick();
      expect(next > last).toBe(true);
      last = next;
    }
    expect(parseHlc(last)?.millis).toBeGreaterThan(1_000);
  });

  it('applies the offset learned from the server to its physical time, half milliseconds too', () => {
    const clock = new HybridClock(NODE_A, () => 1_000_000);
    // A server's time less half a round trip: a phone a day behind.
    clock.offsetMs = 86_400_000.5;
    expect(parseHlc(clock.tick())?.millis).toBe(87_400_000);
  });

  it('drops an offset (one a device saved from a broken server) that would date its writes past year 9999', () => {
    const clock = new HybridClock(NODE_A, () => 1_000_000);
    clock.offsetMs = 1e20;
    expect(parseHlc(clock.tick())?.millis).toBe(1_000_000);
  });

  it('breaks ties between devices by node id, the same way everywhere', () => {
    const a = new HybridClock(NODE_A, () => 42).tick();
    const b = new HybridClock(NODE_B, () => 42).tick();
    expect(a < b).toBe(true);
  });

  it('refuses a node id that is not 16 hex digits', () => {
    expect(() => new HybridClock('xyz')).toThrow(/node id/);
  });

  it('reads a timestamp only when it is exactly what formatHlc writes of its instant', () => {
    const part = (max: number, length: number) =>
      fc.integer({ min: 0, max }).map((value) => String(value).padStart(length, '0'));
    // Every part just past its range (29 to 32 February, month 13, hour 24, second 60…), any
    // digits, and real instants of every year from 0000 to 9999 (leap days, before 1970).
    const digits = fc.tuple(
      part(9999, 4),
      part(13, 2),
      part(32, 2),
      part(24, 2),
      part(60, 2),
      part(60, 2),
      part(999, 3),
    );
    const shaped = fc.oneof(
      digits.map(([y, mo, d, h, mi, s, ms]) => `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z-00af-0123456789abcdef`),
      fc.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z-00af-0123456789abcdef$/),
      fc
        .integer({ min: Date.parse('0000-01-01T00:00:00.000Z'), max: Date.parse('9999-12-31T23:59:59.999Z') })
        .map((millis) => formatHlc({ millis, counter: 0xbeef, node: 'fedcba9876543210' })),
    );
    fc.assert(
      fc.property(shaped, (value) => {
        const parts = parseHlc(value);
        const millis = Date.parse(value.slice(0, 24));
        const written = Number.isFinite(millis) ? formatHlc({ millis, counter: 0, node: '' }).slice(0, 24) : null;
        if (written !== value.slice(0, 24)) expect(parts).toBeNull();
        else expect(parts && formatHlc(parts)).toBe(value);
      }),
      { numRuns: 5000 },
    );
  });
});
