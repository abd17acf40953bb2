// What a file from a user really is, read from its first bytes, never from the type its
// uploader declared: only a PDF or a raster image may be shown by the app (a PDF in the
// browser's viewer, an image through <img>); anything else (HTML, SVG, scripts…) is only ever
// downloaded, so it never runs as a document of the app's origin.

type ViewableType = 'application/pdf' | 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp';

const ascii = (bytes: Uint8Array, from: number, text: string) =>
  [...text].every((char, index) => bytes[from + index] === char.charCodeAt(0));

/** The type the bytes prove, or null when they are not a PDF or a PNG, JPEG, GIF or WebP image. */
export function sniffViewableType(data: ArrayBuffer | Uint8Array): ViewableType | null {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data, 0, Math.min(data.byteLength, 16));
  if (ascii(bytes, 0, '%PDF-')) return 'application/pdf';
  if (bytes[0] === 0x89 && ascii(bytes, 1, 'PNG\r\n\x1a\n')) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (ascii(bytes, 0, 'GIF87a') || ascii(bytes, 0, 'GIF89a')) return 'image/gif';
  if (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WEBP')) return 'image/webp';
  return null;
}

/** Bytes a device must never type for a browser to render: a download only. */
export const DOWNLOAD_ONLY_TYPE = 'application/octet-stream';

// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters a file name loses.
const NOT_IN_A_FILE_NAME = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A file's name as the app shows it and saves it: its record may come from any device, and a
 * right-to-left override draws "fiche\u202Efdp.exe" as "ficheexe.pdf", a program named like a
 * document. Control characters and bidirectional overrides and isolates are taken out.
 */
export function shownFileName(name: string): string {
  return name.replace(NOT_IN_A_FILE_NAME, '') || 'fichier';
}
