// `npm run build`: the app built beside the one served (VALISE_DIST, `dist` by default), then
// swapped in (static/build-swap.ts), so a server running through an upgrade's build keeps
// answering the whole old app until the new one is whole.
import { spawnSync } from 'node:child_process';
import { readConfig } from './config';
import { swapInBuild } from './static/build-swap';

try {
  swapInBuild(readConfig().distDir, (outDir) => {
    // Its output as it comes: the build's errors are the admin's to read.
    const build = spawnSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir'], { stdio: 'inherit' });
    if (build.status !== 0)
      throw new Error(`vite build ended with ${build.error?.message ?? build.status ?? build.signal}`);
  });
} catch (error) {
  // The served app is the one before: swapped in only once built whole.
  console.error(`The app was not built: ${(error as Error).message}.`);
  process.exit(1);
}
