// The contacts import's report, line by line, in words a concierge reads: the field a refused
// line fails on by its name (never "tags.0"), and the person a line would be merged into.
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, expect, test, vi } from 'vitest';
import { createContact, listContacts } from '../../../../../src/db/contacts';
import type { DataContext } from '../../../../../src/db/context';
import { createOrganisation } from '../../../../../src/db/organisations';
import { isolate } from '../../../../../src/domain/bidi';
import { downloadFile } from '../../../../../src/ui/download';
import { ContactExchange } from '../../../../../src/ui/screens/contacts/ContactExchange';
import { openTestContext } from '../../../../helpers/db';
import { withFrenchPage } from '../../../../helpers/screen-setup';

const held: { context: DataContext | undefined } = { context: undefined };
vi.mock('../../../../../src/ui/hooks/use-data-context', () => ({ useDataContext: () => held.context }));
vi.mock('../../../../../src/ui/download', () => ({ downloadFile: vi.fn() }));

withFrenchPage();
beforeEach(async () => {
  held.context = await openTestContext();
});

test('a refused line names its field and the person it would be merged into', async () => {
  const context = held.context as DataContext;
  const thirty = (prefix: string) => Array.from({ length: 30 }, (_, index) => `${prefix}${index}`).join('|');
  await createContact(context, { name: 'Anne\u202Eevèleb', email: 'anne@exemple.fr', tags: thirty('s').split('|') });
  const csv =
    'nom;email;étiquettes;structure\n' +
    `Bob;bob@exemple.fr;${'t'.repeat(61)};\n` +
    `Chloé;chloe@exemple.fr;;${'L'.repeat(201)}\n` +
    `Anne;anne@exemple.fr;${thirty('a')};\n` +
    'Dan;dan@exemple.fr;;\n';
  render(<ContactExchange />);
  const input = document.querySelector('input[type="file"]') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [new File([csv], 'contacts.csv', { type: 'text/csv' })] } });

  const report = await screen.findByTestId('import-report');
  expect(report.textContent).toContain('1 personne ajoutée');
  expect([...report.querySelectorAll('li')].map((item) => item.textContent)).toEqual([
    'Ligne 2\u00a0: Étiquettes — Trop long\u00a0: 60 caractères au maximum.',
    'Ligne 3\u00a0: Lieux / structures — Trop long\u00a0: 200 caractères au maximum.',
    `Ligne 4\u00a0: fusionnée avec «\u00a0${isolate('Anne\u202Eevèleb')}\u00a0» (même e-mail ou téléphone), cette personne aurait 60 étiquettes, 50 au plus. Retirez-en dans le tableur.`,
  ]);
});

test('a file of thousands of refused lines lists the first 200 and counts the others', async () => {
  const csv = `nom;email\n${Array.from({ length: 3000 }, (_, index) => `;p${index}@exemple.fr`).join('\n')}\n`;
  render(<ContactExchange />);
  const input = document.querySelector('input[type="file"]') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [new File([csv], 'contacts.csv', { type: 'text/csv' })] } });

  const report = await screen.findByTestId('import-report');
  expect(report.textContent).toContain('3\u202f000 lignes refusées');
  const items = [...report.querySelectorAll('li')].map((item) => item.textContent);
  expect(items).toHaveLength(200);
  expect(items[0]).toBe('Ligne 2\u00a0: le nom manque.');
  expect(report.textContent).toContain('… et 2\u202f800 autres lignes');
});

test('a file over 50 MB is refused by its size, never read', async () => {
  const film = { name: 'vacances.mp4', size: 3 * 1024 ** 3, type: 'video/mp4', arrayBuffer: vi.fn() };
  render(<ContactExchange />);
  const input = document.querySelector('input[type="file"]') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [film] } });

  const report = await screen.findByTestId('import-report');
  expect(report.textContent).toContain('ce fichier pèse plus de 50 Mo');
  expect(film.arrayBuffer).not.toHaveBeenCalled();
});

