import * as v from 'valibot';
import { builtOnce } from './built-once';
import { baseEntries, id, requiredText } from './fields';

/**
 * A text that lost a concurrent edit (two devices changed the same notes offline). The server
 * creates it instead of dropping the losing text; a user resolves it by picking or merging
 * the versions, which deletes this record.
 */
export const conflictSchema = builtOnce(() =>
  v.strictObject({
    ...baseEntries,
    recordType: requiredText(40),
    recordId: id,
    field: requiredText(80),
    value: v.pipe(v.string(), v.maxLength(50000)),
    clock: requiredText(80),
    authorName: v.pipe(v.string(), v.maxLength(120)),
    /**
     * The server's seal on what it made (src/server/push/conflict-seal.ts): a server restored
     * from a backup takes back, from a device, only a conflict it sealed. Absent on a conflict
     * made before seals.
     */
    seal: v.optional(v.pipe(v.string(), v.maxLength(100))),
  }),
);
export type Conflict = v.InferOutput<ReturnType<typeof conflictSchema>>;
