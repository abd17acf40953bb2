// Draws the app icons (public/icons/*.png) from the same geometry as public/favicon.svg, with
// no image library: shapes are sampled 4×4 per pixel and written as PNG with node's zlib.
// Run: npx tsx test/tools/make-icons.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

type Rgb = readonly [number, number, number];
const TEAL: Rgb = [0x1d, 0x5c, 0x57];
const PAPER: Rgb = [0xf7, 0xf5, 0xf0];
const AMBER: Rgb = [0xe0, 0xa4, 0x3a];

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  r: number;
}

function inRoundedBox(x: number, y: number, { x0, y0, x1, y1, r }: Box): boolean {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** The colour at a point of the 64-unit design, or null where the icon is transparent. */
function paint(x: number, y: number, maskable: boolean): Rgb | null {
  const background = maskable ? true : inRoundedBox(x, y, { x0: 0, y0: 0, x1: 64, y1: 64, r: 14 });
  if (!background) return null;
  // The maskable icon keeps its drawing inside the central safe circle (80 % of the size).
  const scale = maskable ? 0.78 : 1;
  const u = 32 + (x - 32) / scale;
  const v = 32 + (y - 32) / scale;
  const body = { x0: 10, y0: 20, x1: 54, y1: 53, r: 6 };
  if (inRoundedBox(u, v, body)) return v >= 33 && v <= 38 ? AMBER : PAPER;
  const handleOuter = { x0: 21.75, y0: 9.25, x1: 42.25, y1: 26, r: 6.25 };
  const handleInner = { x0: 26.25, y0: 13.75, x1: 37.75, y1: 26, r: 1.75 };
  if (inRoundedBox(u, v, handleOuter) && !inRoundedBox(u, v, handleInner)) return PAPER;
  return TEAL;
}

function render(size: number, maskable: boolean): Buffer {
  const samples = 4;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = ((px + (sx + 0.5) / samples) / size) * 64;
          const y = ((py + (sy + 0.5) / samples) / size) * 64;
          const colour = paint(x, y, maskable);
          if (!colour) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          a += 1;
        }
      }
      const offset = (py * size + px) * 4;
      pixels[offset] = a ? Math.round(r / a) : 0;
      pixels[offset + 1] = a ? Math.round(g / a) : 0;
      pixels[offset + 2] = a ? Math.round(b / a) : 0;
      pixels[offset + 3] = Math.round((a / (samples * samples)) * 255);
    }
  }
  return encodePng(size, size, pixels);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(width: number, height: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  // Each row starts with filter type 0 (none).
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = join(import.meta.dirname, '../../public/icons');
mkdirSync(out, { recursive: true });
for (const [name, size, maskable] of [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['icon-maskable-512.png', 512, true],
] as const) {
  writeFileSync(join(out, name), render(size, maskable));
  console.log(`public/icons/${name} (${size}×${size}${maskable ? ', maskable' : ''})`);
}
