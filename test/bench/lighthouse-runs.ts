// Lighthouse's first-visit runs, in a process of their own started at a low priority by
// lighthouse-figures.ts (why: there). Arguments: the page's URL, the DevTools port of a Chromium
// already running, the number of runs. Sends its samples to the parent and exits.
import lighthouse from 'lighthouse';
import type { FirstVisitSamples } from './lighthouse-figures';
import { threadTimeTbt } from './thread-time-tbt';

/**
 * Lighthouse's trace of a page load is now and then not recorded when the machine is busy
 * (NO_NAVSTART, "Please run Lighthouse again"): no page was measured, so the run is made again,
 * at most twice, and said so. Any other runtime error ends the bench.
 */
const UNRECORDED_TRACE = 'NO_NAVSTART';
const TRACE_ATTEMPTS = 3;

async function recordedRun(url: string, port: number) {
  for (let attempt = 1; ; attempt++) {
    const result = await lighthouse(url, {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices'],
    });
    if (!result) throw new Error('Lighthouse returned no result');
    const { runtimeError } = result.lhr;
    if (!runtimeError) return result;
    if (runtimeError.code !== UNRECORDED_TRACE || attempt === TRACE_ATTEMPTS)
      throw new Error(`Lighthouse: ${runtimeError.code} ${runtimeError.message}`);
    console.error(`Lighthouse recorded no trace (${runtimeError.code}); the run is made again.`);
  }
}

async function runFirstVisits(url: string, port: number, runs: number): Promise<FirstVisitSamples> {
  const samples: FirstVisitSamples = {
    performance: [],
    fcp: [],
    lcp: [],
    tbt: [],
    tbtOnCpu: [],
    accessibility: [],
    bestPractices: [],
  };
  for (let run = 0; run < runs; run++) {
    const result = await recordedRun(url, port);
    const { categories, audits } = result.lhr;
    samples.performance.push(categories.performance?.score ?? Number.NaN);
    samples.accessibility.push(categories.accessibility?.score ?? Number.NaN);
    samples.bestPractices.push(categories['best-practices']?.score ?? Number.NaN);
    samples.fcp.push(audits['first-contentful-paint']?.numericValue ?? Number.NaN);
    samples.lcp.push(audits['largest-contentful-paint']?.numericValue ?? Number.NaN);
    samples.tbt.push(audits['total-blocking-time']?.numericValue ?? Number.NaN);
    samples.tbtOnCpu.push(await threadTimeTbt(result));
  }
  return samples;
}

// The bench gone (ended, or its test timed out), its Chromium is too: nothing left to measure.
process.on('disconnect', () => process.exit(1));
const [url, port, runs] = process.argv.slice(2);
if (!url || !port || !runs || !process.send) throw new Error('lighthouse-runs.ts is started by lighthouse-figures.ts');
const samples = await runFirstVisits(url, Number(port), Number(runs));
// Exits once sent: a connection Lighthouse left open would otherwise keep the process alive.
process.send(samples, () => process.exit(0));
