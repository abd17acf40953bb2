// Serves the built app: the precompressed variant the client accepts (brotli, gzip, or the
// plain file), hashed assets cached for a year, everything else revalidated (a 304 when
// unchanged), and index.html for any other path: a screen of the single-page app. A hashed asset
// the served build lacks is answered from the build it replaced, if it has it (build-swap.ts).
import { readFile, stat } from 'node:fs/promises';
import { normalize, resolve, sep } from 'node:path';
import { Hono } from 'hono';
import { getMimeType } from 'hono/utils/mime';
import { previousBuildDir } from '../static/build-swap';
import { cacheControlFor } from '../static/cache-policy';
import { acceptedEncodings, type Encoding, isCompressible, VARIANT_SUFFIX } from '../static/encoding';
import { inlineStyleSources } from '../static/inline-styles';
import type { AppEnv } from './env';

interface Found {
  path: string;
  size: number;
  mtimeMs: number;
}

async function fileAt(path: string): Promise<Found | undefined> {
  const stats = await stat(path).catch(() => undefined);
  return stats?.isFile() ? { path, size: stats.size, mtimeMs: stats.mtimeMs } : undefined;
}

/** The file a URL path names inside the build, never outside it (no `..`, no dot files). */
function pathInside(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || /(^|\/)\./.test(decoded)) return undefined;
  const path = resolve(root, `.${normalize(`/${decoded}`)}`);
  return path.startsWith(root + sep) ? path : undefined;
}

async function variantFor(file: Found, accepts: Encoding[]): Promise<{ file: Found; encoding?: Encoding }> {
  for (const encoding of accepts) {
    const variant = await fileAt(file.path + VARIANT_SUFFIX[encoding]);
    if (variant) return { file: variant, encoding };
  }
  return { file };
}

/**
 * The file a URL path names in the served build, else in the one it replaced (build-swap.ts): a
 * hashed asset (a page loaded before the swap loads its screens), or any file in the instant
 * between the swap's two renames, when the served folder is missing. Nothing else: a file a build
 * dropped on purpose, an icon or a stylesheet, is not answered from the old build for ever.
 */
async function fileOfBuild(dist: string, previous: string, urlPath: string): Promise<Found | undefined> {
  const named = pathInside(dist, urlPath);
  const found = named ? await fileAt(named) : undefined;
  if (found) return found;
  const swapping = !(await stat(dist).catch(() => undefined));
  if (!urlPath.startsWith('/assets/') && !swapping) return undefined;
  const old = pathInside(previous, urlPath);
  return old ? await fileAt(old) : undefined;
}

export function serveApp(distDir: string) {
  const dist = resolve(distDir);
  const previous = resolve(previousBuildDir(distDir));
  const styleSources = inlineStyleSources();
  const routes = new Hono<AppEnv>();
  routes.on(['GET', 'HEAD'], '*', async (c) => {
    const urlPath = c.req.path === '/' ? '/index.html' : c.req.path;
    let original = await fileOfBuild(dist, previous, urlPath);
    // A missing hashed file is a 404: answering index.html would be cached as that script for a year.
    if (!original && urlPath.startsWith('/assets/')) return c.text('Not found', 404);
    const servedPath = original ? urlPath : '/index.html';
    original ??= await fileOfBuild(dist, previous, '/index.html');
    if (!original) return c.text('The app is not built: run `npm run build` (npm start does it).', 503);
    // The policy allows a page's own inline styles (src/server/edge.ts), on its 304 too: a
    // browser refreshes its cached page's headers from that answer.
    if (original.path.endsWith('.html')) c.set('inlineStyles', await styleSources(original));

    const compressible = isCompressible(original.path);
    const { file, encoding } = compressible
      ? await variantFor(original, acceptedEncodings(c.req.header('Accept-Encoding')))
      : { file: original };
    const etag = `"${original.mtimeMs.toString(36)}-${original.size.toString(36)}${encoding ? `-${encoding}` : ''}"`;
    c.header('Cache-Control', cacheControlFor(servedPath));
    c.header('ETag', etag);
    if (compressible) c.header('Vary', 'Accept-Encoding');
    const known = c.req
      .header('If-None-Match')
      ?.split(',')
      .map((tag) => tag.trim().replace(/^W\//, ''));
    if (known?.includes(etag)) return c.body(null, 304);

    c.header('Content-Type', getMimeType(original.path) ?? 'application/octet-stream');
    if (encoding) c.header('Content-Encoding', encoding);
    c.header('Content-Length', String(file.size));
    if (c.req.method === 'HEAD') return c.body(null, 200);
    return c.body(await readFile(file.path), 200);
  });
  return routes;
}
