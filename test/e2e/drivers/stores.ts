// The app's IndexedDB read from inside the page, as the browser holds it. Sent as source text
// (Playwright's page.evaluate, Device.evaluate in Firefox and WebKit alike), so self-contained.

export interface StoreRead {
  stores: string[];
  /** How many records each store holds, rather than the records. */
  count?: boolean;
  database?: string;
}

/** Each store's records (or count), in the order named, read in one transaction. */
export function readStores({ stores, count = false, database = 'valise' }: StoreRead): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(database);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const transaction = db.transaction(stores);
      const reads = stores.map((name) =>
        count ? transaction.objectStore(name).count() : transaction.objectStore(name).getAll(),
      );
      transaction.oncomplete = () => {
        db.close();
        resolve(reads.map((read) => read.result));
      };
      transaction.onerror = () => {
        db.close();
        reject(transaction.error);
      };
    };
  });
}

/** Whether a draft's typed values hold this text (drafts of one kind of form, when given). */
export function draftsHold(drafts: unknown[], text: string, kind?: string): boolean {
  return (drafts as { kind: string; values: unknown }[]).some(
    (draft) => (kind === undefined || draft.kind === kind) && JSON.stringify(draft.values).includes(text),
  );
}
