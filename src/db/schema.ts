// The one Dexie database of a device. Versions only ever add: a version that changes a
// table's indexes gets a new SCHEMA_Vn at the end of SCHEMA_HISTORY, and the upgrade test
// opens a database written by the previous version with it (test/unit/db/upgrade.test.ts). A
// version that adds a record type also moves that type's rows out of `unknownRecords` in its
// upgrade.

import Dexie, { type PromiseExtended, type Table, type Transaction } from 'dexie';
import type { FieldClocks } from '../domain/merge';
import type { RecordMap, RecordType } from '../domain/record-types';
import type { FieldIssue } from '../domain/validation';
import { ATTENDEE_IDS } from './attendee-keys';
import { DERIVED_FIELDS, derivedKeysMiddleware } from './derived-keys';
import { DUPLICATE_KEYS } from './duplicate-keys';
import { indexWritesLoaded, loadIndexWrites } from './index-writes-loader';
import { lieuCacheMiddleware } from './lieu-cache-loader';
import { OPEN_DUE, OPEN_ITEM, OPEN_RECORD } from './open-keys';
import type { UpgradedVersion } from './schema-upgrades';
import {
  SEARCH_TABLE,
  SEARCHED,
  type SearchSegment,
  type SearchWord,
  searchIndexMiddleware,
  WORDS_TABLE,
} from './search-index';

/** A synced record as kept on the device: its fields plus the clock of each field. */
export type Stored<T> = T & { hlc: FieldClocks };
/** A stored record of any type, as sync code sees it. */
export type LooseRecord = Stored<Record<string, unknown>> & { id: string; networkId: string; deleted: boolean };

/**
 * One local write waiting for the server: which records and fields changed. The values are
 * read from the records at push time, so a bulk import is a few small entries, not a second copy.
 */
export interface OutboxEntry {
  seq?: number;
  mutationId: string;
  type: RecordType;
  recordIds: string[];
  /** Changed field keys ("answers.q1" for a map entry); null = every field (a creation). */
  fields: string[] | null;
  /** Text fields: the clock of the value the user edited from, for conflict detection. */
  base?: Record<string, string>;
  /** Sent again to a server restored from a backup: every field and map entry, with its clock. */
  resend?: true;
  createdAt: string;
}

/** A mutation the server refused, kept with its values so nothing typed is lost. */
export interface RejectedMutation {
  id: string;
  type: RecordType;
  recordId: string;
  fields: Record<string, unknown>;
  /** The server's English sentence: shown as it is when there is no code this version knows. */
  reason: string;
  /** Why, in the server's terms (src/protocol/README.md, Push); absent from older servers. */
  code?: string;
  /** The fields at fault, said in the device's language. */
  issues?: FieldIssue[];
  rejectedAt: string;
}

/**
 * A pulled record of a type this version does not know (a later release added it): kept as the
 * server sent it, in backups too, never shown nor pushed (src/protocol/README.md).
 */
export interface UnknownRecord {
  type: string;
  id: string;
  data: Record<string, unknown>;
  clocks: FieldClocks;
}

interface MetaEntry {
  key: string;
  value: unknown;
}

/** An unsaved form, kept on every keystroke so a killed tab never loses input. */
export interface Draft {
  id: string;
  kind: string;
  /** The record being edited, or null for a new one. */
  recordId: string | null;
  values: Record<string, unknown>;
  /** A few words naming what the draft holds, for the list of drafts ("Visite — La Forge"). */
  title?: string;
  updatedAt: string;
}

/** Bytes of a photo or file, by content hash. ArrayBuffer, which Safari keeps reliably (Blob it may not). */
export interface BlobEntry {
  sha256: string;
  data: ArrayBuffer;
  mimeType: string;
  size: number;
  /**
   * pending until the server has the bytes; refused (with `refusal`) is not retried, unless the
   * network's file quota refused it (`refusalCode` quota_exceeded) and the server says it now fits.
   */
  state: 'pending' | 'uploaded' | 'refused';
  refusal?: string;
  /** The server's code for the refusal (`too_large`, `quota_exceeded`…), when it named one. */
  refusalCode?: string;
}

