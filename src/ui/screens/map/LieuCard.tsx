// The chosen lieu: what it is, its last visit, and the way to log the next one there.
import type { RefObject } from 'preact';
import { joinIsolated } from '../../../domain/bidi';
import { labelOf } from '../../../domain/label-of';
import type { MapLieu } from '../../../domain/lieu-map';
import { ORGANISATION_KIND_LABELS } from '../../../domain/vocabulary-labels';
import { Button, ButtonLink } from '../../components/Button';
import { useDates } from '../../i18n/dates';
import { useLanguage, useMessages } from '../../i18n/messages';
import { lieuHref } from '../contacts/paths';
import { newVisitAtHref } from '../visits/form/values';
import { visitHref } from '../visits/paths';
import styles from './Map.module.css';
import { messages } from './messages';

export function LieuCard({
  item,
  distanceKm,
  onClose,
  focusRef,
}: {
  item: MapLieu;
  distanceKm: number | null;
  onClose: () => void;
  focusRef: RefObject<HTMLElement | null>;
}) {
  const t = useMessages(messages);
  const lang = useLanguage();
  const d = useDates();
  const { lieu, lastVisit, position } = item;
  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  return (
    <section class={styles.card} aria-label={t.card} ref={focusRef} tabIndex={-1}>
      <h2>{lieu.name}</h2>
      <p class={styles.muted}>
        {joinIsolated(
          [
            labelOf(ORGANISATION_KIND_LABELS, lieu.kind, lang),
            lieu.commune,
            distanceKm !== null ? t.distance(number.format(distanceKm)) : null,
          ],
          ' · ',
        )}
      </p>
      <p>
        {t.lastVisit} :{' '}
        {lastVisit ? <a href={visitHref(lastVisit.id)}>{d.date(lastVisit.visitedAt)}</a> : t.neverVisited}
      </p>
      {position?.source === 'visit' ? <p class={styles.muted}>{t.placedByVisit}</p> : null}
      <div class="actions">
        <ButtonLink variant="primary" href={newVisitAtHref(lieu.id)}>
          {t.logVisit}
        </ButtonLink>
        <ButtonLink href={lieuHref(lieu.id)}>{t.openLieu}</ButtonLink>
        <Button variant="quiet" onClick={onClose}>
          {t.close}
        </Button>
      </div>
    </section>
  );
}
