// index.html carries the shell's stylesheet in a <style> block (vite.config.ts), so its first
// paint waits for no other file; the policy allows exactly those blocks, by their hash.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

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

/**
 * The CSP sources (`'sha256-…'`, space-separated; empty before a build) of the index.html on disk
 * now. Judged again whenever the file changes: index.html is served from disk at each request, so
 * a hash read once at start would refuse the stylesheet of a build made under the running server,
 * and a phone whose service worker installed then would keep that refusal with its cached page.
 */
export function inlineStyleSources(distDir: string): () => string {
  const path = join(distDir, 'index.html');
  let seen = '';
  let sources = '';
  return () => {
    const stats = statSync(path, { throwIfNoEntry: false });
    const version = stats ? `${stats.mtimeMs}-${stats.size}` : 'none';
    if (version !== seen) {
      seen = version;
      try {
        sources = hashesOf(readFileSync(path, 'utf8'));
      } catch {
        sources = '';
      }
    }
    return sources;
  };
}
