// A device keeps what it does not know, byte for byte (src/protocol/README.md, "Compatibility"):
// fields a later release added to a record, and records of types a later release added, go
// through a local edit, a push, a pull on another device, a backup and a restore unchanged.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { restoreBackup } from '../../src/db/backup';
import { updateRecord } from '../../src/db/writes';
import { parseBackup } from '../../src/domain/backup';
import { newId } from '../../src/domain/ids';
import { RECORD_SCHEMAS } from '../../src/domain/record-types';
import { isReservedName, unfitEntryIn } from '../../src/domain/reserved-names';
import { formatHlc } from '../../src/protocol/hlc';
import type { PullResponse } from '../../src/protocol/wire';
import { savedBackupText } from '../fixtures/backup';
import { TestDevice } from '../helpers/test-device';
import { TEST_SERVER_URL, TestServer } from '../helpers/test-server';

const KNOWN = new Set([...Object.keys(RECORD_SCHEMAS.visits.entries), 'hlc']);
/**
 * Fields a later release might add: any name the wire allows that this version does not use,
 * holding any JSON but a reserved name (`__proto__`) at any depth, which every release's server
 * refuses (src/domain/reserved-names.ts) and fast-check's JSON values hold now and then.
 */
const extraFields = fc.dictionary(
  fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,11}$/).filter((key) => !KNOWN.has(key) && !isReservedName(key)),
  fc.jsonValue({ maxDepth: 2 }).filter((value) => unfitEntryIn(value) === null),
  { minKeys: 1, maxKeys: 4 },
);
const unknownTypes = fc.uniqueArray(
  fc.record({
    type: fc.stringMatching(/^[a-z][a-zA-Z]{2,12}$/).filter((type) => !Object.hasOwn(RECORD_SCHEMAS, type)),
    extra: extraFields,
  }),
  { minLength: 1, maxLength: 3, selector: (entry) => entry.type },
);

const bytes = (value: unknown) => JSON.stringify(value);

describe('what a later release writes', () => {
  it('survives edit, push, pull, backup and restore on a device that does not know it', async () => {
    await fc.assert(
      fc.asyncProperty(extraFields, unknownTypes, async (extra, types) => {
        const server = await TestServer.start();
        const network = await server.createNetwork('Réseau');
        const now = Date.now();
        const clock = formatHlc({ millis: now - 1000, counter: 0, node: 'abcdefabcdefabcd' });
        // Records of types this server does not know either: a newer server would send them.
        const planted = types.map(({ type, extra: fields }, index) => ({
          type,
          id: newId(),
          seq: 1_000_000 + index,
          data: { id: '', networkId: network.id, ...fields },
          clocks: { '*': clock },
        }));
        for (const record of planted) record.data.id = record.id;
        let served = false;
        const link = async (url: string, init?: RequestInit) => {
          const response = await server.fetch(url, init);
          if (!url.includes('/api/sync/pull') || served) return response;
          served = true;
          const page = (await response.json()) as PullResponse;
          return Response.json({ ...page, changes: [...page.changes, ...planted] }, { headers: response.headers });
        };
        const older = await TestDevice.open('Ancien', link);
        const other = await TestDevice.open('Autre', server.fetch);
        const restored = await TestDevice.open('Restauré', server.fetch);
        try {
          await older.join(await server.invite(network.id));
          await other.join(await server.invite(network.id));
          // A newer device creates a visit with fields this version does not know.
          const visitId = newId();
          const at = new Date(now - 1000).toISOString();
          const fields = {
            id: visitId,
            networkId: network.id,
            createdAt: at,
            updatedAt: at,
            updatedBy: 'Nouvelle version',
            deleted: false,
            visitedAt: at,
            services: ['inform'],
            ...extra,
          };
          const pushed = await server.fetch(`${TEST_SERVER_URL}/api/sync/push`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${other.context.session?.token}`, 'Content-Type': 'application/json' },
            body: JSON.stringify({
              mutations: [
                {
                  id: newId(),
                  type: 'visits',
                  recordId: visitId,
                  fields,
                  clocks: Object.fromEntries(Object.keys(fields).map((key) => [key, clock])),
                },
              ],
            }),
          });
          expect(await pushed.json()).toMatchObject({ results: [{ status: 'applied' }] });

          await older.sync();
          expect(older.engine.status.state).toBe('idle');
          const extraOf = (record: Record<string, unknown> | undefined) =>
            bytes(Object.fromEntries(Object.keys(extra).map((key) => [key, record?.[key]])));
          expect(extraOf(await older.context.db.records('visits').get(visitId))).toBe(bytes(extra));

          // The older device edits the visit: only what it changed goes up; the rest stays.
          await updateRecord(older.context, 'visits', visitId, { purpose: 'Suite donnée' });
          await older.sync();
          await other.sync();
          const seen = await other.context.db.records('visits').get(visitId);
          expect(seen?.purpose).toBe('Suite donnée');
          expect(extraOf(seen)).toBe(bytes(extra));

          // The unknown types were kept aside, whole, and travel in a backup to another device.
          const kept = await older.context.db.unknownRecords.toArray();
          expect(bytes(kept.map(({ data }) => data).sort(byId))).toBe(
            bytes(planted.map(({ data }) => data).sort(byId)),
          );
          const text = await savedBackupText(older.context);
          const parsed = await parseBackup(text);
          if (!parsed.ok) throw new Error(`backup refused: ${parsed.problem.kind}`);
          await restoreBackup(restored.context, parsed.backup);
          const back = await restored.context.db.records('visits').get(visitId);
          expect(back?.purpose).toBe('Suite donnée');
          expect(extraOf(back)).toBe(bytes(extra));
          const again = await restored.context.db.unknownRecords.toArray();
          expect(bytes(again.map(({ data }) => data).sort(byId))).toBe(
            bytes(planted.map(({ data }) => data).sort(byId)),
          );
        } finally {
          await older.close();
          await other.close();
          await restored.close();
          await server.stop();
        }
      }),
      { numRuns: 8 },
    );
  });
});

function byId(a: Record<string, unknown>, b: Record<string, unknown>): number {
  return String(a.id) < String(b.id) ? -1 : 1;
}
