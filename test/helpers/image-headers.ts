// Images that are only a header: enough for the app to read the size they declare, nothing of
// their pixels (a 20,000 × 20,000 "photo" costs a few bytes here, and gigabytes to decode).

/** A PNG's signature and IHDR chunk declaring `width` × `height`, and nothing of its pixels. */
export function pngHeader(width: number, height: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const view = new DataView(bytes.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  return bytes;
}
