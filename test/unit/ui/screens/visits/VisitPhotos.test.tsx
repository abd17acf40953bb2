// A photo of a visit taken on another device and not on this one yet: it appears the moment its
// bytes land here (fetched once a later sync may find it on the server, or brought by another
// tab), without leaving the visit and coming back.
import { act, render, screen } from '@testing-library/preact';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { appData } from '../../../../../src/db/app-data';
import { attachFile } from '../../../../../src/db/attachments';
import { markBlobUploaded, sha256Hex, storeFetchedBlob } from '../../../../../src/db/blobs';
import { newId } from '../../../../../src/domain/ids';
import { syncStore } from '../../../../../src/state/sync';
import { uiStore } from '../../../../../src/state/ui';
import { SyncError } from '../../../../../src/sync/errors';
import { fetchWaitingTurn } from '../../../../../src/sync/files';
import type { SyncTransport } from '../../../../../src/sync/transport';
import { VisitPhotos } from '../../../../../src/ui/screens/visits/detail/VisitPhotos';
import { pngHeader } from '../../../../helpers/image-headers';

/** The files on the network's server, by hash, and a wait it asks for (429) until the test ends it. */
const server = vi.hoisted(() => ({ files: new Map<string, ArrayBuffer>(), busyUntil: null as Promise<void> | null }));

// Fetched as the app fetches (fetchWaitingTurn), from a server that has only what was sent to it
// and answers 429 while the test keeps it busy; its waits end when the test says.
vi.mock('../../../../../src/state/sync', async (original) => {
  const actual = await original<typeof import('../../../../../src/state/sync')>();
  const transport: Pick<SyncTransport, 'downloadAttachment'> = {
    downloadAttachment: async (sha256) => {
      if (server.busyUntil) throw new SyncError('server', 'Too many requests', 429, 30_000);
      const data = server.files.get(sha256);
      if (!data) throw new SyncError('refused', 'No such file in this network.', 404);
      return { data, mimeType: 'image/png' };
    },
  };
  return {
    ...actual,
    fetchFile: async (sha256: string, options?: import('../../../../../src/state/sync').FetchFileOptions) =>
      fetchWaitingTurn(await appData(), transport as SyncTransport, sha256, {
        signal: options?.signal,
        onBusy: options?.onBusy,
        wait: async () => {
          await server.busyUntil;
          server.busyUntil = null;
        },
      }),
  };
});

const AT = '2026-12-05T07:00:00.000Z';

/** A PNG's signature and some bytes that make each photo its own. */
function pngBytes(): ArrayBuffer {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  return new Uint8Array([...signature, ...new TextEncoder().encode(newId())]).buffer as ArrayBuffer;
}

/** A visit's photo as pulled from the device that took it: its record here, its bytes not. */
async function photoFromAnotherDevice(visitId: string, data: ArrayBuffer) {
  const context = await appData();
  await context.db.anyRecords('attachments').put({
    id: newId(),
    networkId: 'local',
    createdAt: AT,
    updatedAt: AT,
    updatedBy: 'Sami',
    deleted: false,
    hlc: {},
    ownerType: 'visits',
    ownerId: visitId,
    kind: 'photo',
    fileName: 'atelier.png',
    mimeType: 'image/png',
    size: data.byteLength,
    sha256: await sha256Hex(data),
  } as never);
}

const syncEnded = (at: string) =>
  act(() => syncStore.setState({ status: { ...syncStore.getState().status, state: 'idle', lastSyncAt: at } }));

