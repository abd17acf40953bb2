// A picked image is decoded whole before it is resized: one whose header declares more pixels
// than any phone camera takes (a PNG of one colour, 1.2 MB for 20,000 × 20,000) is refused in
// words before the browser is asked to decode it into gigabytes.
import { afterEach, expect, test, vi } from 'vitest';
import { pixelMessages } from '../../../../../src/ui/i18n/pixels';
import { resizePhoto, TooManyPixelsError, UnreadableImageError } from '../../../../../src/ui/screens/visits/form/photo';
import { pngHeader } from '../../../../helpers/image-headers';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** A JPEG's start: JFIF metadata, then the frame (SOF0) declaring `width` × `height`. */
function jpegHeader(width: number, height: number): Uint8Array<ArrayBuffer> {
  const app0 = [0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0];
  const frame = [0xff, 0xc0, 0, 17, 8, height >> 8, height & 255, width >> 8, width & 255, 3];
  return new Uint8Array([0xff, 0xd8, ...app0, ...frame, ...new Array(9).fill(0)]);
}

test('refuses an image of more pixels than a phone camera takes before decoding it, and decodes the largest photo', async () => {
  const decode = vi.fn(async () => {
    throw new DOMException('The source image could not be decoded.', 'InvalidStateError');
  });
  vi.stubGlobal('createImageBitmap', decode);

  const bomb = resizePhoto(new File([pngHeader(20_000, 20_000)], 'bombe.png', { type: 'image/png' }));
  await expect(bomb).rejects.toThrow(TooManyPixelsError);
  await expect(bomb).rejects.toMatchObject({ fileName: 'bombe.png', width: 20_000, height: 20_000 });
  // Said with the limit the check applies (MAX_IMAGE_PIXELS), numbers written as French writes them.
  expect(pixelMessages.fr.tooManyToResize('bombe.png', await bomb.catch((error: TooManyPixelsError) => error))).toBe(
    '«\u00a0bombe.png\u00a0» fait 20\u202f000\u00a0×\u00a020\u202f000 pixels\u00a0: trop pour être réduite sur un téléphone (200 millions au plus). Elle n’est pas ajoutée.',
  );
  await expect(resizePhoto(new File([jpegHeader(65_000, 4_000)], 'long.jpg'))).rejects.toThrow(TooManyPixelsError);
  expect(decode).not.toHaveBeenCalled();

  // A 200-megapixel phone's photo (16,320 × 12,240) goes to the browser's decoder as before.
  await expect(resizePhoto(new File([jpegHeader(16_320, 12_240)], 'capteur.jpg'))).rejects.toThrow(
    UnreadableImageError,
  );
  expect(decode).toHaveBeenCalledTimes(1);
});

test('a picked file that can no longer be read is an unreadable image, said as such, not an unexpected failure', async () => {
  // A photo only in the cloud while the phone is offline, or deleted since it was picked.
  const gone = new File([pngHeader(800, 600)], 'nuage.png', { type: 'image/png' });
  vi.spyOn(gone, 'slice').mockReturnValue({
    arrayBuffer: () => Promise.reject(new DOMException('The file could not be read.', 'NotReadableError')),
  } as never);

  await expect(resizePhoto(gone)).rejects.toMatchObject({ name: 'UnreadableImageError', fileName: 'nuage.png' });
});
