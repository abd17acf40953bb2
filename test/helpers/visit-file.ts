// A visit written on a device with one file attached: what the sync suites' uploads carry.
import { attachFile } from '../../src/db/attachments';
import type { DataContext } from '../../src/db/context';
import { createRecord } from '../../src/db/writes';

type FileOf = (visitId: string) => { kind: 'photo' | 'file'; fileName: string; mimeType: string; data: ArrayBuffer };

/** A small photo whose bytes name its visit, so a download shows which file arrived. */
const namedPhoto: FileOf = (visitId) => ({
  kind: 'photo',
  fileName: 'atelier.png',
  mimeType: 'image/png',
  data: new TextEncoder().encode(`photo ${visitId}`).buffer as ArrayBuffer,
});

export async function visitWithFile(context: DataContext, fileOf: FileOf = namedPhoto) {
  const visit = await createRecord(context, 'visits', { visitedAt: new Date().toISOString() });
  const file = await attachFile(context, { ownerType: 'visits', ownerId: visit.id, ...fileOf(visit.id) });
  return { visit, file };
}
