// The device's hybrid logical clock, made from the state `meta` kept (openDataContext read it)
// the first time a write or the sync engine asks for it: the first screen only reads, and does
// not load the clock's code.
import { HybridClock, MAX_CLOCK_AHEAD_MS } from '../protocol/hlc';
import type { DataContext, SavedClock } from './context';

const clocks = new WeakMap<DataContext, HybridClock>();
/**
 * The saved time each tab's clock last took in. Taken in again, a time its open forgot as too
 * far ahead (a phone once set a year ahead, since put right) would date every write a year
 * ahead again.
 */
const takenIn = new WeakMap<DataContext, string>();

export function deviceClock(context: DataContext): HybridClock {
  let clock = clocks.get(context);
  if (!clock) {
    clock = new HybridClock(context.identity.clockNode, context.wallClock);
    const saved = context.savedClock;
    if (saved) {
      clock.restore(saved.last);
      clock.offsetMs = saved.offsetMs;
      clock.forgetFuture(MAX_CLOCK_AHEAD_MS);
      takenIn.set(context, saved.last);
    }
    clocks.set(context, clock);
  }
  return clock;
}

/**
 * Takes in what the device's other tabs taught the clock since this tab made it, inside the
 * caller's transaction (which must include `meta`), before the clock dates a write. Each tab
 * holds its own clock: one that had not synced since the phone's clock fell an hour behind
 * dated its edits an hour back, and an edit of a value another tab had just pulled lost to
 * that older value, on every device. The stored state is the latest any tab saved: its time
 * (the greatest handed out or seen) and the correction last learned from the server.
 */
export async function catchUpClock(context: DataContext): Promise<void> {
  const saved = (await context.db.meta.get('clock'))?.value as SavedClock | undefined;
  if (!saved) return;
  const clock = deviceClock(context);
  if (saved.last !== takenIn.get(context)) {
    clock.restore(saved.last);
    takenIn.set(context, saved.last);
  }
  if (saved.offsetMs === clock.offsetMs) return;
  // A correction learned by another tab: what this tab's wrong time handed out is forgotten, as
  // that tab forgot it (saveClockOffset), rather than go on dating writes past the server's limit.
  clock.offsetMs = saved.offsetMs;
  clock.forgetFuture(MAX_CLOCK_AHEAD_MS);
}

/** Persists the clock inside the caller's transaction (which must include `meta`). */
export function saveClock(context: DataContext): Promise<string> {
  const clock = deviceClock(context);
  return context.db.meta.put({ key: 'clock', value: { last: clock.snapshot(), offsetMs: clock.offsetMs } });
}
