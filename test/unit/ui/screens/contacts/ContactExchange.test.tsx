// The contacts import's report, line by line, in words a concierge reads: the field a refused
// line fails on by its name (never "tags.0"), and the person a line would be merged into.
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, expect, test, vi } from 'vitest';
import { createContact } from '../../../../../src/db/contacts';
import type { DataContext } from '../../../../../src/db/context';
import { isolate } from '../../../../../src/domain/bidi';
import { ContactExchange } from '../../../../../src/ui/screens/contacts/ContactExchange';
import { openTestContext } from '../../../../helpers/db';
import { withFrenchPage } from '../../../../helpers/screen-setup';

const held: { context: DataContext | undefined } = { context: undefined };
vi.mock('../../../../../src/ui/hooks/use-data-context', () => ({ useDataContext: () => held.context }));

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

  const report = await waitFor(() => screen.getByTestId('import-report'), { timeout: 5000 });
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

  const report = await waitFor(() => screen.getByTestId('import-report'), { timeout: 5000 });
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

  const report = await waitFor(() => screen.getByTestId('import-report'), { timeout: 5000 });
  expect(report.textContent).toContain('ce fichier pèse plus de 50 Mo');
  expect(film.arrayBuffer).not.toHaveBeenCalled();
});

test('two columns filling one field are named in the report, with what was taken', async () => {
  const csv = 'Nom;Téléphone;Mobile;Tags;Étiquettes\nAnne;02 99 00 00 00;06 12 34 56 78;réseau;fablab\n';
  render(<ContactExchange />);
  const input = document.querySelector('input[type="file"]') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [new File([csv], 'contacts.csv', { type: 'text/csv' })] } });

  const report = await waitFor(() => screen.getByTestId('import-report'), { timeout: 5000 });
  expect(report.textContent).toContain('1 personne ajoutée');
  expect(report.textContent).toContain(
    `«\u00a0${isolate('Téléphone')}\u00a0» (colonne 2) et «\u00a0${isolate('Mobile')}\u00a0» (colonne 3) remplissent toutes le champ «\u00a0Téléphone\u00a0»\u00a0: la première case remplie est prise\u202f; une autre valeur va dans les notes, avec le nom de sa colonne.`,
  );
  expect(report.textContent).toContain(
    `«\u00a0${isolate('Tags')}\u00a0» (colonne 4) et «\u00a0${isolate('Étiquettes')}\u00a0» (colonne 5) remplissent toutes le champ «\u00a0Étiquettes\u00a0»\u00a0: leurs valeurs sont réunies.`,
  );
});
