// `npm run test:fuzz -- --runs N [--seed S]`: runs N convergence schedules (replays a failing
// seed printed by a previous run).
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const option = (name: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
};
const runs = option('runs') ?? '200';
const seed = option('seed');
const result = spawnSync('npx', ['vitest', 'run', '--project', 'sync', 'test/sync/convergence.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, VALISE_FUZZ_RUNS: runs, ...(seed ? { VALISE_FUZZ_SEED: seed } : {}) },
});
process.exit(result.status ?? 1);
