// Request guards: who is calling (device token), what they may reach, and a valid JSON body.
import type { Context, MiddlewareHandler } from 'hono';
import * as v from 'valibot';
import { toFieldIssue } from '../../domain/validation';
import { bearerToken, hashSecret } from '../auth';
import { fail } from '../http-errors';
import type { AppEnv } from './env';

const TOUCH_INTERVAL_MS = 60_000;

export const requireDevice: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = bearerToken(c.req.header('Authorization'));
  if (!token) return fail(c, 401, 'unauthorized', 'A device token is required (Authorization: Bearer …).');
  const device = await c.var.store.findDeviceByTokenHash(hashSecret(token));
  // The lookup is by hash of a 256-bit random token: no timing leak can help guess one.
  if (!device) return fail(c, 401, 'unauthorized', 'This device token is not known to the server.');
  if (device.revokedAt) return fail(c, 401, 'revoked', 'This device was removed from the network by an admin.');
  c.set('device', device);
  // "Last seen" is shown to the minute: one write per device per minute, not one per request.
  const now = c.var.now();
  if (now - (c.var.lastTouched.get(device.id) ?? 0) >= TOUCH_INTERVAL_MS) {
    c.var.lastTouched.set(device.id, now);
    // Not awaited: the answer does not depend on it, and on PostgreSQL a commit may wait on disk.
    c.var.store.touchDevice(device.id, new Date(now).toISOString()).catch(() => c.var.lastTouched.delete(device.id));
  }
  await next();
};

export const requireAdmin: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.var.device.role !== 'admin') return fail(c, 403, 'forbidden', 'Only an admin of the network can do this.');
  await next();
};

/** Parses and validates a JSON body; answers 400 itself and returns null when it is bad. */
export async function readBody<S extends v.GenericSchema>(
  c: Context<AppEnv>,
  schema: S,
): Promise<{ ok: true; value: v.InferOutput<S> } | { ok: false; response: Response }> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    return { ok: false, response: fail(c, 400, 'invalid_json', 'The request body is not valid JSON.') };
  }
  const result = v.safeParse(schema, raw);
  if (result.success) return { ok: true, value: result.output };
  const issues = result.issues
    .slice(0, 20)
    .map(toFieldIssue)
    .map(({ field, message }) => ({ field, message }));
  return { ok: false, response: fail(c, 400, 'invalid_body', 'The request body is not valid.', issues) };
}
