// Runs inside Chromium: measures the app's data and sync paths against the browser's own
// IndexedDB speed, on the same records in the same run.
import { importContacts } from '../../../src/db/contact-import';
import { openDataContext, type Session } from '../../../src/db/context';
import { serviceDays } from '../../../src/db/derived-key-writes';
import { duplicatesOf, mergeDuplicates } from '../../../src/db/merge';
import { countOverdue } from '../../../src/db/overdue-count';
import { activityYears, readReportData } from '../../../src/db/report-data';
import { ValiseDb } from '../../../src/db/schema';
import { storeSession } from '../../../src/db/sync-store';
import { SERVICE_DAYS } from '../../../src/db/visit-keys';
import { prepareVisitSearch } from '../../../src/db/visit-queries';
import { listVisits, saveVisit } from '../../../src/db/visits';
import { createRecords } from '../../../src/db/writes';
import { contactsReader } from '../../../src/domain/contact-exchange';
import { localDay } from '../../../src/domain/days';
import { RECORD_TYPES, type RecordMap } from '../../../src/domain/record-types';
import { SyncEngine } from '../../../src/sync/engine';
import { HttpTransport } from '../../../src/sync/transport';
import { generateDataset } from '../data/dataset';

type Visit = RecordMap['visits'];
let cached: { seed: number; visits: number; records: Visit[] } | null = null;

function visits(seed: number, count: number): Visit[] {
  if (cached?.seed !== seed || cached.visits !== count)
    cached = { seed, visits: count, records: generateDataset(seed, count).visits ?? [] };
  return cached.records;
}

async function deleteDatabase(name: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}

/** Plain IndexedDB: one object store without indexes, the records put in one transaction. */
function rawPut(seed: number, count: number): Promise<number> {
  return timedRawPut('bench-raw', visits(seed, count), () => undefined);
}

/**
 * Plain IndexedDB into a store with the indexes of the app's visits table (read from its Dexie
 * schema), each record carrying the index keys the app stores with it: what the browser itself
 * costs to keep these indexes, apart from anything the app does.
 */
function rawPutIndexed(seed: number, count: number): Promise<number> {
  const records = visits(seed, count).map((visit) => ({ ...visit, [SERVICE_DAYS]: serviceDays(visit) }));
  const { indexes } = new ValiseDb('bench-schema').table('visits').schema;
  return timedRawPut('bench-raw-indexed', records, (store) => {
    for (const index of indexes)
      store.createIndex(index.name, index.keyPath as string | string[], {
        multiEntry: index.multi,
        unique: index.unique,
      });
  });
}

async function timedRawPut(
  name: string,
  records: readonly object[],
  createIndexes: (store: IDBObjectStore) => void,
): Promise<number> {
  await deleteDatabase(name);
  const db = await openRaw(name, (upgraded) => createIndexes(upgraded.createObjectStore('visits', { keyPath: 'id' })));
  const started = performance.now();
  await putInOneTransaction(
    db,
    ['visits'],
    records.map((record) => ['visits', record]),
  );
  const elapsed = performance.now() - started;
  db.close();
  return elapsed;
}

