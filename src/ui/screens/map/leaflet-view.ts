// The Leaflet map itself, in its own lazy chunk (Leaflet is about 45 KB gzip) and without
// Preact, so loading it never reshapes the chunks the first screen shares. Markers by kind,
// OpenStreetMap tiles when they load; when none does, a plain background with the communes'
// names — a failing tile never stops the markers, which need no network.
import 'leaflet/dist/leaflet.css';
import { control, map as createMap, divIcon, latLngBounds, layerGroup, type Marker, marker, tileLayer } from 'leaflet';
import type { LatLon } from '../../../domain/geo';
import type { MapLieu } from '../../../domain/lieu-map';
import { classes } from '../../components/classes';
import { kindClass } from './kinds';
import styles from './Map.module.css';

/** OpenStreetMap's own tiles; the service worker keeps the viewed ones for offline (sw.ts). */
const TILES = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
const ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>';
/** Metropolitan France, when no lieu is placed yet. */
const FRANCE: [number, number] = [46.6, 2.4];

export type TileState = 'waiting' | 'shown' | 'none';

interface MapViewOptions {
  onSelect: (id: string) => void;
  onTiles: (state: TileState) => void;
  words: { here: string; zoomIn: string; zoomOut: string };
  /** A kind's mark in the app's language (kinds.ts). */
  mark: (kind: string) => string;
}

export interface MapView {
  /** The placed lieux, refitted into view (or centred on `here` when known). */
  show(items: readonly MapLieu[], here: LatLon | null): void;
  select(id: string | null): void;
  labels(labels: readonly { name: string; latitude: number; longitude: number }[], visible: boolean): void;
  remove(): void;
}

export function createMapView(element: HTMLElement, options: MapViewOptions): MapView {
  const map = createMap(element, { zoomControl: false, center: FRANCE, zoom: 5 });
  control.zoom({ zoomInTitle: options.words.zoomIn, zoomOutTitle: options.words.zoomOut }).addTo(map);
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  let tiles: TileState = 'waiting';
  let loadedThisView = false;
  const setTiles = (next: TileState) => {
    if (next === tiles) return;
    tiles = next;
    options.onTiles(next);
  };
  // The app's pages send no referrer; OSM's tile policy asks for one, so tiles send the origin.
  tileLayer(TILES, {
    maxZoom: 19,
    crossOrigin: true,
    referrerPolicy: 'strict-origin-when-cross-origin',
    attribution: ATTRIBUTION,
  })
    .on('loading', () => {
      loadedThisView = false;
    })
    .on('tileload', () => {
      loadedThisView = true;
      setTiles('shown');
    })
    // One tile of this view is enough to keep the background (a cached area seen offline);
    // a view where none loads gets the plain background and the communes' names.
    .on('tileerror', () => setTiles(loadedThisView ? 'shown' : 'none'))
    .addTo(map);
  const markers = layerGroup().addTo(map);
  const communeNames = layerGroup();
  const hereLayer = layerGroup().addTo(map);
  const byId = new Map<string, Marker>();
  let selected: string | null = null;

  const select = (id: string | null) => {
    selected = id;
    for (const [key, pin] of byId) {
      pin.getElement()?.classList.toggle(styles.markerSelected as string, key === id);
      pin.setZIndexOffset(key === id ? 1000 : 0);
    }
    const chosen = id ? byId.get(id) : undefined;
    if (chosen && !map.getBounds().contains(chosen.getLatLng())) map.panTo(chosen.getLatLng());
  };

  return {
    show(items, here) {
      markers.clearLayers();
      byId.clear();
      for (const { lieu, position } of items) {
        if (!position) continue;
        const pin = marker([position.latitude, position.longitude], {
          title: lieu.name,
          alt: lieu.name,
          keyboard: true,
          icon: divIcon({
            className: classes(styles.marker, kindClass(lieu.kind)),
            html: `<span aria-hidden="true">${options.mark(lieu.kind)}</span>`,
            iconSize: [30, 30],
            iconAnchor: [15, 15],
          }),
        })
          .on('click', () => options.onSelect(lieu.id))
          // A marker is a button (Leaflet gives it the role): Enter and Space choose it too.
          .on('keypress', (event) => {
            const key = (event as unknown as { originalEvent: KeyboardEvent }).originalEvent.key;
            if (key === 'Enter' || key === ' ') options.onSelect(lieu.id);
          })
          .addTo(markers);
        byId.set(lieu.id, pin);
      }
      hereLayer.clearLayers();
      const placed = items.flatMap((item) => (item.position ? [item.position] : []));
      if (here) {
        marker([here.latitude, here.longitude], {
          title: options.words.here,
          keyboard: false,
          interactive: false,
          icon: divIcon({ className: styles.here, iconSize: [18, 18], iconAnchor: [9, 9] }),
        }).addTo(hereLayer);
        map.setView([here.latitude, here.longitude], 11, { animate: false });
      } else if (placed.length > 0) {
        map.fitBounds(latLngBounds(placed.map((at) => [at.latitude, at.longitude])), {
          padding: [30, 30],
          maxZoom: 13,
          animate: false,
        });
      }
      select(selected);
    },
    select,
    labels(labels, visible) {
      communeNames.clearLayers();
      for (const label of labels) {
        marker([label.latitude, label.longitude], {
          interactive: false,
          keyboard: false,
          icon: divIcon({
            className: styles.communeLabel,
            html: `<span>${escapeHtml(label.name)}</span>`,
            iconSize: [0, 0],
          }),
        }).addTo(communeNames);
      }
      if (visible) communeNames.addTo(map);
      else communeNames.remove();
    },
    remove: () => map.remove(),
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
