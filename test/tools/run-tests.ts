// What `npm test` runs: the type check and the lint (one counted check each, so code that
// `npm run check` refuses never passes CI), then builds the app, runs every vitest project
// (unit, server, sync, e2e) with the console reporter plus a JSON report in
// test-results/vitest.json, and prints the plain totals as the very last line — "N passed,
// N failed" — exiting non-zero on any failure. Skipped and todo tests are not counted as passed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { firstScreenReport } from './bundle-report';

const ROOT = join(import.meta.dirname, '../..');
const RESULTS = join(ROOT, 'test-results');
const JSON_REPORT = join(RESULTS, 'vitest.json');

interface VitestJson {
  testResults: { name: string; status: string; message?: string; assertionResults: { status: string }[] }[];
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

const vitest = spawnSync(
  process.execPath,
  [
    join(ROOT, 'node_modules/vitest/vitest.mjs'),
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${JSON_REPORT}`,
  ],
  { cwd: ROOT, stdio: 'inherit' },
);

if (!existsSync(JSON_REPORT)) {
  console.log(`vitest ended (${vitest.status ?? vitest.signal}) without a report: the run itself failed.`);
  finish(checksPassed, checksFailed + 1);
}
const report = JSON.parse(readFileSync(JSON_REPORT, 'utf8')) as VitestJson;
let passed = checksPassed;
let failed = checksFailed;
for (const file of report.testResults) {
  for (const test of file.assertionResults) {
    if (test.status === 'passed') passed += 1;
    else if (test.status === 'failed') failed += 1;
  }
  // A file that failed to load has no test results of its own: it counts as one failure.
  if (file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed')) failed += 1;
}
if (vitest.status !== 0 && failed === checksFailed) {
  console.log('vitest reported errors outside any test (see above).');
  failed += 1;
}
finish(passed, failed);
