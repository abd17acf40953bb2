// The server the e2e tests start, built once per run into one file that plain Node runs. Run
// from its sources through tsx, each start spent 1.1–1.5 s of CPU before it listened (tsx's
// own loader, then every module through its hooks), 0.35 s from this build; most e2e tests
// start one or more. The code is the same: Vite's SSR build of src/server/main.ts with
// its packages left as imports, under test-results/ at the depth of src/server/, so that
// `new URL('../../package.json', import.meta.url)` finds the copy beside it and node_modules is
// the project's own. The releases of the N−1 tests still run from their sources.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { RESULTS, ROOT } from './paths';

const BUNDLE = join(RESULTS, 'server-bundle');
/**
 * Where the e2e run's global setup says its built server is, for the processes it starts; unset
 * elsewhere (the bench), which runs the sources.
 */
const ENTRY_VARIABLE = 'VALISE_E2E_SERVER_ENTRY';

/** The built server's entry for `node`, when this run built one. */
export function builtServer(): string | undefined {
  return process.env[ENTRY_VARIABLE] || undefined;
}

/** Builds the server anew (its sources may have changed since the last run), for this run's tests. */
export async function bundleServer(): Promise<void> {
  await build({
    configFile: false,
    root: ROOT,
    publicDir: false,
    logLevel: 'warn',
    build: {
      ssr: join(ROOT, 'src/server/main.ts'),
      outDir: join(BUNDLE, 'src/server'),
      emptyOutDir: true,
      minify: false,
    },
  });
  mkdirSync(BUNDLE, { recursive: true });
  copyFileSync(join(ROOT, 'package.json'), join(BUNDLE, 'package.json'));
  // Set before vitest starts its workers: they inherit it.
  process.env[ENTRY_VARIABLE] = join(BUNDLE, 'src/server/main.js');
}
