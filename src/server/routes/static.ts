// Serves the built app: the precompressed variant the client accepts (brotli, gzip, or the
// plain file), hashed assets cached for a year, everything else revalidated (a 304 when
// unchanged), and index.html for any other path: a screen of the single-page app. A hashed asset
// the served build lacks is answered from the build it replaced, if it has it (build-swap.ts).
import { type FileHandle, open, stat } from 'node:fs/promises';
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
  handle: FileHandle;
  size: number;
  mtimeMs: number;
}

/**
 * The file at `path`, open: its size, date and bytes are one file's even if a build's swap
 * renames it meanwhile. Taken by path for each, a stat then a read could pair one build's
 * Content-Length with the other's body (a truncated answer, or one that never ends).
 */
async function fileAt(path: string): Promise<Found | undefined> {
  const handle = await open(path).catch(() => undefined);
  if (!handle) return undefined;
  const stats = await handle.stat().catch(() => undefined);
  if (stats?.isFile()) return { path, handle, size: stats.size, mtimeMs: stats.mtimeMs };
  await handle.close();
  return undefined;
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
    if (variant) {
      await file.handle.close();
      return { file: variant, encoding };
    }
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
    const compressible = isCompressible(original.path);
    const { file, encoding } = compressible
      ? await variantFor(original, acceptedEncodings(c.req.header('Accept-Encoding')))
      : { file: original };
    try {
      let read: Promise<Buffer<ArrayBuffer>> | undefined;
      const bytes = () => {
        // A whole file read into a new buffer of its own, as readFile(path) types it.
        read ??= file.handle.readFile() as Promise<Buffer<ArrayBuffer>>;
        return read;
      };
      // The policy allows a page's own inline styles (src/server/edge.ts), on its 304 too: a
      // browser refreshes its cached page's headers from that answer. Hashed from the bytes sent.
      if (original.path.endsWith('.html')) c.set('inlineStyles', await styleSources(file, bytes, encoding));
      const etag = `"${file.mtimeMs.toString(36)}-${file.size.toString(36)}${encoding ? `-${encoding}` : ''}"`;
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
      if (c.req.method === 'HEAD') {
        c.header('Content-Length', String(file.size));
        return c.body(null, 200);
      }
      const body = await bytes();
      c.header('Content-Length', String(body.length));
      return c.body(body, 200);
    } finally {
      await file.handle.close();
    }
  });
  return routes;
}
