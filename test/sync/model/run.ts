import fc from 'fast-check';
import { checkWorld } from './checks';
import { scheduleArbitrary } from './schedule';
import { World } from './world';

export interface RunOptions {
  runs: number;
  seed?: number;
  path?: string;
}

/** Runs seeded random schedules; a failure names its seed and path so it replays exactly. */
export async function runConvergence({ runs, seed, path }: RunOptions): Promise<void> {
  await fc.assert(
    fc.asyncProperty(scheduleArbitrary(), async (schedule) => {
      const world = await World.create(schedule);
      try {
        for (const action of schedule.actions) await world.play(action);
        await world.heal();
        if (world.maxClockAheadMs > 0) throw new Error('a clock was clamped: the oracle assumes corrected clocks');
        await checkWorld(world);
      } finally {
        await world.dispose();
      }
    }),
    { numRuns: runs, ...(seed !== undefined ? { seed } : {}), ...(path ? { path } : {}), endOnFailure: false },
  );
}
