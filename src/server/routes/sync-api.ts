import { type Context, Hono } from 'hono';
import * as v from 'valibot';
import {
  FILES_ROOM,
  MAX_MAP_ENTRIES,
  MAX_PULL_LIMIT,
  MAX_PUSH_MUTATIONS,
  type MutationResult,
  networkNameOnWire,
  type PushResponse,
  pushRequestSchema,
  withFieldClocks,
} from '../../protocol/wire';
import { megabytes } from '../edge';
import { firstReleaseChange } from '../first-release';
import { fail, refuseOtherMethods } from '../http-errors';
import { everRestored, readEpoch, renewNetworkEpoch } from '../ops/epoch';
import { answerCost } from '../rate-limit';
import type { RawChange } from '../store/store';
import type { AppEnv } from './env';
import { type BodyRules, readBody, refuseRevoked, requireDevice } from './guard';

/**
 * Keys of one object of a push. A device writes at most a record's few dozen fields plus the
 * entries of its maps (MAX_MAP_ENTRIES each; a diagnostic's grid has a few hundred questions).
 * A map up to ten times over its limit is still answered per record, naming the field that is
 * too full; past that, the push is refused at once, before any entry is checked.
 */
export const MAX_OBJECT_KEYS = 10 * MAX_MAP_ENTRIES;

/**
 * A device's push stays under 2 MB (src/db/sync-store.ts), far fewer values than this; the
 * mutation count is checked before any mutation is validated.
 */
const PUSH_BODY: BodyRules = {
  maxDepth: 16,
  maxValues: 500_000,
  maxKeys: MAX_OBJECT_KEYS,
  outline: v.object({
    mutations: v.pipe(
      v.array(v.unknown()),
      v.maxLength(MAX_PUSH_MUTATIONS, `at most ${MAX_PUSH_MUTATIONS} mutations per push`),
    ),
  }),
};

export function syncRoutes() {
  const routes = new Hono<AppEnv>();
  routes.use('*', requireDevice);

  routes.post('/push', async (c) => {
    const body = await readBody(c, pushRequestSchema, PUSH_BODY);
    if (!body.ok) return body.response;
    const { device, store, clock } = c.var;
    const now = c.var.now();
    const output = await store.push({
      context: { networkId: device.networkId, role: device.role, clock, now, pusher: device },
      mutations: body.value.mutations.map(withFieldClocks),
      recordQuotaBytes: c.var.config.networkRecordBytes,
    });
    if (output.revoked) return refuseRevoked(c);
    if (output.full) return refuseFull(c, output.full.usedBytes);
    const rejected = output.results.filter((result) => result.status === 'rejected').length;
    c.var.metrics.countMutations(output.results.length - rejected, rejected);
    const response: PushResponse = {
      results: c.var.firstRelease ? output.results.map(forFirstRelease) : output.results,
      serverTime: c.var.now(),
      ...(output.clockAheadMs > 0 ? { clockAheadMs: output.clockAheadMs } : {}),
    };
    return c.json(response);
  });

  routes.get('/pull', async (c) => {
    const since = decimal(c.req.query('since') ?? '0');
    const limit = decimal(c.req.query('limit') ?? '1000');
    if (!Number.isSafeInteger(since) || since < 0)
      return fail(c, 400, 'invalid_query', '`since` must be a cursor (an integer ≥ 0).');
    if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_PULL_LIMIT) {
      return fail(c, 400, 'invalid_query', `\`limit\` must be an integer from 1 to ${MAX_PULL_LIMIT}.`);
    }
    const page = await c.var.store.pull(c.var.device.networkId, since, limit);
    const { epoch, restored } = await epochFor(c, since, page.latestSeq);
    const cursor = page.changes.at(-1)?.seq ?? since;
    // The records' JSON is stored as text: splice it in rather than parse and re-serialise.
    const changes = (c.var.firstRelease ? firstReleaseRows(page.changes) : page.changes)
      .map(
        (row) =>
          `{"type":${JSON.stringify(row.type)},"id":${JSON.stringify(row.id)},"seq":${row.seq},"data":${row.data},"clocks":${row.clocks}}`,
      )
      .join(',');
    // Asked only by a device holding files the quota refused: once they fit, it sends them again.
    const room = c.req.query('room') === FILES_ROOM ? `"filesRoomBytes":${await filesRoom(c)},` : '';
    // An admin may have corrected the name since the device joined: it shows the new one.
    const network = await c.var.store.getNetwork(c.var.device.networkId);
    const name = network ? `"networkName":${JSON.stringify(networkNameOnWire(network.name))},` : '';
    // Told a device of today that names no epoch: it may have pulled before it kept them (0.1.0).
    const told = restored && !c.var.firstRelease && c.req.query('epoch') === undefined;
    const wasRestored = told ? '"restored":true,' : '';
    const body = `{"epoch":${JSON.stringify(epoch)},${wasRestored}"changes":[${changes}],"cursor":${cursor},"hasMore":${page.remaining > 0},"remaining":${page.remaining},${room}${name}"serverTime":${c.var.now()}}`;
    c.var.deviceLimiter?.charge(c.var.device.id, answerCost(body.length), c.var.monotonic());
    return c.body(body, 200, { 'Content-Type': 'application/json; charset=utf-8' });
  });

  return refuseOtherMethods(routes);
}

