// How long a browser (and a proxy) may keep each file of the built app.

/** Hashed files never change under their name: a year, and no revalidation at all. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else (index.html, sw.js, the manifest, icons) is revalidated on every use, so an
 *  update reaches devices on their next visit; a 304 keeps that cheap. */
const REVALIDATE = 'no-cache';

export function cacheControlFor(path: string): string {
  return path.startsWith('/assets/') ? IMMUTABLE : REVALIDATE;
}
