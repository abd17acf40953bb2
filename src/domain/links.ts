// Every address that comes from data (a lieu's website, a toolbox link, a contact's e-mail or
// phone, a link in a description) is checked by `safeHref`: the web, e-mail and phone open from
// the app; a "javascript:", "data:" or "blob:" address stays text, never a link. What is shown
// as a link is narrower still (`openableHref`, `websiteHref`, `mailtoHref`, `telHref`).

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
  // "?" and "#" would add headers (a hidden bcc, a body) or a fragment to the message the mail
  // app opens; "%" could spell a line break into them, "," and ";" more recipients.
  return address === '' || /[?#%,;\s]/.test(address) ? null : safeHref(`mailto:${address}`);
}

/**
 * An address from a record's free text or link, as a link a person may follow: a web page, or
 * an e-mail address or phone number and nothing more. A `mailto:` carrying headers (a hidden
 * bcc, a prewritten body) or a `tel:` carrying dial codes ("*21*…#" forwards the phone's calls)
 * stays text: the words of the link would not say what it does. Stored data keeps the wider
 * `safeHref` rule, so records already written stay valid.
 */
export function openableHref(raw: string | null | undefined): string | null {
  const href = safeHref(raw);
  if (href?.startsWith('mailto:')) return mailtoHref(href.slice('mailto:'.length));
  if (href?.startsWith('tel:')) {
    const number = href.slice('tel:'.length).replaceAll('%20', ' ');
    return /^\+?[0-9 .()-]+$/.test(number) ? telHref(number) : null;
  }
  return href;
}

/**
 * A website's address as a link: a web page only (a lieu's « Site web » never dials nor writes).
 * Its host is a domain name (a last label with a letter): a bare "+33299000000" typed there would
 * otherwise pass as a host. An address with a user ("https://contact@exemple.fr", a bare e-mail
 * once "https://" is put before it) is refused too: it reads as one host and opens another.
 */
export function websiteHref(raw: string | null | undefined): string | null {
  const href = safeHref(raw);
  if (!href?.startsWith('http')) return null;
  const url = new URL(href);
  const named = /\.[a-z0-9-]*[a-z][a-z0-9-]*$/i.test(url.hostname);
  return named && url.username === '' && url.password === '' ? href : null;
}

/**
 * A website as a person types it: a bare "exemple.fr" or "www.exemple.fr" is taken as an https
 * address; an address with a scheme of its own ("tel:", "ftp:"…) is left as it is, to be judged.
 */
export function websiteAsTyped(raw: string): string {
  const value = raw.trim();
  return value === '' || /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`;
}

type LinkState = 'none' | 'ok' | 'broken';

export function linkState(raw: string | null | undefined): LinkState {
  if ((raw?.trim() ?? '') === '') return 'none';
  return safeHref(raw) ? 'ok' : 'broken';
}