describe('a photo taken on another device', () => {
  beforeEach(() => {
    uiStore.setState({ lang: 'fr', online: true });
    syncStore.setState({ status: { ...syncStore.getState().status, state: 'idle', lastSyncAt: AT } });
  });

  test('appears once a later sync ends after its device sent it', async () => {
    const visitId = newId();
    const data = pngBytes();
    await photoFromAnotherDevice(visitId, data);
    render(<VisitPhotos visitId={visitId} />);
    await screen.findByText(/atelier\.png.*prise sur un autre appareil/);

    server.files.set(await sha256Hex(data), data);
    await syncEnded('2026-12-05T07:01:00.000Z');

    await screen.findByRole('img', { name: 'atelier.png' });
    expect(screen.queryByText(/prise sur un autre appareil/)).toBeNull();
  });

  test('says where it is while the server asks to wait, and appears once the wait is over', async () => {
    const visitId = newId();
    const data = pngBytes();
    await photoFromAnotherDevice(visitId, data);
    server.files.set(await sha256Hex(data), data);
    let waitOver = () => {};
    server.busyUntil = new Promise((resolve) => {
      waitOver = resolve;
    });
    try {
      render(<VisitPhotos visitId={visitId} />);
      await screen.findByText(/atelier\.png.*prise sur un autre appareil/);

      waitOver();
      await screen.findByRole('img', { name: 'atelier.png' });
    } finally {
      server.busyUntil = null;
    }
  });

  test('appears when its bytes land here by another way while the device is offline', async () => {
    act(() => uiStore.setState({ online: false }));
    const visitId = newId();
    const data = pngBytes();
    await photoFromAnotherDevice(visitId, data);
    render(<VisitPhotos visitId={visitId} />);
    await screen.findByText(/atelier\.png.*prise sur un autre appareil/);

    // Another tab of the app fetched it, or a backup brought it back.
    await storeFetchedBlob(await appData(), await sha256Hex(data), data, 'image/png');

    await screen.findByRole('img', { name: 'atelier.png' });
  });

  test('is not decoded when its header declares more pixels than a phone can take, and says why', async () => {
    const visitId = newId();
    const data = pngHeader(20_000, 20_000).buffer;
    await photoFromAnotherDevice(visitId, data);
    await storeFetchedBlob(await appData(), await sha256Hex(data), data, 'image/png');
    render(<VisitPhotos visitId={visitId} />);

    await screen.findByText(/atelier\.png.? fait 20.000.×.20.000 pixels.: trop pour être affichée sur un téléphone\./);
    expect(screen.queryByRole('img')).toBeNull();
  });
});

describe('a photo taken here that the network’s server refused', () => {
  beforeEach(() => {
    uiStore.setState({ lang: 'fr', online: true });
  });

  /** A visit's photo taken on this device, shown on its visit; its hash is what the engine sends. */
  async function photoTakenHere() {
    const context = await appData();
    const visitId = newId();
    const photo = { kind: 'photo' as const, fileName: 'atelier.png', mimeType: 'image/png', data: pngBytes() };
    const { sha256 } = await attachFile(context, { ownerType: 'visits', ownerId: visitId, ...photo });
    render(<VisitPhotos visitId={visitId} />);
    await screen.findByRole('img', { name: 'atelier.png' });
    return { context, sha256 };
  }

  test('says so under the photo, which the other devices will never get', async () => {
    const { context, sha256 } = await photoTakenHere();
    expect(screen.queryByText(/Refusée par le serveur/)).toBeNull();

    // As the sync engine sets it aside after a 413.
    await markBlobUploaded(context, sha256, 'The file is larger than the 1 MB this server accepts.');

    await screen.findByText('Refusée par le serveur du réseau : elle reste sur cet appareil seulement.');
    expect(screen.getByRole('img', { name: 'atelier.png' })).toBeTruthy();
  });

  test('says a photo the network’s file quota refused waits for room, not that it stays here for good', async () => {
    const { context, sha256 } = await photoTakenHere();

    // As the sync engine sets it aside after a 413 quota_exceeded; it sends it again once it fits.
    await markBlobUploaded(context, sha256, "This network's files already use 5 GB…", 'quota_exceeded');

    await screen.findByText(/Pas encore envoyée : l’espace du réseau pour les fichiers est plein/);
    expect(screen.queryByText(/Refusée par le serveur/)).toBeNull();
  });
});
