// The list equivalent of the map: the same placed lieux, reachable by keyboard and read by
// screen readers; choosing one opens its card and shows it on the map. And the legend.
import { useState } from 'preact/hooks';
import { joinIsolated } from '../../../domain/bidi';
import { labelOf } from '../../../domain/label-of';
import type { MapLieu } from '../../../domain/lieu-map';
import { ORGANISATION_KINDS } from '../../../domain/vocabulary';
import { ORGANISATION_KIND_LABELS } from '../../../domain/vocabulary-labels';
import { Button } from '../../components/Button';
import { classes } from '../../components/classes';
import { Section } from '../../components/Section';
import { useLanguage, useMessages } from '../../i18n/messages';
import { kindClass, kindMark } from './kinds';
import styles from './Map.module.css';
import { messages } from './messages';

const PAGE = 50;

export function LieuList({
  rows,
  total,
  matching,
  loaded,
  onChoose,
}: {
  rows: readonly { item: MapLieu; distanceKm: number | null }[];
  total: number;
  /** Lieux the filters keep, placed or not. */
  matching: number;
  loaded: boolean;
  onChoose: (id: string) => void;
}) {
  const t = useMessages(messages);
  const lang = useLanguage();
  const [limit, setLimit] = useState(PAGE);
  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  if (!loaded) return null;
  return (
    <Section title={t.list}>
      {rows.length === 0 ? (
        <p class={styles.muted}>{total === 0 ? t.empty : matching === 0 ? t.none : t.nonePlaced}</p>
      ) : (
        <ul class={styles.list}>
          {rows.slice(0, limit).map(({ item: { lieu }, distanceKm }) => (
            <li key={lieu.id} class={styles.row}>
              <span class={classes(styles.marker, styles.rowMark, kindClass(lieu.kind))} aria-hidden="true">
                {kindMark(lieu.kind, lang)}
              </span>
              <button type="button" class={styles.rowMain} onClick={() => onChoose(lieu.id)}>
                {lieu.name}
                <span class={styles.rowDetail}>
                  {joinIsolated(
                    [
                      labelOf(ORGANISATION_KIND_LABELS, lieu.kind, lang),
                      lieu.commune,
                      distanceKm !== null ? t.distance(number.format(distanceKm)) : null,
                    ],
                    ' · ',
                  )}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {rows.length > limit ? (
        <Button onClick={() => setLimit(limit + PAGE)}>{t.more(rows.length - limit)}</Button>
      ) : null}
    </Section>
  );
}

export function Legend() {
  const t = useMessages(messages);
  const lang = useLanguage();
  return (
    <ul class={styles.legend} aria-label={t.legend}>
      {[...ORGANISATION_KINDS].map((kind) => (
        <li key={kind}>
          <span class={classes(styles.marker, styles.legendMark, kindClass(kind))} aria-hidden="true">
            {kindMark(kind, lang)}
          </span>
          {labelOf(ORGANISATION_KIND_LABELS, kind, lang)}
        </li>
      ))}
    </ul>
  );
}
