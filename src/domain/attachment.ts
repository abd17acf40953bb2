import * as v from 'valibot';
import { RECORD_TYPES_WITH_ATTACHMENTS } from './attachment-owners';
import { builtOnce } from './built-once';
import { baseEntries, id, requiredText } from './fields';

export const SHA256_PATTERN = /^[0-9a-f]{64}$/;

/**
 * What is known of a photo or file. The bytes travel separately, addressed by `sha256`, so
 * a large file never blocks the sync of records.
 */
export const attachmentSchema = builtOnce(() =>
  v.strictObject({
    ...baseEntries,
    ownerType: v.picklist(RECORD_TYPES_WITH_ATTACHMENTS),
    ownerId: id,
    kind: v.picklist(['photo', 'file']),
    fileName: requiredText(255),
    mimeType: v.pipe(v.string(), v.regex(/^[a-z]+\/[a-z0-9.+-]+$/i, 'must be a media type'), v.maxLength(100)),
    size: v.pipe(v.number(), v.integer(), v.minValue(0)),
    sha256: v.pipe(v.string(), v.regex(SHA256_PATTERN, 'must be a SHA-256 hex digest')),
    width: v.optional(v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0)))),
    height: v.optional(v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0)))),
  }),
);
export type Attachment = v.InferOutput<ReturnType<typeof attachmentSchema>>;
