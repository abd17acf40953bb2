// The file of a valise item: sent from this device and refused by the network's server, the item
// page says why, and only says "too large" when the file is; asked for while the server is busy,
// it says when it is asked again, or when to try again.
import { fireEvent, render, screen } from '@testing-library/preact';
import { beforeEach, expect, onTestFinished, test, vi } from 'vitest';
import { appData } from '../../../../../src/db/app-data';
import { attachFile } from '../../../../../src/db/attachments';
import { markBlobUploaded, sha256Hex } from '../../../../../src/db/blobs';
import type { Attachment } from '../../../../../src/domain/attachment';
import { newId } from '../../../../../src/domain/ids';
import { uiStore } from '../../../../../src/state/ui';
import { SyncError } from '../../../../../src/sync/errors';
import { fetchWaitingTurn } from '../../../../../src/sync/files';
import type { SyncTransport } from '../../../../../src/sync/transport';
import { FileBlock } from '../../../../../src/ui/screens/toolbox/FileBlock';
import { pngHeader } from '../../../../helpers/image-headers';

/** The server's answers to the file's downloads, in order, and the end of the wait it asks for. */
const server = vi.hoisted(() => ({
  answers: [] as (ArrayBuffer | Error)[],
  waited: () => {},
}));

// Fetched as the app fetches (fetchWaitingTurn), its waits told to the screen, each ending when the test says.
vi.mock('../../../../../src/state/sync', async (original) => {
  const actual = await original<typeof import('../../../../../src/state/sync')>();
  const transport: Pick<SyncTransport, 'downloadAttachment'> = {
    downloadAttachment: async () => {
      const answer = server.answers.shift();
      if (!answer || answer instanceof Error) throw answer ?? new Error('no answer');
      return { data: answer, mimeType: 'application/pdf' };
    },
  };
  return {
    ...actual,
    fetchFile: async (sha256: string, options?: import('../../../../../src/state/sync').FetchFileOptions) =>
      fetchWaitingTurn(await appData(), transport as SyncTransport, sha256, {
        signal: options?.signal,
        onBusy: options?.onBusy,
        wait: () =>
          new Promise<void>((resolve) => {
            server.waited = resolve;
          }),
      }),
  };
});

beforeEach(() => {
  uiStore.setState({ lang: 'fr', online: true });
});

async function sheetAttachedHere() {
  const context = await appData();
  const data = new TextEncoder().encode(`%PDF-1.4 ${newId()}`).buffer as ArrayBuffer;
  const attachment = await attachFile(context, {
    ownerType: 'toolboxItems',
    ownerId: newId(),
    kind: 'file',
    fileName: 'stand.pdf',
    mimeType: 'application/pdf',
    data,
  });
  return { context, attachment };
}

test('a file the network’s quota refused waits for room, in the visit photo’s words', async () => {
  const { context, attachment } = await sheetAttachedHere();
  // As the sync engine sets it aside after a 413 quota_exceeded; it sends it again once it fits.
  await markBlobUploaded(context, attachment.sha256, "This network's files already use 5 GB…", 'quota_exceeded');

  render(<FileBlock attachment={attachment} offline={false} />);

  await screen.findByText(
    'Pas encore envoyé : l’espace du réseau pour les fichiers est plein. Il partira dès qu’un admin aura fait de la place.',
  );
  expect(screen.queryByText(/Trop volumineux/)).toBeNull();
});

test('a file the server refused as too large still says so', async () => {
  const { context, attachment } = await sheetAttachedHere();
  await markBlobUploaded(
    context,
    attachment.sha256,
    'The file is larger than the 1 MB this server accepts.',
    'too_large',
  );

  render(<FileBlock attachment={attachment} offline={false} />);

  await screen.findByText(/^Trop volumineux : le réseau n’accepte pas les fichiers de plus de /);
  expect(screen.queryByText(/Pas encore envoyé/)).toBeNull();
});

