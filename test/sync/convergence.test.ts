import { describe, it } from 'vitest';
import { runConvergence } from './model/run';

// CI runs at least 200 schedules; VALISE_FUZZ_RUNS / VALISE_FUZZ_SEED replay or extend locally
// (or `npm run test:fuzz -- --runs N --seed S`).
const runs = Number(process.env.VALISE_FUZZ_RUNS ?? 200);
const seed = process.env.VALISE_FUZZ_SEED ? Number(process.env.VALISE_FUZZ_SEED) : undefined;
// A schedule takes about 0.5 s on a quiet machine (merges move every kind of reference); the
// bound leaves room for a loaded one: beside a CPU burner and the other projects, 200 schedules
// took over 600 s.
const timeout = Math.max(1_200_000, runs * 6_000);

describe('convergence of devices under a hostile network', () => {
  // Devices of two releases mixed (model/schedule.ts, `Release`): an old device keeps the
  // field only the new one writes, through its own edits of the same records. Lieux and people
  // are merged on any device, concurrently or not, while others write offline against them.
  it(
    `converges to the server's state, losing no write nor field, with two releases mixed and duplicates merged, in ${runs} random schedules`,
    async () => {
      await runConvergence({ runs, ...(seed !== undefined ? { seed } : {}) });
    },
    timeout,
  );
});
