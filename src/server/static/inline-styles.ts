// index.html carries the shell's stylesheet in a <style> block (vite.config.ts), so its first
// paint waits for no other file; the policy allows exactly those blocks, by their hash.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** CSP sources (`'sha256-…'`) for the `<style>` blocks of the built index.html; none before a build. */
export function inlineStyleSources(distDir: string): string[] {
  let html: string;
  try {
    html = readFileSync(join(distDir, 'index.html'), 'utf8');
  } catch {
    return [];
  }
  return [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(
    ([, css]) =>
      `'sha256-${createHash('sha256')
        .update(css ?? '')
        .digest('base64')}'`,
  );
}
