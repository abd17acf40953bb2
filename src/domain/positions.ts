// A position to read, in the app's sentences. Apart from numbers.ts, which the first screen
// loads: only a visit's page and form show a position, and its formatters are made at load.
import { LOCALES } from './numbers';

const COORDINATES = {
  fr: new Intl.NumberFormat(LOCALES.fr, { maximumFractionDigits: 5 }),
  en: new Intl.NumberFormat(LOCALES.en, { maximumFractionDigits: 5 }),
};

/**
 * A position to read, latitude then longitude to five decimals (about a metre): « 48,11725 ; −1,67782 »,
 * "48.11725, −1.67782". French writes its decimals with a comma, so a comma between the two would
 * read as four numbers; a semicolon held by a narrow no-break space parts them. A true minus sign
 * (U+2212) instead of a hyphen, as typeset numbers have. Machine formats (exports) keep their own
 * columns and never go through this.
 */
export function formatPosition(latitude: number, longitude: number, lang: 'fr' | 'en'): string {
  const coordinate = (value: number) => COORDINATES[lang].format(value).replace('-', '\u2212');
  return lang === 'fr'
    ? `${coordinate(latitude)}\u202f; ${coordinate(longitude)}`
    : `${coordinate(latitude)}, ${coordinate(longitude)}`;
}
