// `npm run bench` at toy scale, so the benchmark cannot rot: every figure is printed and is a
// finite number. Its values are not judged here (speed is shown by the bench, never by tests).
import { expect, test } from 'vitest';
import { parseFigures } from '../bench/figures';
import { runBench } from '../bench/run';
import { DIST } from './helpers/paths';

test('the benchmark prints every figure as a finite number', { timeout: 600_000 }, async () => {
  const lines: string[] = [];
  await runBench({ visits: 200, runs: 1, seed: 7, appDist: DIST, print: (line) => lines.push(line) });
  const output = lines.join('\n');
  const figures = parseFigures(output);
  expect(figures.map((figure) => figure.name)).toEqual([
    'server.ingest_per_s',
    'sqlite.raw_insert_per_s',
    'server.ingest_vs_raw',
    'bundle.first_screen_gz_kb',
    'communes.data_gz_kb',
    'communes.parse_ms',
    'communes.lookup_ms',
    'lighthouse.performance',
    'lighthouse.fcp_ms',
    'lighthouse.lcp_ms',
    'lighthouse.tbt_ms',
    'lighthouse.tbt_cpu_ms',
    'lighthouse.accessibility',
    'lighthouse.best_practices',
    'start.offline_cold_ms',
    'memory.js_heap_mb',
    'idb.raw_put_per_s',
    'idb.raw_put_indexed_per_s',
    'app.put_per_s',
    'app.put_vs_raw',
    'app.put_vs_raw_indexed',
    'sync.initial_pull_per_s',
    'sync.initial_pull_vs_raw',
    'idb.raw_put_pulled_per_s',
    'sync.initial_pull_vs_raw_pulled',
    'visits.list_page_ms',
    'followUps.overdue_count_ms',
    'search.first_query_ms',
    'search.query_ms',
    'visits.first_save_ms',
    'visits.save_ms',
    'contacts.person_page_ms',
    'reports.year_ms',
    'merge.people_ms',
    'import.contacts_200_ms',
    'sync.push_200_ms',
  ]);
  for (const figure of figures) expect(Number.isFinite(figure.value), figure.name).toBe(true);
  expect(output).toMatch(/^machine: \d+ cores/m);
  expect(output).toMatch(/a visit is \d+ B of JSON/);
  expect(output).toMatch(/^machine: (quiet|BUSY) \(other processes' CPU \d+\.\d+ core/m);
  expect(output).toContain('| figure');
});
