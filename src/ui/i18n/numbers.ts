import type { Language } from '../../state/ui';

const UNITS: Record<Language, readonly string[]> = {
  fr: ['octets', 'Ko', 'Mo', 'Go', 'To'],
  en: ['bytes', 'KB', 'MB', 'GB', 'TB'],
};

/** « 0 octet », « 1 octet » (French counts 0 as one), "1 byte": the language's own plural rule. */
const ONE_BYTE: Record<Language, string> = { fr: 'octet', en: 'byte' };

/**
 * « 1,2 Mo » / "1.2 MB" (powers of 1000, like the browser's own settings pages), the unit held
 * to its number by a no-break space.
 */
export function formatBytes(bytes: number, lang: Language): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS[lang].length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(value);
  const name = unit === 0 && new Intl.PluralRules(lang).select(bytes) === 'one' ? ONE_BYTE[lang] : UNITS[lang][unit];
  return `${number}\u00a0${name}`;
}

/** « 12 s », « 3 min »: how long a busy server asked to wait, rounded up (never « 0 s »). */
export function formatWait(ms: number, lang: Language): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  const [value, unit] = seconds < 90 ? [seconds, 's'] : [Math.ceil(seconds / 60), 'min'];
  return `${new Intl.NumberFormat(lang).format(value)}\u00a0${unit}`;
}
