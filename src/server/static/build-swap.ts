// A new build of the app is made beside the one served, then put in its place by renames: an
// upgrade builds while the old server runs, and vite empties its output folder first, so a build
// made in place answered 404 for the page's own scripts, or a half-written index.html, to a first
// visit or to a service worker fetching its precache meanwhile.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The build the last one replaced, kept until the next: the server answers its hashed assets when
 * the served build has no such file (routes/static.ts), so a page loaded before the swap still
 * loads its lazily loaded screens, and the instant between the two renames answers the old app.
 */
export function previousBuildDir(distDir: string): string {
  return `${distDir}.previous`;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One build at a time (`npm start` beside `npm run build`, an upgrade line run twice): both
 * builds wrote into one `dist.building`, the second emptying the first's, and a mix was swapped
 * in. The lock holds the builder's pid; a build killed before it let go leaves one to take over.
 */
function lockBuilds(distDir: string): () => void {
  const lock = `${distDir}.lock`;
  let fd: number;
  try {
    fd = openSync(lock, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const pid = Number(readFileSync(lock, 'utf8'));
    if (pid > 0 && isRunning(pid)) throw new Error(`another build is running (pid ${pid}); wait for it to end`);
    rmSync(lock, { force: true });
    fd = openSync(lock, 'wx');
  }
  writeSync(fd, String(process.pid));
  closeSync(fd);
  return () => rmSync(lock, { force: true });
}

function buildAndSwap(distDir: string, build: (outDir: string) => void): void {
  const incoming = `${distDir}.building`;
  // What a failed or killed build left: never served.
  rmSync(incoming, { recursive: true, force: true });
  try {
    build(incoming);
    // A build that ended well without the page or its service worker would replace a whole app.
    const missing = ['index.html', 'sw.js'].filter((name) => !existsSync(join(incoming, name)));
    if (missing.length > 0) throw new Error(`the build has no ${missing.join(' nor ')}`);
  } catch (error) {
    // Not left a whole app's size on disk until the next build.
    rmSync(incoming, { recursive: true, force: true });
    throw error;
  }
  if (existsSync(distDir)) {
    const previous = previousBuildDir(distDir);
    rmSync(previous, { recursive: true, force: true });
    renameSync(distDir, previous);
  }
  renameSync(incoming, distDir);
}

/** `build(outDir)` into a sibling of `distDir` (the same disk: a rename), then swapped in. */
export function swapInBuild(distDir: string, build: (outDir: string) => void): void {
  const unlock = lockBuilds(distDir);
  try {
    buildAndSwap(distDir, build);
  } finally {
    unlock();
  }
}

/**
 * `vite build` into `outDir`. `quiet`: its output shown only if it fails. A newcomer's first
 * `npm start` printed a hundred lines of chunk sizes and the service worker build's own
 * deprecation warning (set inside vite-plugin-pwa 2.0.0, not by our config), which read as
 * errors. `--logLevel error` silences the app's build; the worker's inner build ignores it, hence
 * the capture. Else (`npm run build`) its output as it comes: the build's errors are the admin's.
 */
export function viteBuild(outDir: string, { quiet }: { quiet: boolean }): void {
  const args = ['vite', 'build', '--outDir', outDir, '--emptyOutDir', ...(quiet ? ['--logLevel', 'error'] : [])];
  const build = quiet
    ? spawnSync('npx', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    : spawnSync('npx', args, { stdio: 'inherit' });
  if (build.status === 0) return;
  if (quiet) process.stderr.write(`${build.stdout ?? ''}${build.stderr ?? ''}`);
  throw build.error ?? new Error(`vite build failed (exit code ${build.status ?? build.signal})`);
}
