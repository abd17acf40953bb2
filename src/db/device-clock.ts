// The device's hybrid logical clock, made from the state `meta` kept (openDataContext read it)
// the first time a write or the sync engine asks for it: the first screen only reads, and does
// not load the clock's code.
import { HybridClock, MAX_CLOCK_AHEAD_MS } from '../protocol/hlc';
import type { DataContext } from './context';

const clocks = new WeakMap<DataContext, HybridClock>();

export function deviceClock(context: DataContext): HybridClock {
  let clock = clocks.get(context);
  if (!clock) {
    clock = new HybridClock(context.identity.clockNode, context.wallClock);
    const saved = context.savedClock;
    if (saved) {
      clock.restore(saved.last);
      clock.offsetMs = saved.offsetMs;
      clock.forgetFuture(MAX_CLOCK_AHEAD_MS);
    }
    clocks.set(context, clock);
  }
  return clock;
}

/** Persists the clock inside the caller's transaction (which must include `meta`). */
export function saveClock(context: DataContext): Promise<string> {
  const clock = deviceClock(context);
  return context.db.meta.put({ key: 'clock', value: { last: clock.snapshot(), offsetMs: clock.offsetMs } });
}
