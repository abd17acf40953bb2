// Builds the app for the e2e tests, only when the build is missing or older than its sources.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { previousBuildDir } from '../../../src/server/static/build-swap';
import { ROOT } from './paths';

const SOURCES = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json'];

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

export function isBuildStale(distDir: string): boolean {
  const index = join(distDir, 'index.html');
  if (!existsSync(index) || !existsSync(join(distDir, 'sw.js'))) return true;
  const sources = SOURCES.map((source) => join(ROOT, source)).filter(existsSync);
  return Math.max(...sources.map(newestMtime)) > statSync(index).mtimeMs;
}

/** `vite build` into `distDir`; `label` marks the version ("0.1.0+label") to tell builds apart. */
export function buildApp(distDir: string, label?: string): void {
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', distDir, '--emptyOutDir'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      // vitest sets NODE_ENV=test, which would build the app without its production-only
      // parts (the service worker's registration among them).
      env: { ...process.env, NODE_ENV: 'production', ...(label ? { VALISE_BUILD_LABEL: label } : {}) },
    },
  );
}

export function ensureBuilt(distDir: string, label?: string): void {
  // The server answers hashed assets, and the whole app while the served folder is missing, from
  // the build `npm run build` replaced: left beside the tests' build, it would hide a file this
  // one lacks, which only CI would then see.
  rmSync(previousBuildDir(distDir), { recursive: true, force: true });
  if (isBuildStale(distDir)) buildApp(distDir, label);
}