/** A sheet on the network's server, not on this device yet. */
async function sheetOnServer(): Promise<{ attachment: Attachment; data: ArrayBuffer }> {
  const data = new TextEncoder().encode(`%PDF-1.4 ${newId()}`).buffer as ArrayBuffer;
  const attachment: Attachment = {
    id: newId(),
    networkId: 'local',
    createdAt: '2026-12-05T07:00:00.000Z',
    updatedAt: '2026-12-05T07:00:00.000Z',
    updatedBy: 'Sami',
    deleted: false,
    ownerType: 'toolboxItems',
    ownerId: newId(),
    kind: 'file',
    fileName: 'stand.pdf',
    mimeType: 'application/pdf',
    size: data.byteLength,
    sha256: await sha256Hex(data),
  };
  return { attachment, data };
}

const busy = (retryAfterMs: number) => new SyncError('server', 'Too many requests', 429, retryAfterMs);

test('a file asked for while the server is busy says when it is asked again, counting down, then arrives', async () => {
  // The clock and the second's tick alone are the test's: the database and the waits for the screen run as they do.
  vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
  onTestFinished(() => {
    vi.useRealTimers();
  });
  const { attachment, data } = await sheetOnServer();
  server.answers = [busy(12_000), data];
  render(<FileBlock attachment={attachment} offline={false} />);

  const button = await screen.findByRole('button', { name: 'Télécharger sur cet appareil' });
  button.focus();
  fireEvent.click(button);
  const told = 'Le serveur est très sollicité : nouvel essai automatique dans 12 s.';
  // Read as a person hears it: the message's no-break spaces as spaces.
  const heard = () => screen.getByRole('status').textContent?.replace(/\s+/g, ' ');
  await vi.waitFor(() => expect(heard()).toBe(told));
  // The button pressed keeps the focus beside what is said: disabled, it dropped it to the page's
  // start in WebKit and Firefox (happy-dom keeps it there, so its never being disabled pins it).
  expect(button.hasAttribute('disabled')).toBe(false);
  expect(button.getAttribute('aria-disabled')).toBe('true');
  expect(document.activeElement).toBe(button);
  // The second's tick is set once the screen's effects have run.
  await vi.waitFor(() => expect(vi.getTimerCount()).toBe(1));
  vi.advanceTimersByTime(1000);
  await screen.findByText('Le serveur est très sollicité : nouvel essai automatique dans 11 s.');
  vi.advanceTimersByTime(9000);
  await screen.findByText('Le serveur est très sollicité : nouvel essai automatique dans 2 s.');
  // Heard once: a screen reader would read a live region again at each second's change.
  expect(heard()).toBe(told);
  server.waited();

  await screen.findByText('Téléchargé : disponible hors ligne.');
  expect(screen.queryByText(/très sollicité/)).toBeNull();
});

test('a file the server is still too busy for says when to try again, and can be asked for again', async () => {
  const { attachment, data } = await sheetOnServer();
  // Past the longest wait held within one request (busy-server.ts): the person is told instead.
  server.answers = [busy(120_000), data];
  render(<FileBlock attachment={attachment} offline={false} />);

  fireEvent.click(await screen.findByRole('button', { name: 'Télécharger sur cet appareil' }));
  await screen.findByText(
    'Le serveur est très sollicité : le fichier n’a pas pu être téléchargé. Réessayez dans 2 min.',
  );

  fireEvent.click(screen.getByRole('button', { name: 'Télécharger sur cet appareil' }));
  await screen.findByText('Téléchargé : disponible hors ligne.');
});

test('an image declaring more pixels than a phone can decode is not shown, only saved', async () => {
  const context = await appData();
  const attachment = await attachFile(context, {
    ownerType: 'toolboxItems',
    ownerId: newId(),
    kind: 'file',
    fileName: 'affiche.png',
    mimeType: 'image/png',
    data: pngHeader(20_000, 20_000).buffer,
  });

  render(<FileBlock attachment={attachment} offline={false} />);

  await screen.findByText(/Cette image fait 20.000.×.20.000 pixels.: trop pour être affichée sur un téléphone\./);
  expect((await screen.findByTestId('save-file')).getAttribute('download')).toBe('affiche.png');
  expect(screen.queryByTestId('file-image')).toBeNull();
});
