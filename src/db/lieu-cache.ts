// The lieux last read by id, kept in memory: every run of the visit list (a save, a pull,
// « Voir plus », coming back to Visites) reads the lieux of its page one by one for their
// names — IndexedDB has no multi-key get — and those reads were about 60 % of a later list's
// CPU (docs/bench-notes.md, "The list page"). Below Dexie's observability layer
// (lieu-cache-loader.ts), so a live query still records the lieux it asked for: a rename —
// typed here, pulled, or written in another tab — re-runs it, and by then nothing kept is left.
import Dexie, { type DBCore, type DBCoreTable, type ObservabilitySet } from 'dexie';

const TABLE = 'organisations';

/** The lieux' table answering from memory (other tables as they are), or undefined when it cannot start yet. */
export function cachedLieux(down: DBCore, table: DBCoreTable): DBCoreTable | undefined {
  if (table.name !== TABLE) return table;
  const kept = new Map<unknown, unknown>();
  // This tab's transactions that wrote lieux and have not ended: while one is open nothing is
  // served or kept, since a read then may miss its writes (or see them, and the writes abort).
  const writing = new Set<unknown>();
  // Bumped whenever the kept lieux are dropped: a read begun before keeps nothing.
  let generation = 0;
  const part = `idb://${down.schema.name}/${TABLE}/`;
  // Dexie's event for every committed change, this tab's and other tabs' (BroadcastChannel).
  const onStored = (parts: ObservabilitySet) => {
    if ('all' in parts || Object.keys(parts).some((key) => key.startsWith(part))) forget();
  };
  const forget = () => {
    generation++;
    if (kept.size === 0) return;
    kept.clear();
    Dexie.on.storagemutated.unsubscribe(onStored);
  };
  const keep = (key: unknown, value: unknown) => {
    // Listened to only while something is kept: a closed database leaves no listener behind.
    if (kept.size === 0) Dexie.on.storagemutated.subscribe(onStored);
    kept.set(key, value);
  };
  const until = (transaction: IDBTransaction, key: unknown) => {
    writing.add(key);
    const ended = () => {
      writing.delete(key);
      forget();
    };
    transaction.addEventListener('complete', ended);
    transaction.addEventListener('abort', ended);
  };
  // A write begun before this code loaded is not known: a read-only transaction starts only once
  // every write to the same store created before it has ended, so nothing is kept until then.
  // None can be made during an upgrade: the next request tries again.
  try {
    until(down.transaction([TABLE], 'readonly') as unknown as IDBTransaction, until);
  } catch {
    return undefined;
  }
  return {
    ...table,
    mutate: (request) => {
      if (!writing.has(request.trans)) until(request.trans as unknown as IDBTransaction, request.trans);
      forget();
      return table.mutate(request);
    },
    getMany: (request) => {
      if ((request.trans as unknown as IDBTransaction).mode !== 'readonly' || writing.size > 0)
        return table.getMany(request);
      const known = request.keys.map((key) => kept.get(key));
      const missing = request.keys.filter((key) => !kept.has(key));
      if (missing.length === 0) return Dexie.Promise.resolve(known);
      const since = generation;
      return table.getMany({ ...request, keys: missing }).then((values) => {
        const read = new Map(missing.map((key, at) => [key, values[at]]));
        if (since === generation && writing.size === 0) for (const [key, value] of read) keep(key, value);
        return request.keys.map((key, at) => (read.has(key) ? read.get(key) : known[at]));
      });
    },
  };
}
