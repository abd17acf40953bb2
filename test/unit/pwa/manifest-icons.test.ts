// The installed app's and the tab's icons are real files of the sizes the manifest declares: a
// browser picks an icon by its declared size and draws a wrong one blurred or cropped.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';

const PUBLIC = join(import.meta.dirname, '../../../public');

interface ManifestIcon {
  src: string;
  sizes: string;
  type: string;
  purpose: string;
}

/** The width × height a PNG's IHDR chunk declares, or null for a file that is no PNG. */
function pngSize(path: string): string | null {
  const bytes = readFileSync(path);
  const png = bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  if (!png || bytes.subarray(12, 16).toString('latin1') !== 'IHDR') return null;
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

test('the manifest lists the standard icons (192, 512, maskable 512), each a PNG of the size it declares', () => {
  const manifest = JSON.parse(readFileSync(join(PUBLIC, 'manifest.webmanifest'), 'utf8')) as {
    icons: ManifestIcon[];
  };
  expect(manifest.icons.map(({ sizes, purpose }) => `${sizes} ${purpose}`)).toEqual([
    '192x192 any',
    '512x512 any',
    '512x512 maskable',
  ]);
  for (const icon of manifest.icons) {
    expect(icon.type, icon.src).toBe('image/png');
    expect(pngSize(join(PUBLIC, icon.src)), icon.src).toBe(icon.sizes);
  }
});

test('the page’s own icon links name files that exist', () => {
  const html = readFileSync(join(PUBLIC, '../index.html'), 'utf8');
  const links = [...html.matchAll(/<link rel="(?:icon|apple-touch-icon)" href="\/([^"]+)"/g)].map((match) => match[1]);
  expect(links.length).toBeGreaterThanOrEqual(2);
  for (const link of links) expect(existsSync(join(PUBLIC, link as string)), link).toBe(true);
});
