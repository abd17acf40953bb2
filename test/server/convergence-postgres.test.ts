// The convergence property suite of test/sync, with the server on PostgreSQL: devices under a
// hostile network converge to the server's state, losing no write (fewer runs than on SQLite:
// each run gets its own database).
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { PostgresCluster, postgresUnavailable } from '../helpers/postgres-cluster';
import { TestServer } from '../helpers/test-server';
import { runConvergence } from '../sync/model/run';

const runs = Number(process.env.VALISE_PG_CONVERGENCE_RUNS ?? 20);
const unavailable = postgresUnavailable();

describe.skipIf(unavailable !== null)(
  `convergence on PostgreSQL${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    let cluster: PostgresCluster;
    beforeAll(async () => {
      cluster = await PostgresCluster.start();
      TestServer.storeFactory = cluster.storeFactory();
    }, 120_000);
    afterAll(async () => {
      await cluster?.stop();
    }, 60_000);

    it(`converges to the server's state, losing no write, in ${runs} random schedules`, async () => {
      await runConvergence({ runs });
    }, 900_000);
  },
);