export const SCHEMA_V1: Record<RecordType | LocalTable, string> = {
  organisations: 'id, name',
  contacts: 'id, name, *organisationIds',
  visits: 'id, visitedAt, organisationId',
  followUps: 'id, dueDate, visitId, eventId',
  diagnosticTemplates: 'id, family',
  diagnostics: 'id, organisationId, templateId, filledOn',
  events: 'id, startsAt',
  eventNotes: 'id, eventId',
  toolboxItems: 'id, kind, title',
  loans: 'id, itemId',
  packingLists: 'id, templateId',
  attachments: 'id, ownerId, sha256',
  conflicts: 'id, recordId',
  outbox: '++seq',
  rejected: 'id, recordId',
  meta: 'key',
  drafts: 'id, kind, updatedAt',
  blobs: 'sha256, state',
};

type LocalTable = 'outbox' | 'rejected' | 'meta' | 'drafts' | 'blobs';

/** Version 2: records of types a later release adds, by type and id. */
const SCHEMA_V2 = { unknownRecords: '[type+id], type' };

/** Version 3: visits by service (multi-entry), so the map finds where a service was given by index. */
const SCHEMA_V3 = { visits: 'id, visitedAt, organisationId, *services' };

/** Version 4: the search's text of visits, lieux and people (search-index.ts), filled from the records kept. */
const SCHEMA_V4 = { [SEARCH_TABLE]: '++seq, table' };

/**
 * Version 5: lieux and people by the record they were merged into. Only a merge's tombstones
 * have the field, so the index holds a handful of entries: a pulled page checks the thousands
 * of ids it references against those instead of noting every one of them.
 */
const SCHEMA_V5 = {
  organisations: 'id, name, mergedInto',
  contacts: 'id, name, *organisationIds, mergedInto',
};

/** Version 6: every word of the search's text (search-words.ts), filled from the records kept. */
const SCHEMA_V6 = { [WORDS_TABLE]: 'key' };

/**
 * Version 7: visits by service and date (visit-keys.ts, derived-keys.ts) instead of by service alone, so a page of
 * a service's visits, newest first, is read from the index; filled for the visits kept.
 */
const SCHEMA_V7 = { visits: 'id, visitedAt, organisationId, *serviceDays' };

/**
 * Version 8: packing lists by the items they hold (multi-entry), so an item's page and its
 * deletion find the lists naming it without reading every trip ever packed.
 */
const SCHEMA_V8 = { packingLists: 'id, templateId, *itemIds' };

/**
 * Version 9: open follow-ups by due day and open loans by item (open-keys.ts), so the first
 * screen's overdue badge, the lists of what is left to do and the kit out on loan read the open
 * ones only, not years of done and returned ones; filled for the records kept. The index of
 * every follow-up's due day, which nothing reads any more, is dropped.
 */
const SCHEMA_V9 = {
  followUps: `id, visitId, eventId, ${OPEN_DUE}`,
  loans: `id, itemId, ${OPEN_ITEM}`,
};

/**
 * Version 10: files by state and size, so the uploads go smallest first (a photo before a large
 * plan on a slow link) read from the index, without the bytes.
 */
const SCHEMA_V10 = { blobs: 'sha256, state, [state+size]' };

/**
 * Version 11: what a merge of two lieux or two people looks for, by index instead of reading
 * every visit, event, follow-up and loan — visits by the people met (which a person's page
 * lists too), events by lieu and by the people checked in (attendee-keys.ts, filled for the
 * events kept), follow-ups by owner and loans by holder, the names a merge may rename.
 */
const SCHEMA_V11 = {
  visits: 'id, visitedAt, organisationId, *serviceDays, *contactIds',
  events: `id, startsAt, placeOrganisationId, *${ATTENDEE_IDS}`,
  followUps: `id, visitId, eventId, ${OPEN_DUE}, owner`,
  loans: `id, itemId, ${OPEN_ITEM}, holderName`,
};

/**
 * Version 12: lieux and people by their duplicate keys (duplicate-keys.ts), so the "Doublons
 * possibles" of a lieu's or a person's page read the few records sharing a key, not every lieu
 * or person; filled for the records kept.
 */
const SCHEMA_V12 = {
  organisations: `id, name, mergedInto, *${DUPLICATE_KEYS}`,
  contacts: `id, name, *organisationIds, mergedInto, *${DUPLICATE_KEYS}`,
};

