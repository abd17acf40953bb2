// Interleaved first-visit comparison: A and B dists, one Lighthouse run each per round.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../test/e2e/helpers/server';
import { measureFirstVisit } from '../test/bench/lighthouse-figures';

const [distA, distB, roundsArg] = process.argv.slice(2);
const rounds = Number(roundsArg ?? 4);
const results: Record<string, { tbt: number[]; fcp: number[]; perf: number[] }> = {
  A: { tbt: [], fcp: [], perf: [] },
  B: { tbt: [], fcp: [], perf: [] },
};
for (let round = 0; round < rounds; round++) {
  const order = round % 2 === 0 ? ['A', 'B'] : ['B', 'A'];
  for (const which of order) {
    const distDir = which === 'A' ? distA : distB;
    const server = await startServer({ distDir: distDir as string, dataDir: mkdtempSync(join(tmpdir(), 'lhab-')) });
    try {
      const figures = await measureFirstVisit(server.url, 1);
      const get = (name: string) => figures.find((figure) => figure.name === name)?.value ?? Number.NaN;
      results[which]?.tbt.push(get('lighthouse.tbt_ms'));
      results[which]?.fcp.push(get('lighthouse.fcp_ms'));
      results[which]?.perf.push(get('lighthouse.performance'));
      console.log(which, round, get('lighthouse.tbt_ms'), get('lighthouse.fcp_ms'), get('lighthouse.performance'));
    } finally {
      await server.stop();
    }
  }
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
for (const which of ['A', 'B'])
  console.log(which, 'tbt', results[which]?.tbt.join(' '), 'median', median(results[which]?.tbt ?? []));