test('two columns filling one field are named in the report, with what was taken', async () => {
  const csv = 'Nom;Téléphone;Mobile;Tags;Étiquettes\nAnne;02 99 00 00 00;06 12 34 56 78;réseau;fablab\n';
  render(<ContactExchange />);
  const input = document.querySelector('input[type="file"]') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [new File([csv], 'contacts.csv', { type: 'text/csv' })] } });

  const report = await screen.findByTestId('import-report');
  expect(report.textContent).toContain('1 personne ajoutée');
  expect(report.textContent).toContain(
    `«\u00a0${isolate('Téléphone')}\u00a0» (colonne 2) et «\u00a0${isolate('Mobile')}\u00a0» (colonne 3) remplissent toutes le champ «\u00a0Téléphone\u00a0»\u00a0: la première case remplie est prise\u202f; une autre valeur va dans les notes, avec le nom de sa colonne.`,
  );
  expect(report.textContent).toContain(
    `«\u00a0${isolate('Tags')}\u00a0» (colonne 4) et «\u00a0${isolate('Étiquettes')}\u00a0» (colonne 5) remplissent toutes le champ «\u00a0Étiquettes\u00a0»\u00a0: leurs valeurs sont réunies.`,
  );
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

const pick = (file: unknown) =>
  fireEvent.change(document.querySelector('input[type="file"]') as HTMLInputElement, { target: { files: [file] } });

const storedNames = async () => (await listContacts(held.context as DataContext)).map((contact) => contact.name);

// The next file's import is written after whatever the first read would have written (its
// transaction would be opened first, as soon as its bytes arrived), so its report is the
// moment to look at what is stored.
async function importAnother() {
  pick(new File(['nom\nBéa\n'], 'petit.csv', { type: 'text/csv' }));
  const report = await screen.findByTestId('import-report');
  expect(report.textContent).toContain('1 personne ajoutée');
}

test('« Annuler » while the file is read stops it, says so, and writes nothing from it', async () => {
  const big = heldFile('nom\nAnne\nBob\n');
  render(<ContactExchange />);
  pick(big.file);
  expect(screen.getByTestId('contact-import-progress').textContent).toBe('Lecture du fichier… 0\u00a0%');

  fireEvent.click(screen.getByRole('button', { name: 'Annuler' }));
  expect(screen.getByTestId('contact-import-cancelled').textContent).toBe('Import annulé\u00a0: rien n’a été importé.');
  expect(screen.queryByTestId('contact-import-progress')).toBeNull();
  expect(screen.queryByRole('button', { name: 'Annuler' })).toBeNull();

  big.release();
  await importAnother();
  expect(await storedNames()).toEqual(['Béa']);
});

test('leaving the page while the file is read stops it: nothing is written from it', async () => {
  const big = heldFile('nom\nAnne\nBob\n');
  const page = render(<ContactExchange />);
  pick(big.file);
  expect(screen.getByTestId('contact-import-progress')).toBeTruthy();
  page.unmount();

  big.release();
  render(<ContactExchange />);
  await importAnother();
  expect(await storedNames()).toEqual(['Béa']);
});

test('« Exporter en vCard » downloads every person as a card naming their lieu', async () => {
  const context = held.context as DataContext;
  const forge = await createOrganisation(context, { name: 'La Forge', kind: 'tiers_lieu' });
  await createContact(context, { name: 'Anne Dupont', organisationIds: [forge.id] });
  await createContact(context, { name: 'Bruno Martin' });
  render(<ContactExchange />);
  fireEvent.click(screen.getByRole('button', { name: 'Exporter en vCard' }));

  await waitFor(() => expect(downloadFile).toHaveBeenCalledTimes(1));
  const [fileName, [text], type] = vi.mocked(downloadFile).mock.calls[0]!;
  expect([fileName, type]).toEqual(['contacts-valise.vcf', 'text/vcard']);
  // One card each, the person with no lieu too, and the lieu only on its own person's card.
  const cards = String(text).split('BEGIN:VCARD').slice(1);
  expect(cards).toHaveLength(2);
  const anne = cards.find((card) => card.includes('FN:Anne Dupont'));
  const bruno = cards.find((card) => card.includes('FN:Bruno Martin'));
  expect(anne).toContain('ORG:La Forge');
  expect(bruno).toBeDefined();
  expect(bruno).not.toContain('ORG:');
});
