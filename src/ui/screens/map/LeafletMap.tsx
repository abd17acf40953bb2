// The Leaflet map itself, in its own lazy chunk (Leaflet is about 40 KB gzip): markers by
// kind, OpenStreetMap tiles when they load, and when they do not, a plain background with
// the communes' names — a failing tile never stops the markers, which need no network.
import 'leaflet/dist/leaflet.css';
import {
  control,
  map as createMap,
  divIcon,
  type LayerGroup,
  type Map as LeafletMapInstance,
  latLngBounds,
  layerGroup,
  type Marker,
  marker,
  tileLayer,
} from 'leaflet';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { LatLon } from '../../../domain/geo';
import type { MapLieu } from '../../../domain/lieu-map';
import { classes } from '../../components/classes';
import { kindClass, kindMark } from './kinds';
import styles from './Map.module.css';

/** OpenStreetMap's own tiles; the service worker keeps the viewed ones for offline (sw.ts). */
const TILES = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
const ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>';
/** Metropolitan France, when no lieu is placed yet. */
const FRANCE: [number, number] = [46.6, 2.4];

export interface LeafletMapProps {
  items: readonly MapLieu[];
  labels: readonly { name: string; latitude: number; longitude: number }[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  here: LatLon | null;
  words: { mapLabel: string; here: string; noTiles: string; zoomIn: string; zoomOut: string };
}

export default function LeafletMap({ items, labels, selectedId, onSelect, here, words }: LeafletMapProps) {
  const box = useRef<HTMLElement>(null);
  const mapRef = useRef<LeafletMapInstance | null>(null);
  const markersRef = useRef<LayerGroup | null>(null);
  const byId = useRef(new Map<string, Marker>());
  const labelsRef = useRef<LayerGroup | null>(null);
  const hereRef = useRef<LayerGroup | null>(null);
  const selectRef = useRef(onSelect);
  selectRef.current = onSelect;
  const [tiles, setTiles] = useState<'waiting' | 'shown' | 'none'>('waiting');

  useEffect(() => {
    if (!box.current) return;
    const map = createMap(box.current, { zoomControl: false, center: FRANCE, zoom: 5 });
    control.zoom({ zoomInTitle: words.zoomIn, zoomOutTitle: words.zoomOut }).addTo(map);
    map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
    tileLayer(TILES, { maxZoom: 19, crossOrigin: true, attribution: ATTRIBUTION })
      .on('tileload', () => setTiles('shown'))
      // One tile that loaded is enough to keep the background: a cached area seen offline.
      .on('tileerror', () => setTiles((state) => (state === 'shown' ? state : 'none')))
      .addTo(map);
    markersRef.current = layerGroup().addTo(map);
    labelsRef.current = layerGroup();
    hereRef.current = layerGroup().addTo(map);
    mapRef.current = map;
    return () => {
      map.remove();
      mapRef.current = null;
    };
  }, []);

  // Markers, refitted to what the filters keep.
  useEffect(() => {
    const map = mapRef.current;
    const group = markersRef.current;
    if (!map || !group) return;
    group.clearLayers();
    byId.current.clear();
    for (const { lieu, position } of items) {
      if (!position) continue;
      const pin = marker([position.latitude, position.longitude], {
        title: lieu.name,
        alt: lieu.name,
        keyboard: true,
        icon: divIcon({
          className: classes(styles.marker, kindClass(lieu.kind)),
          html: `<span aria-hidden="true">${kindMark(lieu.kind)}</span>`,
          iconSize: [30, 30],
          iconAnchor: [15, 15],
        }),
      })
        .on('click', () => selectRef.current(lieu.id))
        .addTo(group);
      byId.current.set(lieu.id, pin);
    }
    const placed = items.flatMap((item) => (item.position ? [item.position] : []));
    if (here) map.setView([here.latitude, here.longitude], 11);
    else if (placed.length > 0) {
      map.fitBounds(latLngBounds(placed.map((at) => [at.latitude, at.longitude])), { padding: [30, 30], maxZoom: 13 });
    }
  }, [items, here]);

  // The chosen lieu stands out and comes into view, without refitting the others.
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    for (const [id, pin] of byId.current) {
      pin.getElement()?.classList.toggle(styles.markerSelected as string, id === selectedId);
      pin.setZIndexOffset(id === selectedId ? 1000 : 0);
    }
    const chosen = selectedId ? byId.current.get(selectedId) : undefined;
    if (chosen && !map.getBounds().contains(chosen.getLatLng())) map.panTo(chosen.getLatLng());
  }, [selectedId, items]);

  useEffect(() => {
    const group = hereRef.current;
    if (!group) return;
    group.clearLayers();
    if (here) {
      marker([here.latitude, here.longitude], {
        title: words.here,
        keyboard: false,
        interactive: false,
        icon: divIcon({ className: styles.here, iconSize: [18, 18], iconAnchor: [9, 9] }),
      }).addTo(group);
    }
  }, [here]);

  // Without tiles, the communes' names say where the markers are.
  useEffect(() => {
    const map = mapRef.current;
    const group = labelsRef.current;
    if (!map || !group) return;
    group.clearLayers();
    for (const label of labels) {
      marker([label.latitude, label.longitude], {
        interactive: false,
        keyboard: false,
        icon: divIcon({
          className: styles.communeLabel,
          html: `<span>${escapeHtml(label.name)}</span>`,
          iconSize: [0, 0],
        }),
      }).addTo(group);
    }
    if (tiles === 'none') group.addTo(map);
    else group.remove();
  }, [labels, tiles]);

  return (
    <div class={styles.mapFrame}>
      <section ref={box} class={classes(styles.map, tiles === 'none' && styles.mapPlain)} aria-label={words.mapLabel} />
      {tiles === 'none' ? (
        <p class={styles.notice} role="status">
          {words.noTiles}
        </p>
      ) : null}
    </div>
  );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
