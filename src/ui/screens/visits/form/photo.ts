// Photos are resized on the device before they are stored: longest side 1600 px, JPEG, so a
// phone's 8 MB picture becomes a few hundred KB that sync can carry.
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

export async function resizePhoto(file: File): Promise<Omit<PendingPhoto, 'key'>> {
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
