import { join } from 'node:path';
import type { ServerConfig } from '../config';
import { SqliteStore } from './sqlite';
import type { Store } from './store';

export const SQLITE_FILE = 'valise.sqlite';

/** The store the configuration asks for, migrated and ready. */
export async function openStore(config: ServerConfig): Promise<Store> {
  if (config.databaseUrl) throw new Error('DATABASE_URL is set but the PostgreSQL store is not available yet.');
  const store = new SqliteStore(join(config.dataDir, SQLITE_FILE));
  await store.migrate();
  return store;
}
