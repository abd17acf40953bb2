import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { SHA256_PATTERN } from '../../domain/attachment';
import { megabytes } from '../edge';
import { fail, refuseOtherMethods } from '../http-errors';
import { answerCost } from '../rate-limit';
import { sniffDisplayableType } from '../sniff';
import type { AppEnv } from './env';
import { refuseRevoked, requireDevice } from './guard';

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
    const quota = c.var.config.networkStorageBytes;
    const put = await c.var.store.putAttachment(
      c.var.device.networkId,
      { sha256, mimeType, size: data.byteLength, data },
      quota,
      c.var.device.id,
    );
    // Removed by an admin while the file was on its way (minutes on a slow link): not stored.
    if ('revoked' in put) return refuseRevoked(c);
    if (!put.stored) {
      // A 4xx: the device sets the file aside with this sentence and its records still sync.
      return fail(
        c,
        413,
        'quota_exceeded',
        `This network's files already use ${megabytes(put.usedBytes)} of the ${megabytes(quota)} its server allows; the file was not stored. An admin can free space or raise the quota.`,
      );
    }
    return c.json({ sha256, size: data.byteLength });
  });

  routes.get('/:sha256', async (c) => {
    const sha256 = c.req.param('sha256');
    if (!SHA256_PATTERN.test(sha256))
      return fail(c, 400, 'invalid_hash', 'The address must be a SHA-256 (64 hex digits).');
    // Hono answers a HEAD with this route and drops the body: only the size is read, and a HEAD
    // costs one request like any other, not the file it never sends. The type, known only from
    // the bytes, is left out (RFC 9110, 9.3.2, allows it).
    if (c.req.method === 'HEAD') {
      const size = await c.var.store.attachmentSize(c.var.device.networkId, sha256);
      if (size === null) return fail(c, 404, 'not_found', 'No such file in this network.');
      return c.body(null, 200, { 'Content-Length': String(size), 'X-Content-Type-Options': 'nosniff' });
    }
    const found = await c.var.store.getAttachment(c.var.device.networkId, sha256);
    if (!found) return fail(c, 404, 'not_found', 'No such file in this network.');
    // Never the uploader's word: an HTML, SVG or script file served as such would run on the
    // app's origin. Images and PDFs proven by their bytes may be shown; the rest is a download.
    const displayable = sniffDisplayableType(found.data);
    // A device fetches a file once and keeps it: asked for again and again, it pays its size.
    c.var.deviceLimiter?.charge(c.var.device.id, answerCost(found.data.byteLength), c.var.monotonic());
    return c.body(found.data as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': displayable ?? 'application/octet-stream',
      'Content-Disposition': displayable ? 'inline' : 'attachment',
      'X-Content-Type-Options': 'nosniff',
    });
  });

  return refuseOtherMethods(routes);
}

function tooLarge(c: Parameters<typeof fail>[0], limit: number) {
  const megabytes = (limit / 1024 / 1024).toFixed(1).replace(/\.0$/, '');
  return fail(c, 413, 'too_large', `The file is larger than the ${megabytes} MB this server accepts.`);
}