/**
 * Version 13: follow-ups by when they were done (none for an open one), so a report reads the
 * follow-ups done in its period and the open ones, not every follow-up ever written.
 */
const SCHEMA_V13 = { followUps: `id, visitId, eventId, ${OPEN_DUE}, owner, doneAt` };

/**
 * Version 14: diagnostics by the visit they were made during, so a visit's page links to them
 * without reading every diagnostic.
 */
const SCHEMA_V14 = { diagnostics: 'id, organisationId, templateId, filledOn, visitId' };

/**
 * Version 15: no new index; the duplicate keys and the search's text and words of the records
 * holding a character drawn as nothing (a soft hyphen, a zero-width space…), which the
 * normalisation now drops instead of reading as a space (search.ts), are to be worked out again
 * (invisible-rebuild.ts).
 */
const SCHEMA_V15 = {};

/**
 * Version 16: open conflicts by the record they are about (open-keys.ts), so the header's
 * « À choisir N », a record's texts to settle and Réglages' list read the open ones only, not
 * every conflict ever settled (a settled one is kept as a tombstone); filled for the conflicts
 * kept. The index of every conflict's record, which nothing reads any more, is dropped.
 */
const SCHEMA_V16 = { conflicts: `id, ${OPEN_RECORD}` };

/** Every version's changes, in order: what a database of each version has is the sum up to it. */
export const SCHEMA_HISTORY: Record<string, string>[] = [
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_V3,
  SCHEMA_V4,
  SCHEMA_V5,
  SCHEMA_V6,
  SCHEMA_V7,
  SCHEMA_V8,
  SCHEMA_V9,
  SCHEMA_V10,
  SCHEMA_V11,
  SCHEMA_V12,
  SCHEMA_V13,
  SCHEMA_V14,
  SCHEMA_V15,
  SCHEMA_V16,
];

/** The versions whose upgrade fills what they add from the records kept (schema-upgrades.ts). */
export const UPGRADED_VERSIONS: UpgradedVersion[] = [4, 6, 7, 9, 11, 12, 15, 16];

/** The tables whose writes keep an index of the database's own (index-writes.ts). */
const INDEXED_TABLES = new Set([...SEARCHED, ...Object.keys(DERIVED_FIELDS)]);

/** Whether `db.transaction(mode, ...tables, scope)`'s arguments open a write to an indexed table. */
function writesIndexedTable([mode, ...rest]: unknown[]): boolean {
  if (typeof mode !== 'string' || !mode.includes('w')) return false;
  return rest
    .slice(0, -1)
    .flat()
    .some((table) => INDEXED_TABLES.has(typeof table === 'string' ? table : (table as Table).name));
}

/**
 * An old version's upgrade: its code loads only on a device that runs it, the upgrade's
 * transaction kept open meanwhile (Dexie.waitFor).
 */
const upgradeTo = (version: UpgradedVersion) => (transaction: Transaction) =>
  Dexie.waitFor(loadIndexWrites()).then(({ UPGRADES }) => UPGRADES[version](transaction));

type RecordTables = { [K in RecordType]: Table<Stored<RecordMap[K]>, string> };

const DATABASE_NAME = 'valise';

export class ValiseDb extends Dexie {
  declare outbox: Table<OutboxEntry, number>;
  declare rejected: Table<RejectedMutation, string>;
  declare meta: Table<MetaEntry, string>;
  declare drafts: Table<Draft, string>;
  declare blobs: Table<BlobEntry, string>;
  declare unknownRecords: Table<UnknownRecord, [string, string]>;
  declare searchSegments: Table<SearchSegment, number>;
  declare searchWords: Table<SearchWord, string>;

  /** Set when this database, declared with the latest version only, met an older one on disk. */
  private olderOnDisk = false;

