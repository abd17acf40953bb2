// A visit deleted before its photos went up: on a weak rural link, sending them would spend the
// link and the network's file space on photos no one can open any more, and the status would
// count them as waiting for as long as the link fails.
import { beforeEach, describe, expect, it } from 'vitest';
import { attachFile } from '../../src/db/attachments';
import { getBlob } from '../../src/db/blobs';
import { createRecord, deleteRecord, updateRecord } from '../../src/db/writes';
import { withNetworkServer } from '../helpers/network-server';
import type { TestDevice } from '../helpers/test-device';
import { TEST_SERVER_URL } from '../helpers/test-server';
import { visitWithFile } from '../helpers/visit-file';

describe('the photos of a deleted record', () => {
  const network = withNetworkServer();
  let device: TestDevice;
  let uploaded: string[];
  /** While set, every upload ends without an answer: the link is gone. */
  let linkDown: boolean;

  beforeEach(async () => {
    uploaded = [];
    linkDown = false;
    device = await network.open('Camille', {
      link: (url, init) => {
        if (init?.method !== 'PUT' || !url.includes('/api/attachments/')) return network.server.fetch(url, init);
        if (linkDown) return Promise.reject(new TypeError('network error'));
        uploaded.push(url.slice(url.lastIndexOf('/') + 1));
        return network.server.fetch(url, init);
      },
    });
    await network.join(device);
  });

  async function onServer(sha256: string): Promise<boolean> {
    const token = device.context.session?.token as string;
    const answer = await network.server.fetch(`${TEST_SERVER_URL}/api/attachments/${sha256}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    return answer.status === 200;
  }

  it('are not sent, nor counted as waiting, while the visit of a kept photo goes', async () => {
    const kept = await visitWithFile(device.context);
    const gone = await visitWithFile(device.context);
    await deleteRecord(device.context, 'visits', gone.visit.id);

    await device.sync();
    expect(device.engine.status).toMatchObject({ state: 'idle', filesWaiting: 0 });
    expect(uploaded).toEqual([kept.file.sha256]);
    expect(await onServer(gone.file.sha256)).toBe(false);
    // The deletion itself reached the network.
    expect(await device.outboxSize()).toBe(0);
  });

  it('are not counted as waiting on a link that fails', async () => {
    const gone = await visitWithFile(device.context);
    await deleteRecord(device.context, 'visits', gone.visit.id);
    linkDown = true;
    await device.sync();
    expect(device.engine.status.filesWaiting).toBe(0);
    await device.engine.refresh();
    expect(device.engine.status.filesWaiting).toBe(0);
  });

  it('still go when the same file is attached to a record that is kept', async () => {
    const gone = await visitWithFile(device.context);
    const other = await createRecord(device.context, 'visits', { visitedAt: new Date().toISOString() });
    const bytes = (await getBlob(device.context, gone.file.sha256))?.data as ArrayBuffer;
    await attachFile(device.context, {
      ownerType: 'visits',
      ownerId: other.id,
      kind: 'photo',
      fileName: 'même.png',
      mimeType: 'image/png',
      data: bytes,
    });
    await deleteRecord(device.context, 'visits', gone.visit.id);

    await device.sync();
    expect(uploaded).toEqual([gone.file.sha256]);
    expect(await onServer(gone.file.sha256)).toBe(true);
  });

  it('go once the record is kept again, the bytes having stayed on the device', async () => {
    const lieu = await createRecord(device.context, 'organisations', { name: 'La Fabrique', kind: 'tiers_lieu' });
    const file = await attachFile(device.context, {
      ownerType: 'organisations',
      ownerId: lieu.id,
      kind: 'photo',
      fileName: 'facade.png',
      mimeType: 'image/png',
      data: new TextEncoder().encode('façade').buffer as ArrayBuffer,
    });
    await deleteRecord(device.context, 'organisations', lieu.id);
    await device.sync();
    expect(uploaded).toEqual([]);

    // Two devices that merged two lieux into each other revive one of them this way (src/db/merge.ts).
    await updateRecord(device.context, 'organisations', lieu.id, { deleted: false }, { tombstones: true });
    await device.sync();
    expect(uploaded).toEqual([file.sha256]);
    expect(await onServer(file.sha256)).toBe(true);
  });
});
