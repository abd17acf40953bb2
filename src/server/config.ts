import { resolve } from 'node:path';
import { AddressList, TrustedProxies } from './ops/client-address';

export interface ServerConfig {
  port: number;
  host: string;
  /** Folder of the SQLite file (VALISE_DATA, default ./data). */
  dataDir: string;
  /** PostgreSQL connection string; when set, PostgreSQL replaces SQLite. */
  databaseUrl: string | null;
  /** Built app to serve (default ./dist). */
  distDir: string;
  maxAttachmentBytes: number;
  maxBodyBytes: number;
  /** Origins allowed to call the API from another site (the app's own origin always is). */
  allowedOrigins: string[];
  /** Bytes of files one network may store (VALISE_NETWORK_STORAGE_BYTES). */
  networkStorageBytes: number;
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

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    port: Number(env.PORT ?? 8080),
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.VALISE_DATA ?? 'data'),
    databaseUrl: env.DATABASE_URL ?? null,
    distDir: resolve(env.VALISE_DIST ?? 'dist'),
    maxAttachmentBytes: Number(env.VALISE_MAX_ATTACHMENT_BYTES ?? 10 * 1024 * 1024),
    maxBodyBytes: Number(env.VALISE_MAX_BODY_BYTES ?? 8 * 1024 * 1024),
    networkStorageBytes: Number(env.VALISE_NETWORK_STORAGE_BYTES ?? 5 * 1024 ** 3),
    tokenIdleMs: Number(env.VALISE_TOKEN_IDLE_DAYS ?? 180) * 86_400_000,
    deviceRate: Number(env.VALISE_DEVICE_RATE ?? 10),
    addressRate: Number(env.VALISE_ADDRESS_RATE ?? 50),
    allowedOrigins: list(env.VALISE_ALLOWED_ORIGINS),
    trustedProxies: new TrustedProxies(list(env.VALISE_TRUSTED_PROXIES)),
    metricsAllow: new AddressList(list(env.VALISE_METRICS_ALLOW ?? '127.0.0.1,::1'), 'VALISE_METRICS_ALLOW'),
  };
}

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
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
