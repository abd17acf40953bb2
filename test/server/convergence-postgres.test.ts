// The convergence property suite of test/sync, with the server on PostgreSQL: devices under a
// hostile network converge to the server's state, losing no write (fewer runs than on SQLite:
// each run gets its own database).
import 'fake-indexeddb/auto';
import { beforeAll, it } from 'vitest';
import { describeOnPostgres } from '../helpers/postgres-suite';
import { TestServer } from '../helpers/test-server';
import { runConvergence } from '../sync/model/run';

const runs = Number(process.env.VALISE_PG_CONVERGENCE_RUNS ?? 20);

describeOnPostgres('convergence on PostgreSQL', (cluster) => {
  beforeAll(() => {
    TestServer.storeFactory = cluster().storeFactory();
  });

  it(`converges to the server's state, losing no write, in ${runs} random schedules`, async () => {
    await runConvergence({ runs });
  }, 900_000);
});
