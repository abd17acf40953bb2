// An image's size in pixels, read from its header without decoding it: a browser decodes a
// picked image whole before it can be resized, four bytes a pixel, so a file of a few megabytes
// can ask for gigabytes (a PNG of one colour compresses a thousand times).

export interface PixelSize {
  width: number;
  height: number;
}

/** Bytes of a file's start enough to find its size: a JPEG's frame comes after its metadata (EXIF, at most 64 KB a segment). */
export const IMAGE_HEADER_BYTES = 256 * 1024;

/**
 * The most pixels an image may declare to be decoded on a phone: its largest camera takes 200
 * million (16,320 × 12,240). A browser decodes an image whole to resize it or to show it, 4
 * bytes a pixel: a PNG of one colour, 20,000 × 20,000 pixels in a 1.2 MB file, was decoded into
 * 1.6 GB, in 18 s of this project's Chromium (2026-12-07): enough to end a phone's tab.
 */
export const MAX_IMAGE_PIXELS = 200_000_000;

/**
 * The size an image's header declares when it is more than a phone can decode; null for a
 * smaller image, another kind of file or a header cut short (the browser judges those). Given a
 * whole file already in memory, not its first IMAGE_HEADER_BYTES: a JPEG's metadata can push its
 * frame past any cut (the segment walk reads only each segment's length).
 */
export function tooManyPixels(data: ArrayBuffer | Uint8Array): PixelSize | null {
  const size = imagePixelSize(data instanceof Uint8Array ? data : new Uint8Array(data));
  return size && size.width * size.height > MAX_IMAGE_PIXELS ? size : null;
}

const ascii = (bytes: Uint8Array, from: number, text: string) =>
  [...text].every((char, index) => bytes[from + index] === char.charCodeAt(0));

const u16be = (bytes: Uint8Array, at: number) => ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
const u16le = (bytes: Uint8Array, at: number) => (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
const u24le = (bytes: Uint8Array, at: number) => u16le(bytes, at) | ((bytes[at + 2] ?? 0) << 16);
const u32be = (bytes: Uint8Array, at: number) => ((u16be(bytes, at) << 16) | u16be(bytes, at + 2)) >>> 0;

/** The size a PNG, JPEG, GIF or WebP header declares; null for another kind or a header cut short. */
function imagePixelSize(bytes: Uint8Array): PixelSize | null {
  if (bytes.length < 30) return null;
  if (bytes[0] === 0x89 && ascii(bytes, 1, 'PNG') && ascii(bytes, 12, 'IHDR'))
    return { width: u32be(bytes, 16), height: u32be(bytes, 20) };
  if (ascii(bytes, 0, 'GIF8')) return { width: u16le(bytes, 6), height: u16le(bytes, 8) };
  if (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WEBP')) return webpSize(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return jpegSize(bytes);
  return null;
}

function webpSize(bytes: Uint8Array): PixelSize | null {
  if (ascii(bytes, 12, 'VP8 ')) return { width: u16le(bytes, 26) & 0x3fff, height: u16le(bytes, 28) & 0x3fff };
  if (ascii(bytes, 12, 'VP8L')) {
    const bits = u16le(bytes, 21) | (u16le(bytes, 23) << 16);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (ascii(bytes, 12, 'VP8X')) return { width: u24le(bytes, 24) + 1, height: u24le(bytes, 27) + 1 };
  return null;
}

/** Start-of-frame markers (SOF0–SOF15), less DHT (C4), JPG (C8) and DAC (CC), which share the range. */
const isFrame = (marker: number) =>
  marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

function jpegSize(bytes: Uint8Array): PixelSize | null {
  let at = 2;
  while (at + 9 <= bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1] as number;
    // Fill bytes, and markers that have no length.
    if (marker === 0xff) at += 1;
    else if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) at += 2;
    else if (isFrame(marker)) return { width: u16be(bytes, at + 7), height: u16be(bytes, at + 5) };
    // The image's data began (or ended) before any frame said its size.
    else if (marker === 0xda || marker === 0xd9) return null;
    else at += 2 + u16be(bytes, at + 2);
  }
  return null;
}
