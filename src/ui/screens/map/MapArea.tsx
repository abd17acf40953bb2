// The map's place on the screen: loads Leaflet's chunk (leaflet-view.ts) on demand and feeds
// it the filtered lieux; if the chunk cannot load, the list below still gives every lieu.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { LatLon } from '../../../domain/geo';
import type { MapLieu } from '../../../domain/lieu-map';
import { Banner } from '../../components/Banner';
import { classes } from '../../components/classes';
import { useLanguage, useMessages } from '../../i18n/messages';
import { kindMark } from './kinds';
import type { MapView, TileState } from './leaflet-view';
import styles from './Map.module.css';
import { messages } from './messages';

interface MapAreaProps {
  items: readonly MapLieu[];
  labels: readonly { name: string; latitude: number; longitude: number }[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  here: LatLon | null;
}

export function MapArea({ items, labels, selectedId, onSelect, here }: MapAreaProps) {
  const t = useMessages(messages);
  const lang = useLanguage();
  const box = useRef<HTMLElement>(null);
  const [view, setView] = useState<MapView | null>(null);
  const [failed, setFailed] = useState(false);
  const [tiles, setTiles] = useState<TileState>('waiting');
  const selectRef = useRef(onSelect);
  selectRef.current = onSelect;

  useEffect(() => {
    let active = true;
    let created: MapView | null = null;
    import('./leaflet-view').then(
      ({ createMapView }) => {
        if (!active || !box.current) return;
        created = createMapView(box.current, {
          onSelect: (id) => selectRef.current(id),
          onTiles: setTiles,
          words: { here: t.here, zoomIn: t.zoomIn, zoomOut: t.zoomOut },
          mark: (kind) => kindMark(kind, lang),
        });
        setView(created);
      },
      () => active && setFailed(true),
    );
    return () => {
      active = false;
      created?.remove();
    };
  }, []);

  useEffect(() => view?.show(items, here), [view, items, here]);
  useEffect(() => view?.select(selectedId), [view, selectedId]);
  useEffect(() => view?.labels(labels, tiles === 'none'), [view, labels, tiles]);

  if (failed) return <Banner tone="warning">{t.mapFailed}</Banner>;
  // The notice goes above the map: below it, a phone's first screen ends inside a blank map
  // and the sentence saying why it is blank is out of sight.
  return (
    <div class={styles.mapFrame}>
      {tiles === 'none' ? (
        <p class={styles.notice} role="status">
          {t.noTiles}
        </p>
      ) : null}
      <section
        ref={box}
        class={classes(styles.map, tiles === 'none' && styles.mapPlain)}
        aria-label={t.mapLabel}
        aria-busy={view === null ? 'true' : undefined}
      />
    </div>
  );
}
