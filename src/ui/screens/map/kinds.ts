// How each kind of lieu is drawn: a colour (Map.module.css) and a two-letter mark, so the
// kind reads without colour too. The legend and the markers use the same words.
import styles from './Map.module.css';

const MARKS: Record<string, string> = {
  tiers_lieu: 'TL',
  project_holder: 'PP',
  local_authority: 'CO',
  partner: 'PA',
  network: 'RÉ',
};

export function kindMark(kind: string): string {
  return MARKS[kind] ?? '•';
}

export function kindClass(kind: string): string | undefined {
  return styles[`kind-${kind}`] ?? styles['kind-other'];
}
