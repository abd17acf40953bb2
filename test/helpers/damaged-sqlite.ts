// A network's SQLite database as a failing disk or a copy cut short leaves it, or a newer release.
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { SqliteStore } from '../../src/server/store/sqlite';

/** A file that is not a database at all. */
export function notADatabase(file: string): void {
  writeFileSync(file, randomBytes(20_000));
}

/** A network's database whose pages past its header were overwritten, as a failing disk leaves one. */
export async function damagedPages(file: string): Promise<void> {
  const store = new SqliteStore(file);
  await store.migrate();
  await store.createNetwork('Réseau abîmé');
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  await store.close();
  const bytes = readFileSync(file);
  bytes.fill(0x5a, 4096);
  writeFileSync(file, bytes);
}

/** A network's database as a newer Valise leaves it: a schema past this release's migrations. */
export async function newerRelease(file: string): Promise<void> {
  const store = new SqliteStore(file);
  await store.migrate();
  await store.createNetwork('Réseau de demain');
  store.db.pragma('user_version = 999');
  await store.close();
}
