import { resolve } from 'node:path';

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
  /** Request units per second one device may use (burst: 30 s of them); 0 turns it off. */
  deviceRate: number;
  /** The same for one address, whatever its devices; 0 turns it off. */
  addressRate: number;
  /** Behind a reverse proxy, the caller's address is the first X-Forwarded-For hop. */
  trustProxy: boolean;
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
    deviceRate: Number(env.VALISE_DEVICE_RATE ?? 10),
    addressRate: Number(env.VALISE_ADDRESS_RATE ?? 50),
    allowedOrigins: (env.VALISE_ALLOWED_ORIGINS ?? '').split(',').filter(Boolean),
    trustProxy: env.VALISE_TRUST_PROXY === '1' || env.VALISE_TRUST_PROXY === 'true',
  };
}
