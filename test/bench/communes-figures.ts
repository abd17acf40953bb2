// The communes known offline: what the table costs a device to download (its chunk, gzipped,
// as the worker fetches it at install) and to read, and what one lookup costs once read.
// Read and lookups are timed in Node on the same built chunk: the work is plain string and
// array code, the same in the browser's engine.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { parseCommunes, searchCommunes } from '../../src/domain/communes';
import { type Figure, summarise } from './figures';

/** What a concierge types: full postcodes (shared, Corsica, overseas), starts, names. */
const QUERIES = ['01400', '20000', '97400', '35', '351', 'rennes', 'saint denis', 'chatillon', 'Bourg-en-Bresse'];

export async function measureCommunes(appDist: string, runs: number): Promise<Figure[]> {
  const file = readdirSync(join(appDist, 'assets')).find((name) => /^communes-.*\.js$/.test(name));
  if (!file) throw new Error('the build has no communes chunk');
  const path = join(appDist, 'assets', file);
  const gzipKb = gzipSync(readFileSync(path)).length / 1024;
  const { default: table } = (await import(pathToFileURL(path).href)) as { default: string };
  const parseMs: number[] = [];
  const lookupMs: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    const index = parseCommunes(table);
    parseMs.push(performance.now() - start);
    for (const query of QUERIES) {
      const began = performance.now();
      searchCommunes(index, query);
      lookupMs.push(performance.now() - began);
    }
  }
  return [
    summarise('communes.data_gz_kb', 'KB', [gzipKb]),
    summarise('communes.parse_ms', 'ms', parseMs),
    summarise('communes.lookup_ms', 'ms', lookupMs, '<= 20'),
  ];
}
