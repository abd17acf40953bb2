// A network server's address as a person types it: often without its scheme
// ("valise.mon-reseau.fr"), as an address bar accepts it. Such an address is completed with
// https://, never http://: an address that names no scheme is never downgraded to an
// unencrypted connection. Someone whose server only speaks http:// types it in full.

/** The address to join, and whether https:// was added to what was typed (the form says so). */
interface ServerAddress {
  url: string;
  completed: boolean;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
// "http:/host", "https:valise…": a scheme mistyped, not a host and its port ("localhost:8080").
const MISTYPED_SCHEME = /^[a-z][a-z0-9+.-]*:(?!\d)/i;

/** The address to join from what was typed, or null when it can name no http(s) server. */
export function readServerAddress(typed: string): ServerAddress | null {
  const text = typed.trim();
  if (text === '' || /\s/.test(text)) return null;
  const named = SCHEME.test(text);
  if (!named && MISTYPED_SCHEME.test(text)) return null;
  const url = named ? text : `https://${text}`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  if (parsed.hostname === '') return null;
  return { url, completed: !named };
}

/**
 * Whether an address names the machine it is opened on (localhost, 127.0.0.1, [::1]): a link to
 * it opens nowhere else, so no phone joins there (the server's first start and the admin's
 * invitation say so).
 */
export function isLoopbackAddress(url: string): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(new URL(url).hostname);
}
