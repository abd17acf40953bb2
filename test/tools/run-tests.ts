// What `npm test` runs: the type check and the lint (one counted check each, so code that
// `npm run check` refuses never passes CI), then builds the app, runs every vitest project
// (unit, server, sync, e2e) with the console reporter plus a JSON report in
// test-results/vitest.json, and prints the plain totals as the very last line — "N passed,
// N failed" — exiting non-zero on any failure. Skipped and todo tests are not counted as passed.
//
// The e2e project runs its files one at a time, and one vitest run puts such a project in a
// group of its own after every other: in the whole run of 08:04 (2 cores) unit, server and sync
// took the first 347 s on two workers, then e2e 727 s alone, with its browser and the app's
// server keeping about one core busy (network.test.ts: 65 s of CPU for 57 s). So two vitest
// runs go at once: e2e's, printed as it goes, and the other projects', niced so that they only
// take most of the CPU the browsers leave; their output is printed as soon as they end
// (test-results/vitest-others.log meanwhile).
//
// Nice 5, not 10: under CFS a niced process gets its share only of a core both runs want (weights
// 335 and 110 against 1024, so about 25 % and 10 %). e2e keeps about one core busy, so the
// others mostly have the second core whatever their nice; during a browser's burst on both
// cores, 10 % can make a unit test that needs a few seconds of CPU miss its 30 s deadline, while
// 25 % slows a page under test by at most a quarter of that burst, well within e2e's waits.
// What e2e's global setup builds (the "+next" app, the server bundle: a full multi-threaded
// `vite build` and an SSR build) is built here before the two runs start, so no build competes
// with either; the setup then finds them fresh.
import { type SpawnOptions, spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt } from '../e2e/helpers/build';
import { NEXT_DIST } from '../e2e/helpers/paths';
import { bundleServer } from '../e2e/helpers/server-bundle';
import { firstScreenReport } from './bundle-report';

const ROOT = join(import.meta.dirname, '../..');
const RESULTS = join(ROOT, 'test-results');
const JSON_REPORT = join(RESULTS, 'vitest.json');
const OTHERS_LOG = join(RESULTS, 'vitest-others.log');
const VITEST = join(ROOT, 'node_modules/vitest/vitest.mjs');

interface VitestJson {
  startTime: number;
  success: boolean;
  testResults: { name: string; status: string; message?: string; assertionResults: { status: string }[] }[];
  [count: string]: unknown;
}

/**
 * One vitest run of `projects`, its JSON report in `report`; resolves to its exit status.
 * `niced`: at a lower priority, which every process it starts inherits.
 */
function runVitest(projects: string[], report: string, niced: boolean, stdio: SpawnOptions['stdio']) {
  rmSync(report, { force: true });
  const args = [
    VITEST,
    'run',
    ...projects.flatMap((project) => ['--project', project]),
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ];
  const child = niced
    ? spawn('nice', ['-n', '5', process.execPath, ...args], { cwd: ROOT, stdio })
    : spawn(process.execPath, args, { cwd: ROOT, stdio });
  return new Promise<number | string>((resolve) => {
    child.on('error', (error) => resolve(error.message));
    child.on('close', (code, signal) => resolve(code ?? signal ?? 'no status'));
  });
}

/** A run's JSON report, or why there is none (missing, or cut short when vitest was killed). */
function readReport(path: string): VitestJson | string {
  if (!existsSync(path)) return 'no report';
  try {
    const report = JSON.parse(readFileSync(path, 'utf8')) as VitestJson;
    return Array.isArray(report.testResults) ? report : 'a report without test results';
  } catch (error) {
    return `an unreadable report (${(error as Error).message})`;
  }
}

/** The two runs' reports as one: results of both, counts added up. */
function mergeReports(reports: VitestJson[]): VitestJson {
  const merged: VitestJson = {
    ...reports[0],
    startTime: Math.min(...reports.map((report) => report.startTime)),
    success: reports.every((report) => report.success),
    testResults: reports.flatMap((report) => report.testResults),
  };
  for (const key of Object.keys(merged))
    if (key.startsWith('num')) merged[key] = reports.reduce((sum, report) => sum + Number(report[key]), 0);
  return merged;
}

