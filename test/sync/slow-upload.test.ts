// A concierge on a slow rural link: a photo that cannot go up in time must not keep the
// visits from leaving the phone, nor the network's news from arriving. The file waits, is
// counted in the status, and goes at a later sync; meanwhile other devices see the visit and a
// photo still on another device, as they would see any file not here yet.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { listAttachments } from '../../src/db/attachments';
import { getBlob, sha256Hex } from '../../src/db/blobs';
import { createRecord } from '../../src/db/writes';
import type { SyncError } from '../../src/sync/errors';
import { ensureBlob } from '../../src/sync/files';
import { type SchedulerEnvironment, SyncScheduler } from '../../src/sync/scheduler';
import { fileTimeoutMs, HttpTransport } from '../../src/sync/transport';
import { withNetworkServer } from '../helpers/network-server';
import type { TestDevice } from '../helpers/test-device';
import { TEST_SERVER_URL } from '../helpers/test-server';
import { visitWithFile } from '../helpers/visit-file';

const isUpload = (url: string, init?: RequestInit) => init?.method === 'PUT' && url.includes('/api/attachments/');

describe('a photo the link cannot carry in time', () => {
  const network = withNetworkServer();
  let field: TestDevice;
  let office: TestDevice;
  /** While set, uploads end as a request the device gave up on (its timeout fired). */
  let uploadsStall: boolean;
  /** Uploads of more bytes than this stall too: what the link cannot carry in time. */
  let linkCarriesUpTo: number;
  let uploadsTried: number;
  /** While set, a file the office fetches arrives with one byte changed on the way. */
  let downloadsDamaged: boolean;
  let downloads: number;

  beforeEach(async () => {
    uploadsStall = false;
    linkCarriesUpTo = Number.POSITIVE_INFINITY;
    uploadsTried = 0;
    field = await network.open('Camille', {
      link: (url, init) => {
        if (!isUpload(url, init)) return network.server.fetch(url, init);
        uploadsTried += 1;
        const bytes = (init?.body as ArrayBuffer | undefined)?.byteLength ?? 0;
        return uploadsStall || bytes > linkCarriesUpTo
          ? Promise.reject(new DOMException('The operation was aborted due to timeout', 'TimeoutError'))
          : network.server.fetch(url, init);
      },
    });
    downloadsDamaged = false;
    downloads = 0;
    office = await network.open('Sami', {
      link: async (url, init) => {
        if (init?.method === 'GET' && url.includes('/api/attachments/')) downloads += 1;
        const response = await network.server.fetch(url, init);
        if (!downloadsDamaged || init?.method !== 'GET' || !url.includes('/api/attachments/')) return response;
        const damaged = new Uint8Array(await response.arrayBuffer());
        damaged[0] = (damaged[0] ?? 0) ^ 0xff;
        return new Response(damaged, { status: response.status, headers: response.headers });
      },
    });
    await network.join(field);
    await network.join(office);
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  async function visitWithPhoto() {
    const { visit, file } = await visitWithFile(field.context);
    return { visit, photo: file };
  }

  const officeTransport = () => new HttpTransport(TEST_SERVER_URL, office.context.session?.token ?? '', office.link);

  it('still pushes and pulls the records of that sync, and sends the photo at a later one', async () => {
    const news = await createRecord(office.context, 'visits', { visitedAt: new Date().toISOString() });
    await office.sync();
    const { visit, photo } = await visitWithPhoto();
    uploadsStall = true;

    await field.sync();
    expect(field.engine.status).toMatchObject({ state: 'idle', pending: 0, filesWaiting: 1, error: null });
    expect(await field.outboxSize()).toBe(0);
    expect((await field.records()).map((record) => record.id)).toContain(news.id);
    expect((await getBlob(field.context, photo.sha256))?.state).toBe('pending');

    // The office sees the visit and its photo's record; the bytes are not on the server yet,
    // so the photo shows as taken on another device (the "elsewhere" state), as before.
    await office.sync();
    expect((await office.records()).map((record) => record.id)).toContain(visit.id);
    expect((await listAttachments(office.context, visit.id)).map((one) => one.sha256)).toEqual([photo.sha256]);
    await expect(ensureBlob(office.context, officeTransport(), photo.sha256)).rejects.toMatchObject({
      status: 404,
    } satisfies Partial<SyncError>);

    uploadsStall = false;
    await field.sync();
    expect(field.engine.status).toMatchObject({ state: 'idle', filesWaiting: 0 });
    expect((await getBlob(field.context, photo.sha256))?.state).toBe('uploaded');
    const arrived = await ensureBlob(office.context, officeTransport(), photo.sha256);
    expect(new TextDecoder().decode(arrived?.data)).toBe(`photo ${visit.id}`);
  });

  it('sends the small photos first while the large files cannot go, even ones that sort first by hash', async () => {
    const photos = [await visitWithPhoto(), await visitWithPhoto()].map(({ photo }) => photo.sha256);
    // Plans whose hashes sort before the photos': the uploads once went in that order.
    const plans: string[] = [];
    const firstPhoto = [...photos].sort()[0] as string;
    // A counter in the plan's first bytes: endless different plans, where filling it with one byte
    // made only 256, too few when a photo's hash happened to sort near the start.
    for (let counter = 0; plans.length < 2; counter += 1) {
      const plan = new ArrayBuffer(512 * 1024);
      new DataView(plan).setUint32(0, counter);
      if ((await sha256Hex(plan)) > firstPhoto) continue;
      const { file } = await visitWithFile(field.context, () => ({
        kind: 'file',
        fileName: 'plan.pdf',
        mimeType: 'application/pdf',
        data: plan,
      }));
      plans.push(file.sha256);
    }
    linkCarriesUpTo = 64 * 1024;

    await field.sync();
    for (const sha256 of photos) expect((await getBlob(field.context, sha256))?.state).toBe('uploaded');
    for (const sha256 of plans) expect((await getBlob(field.context, sha256))?.state).toBe('pending');
    expect(field.engine.status).toMatchObject({ state: 'idle', pending: 0, filesWaiting: 2 });
  });

  it('lets the records go once two uploads in a row got no answer, rather than waiting out every file', async () => {
    for (let photo = 0; photo < 4; photo += 1) await visitWithPhoto();
    uploadsStall = true;
    await field.sync();
    expect(uploadsTried).toBe(2);
    expect(field.engine.status).toMatchObject({ state: 'idle', pending: 0, filesWaiting: 4 });
  });

  it('gives the upload the time its size needs on a slow link, not an ordinary request’s', async () => {
    const timeouts = vi.spyOn(AbortSignal, 'timeout');
    const big = new Uint8Array(2 * 1024 * 1024).fill(7).buffer as ArrayBuffer;
    await visitWithFile(field.context, () => ({
      kind: 'file',
      fileName: 'plan.pdf',
      mimeType: 'application/pdf',
      data: big,
    }));
    timeouts.mockClear();
    await field.sync();
    const given = timeouts.mock.calls.map(([ms]) => ms);
    timeouts.mockRestore();
    expect(field.engine.status).toMatchObject({ state: 'idle', filesWaiting: 0 });
    expect(given).toContain(fileTimeoutMs(big.byteLength));
    expect(fileTimeoutMs(big.byteLength)).toBeGreaterThan(30_000);
  });

  it('gives a large file fetched on another device the time its size needs, not an ordinary request’s', async () => {
    const big = new Uint8Array(2 * 1024 * 1024).fill(9).buffer as ArrayBuffer;
    const { file } = await visitWithFile(field.context, () => ({
      kind: 'file',
      fileName: 'plan.pdf',
      mimeType: 'application/pdf',
      data: big,
    }));
    await field.sync();
    await office.sync();
    const timeouts = vi.spyOn(AbortSignal, 'timeout');
    const fetched = await ensureBlob(office.context, officeTransport(), file.sha256);
    const given = timeouts.mock.calls.map(([ms]) => ms);
    timeouts.mockRestore();
    expect(fetched?.size).toBe(big.byteLength);
    expect(given).toEqual([fileTimeoutMs(big.byteLength)]);
  });

  it('keeps nothing of a file that arrived damaged on another device, and fetches it whole later', async () => {
    const { visit, photo } = await visitWithPhoto();
    await field.sync();
    await office.sync();
    downloadsDamaged = true;
    await expect(ensureBlob(office.context, officeTransport(), photo.sha256)).rejects.toMatchObject({
      kind: 'server',
    } satisfies Partial<SyncError>);
    expect(await office.context.db.blobs.count()).toBe(0);
    downloadsDamaged = false;
    const arrived = await ensureBlob(office.context, officeTransport(), photo.sha256);
    expect(new TextDecoder().decode(arrived?.data)).toBe(`photo ${visit.id}`);
  });

  it('comes down once on another device that shows it twice at the same time', async () => {
    const { visit, photo } = await visitWithPhoto();
    await field.sync();
    await office.sync();
    // The same photo attached twice to a visit, or a file opened while it is being kept offline.
    const both = await Promise.all([
      ensureBlob(office.context, officeTransport(), photo.sha256),
      ensureBlob(office.context, officeTransport(), photo.sha256),
    ]);
    expect(both.map((entry) => new TextDecoder().decode(entry?.data))).toEqual([
      `photo ${visit.id}`,
      `photo ${visit.id}`,
    ]);
    expect(downloads).toBe(1);
  });

  it('is tried again with the scheduler’s backoff, not only at the next periodic sync', async () => {
    const timers: number[] = [];
    const environment: SchedulerEnvironment = {
      onOnline: () => () => undefined,
      onShown: () => () => undefined,
      setTimer: (_callback, ms) => timers.push(ms),
      clearTimer: () => undefined,
    };
    const scheduler = new SyncScheduler(field.engine, environment, { periodMs: 60_000, firstBackoffMs: 5_000 });
    await visitWithPhoto();
    uploadsStall = true;
    await scheduler.runNow();
    expect(timers.at(-1)).toBe(5_000);
    uploadsStall = false;
    await scheduler.runNow();
    expect(timers.at(-1)).toBe(60_000);
    scheduler.stop();
  });
});