function openRaw(name: string, upgrade?: (db: IDBDatabase) => void): Promise<IDBDatabase> {
  return new Promise<IDBDatabase>((resolve, reject) => {
    const request = upgrade ? indexedDB.open(name, 1) : indexedDB.open(name);
    if (upgrade) request.onupgradeneeded = () => upgrade(request.result);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function getAll(store: IDBObjectStore): Promise<object[]> {
  return new Promise<object[]>((resolve, reject) => {
    const request = store.getAll();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function putInOneTransaction(db: IDBDatabase, stores: string[], rows: readonly [string, object][]): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const transaction = db.transaction(stores, 'readwrite');
    for (const [store, record] of rows) transaction.objectStore(store).put(record);
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
  });
}

/** The page size of the bench's pulls (records per response, and per transaction on the device). */
const PULL_PAGE = 2000;

/**
 * Plain IndexedDB writing what initialPull stored, read back from its database, into the app's
 * record stores with their indexes, a pull page per transaction: what the browser itself costs
 * to keep a fresh device's records, apart from anything the app does (merging, the search text).
 */
async function rawPutPulled(): Promise<{ ms: number; records: number }> {
  // Read around Dexie too: its middleware hides the derived index keys the records are stored with.
  const pulled = await openRaw('bench-pull');
  const rows: [string, object][] = [];
  for (const type of RECORD_TYPES)
    for (const record of await getAll(pulled.transaction(type).objectStore(type))) rows.push([type, record]);
  pulled.close();
  await deleteDatabase('bench-raw-pulled');
  // Dexie creates the app's stores and indexes; the timed writes then go around it.
  const schema = new ValiseDb('bench-raw-pulled');
  await schema.open();
  schema.close();
  const db = await openRaw('bench-raw-pulled');
  const started = performance.now();
  for (let start = 0; start < rows.length; start += PULL_PAGE)
    await putInOneTransaction(db, [...RECORD_TYPES], rows.slice(start, start + PULL_PAGE));
  const ms = performance.now() - started;
  db.close();
  return { ms, records: rows.length };
}

/** The app's bulk write path (what an import uses): validation, record + outbox, one transaction. */
async function appPut(seed: number, count: number): Promise<number> {
  const records = visits(seed, count).map(({ id, networkId, createdAt, updatedAt, updatedBy, deleted, ...fields }) => ({
    ...fields,
    id,
  }));
  await deleteDatabase('bench-app');
  const context = await openDataContext({ name: 'bench-app' });
  const started = performance.now();
  await createRecords(context, 'visits', records);
  const elapsed = performance.now() - started;
  context.db.close();
  return elapsed;
}

/**
 * The seeded device's session. Its token was issued just now: without that date the engine
 * would replace it at its first sync (src/sync/token.ts), and the next run's token would be
 * refused.
 */
function benchSession(token: string, networkId: string): Session {
  return {
    serverUrl: location.origin,
    token,
    tokenIssuedAt: new Date().toISOString(),
    networkId,
    networkName: 'bench',
    deviceId: 'bench',
    memberName: 'Bench',
    role: 'concierge',
    maxAttachmentBytes: 1,
  };
}

/** A fresh device joining: pulls the whole network from the server. Returns ms and records. */
async function initialPull(token: string, networkId: string): Promise<{ ms: number; records: number }> {
  await deleteDatabase('bench-pull');
  const context = await openDataContext({ name: 'bench-pull' });
  await storeSession(context, benchSession(token, networkId));
  const engine = new SyncEngine(context, (ctx) => new HttpTransport(location.origin, ctx.session?.token ?? ''), {
    pullPage: PULL_PAGE,
  });
  const started = performance.now();
  await engine.sync();
  const ms = performance.now() - started;
  if (engine.status.state !== 'idle')
    throw new Error(`pull ended in state ${engine.status.state} (${engine.status.error})`);
  let records = 0;
  // The records only: the device's own tables (the search's on-disk text among them) are not pulled.
  for (const type of RECORD_TYPES) records += await context.db.anyRecords(type).count();
  context.db.close();
  return { ms, records };
}

/** 10,000 records written offline, then pushed to the server. */
async function push(token: string, networkId: string, clockNode: string, seed: number, count: number): Promise<number> {
  await deleteDatabase('bench-push');
  const context = await openDataContext({ name: 'bench-push' });
  // The node of the token's device, as a joined phone's writes carry its own: a clock of another
  // node would go through the server's re-stamping, which no phone's own writes take.
  const identity = { clockNode, authorName: '' };
  await context.db.meta.put({ key: 'identity', value: identity });
  context.identity = identity;
  await storeSession(context, benchSession(token, networkId));
  const records = generateDataset(seed, count).visits ?? [];
  await createRecords(
    context,
    'visits',
    records.map(({ id, networkId: _n, createdAt, updatedAt, updatedBy, deleted, ...fields }) => fields),
  );
  const engine = new SyncEngine(context, (ctx) => new HttpTransport(location.origin, ctx.session?.token ?? ''), {
    pushBatch: 1000,
  });
  // Push only: the pull that follows in a normal run is measured by initialPull.
  const started = performance.now();
  await (engine as unknown as { push(transport: HttpTransport): Promise<void> }).push(
    new HttpTransport(location.origin, token),
  );
  const elapsed = performance.now() - started;
  const left = await context.db.outbox.count();
  context.db.close();
  if (left !== 0) throw new Error(`${left} outbox entries left after the push`);
  return elapsed;
}

/** Visits saved one after another on the pulled device: the first of a session, then typical ones. */
const SAVES = 10;
/** Later searches of a session: first names of the data set's people, none in any note. */
const LATER_SEARCHES = ['nadia', 'karim', 'bastien', 'elsa', 'yann'];

/**
 * Repository figures on the device that pulled the whole data set (initialPull's database):
 * a filtered page of 50 visits, the first screen's overdue badge, searches, saving visits
 * one by one, each with its outbox entry, a person's page, a year's report and a merge. The searches use words the data holds: a word found nowhere is answered from the list
 * of known words (src/db/search-words.ts) without reading any text, which says nothing of a
 * real search.
 */
async function onPulledDevice(): Promise<{
  listMs: number;
  overdueCountMs: number;
  firstSearchMs: number;
  searchMs: number[];
  saveMs: number[];
  personPageMs: number;
  reportYearMs: number;
  mergePeopleMs: number;
}> {
  const context = await openDataContext({ name: 'bench-pull' });
  const timed = async (work: () => Promise<unknown>) => {
    const started = performance.now();
    await work();
    return performance.now() - started;
  };
  const listMs = await timed(() => listVisits(context, { service: 'support_projects', limit: 50 }));
  // The "À faire" badge beside that list: the open follow-ups due before today, of a fifth as
  // many follow-ups as visits.
  const overdueCountMs = await timed(() => countOverdue(context));
  // The first search of a session: a word of a third of the notes, so the text of visits is read.
  const firstSearchMs = await timed(() => listVisits(context, { query: 'atelier', limit: 31 }));
  // A later one, once the text of every visit is in memory — what focusing the search box
  // starts in the app (VisitList.tsx), seconds before a second query is typed: first names
  // that no note holds but 500 people's names do, so every visit is checked. Several of them:
  // one search of a few milliseconds is at the mercy of a collection pause, and a single sample
  // per run made the figure swing from 14 to 49 ms between quiet runs.
  await prepareVisitSearch(context);
  const searchMs: number[] = [];
  for (const name of LATER_SEARCHES) searchMs.push(await timed(() => listVisits(context, { query: name, limit: 31 })));
  // Visits as the field writes them (a lieu of the network, services, a note of the data set's
  // length), each a new one dated now, as a concierge saves the visit just made.
  const models = await context.db.records('visits').limit(SAVES).toArray();
  const saveMs: number[] = [];
  for (const { id, networkId, createdAt, updatedAt, updatedBy, deleted, hlc, ...fields } of models)
    saveMs.push(
      await timed(() => saveVisit(context, { id: null, visit: { ...fields, visitedAt: new Date().toISOString() } })),
    );
  // A person's page: the visits she was met at (a page of 20, about eight at this scale) and her
  // likely duplicates, read side by side as the page does.
  const [person, other] = await context.db.records('contacts').limit(2).toArray();
  if (!person || !other) throw new Error('no people to open');
  const personPageMs = await timed(() =>
    Promise.all([
      listVisits(context, { contactId: person.id, limit: 20 }),
      duplicatesOf(context, 'contacts', person.id),
    ]),
  );
  // The reports screen's records of a year: the second year with visits, a whole one at this scale.
  const years = await activityYears(context);
  const year = years[1] ?? years[0] ?? new Date().getFullYear();
  const reportYearMs = await timed(() => readReportData(context, { from: `${year}-01-01`, to: `${year}-12-31` }));
  // Last, since it writes: two people merged, every record naming the merged one moved.
  const mergePeopleMs = await timed(() => mergeDuplicates(context, 'contacts', person.id, 'contacts', other.id, {}));
  context.db.close();
  return { listMs, overdueCountMs, firstSearchMs, searchMs, saveMs, personPageMs, reportYearMs, mergePeopleMs };
}

/** A spreadsheet of `count` people read and imported on a fresh device (lieux created as named). */
async function importCsv(seed: number, count: number): Promise<number> {
  const dataset = generateDataset(seed, count * 5);
  const lieux = new Map((dataset.organisations ?? []).map((lieu) => [lieu.id, lieu.name]));
  // Distinct people (a real address book): the generated names and e-mails repeat, and a
  // repeated e-mail is merged into the first person rather than added.
  const rows = (dataset.contacts ?? []).map((contact, index) =>
    [
      contact.name,
      `${index}.${contact.email ?? 'personne@exemple.fr'}`,
      lieux.get(contact.organisationIds?.[0] ?? '') ?? '',
    ].join(';'),
  );
  const csv = ['Nom;Email;Structure', ...rows].join('\n');
  await deleteDatabase('bench-import');
  const context = await openDataContext({ name: 'bench-import' });
  const bytes = new TextEncoder().encode(csv);
  const started = performance.now();
  // Read as the import screen reads a picked file: from its bytes, 200 rows at a time.
  const reader = contactsReader(bytes, 'contacts.csv', localDay());
  let lines = reader.step(200);
  while (!lines) lines = reader.step(200);
  const report = await importContacts(context, lines);
  const elapsed = performance.now() - started;
  context.db.close();
  if (report.added !== rows.length) throw new Error(`imported ${report.added} of ${rows.length}`);
  return elapsed;
}

Object.assign(window, {
  valiseBench: {
    rawPut,
    rawPutIndexed,
    appPut,
    initialPull,
    rawPutPulled,
    push,
    onPulledDevice,
    importCsv,
    ready: true,
  },
});
