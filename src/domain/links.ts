// Every address that comes from data (a lieu's website, a toolbox link, a contact's e-mail or
// phone, a link in a description) becomes an href only through `safeHref`: the web, e-mail and
// phone open from the app; a "javascript:", "data:" or "blob:" address stays text, never a link.

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/** The address to put in an href, or null when it is not a web, e-mail or phone link. */
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
  const web = url.protocol === 'http:' || url.protocol === 'https:';
  if (web ? url.hostname === '' : url.pathname === '') return null;
  return url.href;
}

/** A phone number of a record as a tel: link (digits and "+" only), or null. */
export function telHref(phone: string | null | undefined): string | null {
  const digits = phone?.replace(/[^+0-9]/g, '') ?? '';
  return digits === '' ? null : safeHref(`tel:${digits}`);
}

/** An e-mail address of a record as a mailto: link, or null. */
export function mailtoHref(email: string | null | undefined): string | null {
  const address = email?.trim() ?? '';
  // "?" and "#" would add headers or a fragment to the message the mail app opens.
  return address === '' || /[?#\s]/.test(address) ? null : safeHref(`mailto:${address}`);
}

type LinkState = 'none' | 'ok' | 'broken';

export function linkState(raw: string | null | undefined): LinkState {
  if ((raw?.trim() ?? '') === '') return 'none';
  return safeHref(raw) ? 'ok' : 'broken';
}
