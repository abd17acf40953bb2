// How each kind of lieu is drawn: a colour (Map.module.css) and a two-letter mark, so the
// kind reads without colour too. The legend and the markers use the same words; the marks are
// the initials of the kind's name in the app's language (an English legend read "RÉ — Network"),
// but for the network's: « NW » or « NE » would read as a compass point on a map.
import type { Language } from '../../../state/ui';
import styles from './Map.module.css';

const MARKS: Record<Language, Record<string, string>> = {
  fr: { tiers_lieu: 'TL', project_holder: 'PP', local_authority: 'CO', partner: 'PA', network: 'RÉ' },
  en: { tiers_lieu: 'TP', project_holder: 'PH', local_authority: 'LA', partner: 'PA', network: 'NT' },
};

export function kindMark(kind: string, lang: Language): string {
  // Own keys only: a later release's kind may be any word, « constructor » included.
  return Object.hasOwn(MARKS[lang], kind) ? (MARKS[lang][kind] as string) : '•';
}

export function kindClass(kind: string): string | undefined {
  return styles[`kind-${kind}`] ?? styles['kind-other'];
}
