// The sentences saying an image declares more pixels than a phone can decode (domain/image-size):
// one wording for a file that is not shown (a valise's file, a visit's photo) and one for a
// picked photo that is not added, whichever screen says it.
import { MAX_IMAGE_PIXELS, type PixelSize } from '../../domain/image-size';
import { formatNumber } from '../../domain/numbers';
import type { Messages } from './messages';

const frSize = ({ width, height }: PixelSize) =>
  `${formatNumber(width, 'fr')}\u00a0×\u00a0${formatNumber(height, 'fr')} pixels`;
const enSize = ({ width, height }: PixelSize) => `${formatNumber(width, 'en')} × ${formatNumber(height, 'en')} pixels`;
const MAX_MILLIONS = MAX_IMAGE_PIXELS / 1_000_000;

export const pixelMessages = {
  fr: {
    /** `subject`: the file's name, or « Cette image ». */
    tooManyToShow: (subject: string, size: PixelSize) =>
      `${subject} fait ${frSize(size)}\u00a0: trop pour être affichée sur un téléphone.`,
    tooManyToResize: (name: string, size: PixelSize) =>
      `«\u00a0${name}\u00a0» fait ${frSize(size)}\u00a0: trop pour être réduite sur un téléphone (${formatNumber(MAX_MILLIONS, 'fr')} millions au plus). Elle n’est pas ajoutée.`,
  },
  en: {
    tooManyToShow: (subject: string, size: PixelSize) =>
      `${subject} is ${enSize(size)}: too many to be shown on a phone.`,
    tooManyToResize: (name: string, size: PixelSize) =>
      `“${name}” is ${enSize(size)}: too many to be resized on a phone (${formatNumber(MAX_MILLIONS, 'en')} million at most). It is not added.`,
  },
} satisfies Messages;
