// What a device gives back to a server restored from a backup: what its role may write, and
// nothing the server would only refuse.
import { describe, expect, test } from 'vitest';
import { openDataContext } from '../../../src/db/context';
import { giveBackToRestoredServer } from '../../../src/db/server-epoch';
import { applyPulledPage, storeSession } from '../../../src/db/sync-store';
import { newId } from '../../../src/domain/ids';

const clock = '2026-11-28T09:00:00.000Z-0000-1f2e3d4c5b6a7988';
const at = clock.slice(0, 24);
const base = (id: string) => ({
  id,
  networkId: 'network-1',
  createdAt: at,
  updatedAt: at,
  updatedBy: 'Sam',
  deleted: false,
});
const pulled = (type: string, data: Record<string, unknown> & { id: string }) => ({
  type,
  id: data.id,
  seq: 1,
  data,
  clocks: { '*': clock },
});
const item = (status: string) =>
  pulled('toolboxItems', { ...base(newId()), kind: 'method_sheet', title: 'Fiche', status, tags: [] });
const file = (ownerType: string, ownerId: string) =>
  pulled('attachments', {
    ...base(newId()),
    ownerType,
    ownerId,
    kind: 'file',
    fileName: 'fiche.pdf',
    mimeType: 'application/pdf',
    size: 3,
    sha256: 'a'.repeat(64),
  });

describe('giving back to a restored server', () => {
  test('a concierge’s device gives back its suggestions and their files, not a published item’s file', async () => {
    const device = await openDataContext({ name: `epoch-${Math.random().toString(36).slice(2)}` });
    await storeSession(device, {
      serverUrl: 'https://valise.example.org',
      token: 't'.repeat(43),
      tokenIssuedAt: at,
      networkId: 'network-1',
      networkName: 'Réseau',
      deviceId: 'device-1',
      memberName: 'Camille',
      role: 'concierge',
      maxAttachmentBytes: 1_000_000,
    });
    const published = item('published');
    const suggested = item('suggested');
    const publishedFile = file('toolboxItems', published.id);
    const suggestedFile = file('toolboxItems', suggested.id);
    await applyPulledPage(device, [published, suggested, publishedFile, suggestedFile], 1, { networkId: 'network-1' });

    await giveBackToRestoredServer(device, 'epoch-2');
    const queued = (await device.db.outbox.toArray()).flatMap((entry) => entry.recordIds).sort();
    expect(queued).toEqual([suggested.id, suggestedFile.id].sort());
    device.db.close();
    await device.db.delete();
  });
});
