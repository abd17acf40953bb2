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
 * stays text: the words of the link would not say what it does. Nor does a web address with a
 * user before its host ("https://banque.fr@evil.example" opens evil.example). Stored data keeps
 * the wider `safeHref` rule, so records already written stay valid.
 */
export function openableHref(raw: string | null | undefined): string | null {
  const href = safeHref(raw);
  if (href?.startsWith('http') && namesUser(new URL(href))) return null;
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
  return namesDomain(url.hostname) && !namesUser(url) ? href : null;
}

/**
 * Whether a host's last label, after a dot, is letters, digits and hyphens with a letter in it.
 * Looked at apart: one pattern for the whole host tried each way to split a long label, 40 ms
 * for a host of 2,000 characters, at each line of a lieux file with one.
 */
function namesDomain(hostname: string): boolean {
  const dot = hostname.lastIndexOf('.');
  const last = hostname.slice(dot + 1);
  return dot >= 0 && /^[a-z0-9-]+$/i.test(last) && /[a-z]/i.test(last);
}

/** Whether a web address names a user (and password) before its host: it reads as one site and opens another. */
function namesUser(url: URL): boolean {
  return url.username !== '' || url.password !== '';
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

/** Names of files, which read like domains ("compte-rendu.pdf") but name no site. */
const FILE_EXTENSIONS = new Set([
  'pdf',
  'odt',
  'ods',
  'odp',
  'doc',
  'docx',
  'xls',
  'xlsx',
  'ppt',
  'pptx',
  'txt',
  'csv',
  'png',
  'jpg',
  'jpeg',
  'gif',
  'svg',
  'webp',
  'zip',
  'mp3',
  'mp4',
]);
/** "banque.fr", "www.bánque.fr/compte": labels of letters (any script, for look-alikes) and a path. */
const DOMAIN_LIKE = /^(?:[\p{L}\p{N}-]+\.)+\p{L}{2,}\.?(?::\d+)?(?:[/?#]\S*)?$/u;
const EMAIL_USER = /^[^\s@/:]+$/u;
const EMAIL_DOMAIN = /^[^\s@/]+$/u;

/**
 * "nom@domaine.fr": a dot inside the part after the one "@". Not one regular expression: with
 * the dot to be found among characters that may be dots, it tried every dot against the rest, a
 * second for a link's words of 20,000 characters.
 */
function emailLike(text: string): boolean {
  const at = text.indexOf('@');
  if (at < 0) return false;
  const domain = text.slice(at + 1);
  return EMAIL_USER.test(text.slice(0, at)) && EMAIL_DOMAIN.test(domain) && domain.slice(1, -1).includes('.');
}

const withoutWww = (host: string) => host.replace(/^www\./, '');

/** The host a link's words name as a web address or a domain, or null when they name none. */
function hostNamedBy(words: string): string | null {
  const scheme = /^https?:\/\//i.test(words);
  if (!scheme && !DOMAIN_LIKE.test(words)) return null;
  let url: URL;
  try {
    url = new URL(scheme ? words : `https://${words}`);
  } catch {
    return null;
  }
  const last = url.hostname.split('.').pop() ?? '';
  if (!scheme && !/^www\./i.test(words) && FILE_EXTENSIONS.has(last)) return null;
  return withoutWww(url.hostname.replace(/\.$/, ''));
}

/**
 * Whether a link's words read as a web address, a domain or an e-mail address other than where
 * the link goes ("[www.banque.fr](https://evil.example)"): shown as written, a person would read
 * one site and open another. A link into the site named, or one of its subdomains, is what its
 * words say. `href` is one `openableHref` gave.
 */
export function linkWordsMislead(words: string, href: string): boolean {
  const text = words.trim();
  const target = new URL(href);
  if (emailLike(text)) {
    const address = target.protocol === 'mailto:' ? decodeURIComponent(target.pathname) : '';
    return address.toLowerCase() !== text.toLowerCase();
  }
  const named = hostNamedBy(text);
  if (named === null) return false;
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return true;
  const host = withoutWww(target.hostname);
  return host !== named && !host.endsWith(`.${named}`);
}
