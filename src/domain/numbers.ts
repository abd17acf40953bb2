// Numbers in the app's sentences and in its exports' words, written as each language writes them.

const NUMBERS = {
  fr: new Intl.NumberFormat('fr-FR'),
  en: new Intl.NumberFormat('en'),
};

/**
 * A count or a number in a sentence: « 6 000 », « 0,5 » (the French thousands separator is a
 * narrow no-break space, so « 6 000 » never breaks across lines), "6,000".
 */
export function formatNumber(value: number, lang: 'fr' | 'en'): string {
  return NUMBERS[lang].format(value);
}
