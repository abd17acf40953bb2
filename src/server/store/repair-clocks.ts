// Before clocks were checked strictly, a device could store a clock that is no real time
// ("9999-99-99…") or one far in the future; either wins every later merge and locks its field.
// A store migration sets such clocks to the server's time at the migration.
import type { FieldClocks } from '../../domain/merge';
import { formatHlc, MAX_CLOCK_AHEAD_MS, parseHlc } from '../../protocol/hlc';
import { SERVER_CLOCK_NODE } from '../push/plan';

/** The clocks with every unreal or too-far-ahead one replaced, or null when none needed it. */
export function repairedClocks(clocks: FieldClocks, now: number): FieldClocks | null {
  const repair = formatHlc({ millis: now, counter: 0, node: SERVER_CLOCK_NODE });
  let changed = false;
  const result: FieldClocks = {};
  for (const [key, clock] of Object.entries(clocks)) {
    const parts = typeof clock === 'string' ? parseHlc(clock) : null;
    const fine = parts !== null && parts.millis - now <= MAX_CLOCK_AHEAD_MS;
    result[key] = fine ? clock : repair;
    changed ||= !fine;
  }
  return changed ? result : null;
}
