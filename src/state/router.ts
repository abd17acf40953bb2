// A hash router small enough to read in one go: the location hash is the source of truth
// (links are plain `<a href="#/visites">`), this store mirrors it for components.
import { createStore } from 'zustand/vanilla';
import { useStore } from './use-store';

export interface Route {
  /** First path segment ("visites" for "#/visites/123"); "" for "#/" or no hash. */
  screen: string;
  /** The segments after the screen ("123"), decoded. */
  params: string[];
  /** The query string after "?" ("#/visites?filtre=semaine"). */
  query: Record<string, string>;
  /** The normalised path, "/visites/123". */
  path: string;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const queryStart = raw.indexOf('?');
  const pathPart = queryStart < 0 ? raw : raw.slice(0, queryStart);
  const queryPart = queryStart < 0 ? '' : raw.slice(queryStart + 1);
  const segments = pathPart
    .split('/')
    .filter((segment) => segment !== '')
    .map(safeDecode);
  const query: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(queryPart)) query[key] = value;
  const [screen = '', ...params] = segments;
  return { screen, params, query, path: `/${segments.map(encodeURIComponent).join('/')}` };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function sameRoute(a: Route, b: Route): boolean {
  return a.path === b.path && JSON.stringify(a.query) === JSON.stringify(b.query);
}

/** The hash of a path: `hrefTo('visites', id)` → "#/visites/<id>". */
export function hrefTo(...segments: string[]): string {
  return `#/${segments.map(encodeURIComponent).join('/')}`;
}

/** "#/…" or no hash at all; other hashes ("#main" of the skip link) are in-page anchors. */
export function isRouteHash(hash: string): boolean {
  return hash === '' || hash === '#' || hash.startsWith('#/');
}

function currentRoute(target: { location: { hash: string } } | undefined): Route | null {
  const hash = target?.location.hash ?? '';
  return isRouteHash(hash) ? parseHash(hash) : null;
}

export const routeStore = createStore<{ route: Route }>(() => ({
  route: currentRoute(typeof window === 'undefined' ? undefined : window) ?? parseHash(''),
}));

export function useRoute(): Route {
  return useStore(routeStore, (state) => state.route);
}

export function navigate(hash: string, options: { replace?: boolean } = {}): void {
  const target = hash.startsWith('#') ? hash : `#${hash}`;
  if (options.replace) {
    history.replaceState(history.state, '', target);
    routeStore.setState({ route: parseHash(target) });
  } else {
    location.hash = target;
  }
}

/** Mirrors `location.hash` into the store; returns a function that stops. */
export function startRouter(target: Window = window): () => void {
  const update = () => {
    const route = currentRoute(target);
    // A new object for the same place would re-render every screen for nothing.
    if (route && !sameRoute(route, routeStore.getState().route)) routeStore.setState({ route });
  };
  target.addEventListener('hashchange', update);
  update();
  return () => target.removeEventListener('hashchange', update);
}
