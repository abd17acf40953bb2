// A suite's tests on PostgreSQL: one throwaway cluster started before them and stopped after, or
// the suite skipped, its name saying why, on a machine without PostgreSQL (never under CI).
import { afterAll, beforeAll, describe } from 'vitest';
import { PostgresCluster, postgresUnavailable } from './postgres-cluster';

/**
 * `describe(name, …)` whose `body` reads the suite's cluster with `cluster()` in its tests and
 * hooks. Hooks `body` adds run after the cluster has started, and before it stops.
 */
export function describeOnPostgres(name: string, body: (cluster: () => PostgresCluster) => void): void {
  const unavailable = postgresUnavailable();
  describe.skipIf(unavailable !== null)(`${name}${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
    let started: PostgresCluster | undefined;
    beforeAll(async () => {
      started = await PostgresCluster.start();
    }, 120_000);
    // Stopping takes a second on a quiet machine; at load 30 (a CI run beside seven engineers'
    // tests and browsers) it went past a minute, waiting for the disk.
    afterAll(async () => {
      await started?.stop();
    }, 180_000);
    body(() => {
      if (!started) throw new Error('the PostgreSQL cluster starts before the suite’s tests');
      return started;
    });
  });
}
