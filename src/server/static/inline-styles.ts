// index.html carries the shell's stylesheet in a <style> block (vite.config.ts), so its first
// paint waits for no other file; the policy of a page's answer allows exactly its blocks, by hash.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

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

/**
 * The CSP sources (`'sha256-…'`, space-separated) of a page's <style> blocks, from the stat the
 * server made to serve it, the file read again only when it changes: a hash read once at start
 * would refuse the stylesheet of a build made under the running server, and a phone whose
 * service worker installed then would keep that refusal with its cached page.
 */
export function inlineStyleSources(): (page: PageFile) => Promise<string> {
  let seen = '';
  let sources = '';
  return async (page) => {
    const version = `${page.path}:${page.mtimeMs}-${page.size}`;
    if (version === seen) return sources;
    let html: string;
    try {
      html = await readFile(page.path, 'utf8');
    } catch {
      // Gone since its stat: the page is not answered either (its own read fails the same way).
      return '';
    }
    seen = version;
    sources = hashesOf(html);
    return sources;
  };
}
