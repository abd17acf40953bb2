// An upgrade's `npm run build` under the running server (README, "Releases and upgrades"): the
// real server process serves a real build while the next one is swapped in beside it by the
// build's own swap (src/server/static/build-swap.ts), run in another process as `npm run build`
// runs it. The two builds are the e2e setup's (this app and its "+next" build), copied: a vite
// build of its own would add a minute of both cores to the suite for the same swap.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DIST, NEXT_DIST, ROOT } from './helpers/paths';
import { type RunningServer, startServer } from './helpers/server';

let dir: string;
let served: string;
let server: RunningServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'valise-upgrade-build-'));
  served = join(dir, 'dist');
  cpSync(DIST, served, { recursive: true });
  server = await startServer({ distDir: served });
});

afterAll(async () => {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The swap of `npm run build` (src/server/build.ts), with the next build copied in place of vite's. */
function swapInNextBuild(): Promise<number | null> {
  const script = `import { cpSync } from 'node:fs';
import { swapInBuild } from './src/server/static/build-swap.ts';
swapInBuild(process.argv[1], (outDir) => cpSync(process.argv[2], outDir, { recursive: true }));`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, served, NEXT_DIST], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
}

const get = async (path: string) => {
  const response = await fetch(`${server.url}${path}`);
  return { status: response.status, text: await response.text() };
};

describe('an upgrade’s build while the server runs', () => {
  test('keeps answering the whole old app until the swap, then the new one and the old screens’ scripts', async () => {
    const oldPage = (await get('/')).text;
    const newPage = readFileSync(join(NEXT_DIST, 'index.html'), 'utf8');
    // Scripts of screens a page loaded before the swap fetches later: in the old build only.
    const nextAssets = new Set(readdirSync(join(NEXT_DIST, 'assets')));
    const oldOnly = readdirSync(join(DIST, 'assets')).filter((name) => name.endsWith('.js') && !nextAssets.has(name));
    expect(oldOnly.length).toBeGreaterThan(0);

    // A device opening the app all along: every answer is one build's page, whole.
    const pages: string[] = [];
    let swapped = false;
    const polling = (async () => {
      while (!swapped) pages.push((await get('/')).text);
    })();
    expect(await swapInNextBuild()).toBe(0);
    swapped = true;
    await polling;

    expect(pages.length).toBeGreaterThan(0);
    expect(pages.filter((page) => page !== oldPage && page !== newPage)).toEqual([]);
    expect((await get('/')).text).toBe(newPage);
    for (const name of oldOnly) {
      const asset = await get(`/assets/${name}`);
      expect(asset.status, name).toBe(200);
      expect(asset.text, name).toBe(readFileSync(join(DIST, 'assets', name), 'utf8'));
    }
    for (const name of [...nextAssets].filter((name) => name.endsWith('.js')))
      expect((await get(`/assets/${name}`)).status, name).toBe(200);
  });
});
