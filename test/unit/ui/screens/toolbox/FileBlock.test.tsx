// The file of a valise item sent from this device and refused by the network's server: the item
// page says why, and only says "too large" when the file is.
import { render, screen } from '@testing-library/preact';
import { beforeEach, expect, test } from 'vitest';
import { appData } from '../../../../../src/db/app-data';
import { attachFile } from '../../../../../src/db/attachments';
import { markBlobUploaded } from '../../../../../src/db/blobs';
import { newId } from '../../../../../src/domain/ids';
import { uiStore } from '../../../../../src/state/ui';
import { FileBlock } from '../../../../../src/ui/screens/toolbox/FileBlock';

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
