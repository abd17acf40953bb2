// A file the server has not taken yet stays to send when its upload went wrong in a way sending
// again can mend: only a refusal of the file itself sets it aside for good.
import { beforeEach, describe, expect, it } from 'vitest';
import { getBlob } from '../../src/db/blobs';
import { createRecord } from '../../src/db/writes';
import { SyncScheduler } from '../../src/sync/scheduler';
import { withNetworkServer } from '../helpers/network-server';
import type { TestDevice } from '../helpers/test-device';
import { visitWithFile } from '../helpers/visit-file';

describe('a photo whose upload failed', () => {
  const network = withNetworkServer();
  let device: TestDevice;
  /**
   * The status the next uploads (of the file `only`, if set) are answered with instead of the
   * server's, while set; `retryAfterSeconds` as the server's 429 says it (http-errors.ts).
   */
  let uploadAnswer: { status: number; code: string; only?: string; retryAfterSeconds?: number } | null;
  let uploadsTried: number;
  /** Added to the device's wall clock: how a test lets time pass for it. */
  let later: number;
  /** While set, the next upload reaches the server with one byte changed on the way. */
  let damageNextUpload: boolean;

  beforeEach(async () => {
    uploadAnswer = null;
    uploadsTried = 0;
    later = 0;
    damageNextUpload = false;
    const link = (url: string, init?: RequestInit) => {
      if (init?.method !== 'PUT' || !url.includes('/api/attachments/')) return network.server.fetch(url, init);
      uploadsTried += 1;
      if (damageNextUpload) {
        damageNextUpload = false;
        const damaged = new Uint8Array((init.body as ArrayBuffer).slice(0));
        damaged[0] = (damaged[0] ?? 0) ^ 0xff;
        return network.server.fetch(url, { ...init, body: damaged });
      }
      if (!uploadAnswer || (uploadAnswer.only && !url.endsWith(uploadAnswer.only)))
        return network.server.fetch(url, init);
      const { status, code, retryAfterSeconds } = uploadAnswer;
      const headers = retryAfterSeconds ? { 'Retry-After': String(retryAfterSeconds) } : undefined;
      const body = JSON.stringify({ error: 'Refused here.', code, retryAfterSeconds });
      return Promise.resolve(new Response(body, { status, headers }));
    };
    device = await network.open('Camille', { link, wallClock: () => Date.now() + later });
    await network.join(device);
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

  it('waits as long as the server asks after a 429, sending no other file meanwhile and setting none aside', async () => {
    const timers: number[] = [];
    const scheduler = new SyncScheduler(
      device.engine,
      {
        onOnline: () => () => undefined,
        onShown: () => () => undefined,
        setTimer: (_callback, ms) => timers.push(ms),
        clearTimer: () => undefined,
      },
      { periodMs: 60_000, firstBackoffMs: 5_000 },
    );
    const photos = [await photo(), await photo(), await photo()];
    uploadAnswer = { status: 429, code: 'rate_limited', retryAfterSeconds: 120 };
    await scheduler.runNow();
    expect(uploadsTried).toBe(1);
    for (const { sha256 } of photos) expect((await getBlob(device.context, sha256))?.state).toBe('pending');
    expect(await device.outboxSize()).toBe(0);
    expect(device.engine.status).toMatchObject({ state: 'idle', filesWaiting: 3, retryAfterMs: 120_000 });
    expect(timers.at(-1)).toBe(120_000);

    // A note written meanwhile goes at once; the files still wait for the time asked.
    await createRecord(device.context, 'visits', { visitedAt: new Date().toISOString() });
    await device.sync();
    expect(uploadsTried).toBe(1);
    expect(await device.outboxSize()).toBe(0);

    uploadAnswer = null;
    later = 120_000;
    await scheduler.runNow();
    for (const { sha256 } of photos) expect((await getBlob(device.context, sha256))?.state).toBe('uploaded');
    expect(device.engine.status).toMatchObject({ state: 'idle', filesWaiting: 0, retryAfterMs: null });
    expect(timers.at(-1)).toBe(60_000);
    scheduler.stop();
  });

  it('is sent again when it reached the server damaged, as the server asks', async () => {
    const { sha256 } = await photo();
    damageNextUpload = true;
    await device.sync();
    expect((await getBlob(device.context, sha256))?.state).toBe('pending');
    await device.sync();
    expect((await getBlob(device.context, sha256))?.state).toBe('uploaded');
  });

  it('is set aside, not sent at every sync, when the bytes kept on this device no longer match it', async () => {
    const { sha256 } = await photo();
    await device.context.db.blobs.update(sha256, { data: new TextEncoder().encode('abîmé').buffer });
    await device.sync();
    expect(await getBlob(device.context, sha256)).toMatchObject({ state: 'refused' });
    const tried = uploadsTried;
    await device.sync();
    expect(uploadsTried).toBe(tried);
  });
});

describe('a photo attached before joining a network whose server takes smaller files', () => {
  const network = withNetworkServer({ VALISE_MAX_ATTACHMENT_BYTES: String(1024 * 1024) });
  let device: TestDevice;
  let uploads: number;

  beforeEach(async () => {
    uploads = 0;
    device = await network.open('Camille', {
      link: (url, init) => {
        if (init?.method === 'PUT') uploads += 1;
        return network.server.fetch(url, init);
      },
    });
  });

  it('is set aside with the server’s reason while the visit goes, and is not sent again', async () => {
    // Alone, the device takes files up to its own 10 MB.
    const { visit, file } = await visitWithFile(device.context, () => ({
      kind: 'file',
      fileName: 'plan.pdf',
      mimeType: 'application/pdf',
      data: new Uint8Array(2 * 1024 * 1024).fill(1).buffer as ArrayBuffer,
    }));
    await network.join(device);

    await device.sync();
    expect(await getBlob(device.context, file.sha256)).toMatchObject({
      state: 'refused',
      refusal: 'The file is larger than the 1 MB this server accepts.',
    });
    expect(device.engine.status).toMatchObject({ state: 'idle', pending: 0, filesWaiting: 0 });
    expect((await network.snapshot()).map((change) => change.id)).toContain(visit.id);
    await device.sync();
    expect(uploads).toBe(1);
  });
});

describe('photos the network’s file quota refused', () => {
  // Room for one of the small photos (42 bytes each) and not two.
  const network = withNetworkServer({ VALISE_NETWORK_STORAGE_BYTES: '60' });
  let device: TestDevice;
  /** Every pull's address, to see which ask for the room left. */
  let pulls: string[];
  let uploads: number;

  beforeEach(async () => {
    pulls = [];
    uploads = 0;
    device = await network.open('Camille', {
      link: (url, init) => {
        if (url.includes('/api/sync/pull')) pulls.push(url);
        if (init?.method === 'PUT') uploads += 1;
        return network.server.fetch(url, init);
      },
    });
    await network.join(device);
  });

  it('go once the admin raises the quota, at the next sync, and only those that fit', async () => {
    const [first, second, third] = [
      (await visitWithFile(device.context)).file,
      (await visitWithFile(device.context)).file,
      (await visitWithFile(device.context)).file,
    ];
    await device.sync();
    const states = async () =>
      Promise.all([first, second, third].map(async (file) => (await getBlob(device.context, file.sha256))?.state));
    expect((await states()).sort()).toEqual(['refused', 'refused', 'uploaded']);
    const aside = [];
    for (const file of [first, second, third]) {
      const blob = await getBlob(device.context, file.sha256);
      if (blob?.state === 'refused') aside.push(blob);
    }
    expect(aside.map((blob) => blob.refusalCode)).toEqual(['quota_exceeded', 'quota_exceeded']);
    // One set aside by the app before it kept the refusal's code: known by the server's sentence.
    await device.context.db.blobs.update(aside[0]?.sha256 ?? '', { refusalCode: undefined });

    // Still full: the device asks how much room there is, and sends nothing again.
    const uploadsBefore = uploads;
    await device.sync();
    expect(pulls.at(-1)).toContain('room=files');
    expect(uploads).toBe(uploadsBefore);
    expect((await states()).sort()).toEqual(['refused', 'refused', 'uploaded']);

    // Room for one more: the smallest that fits goes, the other waits aside.
    await network.server.restart({ VALISE_NETWORK_STORAGE_BYTES: '100' });
    await device.sync();
    expect((await states()).sort()).toEqual(['refused', 'uploaded', 'uploaded']);

    await network.server.restart({ VALISE_NETWORK_STORAGE_BYTES: '1000' });
    await device.sync();
    expect(await states()).toEqual(['uploaded', 'uploaded', 'uploaded']);
    expect(device.engine.status).toMatchObject({ state: 'idle', filesWaiting: 0 });
    // Nothing waits aside any more: the pulls stop asking.
    await device.sync();
    expect(pulls.at(-1)).not.toContain('room=files');
  });
});