function finish(passed: number, failed: number): never {
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

mkdirSync(RESULTS, { recursive: true });
rmSync(JSON_REPORT, { force: true });

let checksPassed = 0;
let checksFailed = 0;
for (const script of ['typecheck', 'lint']) {
  const check = spawnSync('npm', ['run', '--silent', script], { cwd: ROOT, stdio: 'inherit' });
  if (check.status === 0) checksPassed += 1;
  else {
    console.log(`\`npm run ${script}\` failed (see above): it counts as one failed test.`);
    checksFailed += 1;
  }
}

const build = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build'], {
  cwd: ROOT,
  stdio: 'inherit',
});
if (build.status !== 0) {
  console.log('The app did not build, so no test ran (see the errors above).');
  finish(checksPassed, checksFailed + 1);
}
const bundle = firstScreenReport(join(ROOT, 'dist'));
console.log(`First screen: ${bundle.gzipKb} KB of JS+CSS, gzipped.`);
try {
  ensureBuilt(NEXT_DIST, 'next');
  // Sets the variable that tells the e2e run's setup and tests where the built server is. Vite's
  // build also sets NODE_ENV=production when it finds none, which both runs would inherit (vitest
  // keeps the NODE_ENV it finds, and six unit files then failed to load): it is put back.
  const nodeEnv = process.env.NODE_ENV;
  await bundleServer();
  if (nodeEnv === undefined) delete process.env.NODE_ENV;
  else process.env.NODE_ENV = nodeEnv;
} catch (error) {
  console.log(`The e2e tests' second build or server bundle failed, so no test ran: ${(error as Error).message}`);
  finish(checksPassed, checksFailed + 1);
}

const E2E_REPORT = join(RESULTS, 'vitest-e2e.json');
const OTHERS_REPORT = join(RESULTS, 'vitest-others.json');
console.log(`The other projects (unit, server, sync) run beside e2e; output when they end (${OTHERS_LOG} meanwhile).`);
const othersLog = openSync(OTHERS_LOG, 'w');
const [othersStatus, e2eStatus] = await Promise.all([
  runVitest(['!e2e'], OTHERS_REPORT, true, ['ignore', othersLog, othersLog]).then((status) => {
    // Printed at once, not after e2e: if CI's time limit ends the job first, their failures are in its log.
    closeSync(othersLog);
    console.log('\n── The other projects (unit, server, sync), run beside e2e ──');
    process.stdout.write(readFileSync(OTHERS_LOG));
    console.log('── End of the other projects ──\n');
    return status;
  }),
  runVitest(['e2e'], E2E_REPORT, false, 'inherit'),
]);

let passed = checksPassed;
let failed = checksFailed;
const reports: VitestJson[] = [];
for (const run of [
  { report: OTHERS_REPORT, status: othersStatus },
  { report: E2E_REPORT, status: e2eStatus },
]) {
  const report = readReport(run.report);
  if (typeof report === 'string') {
    // The other run's results still count; this one counts as one failure.
    console.log(`vitest ended (${run.status}) with ${report} in ${run.report}: the run itself failed.`);
    failed += 1;
  } else reports.push(report);
}
const failedRuns = failed;
if (reports.length > 0) {
  const report = mergeReports(reports);
  writeFileSync(JSON_REPORT, JSON.stringify(report));
  for (const file of report.testResults) {
    for (const test of file.assertionResults ?? []) {
      if (test.status === 'passed') passed += 1;
      else if (test.status === 'failed') failed += 1;
    }
    // A file that failed to load has no test results of its own: it counts as one failure.
    if (file.status === 'failed' && !file.assertionResults?.some((test) => test.status === 'failed')) failed += 1;
  }
}
if ([othersStatus, e2eStatus].some((status) => status !== 0) && failed === failedRuns) {
  console.log('vitest reported errors outside any test (see above).');
  failed += 1;
}
finish(passed, failed);
