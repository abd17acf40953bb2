// The text of a file a person picked, whatever wrote it: UTF-8 with or without a BOM, UTF-16
// (Excel's "texte Unicode"), or Windows-1252 — what Excel in French writes for "CSV" — when
// the bytes are not valid UTF-8. Valid UTF-8 is never read as Windows-1252: a file of plain
// ASCII decodes the same either way, and accented UTF-8 is invalid Windows-1252 text only in
// theory (mojibake like "SociÃ©tÃ©"), so UTF-8 is tried first and strictly.

/**
 * Past this size a picked file is not read: its text and rows would take several times its
 * size in a phone's memory, and the tab could be killed with the work in it. A national list
 * of tiers-lieux is a few megabytes.
 */
const MAX_READ_BYTES = 50 * 1024 * 1024;

/** By the file's size, which a picked file tells before any byte is read (\`File.size\`). */
export const tooLargeToRead = (byteCount: number) => byteCount > MAX_READ_BYTES;

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/**
 * A picked file that is no text at all: a spreadsheet's own file (xlsx and ods are zip
 * archives, xls an OLE2 file) — what people pick instead of its CSV — or other binary bytes.
 * Decoded anyway, it would become columns of garbage or a header naming no column.
 */
export function notTextKind(bytes: Uint8Array): 'spreadsheet' | 'binary' | null {
  const startsWith = (...signature: number[]) => signature.every((byte, index) => bytes[index] === byte);
  if (startsWith(0x50, 0x4b, 0x03, 0x04) || startsWith(0xd0, 0xcf, 0x11, 0xe0)) return 'spreadsheet';
  // UTF-16 text holds NUL bytes; Excel's "texte Unicode" starts with its byte order mark.
  if (startsWith(0xff, 0xfe) || startsWith(0xfe, 0xff)) return null;
  return bytes.subarray(0, 4096).includes(0) ? 'binary' : null;
}

export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}
