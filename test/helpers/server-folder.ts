// The folder a test server runs in: its data beside a stand-in build, since the server serves
// the app from dist/ and refuses to start without one.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh temporary folder (valise-<name>-…) holding dist/index.html; the caller removes it. */
export function serverFolder(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `valise-${name}-`));
  mkdirSync(join(dir, 'dist'));
  writeFileSync(join(dir, 'dist', 'index.html'), '<!doctype html><title>Valise</title>');
  return dir;
}
