// The device's identity as the person using it sees it: the author name written in
// `updatedBy` before the device joins a network (Réglages).
import type { FieldIssue } from '../domain/validation';
import type { DataContext, DeviceIdentity } from './context';
import { RecordValidationError } from './errors';
import { requestPersistentStorage } from './persistence';

/** Same bound as `updatedBy` in the domain schemas: a longer name could not be stamped on records. */
const AUTHOR_NAME_MAX = 120;

export async function setAuthorName(context: DataContext, name: string): Promise<DeviceIdentity> {
  const authorName = name.trim();
  if (authorName.length > AUTHOR_NAME_MAX) {
    const issue: FieldIssue = {
      field: 'authorName',
      type: 'max_length',
      message: `authorName is longer than ${AUTHOR_NAME_MAX} characters`,
      limit: AUTHOR_NAME_MAX,
      of: 'text',
    };
    throw new RecordValidationError('identity', [issue]);
  }
  const { db } = context;
  // Read-modify-write in one transaction: the clock node stored beside the name must survive.
  const identity = await db.transaction('rw', db.meta, async () => {
    const stored = (await db.meta.get('identity'))?.value as DeviceIdentity | undefined;
    const next: DeviceIdentity = { ...(stored ?? context.identity), authorName };
    await db.meta.put({ key: 'identity', value: next });
    return next;
  });
  context.identity = identity;
  requestPersistentStorage();
  return identity;
}
