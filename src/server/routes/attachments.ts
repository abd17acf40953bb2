import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { SHA256_PATTERN } from '../../domain/attachment';
import { fail } from '../http-errors';
import type { AppEnv } from './env';
import { requireDevice } from './guard';

const MEDIA_TYPE = /^[a-z]+\/[a-z0-9.+-]+$/i;

/** Photos and files, addressed by the SHA-256 of their bytes: an upload is idempotent. */
export function attachmentRoutes() {
  const routes = new Hono<AppEnv>();
  routes.use('*', requireDevice);

  routes.put('/:sha256', async (c) => {
    const sha256 = c.req.param('sha256');
    if (!SHA256_PATTERN.test(sha256))
      return fail(c, 400, 'invalid_hash', 'The address must be the SHA-256 of the file (64 hex digits).');
    const limit = c.var.config.maxAttachmentBytes;
    const declared = Number(c.req.header('Content-Length') ?? Number.NaN);
    if (declared > limit) return tooLarge(c, limit);
    const mimeType = (c.req.header('Content-Type') ?? 'application/octet-stream').split(';')[0]?.trim() ?? '';
    if (!MEDIA_TYPE.test(mimeType)) return fail(c, 400, 'invalid_type', 'Content-Type must be a media type.');
    const data = new Uint8Array(await c.req.arrayBuffer());
    if (data.byteLength > limit) return tooLarge(c, limit);
    if (createHash('sha256').update(data).digest('hex') !== sha256) {
      return fail(
        c,
        400,
        'hash_mismatch',
        'The bytes received do not match their address; the upload was damaged. Send it again.',
      );
    }
    await c.var.store.putAttachment(c.var.device.networkId, { sha256, mimeType, size: data.byteLength, data });
    return c.json({ sha256, size: data.byteLength });
  });

  routes.get('/:sha256', async (c) => {
    const sha256 = c.req.param('sha256');
    if (!SHA256_PATTERN.test(sha256))
      return fail(c, 400, 'invalid_hash', 'The address must be a SHA-256 (64 hex digits).');
    const found = await c.var.store.getAttachment(c.var.device.networkId, sha256);
    if (!found) return fail(c, 404, 'not_found', 'No such file in this network.');
    return c.body(found.data as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': found.mimeType });
  });

  return routes;
}

function tooLarge(c: Parameters<typeof fail>[0], limit: number) {
  const megabytes = (limit / 1024 / 1024).toFixed(1).replace(/\.0$/, '');
  return fail(c, 413, 'too_large', `The file is larger than the ${megabytes} MB this server accepts.`);
}
