// A file picked for the lieux import that is far past what a phone can read (a film picked by
// mistake) is refused by its size, before a byte of it is read into the tab's memory.
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, expect, test, vi } from 'vitest';
import type { DataContext } from '../../../../../src/db/context';
import { liveLieux } from '../../../../../src/db/lieu-import';
import { LieuImport } from '../../../../../src/ui/screens/contacts/LieuImport';
import { openTestContext } from '../../../../helpers/db';
import { withFrenchPage } from '../../../../helpers/screen-setup';

const held: { context: DataContext | undefined } = { context: undefined };
vi.mock('../../../../../src/ui/hooks/use-data-context', () => ({ useDataContext: () => held.context }));
vi.mock('../../../../../src/ui/hooks/use-communes', () => ({ useCommunes: () => 'unavailable' }));
// Counted: a read that goes to its end looks up the stored lieux last.
vi.mock('../../../../../src/db/lieu-import', async (original) => {
  const actual = await original<typeof import('../../../../../src/db/lieu-import')>();
  return { ...actual, liveLieux: vi.fn(actual.liveLieux) };
});

withFrenchPage();
beforeEach(async () => {
  held.context = await openTestContext();
  vi.mocked(liveLieux).mockClear();
});

test('a file over 50 MB is refused by its size, never read', async () => {
  const film = { name: 'carte.csv', size: 3 * 1024 ** 3, type: 'text/csv', arrayBuffer: vi.fn() };
  render(<LieuImport />);
  fireEvent.change(screen.getByLabelText('Choisir un fichier'), { target: { files: [film] } });

  await waitFor(() => expect(document.body.textContent).toContain('Ce fichier pèse plus de 50 Mo'));
  expect(film.arrayBuffer).not.toHaveBeenCalled();
});

test('a second column for one field is shown going to the notes, with the column it repeats', async () => {
  const csv = 'Nom;Téléphone;Tel\nLa Grange;02 99 00 00 00;06 12 34 56 78\n';
  render(<LieuImport />);
  fireEvent.change(screen.getByLabelText('Choisir un fichier'), {
    target: { files: [new File([csv], 'lieux.csv', { type: 'text/csv' })] },
  });

  const select = (await waitFor(() => screen.getByLabelText(/^Tel/))) as HTMLSelectElement;
  expect(select.value).toBe('notes');
  expect(select.labels?.[0]?.textContent).toContain(
    'Comme «\u00a0\u2068Téléphone\u2069\u00a0» (colonne 2), elle donne le champ «\u00a0Téléphone\u00a0»\u00a0: elle va dans les notes, pour ne rien perdre.',
  );
});

test('a JSON file nested 20,000 deep is said to be too deep, not unreadable', async () => {
  const deep = `{"data":[{"nom":"Café","x":${'['.repeat(20_000)}${']'.repeat(20_000)}}]}`;
  render(<LieuImport />);
  fireEvent.change(screen.getByLabelText('Choisir un fichier'), {
    target: { files: [new File([deep], 'carte.json', { type: 'application/json' })] },
  });

  await waitFor(() =>
    expect(document.body.textContent).toContain('Ce fichier JSON est imbriqué sur plus de 64 niveaux'),
  );
  expect(screen.getByText('Choisir un fichier')).toBeTruthy();
});

/** A picked file whose bytes arrive only when the test says: the read is under way until then. */
function heldFile(text: string) {
  const bytes = new TextEncoder().encode(text).buffer;
  const arrived: { release: () => void } = { release: () => {} };
  const arrival = new Promise<void>((resolve) => {
    arrived.release = resolve;
  });
  const file = {
    name: 'gros.csv',
    size: bytes.byteLength,
    type: 'text/csv',
    arrayBuffer: () => arrival.then(() => bytes),
  };
  return { file, release: arrived.release };
}

test('leaving the page while a file is read stops the read', async () => {
  const big = heldFile('Nom;Commune\nLa Grange;Redon\n');
  const page = render(<LieuImport />);
  fireEvent.change(screen.getByLabelText('Choisir un fichier'), { target: { files: [big.file] } });
  expect(screen.getByTestId('import-progress').textContent).toBe('Lecture du fichier… 0\u00a0%');
  page.unmount();
  big.release();

  // The first read, had it gone on, would have ended before this one (its steps need no timer).
  render(<LieuImport />);
  fireEvent.change(screen.getByLabelText('Choisir un fichier'), {
    target: { files: [new File(['Nom;Commune\nLe Fournil;Vannes\n'], 'petit.csv', { type: 'text/csv' })] },
  });
  await waitFor(() => screen.getByLabelText(/^Commune/));
  expect(liveLieux).toHaveBeenCalledTimes(1);
});
