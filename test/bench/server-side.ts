// The server's part of the benchmark: how fast it applies pushed mutations compared to a
// plain insert loop of the same rows, and a seeded data directory for the browser figures.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { newId } from '../../src/domain/ids';
import type { RecordType } from '../../src/domain/record-types';
import { formatHlc, HybridClock } from '../../src/protocol/hlc';
import type { Mutation } from '../../src/protocol/wire';
import { hashSecret, newToken } from '../../src/server/auth';
import { issueInvitation } from '../../src/server/invitations';
import { SqliteStore } from '../../src/server/store/sqlite';
import type { Dataset } from './data/dataset';
import { type Figure, pairedRatio, summarise } from './figures';

const NODE = '0123456789abcdef';

export function toMutations(dataset: Dataset): Mutation[] {
  const mutations: Mutation[] = [];
  let millis = Date.parse('2026-01-01T00:00:00.000Z');
  for (const [type, records] of Object.entries(dataset)) {
    for (const record of records ?? []) {
      const clock = formatHlc({ millis: millis++, counter: 0, node: NODE });
      const fields = record as unknown as Record<string, unknown>;
      mutations.push({
        id: newId(),
        type: type as RecordType,
        recordId: record.id,
        fields,
        clocks: Object.fromEntries(Object.keys(fields).map((key) => [key, clock])),
      });
    }
  }
  return mutations;
}

export interface SeededServer {
  token: string;
  networkId: string;
  /** For a device joining through the app. */
  invitationCode: string;
  /**
   * The node of the token's device: a device pushing with that token dates its writes with it,
   * as a joined phone does with the node it joined with (the server gives any other clock the
   * pusher's node: src/protocol/README.md, Authors).
   */
  clockNode: string;
}

/** Creates a network, a device token, and pushes the data set into a store at `dir`. */
export async function seedServer(dir: string, dataset: Dataset): Promise<SeededServer> {
  mkdirSync(dir, { recursive: true });
  const store = new SqliteStore(join(dir, 'valise.sqlite'));
  await store.migrate();
  const network = await store.createNetwork('Réseau du banc d’essai');
  const token = newToken();
  await store.createInvitation({
    id: newId(),
    codeHash: 'bench',
    createdAt: null,
    createdBy: null,
    forMember: null,
    networkId: network.id,
    role: 'admin',
    expiresAt: '2999-01-01T00:00:00.000Z',
    usedAt: null,
    attempts: 0,
  });
  await store.redeemInvitation(
    'bench',
    {
      id: network.id,
      networkId: network.id,
      name: 'bench',
      memberId: network.id,
      memberName: 'Bench',
      role: 'admin',
      clockNode: NODE,
      createdAt: new Date().toISOString(),
      lastSeenAt: null,
      revokedAt: null,
    },
    hashSecret(token),
  );
  await pushAsAuthors(store, network.id, toMutations(dataset));
  const { code } = await issueInvitation(store, network.id, 'concierge', 24);
  await store.close();
  return { token, networkId: network.id, invitationCode: code, clockNode: NODE };
}

/**
 * Pushes a data set's records, each member's as that member's: the server writes the pushing
 * device's member as the author of what it pushes, and a seeded network keeps its many authors.
 */
export async function pushAsAuthors(store: SqliteStore, networkId: string, mutations: Mutation[]): Promise<void> {
  const byAuthor = new Map<string, Mutation[]>();
  for (const mutation of mutations) {
    const author = String(mutation.fields.updatedBy);
    const own = byAuthor.get(author) ?? [];
    if (own.length === 0) byAuthor.set(author, own);
    own.push(mutation);
  }
  for (const [memberName, own] of byAuthor) await ingest(store, networkId, own, memberName);
}

/** Pushed by the bench's device (its id is the network's), under each member's name in turn. */
async function ingest(store: SqliteStore, networkId: string, mutations: Mutation[], memberName: string): Promise<void> {
  const clock = new HybridClock('0000000000000000');
  for (let start = 0; start < mutations.length; start += 1000) {
    await store.push({
      context: {
        networkId,
        role: 'admin',
        clock,
        now: Date.now(),
        // One member for every name: the bench's device is an admin's, which changes any note.
        pusher: { id: networkId, clockNode: NODE, memberId: networkId, memberName },
      },
      mutations: mutations.slice(start, start + 1000),
    });
  }
}

/** The server's figures: applying pushes against a plain insert loop of the same rows. */
export async function measureServer(dir: string, dataset: Dataset, runs: number): Promise<Figure[]> {
  // What the server receives: mutations parsed from a request's JSON. The generator's strings are
  // built by concatenation, which no request holds; the server's text checks run slower on them
  // (the ingest took about 10 % more CPU on them than on parsed ones in an interleaved A/B).
  const mutations = JSON.parse(JSON.stringify(toMutations(dataset).slice(0, 20_000))) as Mutation[];
  const ingested: number[] = [];
  const inserted: number[] = [];
  // Back to back in each round, the order turning round by round; the ratio is the median of the rounds'.
  for (let run = 0; run < runs; run++) {
    if (run % 2 === 0) ingested.push(await measureIngest(dir, mutations));
    inserted.push(measureRawInsert(dir, mutations));
    if (run % 2 === 1) ingested.push(await measureIngest(dir, mutations));
  }
  return [
    summarise('server.ingest_per_s', 'records/s', ingested),
    summarise('sqlite.raw_insert_per_s', 'records/s', inserted),
    pairedRatio('server.ingest_vs_raw', ingested, inserted, '>= 0.5'),
  ];
}

/** Records/s of the server applying pushes (validation, merge, mutation log) on a fresh file. */
async function measureIngest(dir: string, mutations: Mutation[]): Promise<number> {
  const store = new SqliteStore(join(dir, `ingest-${Math.random()}.sqlite`));
  await store.migrate();
  const network = await store.createNetwork('ingest');
  const started = performance.now();
  await ingest(store, network.id, mutations, 'Bench');
  const seconds = (performance.now() - started) / 1000;
  await store.close();
  return mutations.length / seconds;
}

/**
 * Records/s of a plain better-sqlite3 insert loop of the same rows, in one transaction per 1000,
 * into a table of the server's shape (keyed by network and id since c630075, the network by
 * its number in the file since the server's records are).
 */
function measureRawInsert(dir: string, mutations: Mutation[]): number {
  const db = new Database(join(dir, `raw-${Math.random()}.sqlite`));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(
    'CREATE TABLE records (id TEXT, network_number INTEGER, type TEXT, seq INTEGER, data TEXT, clocks TEXT, PRIMARY KEY (network_number, id))',
  );
  const insert = db.prepare('INSERT INTO records VALUES (?, ?, ?, ?, ?, ?)');
  const started = performance.now();
  let seq = 0;
  for (let start = 0; start < mutations.length; start += 1000) {
    db.transaction(() => {
      for (const mutation of mutations.slice(start, start + 1000)) {
        insert.run(
          mutation.recordId,
          1,
          mutation.type,
          ++seq,
          JSON.stringify(mutation.fields),
          JSON.stringify({ '*': Object.values(mutation.clocks)[0] }),
        );
      }
    })();
  }
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return mutations.length / seconds;
}
