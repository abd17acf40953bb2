import { resolve } from 'node:path';
import { AddressList, TrustedProxies } from './ops/client-address';
import { StartRefused } from './start-refused';

export interface ServerConfig {
  port: number;
  host: string;
  /** Folder of the SQLite file (VALISE_DATA, default ./data). */
  dataDir: string;
  /** PostgreSQL connection string; when set, PostgreSQL replaces SQLite. */
  databaseUrl: string | null;
  /** The address devices open (VALISE_PUBLIC_URL, default http://localhost:PORT): the base of invitation links. */
  publicUrl: string;
  /** Built app to serve (default ./dist). */
  distDir: string;
  maxAttachmentBytes: number;
  maxBodyBytes: number;
  /** Origins allowed to call the API from another site (the app's own origin always is). */
  allowedOrigins: string[];
  /** Bytes of files one network may store (VALISE_NETWORK_STORAGE_BYTES). */
  networkStorageBytes: number;
  /** Bytes of records (data and clocks) one network may store (VALISE_NETWORK_RECORD_BYTES). */
  networkRecordBytes: number;
  /** A device token unused for this long stops working (VALISE_TOKEN_IDLE_DAYS). */
  tokenIdleMs: number;
  /** Request units per second one device may use (burst: 30 s of them); 0 turns it off. */
  deviceRate: number;
  /** The same for one address, whatever its devices; 0 turns it off. */
  addressRate: number;
  /** The reverse proxies in front (VALISE_TRUSTED_PROXIES): only their X-Forwarded-For is believed. */
  trustedProxies: TrustedProxies;
  /** Who may read /metrics (VALISE_METRICS_ALLOW, default loopback), judged on the client's address. */
  metricsAllow: AddressList;
}

/** The built app's folder (VALISE_DIST): all `npm run build` needs, so no other setting can fail it. */
export function distDirOf(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.VALISE_DIST ?? 'dist');
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const number = (name: string, fallback: number, rule: NumberRule) => numberSetting(env, name, fallback, rule);
  const port = number('PORT', 8080, PORT);
  return {
    port,
    publicUrl: publicUrlSetting(env.VALISE_PUBLIC_URL, `http://localhost:${port}`),
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.VALISE_DATA ?? 'data'),
    databaseUrl: databaseUrlSetting(env.DATABASE_URL),
    distDir: distDirOf(env),
    maxAttachmentBytes: number('VALISE_MAX_ATTACHMENT_BYTES', 10 * 1024 * 1024, BYTES),
    maxBodyBytes: number('VALISE_MAX_BODY_BYTES', 8 * 1024 * 1024, BYTES),
    networkStorageBytes: number('VALISE_NETWORK_STORAGE_BYTES', 5 * 1024 ** 3, BYTES),
    // About 450,000 visits with the lieux, people and follow-ups around them (2.3 KB a visit in
    // the bench's data): years of a large network's work. It bounds what one member's device (a
    // stolen one, a buggy one) can take of a disk every network shares.
    networkRecordBytes: number('VALISE_NETWORK_RECORD_BYTES', 1024 ** 3, BYTES),
    tokenIdleMs: number('VALISE_TOKEN_IDLE_DAYS', 180, DAYS) * 86_400_000,
    deviceRate: number('VALISE_DEVICE_RATE', 10, RATE),
    addressRate: number('VALISE_ADDRESS_RATE', 50, RATE),
    allowedOrigins: list(env.VALISE_ALLOWED_ORIGINS).map(originSetting),
    trustedProxies: new TrustedProxies(list(env.VALISE_TRUSTED_PROXIES)),
    metricsAllow: new AddressList(list(env.VALISE_METRICS_ALLOW ?? '127.0.0.1,::1'), 'VALISE_METRICS_ALLOW'),
  };
}

interface NumberRule {
  min: number;
  max: number;
  whole: boolean;
  /** What the admin reads after "must be". */
  expected: string;
}

