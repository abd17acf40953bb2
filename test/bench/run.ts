// `npm run bench`: the field-scale benchmark. Prints one JSON line per figure, then a table.
// Options: --visits N (default 50000), --runs N (default 5), --seed N.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, freemem, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { datasetSize, generateDataset } from './data/dataset';
import { derived, type Figure, formatLine, formatTable, summarise } from './figures';
import { measureIngest, measureRawInsert, seedServer, toMutations } from './server-side';

export interface BenchOptions {
  visits: number;
  runs: number;
  seed: number;
  print?: (line: string) => void;
}

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function runBench({ visits, runs, seed, print = console.log }: BenchOptions): Promise<Figure[]> {
  const figures: Figure[] = [];
  const report = (figure: Figure) => {
    figures.push(figure);
    print(formatLine(figure));
  };
  const work = mkdtempSync(join(tmpdir(), 'valise-bench-'));
  print(
    `machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB memory, ${Math.round(freemem() / 2 ** 30)} GiB free; node ${process.version}`,
  );
  const dataset = generateDataset(seed, visits);
  print(`data set: ${visits} visits, ${datasetSize(dataset)} records in all, seed ${seed}`);

  // Server: applying pushes against a plain insert loop of the same rows.
  const mutations = toMutations(dataset).slice(0, Math.min(20_000, datasetSize(dataset)));
  const ingest: number[] = [];
  const raw: number[] = [];
  for (let run = 0; run < runs; run++) {
    ingest.push(await measureIngest(work, mutations));
    raw.push(measureRawInsert(work, mutations));
  }
  const ingestFigure = summarise('server.ingest_per_s', 'records/s', ingest);
  const rawFigure = summarise('sqlite.raw_insert_per_s', 'records/s', raw);
  report(ingestFigure);
  report(rawFigure);
  report(derived('server.ingest_vs_raw', 'ratio', ingestFigure.median / rawFigure.median));

  // Browser: a harness page served by a real server seeded with the whole data set.
  const harness = join(work, 'harness');
  await build({ configFile: join(import.meta.dirname, 'vite.bench.config.ts'), build: { outDir: harness } });
  const { token, networkId } = await seedServer(join(work, 'data'), dataset);
  const server = await startServer(join(work, 'data'), harness);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.waitForFunction(
      () => (window as unknown as { valiseBench?: { ready: boolean } }).valiseBench?.ready === true,
    );
    type Bench = {
      rawPut(seed: number, count: number): Promise<number>;
      appPut(seed: number, count: number): Promise<number>;
      initialPull(token: string, networkId: string): Promise<{ ms: number; records: number }>;
      push(token: string, networkId: string, seed: number, count: number): Promise<number>;
    };
    const call = <K extends keyof Bench>(name: K, ...args: Parameters<Bench[K]>) =>
      page.evaluate(
        ({ name, args }) =>
          (window as unknown as { valiseBench: Record<string, (...a: unknown[]) => unknown> }).valiseBench[name]?.(
            ...args,
          ),
        { name, args },
      ) as ReturnType<Bench[K]>;

    const putCount = Math.min(visits, 10_000);
    const rawPuts: number[] = [];
    const appPuts: number[] = [];
    for (let run = 0; run < runs; run++) {
      rawPuts.push((putCount / (await call('rawPut', seed, putCount))) * 1000);
      appPuts.push((putCount / (await call('appPut', seed, putCount))) * 1000);
    }
    const rawPut = summarise('idb.raw_put_per_s', 'records/s', rawPuts);
    const appPut = summarise('app.put_per_s', 'records/s', appPuts);
    report(rawPut);
    report(appPut);
    report(derived('app.put_vs_raw', 'ratio', appPut.median / rawPut.median, '>= 0.9'));

    const pulls: number[] = [];
    for (let run = 0; run < runs; run++) {
      const { ms, records } = await call('initialPull', token, networkId);
      if (records !== datasetSize(dataset)) throw new Error(`pulled ${records} of ${datasetSize(dataset)} records`);
      pulls.push((records / ms) * 1000);
    }
    const pull = summarise('sync.initial_pull_per_s', 'records/s', pulls);
    report(pull);
    report(derived('sync.initial_pull_vs_raw', 'ratio', pull.median / rawPut.median, '>= 0.75'));

    const pushes: number[] = [];
    const pushCount = Math.min(visits, 10_000);
    for (let run = 0; run < runs; run++) pushes.push(await call('push', token, networkId, seed + 1 + run, pushCount));
    report(
      summarise(
        pushCount === 10_000 ? 'sync.push_10k_ms' : `sync.push_${pushCount}_ms`,
        'ms',
        pushes,
        pushCount === 10_000 ? '<= 2000' : undefined,
      ),
    );
  } finally {
    await browser.close();
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
  print('');
  print(formatTable(figures));
  return figures;
}

async function startServer(dataDir: string, distDir: string): Promise<{ url: string; stop(): Promise<void> }> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', VALISE_DATA: dataDir, VALISE_DIST: distDir },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 100; attempt++) {
    const up = await fetch(`${url}/api/health`)
      .then((response) => response.ok)
      .catch(() => false);
    if (up) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runBench({ visits: option('visits', 50_000), runs: option('runs', 5), seed: option('seed', 20261128) });
}
