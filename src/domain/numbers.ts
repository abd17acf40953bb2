// Numbers in the app's sentences and in its exports' words, written as each language writes them.

/** The locale each of the app's languages formats numbers in. */
export const LOCALES = { fr: 'fr-FR', en: 'en' } as const;

// Made on first use, not when the module loads: a renderer's first Intl object loads the
// browser's locale data (30–65 ms on this project's Chromium, four times that on a slow phone),
// which the first screen, before anything is counted, need not wait for.
const NUMBERS = new Map<'fr' | 'en', Intl.NumberFormat>();

/**
 * A count or a number in a sentence: « 6 000 », « 0,5 » (the French thousands separator is a
 * narrow no-break space, so « 6 000 » never breaks across lines), "6,000".
 */
export function formatNumber(value: number, lang: 'fr' | 'en'): string {
  let format = NUMBERS.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[lang]);
    NUMBERS.set(lang, format);
  }
  return format.format(value);
}

/**
 * A share of 0 to 100, rounded to `fractionDigits` (a whole unless told): « 42 % », "42%".
 * French holds the sign to its number with a no-break space (U+00A0), as every French « % » of
 * the app and of its exports does.
 */
export function formatPercent(value: number, lang: 'fr' | 'en', fractionDigits = 0): string {
  const number = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: fractionDigits }).format(value);
  return lang === 'fr' ? `${number}\u00a0%` : `${number}%`;
}
