import { describe, expect, it } from 'vitest';
import { HybridClock, parseHlc } from '../../../src/protocol/hlc';

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

  it('applies the offset learned from the server to its physical time', () => {
    const clock = new HybridClock(NODE_A, () => 1_000_000);
    clock.offsetMs = -500_000;
    expect(parseHlc(clock.tick())?.millis).toBe(500_000);
  });

  it('breaks ties between devices by node id, the same way everywhere', () => {
    const a = new HybridClock(NODE_A, () => 42).tick();
    const b = new HybridClock(NODE_B, () => 42).tick();
    expect(a < b).toBe(true);
  });

  it('refuses a node id that is not 16 hex digits', () => {
    expect(() => new HybridClock('xyz')).toThrow(/node id/);
  });
});
