// Files from users never open as documents of the app's origin: a file that says it is HTML
// (or a "photo" that is SVG) is typed by its bytes, offered as a download only, never as a
// blob: page in a tab.
import { act, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { appData } from '../../../src/db/app-data';
import { isolate } from '../../../src/domain/bidi';
import { newId } from '../../../src/domain/ids';
import { startRouter } from '../../../src/state/router';
import { uiStore } from '../../../src/state/ui';
import { App } from '../../../src/ui/App';
// The screens these tests open, loaded with the file instead of inside a test's wait: the
// route's import() then finds them ready. Transforming a screen's modules takes seconds on a
// loaded machine, and a wait is for what the screen shows, not for the test runner.
import '../../../src/ui/screens/toolbox/index';
import '../../../src/ui/screens/visits/index';
import '../../../src/ui/screens/visits/detail/VisitDetail';

beforeAll(() => {
  uiStore.setState({ lang: 'fr', online: true, updateAvailable: false, unsavedInputs: 0 });
  location.hash = '';
  startRouter(window);
});

afterEach(() => {
  vi.restoreAllMocks();
});

const AT = '2026-11-01T10:00:00.000Z';
const base = { networkId: 'local', createdAt: AT, updatedAt: AT, updatedBy: 'Ailleurs', deleted: false, hlc: {} };

/** A file as another device would have attached it, pulled with its bytes. */
async function plantFile(
  owner: 'toolboxItems' | 'visits',
  ownerId: string,
  name: string,
  mimeType: string,
  text: string,
) {
  const context = await appData();
  const data = new TextEncoder().encode(text).buffer;
  const sha256 = [...new Uint8Array(await crypto.subtle.digest('SHA-256', data))]
    .map((byte) => byte.toString(16).padStart(2, '0'))
    .join('');
  const id = newId();
  await context.db.anyRecords('attachments').put({
    ...base,
    id,
    ownerType: owner,
    ownerId,
    kind: owner === 'visits' ? 'photo' : 'file',
    fileName: name,
    mimeType,
    size: data.byteLength,
    sha256,
  } as never);
  await context.db.blobs.put({ sha256, data, mimeType, size: data.byteLength, state: 'uploaded' });
  return id;
}

/** A published valise item with its file, kept offline. */
async function plantItem(id: string, attachmentId: string, kind: string, title: string) {
  const context = await appData();
  const item = { ...base, id, kind, title, status: 'published', attachmentId, availableOffline: true, tags: [] };
  await context.db.anyRecords('toolboxItems').put(item as never);
}

/** The types of the blob: URLs the page makes. */
function watchObjectUrls(): string[] {
  const types: string[] = [];
  const create = URL.createObjectURL.bind(URL);
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    types.push((blob as Blob).type);
    return create(blob);
  });
  return types;
}

function go(hash: string) {
  act(() => {
    location.hash = hash;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
}

describe('a file from a user', () => {
  test('an uploaded text/html file of the valise is only saved, never opened in a tab', async () => {
    const types = watchObjectUrls();
    const itemId = newId();
    const attachmentId = await plantFile(
      'toolboxItems',
      itemId,
      'fiche.html',
      'text/html',
      '<script>alert(1)</script>',
    );
    await plantItem(itemId, attachmentId, 'document', 'Fiche piégée');
    render(<App />);
    go(`#/valise/element/${itemId}`);
    const save = await screen.findByTestId('save-file');
    expect(save.getAttribute('download')).toBe('fiche.html');
    expect(screen.queryByTestId('open-file')).toBeNull();
    expect(screen.queryByTestId('file-image')).toBeNull();
    expect(document.querySelectorAll('a[target="_blank"][href^="blob:"]')).toHaveLength(0);
    expect(types).toEqual(['application/octet-stream']);
  }, 60_000);

  test('a PDF opens in a tab typed by its bytes, whatever type its uploader declared', async () => {
    const types = watchObjectUrls();
    const itemId = newId();
    const attachmentId = await plantFile('toolboxItems', itemId, 'fiche.pdf', 'text/html', '%PDF-1.4\n%%EOF');
    await plantItem(itemId, attachmentId, 'method_sheet', 'Fiche en PDF');
    render(<App />);
    go(`#/valise/element/${itemId}`);
    expect((await screen.findByTestId('open-file')).getAttribute('target')).toBe('_blank');
    expect(types).toEqual(['application/pdf']);
  }, 60_000);

  test('a visit "photo" that is an SVG document is not shown nor linked, the real photo is shown through <img>', async () => {
    const types = watchObjectUrls();
    const context = await appData();
    const visitId = newId();
    // In a transaction, as the app writes: opening it loads what keeps the visits' indexes (src/db/index-writes-loader.ts).
    const visits = context.db.anyRecords('visits');
    await context.db.transaction('rw', visits, () =>
      visits.put({
        ...base,
        id: visitId,
        visitedAt: AT,
        services: ['inform'],
        contactIds: [],
        purpose: 'Visite avec photos',
      } as never),
    );
    await plantFile(
      'visits',
      visitId,
      'piege.svg',
      'image/svg+xml',
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
    );
    await plantFile('visits', visitId, 'facade.gif', 'image/gif', 'GIF89a-pixels');
    render(<App />);
    go(`#/visites/${visitId}`);
    await waitFor(() =>
      expect(screen.getByText(`${isolate('piege.svg')} n’est pas une image : elle n’est pas affichée.`)).toBeTruthy(),
    );
    const photo = await screen.findByRole('img', { name: 'facade.gif' });
    expect(photo.closest('a')).toBeNull();
    expect(types).toEqual(['image/gif']);
  }, 60_000);
});