  /**
   * `upgrades: false` declares the latest version only: all that a device whose database is of
   * this version, or has none yet, needs (ValiseDb.openOnDevice). Such a database refuses to
   * upgrade an older one on disk — its upgrade would skip the content upgrades of the versions
   * between. That refusal comes after Dexie has built the new stores and indexes in the
   * aborted upgrade, which the retry builds again in Chromium and Firefox; WebKit keeps them and
   * fails the retry, so a database known to be older is never opened this way (versionOnDisk).
   */
  constructor(name = DATABASE_NAME, { upgrades = true }: { upgrades?: boolean } = {}) {
    super(name);
    if (upgrades) this.declareUpgrades();
    else {
      const everything = Object.assign({}, ...SCHEMA_HISTORY);
      this.version(SCHEMA_HISTORY.length)
        .stores(everything)
        .upgrade(() => {
          // Only ever reached from an older version (a new database is created without it).
          this.olderOnDisk = true;
          throw new Error('An older database needs every version’s upgrade');
        });
    }
    this.use(searchIndexMiddleware);
    this.use(derivedKeysMiddleware);
    this.use(lieuCacheMiddleware);
    // A write to a table with indexes of the database's own waits for their code before its
    // transaction opens; once it is loaded, and for every other transaction, Dexie's own.
    const db: { transaction: (...args: unknown[]) => PromiseExtended<unknown> } = this as never;
    const open = db.transaction;
    db.transaction = (...args) =>
      indexWritesLoaded() || !writesIndexedTable(args)
        ? open.apply(this, args)
        : Dexie.Promise.resolve(loadIndexWrites()).then(() => open.apply(this, args));
  }

  /**
   * Only versions with an upgrade, and the latest, are declared, each with the changes of the
   * versions before it that had none: Dexie parses every declared version again at each
   * declaration (120 parses for 15 versions), and it upgrades from the stores the installed
   * database really has, so a version not declared is reached with the next one declared.
   */
  private declareUpgrades(): void {
    let changes: Record<string, string> = {};
    SCHEMA_HISTORY.forEach((versionChanges, index) => {
      const version = index + 1;
      changes = { ...changes, ...versionChanges };
      const upgraded = UPGRADED_VERSIONS.find((upgradedVersion) => upgradedVersion === version);
      if (upgraded !== undefined) this.version(version).stores(changes).upgrade(upgradeTo(upgraded));
      else if (version === SCHEMA_HISTORY.length) this.version(version).stores(changes);
      else return;
      changes = {};
    });
  }

  records<K extends RecordType>(type: K): RecordTables[K] {
    return this.table(type) as RecordTables[K];
  }

  /** A record table seen without its type, for code that handles every type alike (sync). */
  anyRecords(type: RecordType): Table<LooseRecord, string> {
    return this.table(type);
  }

  /**
   * Opens the device's database on the latest version's schema alone — a phone's every start,
   * and a new device: declaring every version with an upgrade is tens of milliseconds of script
   * a slow phone pays before its first screen has data. A database of an older version is opened
   * with every upgrade; one the browser did not say was older refuses the latest schema alone
   * (its upgrade aborts) and is opened again with every upgrade. A new device's database is made
   * a few stores per task before Dexie opens it (new-database.ts).
   */
  static async openOnDevice(name = DATABASE_NAME): Promise<ValiseDb> {
    const onDisk = await versionOnDisk(name);
    if (!(onDisk > 0 && onDisk < SCHEMA_HISTORY.length * 10)) {
      const latest = new ValiseDb(name, { upgrades: false });
      try {
        // Made in short tasks (new-database.ts); should that fail, Dexie makes it as it opens.
        if (onDisk === 0)
          await import('./new-database').then(({ createInSlices }) => createInSlices(latest)).catch(() => undefined);
        await latest.open();
        return latest;
      } catch (error) {
        latest.close();
        if (!latest.olderOnDisk) throw error;
      }
    }
    const db = new ValiseDb(name);
    await db.open();
    return db;
  }
}

/**
 * The version of the device's database (0: none yet), asked before it is opened: WebKit does
 * not undo the indexes an aborted upgrade built, so the retry of one refused by the latest
 * version's schema failed on them at every start (a phone of version 15 locked out of every
 * screen by version 16's index). NaN when the browser cannot tell — Firefox before 126 has no
 * `databases()`, and undoes an aborted upgrade as Chromium does.
 */
async function versionOnDisk(name: string): Promise<number> {
  if (typeof indexedDB.databases !== 'function') return Number.NaN;
  try {
    // Dexie gives IndexedDB its versions times ten.
    return (await indexedDB.databases()).find((database) => database.name === name)?.version ?? 0;
  } catch {
    return Number.NaN;
  }
}
