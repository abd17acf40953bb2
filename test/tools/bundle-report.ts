// What the first screen (Visites) downloads: the JS and CSS of the entry, its static imports,
// and the Visites screen chunk with its own imports, and the shell's stylesheet inline in
// index.html, weighed gzipped. Run after a build:
//   npm run build            (prints this report at the end)
//   npx tsx test/tools/bundle-report.ts [distDir]   (default: VALISE_DIST, else dist)
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { distDirOf } from '../../src/server/config';

/**
 * The speed issue's goal (issue 2 had set 80); the framework floor (Preact, Dexie, valibot…) is
 * about 48 KB. The e2e budget test holds it, so that what grows the first screen is seen at once.
 */
export const FIRST_SCREEN_BUDGET_KB = 60;
export const FIRST_SCREEN_MODULE = 'src/ui/screens/visits/index.tsx';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

export interface BundleFile {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface FirstScreenReport {
  /** The files fetched. */
  files: BundleFile[];
  /** The stylesheets index.html carries in <style> blocks ("file": where). */
  inline: BundleFile[];
  bytes: number;
  gzipBytes: number;
  gzipKb: number;
}

export function firstScreenReport(distDir: string): FirstScreenReport {
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const files = new Set<string>();

  // What index.html loads itself: scripts, styles, preloads.
  for (const match of html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="\/?(assets\/[^"]+\.(?:js|css))"/g)) {
    files.add(match[1] as string);
  }
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the build manifest`);
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    // Static imports load with the chunk; dynamic ones (other screens) do not.
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  const entry = Object.entries(manifest).find(([, chunk]) => chunk.isEntry)?.[0];
  if (!entry) throw new Error('no entry chunk in the build manifest');
  visit(entry);
  visit(FIRST_SCREEN_MODULE);

  const weigh = (file: string, content: Buffer): BundleFile => ({
    file,
    bytes: content.length,
    gzipBytes: gzipSync(content).length,
  });
  const fetched = [...files].sort().map((file) => weigh(file, readFileSync(join(distDir, file))));
  const inline = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(([, css], index) =>
    weigh(`index.html <style> ${index + 1}`, Buffer.from(css ?? '')),
  );
  const weighed = [...fetched, ...inline];
  const gzipBytes = weighed.reduce((sum, file) => sum + file.gzipBytes, 0);
  return {
    files: fetched,
    inline,
    bytes: weighed.reduce((sum, file) => sum + file.bytes, 0),
    gzipBytes,
    gzipKb: Math.round((gzipBytes / 1024) * 10) / 10,
  };
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`.padStart(9);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // The folder `npm run build` built: VALISE_DIST's, as the server's.
  const distDir = process.argv[2] ? resolve(process.argv[2]) : distDirOf();
  const report = firstScreenReport(distDir);
  console.log('\nFirst screen (Visites): JS + CSS loaded');
  for (const file of [...report.files, ...report.inline])
    console.log(`  ${file.file.padEnd(44)} ${kb(file.bytes)} ${kb(file.gzipBytes)} gzip`);
  console.log(
    `  ${'total'.padEnd(44)} ${kb(report.bytes)} ${kb(report.gzipBytes)} gzip` +
      ` (budget ${FIRST_SCREEN_BUDGET_KB} KB${report.gzipKb > FIRST_SCREEN_BUDGET_KB ? ': OVER BUDGET' : ''})`,
  );
  console.log(JSON.stringify({ name: 'bundle.first_screen_gz_kb', value: report.gzipKb, unit: 'KB' }));
  if (report.gzipKb > FIRST_SCREEN_BUDGET_KB) process.exitCode = 1;
}
