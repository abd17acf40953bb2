// A file the server has not taken yet stays to send when its upload went wrong in a way sending
// again can mend: only a refusal of the file itself sets it aside for good.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getBlob } from '../../src/db/blobs';
import { TestDevice } from '../helpers/test-device';
import { TestServer } from '../helpers/test-server';
import { visitWithFile } from '../helpers/visit-file';

describe('a photo whose upload failed', () => {
  let server: TestServer;
  let device: TestDevice;
  /** The status the next uploads are answered with instead of the server's, while set. */
  let uploadAnswer: { status: number; code: string; only?: string } | null;

  beforeEach(async () => {
    server = await TestServer.start();
    const network = await server.createNetwork('Réseau');
    uploadAnswer = null;
    device = await TestDevice.open('Camille', (url, init) => {
      const answered = uploadAnswer && (!uploadAnswer.only || url.endsWith(uploadAnswer.only));
      if (uploadAnswer && answered && init?.method === 'PUT' && url.includes('/api/attachments/')) {
        const { status, code } = uploadAnswer;
        return Promise.resolve(new Response(JSON.stringify({ error: 'Refused here.', code }), { status }));
      }
      return server.fetch(url, init);
    });
    await device.join(await server.invite(network.id));
  });

  afterEach(async () => {
    await device.close();
    await server.stop();
  });

  const photo = async () => (await visitWithFile(device.context)).file;

  it('is sent again after the request arrived too slowly (408), and reaches the server', async () => {
    const { sha256 } = await photo();
    uploadAnswer = { status: 408, code: 'request_timeout' };
    await device.sync();
    expect((await getBlob(device.context, sha256))?.state).toBe('pending');
    uploadAnswer = null;
    await device.sync();
    expect((await getBlob(device.context, sha256))?.state).toBe('uploaded');
  });

  it('is set aside with the server’s reason when the server refuses the file itself (413)', async () => {
    const { sha256 } = await photo();
    uploadAnswer = { status: 413, code: 'too_large' };
    await device.sync();
    expect(await getBlob(device.context, sha256)).toMatchObject({ state: 'refused', refusal: 'Refused here.' });
  });

  it('does not hold back the other photos while the server keeps failing it (500)', async () => {
    const photos = [await photo(), await photo(), await photo()];
    // The first by hash, which the uploads once followed: the others came after it.
    const [failing, ...others] = photos.map((one) => one.sha256).sort();
    uploadAnswer = { status: 500, code: 'internal', only: failing };
    await device.sync();
    expect((await getBlob(device.context, failing as string))?.state).toBe('pending');
    for (const sha256 of others) expect((await getBlob(device.context, sha256))?.state).toBe('uploaded');
    expect(device.engine.status).toMatchObject({ state: 'idle', filesWaiting: 1 });
  });
});
