// The lieux the visit list names, kept in memory between its runs (lieu-cache.ts), start with
// the app's background work (sync-runtime.ts), after the first screen: the first list reads
// them anyway, and the first screen has no bytes to spare. Until then reads and writes go
// straight through.
import type { DBCore, DBCoreTable, Middleware } from 'dexie';

type TableCache = (down: DBCore, table: DBCoreTable) => DBCoreTable | undefined;

let cacheOf: TableCache | undefined;

export function keepLieuxRead(cache: TableCache): void {
  cacheOf = cache;
}

/** Below Dexie's observability layer (level 0): a live query still records the lieux it reads. */
export const lieuCacheMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  level: -2,
  create: (down) => ({
    ...down,
    table: (name) => {
      const table = down.table(name);
      let cached: DBCoreTable | undefined;
      const current = () => {
        cached ??= cacheOf?.(down, table);
        return cached ?? table;
      };
      return {
        ...table,
        getMany: (request) => current().getMany(request),
        mutate: (request) => current().mutate(request),
      };
    },
  }),
};
