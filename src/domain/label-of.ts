// The words of an enumeration value, apart from the closed lists of vocabulary.ts: the visit
// list labels its services with it, and would otherwise load every list of the domain.

/**
 * The words of an enumeration value. One this version does not know (a later release added
 * it: src/protocol/README.md, "Compatibility") is shown as such, never a crash.
 */
export function labelOf<K extends string>(
  labels: Readonly<Record<K, { fr: string; en: string }>>,
  key: K,
  lang: 'fr' | 'en',
): string {
  if (Object.hasOwn(labels, key)) return labels[key][lang];
  return lang === 'fr' ? `valeur inconnue\u00a0: ${key}` : `unknown value: ${key}`;
}
