// A new build of the app is made beside the one served, then put in its place by renames: an
// upgrade builds while the old server runs, and vite empties its output folder first, so a build
// made in place answered 404 for the page's own scripts, or a half-written index.html, to a first
// visit or to a service worker fetching its precache meanwhile.
import { existsSync, renameSync, rmSync } from 'node:fs';

/**
 * The build the last one replaced, kept until the next: the server answers its hashed assets when
 * the served build has no such file (routes/static.ts), so a page loaded before the swap still
 * loads its lazily loaded screens, and the instant between the two renames answers the old app.
 */
export function previousBuildDir(distDir: string): string {
  return `${distDir}.previous`;
}

/** `build(outDir)` into a sibling of `distDir` (the same disk: a rename), then swapped in. */
export function swapInBuild(distDir: string, build: (outDir: string) => void): void {
  const incoming = `${distDir}.building`;
  // What a failed or killed build left: never served.
  rmSync(incoming, { recursive: true, force: true });
  build(incoming);
  if (existsSync(distDir)) {
    const previous = previousBuildDir(distDir);
    rmSync(previous, { recursive: true, force: true });
    renameSync(distDir, previous);
  }
  renameSync(incoming, distDir);
}