/**
 * A push past its network's record quota: 507, the status of a server out of room for a request,
 * which devices that know no `network_full` retry later as any 5xx, their changes kept. Its
 * members can do nothing about it but wait: the server's admin raises the quota.
 */
function refuseFull(c: Context<AppEnv>, usedBytes: number) {
  const quota = c.var.config.networkRecordBytes;
  return fail(
    c,
    507,
    'network_full',
    `This network's records already use ${megabytes(usedBytes)} of the ${megabytes(quota)} its server allows (VALISE_NETWORK_RECORD_BYTES); nothing of this push was stored. The server's admin can raise the quota; the devices keep their changes and send them again.`,
  );
}

/**
 * A query's number as devices write it, in decimal digits: Number() would also take '', ' ',
 * '0x10' and '1e3', and answer a page for a cursor no device sent.
 */
function decimal(text: string): number {
  return /^\d{1,16}$/.test(text) ? Number(text) : Number.NaN;
}

/** The bytes the network's files may still take under its quota (VALISE_NETWORK_STORAGE_BYTES). */
async function filesRoom(c: Context<AppEnv>): Promise<number> {
  const used = await c.var.store.attachmentBytes(c.var.device.networkId);
  return Math.max(0, c.var.config.networkStorageBytes - used);
}

/** A push's answers as the first release reads them: a record sent back in its shape. */
function forFirstRelease(result: MutationResult): MutationResult {
  if (result.status !== 'rejected' || !result.current) return result;
  return { ...result, current: firstReleaseChange(result.current) };
}

function firstReleaseRows(rows: readonly RawChange[]): RawChange[] {
  return rows.flatMap((row) => {
    const change = firstReleaseChange({ ...row, data: JSON.parse(row.data), clocks: JSON.parse(row.clocks) });
    return change ? [{ ...change, data: JSON.stringify(change.data), clocks: JSON.stringify(change.clocks) }] : [];
  });
}

/**
 * The epoch to announce. A cursor beyond the network's newest record proves the store went
 * back in time (a backup copied in by hand, without `valise restore`) when devices agree on
 * it (src/server/ops/ahead-claims.ts): a new epoch then makes every device of the network send back
 * what it holds.
 */
async function epochFor(
  c: Context<AppEnv>,
  since: number,
  latestSeq: number,
): Promise<{ epoch: string; restored: boolean }> {
  const { networkId } = c.var.device;
  const info = await readEpoch(c.var.store, networkId);
  const current = { epoch: info.epoch, restored: everRestored(info) };
  // A device that names an older epoch is about to start over anyway: one new epoch is enough.
  const known = c.req.query('epoch');
  if (since <= latestSeq || (known !== undefined && known !== current.epoch)) return current;
  // A cursor given before a restore, inside the gap it left (RESTORE_SEQ_GAP): the epoch is new already.
  if (since <= Number((await c.var.store.readMeta()).seqFloor ?? 0)) return current;
  const believed = c.var.aheadClaims.believe(c.var.device, c.var.now());
  if (!believed) {
    if (c.var.aheadClaims.worthLogging(c.var.device.id, c.var.now()))
      c.var.log({
        level: 'warn',
        message: 'a device is ahead of this store: waiting for an admin or a second device to say so',
        since,
        latestSeq,
      });
    return current;
  }
  c.var.log({
    level: 'warn',
    message: 'devices are ahead of this store: starting a new epoch for their network',
    since,
    latestSeq,
  });
  const renewed = await renewNetworkEpoch(
    c.var.store,
    networkId,
    c.var.now(),
    `a device's cursor (${since}) was past the newest record (${latestSeq})`,
  );
  return { epoch: renewed, restored: true };
}
