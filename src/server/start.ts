// `npm start`: builds the app when the build is missing or older than the sources, then
// starts the server.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readConfig } from './config';
import { exitOnStartFailure, startServer } from './main';
import { swapInBuild } from './static/build-swap';

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

/**
 * `vite build`, its output shown only if it fails: a newcomer's first `npm start` printed a
 * hundred lines of chunk sizes and the service worker build's own deprecation warning (set
 * inside vite-plugin-pwa 2.0.0, not by our config), which read as errors. `--logLevel error`
 * silences the app's build; the worker's inner build ignores it, hence the capture.
 */
function buildQuietly(outDir: string): void {
  const build = spawnSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (build.status === 0) return;
  process.stderr.write(`${build.stdout ?? ''}${build.stderr ?? ''}`);
  throw build.error ?? new Error(`vite build failed (exit code ${build.status ?? build.signal})`);
}

try {
  const { distDir } = readConfig();
  const index = join(distDir, 'index.html');
  const sources = ['src', 'public', 'index.html', 'vite.config.ts'].filter(existsSync);
  if (!existsSync(index) || Math.max(...sources.map(newestMtime)) > statSync(index).mtimeMs) {
    console.log('Building the app…');
    swapInBuild(distDir, buildQuietly);
  }
  await startServer();
} catch (error) {
  exitOnStartFailure(error);
}
