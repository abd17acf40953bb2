// `npm start`: builds the app when the build is missing or older than the sources, then
// starts the server.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readConfig } from './config';
import { exitOnStartFailure, startServer } from './main';
import { StartRefused } from './start-refused';
import { swapInBuild, viteBuild } from './static/build-swap';

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

try {
  const { distDir } = readConfig();
  const index = join(distDir, 'index.html');
  const sources = ['src', 'public', 'index.html', 'vite.config.ts'].filter(existsSync);
  if (!existsSync(index) || Math.max(...sources.map(newestMtime)) > statSync(index).mtimeMs) {
    console.log('Building the app…');
    try {
      swapInBuild(distDir, (outDir) => viteBuild(outDir, { quiet: true }));
    } catch (error) {
      // The wording of `npm run build` (build.ts), without a stack trace.
      throw new StartRefused(`the app was not built: ${(error as Error).message}.`);
    }
  }
  await startServer();
} catch (error) {
  exitOnStartFailure(error);
}
