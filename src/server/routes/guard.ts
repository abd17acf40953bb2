// Request guards: who is calling (device token), what they may reach, and a valid JSON body.
import type { Context, MiddlewareHandler } from 'hono';
import * as v from 'valibot';
import { type JsonLimits, jsonOverLimits } from '../../domain/json-shape';
import { toFieldIssue } from '../../domain/validation';
import { bearerToken, hashSecret } from '../auth';
import { costOf } from '../edge';
import { fail, tooMany } from '../http-errors';
import type { AppEnv } from './env';

const TOUCH_INTERVAL_MS = 60_000;

export const requireDevice: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = bearerToken(c.req.header('Authorization'));
  if (!token) return fail(c, 401, 'unauthorized', 'A device token is required (Authorization: Bearer …).');
  const device = await c.var.store.findDeviceByTokenHash(hashSecret(token));
  // The lookup is by hash of a 256-bit random token: no timing leak can help guess one.
  if (!device) return fail(c, 401, 'unauthorized', 'This device token is not known to the server.');
  if (device.revokedAt) return refuseRevoked(c);
  const idleSince = Date.parse(device.lastSeenAt ?? device.createdAt);
  if (c.var.now() - idleSince > c.var.config.tokenIdleMs) {
    // A token forgotten on a lost phone should not open the network for ever.
    return fail(
      c,
      401,
      'expired',
      'This device has not synced for too long; join the network again with a new invitation.',
    );
  }
  c.set('device', device);
  const limiter = c.var.deviceLimiter;
  if (limiter) {
    const wait = limiter.take(device.id, costOf(c), c.var.monotonic());
    if (wait > 0) return tooMany(c, wait, 'rate_limited', 'this device');
  }
  // "Last seen" is shown to the minute: one write per device per minute, not one per request.
  const now = c.var.now();
  if (now - (c.var.lastTouched.get(device.id) ?? 0) >= TOUCH_INTERVAL_MS) {
    c.var.lastTouched.set(device.id, now);
    // Not awaited: the answer does not depend on it, and on PostgreSQL a commit may wait on disk.
    c.var.store.touchDevice(device.id, new Date(now).toISOString()).catch(() => c.var.lastTouched.delete(device.id));
  }
  await next();
};

/** The answer to a device removed from its network, whenever its request learns it. */
export function refuseRevoked(c: Context<AppEnv>): Response {
  return fail(c, 401, 'revoked', 'This device was removed from the network by an admin.');
}

export const requireAdmin: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.var.device.role !== 'admin') return fail(c, 403, 'forbidden', 'Only an admin of the network can do this.');
  await next();
};

/** What a route's body may hold; under these, parsing and validating it is quick. */
export interface BodyRules extends JsonLimits {
  /**
   * Checked before the schema: a cheap look at the outline (how many items), so a body of a
   * million items is refused without validating each.
   */
  outline?: v.GenericSchema;
}

/** A small body of a few plain fields (joining, invitations). */
const SMALL_BODY: BodyRules = { maxDepth: 2, maxValues: 16, maxKeys: 16 };

/**
 * Parses and validates a JSON body; answers 415 or 400 itself and returns null when it is bad.
 * Every client of every release sends its bodies as application/json: a body sent as another
 * type (text/plain, a form, none named) is not taken for JSON.
 */
export async function readBody<S extends v.GenericSchema>(
  c: Context<AppEnv>,
  schema: S,
  rules: BodyRules = SMALL_BODY,
): Promise<{ ok: true; value: v.InferOutput<S> } | { ok: false; response: Response }> {
  const mediaType = c.req.header('Content-Type')?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json')
    return {
      ok: false,
      response: fail(c, 415, 'unsupported_media_type', 'The request body must be JSON, sent as application/json.'),
    };
  let raw: unknown;
  try {
    const text = await c.req.text();
    const over = jsonOverLimits(text, rules);
    if (over) {
      const what = {
        depth: `is nested more than ${rules.maxDepth} levels deep`,
        values: `holds more than ${rules.maxValues} values`,
        keys: `holds an object of more than ${rules.maxKeys} keys`,
      }[over];
      return { ok: false, response: fail(c, 413, 'too_complex', `The request body ${what}.`) };
    }
    raw = JSON.parse(text);
  } catch {
    return { ok: false, response: fail(c, 400, 'invalid_json', 'The request body is not valid JSON.') };
  }
  if (rules.outline) {
    const outline = v.safeParse(rules.outline, raw);
    if (!outline.success) return { ok: false, response: invalidBody(c, outline.issues) };
  }
  const result = v.safeParse(schema, raw);
  if (result.success) return { ok: true, value: result.output };
  return { ok: false, response: invalidBody(c, result.issues) };
}

function invalidBody(c: Context<AppEnv>, issues: readonly v.BaseIssue<unknown>[]): Response {
  const described = issues
    .slice(0, 20)
    .map(toFieldIssue)
    // A message may quote what was received: never send a huge input back.
    .map(({ field, message }) => ({ field: field.slice(0, 200), message: message.slice(0, 300) }));
  return fail(c, 400, 'invalid_body', 'The request body is not valid.', described);
}
