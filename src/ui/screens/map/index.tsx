// Carte: the network's lieux on a map (Leaflet, loaded on demand), the same lieux as a list
// for the keyboard and screen readers, filters, a chosen lieu's card, "Autour de moi", and
// the lieux "pas sur la carte" with ways to place them.
import { useMemo, useRef, useState } from 'preact/hooks';
import { lieuxWithService, mapLieux } from '../../../db/map-queries';
import { byDistance } from '../../../domain/geo';
import { communeLabels, filterMapLieux, type MapFilter } from '../../../domain/lieu-map';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useLive } from '../../hooks/use-live';
import { usePosition } from '../../hooks/use-position';
import { useMessages } from '../../i18n/messages';
import type { ScreenProps } from '../../routes';
import { ContactsTabs } from '../contacts/ContactsTabs';
import { LieuCard } from './LieuCard';
import { Legend, LieuList } from './LieuList';
import styles from './Map.module.css';
import { MapArea } from './MapArea';
import { MapFilters } from './MapFilters';
import { messages } from './messages';
import { Unplaced } from './Unplaced';

export default function MapScreen(_: ScreenProps) {
  const t = useMessages(messages);
  const all = useLive((context) => mapLieux(context), []);
  const [filter, setFilter] = useState<MapFilter>({});
  const withService = useLive(
    async (context) => (filter.service ? lieuxWithService(context, filter.service) : null),
    [filter.service],
  );
  const shown = useMemo(
    () => (all ? filterMapLieux(all, filter, new Date(), withService ?? undefined) : undefined),
    [all, filter, withService],
  );
  const here = usePosition();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const cardRef = useRef<HTMLElement | null>(null);

  const placed = useMemo(() => (shown ?? []).filter((item) => item.position !== null), [shown]);
  const unplaced = useMemo(() => (shown ?? []).filter((item) => item.position === null), [shown]);
  const labels = useMemo(() => communeLabels(placed), [placed]);
  const rows = useMemo(
    () =>
      here.position
        ? byDistance(placed, here.position, (item) => item.position)
        : placed.map((item) => ({ item, distanceKm: null })),
    [placed, here.position],
  );
  const selected = (all ?? []).find((item) => item.lieu.id === selectedId) ?? null;
  const selectedDistance = rows.find((row) => row.item.lieu.id === selectedId)?.distanceKm ?? null;

  const choose = (id: string, fromList: boolean) => {
    setSelectedId(id);
    // From the list, the card is where the eyes and the keyboard go next.
    if (fromList) requestAnimationFrame(() => cardRef.current?.focus());
  };

  return (
    <>
      <ScreenHeader
        title={t.title}
        description={t.purpose}
        actions={
          <Button variant="primary" onClick={() => here.locate()} aria-disabled={here.status === 'locating'}>
            {here.status === 'locating' ? t.locating : t.around}
          </Button>
        }
      />
      <ContactsTabs current="map" />
      {here.problem ? (
        <Banner tone="warning" class={styles.status}>
          {here.problem}
        </Banner>
      ) : null}
      <MapFilters lieux={all ?? []} filter={filter} onChange={setFilter} />
      <div class={styles.summary}>
        <p role="status">{shown ? t.count(shown.length, unplaced.length) : ''}</p>
        {here.position ? <p>{t.hereSorted}</p> : null}
      </div>
      {status ? (
        <p class={styles.status} role="status">
          {status}
        </p>
      ) : null}
      <MapArea
        items={placed}
        labels={labels}
        selectedId={selectedId}
        onSelect={(id) => choose(id, false)}
        here={here.position}
      />
      <Legend />
      {selected ? (
        <LieuCard
          focusRef={cardRef}
          item={selected}
          distanceKm={selectedDistance}
          onClose={() => setSelectedId(null)}
        />
      ) : null}
      <LieuList
        rows={rows}
        total={all?.length ?? 0}
        matching={shown?.length ?? 0}
        loaded={shown !== undefined}
        onChoose={(id) => choose(id, true)}
      />
      <Unplaced items={unplaced} here={here} onStatus={setStatus} />
    </>
  );
}
