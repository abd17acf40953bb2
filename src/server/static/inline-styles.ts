// index.html carries the shell's stylesheet in a <style> block (vite.config.ts), so its first
// paint waits for no other file; the policy of a page's answer allows exactly its blocks, by hash.
import { createHash } from 'node:crypto';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Encoding } from './encoding';

function hashesOf(html: string): string {
  return [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)]
    .map(
      ([, css]) =>
        `'sha256-${createHash('sha256')
          .update(css ?? '')
          .digest('base64')}'`,
    )
    .join(' ');
}

interface PageFile {
  path: string;
  size: number;
  mtimeMs: number;
}

function decoded(bytes: Buffer, encoding: Encoding | undefined): string {
  if (encoding === 'br') return brotliDecompressSync(bytes).toString('utf8');
  if (encoding === 'gzip') return gunzipSync(bytes).toString('utf8');
  return bytes.toString('utf8');
}

/**
 * The CSP sources (`'sha256-…'`, space-separated) of a page's <style> blocks, from the bytes the
 * server sends (a variant's, decompressed), read only when the file changes: a hash read once at
 * start would refuse the stylesheet of a build made under the running server, and a phone whose
 * service worker installed then would keep that refusal with its cached page. Hashed from a read
 * of the page by path, a build swapped in meanwhile paired one page's hashes with another's body.
 */
export function inlineStyleSources(): (
  page: PageFile,
  bytes: () => Promise<Buffer>,
  encoding: Encoding | undefined,
) => Promise<string> {
  // By file (a page and its variants, in the served build and the one before): a handful.
  const seen = new Map<string, { version: string; sources: string }>();
  return async (page, bytes, encoding) => {
    const version = `${page.mtimeMs}-${page.size}`;
    const known = seen.get(page.path);
    if (known?.version === version) return known.sources;
    const sources = hashesOf(decoded(await bytes(), encoding));
    seen.set(page.path, { version, sources });
    return sources;
  };
}
