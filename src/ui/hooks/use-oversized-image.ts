// An image file too large to decode on a phone (domain/image-size), judged once per file and not
// at each render: the header's walk hops through every segment before a JPEG's frame, and a
// file's page re-renders at each tick of its countdowns and each change of the files table.
import { useMemo } from 'preact/hooks';
import { sniffViewableType } from '../../domain/file-kind';
import { type PixelSize, tooManyPixels } from '../../domain/image-size';

/**
 * The size an image declares when it is more than a phone can decode; null for a smaller
 * image, another kind of file or no bytes yet. Keyed by the file's hash: same hash, same bytes.
 */
export function useOversizedImage(file: { sha256: string; data: ArrayBuffer } | null | undefined): PixelSize | null {
  const sha256 = file?.sha256;
  return useMemo(
    () => (file && sniffViewableType(file.data)?.startsWith('image/') ? tooManyPixels(file.data) : null),
    [sha256],
  );
}
