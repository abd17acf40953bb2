// A previous release (or the app of the previous schema version), built from git history as
// its users got it: its commit checked out in a temporary worktree outside the repository, its
// app built once and cached by commit under test-results/releases/ (git-ignored), so a run
// builds it once. Its source stays checked out for its server (an old server with today's app).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCHEMA_HISTORY } from '../../../src/db/schema';
import { RESULTS, ROOT } from './paths';
import type { BuildSource } from './releases';

export interface ReleaseBuild {
  release: BuildSource;
  /** Its source tree (a git worktree), with node_modules: where its server runs. */
  source: string;
  /** Its built app. */
  dist: string;
}

interface Lockfile {
  packages: Record<string, { version?: string }>;
}

function git(args: string[], cwd = ROOT): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

function hasCommit(commit: string): boolean {
  try {
    git(['cat-file', '-e', `${commit}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}

/** The source of `release`, checked out (again if the temporary folder was cleaned). */
function checkOut(release: BuildSource): string {
  if (!hasCommit(release.commit)) {
    throw new Error(
      `Release ${release.version} (commit ${release.commit}, test/e2e/helpers/releases.ts) is not in this ` +
        'clone’s history, so the N−1 tests cannot build it. Fetch the full history ' +
        '(git fetch --unshallow, or actions/checkout with fetch-depth: 0) and run them again.',
    );
  }
  const source = join(tmpdir(), `valise-release-${release.commit.slice(0, 12)}`);
  if (existsSync(join(source, '.git')) && git(['rev-parse', 'HEAD'], source) === release.commit) return source;
  rmSync(source, { recursive: true, force: true });
  // --force: the folder may still be registered from a run whose /tmp was cleaned since.
  git(['worktree', 'add', '--force', '--detach', source, release.commit]);
  return source;
}

/**
 * Every package the release's lockfile names, at the same version in today's: today's
 * node_modules can serve it (a link, instantly) instead of an `npm ci` of its own.
 */
function lockfileCovered(source: string): boolean {
  const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Lockfile;
  const theirs = read(join(source, 'package-lock.json')).packages;
  const ours = read(join(ROOT, 'package-lock.json')).packages;
  return Object.entries(theirs).every(([path, entry]) => path === '' || ours[path]?.version === entry.version);
}

function installDependencies(source: string): void {
  const modules = join(source, 'node_modules');
  if (existsSync(modules)) return;
  // A link left by a checkout that is gone (the release's folder in /tmp outlives it): a new
  // link cannot be made over it.
  rmSync(modules, { force: true });
  if (lockfileCovered(source)) symlinkSync(join(ROOT, 'node_modules'), modules, 'dir');
  else execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: source, stdio: ['ignore', 'ignore', 'inherit'] });
}

/**
 * The app as it was just before today's schema version came: the parent of the commit that
 * added today's SCHEMA_Vn to src/db/schema.ts, so it moves with each new version. Its database
 * is a version behind today's, as on a phone that updates at every deploy.
 */
export function previousSchemaBuild(): BuildSource {
  const version = SCHEMA_HISTORY.length;
  const added = git(['log', '--reverse', '--format=%H', '-S', `const SCHEMA_V${version} `, '--', 'src/db/schema.ts']);
  const commit = added.split('\n')[0];
  if (!commit) throw new Error(`no commit of src/db/schema.ts adds SCHEMA_V${version}: a full clone is needed`);
  return { version: `schema ${version - 1}`, commit: git(['rev-parse', `${commit}^`]) };
}

export function buildRelease(release: BuildSource): ReleaseBuild {
  const source = checkOut(release);
  installDependencies(source);
  const cache = join(RESULTS, 'releases', release.commit);
  const dist = join(cache, 'dist');
  if (existsSync(join(cache, 'built'))) return { release, source, dist };
  // Built beside, then renamed: an interrupted build never passes for a finished one.
  const building = join(cache, 'dist-building');
  rmSync(cache, { recursive: true, force: true });
  mkdirSync(cache, { recursive: true });
  execFileSync(
    process.execPath,
    [join(source, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', building, '--emptyOutDir'],
    {
      cwd: source,
      stdio: ['ignore', 'ignore', 'inherit'],
      // vitest's NODE_ENV=test would leave out the service worker's registration.
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  renameSync(building, dist);
  writeFileSync(join(cache, 'built'), `${release.version} ${release.commit}\n`);
  return { release, source, dist };
}
