// Links of toolbox items: only the web and e-mail open from the app. A "javascript:" or "data:"
// link typed or synced into an item is shown as a broken link, never followed.

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** The address to put in an href, or null when it is not a web or e-mail link. */
export function safeHref(raw: string | null | undefined): string | null {
  const value = raw?.trim() ?? '';
  if (value === '') return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) return null;
  if (url.protocol !== 'mailto:' && url.hostname === '') return null;
  return url.href;
}

export type LinkState = 'none' | 'ok' | 'broken';

export function linkState(raw: string | null | undefined): LinkState {
  if ((raw?.trim() ?? '') === '') return 'none';
  return safeHref(raw) ? 'ok' : 'broken';
}