const PORT: NumberRule = { min: 0, max: 65_535, whole: true, expected: 'a whole number from 0 to 65535' };
const BYTES: NumberRule = {
  min: 1,
  max: Number.MAX_SAFE_INTEGER,
  whole: true,
  expected: 'a number of bytes, written as digits only (8 MB is 8388608)',
};
const DAYS: NumberRule = { min: 1, max: 36_500, whole: false, expected: 'a number of days, at least 1' };
const RATE: NumberRule = {
  min: 0,
  max: 1_000_000,
  whole: false,
  expected: 'a number of units per second (0 turns it off)',
};

/**
 * A number the admin set. A typo is refused at start: `Number("8MB")` is NaN, and a NaN limit
 * compares false with everything, which would quietly turn a body limit, a rate limit or the
 * tokens' expiry off.
 */
function numberSetting(env: NodeJS.ProcessEnv, name: string, fallback: number, rule: NumberRule): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw.trim());
  if (Number.isFinite(value) && value >= rule.min && value <= rule.max && (!rule.whole || Number.isInteger(value)))
    return value;
  throw new StartRefused(
    `${name} is "${raw}": it must be ${rule.expected}. Fix it or leave it unset (default ${fallback}).`,
  );
}

/**
 * The base of the invitation links the admin sends: without its scheme ("valise.mon-reseau.fr")
 * a link is no link on the phone that gets it, and an empty value made links of a bare path.
 */
function publicUrlSetting(raw: string | undefined, fallback: string): string {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = raw.trim();
  if (URL.canParse(value) && ['http:', 'https:'].includes(new URL(value).protocol)) return value;
  throw new StartRefused(
    `VALISE_PUBLIC_URL is "${raw}": it must be the address the devices open, with its https:// ` +
      `(https://valise.mon-reseau.fr). Fix it or leave it unset (default ${fallback}).`,
  );
}

/**
 * PostgreSQL's address. Anything but a connection string pg reads would reach pg as a host
 * name, or throw from deep in its parser; an empty value keeps SQLite. Never repeated in the
 * sentence: it holds the password.
 */
function databaseUrlSetting(raw: string | undefined): string | null {
  const value = raw?.trim();
  if (!value) return null;
  // pg also reads a socket folder ("/run/postgresql valise") and socket: URLs.
  if (value.startsWith('/')) return value;
  // A URL without its host (postgres://user@/db: the local socket) parses once a host stands in.
  const parses = URL.canParse(value) || URL.canParse(value.replace('@/', '@localhost/'));
  if (parses && /^(postgres|postgresql|socket):\/\//i.test(value)) return value;
  throw new StartRefused(
    'DATABASE_URL is not a PostgreSQL address: write it postgres://USER:PASSWORD@HOST:5432/DATABASE ' +
      '(special characters of the password percent-encoded: @ as %40, / as %2F), or leave it unset to keep ' +
      'the data in SQLite (VALISE_DATA).',
  );
}

/**
 * A browser sends its Origin as scheme://host[:port], and CORS compares it whole: an entry
 * written "https://app.mon-reseau.fr/" or "app.mon-reseau.fr" would never match, silently.
 */
function originSetting(entry: string): string {
  const url = URL.canParse(entry) ? new URL(entry) : null;
  if (url && ['http:', 'https:'].includes(url.protocol) && url.pathname === '/' && !url.search && !url.hash)
    return url.origin;
  throw new StartRefused(
    `VALISE_ALLOWED_ORIGINS: "${entry}" is not an origin: write each site as https://its.host (with its ` +
      'scheme, no path), comma-separated.',
  );
}

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/** The largest body a route takes (bytes): a push's JSON or an attachment's file. */
export function largestBody(config: Pick<ServerConfig, 'maxBodyBytes' | 'maxAttachmentBytes'>): number {
  return Math.max(config.maxBodyBytes, config.maxAttachmentBytes);
}

/** What the admin must hear at start: settings that are no longer read. */
export function configWarnings(env: NodeJS.ProcessEnv = process.env): string[] {
  if (env.VALISE_TRUST_PROXY === undefined) return [];
  return [
    'VALISE_TRUST_PROXY is no longer read: it believed the first X-Forwarded-For address, which the client writes. ' +
      "Set VALISE_TRUSTED_PROXIES to the reverse proxy's address instead (e.g. VALISE_TRUSTED_PROXIES=127.0.0.1 " +
      'for Caddy on the same machine) and remove VALISE_TRUST_PROXY.',
  ];
}
