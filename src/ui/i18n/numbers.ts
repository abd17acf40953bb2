import type { Language } from '../../state/ui';

const UNITS: Record<Language, readonly string[]> = {
  fr: ['octets', 'Ko', 'Mo', 'Go', 'To'],
  en: ['bytes', 'KB', 'MB', 'GB', 'TB'],
};

/** « 0 octet », « 1 octet » (French counts 0 as one), "1 byte": the language's own plural rule. */
const ONE_BYTE: Record<Language, string> = { fr: 'octet', en: 'byte' };

/**
 * 1024 when the figure is a whole number of KiB, MiB, GiB…, as a limit set in binary units is:
 * the default 5 GiB network quota reads « 5 Go », not « 5,4 Go ». 1000 otherwise.
 */
function baseOf(bytes: number): number {
  if (bytes < 1024) return 1000;
  let unit = 1024;
  while (bytes / unit >= 1024) unit *= 1024;
  return Number.isInteger(bytes / unit) ? 1024 : 1000;
}

/**
 * « 1,2 Mo » / "1.2 MB" (powers of 1000, like the browser's own settings pages, unless the figure
 * is round in powers of 1024), the unit held to its number by a no-break space. A usage is
 * written in the base of its limit (`scale`), so « 2,5 Go sur 5 Go » agrees with its percentage.
 */
export function formatBytes(bytes: number, lang: Language, scale = bytes): string {
  const base = baseOf(scale);
  let value = bytes;
  let unit = 0;
  while (value >= base && unit < UNITS[lang].length - 1) {
    value /= base;
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
