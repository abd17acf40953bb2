// The first visit as Lighthouse sees it (mobile preset: simulated slow 4G and 4× CPU) against
// the real server, on Debian's Chromium. Lighthouse resets storage before each run, so every
// run is a concierge's very first visit: no service worker, nothing cached.
//
// Lighthouse simulates the phone from the recorded trace's main-thread tasks by their wall time,
// so time the page waited for a core counts as the phone's. On a 2-core machine Lighthouse's own
// process (it receives and parses the trace as it is recorded) and the server took about an eighth
// of the CPU in the first visit's window (docs/bench-notes.md). Both therefore run at a
// low priority, and Chromium, started here at the bench's own, gets the cores first.
// Lighthouse runs in a process of its own (lighthouse-runs.ts) because a process cannot raise its
// priority back without privilege, and the bench's other figures must not run niced. What
// the page does and the preset's simulated throttling are unchanged.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/helpers/browser';
import { ROOT } from '../e2e/helpers/paths';
import { type Figure, summarise } from './figures';

/**
 * A command's prefix that runs it at a low priority; its threads and children inherit it. Nice 10
 * (weight 110 against 1024) leaves Lighthouse about a tenth of a core the page also wants. Not 19:
 * `npm test` runs the bench's smoke test beside the other test projects at nice 5
 * (test/tools/run-tests.ts), and at 19 (weight 15 against 335) Lighthouse's process, 11 s or more
 * of CPU for one run, got 2 % of the cores beside two such processes and the test timed out.
 */
export const LOW_PRIORITY = ['nice', '-n', '10'] as const;

/** The e2e tests' sandbox flags, in the new headless mode Lighthouse wants. */
const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_ARGS.filter((flag) => flag !== '--headless')];

/** Each run's figures, in run order. */
export interface FirstVisitSamples {
  performance: number[];
  fcp: number[];
  lcp: number[];
  tbt: number[];
  tbtOnCpu: number[];
  accessibility: number[];
  bestPractices: number[];
}

function runLighthouseNiced(url: string, port: number, runs: number): Promise<FirstVisitSamples> {
  const child = spawn(
    LOW_PRIORITY[0],
    [
      ...LOW_PRIORITY.slice(1),
      process.execPath,
      '--import',
      'tsx',
      join(import.meta.dirname, 'lighthouse-runs.ts'),
      url,
      String(port),
      String(runs),
    ],
    // 'advanced': the samples' NaN (an audit without a value) comes back as NaN, not null.
    { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' },
  );
  return new Promise((resolve, reject) => {
    let samples: FirstVisitSamples | undefined;
    child.on('message', (message) => {
      samples = message as FirstVisitSamples;
    });
    child.on('error', reject);
    // 'close' comes after the IPC channel's last message.
    child.on('close', (code, signal) => {
      if (samples) resolve(samples);
      else reject(new Error(`Lighthouse's runs ended (${signal ?? `exit code ${code}`}) with no figures`));
    });
  });
}

export async function measureFirstVisit(url: string, runs: number): Promise<Figure[]> {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROME_FLAGS });
  let samples: FirstVisitSamples;
  try {
    samples = await runLighthouseNiced(url, chrome.port, runs);
  } finally {
    chrome.kill();
  }
  return [
    summarise('lighthouse.performance', 'score', samples.performance, '>= 0.95'),
    summarise('lighthouse.fcp_ms', 'ms', samples.fcp, '<= 1800'),
    summarise('lighthouse.lcp_ms', 'ms', samples.lcp),
    summarise('lighthouse.tbt_ms', 'ms', samples.tbt, '<= 150'),
    // No goal: the goal is Lighthouse's own figure, above; this one is the app's part of it.
    summarise('lighthouse.tbt_cpu_ms', 'ms', samples.tbtOnCpu),
    summarise('lighthouse.accessibility', 'score', samples.accessibility, '>= 1'),
    summarise('lighthouse.best_practices', 'score', samples.bestPractices, '>= 1'),
  ];
}
