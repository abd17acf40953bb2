// Photos are resized on the device before they are stored: longest side 1600 px, JPEG, so a
// phone's 8 MB picture becomes a few hundred KB that sync can carry.
import { IMAGE_HEADER_BYTES, tooManyPixels } from '../../../../domain/image-size';

const PHOTO_MAX_SIDE = 1600;
const QUALITY = 0.85;

export interface PendingPhoto {
  key: string;
  fileName: string;
  mimeType: string;
  data: ArrayBuffer;
  width: number;
  height: number;
}

/** Thrown when the browser cannot read the file as an image. */
export class UnreadableImageError extends Error {
  constructor(readonly fileName: string) {
    super(`${fileName} is not a readable image`);
    this.name = 'UnreadableImageError';
  }
}

function scaledSize(width: number, height: number, maxSide = PHOTO_MAX_SIDE): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}

/** Thrown, before any decoding, for an image whose header declares more pixels than a phone can decode. */
export class TooManyPixelsError extends Error {
  constructor(
    readonly fileName: string,
    readonly width: number,
    readonly height: number,
  ) {
    super(`${fileName} is ${width} × ${height} pixels`);
    this.name = 'TooManyPixelsError';
  }
}

export async function resizePhoto(file: File): Promise<Omit<PendingPhoto, 'key'>> {
  // A file picked but no longer readable (a photo only in the cloud while offline, one deleted
  // since) is unreadable, as one the browser cannot decode.
  const head = await file
    .slice(0, IMAGE_HEADER_BYTES)
    .arrayBuffer()
    .catch(() => {
      throw new UnreadableImageError(file.name);
    });
  const declared = tooManyPixels(head);
  if (declared) throw new TooManyPixelsError(file.name, declared.width, declared.height);
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new UnreadableImageError(file.name);
  }
  const { width, height } = scaledSize(bitmap.width, bitmap.height);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', QUALITY));
  if (!blob) throw new UnreadableImageError(file.name);
  const baseName = file.name.replace(/\.[^.]*$/, '') || 'photo';
  return { fileName: `${baseName}.jpg`, mimeType: 'image/jpeg', data: await blob.arrayBuffer(), width, height };
}
