// `npm run build`: the app built beside the one served (VALISE_DIST, `dist` by default), then
// swapped in (static/build-swap.ts), so a server running through an upgrade's build keeps
// answering the whole old app until the new one is whole.
import { distDirOf } from './config';
import { swapInBuild, viteBuild } from './static/build-swap';

try {
  swapInBuild(distDirOf(), (outDir) => viteBuild(outDir, { quiet: false }));
} catch (error) {
  // The served app is the one before: swapped in only once built whole.
  console.error(`The app was not built: ${(error as Error).message}.`);
  process.exit(1);
}
