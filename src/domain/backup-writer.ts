// A backup file written as the device's records are read, a page at a time: no body, no whole
// text and no whole file is ever held, and no piece takes long. Each piece is encoded, hashed
// and put into the file's Blob as it comes; the checksum, which the file's head holds, is known
// once the body is written, and the head is put in front of it then. The bytes are those of
// `{"format":…,"checksum":…,"body":JSON.stringify(body)}` for the body the pages make up, as
// every version wrote and read them (parseBackup's quick check hashes the body as it sits).
import { type BackupBody, bytesToBase64, fileHead, textPieces } from './backup';
import type { RecordState } from './merge';
import { Sha256 } from './sha256';

export interface BackupFileBytes {
  sha256: string;
  mimeType: string;
  data: ArrayBuffer;
}

/** A backup's body as it is read: its records and files come a page, or a file, at a time. */
export interface BackupSource extends Pick<BackupBody, 'exportedAt' | 'networkId' | 'networkName' | 'appVersion'> {
  /** Each type's records, in pages, in the file's order; a type without any is left out of the file. */
  records: readonly { type: string; pages: AsyncIterable<readonly RecordState[]> }[];
  /** Records of types this version does not know (few: only a later release writes them). */
  unknownRecords: () => Promise<BackupBody['unknownRecords']>;
  files: () => AsyncIterable<BackupFileBytes>;
  settings: BackupBody['settings'];
}

/** Bytes written between two pauses, and put into the file's Blob at once: a few milliseconds. */
const BYTES_PER_PAUSE = 1 << 20;
/** A file's bytes turned to base64 at once: a multiple of 3, so the pieces join into the base64 of the whole. */
const BASE64_PIECE = 3 << 18;

/** The body's bytes, hashed and gathered into a Blob as they are written. */
class BodyOut {
  private blob = new Blob([]);
  private parts: Uint8Array<ArrayBuffer>[] = [];
  private unflushed = 0;
  private readonly encoder = new TextEncoder();
  readonly hash = new Sha256();

  constructor(private readonly pause: () => Promise<void>) {}

  /** Text that holds no lone half of a surrogate pair (JSON.stringify escapes them). */
  async write(text: string): Promise<void> {
    for (const piece of textPieces(text, 0, text.length)) {
      const bytes = this.encoder.encode(piece);
      this.hash.update(bytes);
      this.parts.push(bytes);
      this.unflushed += bytes.length;
      if (this.unflushed >= BYTES_PER_PAUSE) {
        this.flush();
        await this.pause();
      }
    }
  }

  /** The Blob grows by its last parts only: a Blob part that is a Blob is referred to, not copied. */
  flush(): Blob {
    this.blob = new Blob([this.blob, ...this.parts]);
    this.parts = [];
    this.unflushed = 0;
    return this.blob;
  }
}

/** The backup file, written as `source` reads, with `pause` awaited about every megabyte. */
export async function writeBackupFile(source: BackupSource, pause: () => Promise<void>): Promise<Blob> {
  const out = new BodyOut(pause);
  const { exportedAt, networkId, networkName, appVersion } = source;
  await out.write(`${JSON.stringify({ exportedAt, networkId, networkName, appVersion }).slice(0, -1)},"records":`);
  let separator = '{';
  for (const { type, pages } of source.records) {
    let first = true;
    for await (const page of pages) {
      if (page.length === 0) continue;
      const states = page.map((state) => JSON.stringify(state)).join(',');
      await out.write(first ? `${separator}${JSON.stringify(type)}:[${states}` : `,${states}`);
      first = false;
      separator = ',';
    }
    if (!first) await out.write(']');
  }
  await out.write(separator === '{' ? '{}' : '}');
  const unknownRecords = await source.unknownRecords();
  if (unknownRecords) await out.write(`,"unknownRecords":${JSON.stringify(unknownRecords)}`);
  await out.write(',"files":[');
  let firstFile = true;
  for await (const file of source.files()) {
    await out.write(
      `${firstFile ? '' : ','}{"sha256":${JSON.stringify(file.sha256)},"mimeType":${JSON.stringify(file.mimeType)},"data":"`,
    );
    firstFile = false;
    const bytes = new Uint8Array(file.data);
    for (let at = 0; at < bytes.length; at += BASE64_PIECE) {
      await out.write(bytesToBase64(bytes.subarray(at, at + BASE64_PIECE)));
    }
    await out.write('"}');
  }
  await out.write(source.settings ? `],"settings":${JSON.stringify(source.settings)}}` : ']}');
  const body = out.flush();
  return new Blob([fileHead(out.hash.hex()), body, '}']);
}
